/* Ws2tcpip.h: case variant used by real programs; see <ws2tcpip.h>. */
#include <ws2tcpip.h>
