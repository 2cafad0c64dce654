/*
 * Multi-threaded IOCP echo server: a listening socket with AcceptEx (found through
 * WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER)) and GetAcceptExSockaddrs, one completion port,
 * WORKERS threads (CreateThread) in GetQueuedCompletionStatusEx, client threads checking every
 * echoed byte, and shutdown by PostQueuedCompletionStatus. The AcceptEx calls still pending at
 * the end complete with ERROR_OPERATION_ABORTED when the listener closes. Exit code 0 on success.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <windows.h>
#include "common.h"

#define WORKERS 4
#define CLIENTS 48
#define ROUNDS 30
#define MAXMSG 6000
#define ACCEPTS_IN_FLIGHT 6
#define LEFT_PENDING 3 /* AcceptEx calls still pending when the listener closes */
#define ADDRLEN (sizeof(struct sockaddr_in) + 16)

enum { KEY_LISTENER = 1, KEY_CONN = 2, KEY_QUIT = 3 };
enum { OP_ACCEPT, OP_RECV, OP_SEND };

struct op {
    WSAOVERLAPPED ov; /* first: the packet's lpOverlapped is the op */
    int kind;
    SOCKET s;
    WSABUF wb;
    DWORD flags; /* lpFlags lives as long as the operation */
    char buf[8192];
};

static SOCKET listener;
static HANDLE port;
static LPFN_ACCEPTEX pAcceptEx;
static LPFN_GETACCEPTEXSOCKADDRS pGetAcceptExSockaddrs;
static volatile long accepts_issued, accepts_done, accepts_aborted, conns_closed;
/* AcceptEx calls still to issue after the first ACCEPTS_IN_FLIGHT (reserved atomically). */
static volatile long accept_slots = CLIENTS + LEFT_PENDING - ACCEPTS_IN_FLIGHT;
static volatile long long bytes_echoed;
static volatile long worker_packets[WORKERS];

static unsigned char pattern(int client, int round, int i) { return (unsigned char)(client * 29 + round * 11 + i); }
static int msg_len(int client, int round) { return 1 + (client * 577 + round * 1231) % MAXMSG; }

static DWORD WINAPI client_main(LPVOID param)
{
    int id = (int)(ULONG_PTR)param;
    static __thread char out[MAXMSG], in[MAXMSG];
    SOCKET s = client_connect(15000);
    client_echo_rounds(s, id, ROUNDS, out, in);
    CHECK(closesocket(s) == 0);
    return 0;
}

static void issue_accept(void)
{
    struct op *o = calloc(1, sizeof(*o));
    CHECK(o != NULL);
    o->kind = OP_ACCEPT;
    o->s = WSASocketW(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, WSA_FLAG_OVERLAPPED);
    CHECK(o->s != INVALID_SOCKET);
    __atomic_add_fetch(&accepts_issued, 1, __ATOMIC_SEQ_CST);
    DWORD got = 0;
    BOOL ok = pAcceptEx(listener, o->s, o->buf, 0, ADDRLEN, ADDRLEN, &got, &o->ov);
    CHECK(ok || WSAGetLastError() == ERROR_IO_PENDING);
}

static void issue_recv(struct op *o)
{
    DWORD n = 0;
    o->flags = 0;
    memset(&o->ov, 0, sizeof(o->ov));
    o->kind = OP_RECV;
    o->wb.buf = o->buf;
    o->wb.len = sizeof(o->buf);
    int r = WSARecv(o->s, &o->wb, 1, &n, &o->flags, &o->ov, NULL);
    CHECK(r == 0 || WSAGetLastError() == WSA_IO_PENDING);
}

static void handle(struct op *o, DWORD status, DWORD bytes)
{
    switch (o->kind) {
    case OP_ACCEPT: {
        if (status != 0) {
            /* Only the ones left pending when the listener closes. */
            CHECK(status == (DWORD)0xC0000120 /* STATUS_CANCELLED */);
            CHECK(bytes == 0);
            __atomic_add_fetch(&accepts_aborted, 1, __ATOMIC_SEQ_CST);
            CHECK(closesocket(o->s) == 0);
            free(o);
            return;
        }
        CHECK(bytes == 0);
        struct sockaddr *local = NULL, *remote = NULL;
        int llen = 0, rlen = 0;
        pGetAcceptExSockaddrs(o->buf, 0, ADDRLEN, ADDRLEN, &local, &llen, &remote, &rlen);
        CHECK(llen == sizeof(struct sockaddr_in) && rlen == sizeof(struct sockaddr_in));
        CHECK(((struct sockaddr_in *)local)->sin_port == server_addr.sin_port);
        CHECK(((struct sockaddr_in *)remote)->sin_addr.s_addr == htonl(INADDR_LOOPBACK));
        CHECK(setsockopt(o->s, SOL_SOCKET, SO_UPDATE_ACCEPT_CONTEXT, (const char *)&listener, sizeof(listener)) == 0);
        CHECK(CreateIoCompletionPort((HANDLE)o->s, port, KEY_CONN, 0) == port);
        long done = __atomic_add_fetch(&accepts_done, 1, __ATOMIC_SEQ_CST);
        CHECK(done <= CLIENTS);
        if (__atomic_sub_fetch(&accept_slots, 1, __ATOMIC_SEQ_CST) >= 0) issue_accept();
        issue_recv(o);
        return;
    }
    case OP_RECV:
        if (status != 0 || bytes == 0) {
            CHECK(status == 0); /* clients close gracefully */
            CHECK(closesocket(o->s) == 0);
            __atomic_add_fetch(&conns_closed, 1, __ATOMIC_SEQ_CST);
            free(o);
            return;
        }
        {
            DWORD n = 0;
            memset(&o->ov, 0, sizeof(o->ov));
            o->kind = OP_SEND;
            o->wb.len = bytes;
            int r = WSASend(o->s, &o->wb, 1, &n, 0, &o->ov, NULL);
            CHECK(r == 0 || WSAGetLastError() == WSA_IO_PENDING);
        }
        return;
    case OP_SEND:
        CHECK(status == 0);
        CHECK(bytes == o->wb.len);
        __atomic_add_fetch(&bytes_echoed, (long long)bytes, __ATOMIC_SEQ_CST);
        issue_recv(o);
        return;
    }
    CHECK(!"unknown op");
}

static DWORD WINAPI worker_main(LPVOID param)
{
    int me = (int)(ULONG_PTR)param;
    OVERLAPPED_ENTRY entries[16];
    for (;;) {
        ULONG n = 0;
        int quit = 0;
        BOOL ok = GetQueuedCompletionStatusEx(port, entries, 16, &n, 20000, FALSE);
        CHECK(ok);
        CHECK(n >= 1 && n <= 16);
        for (ULONG i = 0; i < n; i++) {
            if (entries[i].lpCompletionKey == KEY_QUIT) {
                CHECK(entries[i].lpOverlapped == NULL && entries[i].dwNumberOfBytesTransferred == 0xfeed);
                quit = 1;
                continue;
            }
            struct op *o = (struct op *)entries[i].lpOverlapped;
            CHECK(o != NULL);
            CHECK(entries[i].lpCompletionKey == (o->kind == OP_ACCEPT ? KEY_LISTENER : KEY_CONN));
            CHECK(entries[i].Internal == o->ov.Internal);
            CHECK(entries[i].dwNumberOfBytesTransferred == (DWORD)o->ov.InternalHigh);
            worker_packets[me]++;
            handle(o, (DWORD)entries[i].Internal, entries[i].dwNumberOfBytesTransferred);
        }
        if (quit) {
            /* One quit packet per worker: hand back any extra this batch took. */
            ULONG quits = 0;
            for (ULONG i = 0; i < n; i++) quits += entries[i].lpCompletionKey == KEY_QUIT;
            for (ULONG i = 1; i < quits; i++) CHECK(PostQueuedCompletionStatus(port, 0xfeed, KEY_QUIT, NULL));
            return 1000 + me;
        }
    }
}

int main(void)
{
    WSADATA wsa;
    CHECK(WSAStartup(MAKEWORD(2, 2), &wsa) == 0);

    listener = WSASocketW(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, WSA_FLAG_OVERLAPPED);
    listen_loopback(listener);

    GUID g_accept = WSAID_ACCEPTEX, g_addrs = WSAID_GETACCEPTEXSOCKADDRS;
    DWORD n = 0;
    CHECK(WSAIoctl(listener, SIO_GET_EXTENSION_FUNCTION_POINTER, &g_accept, sizeof(g_accept), &pAcceptEx,
                   sizeof(pAcceptEx), &n, NULL, NULL) == 0);
    CHECK(n == sizeof(pAcceptEx) && pAcceptEx != NULL);
    CHECK(WSAIoctl(listener, SIO_GET_EXTENSION_FUNCTION_POINTER, &g_addrs, sizeof(g_addrs), &pGetAcceptExSockaddrs,
                   sizeof(pGetAcceptExSockaddrs), &n, NULL, NULL) == 0);

    port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, WORKERS);
    CHECK(port != NULL);
    CHECK(CreateIoCompletionPort((HANDLE)listener, port, KEY_LISTENER, 0) == port);

    HANDLE workers[WORKERS];
    start_threads(workers, WORKERS, worker_main);
    for (int i = 0; i < ACCEPTS_IN_FLIGHT; i++) issue_accept();

    HANDLE clients[CLIENTS];
    start_threads(clients, CLIENTS, client_main);
    join_threads(clients, CLIENTS, 60000, 0, 0);
    /* Every connection's last receive sees the client's close. */
    for (int waited = 0; __atomic_load_n(&conns_closed, __ATOMIC_SEQ_CST) < CLIENTS; waited += 10) {
        CHECK(waited < 10000);
        Sleep(10);
    }
    CHECK(accepts_done == CLIENTS);
    CHECK(accepts_issued == CLIENTS + LEFT_PENDING);

    /* Closing the listener aborts the AcceptEx calls still pending, once each. */
    CHECK(closesocket(listener) == 0);
    for (int waited = 0; __atomic_load_n(&accepts_aborted, __ATOMIC_SEQ_CST) < LEFT_PENDING; waited += 10) {
        CHECK(waited < 10000);
        Sleep(10);
    }

    for (int i = 0; i < WORKERS; i++) CHECK(PostQueuedCompletionStatus(port, 0xfeed, KEY_QUIT, NULL));
    join_threads(workers, WORKERS, 20000, 1000, 1);
    CHECK(accepts_aborted == LEFT_PENDING);

    /* The port is empty now. */
    OVERLAPPED_ENTRY e;
    ULONG got = 7;
    CHECK(!GetQueuedCompletionStatusEx(port, &e, 1, &got, 0, FALSE));
    CHECK(GetLastError() == WAIT_TIMEOUT && got == 0);
    CHECK(CloseHandle(port));

    long long expected = 0;
    for (int i = 0; i < CLIENTS; i++) expected += (long long)client_bytes(i, ROUNDS);
    CHECK(bytes_echoed == expected);
    CHECK(WSACleanup() == 0);
    printf("iocp echo: %d workers, %d connections, %lld bytes echoed, packets per worker %ld/%ld/%ld/%ld\n", WORKERS,
           CLIENTS, expected, worker_packets[0], worker_packets[1], worker_packets[2], worker_packets[3]);
    return 0;
}
