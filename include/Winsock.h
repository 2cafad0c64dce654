/* Winsock.h: case variant used by real programs; see <winsock.h>. */
#include <winsock.h>
