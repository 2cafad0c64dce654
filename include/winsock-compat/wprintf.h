/*
 * winsock-compat/wprintf.h: wprintf/fwprintf with Windows semantics, for ported code.
 *
 * Windows' wprintf differs from glibc's in the two ways ported programs depend on:
 *  - %s (and %ls, %ws) takes a *wide* string, and wide strings from Windows APIs are WCHAR
 *    (16-bit UTF-16) -- on glibc %s takes a narrow string, so a WCHAR name printed as Windows
 *    code does shows one character;
 *  - mixing printf and wprintf on stdout works -- on glibc the first printf makes stdout
 *    byte-oriented and every later wprintf fails silently.
 * So the headers map wprintf/fwprintf to small functions that read the format (a wchar_t
 * L"..." literal, as in the source), print through the narrow stdio functions in UTF-8, and
 * read arguments with Windows' rules: %s/%ls/%ws = WCHAR string, %S/%hs = char string,
 * %c = WCHAR, %C/%hc = char, %ld/%lu/%lx = 32-bit (LLP64 long), %lld/%I64d = 64-bit,
 * %Id/%zu = pointer-sized. Define WINSOCK_NO_WPRINTF_SHIM to keep glibc's wprintf.
 */
#ifndef WINSOCK_COMPAT_WPRINTF_H
#define WINSOCK_COMPAT_WPRINTF_H
#ifndef WINSOCK_NO_WPRINTF_SHIM

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Writes code point `cp` as UTF-8; returns the bytes written. */
static inline int __ws_put_utf8(FILE *out, unsigned int cp) {
  char b[4];
  int n;
  if (cp < 0x80) { b[0] = (char)cp; n = 1; }
  else if (cp < 0x800) { b[0] = (char)(0xc0 | (cp >> 6)); b[1] = (char)(0x80 | (cp & 0x3f)); n = 2; }
  else if (cp < 0x10000) {
    b[0] = (char)(0xe0 | (cp >> 12)); b[1] = (char)(0x80 | ((cp >> 6) & 0x3f)); b[2] = (char)(0x80 | (cp & 0x3f)); n = 3;
  } else {
    b[0] = (char)(0xf0 | (cp >> 18)); b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    b[2] = (char)(0x80 | ((cp >> 6) & 0x3f)); b[3] = (char)(0x80 | (cp & 0x3f)); n = 4;
  }
  return (int)fwrite(b, 1, (size_t)n, out);
}

/* A UTF-16 string as newly allocated UTF-8 (NULL prints as "(null)", as on Windows). */
static inline char *__ws_utf16_to_utf8(const unsigned short *s) {
  size_t len = 0, i = 0, o = 0;
  char *r;
  if (!s) {
    r = (char *)malloc(7);
    if (r) memcpy(r, "(null)", 7);
    return r;
  }
  while (s[len]) len++;
  r = (char *)malloc(len * 3 + 1);
  if (!r) return NULL;
  while (i < len) {
    unsigned int cp = s[i++];
    if (cp >= 0xd800 && cp < 0xdc00 && i < len && s[i] >= 0xdc00 && s[i] < 0xe000)
      cp = 0x10000 + ((cp - 0xd800) << 10) + (s[i++] - 0xdc00);
    if (cp < 0x80) r[o++] = (char)cp;
    else if (cp < 0x800) { r[o++] = (char)(0xc0 | (cp >> 6)); r[o++] = (char)(0x80 | (cp & 0x3f)); }
    else if (cp < 0x10000) {
      r[o++] = (char)(0xe0 | (cp >> 12)); r[o++] = (char)(0x80 | ((cp >> 6) & 0x3f)); r[o++] = (char)(0x80 | (cp & 0x3f));
    } else {
      r[o++] = (char)(0xf0 | (cp >> 18)); r[o++] = (char)(0x80 | ((cp >> 12) & 0x3f));
      r[o++] = (char)(0x80 | ((cp >> 6) & 0x3f)); r[o++] = (char)(0x80 | (cp & 0x3f));
    }
  }
  r[o] = 0;
  return r;
}

static inline int __ws_vfwprintf(FILE *out, const wchar_t *fmt, va_list ap) {
  int total = 0;
  while (*fmt) {
    char spec[48];
    size_t n = 0;
    int len = 0; /* 0 none, 1 h, 2 hh, 3 l/w (Windows: 32-bit or wide), 4 ll/I64, 5 z/I */
    if (*fmt != L'%') {
      total += __ws_put_utf8(out, (unsigned int)*fmt++);
      continue;
    }
    fmt++;
    if (*fmt == L'%') { fputc('%', out); total++; fmt++; continue; }
    spec[n++] = '%';
    while ((*fmt == L'-' || *fmt == L'+' || *fmt == L' ' || *fmt == L'#' || *fmt == L'0') && n < 8) spec[n++] = (char)*fmt++;
    if (*fmt == L'*') { n += (size_t)snprintf(spec + n, 12, "%d", va_arg(ap, int)); fmt++; }
    else while (*fmt >= L'0' && *fmt <= L'9' && n < 20) spec[n++] = (char)*fmt++;
    if (*fmt == L'.') {
      spec[n++] = '.';
      fmt++;
      if (*fmt == L'*') { n += (size_t)snprintf(spec + n, 12, "%d", va_arg(ap, int)); fmt++; }
      else while (*fmt >= L'0' && *fmt <= L'9' && n < 34) spec[n++] = (char)*fmt++;
    }
    if (*fmt == L'h') { fmt++; if (*fmt == L'h') { fmt++; len = 2; } else len = 1; }
    else if (*fmt == L'l') { fmt++; if (*fmt == L'l') { fmt++; len = 4; } else len = 3; }
    else if (*fmt == L'w') { fmt++; len = 3; }
    else if (*fmt == L'L') { fmt++; }
    else if (*fmt == L'z' || *fmt == L'j' || *fmt == L't') { fmt++; len = 5; }
    else if (*fmt == L'I') {
      fmt++;
      if (fmt[0] == L'6' && fmt[1] == L'4') { fmt += 2; len = 4; }
      else if (fmt[0] == L'3' && fmt[1] == L'2') { fmt += 2; len = 0; }
      else len = 5;
    }
    wchar_t conv = *fmt ? *fmt++ : L'\0';
    switch (conv) {
    case L'd': case L'i': case L'o': case L'u': case L'x': case L'X':
      if (len == 4) { spec[n++] = 'l'; spec[n++] = 'l'; }
      else if (len == 5) spec[n++] = 'z';
      else if (len == 1) spec[n++] = 'h';
      else if (len == 2) { spec[n++] = 'h'; spec[n++] = 'h'; }
      spec[n++] = (char)conv;
      spec[n] = 0;
      if (len == 4) total += fprintf(out, spec, va_arg(ap, long long));
      else if (len == 5) total += fprintf(out, spec, va_arg(ap, size_t));
      else total += fprintf(out, spec, va_arg(ap, int));
      break;
    case L'c': case L'C': {
      int c = va_arg(ap, int);
      int narrow = (conv == L'C') ? (len != 3) : (len == 1);
      total += __ws_put_utf8(out, narrow ? (unsigned int)(unsigned char)c : (unsigned int)(unsigned short)c);
      break;
    }
    case L's': case L'S': {
      int narrow = (conv == L'S') ? (len != 3) : (len == 1);
      spec[n++] = 's';
      spec[n] = 0;
      if (narrow) {
        const char *s = va_arg(ap, const char *);
        total += fprintf(out, spec, s ? s : "(null)");
      } else {
        char *s = __ws_utf16_to_utf8(va_arg(ap, const unsigned short *));
        total += fprintf(out, spec, s ? s : "");
        free(s);
      }
      break;
    }
    case L'p':
      spec[n++] = 'p';
      spec[n] = 0;
      total += fprintf(out, spec, va_arg(ap, void *));
      break;
    case L'f': case L'F': case L'e': case L'E': case L'g': case L'G': case L'a': case L'A':
      spec[n++] = (char)conv;
      spec[n] = 0;
      total += fprintf(out, spec, va_arg(ap, double));
      break;
    case L'n':
      (void)va_arg(ap, int *); /* not supported: writes nothing */
      break;
    default:
      return total; /* malformed: stop, as the CRT does */
    }
  }
  return total;
}

static inline int __ws_fwprintf(FILE *out, const wchar_t *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = __ws_vfwprintf(out, fmt, ap);
  va_end(ap);
  return r;
}

static inline int __ws_wprintf(const wchar_t *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = __ws_vfwprintf(stdout, fmt, ap);
  va_end(ap);
  return r;
}

#define wprintf __ws_wprintf
#define fwprintf __ws_fwprintf
#define vfwprintf __ws_vfwprintf

#ifdef __cplusplus
}
#endif

#endif /* WINSOCK_NO_WPRINTF_SHIM */
#endif /* WINSOCK_COMPAT_WPRINTF_H */
