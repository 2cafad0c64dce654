/*
 * inaddr.h: struct in_addr (IN_ADDR). Part of <winsock2.h>; including it alone includes
 * <winsock2.h>.
 */
#ifndef _WINSOCK2API_
#include <winsock2.h>
#elif !defined(_WINSOCK_COMPAT_INADDR_)
#define _WINSOCK_COMPAT_INADDR_

#ifdef __cplusplus
extern "C" {
#endif

typedef struct in_addr {
  union {
    struct {
      UCHAR s_b1, s_b2, s_b3, s_b4;
    } S_un_b;
    struct {
      USHORT s_w1, s_w2;
    } S_un_w;
    ULONG S_addr;
  } S_un;
} IN_ADDR, *PIN_ADDR, *LPIN_ADDR;

#define s_addr S_un.S_addr
#define s_host S_un.S_un_b.s_b2
#define s_net S_un.S_un_b.s_b1
#define s_imp S_un.S_un_w.s_w2
#define s_impno S_un.S_un_b.s_b4
#define s_lh S_un.S_un_b.s_b3

#ifdef __cplusplus
}
#endif

#endif
