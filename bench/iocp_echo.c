/*
 * iocp_echo: the Windows side of scripts/bench — an I/O completion port echo server written
 * as for Windows (winsock2.h, mswsock.h, windows.h only) and built with scripts/winsock-cc.
 *
 *   iocp_echo PORT [THREADS] [-ex] [-noskip] [-t SECONDS]
 *
 *   PORT      0 = any free port; prints "port N" once listening
 *   THREADS   worker threads in GetQueuedCompletionStatus (default 2; the script passes the
 *             number of cores the server may use)
 *   -ex       workers use GetQueuedCompletionStatusEx (up to 64 entries) instead
 *   -noskip   do not set FILE_SKIP_COMPLETION_PORT_ON_SUCCESS on accepted sockets
 *   -t N      exit after N seconds (PostQueuedCompletionStatus wakes each worker with a quit
 *             key); default: run until killed
 *
 * The classic shape: 64 AcceptEx calls kept outstanding on the listener (the function pointer
 * from WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER, WSAID_ACCEPTEX)); each accepted socket is
 * associated with the port, gets SO_UPDATE_ACCEPT_CONTEXT, TCP_NODELAY and (unless -noskip)
 * FILE_SKIP_COMPLETION_PORT_ON_SUCCESS, then loops WSARecv -> WSASend (the whole received
 * chunk; a partial send is continued) -> WSARecv. With skip-on-success an operation that
 * completes at once is handled inline, without a packet through the port, as real servers do.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUF_SIZE 65536
#define ACCEPTS 64
#define ADDR_LEN (sizeof(SOCKADDR_STORAGE) + 16)
#define KEY_SOCKET 1
#define KEY_QUIT 2

enum { OP_ACCEPT, OP_RECV, OP_SEND };

typedef struct {
    OVERLAPPED ov; /* first: the OVERLAPPED* from the port is the connection */
    int op;
    SOCKET s;
    WSABUF wb;
    DWORD len, off; /* bytes to echo, bytes echoed */
    DWORD flags;    /* WSARecv's lpFlags: kept here, not on the stack (see issue()) */
    char addrs[2 * ADDR_LEN];
    char buf[BUF_SIZE];
} conn_t;

static HANDLE port;
static SOCKET listener;
static LPFN_ACCEPTEX accept_ex;
static int skip = 1;

static void fail(const char *what) {
    fprintf(stderr, "iocp_echo: %s failed: %d\n", what, (int)WSAGetLastError());
    exit(1);
}

static void post_accept(void) {
    conn_t *c = (conn_t *)calloc(1, sizeof *c);
    DWORD n = 0;
    c->op = OP_ACCEPT;
    c->s = WSASocketW(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, WSA_FLAG_OVERLAPPED);
    if (c->s == INVALID_SOCKET) fail("WSASocket");
    if (!accept_ex(listener, c->s, c->addrs, 0, ADDR_LEN, ADDR_LEN, &n, &c->ov) &&
        WSAGetLastError() != ERROR_IO_PENDING)
        fail("AcceptEx");
}

static void close_conn(conn_t *c) {
    closesocket(c->s);
    free(c);
}

/* Issue the connection's next operation (c->op). Returns TRUE when it completed at once and
 * its result is in *ok / *n for the caller to handle now; FALSE when a completion packet will
 * come through the port, or the connection was closed. */
static BOOL issue(conn_t *c, BOOL *ok, DWORD *n) {
    int r;
    memset(&c->ov, 0, sizeof c->ov);
    *n = 0;
    if (c->op == OP_RECV) {
        c->wb.buf = c->buf;
        c->wb.len = BUF_SIZE;
        /* Windows writes *lpFlags only when the call completes at once, so samples keep it on
         * the stack; this project's engine (as of this benchmark) also writes it when a pending
         * receive completes, which would hit a dead stack frame. A per-connection field is
         * correct on both. */
        c->flags = 0;
        r = WSARecv(c->s, &c->wb, 1, n, &c->flags, &c->ov, NULL);
    } else {
        c->wb.buf = c->buf + c->off;
        c->wb.len = c->len - c->off;
        r = WSASend(c->s, &c->wb, 1, n, 0, &c->ov, NULL);
    }
    if (r == 0) {
        *ok = TRUE;
        return skip; /* without skip-on-success the packet is queued anyway */
    }
    if (WSAGetLastError() == WSA_IO_PENDING) return FALSE;
    close_conn(c);
    return FALSE;
}

/* The echo state machine, run from a completion (or inline after an immediate one). */
static void completed(conn_t *c, BOOL ok, DWORD n) {
    for (;;) {
        if (!ok) {
            close_conn(c);
            return;
        }
        if (c->op == OP_RECV) {
            if (n == 0) { /* graceful close by the peer */
                close_conn(c);
                return;
            }
            c->len = n;
            c->off = 0;
            c->op = OP_SEND;
        } else {
            c->off += n;
            if (c->off == c->len) c->op = OP_RECV;
        }
        if (!issue(c, &ok, &n)) return;
    }
}

static void accepted(conn_t *c, BOOL ok) {
    BOOL one = TRUE, done;
    DWORD n;
    post_accept();
    if (!ok) {
        close_conn(c);
        return;
    }
    setsockopt(c->s, SOL_SOCKET, SO_UPDATE_ACCEPT_CONTEXT, (char *)&listener, sizeof listener);
    setsockopt(c->s, IPPROTO_TCP, TCP_NODELAY, (char *)&one, sizeof one);
    if (!CreateIoCompletionPort((HANDLE)c->s, port, KEY_SOCKET, 0)) fail("CreateIoCompletionPort(socket)");
    if (skip && !SetFileCompletionNotificationModes((HANDLE)c->s, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS))
        fail("SetFileCompletionNotificationModes");
    c->op = OP_RECV;
    if (issue(c, &done, &n)) completed(c, done, n);
}

static void dispatch(OVERLAPPED *ov, BOOL ok, DWORD n) {
    conn_t *c = (conn_t *)ov;
    if (c->op == OP_ACCEPT) accepted(c, ok);
    else completed(c, ok, n);
}

static DWORD WINAPI worker(LPVOID use_ex) {
    for (;;) {
        if (use_ex) {
            OVERLAPPED_ENTRY es[64];
            ULONG got = 0;
            if (!GetQueuedCompletionStatusEx(port, es, 64, &got, INFINITE, FALSE)) continue;
            for (ULONG i = 0; i < got; i++) {
                if (es[i].lpCompletionKey == KEY_QUIT) return 0;
                /* Internal holds the NTSTATUS of the operation: 0 is success. */
                dispatch(es[i].lpOverlapped, es[i].Internal == 0, es[i].dwNumberOfBytesTransferred);
            }
        } else {
            DWORD n = 0;
            ULONG_PTR key = 0;
            OVERLAPPED *ov = NULL;
            BOOL ok = GetQueuedCompletionStatus(port, &n, &key, &ov, INFINITE);
            if (key == KEY_QUIT) return 0;
            if (ov) dispatch(ov, ok, n);
        }
    }
}

int main(int argc, char **argv) {
    WSADATA wsa;
    SOCKADDR_IN sa;
    int len = sizeof sa, threads = 2, use_ex = 0, seconds = 0, i;
    GUID guid = WSAID_ACCEPTEX;
    DWORD got = 0;
    HANDLE workers[256];

    if (argc < 2) {
        fprintf(stderr, "usage: iocp_echo PORT [THREADS] [-ex] [-noskip] [-t SECONDS]\n");
        return 1;
    }
    for (i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "-ex")) use_ex = 1;
        else if (!strcmp(argv[i], "-noskip")) skip = 0;
        else if (!strcmp(argv[i], "-t") && i + 1 < argc) seconds = atoi(argv[++i]);
        else threads = atoi(argv[i]);
    }
    if (threads < 1) threads = 1;
    if (threads > 256) threads = 256;

    if (WSAStartup(MAKEWORD(2, 2), &wsa)) fail("WSAStartup");
    port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    if (!port) fail("CreateIoCompletionPort");
    listener = WSASocketW(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, WSA_FLAG_OVERLAPPED);
    if (listener == INVALID_SOCKET) fail("WSASocket");
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((u_short)atoi(argv[1]));
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listener, (SOCKADDR *)&sa, sizeof sa) || listen(listener, SOMAXCONN)) fail("bind/listen");
    if (getsockname(listener, (SOCKADDR *)&sa, &len)) fail("getsockname");
    if (WSAIoctl(listener, SIO_GET_EXTENSION_FUNCTION_POINTER, &guid, sizeof guid, &accept_ex, sizeof accept_ex,
                 &got, NULL, NULL))
        fail("WSAIoctl(WSAID_ACCEPTEX)");
    if (!CreateIoCompletionPort((HANDLE)listener, port, KEY_SOCKET, 0)) fail("CreateIoCompletionPort(listener)");
    for (i = 0; i < ACCEPTS; i++) post_accept();
    for (i = 0; i < threads; i++) {
        workers[i] = CreateThread(NULL, 0, worker, (LPVOID)(INT_PTR)use_ex, 0, NULL);
        if (!workers[i]) fail("CreateThread");
    }
    printf("port %d\n", ntohs(sa.sin_port));
    fflush(stdout);

    if (seconds <= 0) {
        WaitForMultipleObjects((DWORD)threads, workers, TRUE, INFINITE);
        return 0;
    }
    Sleep((DWORD)seconds * 1000);
    for (i = 0; i < threads; i++) PostQueuedCompletionStatus(port, 0, KEY_QUIT, NULL);
    WaitForMultipleObjects((DWORD)threads, workers, TRUE, INFINITE);
    for (i = 0; i < threads; i++) CloseHandle(workers[i]);
    closesocket(listener);
    CloseHandle(port);
    WSACleanup();
    return 0;
}
