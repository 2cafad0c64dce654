/*
 * winsock_demo.c - a small Windows sockets program: an echo server and a client in one process,
 * talking over loopback three ways:
 *
 *   1. blocking sockets (the server on its own thread, CreateThread),
 *   2. non-blocking sockets driven by select(),
 *   3. non-blocking sockets driven by WSAPoll().
 *
 * It is plain Windows code (build it with MSVC or mingw on Windows unchanged); on Linux it
 * builds with scripts/winsock-cc against the project's headers and libws2_32.so. It prints
 * what it does and "ALL OK" on success (exit status 0), or the failing step (exit status 1).
 */
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <string.h>

#pragma comment(lib, "ws2_32.lib")

#define MESSAGE "Hello from the Winsock demo"
#define WAIT_MS 5000

static int failed(const char *what) {
    printf("FAILED: %s (WSAGetLastError %d)\n", what, WSAGetLastError());
    return 0;
}

#define REQUIRE(cond, what) \
    do { \
        if (!(cond)) return failed(what); \
    } while (0)

/* A listening TCP socket on 127.0.0.1, any free port; the port is written to *port. */
static SOCKET make_listener(u_short *port) {
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    SOCKADDR_IN addr;
    int len = sizeof(addr);
    if (s == INVALID_SOCKET) return INVALID_SOCKET;
    ZeroMemory(&addr, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons(0);
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    if (bind(s, (SOCKADDR *)&addr, sizeof(addr)) == SOCKET_ERROR ||
        getsockname(s, (SOCKADDR *)&addr, &len) == SOCKET_ERROR ||
        listen(s, SOMAXCONN) == SOCKET_ERROR) {
        closesocket(s);
        return INVALID_SOCKET;
    }
    *port = ntohs(addr.sin_port);
    return s;
}

static void loopback(SOCKADDR_IN *addr, u_short port) {
    ZeroMemory(addr, sizeof(*addr));
    addr->sin_family = AF_INET;
    addr->sin_port = htons(port);
    addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
}

/* ---------------------------------------------------------------- 1. blocking */

static DWORD WINAPI blocking_server(LPVOID param) {
    SOCKET listener = (SOCKET)param;
    SOCKADDR_IN peer;
    int peer_len = sizeof(peer);
    char buf[256];
    char text[INET_ADDRSTRLEN];
    int n;
    SOCKET client = accept(listener, (SOCKADDR *)&peer, &peer_len);
    if (client == INVALID_SOCKET) return 1;
    inet_ntop(AF_INET, &peer.sin_addr, text, sizeof(text));
    printf("  [server] accepted a connection from %s:%u\n", text, ntohs(peer.sin_port));
    /* Echo until the client shuts its side down. */
    while ((n = recv(client, buf, sizeof(buf), 0)) > 0) {
        printf("  [server] echoing %d bytes\n", n);
        if (send(client, buf, n, 0) != n) break;
    }
    closesocket(client);
    return n == 0 ? 0 : 1;
}

static int blocking_path(void) {
    u_short port;
    SOCKET listener, client;
    SOCKADDR_IN addr;
    HANDLE thread;
    DWORD code = 1;
    char buf[256];
    int got = 0, n;

    printf("1. blocking sockets\n");
    listener = make_listener(&port);
    REQUIRE(listener != INVALID_SOCKET, "listen");
    printf("  [server] listening on 127.0.0.1:%u\n", port);
    thread = CreateThread(NULL, 0, blocking_server, (LPVOID)listener, 0, NULL);
    REQUIRE(thread != NULL, "CreateThread");

    client = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    REQUIRE(client != INVALID_SOCKET, "socket");
    loopback(&addr, port);
    REQUIRE(connect(client, (SOCKADDR *)&addr, sizeof(addr)) == 0, "connect");
    printf("  [client] connected, sending \"%s\"\n", MESSAGE);
    REQUIRE(send(client, MESSAGE, (int)strlen(MESSAGE), 0) == (int)strlen(MESSAGE), "send");
    while (got < (int)strlen(MESSAGE)) {
        n = recv(client, buf + got, sizeof(buf) - 1 - got, 0);
        REQUIRE(n > 0, "recv");
        got += n;
    }
    buf[got] = '\0';
    printf("  [client] received \"%s\"\n", buf);
    REQUIRE(strcmp(buf, MESSAGE) == 0, "echo mismatch");
    REQUIRE(shutdown(client, SD_SEND) == 0, "shutdown");
    REQUIRE(recv(client, buf, sizeof(buf), 0) == 0, "end of stream");
    closesocket(client);

    REQUIRE(WaitForSingleObject(thread, WAIT_MS) == WAIT_OBJECT_0, "server thread did not finish");
    GetExitCodeThread(thread, &code);
    CloseHandle(thread);
    closesocket(listener);
    REQUIRE(code == 0, "server thread failed");
    printf("  blocking path OK\n");
    return 1;
}

/* ---------------------------------------------------------------- 2. select */

static int set_nonblocking(SOCKET s) {
    u_long on = 1;
    return ioctlsocket(s, FIONBIO, &on) == 0;
}

static int select_path(void) {
    u_short port;
    SOCKET listener, client, server = INVALID_SOCKET;
    SOCKADDR_IN addr;
    fd_set readfds, writefds;
    struct timeval tv;
    char buf[256];
    int sent = 0, echoed = 0, received = 0, rounds = 0;
    int len = (int)strlen(MESSAGE);

    printf("2. non-blocking sockets with select()\n");
    listener = make_listener(&port);
    REQUIRE(listener != INVALID_SOCKET, "listen");
    REQUIRE(set_nonblocking(listener), "ioctlsocket(FIONBIO)");
    client = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    REQUIRE(client != INVALID_SOCKET, "socket");
    REQUIRE(set_nonblocking(client), "ioctlsocket(FIONBIO)");
    loopback(&addr, port);
    if (connect(client, (SOCKADDR *)&addr, sizeof(addr)) == SOCKET_ERROR) {
        REQUIRE(WSAGetLastError() == WSAEWOULDBLOCK, "connect");
        printf("  [client] connect in progress (WSAEWOULDBLOCK)\n");
    }

    /* One loop drives both ends until the message has gone there and back. */
    while (received < len) {
        REQUIRE(++rounds < 1000, "too many select rounds");
        FD_ZERO(&readfds);
        FD_ZERO(&writefds);
        if (server == INVALID_SOCKET) FD_SET(listener, &readfds);
        else FD_SET(server, &readfds);
        if (sent < len) FD_SET(client, &writefds);
        else FD_SET(client, &readfds);
        tv.tv_sec = WAIT_MS / 1000;
        tv.tv_usec = 0;
        REQUIRE(select(0, &readfds, &writefds, NULL, &tv) > 0, "select timed out or failed");

        if (FD_ISSET(listener, &readfds)) {
            server = accept(listener, NULL, NULL);
            REQUIRE(server != INVALID_SOCKET, "accept");
            printf("  [server] select: listener readable, accepted\n");
        }
        if (FD_ISSET(client, &writefds)) {
            int n = send(client, MESSAGE + sent, len - sent, 0);
            REQUIRE(n > 0, "send");
            sent += n;
            printf("  [client] select: writable, sent %d bytes\n", n);
        }
        if (server != INVALID_SOCKET && FD_ISSET(server, &readfds)) {
            int n = recv(server, buf, sizeof(buf), 0);
            REQUIRE(n > 0, "server recv");
            REQUIRE(send(server, buf, n, 0) == n, "server send");
            echoed += n;
            printf("  [server] select: readable, echoed %d bytes\n", n);
        }
        if (FD_ISSET(client, &readfds)) {
            int n = recv(client, buf + received, sizeof(buf) - 1 - received, 0);
            REQUIRE(n > 0, "client recv");
            received += n;
        }
    }
    buf[received] = '\0';
    printf("  [client] received \"%s\"\n", buf);
    REQUIRE(strcmp(buf, MESSAGE) == 0 && echoed == len, "echo mismatch");

    /* Nothing left to read: a non-blocking recv says so. */
    REQUIRE(recv(client, buf, sizeof(buf), 0) == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK,
            "recv on an empty socket should fail with WSAEWOULDBLOCK");
    closesocket(client);
    closesocket(server);
    closesocket(listener);
    printf("  select path OK\n");
    return 1;
}

/* ---------------------------------------------------------------- 3. WSAPoll */

static int poll_path(void) {
    u_short port;
    SOCKET listener, client, server;
    SOCKADDR_IN addr;
    WSAPOLLFD fds[2];
    char buf[256];
    int len = (int)strlen(MESSAGE), received = 0, n;

    printf("3. non-blocking sockets with WSAPoll()\n");
    listener = make_listener(&port);
    REQUIRE(listener != INVALID_SOCKET, "listen");
    REQUIRE(set_nonblocking(listener), "ioctlsocket(FIONBIO)");
    client = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    REQUIRE(client != INVALID_SOCKET, "socket");
    REQUIRE(set_nonblocking(client), "ioctlsocket(FIONBIO)");
    loopback(&addr, port);
    if (connect(client, (SOCKADDR *)&addr, sizeof(addr)) == SOCKET_ERROR)
        REQUIRE(WSAGetLastError() == WSAEWOULDBLOCK, "connect");

    /* Wait for the connection on the listener and for the client to become writable. */
    fds[0].fd = listener;
    fds[0].events = POLLRDNORM;
    fds[1].fd = client;
    fds[1].events = POLLWRNORM;
    fds[0].revents = fds[1].revents = 0;
    while (!(fds[0].revents & POLLRDNORM) || !(fds[1].revents & POLLWRNORM)) {
        REQUIRE(WSAPoll(fds, 2, WAIT_MS) > 0, "WSAPoll (connect) timed out or failed");
    }
    server = accept(listener, NULL, NULL);
    REQUIRE(server != INVALID_SOCKET, "accept");
    printf("  [server] WSAPoll: POLLRDNORM on the listener, accepted\n");
    printf("  [client] WSAPoll: POLLWRNORM, connected\n");
    REQUIRE(send(client, MESSAGE, len, 0) == len, "send");

    /* Server: wait until readable, echo. */
    fds[0].fd = server;
    fds[0].events = POLLRDNORM;
    fds[0].revents = 0;
    REQUIRE(WSAPoll(fds, 1, WAIT_MS) == 1 && (fds[0].revents & POLLRDNORM), "WSAPoll (server read)");
    n = recv(server, buf, sizeof(buf), 0);
    REQUIRE(n > 0, "server recv");
    REQUIRE(send(server, buf, n, 0) == n, "server send");
    printf("  [server] WSAPoll: POLLRDNORM, echoed %d bytes\n", n);

    /* Client: collect the echo. */
    while (received < len) {
        fds[0].fd = client;
        fds[0].events = POLLRDNORM;
        fds[0].revents = 0;
        REQUIRE(WSAPoll(fds, 1, WAIT_MS) == 1, "WSAPoll (client read)");
        n = recv(client, buf + received, sizeof(buf) - 1 - received, 0);
        REQUIRE(n > 0, "client recv");
        received += n;
    }
    buf[received] = '\0';
    printf("  [client] received \"%s\"\n", buf);
    REQUIRE(strcmp(buf, MESSAGE) == 0, "echo mismatch");

    closesocket(client);
    closesocket(server);
    closesocket(listener);
    printf("  WSAPoll path OK\n");
    return 1;
}

int main(void) {
    WSADATA wsa;
    int err = WSAStartup(MAKEWORD(2, 2), &wsa);
    if (err != 0) {
        printf("FAILED: WSAStartup returned %d\n", err);
        return 1;
    }
    printf("Winsock %d.%d: %s\n", LOBYTE(wsa.wVersion), HIBYTE(wsa.wVersion), wsa.szDescription);
    fflush(stdout);

    if (!blocking_path() || !select_path() || !poll_path()) {
        WSACleanup();
        return 1;
    }
    WSACleanup();
    printf("ALL OK\n");
    return 0;
}
