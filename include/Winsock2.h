/* Winsock2.h: case variant used by real programs; see <winsock2.h>. */
#include <winsock2.h>
