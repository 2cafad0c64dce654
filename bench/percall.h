/*
 * percall.h: the interface between percall.c (driver, timing and the POSIX side) and
 * percall_win.c (the Windows side, compiled against the project's headers). The two sides
 * live in separate translation units because the Windows headers and the POSIX socket headers
 * declare the same names; the project's symbols are prefixed, so both link into one program.
 */
#ifndef PERCALL_H
#define PERCALL_H

enum {
    T_GETSOCKOPT,   /* getsockopt(SO_RCVBUF) */
    T_FIONREAD,     /* ioctlsocket(FIONREAD) / ioctl(FIONREAD) */
    T_RECV_EMPTY,   /* recv on an empty non-blocking socket: WSAEWOULDBLOCK / EAGAIN */
    T_SELECT,       /* select, one socket in the read and write sets, zero timeout / poll */
    T_WSAPOLL,      /* WSAPoll, one socket, POLLRDNORM|POLLWRNORM, zero timeout / poll */
    T_SENDRECV,     /* send 64 B on one end of a connected pair, recv it on the other */
    T_SOCKET_CLOSE, /* socket + closesocket / socket + close */
    T_OVERLAPPED,   /* WSARecv pending + peer send + GetQueuedCompletionStatus / send + epoll_wait + recv */
    T_COUNT
};

/* Windows side (percall_win.c). Each returns 0, or prints what failed and returns -1. */
int win_init(void);
int win_setup(int test);
int win_loop(int test, long iters);
void win_teardown(int test);

#endif
