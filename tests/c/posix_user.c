/*
 * A plain POSIX socket user, linked into the same program as a Winsock user (mixed_winsock.c).
 * It includes the glibc socket headers, never the project's, so socket()/connect()/send()/recv()
 * here are libc's: libws2_32.so must not shadow them (its libc-named exports are ws2_32_*).
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* A TCP connection to 127.0.0.1:port; the fd, or -1. */
int posix_connect(unsigned short port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    struct sockaddr_in sin;
    memset(&sin, 0, sizeof(sin));
    sin.sin_family = AF_INET;
    sin.sin_port = htons(port);
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* A listening TCP socket on 127.0.0.1 (port chosen by the system, returned in *port). */
int posix_listen(unsigned short *port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    struct sockaddr_in sin;
    socklen_t len = sizeof(sin);
    memset(&sin, 0, sizeof(sin));
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = inet_addr("127.0.0.1");
    if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) != 0 || listen(fd, 4) != 0 ||
        getsockname(fd, (struct sockaddr *)&sin, &len) != 0) {
        close(fd);
        return -1;
    }
    *port = ntohs(sin.sin_port);
    return fd;
}

int posix_accept(int fd) {
    return accept(fd, NULL, NULL);
}

long posix_send(int fd, const void *buf, unsigned long len) {
    return send(fd, buf, len, 0);
}

long posix_recv(int fd, void *buf, unsigned long len) {
    return recv(fd, buf, len, 0);
}

int posix_close(int fd) {
    return close(fd);
}
