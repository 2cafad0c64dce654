/*
 * A server restarting on its port: after a connection the server side closed first (so it sits
 * in TIME_WAIT), a new socket binds the same port and listens. Windows allows this without any
 * option (TIME_WAIT only blocks reuse of the same connection 4-tuple); Linux refuses the bind
 * (EADDRINUSE) unless the socket has Linux's SO_REUSEADDR.
 */
#include <winsock2.h>
#include <ws2tcpip.h>

#include "check.h"

int main(void) {
    check_watchdog(20);
    int fds_before = check_count_fds();
    check_startup();

    SOCKADDR_STORAGE addr;
    int len;
    SOCKET listener = check_bound(AF_INET, SOCK_STREAM, &addr, &len);
    SOCKET c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    CHECK(c != INVALID_SOCKET);
    CHECK_EQ(connect(c, (SOCKADDR *)&addr, len), 0);
    SOCKET s = accept(listener, NULL, NULL);
    CHECK(s != INVALID_SOCKET);
    /* The server closes first: its end of the connection goes to TIME_WAIT. */
    CHECK_EQ(closesocket(s), 0);
    char buf[4];
    CHECK_EQ(recv(c, buf, (int)sizeof(buf), 0), 0);
    CHECK_EQ(closesocket(c), 0);
    CHECK_EQ(closesocket(listener), 0);

    SOCKET again = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    CHECK(again != INVALID_SOCKET);
    CHECK_EQ(bind(again, (SOCKADDR *)&addr, len), 0);
    CHECK_EQ(listen(again, 4), 0);
    CHECK_EQ(closesocket(again), 0);

    CHECK_EQ(WSACleanup(), 0);
    check_no_fd_leak(fds_before);
    printf("PASS\n");
    return 0;
}
