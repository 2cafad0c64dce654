/*
 * iocp_server.c — a CRT console program: an I/O-completion-port echo server with worker
 * threads. Listens on an ephemeral loopback port and prints "port N"; accepts <argv[1]>
 * clients, associates each with the port and keeps an overlapped WSARecv posted; <argv[2]>
 * workers (CreateThread) take the completions from GetQueuedCompletionStatus and echo the
 * data with an overlapped WSASend. After the last client disconnects the main thread posts
 * one quit packet per worker, waits for them, and prints a summary. The same source also
 * compiles natively against the project's headers (tests compare the two runs).
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef __MINGW32__
/* Native build: the porting headers do not declare the Interlocked family; GCC builtins do
   the same (full barriers). */
#define InterlockedIncrement(p) __sync_add_and_fetch((p), 1)
#define InterlockedDecrement(p) __sync_sub_and_fetch((p), 1)
#define InterlockedExchangeAdd(p, v) __sync_fetch_and_add((p), (v))
#endif

enum { OP_RECV, OP_SEND };

typedef struct {
    WSAOVERLAPPED ov;   /* first: the OVERLAPPED* of a completion is the Conn* */
    SOCKET s;
    int op;
    WSABUF wb;
    DWORD sent, len;
    DWORD flags;        /* WSARecv's lpFlags: kept alive with the operation (see post_recv) */
    char buf[4096];
} Conn;

static HANDLE port, all_done;
static volatile LONG clients_left, bytes_echoed, completions;

/* lpFlags lives in the Conn, not on the stack: Windows leaves it alone once the receive is
   pending, but the project's engine currently writes it at completion time (reported). */
static int post_recv(Conn *c) {
    c->flags = 0;
    c->op = OP_RECV;
    memset(&c->ov, 0, sizeof c->ov);
    c->wb.buf = c->buf;
    c->wb.len = sizeof c->buf;
    if (WSARecv(c->s, &c->wb, 1, NULL, &c->flags, &c->ov, NULL) == SOCKET_ERROR && WSAGetLastError() != WSA_IO_PENDING)
        return -1;
    return 0;
}

static int post_send(Conn *c) {
    c->op = OP_SEND;
    memset(&c->ov, 0, sizeof c->ov);
    c->wb.buf = c->buf + c->sent;
    c->wb.len = c->len - c->sent;
    if (WSASend(c->s, &c->wb, 1, NULL, 0, &c->ov, NULL) == SOCKET_ERROR && WSAGetLastError() != WSA_IO_PENDING)
        return -1;
    return 0;
}

static void finish(Conn *c) {
    closesocket(c->s);
    free(c);
    if (InterlockedDecrement(&clients_left) == 0) SetEvent(all_done);
}

static DWORD WINAPI worker(LPVOID arg) {
    (void)arg;
    for (;;) {
        DWORD n = 0;
        ULONG_PTR key = 0;
        LPOVERLAPPED ov = NULL;
        BOOL ok = GetQueuedCompletionStatus(port, &n, &key, &ov, INFINITE);
        if (ok && key == 0 && ov == NULL) return 0; /* quit packet */
        InterlockedIncrement(&completions);
        Conn *c = (Conn *)ov;
        if (!ok || c == NULL) { if (c) finish(c); continue; }
        if (c->op == OP_RECV) {
            if (n == 0) { finish(c); continue; }
            c->len = n;
            c->sent = 0;
            if (post_send(c)) finish(c);
        } else {
            c->sent += n;
            InterlockedExchangeAdd(&bytes_echoed, (LONG)n);
            if (c->sent < c->len ? post_send(c) : post_recv(c)) finish(c);
        }
    }
}

int main(int argc, char **argv) {
    int nclients = argc > 1 ? atoi(argv[1]) : 1;
    int nworkers = argc > 2 ? atoi(argv[2]) : 2;
    WSADATA wsa;
    if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0) return 3;
    SOCKET l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    struct sockaddr_in a;
    int alen = sizeof a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(l, (struct sockaddr *)&a, sizeof a) || listen(l, SOMAXCONN) || getsockname(l, (struct sockaddr *)&a, &alen)) {
        printf("setup failed: %d\n", WSAGetLastError());
        return 4;
    }
    port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    all_done = CreateEventA(NULL, TRUE, FALSE, NULL);
    if (!port || !all_done) { printf("CreateIoCompletionPort/CreateEvent failed: %lu\n", (unsigned long)GetLastError()); return 5; }
    HANDLE threads[16];
    if (nworkers > 16) nworkers = 16;
    for (int i = 0; i < nworkers; i++) {
        threads[i] = CreateThread(NULL, 0, worker, NULL, 0, NULL);
        if (!threads[i]) { printf("CreateThread failed\n"); return 6; }
    }
    printf("port %d\n", ntohs(a.sin_port));
    fflush(stdout);
    clients_left = nclients;
    for (int i = 0; i < nclients; i++) {
        SOCKET s = accept(l, NULL, NULL);
        if (s == INVALID_SOCKET) { printf("accept failed: %d\n", WSAGetLastError()); return 7; }
        Conn *c = calloc(1, sizeof *c);
        c->s = s;
        if (CreateIoCompletionPort((HANDLE)s, port, (ULONG_PTR)1, 0) != port) { printf("associate failed\n"); return 8; }
        if (post_recv(c)) { printf("WSARecv failed: %d\n", WSAGetLastError()); return 9; }
    }
    if (WaitForSingleObject(all_done, 30000) != WAIT_OBJECT_0) { printf("timeout\n"); return 10; }
    for (int i = 0; i < nworkers; i++) PostQueuedCompletionStatus(port, 0, 0, NULL);
    if (WaitForMultipleObjects((DWORD)nworkers, threads, TRUE, 10000) == WAIT_TIMEOUT) { printf("workers stuck\n"); return 11; }
    for (int i = 0; i < nworkers; i++) CloseHandle(threads[i]);
    CloseHandle(all_done);
    CloseHandle(port);
    closesocket(l);
    WSACleanup();
    printf("served %d clients with %d workers, %ld bytes echoed\n", nclients, nworkers, (long)bytes_echoed);
    return 0;
}
