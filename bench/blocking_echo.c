/*
 * blocking_echo: a Windows thread-per-connection echo server (scripts/bench-more), written as
 * for Windows (winsock2.h, windows.h only) and built with scripts/winsock-cc. The native
 * baseline is threads_echo.c.
 *
 *   blocking_echo PORT        (PORT 0 = any free port; prints "port N" once listening)
 *
 * The oldest server shape there is: a blocking accept() loop on the main thread and one
 * CreateThread per connection (256 KiB stack, as threads_echo), which loops on a blocking
 * recv() and sends every byte back with blocking send() until the peer closes. Every wait is
 * the engine's blocking emulation (the sockets are non-blocking underneath), so this measures
 * how cheaply a blocked Windows call sleeps and wakes. Runs until killed.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUF_SIZE 65536
#define STACK_SIZE (256 * 1024)

static void fail(const char *what) {
    fprintf(stderr, "blocking_echo: %s failed: %d\n", what, WSAGetLastError());
    exit(1);
}

static DWORD WINAPI serve(LPVOID arg) {
    SOCKET s = (SOCKET)arg;
    BOOL one = TRUE;
    char *buf = (char *)malloc(BUF_SIZE);
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, (char *)&one, sizeof one);
    for (;;) {
        int got = recv(s, buf, BUF_SIZE, 0), off = 0;
        if (got <= 0) break;
        while (off < got) {
            int n = send(s, buf + off, got - off, 0);
            if (n == SOCKET_ERROR) goto done;
            off += n;
        }
    }
done:
    closesocket(s);
    free(buf);
    return 0;
}

int main(int argc, char **argv) {
    WSADATA wsa;
    SOCKADDR_IN sa;
    int len = sizeof sa;

    if (argc < 2) {
        fprintf(stderr, "usage: blocking_echo PORT\n");
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
    printf("port %d\n", ntohs(sa.sin_port));
    fflush(stdout);

    for (;;) {
        SOCKET s = accept(listener, NULL, NULL);
        if (s == INVALID_SOCKET) fail("accept");
        HANDLE t = CreateThread(NULL, STACK_SIZE, serve, (LPVOID)s, 0, NULL);
        if (!t) {
            fprintf(stderr, "blocking_echo: CreateThread failed: %lu\n", (unsigned long)GetLastError());
            closesocket(s);
            continue;
        }
        CloseHandle(t);
    }
}
