/* minwindef.h: part of the Windows subset in <windows.h>. */
#include <windows.h>
