/* Mstcpip.h: case variant used by real programs; see <mstcpip.h>. */
#include <mstcpip.h>
