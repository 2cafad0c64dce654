/*
 * epoll_echo: the native baseline for scripts/bench — a plain Linux C echo server.
 *
 *   epoll_echo PORT [THREADS]        (PORT 0 = any free port; prints "port N" once listening)
 *
 * Why this shape: it is the strongest *simple* native server for a ping-pong load. THREADS
 * workers (default: online CPUs), each with its own SO_REUSEPORT listener and its own epoll set,
 * so the kernel spreads connections over workers and no state, lock or wake-up is shared —
 * the same degree of parallelism as the IOCP server's worker pool, without its hand-offs.
 * Level-triggered, non-blocking, one read() per readiness and the echo written straight back
 * from the same buffer: one epoll_wait (amortised over a batch) + read + write per echo, the
 * minimum a readiness-based server can do. A short write parks the rest and switches the
 * connection to EPOLLOUT until it drains (no reads meanwhile: back-pressure, as in the IOCP
 * server which posts the next WSARecv only after the send completes).
 * Runs until killed.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define BUF_SIZE 65536

typedef struct {
    int fd;
    size_t off, len;  /* unsent part of buf */
    char buf[BUF_SIZE];
} conn_t;

static int make_listener(int port) {
    int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    setsockopt(s, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(s, SOMAXCONN) < 0) {
        perror("epoll_echo: bind/listen");
        exit(1);
    }
    return s;
}

static void close_conn(int ep, conn_t *c) {
    epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    free(c);
}

/* Write what is pending; returns 0 when drained, 1 when the socket is full, -1 on error. */
static int flush(conn_t *c) {
    while (c->off < c->len) {
        ssize_t n = write(c->fd, c->buf + c->off, c->len - c->off);
        if (n < 0) return errno == EAGAIN ? 1 : -1;
        c->off += (size_t)n;
    }
    return 0;
}

static void *worker(void *arg) {
    int ls = (int)(long)arg, ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL};
    epoll_ctl(ep, EPOLL_CTL_ADD, ls, &ev);
    struct epoll_event evs[256];
    for (;;) {
        int n = epoll_wait(ep, evs, 256, -1);
        for (int i = 0; i < n; i++) {
            conn_t *c = evs[i].data.ptr;
            if (!c) {
                int fd, one = 1;
                while ((fd = accept4(ls, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    conn_t *nc = malloc(sizeof *nc);
                    nc->fd = fd;
                    nc->off = nc->len = 0;
                    struct epoll_event e = {.events = EPOLLIN, .data.ptr = nc};
                    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e);
                }
                continue;
            }
            if (c->off < c->len) { /* EPOLLOUT: drain, then read again */
                int r = flush(c);
                if (r < 0) close_conn(ep, c);
                else if (r == 0) {
                    struct epoll_event e = {.events = EPOLLIN, .data.ptr = c};
                    epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &e);
                }
                continue;
            }
            ssize_t got = read(c->fd, c->buf, BUF_SIZE);
            if (got < 0 && errno == EAGAIN) continue;
            if (got <= 0) {
                close_conn(ep, c);
                continue;
            }
            c->off = 0;
            c->len = (size_t)got;
            int r = flush(c);
            if (r < 0) close_conn(ep, c);
            else if (r == 1) {
                struct epoll_event e = {.events = EPOLLOUT, .data.ptr = c};
                epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &e);
            }
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: epoll_echo PORT [THREADS]\n");
        return 1;
    }
    int port = atoi(argv[1]);
    long threads = argc > 2 ? atol(argv[2]) : sysconf(_SC_NPROCESSORS_ONLN);
    if (threads < 1) threads = 1;
    int first = make_listener(port);
    struct sockaddr_in sa;
    socklen_t sl = sizeof sa;
    getsockname(first, (struct sockaddr *)&sa, &sl);
    port = ntohs(sa.sin_port);
    pthread_t tid;
    for (long t = 1; t < threads; t++) pthread_create(&tid, NULL, worker, (void *)(long)make_listener(port));
    printf("port %d\n", port);
    fflush(stdout);
    worker((void *)(long)first);
    return 0;
}
