/*
 * select_server.c — a CRT console program: a select() echo server. Listens on an ephemeral
 * loopback port, prints "port N", serves <argv[1]> clients (several at once) by echoing what
 * they send in upper case, and exits 0 after the last one disconnects.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

int main(int argc, char **argv) {
    int want = argc > 1 ? atoi(argv[1]) : 1;
    WSADATA wsa;
    if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0) return 3;
    SOCKET l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    struct sockaddr_in a;
    int alen = sizeof a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(l, (struct sockaddr *)&a, sizeof a) || listen(l, SOMAXCONN) || getsockname(l, (struct sockaddr *)&a, &alen)) {
        printf("setup failed: %d\n", WSAGetLastError());
        return 4;
    }
    printf("port %d\n", ntohs(a.sin_port));
    fflush(stdout);
    SOCKET clients[FD_SETSIZE];
    int nclients = 0, served = 0;
    long bytes = 0;
    while (served < want) {
        fd_set rd;
        FD_ZERO(&rd);
        FD_SET(l, &rd);
        for (int i = 0; i < nclients; i++) FD_SET(clients[i], &rd);
        struct timeval tv = { 10, 0 };
        int r = select(0, &rd, NULL, NULL, &tv);
        if (r <= 0) { printf("select: %d %d\n", r, WSAGetLastError()); return 5; }
        if (FD_ISSET(l, &rd)) {
            SOCKET c = accept(l, NULL, NULL);
            if (c == INVALID_SOCKET) { printf("accept: %d\n", WSAGetLastError()); return 6; }
            clients[nclients++] = c;
        }
        for (int i = 0; i < nclients; i++) {
            if (!FD_ISSET(clients[i], &rd)) continue;
            char buf[512];
            int n = recv(clients[i], buf, sizeof buf, 0);
            if (n > 0) {
                for (int k = 0; k < n; k++) buf[k] = (char)toupper((unsigned char)buf[k]);
                if (send(clients[i], buf, n, 0) != n) { printf("send: %d\n", WSAGetLastError()); return 7; }
                bytes += n;
            } else {
                closesocket(clients[i]);
                clients[i] = clients[--nclients];
                i--;
                served++;
            }
        }
    }
    closesocket(l);
    WSACleanup();
    printf("served %d clients, %ld bytes\n", served, bytes);
    return 0;
}
