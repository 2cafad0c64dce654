/*
 * select() over more sockets than the default FD_SETSIZE (64): the program overrides
 * FD_SETSIZE to 256 before including winsock2.h, as Windows programs do. 200 UDP sockets in one
 * set; datagrams to three of them make exactly those three readable.
 */
#define FD_SETSIZE 256
#include <winsock2.h>
#include <ws2tcpip.h>

#include "check.h"

#define COUNT 200

int main(void) {
    check_watchdog(20);
    int fds_before = check_count_fds();
    CHECK_EQ(FD_SETSIZE, 256);
    CHECK_EQ(sizeof(fd_set), sizeof(SOCKET) + 256 * sizeof(SOCKET)); /* u_int count, padded */
    check_startup();

    static SOCKET socks[COUNT];
    static SOCKADDR_STORAGE addrs[COUNT];
    int lens[COUNT];
    for (int i = 0; i < COUNT; i++) {
        socks[i] = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
        if (socks[i] == INVALID_SOCKET) CHECK(socks[i] != INVALID_SOCKET);
        lens[i] = check_loopback(AF_INET, 0, &addrs[i]);
        if (bind(socks[i], (SOCKADDR *)&addrs[i], lens[i]) != 0) CHECK_EQ(WSAGetLastError(), 0);
        lens[i] = (int)sizeof(addrs[i]);
        if (getsockname(socks[i], (SOCKADDR *)&addrs[i], &lens[i]) != 0) CHECK_EQ(WSAGetLastError(), 0);
    }
    printf("ok   %d UDP sockets bound\n", COUNT);

    fd_set rfds, wfds;
    FD_ZERO(&rfds);
    FD_ZERO(&wfds);
    for (int i = 0; i < COUNT; i++) {
        FD_SET(socks[i], &rfds);
        FD_SET(socks[i], &wfds);
    }
    CHECK_EQ(rfds.fd_count, COUNT);

    /* Every UDP socket is writable. */
    struct timeval five = {5, 0};
    CHECK_EQ(select(0, NULL, &wfds, NULL, &five), COUNT);
    CHECK_EQ(wfds.fd_count, COUNT);

    /* Three datagrams: exactly three sockets readable, the last ones of the set included. */
    const int targets[3] = {7, 150, 199};
    for (int t = 0; t < 3; t++) {
        int i = targets[t];
        CHECK_EQ(sendto(socks[0], "x", 1, 0, (SOCKADDR *)&addrs[i], lens[i]), 1);
    }
    /* Loopback delivery is immediate, but allow the datagrams to land. */
    int ready = 0;
    for (int attempt = 0; attempt < 50 && ready < 3; attempt++) {
        FD_ZERO(&rfds);
        for (int i = 0; i < COUNT; i++) FD_SET(socks[i], &rfds);
        ready = select(0, &rfds, NULL, NULL, &five);
        CHECK(ready != SOCKET_ERROR);
        if (ready < 3) Sleep(10);
    }
    CHECK_EQ(ready, 3);
    CHECK_EQ(rfds.fd_count, 3);
    for (int i = 0; i < COUNT; i++) {
        int expected = i == 7 || i == 150 || i == 199;
        if (!FD_ISSET(socks[i], &rfds) != !expected) CHECK_EQ(i, -1);
    }
    printf("ok   FD_ISSET true for sockets 7, 150, 199 only\n");

    for (int i = 0; i < COUNT; i++) {
        if (closesocket(socks[i]) != 0) CHECK_EQ(WSAGetLastError(), 0);
    }
    CHECK_EQ(WSACleanup(), 0);
    check_no_fd_leak(fds_before);
    printf("PASS\n");
    return 0;
}
