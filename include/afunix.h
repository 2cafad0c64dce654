/*
 * afunix.h: AF_UNIX sockets on Windows (sockaddr_un and SIO_AF_UNIX_GETPEERPID).
 * Note: <sys/un.h> declares the POSIX struct sockaddr_un; do not include both in one file.
 */
#ifndef _AFUNIX_
#define _AFUNIX_

#include <winsock2.h>

#ifdef __cplusplus
extern "C" {
#endif

#define UNIX_PATH_MAX 108
#define SIO_AF_UNIX_GETPEERPID _WSAIOR(IOC_VENDOR, 256)

typedef struct sockaddr_un {
  ADDRESS_FAMILY sun_family;
  char sun_path[UNIX_PATH_MAX];
} SOCKADDR_UN, *PSOCKADDR_UN;

#ifdef __cplusplus
}
#endif

#endif /* _AFUNIX_ */
