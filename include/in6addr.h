/*
 * in6addr.h: struct in6_addr (IN6_ADDR). Part of <winsock2.h>; including it alone includes
 * <winsock2.h>.
 */
#ifndef _WINSOCK2API_
#include <winsock2.h>
#elif !defined(__LPCWSTR__IN6ADDR)
#define __LPCWSTR__IN6ADDR

#ifdef __cplusplus
extern "C" {
#endif

typedef struct in6_addr {
  union {
    UCHAR Byte[16];
    USHORT Word[8];
  } u;
} IN6_ADDR, *PIN6_ADDR, *LPIN6_ADDR;

#define in_addr6 in6_addr
#define _S6_un u
#define _S6_u8 Byte
#define s6_addr _S6_un._S6_u8
#define s6_bytes u.Byte
#define s6_words u.Word

#ifdef __cplusplus
}
#endif

#endif
