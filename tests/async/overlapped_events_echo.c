/*
 * Overlapped-events echo: one server thread drives every connection with WSARecv/WSASend on
 * OVERLAPPED.hEvent, waits with WSAWaitForMultipleEvents over all of them, and collects
 * results with WSAGetOverlappedResult. Client threads (CreateThread) send patterned messages
 * of varying sizes and check every echoed byte. Exit code 0 on success.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include "common.h"

#define CLIENTS 24
#define ROUNDS 40
#define MAXMSG 3000

static unsigned char pattern(int client, int round, int i) { return (unsigned char)(client * 31 + round * 7 + i); }
static int msg_len(int client, int round) { return 1 + (client * 131 + round * 977) % MAXMSG; }

static DWORD WINAPI client_main(LPVOID param)
{
    int id = (int)(ULONG_PTR)param;
    static __thread char out[MAXMSG], in[MAXMSG];
    SOCKET s = client_connect(10000);
    client_echo_rounds(s, id, ROUNDS, out, in);
    CHECK(shutdown(s, SD_SEND) == 0);
    char extra;
    CHECK(recv(s, &extra, 1, 0) == 0); /* the server closes after our FIN */
    CHECK(closesocket(s) == 0);
    return 100 + id;
}

struct conn {
    SOCKET s;
    WSAOVERLAPPED ov;
    WSABUF wb;
    int sending; /* 0: a receive is pending, 1: a send is pending */
    char buf[4096];
    unsigned long long echoed;
};

static void post_recv(struct conn *c)
{
    /* A stack lpFlags, as Windows programs commonly pass: it is read at the call only. */
    DWORD n = 0, flags = 0;
    HANDLE ev = c->ov.hEvent;
    memset(&c->ov, 0, sizeof(c->ov));
    c->ov.hEvent = ev;
    c->wb.buf = c->buf;
    c->wb.len = sizeof(c->buf);
    c->sending = 0;
    int r = WSARecv(c->s, &c->wb, 1, &n, &flags, &c->ov, NULL);
    /* Immediate success still signals the event: both paths go through the wait. */
    CHECK(r == 0 || WSAGetLastError() == WSA_IO_PENDING);
}

static void post_send(struct conn *c, DWORD len)
{
    DWORD n = 0;
    HANDLE ev = c->ov.hEvent;
    memset(&c->ov, 0, sizeof(c->ov));
    c->ov.hEvent = ev;
    c->wb.buf = c->buf;
    c->wb.len = len;
    c->sending = 1;
    int r = WSASend(c->s, &c->wb, 1, &n, 0, &c->ov, NULL);
    CHECK(r == 0 || WSAGetLastError() == WSA_IO_PENDING);
}

int main(void)
{
    WSADATA wsa;
    CHECK(WSAStartup(MAKEWORD(2, 2), &wsa) == 0);

    SOCKET l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    listen_loopback(l);

    HANDLE threads[CLIENTS];
    start_threads(threads, CLIENTS, client_main);

    static struct conn conns[CLIENTS];
    WSAEVENT events[CLIENTS];
    for (int i = 0; i < CLIENTS; i++) {
        conns[i].s = accept(l, NULL, NULL);
        CHECK(conns[i].s != INVALID_SOCKET);
        events[i] = WSACreateEvent();
        CHECK(events[i] != WSA_INVALID_EVENT);
        conns[i].ov.hEvent = events[i];
        post_recv(&conns[i]);
    }
    CHECK(closesocket(l) == 0);

    int open = CLIENTS;
    unsigned long long total = 0;
    while (open > 0) {
        DWORD w = WSAWaitForMultipleEvents(CLIENTS, events, FALSE, 10000, FALSE);
        CHECK(w < WSA_WAIT_EVENT_0 + CLIENTS);
        int i = (int)(w - WSA_WAIT_EVENT_0);
        struct conn *c = &conns[i];
        CHECK(c->s != INVALID_SOCKET);
        CHECK(WSAResetEvent(events[i]));
        DWORD n = 0, flags = 0;
        CHECK(WSAGetOverlappedResult(c->s, &c->ov, &n, FALSE, &flags));
        CHECK(c->ov.Internal == 0 && c->ov.InternalHigh == n);
        if (c->sending) {
            CHECK(n == c->wb.len); /* a stream send completes with every byte */
            c->echoed += n;
            total += n;
            post_recv(c);
        } else if (n == 0) {
            CHECK(closesocket(c->s) == 0);
            c->s = INVALID_SOCKET;
            open--;
        } else {
            post_send(c, n);
        }
    }

    unsigned long long got[CLIENTS];
    for (int i = 0; i < CLIENTS; i++) got[i] = conns[i].echoed;
    CHECK(total == check_sorted_totals(got, CLIENTS, ROUNDS));

    join_threads(threads, CLIENTS, 20000, 100, 1);
    for (int i = 0; i < CLIENTS; i++) CHECK(WSACloseEvent(events[i]));
    CHECK(WSACleanup() == 0);
    printf("overlapped-events echo: %d connections, %llu bytes echoed\n", CLIENTS, total);
    return 0;
}
