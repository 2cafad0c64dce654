/*
 * closesocket from another thread wakes a thread blocked on the same socket: a blocked recv
 * and a blocked accept return SOCKET_ERROR / INVALID_SOCKET with WSAEINTR (what Windows reports
 * for a blocking call cut short by closesocket), promptly. The handle is then WSAENOTSOCK.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>

#include "check.h"

static SOCKET target;
static volatile LONG entered;

static DWORD WINAPI blocked_recv(LPVOID arg) {
    (void)arg;
    char buf[16];
    entered = 1;
    CHECK_FAIL(recv(target, buf, (int)sizeof(buf), 0), SOCKET_ERROR, WSAEINTR);
    return 0;
}

static DWORD WINAPI blocked_accept(LPVOID arg) {
    (void)arg;
    entered = 1;
    CHECK_FAIL(accept(target, NULL, NULL), INVALID_SOCKET, WSAEINTR);
    return 0;
}

static void close_under(LPTHREAD_START_ROUTINE fn, const char *what) {
    printf("     closing a socket under a blocked %s\n", what);
    entered = 0;
    HANDLE thread = CreateThread(NULL, 0, fn, NULL, 0, NULL);
    CHECK(thread != NULL);
    while (!entered) Sleep(1);
    Sleep(200); /* let it block */
    CHECK_EQ(WaitForSingleObject(thread, 0), WAIT_TIMEOUT);
    long long t0 = check_now_ms();
    CHECK_EQ(closesocket(target), 0);
    CHECK_EQ(WaitForSingleObject(thread, 5000), WAIT_OBJECT_0);
    long long waited = check_now_ms() - t0;
    printf("     woken after %lld ms\n", waited);
    CHECK(waited < 2000);
    CHECK(CloseHandle(thread));
    CHECK_FAIL(closesocket(target), SOCKET_ERROR, WSAENOTSOCK);
}

int main(void) {
    check_watchdog(20);
    int fds_before = check_count_fds();
    check_startup();

    SOCKET c, s;
    check_tcp_pair(AF_INET, &c, &s);
    target = s;
    close_under(blocked_recv, "recv");
    CHECK_EQ(closesocket(c), 0);

    SOCKADDR_STORAGE addr;
    int len;
    target = check_bound(AF_INET, SOCK_STREAM, &addr, &len);
    close_under(blocked_accept, "accept");

    CHECK_EQ(WSACleanup(), 0);
    /* Two threads made blocking calls; each thread's wake fd goes with the thread. */
    check_no_fd_leak(fds_before);
    printf("PASS\n");
    return 0;
}
