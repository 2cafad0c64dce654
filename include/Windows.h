/* Windows.h: case variant used by real programs; see <windows.h>. */
#include <windows.h>
