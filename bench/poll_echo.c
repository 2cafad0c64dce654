/*
 * poll_echo: the native baseline for select_echo.c in scripts/bench-more — a plain Linux C echo
 * server on poll().
 *
 *   poll_echo PORT        (PORT 0 = any free port; prints "port N" once listening)
 *
 * The same single-threaded shape as the Windows select server: non-blocking sockets, one
 * poll() over the listener and every connection without a timeout, accepts until EAGAIN, one
 * read() per readable connection with the bytes written straight back, and a partial write
 * parked until POLLOUT (no reads meanwhile). The pollfd array is kept from one call to the next
 * (index = connection), which is how a poll() server is written and the cheapest it can be.
 * Runs until killed.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define BUF_SIZE 65536
#define MAX_FDS 8192

typedef struct {
    size_t off, len; /* unsent part of buf */
    char buf[BUF_SIZE];
} conn_t;

static struct pollfd pfds[MAX_FDS]; /* [0] is the listener */
static conn_t *conns[MAX_FDS];
static int nfds = 1;

static void close_conn(int i) {
    close(pfds[i].fd);
    free(conns[i]);
    if (i != --nfds) {
        pfds[i] = pfds[nfds];
        conns[i] = conns[nfds];
    }
}

/* Write what is pending: 0 drained, 1 would block, -1 error. */
static int flush(conn_t *c, int fd) {
    while (c->off < c->len) {
        ssize_t n = write(fd, c->buf + c->off, c->len - c->off);
        if (n < 0) return errno == EAGAIN ? 1 : -1;
        c->off += (size_t)n;
    }
    return 0;
}

/* Serve pfds[i]; returns 1 when it was closed (the last entry moved into i). */
static int serve(int i) {
    conn_t *c = conns[i];
    short ev = pfds[i].revents;
    if (ev & POLLOUT) {
        int r = flush(c, pfds[i].fd);
        if (r < 0) goto closed;
        if (r == 0) pfds[i].events = POLLIN;
        return 0;
    }
    if (!(ev & (POLLIN | POLLERR | POLLHUP))) return 0;
    ssize_t got = read(pfds[i].fd, c->buf, BUF_SIZE);
    if (got < 0 && errno == EAGAIN) return 0;
    if (got <= 0) goto closed;
    c->off = 0;
    c->len = (size_t)got;
    int r = flush(c, pfds[i].fd);
    if (r < 0) goto closed;
    if (r == 1) pfds[i].events = POLLOUT;
    return 0;
closed:
    close_conn(i);
    return 1;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: poll_echo PORT\n");
        return 1;
    }
    int ls = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[1]))};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof sa;
    if (bind(ls, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(ls, SOMAXCONN) < 0 ||
        getsockname(ls, (struct sockaddr *)&sa, &len) < 0) {
        perror("poll_echo: bind/listen");
        return 1;
    }
    printf("port %d\n", ntohs(sa.sin_port));
    fflush(stdout);
    pfds[0].fd = ls;
    pfds[0].events = POLLIN;

    for (;;) {
        int n = poll(pfds, (nfds_t)nfds, -1);
        if (n < 0) {
            if (errno == EINTR) continue;
            perror("poll_echo: poll");
            return 1;
        }
        int end = nfds; /* connections accepted below are served next round */
        for (int i = 1; i < end && n > 0; i++) {
            if (!pfds[i].revents) continue;
            n--;
            if (serve(i)) {
                /* the last entry moved into i: serve it here if it was polled this round */
                if (nfds < end) {
                    end = nfds;
                    i--;
                }
            }
        }
        if (pfds[0].revents & POLLIN) {
            for (;;) {
                int fd = accept4(ls, NULL, NULL, SOCK_NONBLOCK);
                if (fd < 0) break;
                if (nfds == MAX_FDS) {
                    close(fd);
                    continue;
                }
                setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                conns[nfds] = malloc(sizeof(conn_t));
                conns[nfds]->off = conns[nfds]->len = 0;
                pfds[nfds].fd = fd;
                pfds[nfds].events = POLLIN;
                pfds[nfds].revents = 0;
                nfds++;
            }
        }
    }
}
