/*
 * WSAPoll over loopback TCP, IPv4 or IPv6 (argv[1] = "4" or "6"): a listener's pending
 * connection (POLLRDNORM), writability (POLLWRNORM), a timeout with nothing ready, incoming data,
 * closesocket from another thread during the wait (POLLNVAL), bad arguments (WSAEINVAL,
 * WSAEFAULT). argv[1] = "hup": the peer's graceful close (POLLHUP).
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>

#include "check.h"

static SOCKET closer_target;

static DWORD WINAPI closer(LPVOID arg) {
    (void)arg;
    Sleep(200);
    CHECK_EQ(closesocket(closer_target), 0);
    return 0;
}

/* The peer closes gracefully: Windows reports POLLHUP (the engine's readiness check peeks: a
 * readable stream socket with 0 bytes to read has been shut down by its peer); POLLRDNORM may
 * accompany it. recv then returns 0. */
static void peer_close(void) {
    SOCKET c, s;
    check_tcp_pair(AF_INET, &c, &s);
    CHECK_EQ(closesocket(c), 0);
    WSAPOLLFD p = {s, POLLRDNORM, 0};
    CHECK_EQ(WSAPoll(&p, 1, 5000), 1);
    printf("     revents after the peer's close: 0x%x\n", (unsigned)p.revents);
    CHECK((p.revents & POLLHUP) == POLLHUP);
    CHECK((p.revents & ~(POLLHUP | POLLRDNORM)) == 0);
    char buf[4];
    CHECK_EQ(recv(s, buf, (int)sizeof(buf), 0), 0);
    CHECK_EQ(closesocket(s), 0);
}

int main(int argc, char **argv) {
    check_watchdog(20);
    if (argc > 1 && strcmp(argv[1], "hup") == 0) {
        int fds_before = check_count_fds();
        check_startup();
        peer_close();
        CHECK_EQ(WSACleanup(), 0);
        check_no_fd_leak(fds_before);
        printf("PASS\n");
        return 0;
    }
    int af = (argc > 1 && strcmp(argv[1], "6") == 0) ? AF_INET6 : AF_INET;
    printf("poll: family %s\n", af == AF_INET6 ? "AF_INET6" : "AF_INET");
    int fds_before = check_count_fds();
    check_startup();

    SOCKADDR_STORAGE addr;
    int len;
    SOCKET listener = check_bound(af, SOCK_STREAM, &addr, &len);

    WSAPOLLFD p[3];
    memset(p, 0, sizeof(p));
    p[0].fd = listener;
    p[0].events = POLLRDNORM;
    p[0].revents = -1;
    CHECK_EQ(WSAPoll(p, 1, 0), 0);
    CHECK_EQ(p[0].revents, 0);

    SOCKET c = socket(af, SOCK_STREAM, IPPROTO_TCP);
    CHECK(c != INVALID_SOCKET);
    CHECK_EQ(connect(c, (SOCKADDR *)&addr, len), 0);
    CHECK_EQ(WSAPoll(p, 1, 5000), 1);
    CHECK_EQ(p[0].revents, POLLRDNORM);
    SOCKET s = accept(listener, NULL, NULL);
    CHECK(s != INVALID_SOCKET);

    /* Writable client, nothing to read on the server. */
    p[0].fd = c;
    p[0].events = POLLWRNORM;
    p[1].fd = s;
    p[1].events = POLLRDNORM;
    CHECK_EQ(WSAPoll(p, 2, 5000), 1);
    CHECK_EQ(p[0].revents, POLLWRNORM);
    CHECK_EQ(p[1].revents, 0);

    /* A timeout with nothing ready lasts about as long as asked. */
    long long t0 = check_now_ms();
    CHECK_EQ(WSAPoll(&p[1], 1, 200), 0);
    long long waited = check_now_ms() - t0;
    printf("     waited %lld ms\n", waited);
    CHECK(waited >= 150 && waited < 3000);

    /* Data arrives. */
    CHECK_EQ(send(c, "poll", 4, 0), 4);
    CHECK_EQ(WSAPoll(&p[1], 1, 5000), 1);
    CHECK_EQ(p[1].revents, POLLRDNORM);
    char buf[16];
    CHECK_EQ(recv(s, buf, (int)sizeof(buf), 0), 4);

    /* closesocket from another thread during a wait: the entry reports POLLNVAL. */
    closer_target = s;
    p[0].fd = s;
    p[0].events = POLLRDNORM;
    HANDLE thread = CreateThread(NULL, 0, closer, NULL, 0, NULL);
    CHECK(thread != NULL);
    CHECK_EQ(WSAPoll(p, 1, 5000), 1);
    CHECK_EQ(p[0].revents, POLLNVAL);
    CHECK_EQ(WaitForSingleObject(thread, 5000), WAIT_OBJECT_0);
    CHECK(CloseHandle(thread));

    /* Bad arguments. */
    CHECK_FAIL(WSAPoll(p, 0, 0), SOCKET_ERROR, WSAEINVAL);
    CHECK_FAIL(WSAPoll(NULL, 1, 0), SOCKET_ERROR, WSAEFAULT);

    CHECK_EQ(closesocket(c), 0);
    CHECK_EQ(closesocket(listener), 0);
    CHECK_EQ(WSACleanup(), 0);
    check_no_fd_leak(fds_before);
    printf("PASS\n");
    return 0;
}
