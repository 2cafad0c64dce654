/*
 * Failing connects: a port with no listener (WSAECONNREFUSED, blocking and non-blocking — the
 * latter through select's except set and SO_ERROR), the unspecified address 0.0.0.0 / ::
 * (WSAEADDRNOTAVAIL), port 0 (WSAEADDRNOTAVAIL), a wrong family (WSAEAFNOSUPPORT), a short
 * address (WSAEFAULT), and connect on a listening socket (WSAEINVAL).
 */
#include <winsock2.h>
#include <ws2tcpip.h>

#include "check.h"

/* A loopback port with nothing listening: bound (so nobody else takes it) but not listening. */
static SOCKET reserve_port(int af, SOCKADDR_STORAGE *addr, int *len) {
    SOCKET r = check_bound(af, SOCK_DGRAM, addr, len);
    /* A UDP socket on the port keeps it from being reused; TCP connects to it are refused. */
    return r;
}

static void refused(int af) {
    SOCKADDR_STORAGE addr;
    int len;
    SOCKET r = reserve_port(af, &addr, &len);

    SOCKET c = socket(af, SOCK_STREAM, IPPROTO_TCP);
    CHECK(c != INVALID_SOCKET);
    CHECK_FAIL(connect(c, (SOCKADDR *)&addr, len), SOCKET_ERROR, WSAECONNREFUSED);
    CHECK_EQ(closesocket(c), 0);

    /* Non-blocking: WSAEWOULDBLOCK, then the except set, then SO_ERROR. */
    c = socket(af, SOCK_STREAM, IPPROTO_TCP);
    CHECK(c != INVALID_SOCKET);
    u_long on = 1;
    CHECK_EQ(ioctlsocket(c, FIONBIO, &on), 0);
    int rc = connect(c, (SOCKADDR *)&addr, len);
    int err = WSAGetLastError();
    CHECK(rc == SOCKET_ERROR && (err == WSAEWOULDBLOCK || err == WSAECONNREFUSED));
    if (err == WSAEWOULDBLOCK) {
        fd_set wfds, efds;
        struct timeval five = {5, 0};
        FD_ZERO(&wfds);
        FD_ZERO(&efds);
        FD_SET(c, &wfds);
        FD_SET(c, &efds);
        CHECK_EQ(select(0, NULL, &wfds, &efds, &five), 1);
        CHECK(FD_ISSET(c, &efds));
        CHECK(!FD_ISSET(c, &wfds));
        int so_error = 0, so_len = (int)sizeof(so_error);
        CHECK_EQ(getsockopt(c, SOL_SOCKET, SO_ERROR, (char *)&so_error, &so_len), 0);
        CHECK_EQ(so_error, WSAECONNREFUSED);
    }
    CHECK_EQ(closesocket(c), 0);
    CHECK_EQ(closesocket(r), 0);
}

static void unspecified(int af) {
    SOCKADDR_STORAGE addr;
    int len;
    SOCKET r = reserve_port(af, &addr, &len);
    unsigned short port = check_port(&addr);

    /* 0.0.0.0 / :: with a port. */
    memset(&addr, 0, sizeof(addr));
    if (af == AF_INET6) {
        SOCKADDR_IN6 *sin6 = (SOCKADDR_IN6 *)&addr;
        sin6->sin6_family = AF_INET6;
        sin6->sin6_port = htons(port);
        len = (int)sizeof(*sin6);
    } else {
        SOCKADDR_IN *sin = (SOCKADDR_IN *)&addr;
        sin->sin_family = AF_INET;
        sin->sin_port = htons(port);
        sin->sin_addr.s_addr = htonl(INADDR_ANY);
        len = (int)sizeof(*sin);
    }
    SOCKET c = socket(af, SOCK_STREAM, IPPROTO_TCP);
    CHECK(c != INVALID_SOCKET);
    CHECK_FAIL(connect(c, (SOCKADDR *)&addr, len), SOCKET_ERROR, WSAEADDRNOTAVAIL);
    CHECK_EQ(closesocket(c), 0);

    /* Loopback with port 0. */
    len = check_loopback(af, 0, &addr);
    c = socket(af, SOCK_STREAM, IPPROTO_TCP);
    CHECK(c != INVALID_SOCKET);
    CHECK_FAIL(connect(c, (SOCKADDR *)&addr, len), SOCKET_ERROR, WSAEADDRNOTAVAIL);
    CHECK_EQ(closesocket(c), 0);
    CHECK_EQ(closesocket(r), 0);
}

int main(void) {
    check_watchdog(30);
    int fds_before = check_count_fds();
    check_startup();

    refused(AF_INET);
    refused(AF_INET6);
    unspecified(AF_INET);
    unspecified(AF_INET6);

    /* An IPv6 address on an IPv4 socket; a short address. */
    SOCKADDR_STORAGE addr;
    int len = check_loopback(AF_INET6, 9, &addr);
    SOCKET c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    CHECK(c != INVALID_SOCKET);
    CHECK_FAIL(connect(c, (SOCKADDR *)&addr, len), SOCKET_ERROR, WSAEAFNOSUPPORT);
    len = check_loopback(AF_INET, 9, &addr);
    CHECK_FAIL(connect(c, (SOCKADDR *)&addr, 4), SOCKET_ERROR, WSAEFAULT);
    CHECK_FAIL(connect(c, NULL, len), SOCKET_ERROR, WSAEFAULT);
    CHECK_EQ(closesocket(c), 0);

    /* connect on a listening socket. */
    SOCKET l = check_bound(AF_INET, SOCK_STREAM, &addr, &len);
    CHECK_FAIL(connect(l, (SOCKADDR *)&addr, len), SOCKET_ERROR, WSAEINVAL);
    CHECK_EQ(closesocket(l), 0);

    CHECK_EQ(WSACleanup(), 0);
    check_no_fd_leak(fds_before);
    printf("PASS\n");
    return 0;
}
