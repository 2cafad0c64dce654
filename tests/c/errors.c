/*
 * Error paths with Windows' return values and codes: calls before WSAStartup
 * (WSANOTINITIALISED), WSAStartup's own checks, a closed or never-valid handle (WSAENOTSOCK),
 * NULL and short buffers (WSAEFAULT), bad arguments (WSAEINVAL, WSAEAFNOSUPPORT,
 * WSAEPROTONOSUPPORT ...), and WSACleanup's reference counting.
 */
#include <winsock2.h>
#include <ws2tcpip.h>

#include "check.h"

int main(void) {
    check_watchdog(20);
    int fds_before = check_count_fds();
    char buf[64];
    SOCKADDR_STORAGE addr;
    int len = check_loopback(AF_INET, 9, &addr);

    /* Before WSAStartup. */
    CHECK_FAIL(socket(AF_INET, SOCK_STREAM, 0), INVALID_SOCKET, WSANOTINITIALISED);
    CHECK_FAIL(closesocket((SOCKET)0x1234), SOCKET_ERROR, WSANOTINITIALISED);
    CHECK_FAIL(send((SOCKET)0x1234, "x", 1, 0), SOCKET_ERROR, WSANOTINITIALISED);
    CHECK_FAIL(recv((SOCKET)0x1234, buf, 1, 0), SOCKET_ERROR, WSANOTINITIALISED);
    CHECK_FAIL(connect((SOCKET)0x1234, (SOCKADDR *)&addr, len), SOCKET_ERROR, WSANOTINITIALISED);
    CHECK_FAIL(select(0, NULL, NULL, NULL, NULL), SOCKET_ERROR, WSANOTINITIALISED);
    CHECK_FAIL(WSACleanup(), SOCKET_ERROR, WSANOTINITIALISED);
    WSASetLastError(12345);
    CHECK_EQ(WSAGetLastError(), 12345);

    /* WSAStartup's own checks. */
    WSADATA wsa;
    CHECK_EQ(WSAStartup(MAKEWORD(2, 2), NULL), WSAEFAULT);
    CHECK_EQ(WSAStartup(MAKEWORD(0, 0), &wsa), WSAVERNOTSUPPORTED);
    CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &wsa), 0);
    CHECK_EQ(wsa.wVersion, MAKEWORD(2, 2));
    CHECK_EQ(wsa.wHighVersion, MAKEWORD(2, 2));
    CHECK_EQ(WSAStartup(MAKEWORD(1, 1), &wsa), 0); /* a second reference */
    CHECK_EQ(wsa.wVersion, MAKEWORD(1, 1));

    /* Handles that are not sockets. */
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    CHECK(s != INVALID_SOCKET);
    CHECK_EQ(closesocket(s), 0);
    CHECK_FAIL(closesocket(s), SOCKET_ERROR, WSAENOTSOCK);
    CHECK_FAIL(send(s, "x", 1, 0), SOCKET_ERROR, WSAENOTSOCK);
    CHECK_FAIL(recv(s, buf, 1, 0), SOCKET_ERROR, WSAENOTSOCK);
    CHECK_FAIL(bind(s, (SOCKADDR *)&addr, len), SOCKET_ERROR, WSAENOTSOCK);
    CHECK_FAIL(listen(s, 1), SOCKET_ERROR, WSAENOTSOCK);
    CHECK_FAIL(accept(s, NULL, NULL), INVALID_SOCKET, WSAENOTSOCK);
    CHECK_FAIL(shutdown(s, SD_BOTH), SOCKET_ERROR, WSAENOTSOCK);
    u_long arg = 1;
    CHECK_FAIL(ioctlsocket(s, FIONBIO, &arg), SOCKET_ERROR, WSAENOTSOCK);
    int opt = 0, opt_len = (int)sizeof(opt);
    CHECK_FAIL(getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&opt, &opt_len), SOCKET_ERROR, WSAENOTSOCK);
    CHECK_FAIL(closesocket(INVALID_SOCKET), SOCKET_ERROR, WSAENOTSOCK);
    CHECK_FAIL(closesocket((SOCKET)0), SOCKET_ERROR, WSAENOTSOCK);
    /* A socket created after the close gets a different handle value. */
    SOCKET s2 = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    CHECK(s2 != INVALID_SOCKET);
    CHECK(s2 != s);
    CHECK_FAIL(closesocket(s), SOCKET_ERROR, WSAENOTSOCK);
    CHECK_EQ(closesocket(s2), 0);

    /* Bad arguments to socket(). */
    CHECK_FAIL(socket(12345, SOCK_STREAM, 0), INVALID_SOCKET, WSAEAFNOSUPPORT);
    CHECK_FAIL(socket(AF_INET, SOCK_STREAM, IPPROTO_UDP), INVALID_SOCKET, WSAEPROTONOSUPPORT);
    CHECK_FAIL(socket(AF_INET, 12345, 0), INVALID_SOCKET, WSAESOCKTNOSUPPORT);

    /* NULL and short buffers. */
    SOCKET c, srv;
    check_tcp_pair(AF_INET, &c, &srv);
    CHECK_FAIL(send(c, NULL, 4, 0), SOCKET_ERROR, WSAEFAULT);
    CHECK_FAIL(recv(srv, NULL, 4, 0), SOCKET_ERROR, WSAEFAULT);
    CHECK_FAIL(send(c, "x", -1, 0), SOCKET_ERROR, WSAEFAULT);
    SOCKADDR_STORAGE name;
    int name_len = 4;
    CHECK_FAIL(getsockname(c, (SOCKADDR *)&name, &name_len), SOCKET_ERROR, WSAEFAULT);
    CHECK_FAIL(getsockname(c, (SOCKADDR *)&name, NULL), SOCKET_ERROR, WSAEFAULT);
    CHECK_FAIL(getsockname(c, NULL, &name_len), SOCKET_ERROR, WSAEFAULT);
    name_len = 4;
    CHECK_FAIL(getpeername(c, (SOCKADDR *)&name, &name_len), SOCKET_ERROR, WSAEFAULT);
    opt_len = 2;
    CHECK_FAIL(getsockopt(c, SOL_SOCKET, SO_RCVBUF, (char *)&opt, &opt_len), SOCKET_ERROR, WSAEFAULT);
    opt_len = (int)sizeof(opt);
    CHECK_FAIL(getsockopt(c, SOL_SOCKET, SO_RCVBUF, NULL, &opt_len), SOCKET_ERROR, WSAEFAULT);
    CHECK_FAIL(getsockopt(c, SOL_SOCKET, SO_RCVBUF, (char *)&opt, NULL), SOCKET_ERROR, WSAEFAULT);
    CHECK_FAIL(setsockopt(c, SOL_SOCKET, SO_RCVBUF, NULL, (int)sizeof(opt)), SOCKET_ERROR, WSAEFAULT);
    CHECK_FAIL(setsockopt(c, SOL_SOCKET, SO_RCVBUF, (const char *)&opt, 2), SOCKET_ERROR, WSAEFAULT);
    CHECK_FAIL(ioctlsocket(c, FIONREAD, NULL), SOCKET_ERROR, WSAEFAULT);
    CHECK_FAIL(getsockopt(c, 12345, SO_RCVBUF, (char *)&opt, &opt_len), SOCKET_ERROR, WSAEINVAL);
    CHECK_FAIL(getsockopt(c, SOL_SOCKET, 0x7777, (char *)&opt, &opt_len), SOCKET_ERROR, WSAENOPROTOOPT);

    /* A pending connection; accept with a short address length. */
    SOCKADDR_STORAGE laddr;
    int llen;
    SOCKET l = check_bound(AF_INET, SOCK_STREAM, &laddr, &llen);
    int accept_len = 4;
    CHECK_FAIL(accept(l, (SOCKADDR *)&name, &accept_len), INVALID_SOCKET, WSAEFAULT);
    CHECK_FAIL(bind(l, (SOCKADDR *)&laddr, 4), SOCKET_ERROR, WSAEFAULT);
    CHECK_FAIL(bind(l, NULL, llen), SOCKET_ERROR, WSAEFAULT);
    CHECK_FAIL(bind(c, (SOCKADDR *)&laddr, llen), SOCKET_ERROR, WSAEINVAL); /* already bound */
    CHECK_EQ(closesocket(l), 0);

    /* select with no sockets at all. */
    struct timeval zero = {0, 0};
    fd_set empty;
    FD_ZERO(&empty);
    CHECK_FAIL(select(0, NULL, NULL, NULL, &zero), SOCKET_ERROR, WSAEINVAL);
    CHECK_FAIL(select(0, &empty, &empty, &empty, &zero), SOCKET_ERROR, WSAEINVAL);

    /* recvfrom with a from-length too small for the address. */
    SOCKADDR_STORAGE uaddr;
    int ulen;
    SOCKET u = check_bound(AF_INET, SOCK_DGRAM, &uaddr, &ulen);
    CHECK_EQ(sendto(u, "dgram", 5, 0, (SOCKADDR *)&uaddr, ulen), 5);
    int from_len = 4;
    CHECK_FAIL(recvfrom(u, buf, (int)sizeof(buf), 0, (SOCKADDR *)&name, &from_len), SOCKET_ERROR, WSAEFAULT);
    CHECK_FAIL(sendto(u, "x", 1, 0, (SOCKADDR *)&uaddr, 4), SOCKET_ERROR, WSAEFAULT);
    CHECK_EQ(closesocket(u), 0);

    CHECK_EQ(closesocket(c), 0);
    CHECK_EQ(closesocket(srv), 0);

    /* Two references: the first WSACleanup leaves Winsock usable, the second ends it. */
    CHECK_EQ(WSACleanup(), 0);
    s = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK(s != INVALID_SOCKET);
    CHECK_EQ(closesocket(s), 0);
    CHECK_EQ(WSACleanup(), 0);
    CHECK_FAIL(socket(AF_INET, SOCK_DGRAM, 0), INVALID_SOCKET, WSANOTINITIALISED);
    CHECK_FAIL(WSACleanup(), SOCKET_ERROR, WSANOTINITIALISED);

    check_no_fd_leak(fds_before);
    printf("PASS\n");
    return 0;
}
