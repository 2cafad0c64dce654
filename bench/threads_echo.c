/*
 * threads_echo: the native baseline for blocking_echo.c in scripts/bench-more — a plain Linux C
 * thread-per-connection echo server.
 *
 *   threads_echo PORT        (PORT 0 = any free port; prints "port N" once listening)
 *
 * A blocking accept() loop and one detached pthread per connection (256 KiB stack, as
 * blocking_echo's CreateThread), looping on blocking read() and write() until the peer closes.
 * Runs until killed.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#define BUF_SIZE 65536
#define STACK_SIZE (256 * 1024)

static void *serve(void *arg) {
    int fd = (int)(intptr_t)arg, one = 1;
    char *buf = malloc(BUF_SIZE);
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    for (;;) {
        ssize_t got = read(fd, buf, BUF_SIZE), off = 0;
        if (got <= 0) break;
        while (off < got) {
            ssize_t n = write(fd, buf + off, (size_t)(got - off));
            if (n < 0) goto done;
            off += n;
        }
    }
done:
    close(fd);
    free(buf);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: threads_echo PORT\n");
        return 1;
    }
    int ls = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[1]))};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof sa;
    if (bind(ls, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(ls, SOMAXCONN) < 0 ||
        getsockname(ls, (struct sockaddr *)&sa, &len) < 0) {
        perror("threads_echo: bind/listen");
        return 1;
    }
    printf("port %d\n", ntohs(sa.sin_port));
    fflush(stdout);

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, STACK_SIZE);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    for (;;) {
        int fd = accept(ls, NULL, NULL);
        if (fd < 0) {
            perror("threads_echo: accept");
            continue;
        }
        pthread_t t;
        if (pthread_create(&t, &attr, serve, (void *)(intptr_t)fd) != 0) {
            perror("threads_echo: pthread_create");
            close(fd);
        }
    }
}
