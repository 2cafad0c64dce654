/*
 * client.c — a CRT console program (mingw + msvcrt): a blocking TCP client. Connects to
 * 127.0.0.1:<argv[1]>, sends <argv[2]> messages, reads each echo back and checks it.
 * Prints one line per message and a summary; exit code 0 on success.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int recv_all(SOCKET s, char *buf, int len) {
    int got = 0;
    while (got < len) {
        int n = recv(s, buf + got, len - got, 0);
        if (n <= 0) return n == 0 ? -2 : -1;
        got += n;
    }
    return got;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: client PORT COUNT\n"); return 2; }
    int port = atoi(argv[1]), count = atoi(argv[2]);
    WSADATA wsa;
    if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0) { printf("WSAStartup failed\n"); return 3; }
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    if (s == INVALID_SOCKET) { printf("socket failed: %d\n", WSAGetLastError()); return 4; }
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((u_short)port);
    a.sin_addr.s_addr = inet_addr("127.0.0.1");
    if (connect(s, (struct sockaddr *)&a, sizeof a) == SOCKET_ERROR) { printf("connect failed: %d\n", WSAGetLastError()); return 5; }
    long total = 0;
    for (int i = 0; i < count; i++) {
        char msg[64], echo[64];
        int len = snprintf(msg, sizeof msg, "message %d of %d", i + 1, count);
        if (send(s, msg, len, 0) != len) { printf("send failed: %d\n", WSAGetLastError()); return 6; }
        if (recv_all(s, echo, len) != len) { printf("recv failed: %d\n", WSAGetLastError()); return 7; }
        if (memcmp(msg, echo, len) != 0) { printf("echo mismatch at %d\n", i); return 8; }
        printf("echo %d: %.*s\n", i + 1, len, echo);
        total += len;
    }
    shutdown(s, SD_SEND);
    char tail[8];
    int n = recv(s, tail, sizeof tail, 0);
    closesocket(s);
    WSACleanup();
    printf("client done: %d messages, %ld bytes, eof=%d\n", count, total, n == 0);
    return n == 0 ? 0 : 9;
}
