/*
 * The seed article's "阻塞式程序" (blocking program) snippet, completed into a program: the
 * snippet's lines are kept as written (between the BEGIN/END markers), including C++'s bare
 * `sockaddr` type name (so this is C++; the article targets MSVC's C++ compiler). Around it:
 * a client thread that connects and sends a line, the server's reply, and the article's
 * graceful close (shutdown(SD_SEND), then recv until the peer closes).
 *
 * The article uses port 65000; argv[1] may override it (one added line) so parallel test runs
 * do not collide, and so a rerun does not meet the previous run's TIME_WAIT connections.
 */
#include <winsock2.h>
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#pragma comment(lib, "ws2_32.lib")

static int g_port;

static DWORD WINAPI client_thread(LPVOID)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    SOCKADDR_IN addr;
    char reply[64] = {0};
    int got = 0, n;
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons((u_short)g_port);
    addr.sin_addr.s_addr = inet_addr("127.0.0.1");
    /* The server may not be listening yet: retry for up to ~5 s. */
    for (int i = 0; connect(s, (sockaddr *)&addr, sizeof(addr)) == SOCKET_ERROR; i++) {
        if (i == 500 || WSAGetLastError() != WSAECONNREFUSED) {
            printf("client: connect failed: %d\n", WSAGetLastError());
            return 1;
        }
        Sleep(10);
    }
    send(s, "hello server", 12, 0);
    while ((n = recv(s, reply + got, (int)sizeof(reply) - 1 - got, 0)) > 0) got += n;
    printf("client: received \"%s\", then end of stream (%d)\n", reply, n);
    closesocket(s); /* lets the server's last recv return */
    return (n == 0 && strcmp(reply, "hello client") == 0) ? 0 : 1;
}

int main(int argc, char **argv)
{
    g_port = argc > 1 ? atoi(argv[1]) : 65000;
    HANDLE client = NULL;
    /* ---- BEGIN: the article's snippet ---- */
int nPort =65000;//指定通信端口
    nPort = g_port; /* (not in the article: the port override) */
WSADATA wsaData;
WSAStartup( MAKEWORD( 2, 2 ), &wsaData );
// 创建监听套接字,绑定本地端口,开始监听
SOCKET sListen = socket( AF_INET,SOCK_STREAM, 0 );
SOCKADDR_IN addr;
addr.sin_family = AF_INET;
addr.sin_port = htons( nPort );
addr.sin_addr.S_un.S_addr = INADDR_ANY;
bind( sListen, (sockaddr *)&addr, sizeof( addr ) );
listen( sListen, 5 );
    /* (not in the article: start the client) */
    client = CreateThread(NULL, 0, client_thread, NULL, 0, NULL);
SOCKADDR_IN saRemote;
int nRemoteLen = sizeof( saRemote );
SOCKET sRemote = accept( sListen, (sockaddr *)&saRemote, &nRemoteLen );
    /* ---- END: the article's snippet ---- */
    if (sRemote == INVALID_SOCKET) {
        printf("server: accept failed: %d\n", WSAGetLastError());
        return 1;
    }
    printf("server: accepted a client from %s (address length %d)\n", inet_ntoa(saRemote.sin_addr), nRemoteLen);
    char buffer[64] = {0};
    int n = recv(sRemote, buffer, sizeof(buffer) - 1, 0);
    printf("server: received \"%s\" (%d bytes)\n", buffer, n);
    send(sRemote, "hello client", 12, 0);
    /* The article's graceful close. */
    shutdown(sRemote, SD_SEND);
    n = recv(sRemote, buffer, sizeof(buffer), 0);
    printf("server: peer closed, recv returned %d\n", n);
    closesocket(sRemote);
    closesocket(sListen);
    DWORD code = 1;
    WaitForSingleObject(client, 5000);
    GetExitCodeThread(client, &code);
    CloseHandle(client);
    WSACleanup();
    printf("%s\n", code == 0 && n == 0 ? "OK" : "FAILED");
    return code == 0 && n == 0 ? 0 : 1;
}
