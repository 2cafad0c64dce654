/* WS2spi.h: case variant used by real programs; see <ws2spi.h>. */
#include <ws2spi.h>
