/*
 * UDP over loopback, IPv4 or IPv6 (argv[1] = "4" or "6"): sendto/recvfrom with the sender's
 * address, a zero-length datagram, a truncated datagram (WSAEMSGSIZE with the buffer filled),
 * connected UDP with send/recv, a reply from a second thread, and no fd leaked.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>

#include "check.h"

static SOCKET echo_sock;

/* Echoes one datagram back to its sender. */
static DWORD WINAPI echo(LPVOID arg) {
    (void)arg;
    char buf[128];
    SOCKADDR_STORAGE from;
    int from_len = (int)sizeof(from);
    int n = recvfrom(echo_sock, buf, (int)sizeof(buf), 0, (SOCKADDR *)&from, &from_len);
    CHECK_EQ(n, 5);
    CHECK_EQ(sendto(echo_sock, buf, n, 0, (SOCKADDR *)&from, from_len), 5);
    return 0;
}

int main(int argc, char **argv) {
    check_watchdog(20);
    int af = (argc > 1 && strcmp(argv[1], "6") == 0) ? AF_INET6 : AF_INET;
    int addr_size = af == AF_INET6 ? (int)sizeof(SOCKADDR_IN6) : (int)sizeof(SOCKADDR_IN);
    printf("udp: family %s\n", af == AF_INET6 ? "AF_INET6" : "AF_INET");
    int fds_before = check_count_fds();
    check_startup();

    SOCKADDR_STORAGE a_addr, b_addr, from;
    int a_len, b_len, from_len;
    SOCKET a = check_bound(af, SOCK_DGRAM, &a_addr, &a_len);
    SOCKET b = check_bound(af, SOCK_DGRAM, &b_addr, &b_len);

    /* sendto / recvfrom with the sender's address. */
    CHECK_EQ(sendto(a, "hello", 5, 0, (SOCKADDR *)&b_addr, b_len), 5);
    char buf[64];
    from_len = (int)sizeof(from);
    CHECK_EQ(recvfrom(b, buf, (int)sizeof(buf), 0, (SOCKADDR *)&from, &from_len), 5);
    CHECK(memcmp(buf, "hello", 5) == 0);
    CHECK_EQ(from_len, addr_size);
    CHECK_EQ(from.ss_family, af);
    CHECK_EQ(check_port(&from), check_port(&a_addr));

    /* A zero-length datagram is a datagram. */
    CHECK_EQ(sendto(a, buf, 0, 0, (SOCKADDR *)&b_addr, b_len), 0);
    CHECK_EQ(recvfrom(b, buf, (int)sizeof(buf), 0, NULL, NULL), 0);

    /* A datagram larger than the buffer: the buffer is filled, the rest is lost, WSAEMSGSIZE. */
    CHECK_EQ(sendto(a, "0123456789", 10, 0, (SOCKADDR *)&b_addr, b_len), 10);
    memset(buf, 0, sizeof(buf));
    CHECK_FAIL(recvfrom(b, buf, 4, 0, NULL, NULL), SOCKET_ERROR, WSAEMSGSIZE);
    CHECK(memcmp(buf, "0123", 4) == 0);
    CHECK_EQ(sendto(a, "next", 4, 0, (SOCKADDR *)&b_addr, b_len), 4);
    CHECK_EQ(recv(b, buf, (int)sizeof(buf), 0), 4);
    CHECK(memcmp(buf, "next", 4) == 0);

    /* Connected UDP: send/recv with the default peer; a reply from another thread. */
    echo_sock = b;
    HANDLE thread = CreateThread(NULL, 0, echo, NULL, 0, NULL);
    CHECK(thread != NULL);
    CHECK_EQ(connect(a, (SOCKADDR *)&b_addr, b_len), 0);
    SOCKADDR_STORAGE peer;
    int peer_len = (int)sizeof(peer);
    CHECK_EQ(getpeername(a, (SOCKADDR *)&peer, &peer_len), 0);
    CHECK_EQ(check_port(&peer), check_port(&b_addr));
    CHECK_EQ(send(a, "world", 5, 0), 5);
    memset(buf, 0, sizeof(buf));
    CHECK_EQ(recv(a, buf, (int)sizeof(buf), 0), 5);
    CHECK(memcmp(buf, "world", 5) == 0);
    CHECK_EQ(WaitForSingleObject(thread, 10000), WAIT_OBJECT_0);
    CHECK(CloseHandle(thread));

    /* An unconnected UDP socket has no peer. */
    peer_len = (int)sizeof(peer);
    CHECK_FAIL(getpeername(b, (SOCKADDR *)&peer, &peer_len), SOCKET_ERROR, WSAENOTCONN);

    CHECK_EQ(closesocket(a), 0);
    CHECK_EQ(closesocket(b), 0);
    CHECK_EQ(WSACleanup(), 0);
    check_no_fd_leak(fds_before);
    printf("PASS\n");
    return 0;
}
