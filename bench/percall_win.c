/*
 * percall_win.c: the Windows side of the per-call micro-benchmark (see percall.c), written as
 * for Windows (winsock2.h, windows.h) and compiled with scripts/winsock-cc. Every call's result
 * is checked inside the timed loop, as a program would: a benchmark of a call that fails means
 * nothing.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include "percall.h"

#define MSG 64

static SOCKET a = INVALID_SOCKET, b = INVALID_SOCKET; /* a connected pair: b sends, a receives */
static HANDLE port;
static char buf[MSG];

static int bad(const char *what) {
    fprintf(stderr, "percall(win): %s failed: %d\n", what, WSAGetLastError());
    return -1;
}

int win_init(void) {
    WSADATA wsa;
    return WSAStartup(MAKEWORD(2, 2), &wsa) ? bad("WSAStartup") : 0;
}

/* a = connect()ed client, b = accept()ed server side; TCP_NODELAY on both. */
static int make_pair(void) {
    SOCKADDR_IN sa;
    int len = sizeof sa;
    BOOL one = TRUE;
    SOCKET l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (l == INVALID_SOCKET || bind(l, (SOCKADDR *)&sa, sizeof sa) || listen(l, 1) ||
        getsockname(l, (SOCKADDR *)&sa, &len))
        return bad("listener");
    a = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    if (a == INVALID_SOCKET || connect(a, (SOCKADDR *)&sa, sizeof sa)) return bad("connect");
    b = accept(l, NULL, NULL);
    if (b == INVALID_SOCKET) return bad("accept");
    closesocket(l);
    setsockopt(a, IPPROTO_TCP, TCP_NODELAY, (char *)&one, sizeof one);
    setsockopt(b, IPPROTO_TCP, TCP_NODELAY, (char *)&one, sizeof one);
    return 0;
}

int win_setup(int test) {
    u_long on = 1;
    if (test == T_SOCKET_CLOSE) return 0;
    if (make_pair()) return -1;
    if (test == T_RECV_EMPTY && ioctlsocket(a, FIONBIO, &on)) return bad("ioctlsocket(FIONBIO)");
    if (test == T_OVERLAPPED) {
        port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
        if (!port || !CreateIoCompletionPort((HANDLE)a, port, 1, 0)) return bad("CreateIoCompletionPort");
    }
    return 0;
}

void win_teardown(int test) {
    if (a != INVALID_SOCKET) closesocket(a);
    if (b != INVALID_SOCKET) closesocket(b);
    a = b = INVALID_SOCKET;
    if (test == T_OVERLAPPED && port) CloseHandle(port);
    port = NULL;
}

int win_loop(int test, long iters) {
    long i;
    switch (test) {
    case T_GETSOCKOPT:
        for (i = 0; i < iters; i++) {
            int v = 0, len = sizeof v;
            if (getsockopt(a, SOL_SOCKET, SO_RCVBUF, (char *)&v, &len) || v <= 0) return bad("getsockopt");
        }
        return 0;
    case T_FIONREAD:
        for (i = 0; i < iters; i++) {
            u_long n = 1;
            if (ioctlsocket(a, FIONREAD, &n) || n != 0) return bad("ioctlsocket(FIONREAD)");
        }
        return 0;
    case T_RECV_EMPTY:
        for (i = 0; i < iters; i++)
            if (recv(a, buf, MSG, 0) != SOCKET_ERROR || WSAGetLastError() != WSAEWOULDBLOCK)
                return bad("recv (expected WSAEWOULDBLOCK)");
        return 0;
    case T_SELECT:
        for (i = 0; i < iters; i++) {
            fd_set rd, wr;
            TIMEVAL tv = {0, 0};
            rd.fd_count = wr.fd_count = 1;
            rd.fd_array[0] = wr.fd_array[0] = a;
            if (select(0, &rd, &wr, NULL, &tv) != 1 || wr.fd_count != 1 || rd.fd_count != 0) return bad("select");
        }
        return 0;
    case T_WSAPOLL:
        for (i = 0; i < iters; i++) {
            WSAPOLLFD p;
            p.fd = a;
            p.events = POLLRDNORM | POLLWRNORM;
            p.revents = 0;
            if (WSAPoll(&p, 1, 0) != 1 || p.revents != POLLWRNORM) return bad("WSAPoll");
        }
        return 0;
    case T_SENDRECV:
        for (i = 0; i < iters; i++) {
            int got = 0, n;
            if (send(b, buf, MSG, 0) != MSG) return bad("send");
            while (got < MSG) {
                if ((n = recv(a, buf + got, MSG - got, 0)) <= 0) return bad("recv");
                got += n;
            }
        }
        return 0;
    case T_SOCKET_CLOSE:
        for (i = 0; i < iters; i++) {
            SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            if (s == INVALID_SOCKET || closesocket(s)) return bad("socket/closesocket");
        }
        return 0;
    case T_OVERLAPPED:
        for (i = 0; i < iters; i++) {
            OVERLAPPED ov, *got = NULL;
            WSABUF wb;
            DWORD n = 0, flags = 0;
            ULONG_PTR key = 0;
            memset(&ov, 0, sizeof ov);
            wb.buf = buf;
            wb.len = MSG;
            if (WSARecv(a, &wb, 1, &n, &flags, &ov, NULL) == SOCKET_ERROR && WSAGetLastError() != WSA_IO_PENDING)
                return bad("WSARecv");
            if (send(b, buf, MSG, 0) != MSG) return bad("send");
            if (!GetQueuedCompletionStatus(port, &n, &key, &got, INFINITE) || got != &ov || n != MSG)
                return bad("GetQueuedCompletionStatus");
        }
        return 0;
    }
    return -1;
}
