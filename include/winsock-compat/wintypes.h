/*
 * winsock-compat/wintypes.h: the base Windows types and macros (the parts of basetsd.h,
 * minwindef.h, windef.h and winnt.h that socket programs use), for native Linux builds
 * against the project's libws2_32.so.
 *
 * Data model. Windows x64 is LLP64 (long is 32-bit); Linux x86_64 is LP64. C `long` never
 * appears here: LONG is int, ULONG and DWORD are unsigned int, so every structure has its
 * Windows x64 layout. The *_PTR types and SIZE_T are the host's pointer-sized integers
 * (__INTPTR_TYPE__, __UINTPTR_TYPE__, __SIZE_TYPE__): the same size and alignment as
 * Windows' __int64, and interchangeable with intptr_t/size_t in ported code.
 *
 * Calling convention. WINAPI, CALLBACK, WSAAPI, PASCAL, __stdcall and __cdecl are empty:
 * the native face of libws2_32.so uses the platform (System V) ABI, and callbacks handed to
 * it are called the same way.
 *
 * _WIN64 is defined on 64-bit hosts (programs use it to pick Win64 paths). _WIN32 is NOT
 * defined: libstdc++ switches <filesystem> to Windows paths when it sees _WIN32, which would
 * break C++ programs. Define it on the command line if a program needs it.
 *
 * WCHAR is 16 bits (UTF-16), as on Windows: unsigned short in C, char16_t in C++. Linux
 * wchar_t is 32 bits, so L"..." literals do NOT fit the W functions; write u"..." (a
 * char16_t string, which is exactly WCHAR[] in both languages) or TEXT("...") with UNICODE
 * defined. -fshort-wchar is deliberately not used: it would make L"..." fit but silently
 * break every glibc wide-character function (wcslen, wprintf, ...).
 */
#ifndef WINSOCK_COMPAT_WINTYPES_H
#define WINSOCK_COMPAT_WINTYPES_H

#include <stddef.h>
/* Windows' winnt.h and stdio.h make these available; Windows sources rely on it. */
#include <string.h>
#include <wchar.h>

#if !defined(_WIN64) && defined(__SIZEOF_POINTER__) && __SIZEOF_POINTER__ == 8
#define _WIN64 1
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Calling conventions and decorations: native ABI, nothing to say. */
#define WINAPI
#define WINAPIV
#define APIENTRY
#define CALLBACK
#define PASCAL
#define NTAPI
#define WSAAPI
#define WSPAPI
#ifndef __stdcall
#define __stdcall
#endif
#ifndef __cdecl
#define __cdecl
#endif
#ifndef _cdecl
#define _cdecl
#endif
#ifndef FAR
#define FAR
#endif
#ifndef NEAR
#define NEAR
#endif
#ifndef CONST
#define CONST const
#endif
#ifndef IN
#define IN
#endif
#ifndef OUT
#define OUT
#endif
#ifndef OPTIONAL
#define OPTIONAL
#endif
#ifndef DECLSPEC_IMPORT
#define DECLSPEC_IMPORT
#endif
#ifndef WINSOCK_API_LINKAGE
#define WINSOCK_API_LINKAGE
#endif
#ifndef UNREFERENCED_PARAMETER
#define UNREFERENCED_PARAMETER(P) ((void)(P))
#endif

/* MSVC integer keywords used by Windows sources. */
#ifndef __int8
#define __int8 char
#endif
#ifndef __int16
#define __int16 short
#endif
#ifndef __int32
#define __int32 int
#endif
#ifndef __int64
#define __int64 long long
#endif

#define VOID void
typedef char CHAR;
typedef signed char INT8;
typedef unsigned char UCHAR, BYTE, BOOLEAN, UINT8;
typedef short SHORT, INT16;
typedef unsigned short USHORT, WORD, UINT16, ATOM;
typedef int INT, BOOL, WINBOOL, LONG, INT32, LONG32;
typedef unsigned int UINT, ULONG, DWORD, UINT32, ULONG32, DWORD32;
typedef long long LONGLONG, LONG64, INT64;
typedef unsigned long long ULONGLONG, ULONG64, DWORD64, UINT64;
typedef float FLOAT;
typedef LONG NTSTATUS;
typedef LONG HRESULT;

typedef __INTPTR_TYPE__ INT_PTR, LONG_PTR, SSIZE_T;
typedef __UINTPTR_TYPE__ UINT_PTR, ULONG_PTR, DWORD_PTR;
typedef __SIZE_TYPE__ SIZE_T;
typedef ULONG_PTR *PULONG_PTR;
typedef SIZE_T *PSIZE_T;

#ifdef __cplusplus
typedef char16_t WCHAR;
#else
typedef unsigned short WCHAR;
#endif
typedef WCHAR *PWCHAR, *LPWCH, *PWCH, *LPWSTR, *PWSTR;
typedef const WCHAR *LPCWCH, *PCWCH, *LPCWSTR, *PCWSTR;
typedef CHAR *PCHAR, *LPCH, *PCH, *LPSTR, *PSTR, *NPSTR;
typedef const CHAR *LPCCH, *PCCH, *LPCSTR, *PCSTR;
#ifdef UNICODE
typedef WCHAR TCHAR;
#define __TEXT(q) u##q
#else
typedef char TCHAR;
#define __TEXT(q) q
#endif
typedef TCHAR *LPTSTR, *PTSTR;
typedef const TCHAR *LPCTSTR, *PCTSTR;
#ifndef TEXT
#define TEXT(q) __TEXT(q)
#endif

typedef void *PVOID, *LPVOID;
typedef const void *LPCVOID, *PCVOID;
typedef BYTE *PBYTE, *LPBYTE;
typedef BOOL *PBOOL, *LPBOOL;
typedef BOOLEAN *PBOOLEAN;
typedef WORD *PWORD, *LPWORD;
typedef SHORT *PSHORT;
typedef USHORT *PUSHORT;
typedef INT *PINT, *LPINT;
typedef UINT *PUINT, *LPUINT;
typedef LONG *PLONG, *LPLONG;
typedef ULONG *PULONG;
typedef DWORD *PDWORD, *LPDWORD;
typedef UCHAR *PUCHAR;
typedef ULONGLONG *PULONGLONG;

typedef void *HANDLE;
typedef HANDLE *PHANDLE, *LPHANDLE;
#define DECLARE_HANDLE(name) struct name##__ { int unused; }; typedef struct name##__ *name
DECLARE_HANDLE(HWND);
DECLARE_HANDLE(HINSTANCE);
DECLARE_HANDLE(HICON);
DECLARE_HANDLE(HBRUSH);
DECLARE_HANDLE(HMENU);
typedef HINSTANCE HMODULE;
typedef HICON HCURSOR;
typedef INT_PTR (WINAPI *FARPROC)(void);
typedef INT_PTR (WINAPI *NEARPROC)(void);
typedef INT_PTR (WINAPI *PROC)(void);

typedef UINT_PTR WPARAM;
typedef LONG_PTR LPARAM;
typedef LONG_PTR LRESULT;

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif
#ifndef NULL
#define NULL ((void *)0)
#endif

#define MAKEWORD(a, b) ((WORD)(((BYTE)(((DWORD_PTR)(a)) & 0xff)) | ((WORD)((BYTE)(((DWORD_PTR)(b)) & 0xff))) << 8))
#define MAKELONG(a, b) ((LONG)(((WORD)(((DWORD_PTR)(a)) & 0xffff)) | ((DWORD)((WORD)(((DWORD_PTR)(b)) & 0xffff))) << 16))
#define LOWORD(l) ((WORD)(((DWORD_PTR)(l)) & 0xffff))
#define HIWORD(l) ((WORD)((((DWORD_PTR)(l)) >> 16) & 0xffff))
#define LOBYTE(w) ((BYTE)(((DWORD_PTR)(w)) & 0xff))
#define HIBYTE(w) ((BYTE)((((DWORD_PTR)(w)) >> 8) & 0xff))
#define RTL_BITS_OF(sizeOfArg) (sizeof(sizeOfArg) * 8)
#define ARRAYSIZE(a) (sizeof(a) / sizeof((a)[0]))
#ifndef _countof
#define _countof(a) (sizeof(a) / sizeof((a)[0]))
#endif

#define MoveMemory(d, s, n) ((void)memmove((d), (s), (n)))
#define CopyMemory(d, s, n) ((void)memcpy((d), (s), (n)))
#define FillMemory(d, n, f) ((void)memset((d), (f), (n)))
#define ZeroMemory(d, n) ((void)memset((d), 0, (n)))
#define RtlZeroMemory ZeroMemory
#define RtlCopyMemory CopyMemory
#define SecureZeroMemory ZeroMemory

typedef union _LARGE_INTEGER {
  struct {
    DWORD LowPart;
    LONG HighPart;
  };
  struct {
    DWORD LowPart;
    LONG HighPart;
  } u;
  LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

typedef union _ULARGE_INTEGER {
  struct {
    DWORD LowPart;
    DWORD HighPart;
  };
  struct {
    DWORD LowPart;
    DWORD HighPart;
  } u;
  ULONGLONG QuadPart;
} ULARGE_INTEGER, *PULARGE_INTEGER;

#ifndef GUID_DEFINED
#define GUID_DEFINED
typedef struct _GUID {
  unsigned int Data1;
  unsigned short Data2;
  unsigned short Data3;
  unsigned char Data4[8];
} GUID;
#endif
typedef GUID *LPGUID, *PGUID;
typedef const GUID *LPCGUID, *REFGUID;
#define IsEqualGUID(a, b) (memcmp((a), (b), sizeof(GUID)) == 0)
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
  static const GUID name __attribute__((unused)) = {l, w1, w2, {b1, b2, b3, b4, b5, b6, b7, b8}}

typedef struct tagPOINT {
  LONG x;
  LONG y;
} POINT, *PPOINT, *LPPOINT;

#define MAXIMUM_WAIT_OBJECTS 64

#ifdef __cplusplus
}
#endif

#include "winsock-compat/wprintf.h"

#endif /* WINSOCK_COMPAT_WINTYPES_H */
