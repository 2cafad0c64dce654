/*
 * ws2tcpip.h: TCP/IP extensions to Winsock 2: getaddrinfo/getnameinfo and their wide and
 * Ex variants, inet_ntop/inet_pton, UDP/TCP option names. Names libc also has are bound
 * to the project's ws2_32_-prefixed symbols (see winsock2.h).
 */
#ifndef _WS2TCPIP_H_
#define _WS2TCPIP_H_

#include <winsock2.h>
#include <ws2ipdef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define INET_ADDRSTRLEN 22
#define INET6_ADDRSTRLEN 65
#define TCP_EXPEDITED_1122 0x2
#define UDP_NOCHECKSUM 1
#define UDP_CHECKSUM_COVERAGE 20
#define SIO_GET_INTERFACE_LIST _IOR('t', 127, u_long)
#define SIO_GET_INTERFACE_LIST_EX _IOR('t', 126, u_long)
#define SIO_SET_MULTICAST_FILTER _IOW('t', 125, u_long)
#define SIO_GET_MULTICAST_FILTER _IOW('t', 124 | IOC_IN, u_long)
#define AI_PASSIVE 0x1
#define AI_CANONNAME 0x2
#define AI_NUMERICHOST 0x4
#define AI_NUMERICSERV 0x8
#define AI_ALL 0x100
#define AI_ADDRCONFIG 0x400
#define AI_V4MAPPED 0x800
#define AI_NON_AUTHORITATIVE 0x4000
#define AI_SECURE 0x8000
#define AI_FQDN 0x20000
#define AI_FILESERVER 0x40000
#define AI_DISABLE_IDN_ENCODING 0x80000
#define NI_NOFQDN 0x1
#define NI_NUMERICHOST 0x2
#define NI_NAMEREQD 0x4
#define NI_NUMERICSERV 0x8
#define NI_DGRAM 0x10
#define NI_MAXHOST 1025
#define NI_MAXSERV 32
#define GAI_STRERROR_BUFFER_SIZE 1024
#define EAI_AGAIN WSATRY_AGAIN
#define EAI_BADFLAGS WSAEINVAL
#define EAI_FAIL WSANO_RECOVERY
#define EAI_FAMILY WSAEAFNOSUPPORT
#define EAI_MEMORY WSA_NOT_ENOUGH_MEMORY
#define EAI_NONAME WSAHOST_NOT_FOUND
#define EAI_SERVICE WSATYPE_NOT_FOUND
#define EAI_SOCKTYPE WSAESOCKTNOSUPPORT
#define EAI_NODATA 11004

typedef ADDRINFOA ADDRINFO, *LPADDRINFO;
#ifdef UNICODE
typedef ADDRINFOW ADDRINFOT, *PADDRINFOT;
#else
typedef ADDRINFOA ADDRINFOT, *PADDRINFOT;
#endif

typedef void (CALLBACK *LPLOOKUPSERVICE_COMPLETION_ROUTINE)(DWORD dwError, DWORD dwBytes, LPWSAOVERLAPPED lpOverlapped);

WINSOCK_API_LINKAGE INT WSAAPI getaddrinfo(PCSTR pNodeName, PCSTR pServiceName, const ADDRINFOA *pHints, PADDRINFOA *ppResult) __WS2_SYMBOL(getaddrinfo);
WINSOCK_API_LINKAGE VOID WSAAPI freeaddrinfo(PADDRINFOA pAddrInfo) __WS2_SYMBOL(freeaddrinfo);
WINSOCK_API_LINKAGE INT WSAAPI getnameinfo(const SOCKADDR *pSockaddr, socklen_t SockaddrLength, PCHAR pNodeBuffer, DWORD NodeBufferSize, PCHAR pServiceBuffer, DWORD ServiceBufferSize, INT Flags) __WS2_SYMBOL(getnameinfo);
WINSOCK_API_LINKAGE PCSTR WSAAPI inet_ntop(INT Family, const VOID *pAddr, PSTR pStringBuf, size_t StringBufSize) __WS2_SYMBOL(inet_ntop);
WINSOCK_API_LINKAGE INT WSAAPI inet_pton(INT Family, PCSTR pszAddrString, PVOID pAddrBuf) __WS2_SYMBOL(inet_pton);

WINSOCK_API_LINKAGE INT WSAAPI GetAddrInfoW(PCWSTR pNodeName, PCWSTR pServiceName, const ADDRINFOW *pHints, PADDRINFOW *ppResult);
WINSOCK_API_LINKAGE VOID WSAAPI FreeAddrInfoW(PADDRINFOW pAddrInfo);
WINSOCK_API_LINKAGE INT WSAAPI GetNameInfoW(const SOCKADDR *pSockaddr, socklen_t SockaddrLength, PWCHAR pNodeBuffer, DWORD NodeBufferSize, PWCHAR pServiceBuffer, DWORD ServiceBufferSize, INT Flags);
WINSOCK_API_LINKAGE INT WSAAPI GetAddrInfoExW(PCWSTR pName, PCWSTR pServiceName, DWORD dwNameSpace, LPGUID lpNspId, const ADDRINFOEXW *hints, PADDRINFOEXW *ppResult, struct timeval *timeout, LPOVERLAPPED lpOverlapped, LPLOOKUPSERVICE_COMPLETION_ROUTINE lpCompletionRoutine, LPHANDLE lpNameHandle);
WINSOCK_API_LINKAGE INT WSAAPI GetAddrInfoExA(PCSTR pName, PCSTR pServiceName, DWORD dwNameSpace, LPGUID lpNspId, const ADDRINFOEXA *hints, PADDRINFOEXA *ppResult, struct timeval *timeout, LPOVERLAPPED lpOverlapped, LPLOOKUPSERVICE_COMPLETION_ROUTINE lpCompletionRoutine, LPHANDLE lpNameHandle);
WINSOCK_API_LINKAGE INT WSAAPI GetAddrInfoExCancel(LPHANDLE lpHandle);
WINSOCK_API_LINKAGE INT WSAAPI GetAddrInfoExOverlappedResult(LPOVERLAPPED lpOverlapped);
WINSOCK_API_LINKAGE void WSAAPI FreeAddrInfoEx(PADDRINFOEXA pAddrInfoEx);
WINSOCK_API_LINKAGE void WSAAPI FreeAddrInfoExW(PADDRINFOEXW pAddrInfoEx);
WINSOCK_API_LINKAGE int WSAAPI GetHostNameW(PWSTR name, int namelen);
WINSOCK_API_LINKAGE PCWSTR WSAAPI InetNtopW(INT Family, const VOID *pAddr, PWSTR pStringBuf, size_t StringBufSize);
WINSOCK_API_LINKAGE INT WSAAPI InetPtonW(INT Family, PCWSTR pszAddrString, PVOID pAddrBuf);

#define InetNtopA inet_ntop
#define InetPtonA inet_pton
#define GetAddrInfoA getaddrinfo
#define FreeAddrInfoA freeaddrinfo
#define GetNameInfoA getnameinfo
#ifdef UNICODE
#define GetAddrInfo GetAddrInfoW
#define FreeAddrInfo FreeAddrInfoW
#define GetNameInfo GetNameInfoW
#define GetAddrInfoEx GetAddrInfoExW
#define FreeAddrInfoExT FreeAddrInfoExW
#define InetNtop InetNtopW
#define InetPton InetPtonW
#else
#define GetAddrInfoEx GetAddrInfoExA
#define GetAddrInfo GetAddrInfoA
#define FreeAddrInfo FreeAddrInfoA
#define GetNameInfo GetNameInfoA
#define InetNtop InetNtopA
#define InetPton InetPtonA
#endif

typedef INT (WSAAPI *LPFN_GETADDRINFO)(PCSTR pNodeName, PCSTR pServiceName, const ADDRINFOA *pHints, PADDRINFOA *ppResult);
typedef INT (WSAAPI *LPFN_GETADDRINFOW)(PCWSTR pNodeName, PCWSTR pServiceName, const ADDRINFOW *pHints, PADDRINFOW *ppResult);
typedef VOID (WSAAPI *LPFN_FREEADDRINFO)(PADDRINFOA pAddrInfo);
typedef VOID (WSAAPI *LPFN_FREEADDRINFOW)(PADDRINFOW pAddrInfo);
typedef INT (WSAAPI *LPFN_GETNAMEINFO)(const SOCKADDR *pSockaddr, socklen_t SockaddrLength, PCHAR pNodeBuffer, DWORD NodeBufferSize, PCHAR pServiceBuffer, DWORD ServiceBufferSize, INT Flags);

/* IPv6 address tests (Windows' macros, over IN6_ADDR's 16 bytes). */
#define IN6_IS_ADDR_UNSPECIFIED(a) \
  (((a)->s6_words[0] | (a)->s6_words[1] | (a)->s6_words[2] | (a)->s6_words[3] | (a)->s6_words[4] | \
    (a)->s6_words[5] | (a)->s6_words[6] | (a)->s6_words[7]) == 0)
#define IN6_IS_ADDR_LOOPBACK(a) \
  (((a)->s6_words[0] | (a)->s6_words[1] | (a)->s6_words[2] | (a)->s6_words[3] | (a)->s6_words[4] | \
    (a)->s6_words[5] | (a)->s6_words[6]) == 0 && (a)->s6_words[7] == 0x0100)
#define IN6_IS_ADDR_MULTICAST(a) ((a)->s6_bytes[0] == 0xff)
#define IN6_IS_ADDR_LINKLOCAL(a) ((a)->s6_bytes[0] == 0xfe && ((a)->s6_bytes[1] & 0xc0) == 0x80)
#define IN6_IS_ADDR_SITELOCAL(a) ((a)->s6_bytes[0] == 0xfe && ((a)->s6_bytes[1] & 0xc0) == 0xc0)
#define IN6_IS_ADDR_V4MAPPED(a) \
  (((a)->s6_words[0] | (a)->s6_words[1] | (a)->s6_words[2] | (a)->s6_words[3] | (a)->s6_words[4]) == 0 && \
   (a)->s6_words[5] == 0xffff)
#define IN6_IS_ADDR_V4COMPAT(a) \
  (((a)->s6_words[0] | (a)->s6_words[1] | (a)->s6_words[2] | (a)->s6_words[3] | (a)->s6_words[4] | \
    (a)->s6_words[5]) == 0 && !((a)->s6_words[6] == 0 && ((a)->s6_words[7] == 0 || (a)->s6_words[7] == 0x0100)))
#define IN6ADDR_ANY_INIT {{{0}}}
#define IN6ADDR_LOOPBACK_INIT {{{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}}}

/* Windows exports in6addr_any and in6addr_loopback as data; glibc exports the same names with
 * its own type. Each translation unit gets its own constant under the Windows names instead,
 * so neither definition can capture the other. */
#define in6addr_any __ws_in6addr_any
#define in6addr_loopback __ws_in6addr_loopback
static const IN6_ADDR __ws_in6addr_any __attribute__((unused)) = IN6ADDR_ANY_INIT;
static const IN6_ADDR __ws_in6addr_loopback __attribute__((unused)) = IN6ADDR_LOOPBACK_INIT;

#define IN6ADDR_SETANY(x) \
  do { \
    __builtin_memset((x), 0, sizeof(*(x))); \
    (x)->sin6_family = AF_INET6; \
  } while (0)
#define IN6ADDR_SETLOOPBACK(x) \
  do { \
    __builtin_memset((x), 0, sizeof(*(x))); \
    (x)->sin6_family = AF_INET6; \
    (x)->sin6_addr.s6_bytes[15] = 1; \
  } while (0)
#define IN6ADDR_ISANY(x) ((x)->sin6_family == AF_INET6 && IN6_IS_ADDR_UNSPECIFIED(&(x)->sin6_addr))
#define IN6ADDR_ISLOOPBACK(x) ((x)->sin6_family == AF_INET6 && IN6_IS_ADDR_LOOPBACK(&(x)->sin6_addr))

#ifdef __cplusplus
}
#endif

#endif /* _WS2TCPIP_H_ */
