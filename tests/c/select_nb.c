/*
 * Non-blocking TCP with select(), IPv4 or IPv6 (argv[1] = "4" or "6"): FIONBIO, accept and
 * recv with nothing pending (WSAEWOULDBLOCK), a non-blocking connect completed through the
 * write set, the accept readiness through the read set, the FD_SET/FD_CLR/FD_ISSET/FD_ZERO
 * macros on Windows' fd_set (count + array; the set is rewritten to the ready sockets),
 * FIONREAD, a zero timeout, a closed socket in a set (WSAENOTSOCK), the peer's close.
 */
#include <winsock2.h>
#include <ws2tcpip.h>

#include "check.h"

int main(int argc, char **argv) {
    check_watchdog(20);
    int af = (argc > 1 && strcmp(argv[1], "6") == 0) ? AF_INET6 : AF_INET;
    printf("select_nb: family %s\n", af == AF_INET6 ? "AF_INET6" : "AF_INET");
    int fds_before = check_count_fds();
    check_startup();

    SOCKADDR_STORAGE addr;
    int len;
    SOCKET listener = check_bound(af, SOCK_STREAM, &addr, &len);
    u_long on = 1, off = 0;
    CHECK_EQ(ioctlsocket(listener, FIONBIO, &on), 0);
    CHECK_FAIL(accept(listener, NULL, NULL), INVALID_SOCKET, WSAEWOULDBLOCK);

    /* Nothing ready, zero timeout: 0, and the set comes back empty. */
    fd_set rfds, wfds, efds;
    struct timeval zero = {0, 0}, five = {5, 0};
    FD_ZERO(&rfds);
    FD_SET(listener, &rfds);
    FD_SET(listener, &rfds); /* no duplicate entry */
    CHECK_EQ(rfds.fd_count, 1);
    CHECK_EQ(select(0, &rfds, NULL, NULL, &zero), 0);
    CHECK_EQ(rfds.fd_count, 0);
    CHECK(!FD_ISSET(listener, &rfds));

    /* Non-blocking connect: WSAEWOULDBLOCK, then writable once connected. */
    SOCKET c = socket(af, SOCK_STREAM, IPPROTO_TCP);
    CHECK(c != INVALID_SOCKET);
    CHECK_EQ(ioctlsocket(c, FIONBIO, &on), 0);
    CHECK_FAIL(connect(c, (SOCKADDR *)&addr, len), SOCKET_ERROR, WSAEWOULDBLOCK);
    FD_ZERO(&wfds);
    FD_ZERO(&efds);
    FD_SET(c, &wfds);
    FD_SET(c, &efds);
    CHECK_EQ(select(0, NULL, &wfds, &efds, &five), 1);
    CHECK(FD_ISSET(c, &wfds));
    CHECK(!FD_ISSET(c, &efds));
    int err = -1, err_len = (int)sizeof(err);
    CHECK_EQ(getsockopt(c, SOL_SOCKET, SO_ERROR, (char *)&err, &err_len), 0);
    CHECK_EQ(err, 0);
    CHECK_FAIL(connect(c, (SOCKADDR *)&addr, len), SOCKET_ERROR, WSAEISCONN);

    /* The listener is readable: a connection is pending. */
    FD_ZERO(&rfds);
    FD_SET(listener, &rfds);
    CHECK_EQ(select(0, &rfds, NULL, NULL, &five), 1);
    CHECK(FD_ISSET(listener, &rfds));
    SOCKET s = accept(listener, NULL, NULL);
    CHECK(s != INVALID_SOCKET);

    /* The accepted socket inherits non-blocking mode. */
    char buf[64];
    CHECK_FAIL(recv(s, buf, (int)sizeof(buf), 0), SOCKET_ERROR, WSAEWOULDBLOCK);
    u_long avail = 99;
    CHECK_EQ(ioctlsocket(s, FIONREAD, &avail), 0);
    CHECK_EQ(avail, 0);

    /* Data makes the server readable; FIONREAD counts it; FD_CLR removes an entry. */
    CHECK_EQ(send(c, "select!", 7, 0), 7);
    FD_ZERO(&rfds);
    FD_SET(c, &rfds);
    FD_SET(s, &rfds);
    FD_SET(listener, &rfds);
    FD_CLR(listener, &rfds);
    CHECK_EQ(rfds.fd_count, 2);
    CHECK_EQ(select(0, &rfds, NULL, NULL, &five), 1);
    CHECK_EQ(rfds.fd_count, 1);
    CHECK(FD_ISSET(s, &rfds));
    CHECK(!FD_ISSET(c, &rfds));
    CHECK_EQ(ioctlsocket(s, FIONREAD, &avail), 0);
    CHECK_EQ(avail, 7);
    CHECK_EQ(recv(s, buf, (int)sizeof(buf), 0), 7);
    CHECK(memcmp(buf, "select!", 7) == 0);

    /* Both ends writable; a read+write set counts each socket once per set. */
    FD_ZERO(&rfds);
    FD_ZERO(&wfds);
    FD_SET(c, &wfds);
    FD_SET(s, &wfds);
    FD_SET(s, &rfds);
    CHECK_EQ(select(0, &rfds, &wfds, NULL, &five), 2);
    CHECK_EQ(wfds.fd_count, 2);
    CHECK_EQ(rfds.fd_count, 0);

    /* A closed socket in a set: WSAENOTSOCK. */
    SOCKET dead = socket(af, SOCK_STREAM, IPPROTO_TCP);
    CHECK(dead != INVALID_SOCKET);
    CHECK_EQ(closesocket(dead), 0);
    FD_ZERO(&rfds);
    FD_SET(s, &rfds);
    FD_SET(dead, &rfds);
    CHECK_FAIL(select(0, &rfds, NULL, NULL, &zero), SOCKET_ERROR, WSAENOTSOCK);

    /* The peer closes: readable, recv returns 0. */
    CHECK_EQ(closesocket(c), 0);
    FD_ZERO(&rfds);
    FD_SET(s, &rfds);
    CHECK_EQ(select(0, &rfds, NULL, NULL, &five), 1);
    CHECK(FD_ISSET(s, &rfds));
    CHECK_EQ(recv(s, buf, (int)sizeof(buf), 0), 0);

    /* Back to blocking mode. */
    CHECK_EQ(ioctlsocket(s, FIONBIO, &off), 0);
    CHECK_EQ(closesocket(s), 0);
    CHECK_EQ(closesocket(listener), 0);
    CHECK_EQ(WSACleanup(), 0);
    check_no_fd_leak(fds_before);
    printf("PASS\n");
    return 0;
}
