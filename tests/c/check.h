/*
 * check.h: the assertion helpers shared by the C client/server programs in tests/c.
 *
 * Every check prints one line ("ok   ..." or "FAIL ...") and the first failure exits the
 * process with status 1, so the Rust harness (tests/tests/c_core.rs) sees both the exit status
 * and which check failed. A watchdog (alarm) bounds every program; the harness also kills it
 * on its own timeout. Included after <winsock2.h> and <ws2tcpip.h>.
 */
#ifndef WINSOCK_TESTS_CHECK_H
#define WINSOCK_TESTS_CHECK_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHECK_UNUSED __attribute__((unused))

/* A boolean condition. */
#define CHECK(cond) check_true(__FILE__, __LINE__, #cond, (cond) != 0)

/* An integer (or SOCKET) value. */
#define CHECK_EQ(expr, expected) check_eq(__FILE__, __LINE__, #expr, (long long)(expr), (long long)(expected))

/* A call that must fail: its return value and the WSA error it leaves. */
#define CHECK_FAIL(expr, ret, err)                                                                     \
    do {                                                                                               \
        WSASetLastError(0xdead);                                                                       \
        long long check_r_ = (long long)(expr);                                                        \
        int check_e_ = WSAGetLastError();                                                              \
        check_fail(__FILE__, __LINE__, #expr, check_r_, check_e_, (long long)(ret), (err), #err);      \
    } while (0)

/* A call that must succeed with the given value (and, for Winsock calls, not touch the error). */
#define CHECK_OK(expr, ret) CHECK_EQ(expr, ret)

static CHECK_UNUSED void check_die(void) {
    fflush(stdout);
    exit(1);
}

static CHECK_UNUSED void check_true(const char *file, int line, const char *text, int ok) {
    if (ok) {
        printf("ok   %s\n", text);
        return;
    }
    printf("FAIL %s:%d: %s (WSAGetLastError %d)\n", file, line, text, WSAGetLastError());
    check_die();
}

static CHECK_UNUSED void check_eq(const char *file, int line, const char *text, long long got, long long want) {
    if (got == want) {
        printf("ok   %s == %lld\n", text, want);
        return;
    }
    printf("FAIL %s:%d: %s: got %lld, expected %lld (WSAGetLastError %d)\n", file, line, text, got, want,
           WSAGetLastError());
    check_die();
}

static CHECK_UNUSED void check_fail(const char *file, int line, const char *text, long long got, int err,
                                    long long want, int want_err, const char *err_name) {
    if (got == want && err == want_err) {
        printf("ok   %s == %lld, %s\n", text, want, err_name);
        return;
    }
    printf("FAIL %s:%d: %s: got %lld with error %d, expected %lld with %s (%d)\n", file, line, text, got, err, want,
           err_name, want_err);
    check_die();
}

/* Bounds the whole program: SIGALRM's default action ends it. */
static CHECK_UNUSED void check_watchdog(unsigned seconds) {
    alarm(seconds);
}

/* Open file descriptors of this process (for the no-leak checks). */
static CHECK_UNUSED int check_count_fds(void) {
    DIR *dir = opendir("/proc/self/fd");
    int n = 0;
    if (!dir) return -1;
    while (readdir(dir)) n++;
    closedir(dir);
    return n - 3; /* ".", ".." and the directory's own fd */
}

/* No fd leaked since `before` (counted before WSAStartup). The engine keeps one eventfd per
 * thread that made a blocking call (its wake-up fd, engine/waker.rs) until that thread exits,
 * so the calling thread may hold one more. A finished thread's handle is signalled before its
 * thread-local destructors run, so give those up to a second. tcp_blocking.c checks exact
 * equality across rounds. */
static CHECK_UNUSED void check_no_fd_leak(int before) {
    int now = check_count_fds();
    for (int i = 0; i < 100 && now > before + 1; i++) {
        usleep(10000);
        now = check_count_fds();
    }
    if (now == before || now == before + 1) {
        printf("ok   fds: %d before WSAStartup, %d now\n", before, now);
        return;
    }
    printf("FAIL fd leak: %d fds before WSAStartup, %d now\n", before, now);
    check_die();
}

/* WSAStartup(2.2), checked. */
static CHECK_UNUSED void check_startup(void) {
    WSADATA wsa;
    CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &wsa), 0);
    CHECK_EQ(wsa.wVersion, MAKEWORD(2, 2));
}

/* The loopback address of a family, with a port (host order). */
static CHECK_UNUSED int check_loopback(int af, unsigned short port, SOCKADDR_STORAGE *ss) {
    memset(ss, 0, sizeof(*ss));
    if (af == AF_INET6) {
        SOCKADDR_IN6 *sin6 = (SOCKADDR_IN6 *)ss;
        sin6->sin6_family = AF_INET6;
        sin6->sin6_port = htons(port);
        static const IN6_ADDR loopback6 = IN6ADDR_LOOPBACK_INIT; /* no in6addr_loopback: header gap */
        sin6->sin6_addr = loopback6;
        return (int)sizeof(SOCKADDR_IN6);
    }
    SOCKADDR_IN *sin = (SOCKADDR_IN *)ss;
    sin->sin_family = AF_INET;
    sin->sin_port = htons(port);
    sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return (int)sizeof(SOCKADDR_IN);
}

/* The port (host order) of an AF_INET or AF_INET6 address. */
static CHECK_UNUSED unsigned short check_port(const SOCKADDR_STORAGE *ss) {
    if (ss->ss_family == AF_INET6) return ntohs(((const SOCKADDR_IN6 *)ss)->sin6_port);
    return ntohs(((const SOCKADDR_IN *)ss)->sin_port);
}

/* A socket of type `type` bound to the loopback address of `af`, port chosen by the system;
 * `addr`/`len` receive its address. TCP sockets are listening (backlog 8). */
static CHECK_UNUSED SOCKET check_bound(int af, int type, SOCKADDR_STORAGE *addr, int *len) {
    SOCKET s = socket(af, type, 0);
    CHECK(s != INVALID_SOCKET);
    *len = check_loopback(af, 0, addr);
    CHECK_EQ(bind(s, (SOCKADDR *)addr, *len), 0);
    *len = (int)sizeof(*addr);
    CHECK_EQ(getsockname(s, (SOCKADDR *)addr, len), 0);
    CHECK_EQ(*len, af == AF_INET6 ? (int)sizeof(SOCKADDR_IN6) : (int)sizeof(SOCKADDR_IN));
    CHECK(check_port(addr) != 0);
    if (type == SOCK_STREAM) CHECK_EQ(listen(s, 8), 0);
    return s;
}

/* A connected TCP pair over loopback (blocking connect + accept). */
static CHECK_UNUSED void check_tcp_pair(int af, SOCKET *client, SOCKET *server) {
    SOCKADDR_STORAGE addr;
    int len;
    SOCKET listener = check_bound(af, SOCK_STREAM, &addr, &len);
    *client = socket(af, SOCK_STREAM, IPPROTO_TCP);
    CHECK(*client != INVALID_SOCKET);
    CHECK_EQ(connect(*client, (SOCKADDR *)&addr, len), 0);
    *server = accept(listener, NULL, NULL);
    CHECK(*server != INVALID_SOCKET);
    CHECK_EQ(closesocket(listener), 0);
}

/* Milliseconds since an arbitrary start. */
static CHECK_UNUSED long long check_now_ms(void) {
    return (long long)GetTickCount64();
}

#endif
