/*
 * Event-select echo server: non-blocking sockets under WSAEventSelect
 * (FD_ACCEPT | FD_READ | FD_WRITE | FD_CLOSE), WSAWaitForMultipleEvents over up to 64 events
 * (the listener's and one per connection), WSAEnumNetworkEvents with its error codes. Replies
 * that do not fit wait for FD_WRITE, which Windows re-records only after a send failed with
 * WSAEWOULDBLOCK. Client threads (some sending large bursts) check every echoed byte and close
 * gracefully, so every FD_CLOSE must carry error 0. Exit code 0 on success.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include "common.h"

#define CLIENTS 63 /* + the listener = 64 events, WSA_MAXIMUM_WAIT_EVENTS */
#define ROUNDS 12
#define MAXMSG 2000
#define BIG (1 << 20) /* every 8th client also sends one 1 MiB burst */

static unsigned char pattern(int client, int round, int i) { return (unsigned char)(client * 17 + round * 3 + i); }
static int msg_len(int client, int round)
{
    if (client % 8 == 0 && round == ROUNDS / 2) return BIG;
    return 1 + (client * 211 + round * 601) % MAXMSG;
}

static DWORD WINAPI client_main(LPVOID param)
{
    int id = (int)(ULONG_PTR)param;
    char *out = malloc(BIG), *in = malloc(BIG);
    CHECK(out && in);
    SOCKET s = client_connect(20000);
    client_echo_rounds(s, id, ROUNDS, out, in);
    CHECK(closesocket(s) == 0);
    free(out);
    free(in);
    return 0;
}

struct conn {
    SOCKET s;
    char *pend; /* bytes received and not yet echoed */
    size_t len, cap;
    unsigned long long echoed;
    int id;
};

static unsigned long long would_blocks, fd_writes;

/* Sends what is pending; returns after WSAEWOULDBLOCK (FD_WRITE will follow) or when empty. */
static void flush(struct conn *c)
{
    while (c->len > 0) {
        int n = send(c->s, c->pend, (int)c->len, 0);
        if (n == SOCKET_ERROR) {
            CHECK(WSAGetLastError() == WSAEWOULDBLOCK);
            would_blocks++;
            return;
        }
        CHECK(n > 0);
        memmove(c->pend, c->pend + n, c->len - (size_t)n);
        c->len -= (size_t)n;
        c->echoed += (unsigned long long)n;
    }
}

/* Reads everything available (non-blocking) into the pending buffer. */
static void drain(struct conn *c)
{
    char buf[16384];
    for (;;) {
        int n = recv(c->s, buf, sizeof(buf), 0);
        if (n == SOCKET_ERROR) {
            CHECK(WSAGetLastError() == WSAEWOULDBLOCK);
            return;
        }
        if (n == 0) return;
        if (c->len + (size_t)n > c->cap) {
            c->cap = (c->len + (size_t)n) * 2;
            c->pend = realloc(c->pend, c->cap);
            CHECK(c->pend != NULL);
        }
        memcpy(c->pend + c->len, buf, (size_t)n);
        c->len += (size_t)n;
    }
}

int main(void)
{
    WSADATA wsa;
    CHECK(WSAStartup(MAKEWORD(2, 2), &wsa) == 0);

    SOCKET l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    listen_loopback(l);

    WSAEVENT events[WSA_MAXIMUM_WAIT_EVENTS];
    struct conn *conns[WSA_MAXIMUM_WAIT_EVENTS] = {0}; /* conns[0] unused: the listener */
    int count = 1;
    events[0] = WSACreateEvent();
    CHECK(WSAEventSelect(l, events[0], FD_ACCEPT | FD_CLOSE) == 0);
    /* Nothing is pending yet. */
    CHECK(WSAWaitForMultipleEvents(1, events, FALSE, 0, FALSE) == WSA_WAIT_TIMEOUT);

    HANDLE threads[CLIENTS];
    start_threads(threads, CLIENTS, client_main);

    int accepted = 0, closed = 0;
    unsigned long long total = 0;
    while (closed < CLIENTS) {
        DWORD w = WSAWaitForMultipleEvents((DWORD)count, events, FALSE, 5000, FALSE);
        if (w == WSA_WAIT_TIMEOUT) {
            /* Diagnose a lost event: what could each socket do right now? */
            SOCKET probe = accept(l, NULL, NULL);
            fprintf(stderr, "stuck: accepted %d, closed %d, count %d, listener accept %s (err %d)\n", accepted,
                    closed, count, probe == INVALID_SOCKET ? "fails" : "succeeds", WSAGetLastError());
            for (int i = 1; i < count; i++) {
                struct conn *c = conns[i];
                char b;
                int peek = recv(c->s, &b, 1, MSG_PEEK);
                int perr = peek < 0 ? WSAGetLastError() : 0;
                size_t before = c->len;
                flush(c);
                fprintf(stderr, "stuck conn %d: pending %zu, peek %d (err %d), flush sent %zu\n", c->id, before, peek,
                        perr, before - c->len);
            }
        }
        CHECK(w < WSA_WAIT_EVENT_0 + (DWORD)count);
        /* Serve every signalled event, not only the lowest, so no socket starves. */
        for (int i = (int)(w - WSA_WAIT_EVENT_0); i < count; i++) {
            if (WSAWaitForMultipleEvents(1, &events[i], FALSE, 0, FALSE) != WSA_WAIT_EVENT_0) continue;
            WSANETWORKEVENTS ne;
            if (i == 0) {
                CHECK(WSAEnumNetworkEvents(l, events[0], &ne) == 0);
                CHECK(ne.lNetworkEvents == FD_ACCEPT);
                CHECK(ne.iErrorCode[FD_ACCEPT_BIT] == 0);
                for (;;) {
                    SOCKET a = accept(l, NULL, NULL);
                    if (a == INVALID_SOCKET) {
                        CHECK(WSAGetLastError() == WSAEWOULDBLOCK);
                        break;
                    }
                    CHECK(count < WSA_MAXIMUM_WAIT_EVENTS);
                    struct conn *c = calloc(1, sizeof(*c));
                    CHECK(c != NULL);
                    c->s = a;
                    /* A small send buffer makes the 1 MiB bursts hit WSAEWOULDBLOCK. */
                    int sndbuf = 16384;
                    CHECK(setsockopt(a, SOL_SOCKET, SO_SNDBUF, (const char *)&sndbuf, sizeof(sndbuf)) == 0);
                    c->id = accepted++;
                    events[count] = WSACreateEvent();
                    CHECK(events[count] != WSA_INVALID_EVENT);
                    CHECK(WSAEventSelect(a, events[count], FD_READ | FD_WRITE | FD_CLOSE) == 0);
                    conns[count++] = c;
                }
                continue;
            }
            struct conn *c = conns[i];
            CHECK(WSAEnumNetworkEvents(c->s, events[i], &ne) == 0);
            CHECK((ne.lNetworkEvents & ~(FD_READ | FD_WRITE | FD_CLOSE)) == 0);
            if (ne.lNetworkEvents & FD_WRITE) {
                CHECK(ne.iErrorCode[FD_WRITE_BIT] == 0);
                fd_writes++;
            }
            if (ne.lNetworkEvents & FD_READ) {
                CHECK(ne.iErrorCode[FD_READ_BIT] == 0);
                drain(c);
            }
            if (ne.lNetworkEvents & (FD_READ | FD_WRITE)) flush(c);
            if (ne.lNetworkEvents & FD_CLOSE) {
                CHECK(ne.iErrorCode[FD_CLOSE_BIT] == 0); /* graceful */
                drain(c);
                CHECK(c->len == 0); /* clients wait for every echo before closing */
                CHECK(closesocket(c->s) == 0);
                CHECK(WSACloseEvent(events[i]));
                total += c->echoed;
                free(c->pend);
                free(c);
                /* Swap-remove; revisit slot i, which now holds the last entry. */
                events[i] = events[count - 1];
                conns[i] = conns[count - 1];
                count--;
                closed++;
                i--;
            }
        }
    }
    CHECK(accepted == CLIENTS);
    /* A non-blocking send takes the whole buffer or fails with WSAEWOULDBLOCK (Windows keeps
     * what the stack cannot take yet), so blocking depends on timing; each WSAEWOULDBLOCK must
     * be followed by a re-enabled FD_WRITE on top of the first one per connection. */
    CHECK(fd_writes >= CLIENTS);
    CHECK(would_blocks == 0 || fd_writes > CLIENTS);
    CHECK(count == 1);

    unsigned long long expected = 0;
    for (int i = 0; i < CLIENTS; i++) expected += client_bytes(i, ROUNDS);
    CHECK(total == expected);

    join_threads(threads, CLIENTS, 20000, 0, 0);
    CHECK(closesocket(l) == 0);
    CHECK(WSACloseEvent(events[0]));
    CHECK(WSACleanup() == 0);
    printf("event-select echo: %d connections, %llu bytes, %llu WSAEWOULDBLOCK sends, %llu FD_WRITE records\n",
           CLIENTS, total, would_blocks, fd_writes);
    return 0;
}
