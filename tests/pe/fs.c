/*
 * fs.c — a freestanding PE image (no CRT): imports ws2_32 by ordinal and by name, wsock32 by
 * ordinal and mswsock by name, and talks to itself over loopback TCP and UDP. The exit code
 * is 0 on success, otherwise the number of the failed check (printed too).
 * Build: see tests/src/pe_build.rs (-nostdlib -e start, import libraries from the .def files).
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>

#ifndef MSG_PARTIAL
#define MSG_PARTIAL 0x8000
#endif

/* wsock32 by ordinal (names are ours, see wsock32_ord.def). */
__declspec(dllimport) int WINAPI wsock32_getsockopt(SOCKET, int, int, char *, int *);
__declspec(dllimport) int WINAPI wsock32_setsockopt(SOCKET, int, int, const char *, int);
__declspec(dllimport) unsigned long WINAPI wsock32_inet_addr(const char *);
__declspec(dllimport) int WINAPI wsock32_ioctlsocket(SOCKET, long, u_long *);
__declspec(dllimport) unsigned long WINAPI wsock32_inet_network(const char *);
__declspec(dllimport) int WINAPI wsock32_WSARecvEx(SOCKET, char *, int, int *);
/* mswsock by name. */
__declspec(dllimport) int WINAPI WSARecvEx(SOCKET, char *, int, int *);

/* gcc emits calls to these even in freestanding code. */
void *memset(void *d, int c, size_t n) { unsigned char *p = d; while (n--) *p++ = (unsigned char)c; return d; }
void *memcpy(void *d, const void *s, size_t n) { unsigned char *p = d; const unsigned char *q = s; while (n--) *p++ = *q++; return d; }

/* Absolute pointers in data: they give the image DIR64 base relocations to apply. */
static const char greeting[] = "ping through the PE face";
static const char *volatile greeting_ptr = greeting;
static const char *volatile words[] = { "one", "two", "three" };

static void out(const char *s) {
    DWORD n, len = 0;
    while (s[len]) len++;
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), s, len, &n, NULL);
}

static void out_num(long long v) {
    char buf[24]; int i = 23; int neg = v < 0;
    unsigned long long u = neg ? -(unsigned long long)v : (unsigned long long)v;
    buf[i] = 0;
    do { buf[--i] = (char)('0' + u % 10); u /= 10; } while (u);
    if (neg) buf[--i] = '-';
    out(buf + i);
}

static int fail(int step, const char *what) {
    out("fs: FAIL "); out_num(step); out(" "); out(what); out(" WSAGetLastError="); out_num(WSAGetLastError()); out("\n");
    return step;
}

#define CHECK(step, cond) do { if (!(cond)) return fail(step, #cond); } while (0)

static int same(const char *a, const char *b, int n) { while (n--) if (*a++ != *b++) return 0; return 1; }

static int run(void) {
    WSADATA wsa;
    CHECK(1, WSAStartup(MAKEWORD(2, 2), &wsa) == 0);
    CHECK(2, wsa.wVersion == MAKEWORD(2, 2));

    /* ws2_32 #11 and wsock32 #10 are both inet_addr; wsock32 #1100 inet_network is host order. */
    CHECK(3, inet_addr("127.0.0.1") == htonl(0x7f000001));
    CHECK(4, wsock32_inet_addr("127.0.0.1") == htonl(0x7f000001));
    CHECK(5, wsock32_inet_network("10.1.2.3") == 0x0a010203);

    SOCKET l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    CHECK(10, l != INVALID_SOCKET);
    struct sockaddr_in a; int alen = sizeof a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET; a.sin_addr.s_addr = htonl(INADDR_LOOPBACK); a.sin_port = 0;
    CHECK(11, bind(l, (struct sockaddr *)&a, sizeof a) == 0);
    CHECK(12, listen(l, 4) == 0);
    CHECK(13, getsockname(l, (struct sockaddr *)&a, &alen) == 0 && ntohs(a.sin_port) != 0);

    SOCKET c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    CHECK(14, c != INVALID_SOCKET);
    CHECK(15, connect(c, (struct sockaddr *)&a, sizeof a) == 0);
    SOCKET s = accept(l, NULL, NULL);
    CHECK(16, s != INVALID_SOCKET);

    int len = (int)sizeof greeting - 1;
    CHECK(20, send(c, greeting_ptr, len, 0) == len);
    char buf[128]; int got = 0;
    while (got < len) { int n = recv(s, buf + got, sizeof buf - got, 0); CHECK(21, n > 0); got += n; }
    CHECK(22, same(buf, greeting, len));

    /* WSARecvEx through wsock32 #1107 and mswsock by name, on a stream: flags come back 0. */
    CHECK(23, send(s, words[0], 3, 0) == 3);
    int flags = 0; got = 0;
    while (got < 3) { int n = wsock32_WSARecvEx(c, buf + got, 3 - got, &flags); CHECK(24, n > 0); got += n; }
    CHECK(25, same(buf, "one", 3) && flags == 0);
    CHECK(26, send(s, words[2], 5, 0) == 5);
    got = 0;
    while (got < 5) { int n = WSARecvEx(c, buf + got, 5 - got, &flags); CHECK(27, n > 0); got += n; }
    CHECK(28, same(buf, "three", 5) && flags == 0);

    /* ioctlsocket through wsock32 #12: FIONBIO, then recv would block. */
    u_long one = 1;
    CHECK(29, wsock32_ioctlsocket(c, FIONBIO, &one) == 0);
    CHECK(30, recv(c, buf, sizeof buf, 0) == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK);

    CHECK(31, closesocket(c) == 0);
    CHECK(32, closesocket(s) == 0);
    CHECK(33, closesocket(s) == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK);

    /* Nobody listens on the closed listener's port: WSAECONNREFUSED. */
    CHECK(34, closesocket(l) == 0);
    c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    CHECK(35, connect(c, (struct sockaddr *)&a, sizeof a) == SOCKET_ERROR && WSAGetLastError() == WSAECONNREFUSED);
    closesocket(c);

    /* UDP: Winsock 1.1 IP_TTL (7) through wsock32 #21 is Winsock 2 IP_TTL (4) through ws2_32 #7. */
    SOCKET u = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    CHECK(40, u != INVALID_SOCKET);
    int ttl = 33, v = 0, vlen = sizeof v;
    CHECK(41, wsock32_setsockopt(u, IPPROTO_IP, 7, (const char *)&ttl, sizeof ttl) == 0);
    CHECK(42, getsockopt(u, IPPROTO_IP, IP_TTL, (char *)&v, &vlen) == 0 && v == 33);
    v = 0; vlen = sizeof v;
    CHECK(43, wsock32_getsockopt(u, IPPROTO_IP, 7, (char *)&v, &vlen) == 0 && v == 33);

    /* A datagram larger than the buffer: recvfrom fails with WSAEMSGSIZE, WSARecvEx
       returns the part with MSG_PARTIAL. */
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET; a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    alen = sizeof a;
    CHECK(44, bind(u, (struct sockaddr *)&a, sizeof a) == 0);
    CHECK(45, getsockname(u, (struct sockaddr *)&a, &alen) == 0);
    char big[100];
    memset(big, 'x', sizeof big);
    CHECK(46, sendto(u, big, sizeof big, 0, (struct sockaddr *)&a, sizeof a) == sizeof big);
    CHECK(47, recvfrom(u, buf, 10, 0, NULL, NULL) == SOCKET_ERROR && WSAGetLastError() == WSAEMSGSIZE);
    CHECK(48, sendto(u, big, sizeof big, 0, (struct sockaddr *)&a, sizeof a) == sizeof big);
    flags = 0;
    CHECK(49, WSARecvEx(u, buf, 10, &flags) == 10 && (flags & MSG_PARTIAL));
    CHECK(50, closesocket(u) == 0);

    CHECK(60, WSACleanup() == 0);
    out("fs: ok "); out(words[1]); out("\n");
    return 0;
}

void start(void) {
    ExitProcess((UINT)run());
}
