/*
 * Half-close, IPv4 or IPv6 (argv[1] = "4" or "6"): the client's shutdown(SD_SEND) reads as
 * end-of-stream (recv returns 0) on the server after the data sent before it, while the server
 * still sends to the client; sending after SD_SEND fails with WSAESHUTDOWN; a bad `how` is
 * WSAEINVAL; shutdown on an unconnected stream socket is WSAENOTCONN.
 */
#include <winsock2.h>
#include <ws2tcpip.h>

#include "check.h"

int main(int argc, char **argv) {
    check_watchdog(20);
    int af = (argc > 1 && strcmp(argv[1], "6") == 0) ? AF_INET6 : AF_INET;
    printf("shutdown: family %s\n", af == AF_INET6 ? "AF_INET6" : "AF_INET");
    int fds_before = check_count_fds();
    check_startup();

    SOCKET c, s;
    check_tcp_pair(af, &c, &s);
    CHECK_FAIL(shutdown(c, 7), SOCKET_ERROR, WSAEINVAL);

    CHECK_EQ(send(c, "request", 7, 0), 7);
    CHECK_EQ(shutdown(c, SD_SEND), 0);
    CHECK_FAIL(send(c, "more", 4, 0), SOCKET_ERROR, WSAESHUTDOWN);

    char buf[64];
    int got = 0, n;
    while ((n = recv(s, buf + got, (int)sizeof(buf) - got, 0)) > 0) got += n;
    CHECK_EQ(n, 0);
    CHECK_EQ(got, 7);
    CHECK(memcmp(buf, "request", 7) == 0);
    CHECK_EQ(recv(s, buf, (int)sizeof(buf), 0), 0); /* stays at end-of-stream */

    /* The other direction still works. */
    CHECK_EQ(send(s, "response", 8, 0), 8);
    CHECK_EQ(shutdown(s, SD_BOTH), 0);
    got = 0;
    while ((n = recv(c, buf + got, (int)sizeof(buf) - got, 0)) > 0) got += n;
    CHECK_EQ(n, 0);
    CHECK_EQ(got, 8);
    CHECK(memcmp(buf, "response", 8) == 0);

    CHECK_EQ(closesocket(c), 0);
    CHECK_EQ(closesocket(s), 0);

    SOCKET lone = socket(af, SOCK_STREAM, IPPROTO_TCP);
    CHECK(lone != INVALID_SOCKET);
    CHECK_FAIL(shutdown(lone, SD_SEND), SOCKET_ERROR, WSAENOTCONN);
    CHECK_EQ(closesocket(lone), 0);

    CHECK_EQ(WSACleanup(), 0);
    check_no_fd_leak(fds_before);
    printf("PASS\n");
    return 0;
}
