/*
 * winsock-compat/libc.h: make the Windows socket names and glibc's coexist.
 *
 * Windows and glibc both define u_long (32 vs 64 bits), struct timeval (two 32-bit LONGs vs
 * two 64-bit longs), fd_set (a count and an array of SOCKETs vs a bitmap), the FD_SET /
 * FD_CLR / FD_ISSET / FD_ZERO / FD_SETSIZE macros, socklen_t (int vs unsigned int),
 * select() and gethostname() (different prototypes). A program may include <stdio.h>, <stdlib.h>, <string.h>, <time.h>,
 * <sys/types.h>, <sys/time.h>, <sys/select.h>, <unistd.h> or <pthread.h> before or after
 * <winsock2.h>, so this file handles both orders:
 *
 * 1. Rename-around-include. The glibc headers that declare those names are included here,
 *    first, while macros rename the clashing names (u_long -> __ws_libc_u_long, timeval ->
 *    __ws_libc_timeval, ...). glibc's declarations land under the renamed spellings, the
 *    renames are removed, and the headers' include guards make every later #include of
 *    them a no-op. The Windows definitions then take the real names.
 * 2. glibc first. A name glibc has already declared (detected through glibc's own guards:
 *    _SYS_TYPES_H, __timeval_defined, _SYS_SELECT_H, _UNISTD_H) cannot be renamed after
 *    the fact; for those the Windows definition is declared under a __ws_ name and a macro
 *    maps the Windows spelling to it (e.g. #define timeval __ws_timeval), so the program's
 *    code still means the Windows type. In C++ the mangled names of functions taking
 *    fd_set* or struct timeval* then differ between the two include orders: keep one order
 *    across a C++ program's files.
 *
 * glibc's FD_* macros are always removed; the Windows ones replace them. A program's own
 * FD_SETSIZE (defined before the first Winsock header) survives glibc's definition via
 * push_macro/pop_macro; glibc's own FD_SETSIZE (recognised because it expands through
 * __FD_SETSIZE) is dropped, so Windows' default, 64, applies unless the program set one.
 *
 * Mixing <sys/socket.h>, <netinet/in.h>, <arpa/inet.h>, <netdb.h>, <poll.h> or
 * <sys/ioctl.h> with the Winsock headers in one file is not supported: they declare the
 * POSIX socket API under the same names. Put POSIX socket code in its own file: the
 * Windows names bind to ws2_32_-prefixed symbols, so both coexist in one program.
 */
#ifndef WINSOCK_COMPAT_LIBC_H
#define WINSOCK_COMPAT_LIBC_H

#if defined(_SYS_TYPES_H) && defined(__USE_MISC)
#define __WS_LIBC_HAD_U_LONG 1
#endif
#ifdef __timeval_defined
#define __WS_LIBC_HAD_TIMEVAL 1
#endif
#ifdef _SYS_SELECT_H
#define __WS_LIBC_HAD_SELECT 1
#endif
#ifdef _UNISTD_H
#define __WS_LIBC_HAD_GETHOSTNAME 1
#endif
#ifdef __socklen_t_defined
#define __WS_LIBC_HAD_SOCKLEN_T 1
#endif

#pragma push_macro("FD_SETSIZE")
#undef FD_SETSIZE
#ifndef __WS_LIBC_HAD_U_LONG
#define u_long __ws_libc_u_long
#endif
#ifndef __WS_LIBC_HAD_TIMEVAL
#define timeval __ws_libc_timeval
#endif
#ifndef __WS_LIBC_HAD_SELECT
#define fd_set __ws_libc_fd_set
#define select __ws_libc_select
#endif
#ifndef __WS_LIBC_HAD_GETHOSTNAME
#define gethostname __ws_libc_gethostname
#endif
#ifndef __WS_LIBC_HAD_SOCKLEN_T
#define socklen_t __ws_libc_socklen_t
#endif

#include <sys/types.h>
#include <sys/time.h>
#include <sys/select.h>
#include <time.h>
#include <stdlib.h>
#include <unistd.h>

#undef u_long
#undef timeval
#undef fd_set
#undef select
#undef gethostname
#undef socklen_t
#undef FD_SET
#undef FD_CLR
#undef FD_ISSET
#undef FD_ZERO
#undef FD_SETSIZE
#pragma pop_macro("FD_SETSIZE")
/* An FD_SETSIZE that still reads glibc's "__FD_SETSIZE" is glibc's, not the program's. */
#if defined(FD_SETSIZE) && defined(__FD_SETSIZE)
#pragma push_macro("__FD_SETSIZE")
#undef __FD_SETSIZE
#define __FD_SETSIZE (-4242)
#if FD_SETSIZE == -4242
#undef FD_SETSIZE
#endif
#pragma pop_macro("__FD_SETSIZE")
#endif

/* The Windows spellings of names glibc declared before we could rename them. */
#ifdef __WS_LIBC_HAD_U_LONG
#define u_long __ws_u_long
#endif
#ifdef __WS_LIBC_HAD_TIMEVAL
#define timeval __ws_timeval
#endif
#ifdef __WS_LIBC_HAD_SELECT
#define fd_set __ws_fd_set
#define select __ws_select
#endif
#ifdef __WS_LIBC_HAD_GETHOSTNAME
#define gethostname __ws_gethostname
#endif
#ifdef __WS_LIBC_HAD_SOCKLEN_T
#define socklen_t __ws_socklen_t
#endif

#endif /* WINSOCK_COMPAT_LIBC_H */
