/*
 * Completion-routine echo: the main thread serves every connection with WSARecv/WSASend
 * carrying completion routines and sleeps in SleepEx(INFINITE-ish, TRUE); each wake-up must be
 * WAIT_IO_COMPLETION, and every routine must run on the issuing (main) thread. hEvent is free
 * for the application when a routine is given: it carries the connection pointer here.
 * Client threads check every echoed byte. Exit code 0 on success.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include "common.h"

#define CLIENTS 16
#define ROUNDS 50
#define MAXMSG 5000

static DWORD main_tid;

static unsigned char pattern(int client, int round, int i) { return (unsigned char)(client * 13 + round * 5 + i * 3); }
static int msg_len(int client, int round) { return 1 + (client * 733 + round * 389) % MAXMSG; }

static DWORD WINAPI client_main(LPVOID param)
{
    int id = (int)(ULONG_PTR)param;
    static __thread char out[MAXMSG], in[MAXMSG];
    SOCKET s = client_connect(10000);
    client_echo_rounds(s, id, ROUNDS, out, in);
    CHECK(closesocket(s) == 0); /* graceful: the server's receive completes with 0 bytes */
    return 0;
}

struct conn {
    WSAOVERLAPPED ov; /* first: the routine gets &ov back */
    SOCKET s;
    WSABUF wb;
    DWORD flags; /* lpFlags lives as long as the operation */
    char buf[8192];
    unsigned long long echoed;
    int closed;
};

static int open_conns;
static unsigned long long routines_run;

static void CALLBACK recv_done(DWORD error, DWORD bytes, LPWSAOVERLAPPED ov, DWORD flags);

static void post_recv(struct conn *c)
{
    DWORD n = 0;
    c->flags = 0;
    memset(&c->ov, 0, sizeof(c->ov));
    c->ov.hEvent = (HANDLE)c; /* the application's, with a completion routine */
    c->wb.buf = c->buf;
    c->wb.len = sizeof(c->buf);
    int r = WSARecv(c->s, &c->wb, 1, &n, &c->flags, &c->ov, recv_done);
    /* Immediate success still queues the routine. */
    CHECK(r == 0 || WSAGetLastError() == WSA_IO_PENDING);
}

static void CALLBACK send_done(DWORD error, DWORD bytes, LPWSAOVERLAPPED ov, DWORD flags)
{
    struct conn *c = (struct conn *)ov;
    CHECK(GetCurrentThreadId() == main_tid);
    CHECK((struct conn *)ov->hEvent == c);
    CHECK(error == 0 && flags == 0);
    CHECK(bytes == c->wb.len);
    CHECK(ov->Internal == 0 && ov->InternalHigh == bytes);
    routines_run++;
    c->echoed += bytes;
    post_recv(c);
}

static void CALLBACK recv_done(DWORD error, DWORD bytes, LPWSAOVERLAPPED ov, DWORD flags)
{
    struct conn *c = (struct conn *)ov;
    CHECK(GetCurrentThreadId() == main_tid);
    CHECK((struct conn *)ov->hEvent == c);
    CHECK(error == 0);
    (void)flags;
    routines_run++;
    if (bytes == 0) {
        CHECK(closesocket(c->s) == 0);
        c->closed = 1;
        open_conns--;
        return;
    }
    DWORD n = 0;
    memset(&c->ov, 0, sizeof(c->ov));
    c->ov.hEvent = (HANDLE)c;
    c->wb.buf = c->buf;
    c->wb.len = bytes;
    int r = WSASend(c->s, &c->wb, 1, &n, 0, &c->ov, send_done);
    CHECK(r == 0 || WSAGetLastError() == WSA_IO_PENDING);
}

int main(void)
{
    WSADATA wsa;
    CHECK(WSAStartup(MAKEWORD(2, 2), &wsa) == 0);
    main_tid = GetCurrentThreadId();

    SOCKET l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    listen_loopback(l);

    HANDLE threads[CLIENTS];
    start_threads(threads, CLIENTS, client_main);

    static struct conn conns[CLIENTS];
    for (int i = 0; i < CLIENTS; i++) {
        conns[i].s = accept(l, NULL, NULL);
        CHECK(conns[i].s != INVALID_SOCKET);
        open_conns++;
        post_recv(&conns[i]);
    }
    CHECK(closesocket(l) == 0);

    /* A non-alertable wait never runs routines. */
    unsigned long long before = routines_run;
    Sleep(20);
    CHECK(routines_run == before);

    int wakeups = 0;
    while (open_conns > 0) {
        DWORD r = SleepEx(10000, TRUE);
        CHECK(r == WAIT_IO_COMPLETION);
        wakeups++;
    }
    /* Nothing left: an alertable zero-timeout sleep returns 0. */
    CHECK(SleepEx(0, TRUE) == 0);

    unsigned long long got[CLIENTS];
    for (int i = 0; i < CLIENTS; i++) {
        CHECK(conns[i].closed);
        got[i] = conns[i].echoed;
    }
    unsigned long long total = check_sorted_totals(got, CLIENTS, ROUNDS);
    join_threads(threads, CLIENTS, 20000, 0, 0);
    CHECK(WSACleanup() == 0);
    printf("completion-routine echo: %d connections, %llu bytes, %llu routines, %d wake-ups\n", CLIENTS, total,
           routines_run, wakeups);
    return 0;
}
