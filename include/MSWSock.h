/* MSWSock.h: case variant used by real programs; see <mswsock.h>. */
#include <mswsock.h>
