/*
 * common.h: what the async acceptance programs in tests/async share: the CHECK macro, the
 * loopback listener whose address the clients connect to, the client side of the echo
 * protocol, and thread start/join. Each program has its own traffic shape, so it defines
 * pattern() and msg_len() (declared here) before its clients run.
 *
 * Every check exits the process with status 1 on failure, printing where and both error codes;
 * the Rust harness (tests/tests/c_async.rs) sees the exit status and stderr. Included after
 * <winsock2.h>, <ws2tcpip.h> and <windows.h>.
 */
#ifndef WINSOCK_TESTS_ASYNC_COMMON_H
#define WINSOCK_TESTS_ASYNC_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ASYNC_UNUSED __attribute__((unused))

#define CHECK(c)                                                                               \
    do {                                                                                       \
        if (!(c)) {                                                                            \
            fprintf(stderr, "%s:%d: CHECK(%s) failed (WSAGetLastError %d, GetLastError %u)\n",  \
                    __FILE__, __LINE__, #c, WSAGetLastError(), (unsigned)GetLastError());       \
            exit(1);                                                                           \
        }                                                                                      \
    } while (0)

/* The listener's address (loopback, ephemeral port), set by listen_loopback. */
static struct sockaddr_in server_addr;

/* Each program's traffic: the byte at offset i of a client's round, and that round's length. */
static unsigned char pattern(int client, int round, int i);
static int msg_len(int client, int round);

/* Binds l to loopback on an ephemeral port, records the address in server_addr, listens. */
static ASYNC_UNUSED void listen_loopback(SOCKET l)
{
    CHECK(l != INVALID_SOCKET);
    memset(&server_addr, 0, sizeof(server_addr));
    server_addr.sin_family = AF_INET;
    server_addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECK(bind(l, (struct sockaddr *)&server_addr, sizeof(server_addr)) == 0);
    int alen = sizeof(server_addr);
    CHECK(getsockname(l, (struct sockaddr *)&server_addr, &alen) == 0);
    CHECK(listen(l, SOMAXCONN) == 0);
}

/* A blocking client socket with a receive timeout (ms), connected to server_addr. */
static ASYNC_UNUSED SOCKET client_connect(DWORD timeout_ms)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    CHECK(s != INVALID_SOCKET);
    CHECK(setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (const char *)&timeout_ms, sizeof(timeout_ms)) == 0);
    CHECK(connect(s, (struct sockaddr *)&server_addr, sizeof(server_addr)) == 0);
    return s;
}

/*
 * Client `id`'s rounds: each sends its whole patterned message, then reads the echo back in
 * full and checks every byte. out and in hold the longest message.
 */
static ASYNC_UNUSED void client_echo_rounds(SOCKET s, int id, int rounds, char *out, char *in)
{
    for (int r = 0; r < rounds; r++) {
        int len = msg_len(id, r);
        for (int i = 0; i < len; i++) out[i] = (char)pattern(id, r, i);
        /* The servers read whatever arrives, so the whole message can be sent first. */
        for (int off = 0; off < len;) {
            int n = send(s, out + off, len - off, 0);
            CHECK(n > 0);
            off += n;
        }
        for (int off = 0; off < len;) {
            int n = recv(s, in + off, len - off, 0);
            CHECK(n > 0);
            off += n;
        }
        CHECK(memcmp(in, out, len) == 0);
    }
}

/* The bytes client `id` sends (and gets back) over its rounds. */
static ASYNC_UNUSED unsigned long long client_bytes(int id, int rounds)
{
    unsigned long long sum = 0;
    for (int r = 0; r < rounds; r++) sum += (unsigned long long)msg_len(id, r);
    return sum;
}

/* Starts n threads running fn, thread i getting i as its parameter. */
static ASYNC_UNUSED void start_threads(HANDLE *threads, int n, LPTHREAD_START_ROUTINE fn)
{
    for (int i = 0; i < n; i++) {
        threads[i] = CreateThread(NULL, 0, fn, (LPVOID)(ULONG_PTR)i, 0, NULL);
        CHECK(threads[i] != NULL);
    }
}

/*
 * Waits (at most limit_ms) for n threads, checks that thread i exited with code0 + i * step,
 * and closes their handles.
 */
static ASYNC_UNUSED void join_threads(HANDLE *threads, int n, DWORD limit_ms, DWORD code0, DWORD step)
{
    CHECK(WaitForMultipleObjects((DWORD)n, threads, TRUE, limit_ms) < WAIT_OBJECT_0 + (DWORD)n);
    for (int i = 0; i < n; i++) {
        DWORD code = ~(code0 + (DWORD)i * step); /* anything but the expected code */
        CHECK(GetExitCodeThread(threads[i], &code));
        CHECK(code == code0 + (DWORD)i * step);
        CHECK(CloseHandle(threads[i]));
    }
}

static ASYNC_UNUSED int cmp_u64(const void *a, const void *b)
{
    unsigned long long x = *(const unsigned long long *)a, y = *(const unsigned long long *)b;
    return x < y ? -1 : x > y;
}

/*
 * Connections are accepted in any order, so compare per-connection echoed totals (got[]) with
 * what the clients sent, both sorted. Returns the sum of what the clients sent.
 */
static ASYNC_UNUSED unsigned long long check_sorted_totals(unsigned long long *got, int clients, int rounds)
{
    unsigned long long total = 0, *want = calloc((size_t)clients, sizeof(*want));
    CHECK(want != NULL);
    for (int i = 0; i < clients; i++) {
        want[i] = client_bytes(i, rounds);
        total += want[i];
    }
    qsort(want, (size_t)clients, sizeof(want[0]), cmp_u64);
    qsort(got, (size_t)clients, sizeof(got[0]), cmp_u64);
    CHECK(memcmp(want, got, (size_t)clients * sizeof(want[0])) == 0);
    free(want);
    return total;
}

#endif
