/*
 * winsock.h: Windows Sockets 1.1. Natively this is <winsock2.h>: a program gets one set of
 * option numbers, Winsock 2's, matching the ws2_32 functions its calls bind to. (The
 * Winsock 1.1 numbering of IP_MULTICAST_IF etc. matters only to wsock32.dll's PE face.)
 */
#include <winsock2.h>
