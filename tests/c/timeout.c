/*
 * SO_RCVTIMEO (a DWORD of milliseconds on Windows): a blocking recv on TCP and a recvfrom on UDP
 * with nothing to read fail with WSAETIMEDOUT after about the timeout; the option reads back
 * as set; the TCP connection stays usable after the timeout.
 */
#include <winsock2.h>
#include <ws2tcpip.h>

#include "check.h"

static void timed(SOCKET s, int udp) {
    DWORD ms = 300, back = 0;
    int len = (int)sizeof(back);
    CHECK_EQ(setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (const char *)&ms, (int)sizeof(ms)), 0);
    CHECK_EQ(getsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (char *)&back, &len), 0);
    CHECK_EQ(back, 300);
    CHECK_EQ(len, (int)sizeof(DWORD));

    char buf[16];
    long long t0 = check_now_ms();
    if (udp) {
        CHECK_FAIL(recvfrom(s, buf, (int)sizeof(buf), 0, NULL, NULL), SOCKET_ERROR, WSAETIMEDOUT);
    } else {
        CHECK_FAIL(recv(s, buf, (int)sizeof(buf), 0), SOCKET_ERROR, WSAETIMEDOUT);
    }
    long long waited = check_now_ms() - t0;
    printf("     waited %lld ms for a 300 ms timeout\n", waited);
    CHECK(waited >= 250 && waited < 3000);
}

int main(void) {
    check_watchdog(20);
    int fds_before = check_count_fds();
    check_startup();

    SOCKET c, s;
    check_tcp_pair(AF_INET, &c, &s);
    timed(s, 0);
    /* Still connected: data sent after the timeout arrives. */
    CHECK_EQ(send(c, "late", 4, 0), 4);
    char buf[16];
    CHECK_EQ(recv(s, buf, (int)sizeof(buf), 0), 4);
    CHECK(memcmp(buf, "late", 4) == 0);
    CHECK_EQ(closesocket(c), 0);
    CHECK_EQ(closesocket(s), 0);

    SOCKADDR_STORAGE addr;
    int len;
    SOCKET u = check_bound(AF_INET6, SOCK_DGRAM, &addr, &len);
    timed(u, 1);
    CHECK_EQ(closesocket(u), 0);

    CHECK_EQ(WSACleanup(), 0);
    check_no_fd_leak(fds_before);
    printf("PASS\n");
    return 0;
}
