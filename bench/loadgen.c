/*
 * loadgen: a verifying ping-pong load generator for the echo benchmarks (scripts/bench).
 *
 *   loadgen -p PORT [-H 127.0.0.1] [-c CONNS] [-s SIZE] [-d SECONDS] [-w WARMUP_SECONDS]
 *
 * Opens CONNS TCP connections (TCP_NODELAY), then on each one, strictly in turn: sends one
 * SIZE-byte message, waits until exactly SIZE bytes have come back, checks them byte for byte
 * against what was sent, records the round-trip time, and sends the next. One thread, one
 * level-triggered epoll set over all connections, non-blocking sockets (a 16 KiB message may
 * need several writes and reads). Echoes completed during the warm-up are not counted; every echo
 * completed in the measured window counts for throughput and gives one latency sample.
 *
 * Prints one line of key=value pairs:
 *   conns= size= msgs= secs= msgs_per_s= mib_per_s= p50_us= p99_us= p999_us= max_us= all_msgs=
 * (mib_per_s counts payload one way; all_msgs includes the warm-up, for per-echo server
 * costs). Exits 2 on any connection error, short echo or corrupted byte: a benchmark of a
 * server that loses data means nothing.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    int fd;
    int want_out;       /* EPOLLOUT armed */
    size_t tx_off;      /* bytes of the current message written */
    size_t rx_off;      /* bytes of the current echo read */
    uint64_t seq;
    uint64_t t_start;   /* ns, when the current message's first byte was written */
    unsigned char *tx;  /* current message */
    unsigned char *rx;  /* echo being received */
} conn_t;

static size_t msg_size = 64;
static uint64_t *lat;   /* round-trip times, ns */
static size_t lat_n, lat_cap;

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void die(const char *what, int conn) {
    fprintf(stderr, "loadgen: %s (connection %d): %s\n", what, conn, errno ? strerror(errno) : "");
    exit(2);
}

/* Stamp the sequence number at both ends so a stale or reordered echo cannot pass. */
static void stamp(conn_t *c) {
    memcpy(c->tx, &c->seq, msg_size < 8 ? msg_size : 8);
    if (msg_size >= 16) memcpy(c->tx + msg_size - 8, &c->seq, 8);
}

static void set_events(int ep, conn_t *c, int idx, int out) {
    if (c->want_out == out) return;
    struct epoll_event ev = {.events = EPOLLIN | (out ? EPOLLOUT : 0), .data.u32 = (uint32_t)idx};
    if (epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev) < 0) die("epoll_ctl", idx);
    c->want_out = out;
}

static void pump_tx(int ep, conn_t *c, int idx) {
    while (c->tx_off < msg_size) {
        ssize_t n = write(c->fd, c->tx + c->tx_off, msg_size - c->tx_off);
        if (n < 0) {
            if (errno == EAGAIN) break;
            die("write", idx);
        }
        c->tx_off += (size_t)n;
    }
    set_events(ep, c, idx, c->tx_off < msg_size);
}

static void start_msg(int ep, conn_t *c, int idx) {
    c->seq++;
    stamp(c);
    c->tx_off = c->rx_off = 0;
    c->t_start = now_ns();
    pump_tx(ep, c, idx);
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static double pct_us(double p) {
    if (!lat_n) return 0;
    size_t i = (size_t)(p * (double)lat_n);
    if (i >= lat_n) i = lat_n - 1;
    return (double)lat[i] / 1000.0;
}

int main(int argc, char **argv) {
    const char *host = "127.0.0.1";
    int port = 0, nconns = 1, opt;
    double secs = 3, warm = 0.5;
    while ((opt = getopt(argc, argv, "H:p:c:s:d:w:")) != -1) {
        switch (opt) {
        case 'H': host = optarg; break;
        case 'p': port = atoi(optarg); break;
        case 'c': nconns = atoi(optarg); break;
        case 's': msg_size = (size_t)atol(optarg); break;
        case 'd': secs = atof(optarg); break;
        case 'w': warm = atof(optarg); break;
        default:
            fprintf(stderr, "usage: loadgen -p PORT [-H HOST] [-c CONNS] [-s SIZE] [-d SECS] [-w WARMUP]\n");
            return 1;
        }
    }
    if (!port || nconns < 1 || msg_size < 1) {
        fprintf(stderr, "loadgen: need -p PORT, CONNS >= 1, SIZE >= 1\n");
        return 1;
    }

    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    inet_pton(AF_INET, host, &sa.sin_addr);
    int ep = epoll_create1(0);
    conn_t *cs = calloc((size_t)nconns, sizeof *cs);
    for (int i = 0; i < nconns; i++) {
        conn_t *c = &cs[i];
        c->fd = socket(AF_INET, SOCK_STREAM, 0);
        if (c->fd < 0) die("socket", i);
        int one = 1;
        setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        int tries = 0;
        while (connect(c->fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
            /* A server with a short accept queue may refuse a burst; retry briefly. */
            if (++tries > 200 || (errno != ECONNREFUSED && errno != EAGAIN)) die("connect", i);
            close(c->fd);
            usleep(10000);
            c->fd = socket(AF_INET, SOCK_STREAM, 0);
            setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        }
        fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK);
        c->tx = malloc(msg_size);
        c->rx = malloc(msg_size);
        for (size_t k = 0; k < msg_size; k++) c->tx[k] = (unsigned char)(k * 31 + (size_t)i * 7 + 1);
        struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (uint32_t)i};
        if (epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev) < 0) die("epoll_ctl", i);
    }

    lat_cap = 1 << 20;
    lat = malloc(lat_cap * sizeof *lat);
    uint64_t t0 = now_ns();
    uint64_t t_measure = t0 + (uint64_t)(warm * 1e9), t_end = t_measure + (uint64_t)(secs * 1e9);
    uint64_t counted = 0, all = 0;
    for (int i = 0; i < nconns; i++) start_msg(ep, &cs[i], i);

    struct epoll_event evs[256];
    for (;;) {
        int n = epoll_wait(ep, evs, 256, 10);
        if (n < 0) {
            if (errno == EINTR) continue;
            die("epoll_wait", -1);
        }
        uint64_t t = now_ns();
        for (int e = 0; e < n; e++) {
            int idx = (int)evs[e].data.u32;
            conn_t *c = &cs[idx];
            if (evs[e].events & EPOLLOUT) pump_tx(ep, c, idx);
            if (!(evs[e].events & (EPOLLIN | EPOLLERR | EPOLLHUP))) continue;
            ssize_t r = read(c->fd, c->rx + c->rx_off, msg_size - c->rx_off);
            if (r < 0 && errno == EAGAIN) continue;
            if (r <= 0) {
                if (r == 0) errno = 0;
                die(r == 0 ? "server closed the connection" : "read", idx);
            }
            c->rx_off += (size_t)r;
            if (c->rx_off > c->tx_off) die("echo ahead of what was sent", idx);
            if (c->rx_off < msg_size) continue;
            errno = 0;
            if (memcmp(c->rx, c->tx, msg_size) != 0) die("echoed bytes differ", idx);
            t = now_ns();
            all++;
            if (t >= t_measure && t <= t_end) {
                if (lat_n == lat_cap) lat = realloc(lat, (lat_cap *= 2) * sizeof *lat);
                lat[lat_n++] = t - c->t_start;
                counted++;
            }
            if (t < t_end) start_msg(ep, c, idx);
        }
        if (t >= t_end) break;
    }

    qsort(lat, lat_n, sizeof *lat, cmp_u64);
    double dur = (double)(t_end - t_measure) / 1e9;
    double rate = (double)counted / dur;
    printf("conns=%d size=%zu msgs=%llu secs=%.3f msgs_per_s=%.0f mib_per_s=%.2f p50_us=%.1f p99_us=%.1f "
           "p999_us=%.1f max_us=%.1f all_msgs=%llu\n",
           nconns, msg_size, (unsigned long long)counted, dur, rate, rate * (double)msg_size / 1048576.0,
           pct_us(0.50), pct_us(0.99), pct_us(0.999), lat_n ? (double)lat[lat_n - 1] / 1000.0 : 0.0,
           (unsigned long long)all);
    for (int i = 0; i < nconns; i++) close(cs[i].fd);
    return 0;
}
