//! Address text: `inet_addr`, `inet_ntoa`, `inet_pton`/`InetPtonW`, `inet_ntop`/`InetNtopW`,
//! `WSAStringToAddressA/W`, `WSAAddressToStringA/W`.
//!
//! The parsers reproduce Windows' two IPv4 grammars (the answers recorded by Wine's
//! `test_inet_addr`, `test_inet_pton` and `test_WSAStringToAddress`):
//! * **lenient** (`inet_addr`, `WSAStringToAddress`): one to four parts (`a`, `a.b`, `a.b.c`,
//!   `a.b.c.d`, the last part filling the remaining bytes), each decimal, octal (`0` prefix) or
//!   hex (`0x` prefix);
//! * **strict** (`inet_pton`): exactly four decimal parts of 0–255 without leading zeros.
//!
//! Both distinguish a *hard* failure (no address at all) from a string whose address part
//! parsed but is followed by something else: `inet_addr` then accepts trailing white space,
//! `inet_pton` writes the address yet returns 0, `WSAStringToAddress` leaves the address in
//! the zeroed structure and fails. IPv6 follows `RtlIpv6StringToAddress`: at most four hex
//! digits a group, `::` once, an embedded dotted IPv4 tail, and a leading `::` followed by
//! at most six groups (Windows rejects `::0:a:b:c:d:e:f`). Unlike Windows, a failed IPv6
//! parse writes nothing to the output.

use core::ffi::{c_char, c_void};
use std::cell::UnsafeCell;
use std::fmt::Write as _;

use translate::{
    AF_INET, AF_INET6, IN_ADDR, INADDR_NONE, SOCKADDR, STATUS_INVALID_PARAMETER, WSAEAFNOSUPPORT, WSAEFAULT, WSAEINVAL,
    WsaError,
};

use super::{cstr, utf16_to_ascii, wstr};
use crate::api::set_last_error;
use crate::engine::startup;

// ---------------------------------------------------------------------------------------------
// IPv4 parsing
// ---------------------------------------------------------------------------------------------

/// An IPv4 address parsed from the start of a string; `end` indexes the first byte after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Parsed4 {
    pub octets: [u8; 4],
    pub end: usize,
}

/// One lenient number (decimal, `0`-octal, `0x`-hex) starting at `i`: `(value, end)`, or
/// `None` when no number starts there. Values wrap at 32 bits, as Windows' do.
fn lenient_number(s: &[u8], i: usize) -> Option<(u32, usize)> {
    let at = |k: usize| s.get(k).copied().unwrap_or(0);
    let (base, mut k) = match (at(i), at(i + 1)) {
        (b'0', b'x' | b'X') => (16, i + 2),
        (b'0', b'8' | b'9') => return None,
        (b'0', _) => (8, i + 1),
        (b'1'..=b'9', _) => (10, i),
        _ => return None,
    };
    let start = k;
    let mut v: u32 = 0;
    while let Some(d) = (at(k) as char).to_digit(base) {
        v = v.wrapping_mul(base).wrapping_add(d);
        k += 1;
    }
    if base == 16 && k == start {
        return None;
    }
    Some((v, k))
}

/// The lenient IPv4 grammar of `inet_addr` and `WSAStringToAddress`.
pub(crate) fn parse_v4_lenient(s: &[u8]) -> Option<Parsed4> {
    let mut parts = [0u32; 4];
    let mut n = 0;
    let mut i = 0;
    loop {
        let (v, next) = lenient_number(s, i)?;
        parts[n] = v;
        n += 1;
        i = next;
        if s.get(i) != Some(&b'.') {
            break;
        }
        if n == 4 {
            return None;
        }
        i += 1;
    }
    let (head, last) = (&parts[..n - 1], parts[n - 1]);
    let last_max = [u32::MAX, 0xff_ffff, 0xffff, 0xff][n - 1];
    if head.iter().any(|&p| p > 0xff) || last > last_max {
        return None;
    }
    let mut octets = last.to_be_bytes();
    for (k, &p) in head.iter().enumerate() {
        octets[k] = p as u8;
    }
    Some(Parsed4 { octets, end: i })
}

/// The strict IPv4 grammar of `inet_pton`: four decimal parts, 0–255, no leading zeros.
pub(crate) fn parse_v4_strict(s: &[u8]) -> Option<Parsed4> {
    let at = |k: usize| s.get(k).copied().unwrap_or(0);
    let mut octets = [0u8; 4];
    let mut i = 0;
    for (k, o) in octets.iter_mut().enumerate() {
        if k > 0 {
            if at(i) != b'.' {
                return None;
            }
            i += 1;
        }
        if !at(i).is_ascii_digit() || (at(i) == b'0' && (at(i + 1).is_ascii_digit() || at(i + 1) | 0x20 == b'x')) {
            return None;
        }
        let mut v = 0u32;
        while at(i).is_ascii_digit() {
            v = v * 10 + u32::from(at(i) - b'0');
            if v > 255 {
                return None;
            }
            i += 1;
        }
        *o = v as u8;
    }
    if at(i) == b'.' {
        return None;
    }
    Some(Parsed4 { octets, end: i })
}

// ---------------------------------------------------------------------------------------------
// IPv6 parsing and formatting
// ---------------------------------------------------------------------------------------------

/// A dotted IPv4 tail inside an IPv6 address: four decimal parts of one to three digits.
fn v6_ipv4_tail(s: &[u8]) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut parts = s.split(|&c| c == b'.');
    for o in &mut out {
        let p = parts.next()?;
        if p.is_empty() || p.len() > 3 || !p.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let v = p.iter().fold(0u32, |a, &d| a * 10 + u32::from(d - b'0'));
        *o = u8::try_from(v).ok()?;
    }
    parts.next().is_none().then_some(out)
}

/// Parses a whole string as an IPv6 address (Windows' `RtlIpv6StringToAddress` rules).
pub(crate) fn parse_v6(s: &[u8]) -> Option<[u8; 16]> {
    let mut words: Vec<u16> = Vec::with_capacity(8);
    let mut gap: Option<usize> = None;
    let mut i = 0;
    if s.starts_with(b"::") {
        gap = Some(0);
        i = 2;
    } else if s.first() == Some(&b':') {
        return None;
    }
    while i < s.len() {
        let start = i;
        let mut v = 0u32;
        while i < s.len() && s[i].is_ascii_hexdigit() {
            v = v * 16 + (s[i] as char).to_digit(16)?;
            i += 1;
            if i - start > 4 {
                return None;
            }
        }
        if s.get(i) == Some(&b'.') {
            // Embedded IPv4: must be the last thing in the string.
            let end = s[start..].iter().position(|&c| c == b':').map_or(s.len(), |p| start + p);
            if end != s.len() || words.len() > 6 {
                return None;
            }
            let o = v6_ipv4_tail(&s[start..])?;
            words.push(u16::from_be_bytes([o[0], o[1]]));
            words.push(u16::from_be_bytes([o[2], o[3]]));
            break;
        }
        if i == start || words.len() == 8 {
            return None;
        }
        words.push(v as u16);
        match (s.get(i), s.get(i + 1)) {
            (None, _) => break,
            (Some(b':'), Some(b':')) => {
                if gap.is_some() {
                    return None;
                }
                gap = Some(words.len());
                i += 2;
            }
            (Some(b':'), Some(_)) => i += 1,
            _ => return None,
        }
    }
    let n = words.len();
    let ok = match gap {
        None => n == 8,
        Some(0) if s.starts_with(b"::") => n <= 6,
        Some(_) => n <= 7,
    };
    if !ok {
        return None;
    }
    let mut full = [0u16; 8];
    match gap {
        None => full.copy_from_slice(&words),
        Some(g) => {
            full[..g].copy_from_slice(&words[..g]);
            full[8 - (n - g)..].copy_from_slice(&words[g..]);
        }
    }
    let mut out = [0u8; 16];
    for (k, w) in full.iter().enumerate() {
        out[2 * k..2 * k + 2].copy_from_slice(&w.to_be_bytes());
    }
    Some(out)
}

/// Hex groups with the first longest run of two or more zero groups written `::`.
fn fmt_groups(out: &mut String, w: &[u16]) {
    let (mut best, mut best_len, mut run) = (0, 0, 0);
    for (k, &x) in w.iter().enumerate() {
        run = if x == 0 { run + 1 } else { 0 };
        if run > best_len {
            best_len = run;
            best = k + 1 - run;
        }
    }
    if best_len < 2 {
        best_len = 0;
        best = w.len();
    }
    for (k, &x) in w.iter().enumerate() {
        if k == best && best_len > 0 {
            out.push_str("::");
        } else if k > best && k < best + best_len {
        } else {
            if k > 0 && k != best + best_len {
                out.push(':');
            }
            let _ = write!(out, "{x:x}");
        }
    }
}

/// Windows' text form of an IPv6 address (`RtlIpv6AddressToString`): RFC 5952 compression,
/// and a dotted IPv4 tail for IPv4-mapped (`::ffff:a.b.c.d`), IPv4-translated
/// (`::ffff:0:a.b.c.d`), IPv4-compatible (`::a.b.c.d`, not `::` or `::1`) and ISATAP
/// (`…:5efe:a.b.c.d`) addresses.
pub(crate) fn format_v6(b: &[u8; 16]) -> String {
    let w: [u16; 8] = core::array::from_fn(|k| u16::from_be_bytes([b[2 * k], b[2 * k + 1]]));
    let v4 = format!("{}.{}.{}.{}", b[12], b[13], b[14], b[15]);
    let zero = |r: core::ops::Range<usize>| w[r].iter().all(|&x| x == 0);
    if zero(0..5) && w[5] == 0xffff {
        return format!("::ffff:{v4}");
    }
    if zero(0..4) && w[4] == 0xffff && w[5] == 0 {
        return format!("::ffff:0:{v4}");
    }
    if zero(0..6) && w[6] != 0 {
        return format!("::{v4}");
    }
    let mut s = String::with_capacity(46);
    if w[5] == 0x5efe && (w[4] == 0 || w[4] == 0x0200) {
        fmt_groups(&mut s, &w[..6]);
        if !s.ends_with(':') {
            s.push(':');
        }
        s.push_str(&v4);
        return s;
    }
    fmt_groups(&mut s, &w);
    s
}

// ---------------------------------------------------------------------------------------------
// inet_addr / inet_ntoa
// ---------------------------------------------------------------------------------------------

/// `inet_addr`: the address in network order, or `INADDR_NONE`. NULL → `WSAEFAULT`; a bad
/// string leaves the last error alone.
///
/// # Safety
/// `s` is NULL or a NUL-terminated string.
pub unsafe fn inet_addr(s: *const c_char) -> u32 {
    // SAFETY: per the contract.
    let Some(s) = (unsafe { cstr(s) }) else {
        set_last_error(WSAEFAULT);
        return INADDR_NONE;
    };
    if s == b" " {
        return 0;
    }
    match parse_v4_lenient(s) {
        Some(p) if p.end == s.len() || matches!(s[p.end], b' ' | b'\t'..=b'\r') => u32::from_ne_bytes(p.octets),
        _ => INADDR_NONE,
    }
}

thread_local! {
    /// `inet_ntoa`'s per-thread result buffer (Windows keeps one per thread).
    static NTOA: UnsafeCell<[u8; 16]> = const { UnsafeCell::new([0; 16]) };
}

/// `inet_ntoa`: dotted text in a per-thread 16-byte buffer, valid until the thread's next call.
pub fn inet_ntoa(a: IN_ADDR) -> *mut c_char {
    let o = a.octets();
    let text = format!("{}.{}.{}.{}", o[0], o[1], o[2], o[3]);
    NTOA.with(|b| {
        let p = b.get();
        let dst = p.cast::<u8>();
        // SAFETY: the 16-byte buffer belongs to this thread and no reference to it is live;
        // the text is at most 15 bytes, leaving room for the NUL.
        unsafe {
            std::ptr::copy_nonoverlapping(text.as_ptr(), dst, text.len());
            *dst.add(text.len()) = 0;
        }
        dst.cast::<c_char>()
    })
}

// ---------------------------------------------------------------------------------------------
// inet_pton / InetPtonW
// ---------------------------------------------------------------------------------------------

/// Shared body of `inet_pton`/`InetPtonW`: 1, 0 (not an address), or `Err` for -1.
///
/// # Safety
/// `out` is NULL or writable for 4 (`AF_INET`) / 16 (`AF_INET6`) bytes.
unsafe fn pton(family: i32, s: Option<Vec<u8>>, out: *mut c_void) -> Result<i32, WsaError> {
    let (Some(s), false) = (s, out.is_null()) else { return Err(WsaError(WSAEFAULT)) };
    match family {
        AF_INET => match parse_v4_strict(&s) {
            None => Ok(0),
            Some(p) => {
                // SAFETY: 4 writable bytes per the contract.
                unsafe { std::ptr::copy_nonoverlapping(p.octets.as_ptr(), out.cast::<u8>(), 4) };
                Ok(i32::from(p.end == s.len()))
            }
        },
        AF_INET6 => match parse_v6(&s) {
            None => Ok(0),
            Some(b) => {
                // SAFETY: 16 writable bytes per the contract.
                unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), out.cast::<u8>(), 16) };
                Ok(1)
            }
        },
        _ => Err(WsaError(WSAEAFNOSUPPORT)),
    }
}

/// `inet_pton`: 1 on success, 0 for a string that is not an address (last error untouched),
/// -1 with `WSAEFAULT` (NULL) or `WSAEAFNOSUPPORT` (family).
///
/// # Safety
/// `s` is NULL or NUL-terminated; `out` is NULL or large enough for the family's address.
pub unsafe fn inet_pton(family: i32, s: *const c_char, out: *mut c_void) -> i32 {
    // SAFETY: per the contract.
    match unsafe { pton(family, cstr(s).map(<[u8]>::to_vec), out) } {
        Ok(r) => r,
        Err(e) => {
            set_last_error(e.0);
            -1
        }
    }
}

/// `InetPtonW`: as `inet_pton`, but a 0 result also sets `WSAEINVAL` (as Windows does).
///
/// # Safety
/// As [`inet_pton`], with a UTF-16 string.
pub unsafe fn inet_pton_w(family: i32, s: *const u16, out: *mut c_void) -> i32 {
    // SAFETY: per the contract.
    match unsafe { pton(family, wstr(s).map(utf16_to_ascii), out) } {
        Ok(0) => {
            set_last_error(WSAEINVAL);
            0
        }
        Ok(r) => r,
        Err(e) => {
            set_last_error(e.0);
            -1
        }
    }
}

// ---------------------------------------------------------------------------------------------
// inet_ntop / InetNtopW
// ---------------------------------------------------------------------------------------------

/// The text of an `IN_ADDR`/`IN6_ADDR` for `inet_ntop`.
///
/// # Safety
/// `addr` is NULL or readable for the family's address size.
unsafe fn ntop_text(family: i32, addr: *const c_void) -> Result<String, WsaError> {
    if family != AF_INET && family != AF_INET6 {
        return Err(WsaError(WSAEAFNOSUPPORT));
    }
    if addr.is_null() {
        return Err(WsaError(WSAEFAULT));
    }
    let p = addr.cast::<u8>();
    if family == AF_INET {
        let mut o = [0u8; 4];
        // SAFETY: 4 readable bytes per the contract.
        unsafe { std::ptr::copy_nonoverlapping(p, o.as_mut_ptr(), 4) };
        Ok(format!("{}.{}.{}.{}", o[0], o[1], o[2], o[3]))
    } else {
        let mut b = [0u8; 16];
        // SAFETY: 16 readable bytes per the contract.
        unsafe { std::ptr::copy_nonoverlapping(p, b.as_mut_ptr(), 16) };
        Ok(format_v6(&b))
    }
}

/// `inet_ntop`: writes the text and returns `buf`, or NULL with `WSAEAFNOSUPPORT` (family) or
/// `STATUS_INVALID_PARAMETER` (NULL buffer, or too small for text + NUL — what current Windows
/// stores; Windows 7 stored `WSAEINVAL`).
///
/// # Safety
/// `addr` readable for the address; `buf` NULL or writable for `size` bytes.
pub unsafe fn inet_ntop(family: i32, addr: *const c_void, buf: *mut c_char, size: usize) -> *const c_char {
    // SAFETY: per the contract.
    let text = match unsafe { ntop_text(family, addr) } {
        Ok(t) => t,
        Err(e) => {
            set_last_error(e.0);
            return std::ptr::null();
        }
    };
    if buf.is_null() || size <= text.len() {
        set_last_error(STATUS_INVALID_PARAMETER);
        return std::ptr::null();
    }
    // SAFETY: `size` > text length writable bytes.
    unsafe {
        std::ptr::copy_nonoverlapping(text.as_ptr(), buf.cast::<u8>(), text.len());
        *buf.add(text.len()) = 0;
    }
    buf
}

/// `InetNtopW`: as [`inet_ntop`], `size` in `WCHAR`s.
///
/// # Safety
/// As [`inet_ntop`], with a UTF-16 buffer of `size` units.
pub unsafe fn inet_ntop_w(family: i32, addr: *const c_void, buf: *mut u16, size: usize) -> *const u16 {
    // SAFETY: per the contract.
    let text = match unsafe { ntop_text(family, addr) } {
        Ok(t) => t,
        Err(e) => {
            set_last_error(e.0);
            return std::ptr::null();
        }
    };
    if buf.is_null() || size <= text.len() {
        set_last_error(STATUS_INVALID_PARAMETER);
        return std::ptr::null();
    }
    // SAFETY: `size` > text length writable units; the text is ASCII.
    unsafe {
        for (k, c) in text.bytes().enumerate() {
            *buf.add(k) = u16::from(c);
        }
        *buf.add(text.len()) = 0;
    }
    buf
}

// ---------------------------------------------------------------------------------------------
// WSAStringToAddress
// ---------------------------------------------------------------------------------------------

/// A port after `:` in `WSAStringToAddress`: the whole rest, lenient number, 1–65535.
fn parse_port(s: &[u8]) -> Option<u16> {
    let (v, end) = lenient_number(s, 0)?;
    (end == s.len() && (1..=0xffff).contains(&v)).then_some(v as u16)
}

/// Windows bytes of a parsed address string: the structure to write (also on failure) and
/// whether parsing succeeded.
fn string_to_sockaddr(s: &[u8], family: i32) -> Result<(Vec<u8>, bool), WsaError> {
    match family {
        AF_INET => {
            let mut out = vec![0u8; 16];
            let Some(p) = parse_v4_lenient(s) else { return Ok((out, false)) };
            out[4..8].copy_from_slice(&p.octets);
            let port = match s.get(p.end) {
                None => Some(0),
                Some(b':') => parse_port(&s[p.end + 1..]),
                Some(_) => None,
            };
            let Some(port) = port else { return Ok((out, false)) };
            out[..2].copy_from_slice(&(AF_INET as u16).to_le_bytes());
            out[2..4].copy_from_slice(&port.to_be_bytes());
            Ok((out, true))
        }
        AF_INET6 => {
            let mut out = vec![0u8; 28];
            let (addr, port) = if let Some(inner) = s.strip_prefix(b"[") {
                let Some(close) = inner.iter().position(|&c| c == b']') else { return Ok((out, false)) };
                let port = match &inner[close + 1..] {
                    [] => Some(0),
                    [b':', rest @ ..] => parse_port(rest),
                    _ => None,
                };
                (&inner[..close], port)
            } else {
                (s, Some(0))
            };
            let (addr, scope) = match addr.iter().position(|&c| c == b'%') {
                Some(k) => {
                    let d = &addr[k + 1..];
                    let ok = !d.is_empty() && d.len() <= 10 && d.iter().all(u8::is_ascii_digit);
                    let v = d.iter().fold(0u64, |a, &c| a * 10 + u64::from(c - b'0'));
                    (&addr[..k], if ok { u32::try_from(v).ok() } else { None })
                }
                None => (addr, Some(0)),
            };
            let (Some(port), Some(scope), Some(b)) = (port, scope, parse_v6(addr)) else { return Ok((out, false)) };
            out[..2].copy_from_slice(&(AF_INET6 as u16).to_le_bytes());
            out[2..4].copy_from_slice(&port.to_be_bytes());
            out[8..24].copy_from_slice(&b);
            out[24..28].copy_from_slice(&scope.to_le_bytes());
            Ok((out, true))
        }
        _ => Err(WsaError(WSAEINVAL)),
    }
}

/// Shared body of `WSAStringToAddressA/W`.
///
/// # Safety
/// `addr` writable for `*len` bytes; `len` NULL or valid.
unsafe fn string_to_address(s: Option<Vec<u8>>, family: i32, addr: *mut SOCKADDR, len: *mut i32) -> i32 {
    let r = (|| {
        startup::ensure()?;
        if len.is_null() {
            return Err(WsaError(WSAEFAULT));
        }
        let s = s.ok_or(WsaError(WSAEINVAL))?;
        let need = match family {
            AF_INET => 16,
            AF_INET6 => 28,
            _ => return Err(WsaError(WSAEINVAL)),
        };
        // SAFETY: `len` is non-NULL and valid per the contract.
        if addr.is_null() || unsafe { *len } < need {
            // SAFETY: as above.
            unsafe { *len = need };
            return Err(WsaError(WSAEFAULT));
        }
        let (bytes, ok) = string_to_sockaddr(&s, family)?;
        // SAFETY: `*len` ≥ the structure size, writable per the contract.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), addr.cast::<u8>(), bytes.len()) };
        if !ok {
            return Err(WsaError(WSAEINVAL));
        }
        // SAFETY: as above.
        unsafe { *len = need };
        Ok(())
    })();
    crate::api::status(r)
}

/// `WSAStringToAddressA` (the protocol info is ignored, as in Wine).
///
/// # Safety
/// `s` NUL-terminated or NULL; `addr`/`len` as Windows documents.
pub unsafe fn wsa_string_to_address_a(
    s: *mut c_char,
    family: i32,
    _info: *mut translate::WSAPROTOCOL_INFOA,
    addr: *mut SOCKADDR,
    len: *mut i32,
) -> i32 {
    // SAFETY: per the contract.
    unsafe { string_to_address(cstr(s).map(<[u8]>::to_vec), family, addr, len) }
}

/// `WSAStringToAddressW`.
///
/// # Safety
/// As [`wsa_string_to_address_a`], with a UTF-16 string.
pub unsafe fn wsa_string_to_address_w(
    s: *mut u16,
    family: i32,
    _info: *mut translate::WSAPROTOCOL_INFOW,
    addr: *mut SOCKADDR,
    len: *mut i32,
) -> i32 {
    // SAFETY: per the contract.
    unsafe { string_to_address(wstr(s).map(utf16_to_ascii), family, addr, len) }
}

// ---------------------------------------------------------------------------------------------
// WSAAddressToString
// ---------------------------------------------------------------------------------------------

/// The text of a Windows `SOCKADDR_IN`/`SOCKADDR_IN6`: `a.b.c.d[:port]`,
/// `addr[%scope]` or `[addr[%scope]]:port`.
pub(crate) fn sockaddr_text(b: &[u8]) -> Result<String, WsaError> {
    if b.len() < 2 {
        return Err(WsaError(WSAEFAULT));
    }
    let family = i32::from(u16::from_le_bytes([b[0], b[1]]));
    match family {
        AF_INET if b.len() >= 16 => {
            let port = u16::from_be_bytes([b[2], b[3]]);
            let mut s = format!("{}.{}.{}.{}", b[4], b[5], b[6], b[7]);
            if port != 0 {
                let _ = write!(s, ":{port}");
            }
            Ok(s)
        }
        AF_INET6 if b.len() >= 28 => {
            let port = u16::from_be_bytes([b[2], b[3]]);
            let mut a = [0u8; 16];
            a.copy_from_slice(&b[8..24]);
            let scope = u32::from_le_bytes([b[24], b[25], b[26], b[27]]);
            let mut s = format_v6(&a);
            if scope != 0 {
                let _ = write!(s, "%{scope}");
            }
            if port != 0 {
                s = format!("[{s}]:{port}");
            }
            Ok(s)
        }
        AF_INET | AF_INET6 => Err(WsaError(WSAEFAULT)),
        _ => Err(WsaError(WSAEINVAL)),
    }
}

/// Shared body of `WSAAddressToStringA/W`; `put` writes the text + NUL (in units).
///
/// # Safety
/// `addr` readable for `addrlen` bytes; `outlen` NULL or valid.
unsafe fn address_to_string(
    addr: *const SOCKADDR,
    addrlen: u32,
    outlen: *mut u32,
    out_is_null: bool,
    put: impl FnOnce(&str),
) -> i32 {
    let r = (|| {
        startup::ensure()?;
        if addr.is_null() || outlen.is_null() {
            return Err(WsaError(WSAEFAULT));
        }
        // SAFETY: `addrlen` readable bytes per the contract (capped to a sockaddr storage).
        let b = unsafe { std::slice::from_raw_parts(addr.cast::<u8>(), (addrlen as usize).min(128)) };
        let text = sockaddr_text(b)?;
        let need = text.len() as u32 + 1;
        // SAFETY: `outlen` valid per the contract.
        unsafe {
            if out_is_null || *outlen < need {
                *outlen = need;
                return Err(WsaError(WSAEFAULT));
            }
            *outlen = need;
        }
        put(&text);
        Ok(())
    })();
    crate::api::status(r)
}

/// `WSAAddressToStringA`: text of an address; too small or NULL output → `WSAEFAULT` with the
/// required length (including the NUL) in `*outlen`.
///
/// # Safety
/// As Windows documents.
pub unsafe fn wsa_address_to_string_a(
    addr: *mut SOCKADDR,
    addrlen: u32,
    _info: *mut translate::WSAPROTOCOL_INFOA,
    out: *mut c_char,
    outlen: *mut u32,
) -> i32 {
    // SAFETY: per the contract; `put` runs only when `*outlen` covers the text + NUL.
    unsafe {
        address_to_string(addr, addrlen, outlen, out.is_null(), |t| {
            std::ptr::copy_nonoverlapping(t.as_ptr(), out.cast::<u8>(), t.len());
            *out.add(t.len()) = 0;
        })
    }
}

/// `WSAAddressToStringW` (lengths in `WCHAR`s).
///
/// # Safety
/// As Windows documents.
pub unsafe fn wsa_address_to_string_w(
    addr: *mut SOCKADDR,
    addrlen: u32,
    _info: *mut translate::WSAPROTOCOL_INFOW,
    out: *mut u16,
    outlen: *mut u32,
) -> i32 {
    // SAFETY: per the contract; `put` runs only when `*outlen` covers the text + NUL.
    unsafe {
        address_to_string(addr, addrlen, outlen, out.is_null(), |t| {
            for (k, c) in t.bytes().enumerate() {
                *out.add(k) = u16::from(c);
            }
            *out.add(t.len()) = 0;
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v6_formatting() {
        let f = |s: &str| format_v6(&s.parse::<std::net::Ipv6Addr>().unwrap().octets());
        assert_eq!(f("::1"), "::1");
        assert_eq!(f("::"), "::");
        assert_eq!(f("::fffe:cc98:bd74"), "::fffe:cc98:bd74");
        assert_eq!(f("2030:a4b1::"), "2030:a4b1::");
        assert_eq!(f("::204.152.189.116"), "::204.152.189.116");
        assert_eq!(f("::ffff:1.2.3.4"), "::ffff:1.2.3.4");
        assert_eq!(f("1:0:2:3:4:5:6:7"), "1:0:2:3:4:5:6:7");
        assert_eq!(f("1:0:0:2:0:0:0:3"), "1:0:0:2::3");
        assert_eq!(f("fe80::5efe:10.0.0.1"), "fe80::5efe:10.0.0.1");
    }
}
