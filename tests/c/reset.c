/*
 * Abortive close: SO_LINGER {l_onoff 1, l_linger 0} then closesocket sends a RST; the peer's
 * blocking recv fails with WSAECONNRESET (also when it was already waiting in recv).
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>

#include "check.h"

static SOCKET waiting;

static DWORD WINAPI waiter(LPVOID arg) {
    (void)arg;
    char buf[16];
    CHECK_FAIL(recv(waiting, buf, (int)sizeof(buf), 0), SOCKET_ERROR, WSAECONNRESET);
    return 0;
}

static void abort_close(SOCKET s) {
    LINGER lg = {1, 0}, back = {9, 9};
    int len = (int)sizeof(back);
    CHECK_EQ(setsockopt(s, SOL_SOCKET, SO_LINGER, (const char *)&lg, (int)sizeof(lg)), 0);
    CHECK_EQ(getsockopt(s, SOL_SOCKET, SO_LINGER, (char *)&back, &len), 0);
    CHECK_EQ(back.l_onoff, 1);
    CHECK_EQ(back.l_linger, 0);
    CHECK_EQ(closesocket(s), 0);
}

int main(void) {
    check_watchdog(20);
    int fds_before = check_count_fds();
    check_startup();

    /* The peer reads after the RST arrived. */
    SOCKET c, s;
    check_tcp_pair(AF_INET, &c, &s);
    abort_close(c);
    Sleep(50);
    char buf[16];
    CHECK_FAIL(recv(s, buf, (int)sizeof(buf), 0), SOCKET_ERROR, WSAECONNRESET);
    CHECK_EQ(closesocket(s), 0);

    /* The peer is already blocked in recv when the RST arrives. */
    check_tcp_pair(AF_INET6, &c, &s);
    waiting = s;
    HANDLE thread = CreateThread(NULL, 0, waiter, NULL, 0, NULL);
    CHECK(thread != NULL);
    Sleep(200);
    abort_close(c);
    CHECK_EQ(WaitForSingleObject(thread, 5000), WAIT_OBJECT_0);
    CHECK(CloseHandle(thread));
    CHECK_EQ(closesocket(s), 0);

    CHECK_EQ(WSACleanup(), 0);
    check_no_fd_leak(fds_before);
    printf("PASS\n");
    return 0;
}
