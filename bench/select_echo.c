/*
 * select_echo: a Windows select() echo server (scripts/bench-more), written as for Windows
 * (winsock2.h only) and built with scripts/winsock-cc. The native baseline is poll_echo.c.
 *
 *   select_echo PORT        (PORT 0 = any free port; prints "port N" once listening)
 *
 * The classic single-threaded shape: FD_SETSIZE raised to 4096 before winsock2.h, every socket
 * non-blocking with ioctlsocket(FIONBIO), and one loop that rebuilds a read set (the listener and
 * every connection with nothing left to send) and a write set (connections whose echo was only
 * partly sent), calls select() without a timeout, then serves what came back: accepts until
 * WSAEWOULDBLOCK, one recv() per readable connection with the bytes sent straight back, and the
 * rest of a partial send when writable (back-pressure: no reads meanwhile, as poll_echo).
 *
 * The sets are filled by appending to fd_array instead of with FD_SET, whose duplicate check
 * makes building a set of n sockets O(n^2) on Windows too; and the sockets select() returns are
 * mapped back to connections with a small hash table instead of FD_ISSET over every connection
 * (also O(n^2)). Both are what a server that cares about 1000 connections does, and they leave
 * the engine's select() as the thing measured. Runs until killed.
 */
#define FD_SETSIZE 4096
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUF_SIZE 65536
#define MAX_CONNS (FD_SETSIZE - 1)
#define HASH_SIZE 8192 /* power of two, > 2 * MAX_CONNS */

typedef struct {
    SOCKET s;
    int off, len; /* unsent part of buf */
    char buf[BUF_SIZE];
} conn_t;

static conn_t *conns[MAX_CONNS];
static int nconns;
static SOCKET keys[HASH_SIZE]; /* SOCKET -> index in conns, open addressing, 0 = empty */
static int vals[HASH_SIZE];
static fd_set rd, wr;

static void fail(const char *what) {
    fprintf(stderr, "select_echo: %s failed: %d\n", what, WSAGetLastError());
    exit(1);
}

static unsigned slot_of(SOCKET s) {
    unsigned h = (unsigned)(((unsigned long long)s >> 2) * 2654435761u) & (HASH_SIZE - 1);
    while (keys[h] != 0 && keys[h] != s) h = (h + 1) & (HASH_SIZE - 1);
    return h;
}

static void hash_put(SOCKET s, int idx) {
    unsigned h = slot_of(s);
    keys[h] = s;
    vals[h] = idx;
}

static int hash_get(SOCKET s) {
    unsigned h = slot_of(s);
    return keys[h] == s ? vals[h] : -1;
}

static void hash_del(SOCKET s) { /* backward-shift deletion keeps probe chains intact */
    unsigned h = slot_of(s), j = h;
    if (keys[h] != s) return;
    for (;;) {
        keys[h] = 0;
        for (;;) {
            j = (j + 1) & (HASH_SIZE - 1);
            if (keys[j] == 0) return;
            unsigned home = (unsigned)(((unsigned long long)keys[j] >> 2) * 2654435761u) & (HASH_SIZE - 1);
            /* keys[j] may move into h when h lies cyclically in [home, j) */
            if (((j - home) & (HASH_SIZE - 1)) >= ((j - h) & (HASH_SIZE - 1))) break;
        }
        keys[h] = keys[j];
        vals[h] = vals[j];
        h = j;
    }
}

static void close_conn(int idx) {
    conn_t *c = conns[idx];
    hash_del(c->s);
    closesocket(c->s);
    free(c);
    if (idx != --nconns) {
        conns[idx] = conns[nconns];
        hash_put(conns[idx]->s, idx);
    }
}

/* Send what is pending: 0 drained, 1 would block, -1 error. */
static int flush(conn_t *c) {
    while (c->off < c->len) {
        int n = send(c->s, c->buf + c->off, c->len - c->off, 0);
        if (n == SOCKET_ERROR) return WSAGetLastError() == WSAEWOULDBLOCK ? 1 : -1;
        c->off += n;
    }
    return 0;
}

static void accept_all(SOCKET listener) {
    for (;;) {
        SOCKET s = accept(listener, NULL, NULL);
        u_long on = 1;
        BOOL one = TRUE;
        if (s == INVALID_SOCKET) {
            if (WSAGetLastError() != WSAEWOULDBLOCK) fprintf(stderr, "select_echo: accept: %d\n", WSAGetLastError());
            return;
        }
        if (nconns == MAX_CONNS) { /* the sets are full */
            closesocket(s);
            continue;
        }
        if (ioctlsocket(s, FIONBIO, &on)) fail("ioctlsocket(FIONBIO)");
        setsockopt(s, IPPROTO_TCP, TCP_NODELAY, (char *)&one, sizeof one);
        conn_t *c = (conn_t *)malloc(sizeof *c);
        c->s = s;
        c->off = c->len = 0;
        conns[nconns] = c;
        hash_put(s, nconns++);
    }
}

int main(int argc, char **argv) {
    WSADATA wsa;
    SOCKADDR_IN sa;
    int len = sizeof sa;
    u_long on = 1;
    unsigned i;

    if (argc < 2) {
        fprintf(stderr, "usage: select_echo PORT\n");
        return 1;
    }
    if (WSAStartup(MAKEWORD(2, 2), &wsa)) fail("WSAStartup");
    SOCKET listener = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    if (listener == INVALID_SOCKET) fail("socket");
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((u_short)atoi(argv[1]));
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listener, (SOCKADDR *)&sa, sizeof sa) || listen(listener, SOMAXCONN)) fail("bind/listen");
    if (getsockname(listener, (SOCKADDR *)&sa, &len)) fail("getsockname");
    if (ioctlsocket(listener, FIONBIO, &on)) fail("ioctlsocket(FIONBIO)");
    printf("port %d\n", ntohs(sa.sin_port));
    fflush(stdout);

    for (;;) {
        rd.fd_count = wr.fd_count = 0;
        rd.fd_array[rd.fd_count++] = listener;
        for (int k = 0; k < nconns; k++) {
            if (conns[k]->off < conns[k]->len) wr.fd_array[wr.fd_count++] = conns[k]->s;
            else rd.fd_array[rd.fd_count++] = conns[k]->s;
        }
        /* nfds is ignored on Windows */
        int n = select(0, &rd, wr.fd_count ? &wr : NULL, NULL, NULL);
        if (n == SOCKET_ERROR) fail("select");
        for (i = 0; i < wr.fd_count; i++) {
            int idx = hash_get(wr.fd_array[i]);
            if (idx < 0) continue;
            if (flush(conns[idx]) < 0) close_conn(idx);
        }
        for (i = 0; i < rd.fd_count; i++) {
            SOCKET s = rd.fd_array[i];
            if (s == listener) {
                accept_all(listener);
                continue;
            }
            int idx = hash_get(s);
            if (idx < 0) continue;
            conn_t *c = conns[idx];
            int got = recv(s, c->buf, BUF_SIZE, 0);
            if (got == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK) continue;
            if (got <= 0) {
                close_conn(idx);
                continue;
            }
            c->off = 0;
            c->len = got;
            if (flush(c) < 0) close_conn(idx);
        }
    }
}
