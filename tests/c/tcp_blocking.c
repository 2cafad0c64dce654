/*
 * Blocking TCP client/server in one process (server on a CreateThread thread), IPv4 or IPv6
 * (argv[1] = "4" or "6"): bind/getsockname/listen, connect, accept with the peer address,
 * exact send/recv byte counts, getpeername, MSG_PEEK, graceful close (recv returns 0), and no
 * fd leaked.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>

#include "check.h"

static SOCKADDR_STORAGE listen_addr;
static int listen_len;
static SOCKET listener;
static int family;

static DWORD WINAPI server(LPVOID arg) {
    (void)arg;
    SOCKADDR_STORAGE peer;
    int peer_len = (int)sizeof(peer);
    SOCKET s = accept(listener, (SOCKADDR *)&peer, &peer_len);
    CHECK(s != INVALID_SOCKET);
    CHECK_EQ(peer_len, family == AF_INET6 ? (int)sizeof(SOCKADDR_IN6) : (int)sizeof(SOCKADDR_IN));
    CHECK_EQ(peer.ss_family, family);

    char buf[64];
    int got = 0;
    while (got < 10) {
        int n = recv(s, buf + got, (int)sizeof(buf) - got, 0);
        CHECK(n > 0);
        got += n;
    }
    CHECK_EQ(got, 10);
    CHECK(memcmp(buf, "0123456789", 10) == 0);
    CHECK_EQ(send(s, "pong", 4, 0), 4);

    /* The client closes after reading "pong": a graceful close reads as 0. */
    CHECK_EQ(recv(s, buf, (int)sizeof(buf), 0), 0);
    CHECK_EQ(closesocket(s), 0);
    return 0;
}

static void round_trip(void) {
    check_startup();

    listener = check_bound(family, SOCK_STREAM, &listen_addr, &listen_len);
    HANDLE thread = CreateThread(NULL, 0, server, NULL, 0, NULL);
    CHECK(thread != NULL);

    SOCKET c = socket(family, SOCK_STREAM, IPPROTO_TCP);
    CHECK(c != INVALID_SOCKET);
    CHECK(c != 0);
    CHECK_EQ(c % 4, 0);
    CHECK_EQ(connect(c, (SOCKADDR *)&listen_addr, listen_len), 0);

    SOCKADDR_STORAGE peer;
    int peer_len = (int)sizeof(peer);
    CHECK_EQ(getpeername(c, (SOCKADDR *)&peer, &peer_len), 0);
    CHECK_EQ(check_port(&peer), check_port(&listen_addr));

    CHECK_EQ(send(c, "01234", 5, 0), 5);
    CHECK_EQ(send(c, "56789", 5, 0), 5);

    char buf[16];
    int got = 0;
    /* MSG_PEEK leaves the data queued. */
    while (got < 4) {
        got = recv(c, buf, 4, MSG_PEEK);
        CHECK(got > 0);
    }
    CHECK_EQ(got, 4);
    CHECK(memcmp(buf, "pong", 4) == 0);
    memset(buf, 0, sizeof(buf));
    CHECK_EQ(recv(c, buf, (int)sizeof(buf), 0), 4);
    CHECK(memcmp(buf, "pong", 4) == 0);
    CHECK_EQ(closesocket(c), 0);

    CHECK_EQ(WaitForSingleObject(thread, 10000), WAIT_OBJECT_0);
    CHECK(CloseHandle(thread));
    CHECK_EQ(closesocket(listener), 0);
    CHECK_EQ(WSACleanup(), 0);
}

int main(int argc, char **argv) {
    check_watchdog(20);
    family = (argc > 1 && strcmp(argv[1], "6") == 0) ? AF_INET6 : AF_INET;
    printf("tcp_blocking: family %s\n", family == AF_INET6 ? "AF_INET6" : "AF_INET");
    int fds_before = check_count_fds();
    round_trip();
    check_no_fd_leak(fds_before);
    /* The second round must end with exactly the fds the first one ended with. */
    int fds_after_first = check_count_fds();
    round_trip();
    CHECK_EQ(check_count_fds(), fds_after_first);
    printf("PASS\n");
    return 0;
}
