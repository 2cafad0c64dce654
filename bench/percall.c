/*
 * percall: per-call micro-benchmark for scripts/bench-more — the cost of one Winsock call made
 * through the project against the same POSIX call, in one process and one run.
 *
 *   percall [-r REPS] [-m MS] [-o ONLY]
 *
 *   -r REPS   measurements per call and side (default 5); the table shows the medians
 *   -m MS     target length of one measurement in milliseconds (default 60); the iteration
 *             count is calibrated per call and side
 *   -o NAME   run only the test named NAME (see the table's first column)
 *
 * For every test both sides are measured REPS times, interleaved (the order alternates per
 * repetition), each measurement on fresh sockets after a warm-up of a tenth of its iterations.
 * The Windows side (percall_win.c) is compiled against the project's headers; this file is the
 * POSIX side and the driver. The printed ratio is median(Windows) ÷ median(POSIX); "range" is
 * the spread of the per-repetition ratios (repetitions paired in time). The target column
 * repeats ../shared/PERFORMANCE.md. A measurement, not a test: exits non-zero only when a call
 * fails.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "percall.h"

#define MSG 64
#define MAX_REPS 31

static const struct {
    const char *name, *win, *posix;
    double target;
} tests[T_COUNT] = {
    [T_GETSOCKOPT] = {"getsockopt", "getsockopt(SO_RCVBUF)", "getsockopt(SO_RCVBUF)", 1.2},
    [T_FIONREAD] = {"fionread", "ioctlsocket(FIONREAD)", "ioctl(FIONREAD)", 1.2},
    [T_RECV_EMPTY] = {"recv-empty", "recv -> WSAEWOULDBLOCK", "recv -> EAGAIN", 1.2},
    [T_SELECT] = {"select", "select, 1 socket, 0 timeout", "poll, 1 fd, 0 timeout", 1.5},
    [T_WSAPOLL] = {"wsapoll", "WSAPoll, 1 socket, 0 timeout", "poll, 1 fd, 0 timeout", 1.5},
    [T_SENDRECV] = {"send-recv", "send + recv, 64 B", "send + recv, 64 B", 1.15},
    [T_SOCKET_CLOSE] = {"socket-close", "socket + closesocket", "socket + close", 2.0},
    [T_OVERLAPPED] = {"overlapped", "WSARecv+send+GQCS", "send+epoll_wait+recv", 1.5},
};

static int a = -1, b = -1, ep = -1;
static char buf[MSG];

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int bad(const char *what) {
    fprintf(stderr, "percall(posix): %s failed: %s\n", what, strerror(errno));
    return -1;
}

static int make_pair(void) {
    struct sockaddr_in sa = {.sin_family = AF_INET};
    socklen_t len = sizeof sa;
    int one = 1, l = socket(AF_INET, SOCK_STREAM, 0);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (l < 0 || bind(l, (struct sockaddr *)&sa, sizeof sa) || listen(l, 1) ||
        getsockname(l, (struct sockaddr *)&sa, &len))
        return bad("listener");
    a = socket(AF_INET, SOCK_STREAM, 0);
    if (a < 0 || connect(a, (struct sockaddr *)&sa, sizeof sa)) return bad("connect");
    if ((b = accept(l, NULL, NULL)) < 0) return bad("accept");
    close(l);
    setsockopt(a, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    setsockopt(b, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return 0;
}

static int posix_setup(int test) {
    if (test == T_SOCKET_CLOSE) return 0;
    if (make_pair()) return -1;
    if (test == T_RECV_EMPTY && fcntl(a, F_SETFL, fcntl(a, F_GETFL) | O_NONBLOCK)) return bad("fcntl");
    if (test == T_OVERLAPPED) {
        struct epoll_event ev = {.events = EPOLLIN};
        if ((ep = epoll_create1(0)) < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, a, &ev)) return bad("epoll");
    }
    return 0;
}

static void posix_teardown(void) {
    if (a >= 0) close(a);
    if (b >= 0) close(b);
    if (ep >= 0) close(ep);
    a = b = ep = -1;
}

static int posix_loop(int test, long iters) {
    long i;
    switch (test) {
    case T_GETSOCKOPT:
        for (i = 0; i < iters; i++) {
            int v = 0;
            socklen_t len = sizeof v;
            if (getsockopt(a, SOL_SOCKET, SO_RCVBUF, &v, &len) || v <= 0) return bad("getsockopt");
        }
        return 0;
    case T_FIONREAD:
        for (i = 0; i < iters; i++) {
            int n = 1;
            if (ioctl(a, FIONREAD, &n) || n != 0) return bad("ioctl(FIONREAD)");
        }
        return 0;
    case T_RECV_EMPTY:
        for (i = 0; i < iters; i++)
            if (recv(a, buf, MSG, 0) != -1 || errno != EAGAIN) return bad("recv (expected EAGAIN)");
        return 0;
    case T_SELECT:
    case T_WSAPOLL:
        for (i = 0; i < iters; i++) {
            struct pollfd p = {.fd = a, .events = POLLIN | POLLOUT};
            if (poll(&p, 1, 0) != 1 || p.revents != POLLOUT) return bad("poll");
        }
        return 0;
    case T_SENDRECV:
        for (i = 0; i < iters; i++) {
            ssize_t got = 0, n;
            if (send(b, buf, MSG, 0) != MSG) return bad("send");
            while (got < MSG) {
                if ((n = recv(a, buf + got, (size_t)(MSG - got), 0)) <= 0) return bad("recv");
                got += n;
            }
        }
        return 0;
    case T_SOCKET_CLOSE:
        for (i = 0; i < iters; i++) {
            int s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            if (s < 0 || close(s)) return bad("socket/close");
        }
        return 0;
    case T_OVERLAPPED:
        for (i = 0; i < iters; i++) {
            struct epoll_event ev;
            if (send(b, buf, MSG, 0) != MSG) return bad("send");
            if (epoll_wait(ep, &ev, 1, -1) != 1) return bad("epoll_wait");
            if (recv(a, buf, MSG, 0) != MSG) return bad("recv");
        }
        return 0;
    }
    return -1;
}

/* One measurement on fresh sockets: ns per iteration. */
static double measure(int win, int test, long iters) {
    int r;
    if ((win ? win_setup(test) : posix_setup(test)) < 0) exit(1);
    r = win ? win_loop(test, iters / 10 + 1) : posix_loop(test, iters / 10 + 1);
    uint64_t t0 = now_ns();
    if (!r) r = win ? win_loop(test, iters) : posix_loop(test, iters);
    uint64_t t1 = now_ns();
    if (win) win_teardown(test);
    else posix_teardown();
    if (r) exit(1);
    return (double)(t1 - t0) / (double)iters;
}

static long calibrate(int win, int test, double ms) {
    long iters = 100;
    for (;;) {
        double ns = measure(win, test, iters);
        double total_ms = ns * (double)iters / 1e6;
        if (total_ms >= 5 || iters >= 100000000) {
            long n = (long)(ms * 1e6 / ns);
            return n < 100 ? 100 : n;
        }
        iters *= 10;
    }
}

static int cmp_d(const void *x, const void *y) {
    double p = *(const double *)x, q = *(const double *)y;
    return p < q ? -1 : p > q;
}

static double median(const double *v, int n) {
    double s[MAX_REPS];
    memcpy(s, v, (size_t)n * sizeof *v);
    qsort(s, (size_t)n, sizeof *s, cmp_d);
    return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

int main(int argc, char **argv) {
    int reps = 5, opt, met = 0, ran = 0;
    double ms = 60;
    const char *only = NULL;
    while ((opt = getopt(argc, argv, "r:m:o:")) != -1) {
        switch (opt) {
        case 'r': reps = atoi(optarg); break;
        case 'm': ms = atof(optarg); break;
        case 'o': only = optarg; break;
        default:
            fprintf(stderr, "usage: percall [-r REPS] [-m MS] [-o NAME]\n");
            return 1;
        }
    }
    if (reps < 1) reps = 1;
    if (reps > MAX_REPS) reps = MAX_REPS;
    if (win_init()) return 1;

    printf("%-13s | %-28s %9s | %-22s %9s | %6s %-11s | %6s %s\n", "test", "Windows call (this project)", "ns/call",
           "POSIX call", "ns/call", "ratio", "(range)", "target", "met");
    for (int t = 0; t < T_COUNT; t++) {
        if (only && strcmp(only, tests[t].name)) continue;
        long wi = calibrate(1, t, ms), pi = calibrate(0, t, ms);
        double w[MAX_REPS], p[MAX_REPS], lo = 1e30, hi = 0;
        for (int r = 0; r < reps; r++) {
            if (r % 2 == 0) {
                w[r] = measure(1, t, wi);
                p[r] = measure(0, t, pi);
            } else {
                p[r] = measure(0, t, pi);
                w[r] = measure(1, t, wi);
            }
            double x = w[r] / p[r];
            if (x < lo) lo = x;
            if (x > hi) hi = x;
        }
        double mw = median(w, reps), mp = median(p, reps), ratio = mw / mp;
        int ok = ratio <= tests[t].target;
        met += ok;
        ran++;
        char range[32];
        snprintf(range, sizeof range, "%.2f–%.2f", lo, hi);
        printf("%-13s | %-28s %9.0f | %-22s %9.0f | %6.2f %-13s | ≤%5.2f %s\n", tests[t].name, tests[t].win, mw,
               tests[t].posix, mp, ratio, range, tests[t].target, ok ? "yes" : "NO");
        fflush(stdout);
    }
    printf("\nMedians of %d measurements of ~%.0f ms per call and side, interleaved; ratio = Windows ÷ POSIX\n"
           "(lower is better); range = per-measurement ratios. Targets met: %d of %d.\n",
           reps, ms, met, ran);
    return 0;
}
