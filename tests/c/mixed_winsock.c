/*
 * The Winsock half of a program that also uses POSIX sockets (posix_user.c, compiled against
 * glibc's headers): each side connects to the other's listener and they exchange data. The
 * POSIX side gets small fds from libc; the Winsock side gets SOCKET handles from the engine.
 */
#include <winsock2.h>
#include <ws2tcpip.h>

#include "check.h"

int posix_connect(unsigned short port);
int posix_listen(unsigned short *port);
int posix_accept(int fd);
long posix_send(int fd, const void *buf, unsigned long len);
long posix_recv(int fd, void *buf, unsigned long len);
int posix_close(int fd);

int main(void) {
    check_watchdog(20);
    int fds_before = check_count_fds();
    check_startup();
    char buf[32];

    /* POSIX client -> Winsock server. */
    SOCKADDR_STORAGE addr;
    int len;
    SOCKET listener = check_bound(AF_INET, SOCK_STREAM, &addr, &len);
    int fd = posix_connect(check_port(&addr));
    printf("     POSIX socket fd %d, Winsock listener handle 0x%llx\n", fd, (unsigned long long)listener);
    CHECK(fd >= 0 && fd < 1024);
    SOCKET s = accept(listener, NULL, NULL);
    CHECK(s != INVALID_SOCKET);
    CHECK_EQ(posix_send(fd, "from posix", 10), 10);
    CHECK_EQ(recv(s, buf, (int)sizeof(buf), 0), 10);
    CHECK(memcmp(buf, "from posix", 10) == 0);
    CHECK_EQ(send(s, "from winsock", 12, 0), 12);
    CHECK_EQ(posix_recv(fd, buf, sizeof(buf)), 12);
    CHECK(memcmp(buf, "from winsock", 12) == 0);
    /* The fd number is not a Winsock handle. */
    CHECK_FAIL(send((SOCKET)fd, "x", 1, 0), SOCKET_ERROR, WSAENOTSOCK);
    CHECK_EQ(posix_close(fd), 0);
    CHECK_EQ(recv(s, buf, (int)sizeof(buf), 0), 0);
    CHECK_EQ(closesocket(s), 0);
    CHECK_EQ(closesocket(listener), 0);

    /* Winsock client -> POSIX server. */
    unsigned short port = 0;
    int lfd = posix_listen(&port);
    CHECK(lfd >= 0 && lfd < 1024);
    SOCKET c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    CHECK(c != INVALID_SOCKET);
    len = check_loopback(AF_INET, port, &addr);
    CHECK_EQ(connect(c, (SOCKADDR *)&addr, len), 0);
    int afd = posix_accept(lfd);
    CHECK(afd >= 0);
    CHECK_EQ(send(c, "hello posix", 11, 0), 11);
    CHECK_EQ(posix_recv(afd, buf, sizeof(buf)), 11);
    CHECK(memcmp(buf, "hello posix", 11) == 0);
    CHECK_EQ(posix_send(afd, "hello winsock", 13), 13);
    CHECK_EQ(recv(c, buf, (int)sizeof(buf), 0), 13);
    CHECK(memcmp(buf, "hello winsock", 13) == 0);
    CHECK_EQ(closesocket(c), 0);
    CHECK_EQ(posix_recv(afd, buf, sizeof(buf)), 0);
    CHECK_EQ(posix_close(afd), 0);
    CHECK_EQ(posix_close(lfd), 0);

    CHECK_EQ(WSACleanup(), 0);
    check_no_fd_leak(fds_before);
    printf("PASS\n");
    return 0;
}
