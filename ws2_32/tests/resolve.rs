//! Names and addresses, checked against the answers Windows gives in Wine's conformance tests
//! (`dlls/ws2_32/tests/protocol.c`), re-expressed here. Loopback and `/etc/hosts` only: nothing
//! needs DNS or a network.

use std::ffi::{CStr, CString};
use std::ptr::{null, null_mut};

use translate::*;
use ws2_32::native::*;

mod util;
use util::startup;

fn c(s: &str) -> CString {
    CString::new(s).unwrap()
}

fn w(s: &str) -> Vec<u16> {
    s.encode_utf16().chain([0]).collect()
}

fn from_w(p: *const u16) -> String {
    let mut n = 0;
    // SAFETY: NUL-terminated UTF-16 produced by the library.
    while unsafe { *p.add(n) } != 0 {
        n += 1;
    }
    // SAFETY: `n` units precede the NUL.
    String::from_utf16(unsafe { std::slice::from_raw_parts(p, n) }).unwrap()
}

/// The IPv6 word tables of Wine's tests are `unsigned short`s read on a little-endian machine.
fn words_to_bytes(w: [u16; 8]) -> [u8; 16] {
    let mut b = [0u8; 16];
    for (k, x) in w.iter().enumerate() {
        b[2 * k..2 * k + 2].copy_from_slice(&x.to_le_bytes());
    }
    b
}

// ---------------------------------------------------------------------------------------------
// inet_addr / inet_ntoa
// ---------------------------------------------------------------------------------------------

#[test]
fn inet_addr_follows_windows_grammar() {
    let tests: &[(&[u8], u32)] = &[
        (b"1.2.3.4", 0x04030201),
        (b"1 2 3 4", 0x01000000),
        (b"1.2.3. 4", 0xffffffff),
        (b"1.2.3 .4", 0x03000201),
        (b"1.2.3 \xfe\xff", 0x03000201),
        (b"3.4.5.6.7", 0xffffffff),
        (b"3.4.5.6. 7", 0xffffffff),
        (b"3.4.5.6  7", 0x06050403),
        (b" 3.4.5.6", 0xffffffff),
        (b"\t3.4.5.6", 0xffffffff),
        (b"3.4.5.6 ", 0x06050403),
        (b"3.4.5.6  ", 0x06050403),
        (b"3. 4.5.6", 0xffffffff),
        (b"3 .4.5.6", 0x03000000),
        (b"1.2.3", 0x03000201),
        (b".1.2.3", 0xffffffff),
        (b"0.0.0.0", 0x00000000),
        (b"", 0xffffffff),
        (b" 0", 0xffffffff),
        (b"0xa1a2b3b4 ", 0xb4b3a2a1),
        (b".", 0xffffffff),
        (b" ", 0x00000000),
        (b"\t", 0xffffffff),
        (b"  ", 0xffffffff),
        (b"127.127.127.255", 0xff7f7f7f),
        (b"127.127.127.255:123", 0xffffffff),
        (b"127.127.127.256", 0xffffffff),
        (b"a", 0xffffffff),
        (b"1.2.3.0xaA", 0xaa030201),
        (b"1.1.1.0x", 0xffffffff),
        (b"1.2.3.010", 0x08030201),
        (b"1.2.3.00", 0x00030201),
        (b"1.2.3.0a", 0xffffffff),
        (b"1.1.1.0o10", 0xffffffff),
        (b"1.1.1.0b10", 0xffffffff),
        (b"1.1.1.-2", 0xffffffff),
        (b"1", 0x01000000),
        (b"1.2", 0x02000001),
        (b"203569230", 0x4e38220c),
        (b"[0.1.2.3]", 0xffffffff),
        (b"0x00010203", 0x03020100),
        (b"0x2134", 0x34210000),
        (b"1234BEEF", 0xffffffff),
        (b"017700000001", 0x0100007f),
        (b"0777", 0xff010000),
        (b"2607:f0d0:1002:51::4", 0xffffffff),
        (b"::177.32.45.20", 0xffffffff),
        (b"::1/128", 0xffffffff),
        (b"::1", 0xffffffff),
        (b":1", 0xffffffff),
    ];
    // SAFETY: NUL-terminated strings throughout.
    unsafe {
        WSASetLastError(0xdead);
        assert_eq!(inet_addr(null()), INADDR_NONE);
        assert_eq!(WSAGetLastError(), WSAEFAULT);
        for &(input, want) in tests {
            WSASetLastError(0xdead);
            let s = CString::new(input).unwrap();
            assert_eq!(inet_addr(s.as_ptr()), want, "{:?}", String::from_utf8_lossy(input));
            assert_eq!(WSAGetLastError(), 0xdead, "last error touched for {input:?}");
        }
        for i in 1u8..=255 {
            if i.is_ascii_digit() {
                continue;
            }
            let s = CString::new([b'1', b'.', b'2', b'.', b'3', i]).unwrap();
            let want = if matches!(i, b' ' | b'\t'..=b'\r') { 0x03000201 } else { INADDR_NONE };
            assert_eq!(inet_addr(s.as_ptr()), want, "trailing byte {i}");
        }
    }
}

#[test]
fn inet_ntoa_buffer_is_per_thread() {
    // SAFETY: NUL-terminated strings; the returned pointers stay valid on their threads.
    unsafe {
        let a = inet_addr(c("1.2.3.4").as_ptr());
        assert_eq!(a, u32::from_be(0x01020304));
        let p = inet_ntoa(IN_ADDR::from_octets(a.to_ne_bytes()));
        assert_eq!(CStr::from_ptr(p).to_str().unwrap(), "1.2.3.4");
        std::thread::spawn(|| {
            let a = inet_addr(c("4.3.2.1").as_ptr());
            let q = inet_ntoa(IN_ADDR::from_octets(a.to_ne_bytes()));
            assert_eq!(CStr::from_ptr(q).to_str().unwrap(), "4.3.2.1");
        })
        .join()
        .unwrap();
        assert_eq!(CStr::from_ptr(p).to_str().unwrap(), "1.2.3.4");
        let p = inet_ntoa(IN_ADDR::from_octets([21, 16, 32, 32]));
        assert_eq!(CStr::from_ptr(p).to_str().unwrap(), "21.16.32.32");
        let p = inet_ntoa(IN_ADDR::from_octets([255, 255, 255, 255]));
        assert_eq!(CStr::from_ptr(p).to_str().unwrap(), "255.255.255.255");
    }
}

// ---------------------------------------------------------------------------------------------
// inet_pton / InetPtonW
// ---------------------------------------------------------------------------------------------

#[test]
fn inet_pton_ipv4_is_strict() {
    let tests: &[(&str, i32, u32)] = &[
        ("", 0, 0xdeadbeef),
        (" ", 0, 0xdeadbeef),
        ("1.1.1.1", 1, 0x01010101),
        ("0.0.0.0", 1, 0x00000000),
        ("127.127.127.255", 1, 0xff7f7f7f),
        ("127.127.127.255:123", 0, 0xff7f7f7f),
        ("127.127.127.256", 0, 0xdeadbeef),
        ("a", 0, 0xdeadbeef),
        ("1.1.1.0xaA", 0, 0xdeadbeef),
        ("1.1.1.0x", 0, 0xdeadbeef),
        ("1.1.1.010", 0, 0xdeadbeef),
        ("1.1.1.00", 0, 0xdeadbeef),
        ("1.1.1.0a", 0, 0x00010101),
        ("1.1.1.0o10", 0, 0x00010101),
        ("1.1.1.0b10", 0, 0x00010101),
        ("1.1.1.-2", 0, 0xdeadbeef),
        ("1", 0, 0xdeadbeef),
        ("1.2", 0, 0xdeadbeef),
        ("1.2.3", 0, 0xdeadbeef),
        ("203569230", 0, 0xdeadbeef),
        ("3.4.5.6.7", 0, 0xdeadbeef),
        (" 3.4.5.6", 0, 0xdeadbeef),
        ("\t3.4.5.6", 0, 0xdeadbeef),
        ("3.4.5.6 ", 0, 0x06050403),
        ("3. 4.5.6", 0, 0xdeadbeef),
        ("[0.1.2.3]", 0, 0xdeadbeef),
        ("0x00010203", 0, 0xdeadbeef),
        ("0x2134", 0, 0xdeadbeef),
        ("1234BEEF", 0, 0xdeadbeef),
        ("017700000001", 0, 0xdeadbeef),
        ("0777", 0, 0xdeadbeef),
        ("2607:f0d0:1002:51::4", 0, 0xdeadbeef),
        ("::177.32.45.20", 0, 0xdeadbeef),
        ("::1/128", 0, 0xdeadbeef),
        ("::1", 0, 0xdeadbeef),
        (":1", 0, 0xdeadbeef),
    ];
    // SAFETY: NUL-terminated strings, 4-byte outputs.
    unsafe {
        let mut buf = [0u8; 32];
        for (f, s) in [(AF_UNSPEC, null()), (AF_INET, null())] {
            WSASetLastError(0xdead);
            assert_eq!(inet_pton(f, s, buf.as_mut_ptr().cast()), -1);
            assert_eq!(WSAGetLastError(), WSAEFAULT);
            assert_eq!(InetPtonW(f, null(), buf.as_mut_ptr().cast()), -1);
            assert_eq!(WSAGetLastError(), WSAEFAULT);
        }
        for s in ["127.0.0.1", "2607:f0d0:1002:51::4"] {
            WSASetLastError(0xdead);
            assert_eq!(inet_pton(AF_UNSPEC, c(s).as_ptr(), buf.as_mut_ptr().cast()), -1);
            assert_eq!(WSAGetLastError(), WSAEAFNOSUPPORT);
        }
        for &(input, ret, addr) in tests {
            let mut out: u32 = 0xdeadbeef;
            WSASetLastError(0xdead);
            assert_eq!(inet_pton(AF_INET, c(input).as_ptr(), (&raw mut out).cast()), ret, "{input:?}");
            assert_eq!(WSAGetLastError(), 0xdead, "{input:?}");
            assert_eq!(out, addr, "{input:?}");

            let mut out: u32 = 0xdeadbeef;
            WSASetLastError(0xdead);
            assert_eq!(InetPtonW(AF_INET, w(input).as_ptr(), (&raw mut out).cast()), ret, "W {input:?}");
            assert_eq!(WSAGetLastError(), if ret != 0 { 0xdead } else { WSAEINVAL }, "W {input:?}");
            assert_eq!(out, addr, "W {input:?}");
        }
    }
}

#[test]
fn inet_pton_ipv6_grammar() {
    let valid: &[(&str, [u16; 8])] = &[
        ("0000:0000:0000:0000:0000:0000:0000:0000", [0; 8]),
        ("0000:0000:0000:0000:0000:0000:0000:0001", [0, 0, 0, 0, 0, 0, 0, 0x100]),
        ("0:0:0:0:0:0:0:0", [0; 8]),
        ("0:0:0:0:0:0:0::", [0; 8]),
        ("0:0:0:0:0:0:13.1.68.3", [0, 0, 0, 0, 0, 0, 0x10d, 0x344]),
        ("0:0:0:0:0::", [0; 8]),
        ("0:0:0:0:0:FFFF:129.144.52.38", [0, 0, 0, 0, 0, 0xffff, 0x9081, 0x2634]),
        ("0::", [0; 8]),
        ("1080:0:0:0:8:800:200c:417a", [0x8010, 0, 0, 0, 0x800, 0x8, 0x0c20, 0x7a41]),
        ("0:a:b:c:d:e:f::", [0, 0xa00, 0xb00, 0xc00, 0xd00, 0xe00, 0xf00, 0]),
        (
            "1111:2222:3333:4444:5555:6666:123.123.123.123",
            [0x1111, 0x2222, 0x3333, 0x4444, 0x5555, 0x6666, 0x7b7b, 0x7b7b],
        ),
        ("1111:2222:3333:4444:5555:6666:7777::", [0x1111, 0x2222, 0x3333, 0x4444, 0x5555, 0x6666, 0x7777, 0]),
        ("1111:2222:3333:4444:5555:6666::8888", [0x1111, 0x2222, 0x3333, 0x4444, 0x5555, 0x6666, 0, 0x8888]),
        ("1111:2222:3333:4444:5555::123.123.123.123", [0x1111, 0x2222, 0x3333, 0x4444, 0x5555, 0, 0x7b7b, 0x7b7b]),
        ("1111::", [0x1111, 0, 0, 0, 0, 0, 0, 0]),
        ("1111::3333:4444:5555:6666:7777:8888", [0x1111, 0, 0x3333, 0x4444, 0x5555, 0x6666, 0x7777, 0x8888]),
        ("1111::6666:123.123.123.123", [0x1111, 0, 0, 0, 0, 0x6666, 0x7b7b, 0x7b7b]),
        ("1:2:3:4:5:6:1.2.3.4", [0x100, 0x200, 0x300, 0x400, 0x500, 0x600, 0x201, 0x403]),
        ("2001:0db8:1234:ffff:ffff:ffff:ffff:ffff", [0x120, 0xb80d, 0x3412, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff]),
        ("2001::CE49:7601:2CAD:DFFF:7C94:FFFE", [0x120, 0, 0x49ce, 0x176, 0xad2c, 0xffdf, 0x947c, 0xfeff]),
        ("::", [0; 8]),
        ("::0:0:0:0:0:0", [0; 8]),
        ("::123.123.123.123", [0, 0, 0, 0, 0, 0, 0x7b7b, 0x7b7b]),
        ("1::001.2.3.4", [0x100, 0, 0, 0, 0, 0, 0x201, 0x403]),
        ("1::1.002.3.4", [0x100, 0, 0, 0, 0, 0, 0x201, 0x403]),
        ("1::1.2.3.4", [0x100, 0, 0, 0, 0, 0, 0x201, 0x403]),
        ("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", [0xffff; 8]),
    ];
    let invalid = [
        "1111:2222:3333:4444:0x5555:6666:7777:8888",
        "1111:2222:3333:4444:5555:6666::7777:8888",
        "1111:2222:3333:4444:5555:6666:7777::8888",
        "1111:2222:3333:4444:5555::0x1.123.123.123",
        "1111:2222:3333:4444:5555::0x88",
        "1111:2222:3333:4444:5555::08888",
        "1111:2222:3333:4444:5555:6666:7777:fffff:",
        "::%16",
        "::/16",
        "::01234",
        "::0:0:0:0:0:0:0",
        "::0:a:b:c:d:e:f",
        "':10.0.0.1",
        "-1",
        "02001:0000:1234:0000:0000:C1C0:ABCD:0876",
        "2001:0::b.0",
        "1.2.3.4",
        "1.2.3.4::5555",
        "1111",
        "0x1111",
        "1111:2222:",
        "1111:2222:1.2.3.4",
        "1111:2222:3333",
        "1111:2222:3333:4444:5555:6666::1.2.3.4",
        "1111:2222:3333:4444:5555:6666:7777:1.2.3.4",
        "1111:2222:3333:4444:5555:6666:7777:8888:",
        "1111:2222:3333:4444:5555:6666:7777:8888:9999",
        "1111:2222:::",
        "1111::5555:",
        "1111::3333::5555:6666:1.2.3.4",
        "12345::6:7:8",
        "1::0001.2.3.4",
        "1::1.2.256.4",
        "1::1.2.3.4::1",
        "1::1.2",
        "1::1.2.3.",
        "1::1a.2.3.4",
        "1::2::3",
        "2001:0000:1234: 0000:0000:C1C0:ABCD:0876",
        "2001:0000:1234:0000:0000:C1C0:ABCD:0876  0",
        ":",
        ":1111::",
        "::.",
        "[::]",
    ];
    // SAFETY: NUL-terminated strings, 16-byte outputs.
    unsafe {
        for &(input, want) in valid {
            let mut out = [0xabu8; 16];
            assert_eq!(inet_pton(AF_INET6, c(input).as_ptr(), out.as_mut_ptr().cast()), 1, "{input}");
            assert_eq!(out, words_to_bytes(want), "{input}");
            let mut out = [0xabu8; 16];
            assert_eq!(InetPtonW(AF_INET6, w(input).as_ptr(), out.as_mut_ptr().cast()), 1, "W {input}");
            assert_eq!(out, words_to_bytes(want), "W {input}");
        }
        for input in invalid {
            let mut out = [0xabu8; 16];
            WSASetLastError(0xdead);
            assert_eq!(inet_pton(AF_INET6, c(input).as_ptr(), out.as_mut_ptr().cast()), 0, "{input}");
            assert_eq!(WSAGetLastError(), 0xdead);
            assert_eq!(InetPtonW(AF_INET6, w(input).as_ptr(), out.as_mut_ptr().cast()), 0, "W {input}");
            assert_eq!(WSAGetLastError(), WSAEINVAL);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// inet_ntop / InetNtopW
// ---------------------------------------------------------------------------------------------

#[test]
fn inet_ntop_formats_like_windows() {
    // SAFETY: address buffers of the right sizes, output buffers of the stated sizes.
    unsafe {
        let v4 = [21u8, 16, 32, 32];
        let mut dst = [0 as core::ffi::c_char; 16];
        let p = inet_ntop(AF_INET, v4.as_ptr().cast(), dst.as_mut_ptr(), dst.len());
        assert_eq!(p, dst.as_ptr());
        assert_eq!(CStr::from_ptr(p).to_str().unwrap(), "21.16.32.32");
        assert!(inet_ntop(1, v4.as_ptr().cast(), dst.as_mut_ptr(), dst.len()).is_null());
        assert_eq!(WSAGetLastError(), WSAEAFNOSUPPORT);
        for (buf, size) in [(null_mut(), 16), (dst.as_mut_ptr(), 0), (dst.as_mut_ptr(), 6), (dst.as_mut_ptr(), 11)] {
            WSASetLastError(0);
            assert!(inet_ntop(AF_INET, v4.as_ptr().cast(), buf, size).is_null());
            assert_eq!(WSAGetLastError(), STATUS_INVALID_PARAMETER);
        }
        assert!(!inet_ntop(AF_INET, v4.as_ptr().cast(), dst.as_mut_ptr(), 12).is_null());

        let cases: &[([u8; 16], &str)] = &[
            ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xfe, 0xcc, 0x98, 0xbd, 0x74], "::fffe:cc98:bd74"),
            ([0x20, 0x30, 0xa4, 0xb1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "2030:a4b1::"),
            ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xcc, 0x98, 0xbd, 0x74], "::204.152.189.116"),
            ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4], "::ffff:1.2.3.4"),
            ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], "::1"),
            ([0; 16], "::"),
        ];
        let mut dst6 = [0 as core::ffi::c_char; 64];
        let mut dstw = [0u16; 64];
        for (a, text) in cases {
            let p = inet_ntop(AF_INET6, a.as_ptr().cast(), dst6.as_mut_ptr(), dst6.len());
            assert_eq!(CStr::from_ptr(p).to_str().unwrap(), *text);
            let p = InetNtopW(AF_INET6, a.as_ptr().cast(), dstw.as_mut_ptr(), dstw.len());
            assert_eq!(from_w(p), *text);
        }
        let a = cases[0].0;
        assert!(inet_ntop(AF_INET6, a.as_ptr().cast(), null_mut(), 64).is_null());
        assert!(inet_ntop(AF_INET6, a.as_ptr().cast(), dst6.as_mut_ptr(), 0).is_null());
        assert!(inet_ntop(AF_INET6, a.as_ptr().cast(), dst6.as_mut_ptr(), 16).is_null());
        assert_eq!(WSAGetLastError(), STATUS_INVALID_PARAMETER);
        assert!(!inet_ntop(AF_INET6, a.as_ptr().cast(), dst6.as_mut_ptr(), 18).is_null());
    }
}

// ---------------------------------------------------------------------------------------------
// WSAAddressToString / WSAStringToAddress
// ---------------------------------------------------------------------------------------------

fn sin(addr: u32, port: u16) -> SOCKADDR_IN {
    SOCKADDR_IN {
        sin_family: AF_INET as u16,
        sin_port: port,
        sin_addr: IN_ADDR::from_octets(addr.to_ne_bytes()),
        sin_zero: [0; 8],
    }
}

/// `WSAAddressToStringA` and `...W` of `sa` (`salen` bytes) into 64-unit buffers, both of which
/// must succeed: each text with the length reported.
unsafe fn address_strings<T>(sa: &T, salen: u32) -> [(String, u32); 2] {
    let sp = (sa as *const T).cast_mut().cast();
    let mut out = [0 as core::ffi::c_char; 64];
    let mut outw = [0u16; 64];
    let (mut len, mut lenw) = (64u32, 64u32);
    // SAFETY: `sa` holds `salen` bytes (the caller's promise); live buffers of the stated sizes.
    unsafe {
        assert_eq!(WSAAddressToStringA(sp, salen, null_mut(), out.as_mut_ptr(), &mut len), 0);
        assert_eq!(WSAAddressToStringW(sp, salen, null_mut(), outw.as_mut_ptr(), &mut lenw), 0);
        [(CStr::from_ptr(out.as_ptr()).to_str().unwrap().to_string(), len), (from_w(outw.as_ptr()), lenw)]
    }
}

/// `WSAStringToAddressW` (`wide`) or `...A` of `input` for `family` into `out`.
unsafe fn string_to_address(wide: bool, input: &str, family: i32, out: *mut SOCKADDR, len: &mut i32) -> i32 {
    // SAFETY: NUL-terminated strings; `out` holds `*len` bytes (the caller's promise).
    unsafe {
        if wide {
            WSAStringToAddressW(w(input).as_mut_ptr(), family, null_mut(), out, len)
        } else {
            WSAStringToAddressA(c(input).as_ptr().cast_mut(), family, null_mut(), out, len)
        }
    }
}

#[test]
fn address_to_string() {
    startup();
    // SAFETY: addresses and buffers are live locals of the stated sizes.
    unsafe {
        let sa = sin(0, 0);
        let mut out = [0 as core::ffi::c_char; 64];
        let mut len = 0u32;
        WSASetLastError(0xdead);
        assert_eq!(
            WSAAddressToStringA((&raw const sa).cast_mut().cast(), 16, null_mut(), out.as_mut_ptr(), &mut len),
            SOCKET_ERROR
        );
        assert_eq!((WSAGetLastError(), len), (WSAEFAULT, 8));
        len = 0;
        assert_eq!(
            WSAAddressToStringW((&raw const sa).cast_mut().cast(), 16, null_mut(), null_mut(), &mut len),
            SOCKET_ERROR
        );
        assert_eq!((WSAGetLastError(), len), (WSAEFAULT, 8));
        let mut outw = [0u16; 64];
        len = 64;
        assert_eq!(
            WSAAddressToStringW((&raw const sa).cast_mut().cast(), 16, null_mut(), outw.as_mut_ptr(), &mut len),
            0
        );
        assert_eq!((len, from_w(outw.as_ptr())), (8, "0.0.0.0".to_string()));

        for (addr, port, text) in [
            (0u32, 0u16, "0.0.0.0"),
            (0xffffffff, 0, "255.255.255.255"),
            (0, 0xffff, "0.0.0.0:65535"),
            (0xffffffff, 0xffff, "255.255.255.255:65535"),
        ] {
            for (got, len) in address_strings(&sin(addr, port), 16) {
                assert_eq!(got, text);
                assert_eq!(len as usize, text.len() + 1);
            }
        }

        for (words, scope, port, text) in [
            ([0, 0, 0, 0, 0, 0, 0, 0x100], 0, 0, "::1"),
            ([0xab20, 0, 0, 0, 0, 0, 0, 0x100], 0, 0, "20ab::1"),
            ([0xab20, 0, 0, 0, 0, 0, 0, 0x120], 0, 0xfa81, "[20ab::2001]:33274"),
            ([0xab20, 0, 0, 0, 0, 0, 0, 0x120], 0x1234, 0xfa81, "[20ab::2001%4660]:33274"),
            ([0xab20, 0, 0, 0, 0, 0, 0, 0x120], 0x1234, 0, "20ab::2001%4660"),
        ] {
            let sa6 = SOCKADDR_IN6 {
                sin6_family: AF_INET6 as u16,
                sin6_port: port,
                sin6_flowinfo: 0,
                sin6_addr: IN6_ADDR::from_octets(words_to_bytes(words)),
                sin6_scope_id: scope,
            };
            let [(a, len), (wide, _)] = address_strings(&sa6, 28);
            assert_eq!(a, text);
            assert_eq!(len as usize, text.len() + 1);
            assert_eq!(wide, text);
        }
        let mut bad = sin(0, 0);
        bad.sin_family = 99;
        len = 64;
        assert_eq!(
            WSAAddressToStringA((&raw mut bad).cast(), 16, null_mut(), out.as_mut_ptr(), &mut len),
            SOCKET_ERROR
        );
        assert_eq!(WSAGetLastError(), WSAEINVAL);
    }
}

#[test]
fn string_to_address_ipv4() {
    startup();
    let e = WSAEINVAL;
    let tests: &[(&str, u32, u16, i32)] = &[
        ("", 0, 0, e),
        (" ", 0, 0, e),
        ("1.1.1.1", 0x01010101, 0, 0),
        ("0.0.0.0", 0, 0, 0),
        ("127.127.127.127", 0x7f7f7f7f, 0, 0),
        ("127.127.127.127:", 0x7f7f7f7f, 0, e),
        ("127.127.127.127:0", 0x7f7f7f7f, 0, e),
        ("127.127.127.127:123", 0x7f7f7f7f, 123, 0),
        ("127.127.127.127:65535", 0x7f7f7f7f, 65535, 0),
        ("127.127.127.127:65537", 0x7f7f7f7f, 0, e),
        ("127.127.127.127::1", 0x7f7f7f7f, 0, e),
        ("127.127.127.127:0xAbCd", 0x7f7f7f7f, 43981, 0),
        ("127.127.127.127:0XaBcD", 0x7f7f7f7f, 43981, 0),
        ("127.127.127.127:0x", 0x7f7f7f7f, 0, e),
        ("127.127.127.127:0x10000", 0x7f7f7f7f, 0, e),
        ("127.127.127.127:010", 0x7f7f7f7f, 8, 0),
        ("127.127.127.127:007", 0x7f7f7f7f, 7, 0),
        ("127.127.127.127:08", 0x7f7f7f7f, 0, e),
        ("127.127.127.127:008", 0x7f7f7f7f, 0, e),
        ("127.127.127.127:0a", 0x7f7f7f7f, 0, e),
        ("127.127.127.127:0o10", 0x7f7f7f7f, 0, e),
        ("127.127.127.127:0b10", 0x7f7f7f7f, 0, e),
        ("255.255.255.255", 0xffffffff, 0, 0),
        ("255.255.255.255:123", 0xffffffff, 123, 0),
        ("255.255.255.255:65535", 0xffffffff, 65535, 0),
        ("255.255.255.256", 0, 0, e),
        ("a", 0, 0, e),
        ("1.1.1.0xaA", 0x010101aa, 0, 0),
        ("1.1.1.0XaA", 0x010101aa, 0, 0),
        ("1.1.1.0x", 0, 0, e),
        ("1.1.1.0xff", 0x010101ff, 0, 0),
        ("1.1.1.0x100", 0, 0, e),
        ("1.1.1.010", 0x01010108, 0, 0),
        ("1.1.1.00", 0x01010100, 0, 0),
        ("1.1.1.007", 0x01010107, 0, 0),
        ("1.1.1.08", 0, 0, e),
        ("1.1.1.008", 0x01010100, 0, e),
        ("1.1.1.0a", 0x01010100, 0, e),
        ("1.1.1.0o10", 0x01010100, 0, e),
        ("1.1.1.0b10", 0x01010100, 0, e),
        ("1.1.1.-2", 0, 0, e),
        ("1", 0x00000001, 0, 0),
        ("-1", 0, 0, e),
        ("1:1", 0x00000001, 1, 0),
        ("1.2", 0x01000002, 0, 0),
        ("1.2:1", 0x01000002, 1, 0),
        ("1000.2000", 0, 0, e),
        ("1.2.", 0, 0, e),
        ("1..2", 0, 0, e),
        ("1...2", 0, 0, e),
        ("1.2.3", 0x01020003, 0, 0),
        ("1.2.3.", 0, 0, e),
        ("1.2.3:1", 0x01020003, 1, 0),
        ("203569230", 0x0c22384e, 0, 0),
        ("203569230:123", 0x0c22384e, 123, 0),
        ("2001::1", 0x000007d1, 0, e),
        ("1.223756", 0x01036a0c, 0, 0),
        ("3.4.756", 0x030402f4, 0, 0),
        ("756.3.4", 0, 0, e),
        ("3.756.4", 0, 0, e),
        ("3.4.756.1", 0, 0, e),
        ("3.4.65536", 0, 0, e),
        ("3.4.5.6.7", 0, 0, e),
        ("3.4.5.+6", 0, 0, e),
        (" 3.4.5.6", 0, 0, e),
        ("\t3.4.5.6", 0, 0, e),
        ("3.4.5.6 ", 0x03040506, 0, e),
        ("3.4.5.6:7 ", 0x03040506, 0, e),
        ("3.4.5.6: 7", 0x03040506, 0, e),
        ("3. 4.5.6", 0, 0, e),
        (".", 0, 0, e),
        ("[0.1.2.3]", 0, 0, e),
        ("0x00010203", 0x00010203, 0, 0),
        ("0X00010203", 0x00010203, 0, 0),
        ("0x00010203:10", 0x00010203, 10, 0),
        ("0x1234", 0x00001234, 0, 0),
        ("0x123456789", 0x23456789, 0, 0),
        ("0x00010Q03", 0x00000010, 0, e),
        ("x00010203", 0, 0, e),
        ("1234BEEF", 0x000004d2, 0, e),
        ("017700000001", 0x7f000001, 0, 0),
        ("0777", 0x000001ff, 0, 0),
        ("0777:10", 0x000001ff, 10, 0),
        ("::1", 0, 0, e),
        (":1", 0, 0, e),
    ];
    // SAFETY: strings NUL-terminated; the output is a live SOCKADDR_IN with `len` ≥ its size.
    unsafe {
        let mut sa = SOCKADDR_IN::default();
        let mut len = 0;
        WSASetLastError(0);
        assert_eq!(
            WSAStringToAddressA(c("").as_ptr().cast_mut(), AF_INET, null_mut(), (&raw mut sa).cast(), &mut len),
            SOCKET_ERROR
        );
        assert_eq!(WSAGetLastError(), WSAEFAULT);
        assert!(len >= 16);
        for wide in [false, true] {
            for &(input, addr, port, error) in tests {
                let mut buf = [0xabu8; 16];
                let mut len = 26;
                WSASetLastError(0);
                let r = string_to_address(wide, input, AF_INET, buf.as_mut_ptr().cast(), &mut len);
                let ctx = format!("{input:?} wide={wide}");
                assert_eq!(r, if error != 0 { SOCKET_ERROR } else { 0 }, "{ctx}");
                assert_eq!(WSAGetLastError(), error, "{ctx}");
                let fam = u16::from_le_bytes([buf[0], buf[1]]);
                assert_eq!(fam, if error != 0 { 0 } else { AF_INET as u16 }, "{ctx}");
                assert_eq!(buf[4..8], addr.to_be_bytes(), "{ctx}");
                assert_eq!(buf[2..4], port.to_be_bytes(), "{ctx}");
                assert_eq!(len, if error != 0 { 26 } else { 16 }, "{ctx}");
            }
        }
    }
}

#[test]
fn string_to_address_ipv6() {
    startup();
    let tests: &[(&str, [u16; 8], u16, bool)] = &[
        ("::1", [0, 0, 0, 0, 0, 0, 0, 0x100], 0, true),
        ("[::1]", [0, 0, 0, 0, 0, 0, 0, 0x100], 0, true),
        ("[::1]:65535", [0, 0, 0, 0, 0, 0, 0, 0x100], 0xffff, true),
        ("2001::1", [0x120, 0, 0, 0, 0, 0, 0, 0x100], 0, true),
        ("::1]:65535", [0; 8], 0, false),
        ("001::1", [0x100, 0, 0, 0, 0, 0, 0, 0x100], 0, true),
        ("::1:2:3:4:5:6:7", [0; 8], 0, false),
        ("1.2.3.4", [0; 8], 0, false),
        ("1:2:3:", [0; 8], 0, false),
        ("", [0; 8], 0, false),
    ];
    // SAFETY: strings NUL-terminated; the output is a live SOCKADDR_IN6 with `len` ≥ its size.
    unsafe {
        for wide in [false, true] {
            for &(input, words, port, ok) in tests {
                let mut sa = SOCKADDR_IN6::default();
                let mut len = 38;
                WSASetLastError(0);
                let r = string_to_address(wide, input, AF_INET6, (&raw mut sa).cast(), &mut len);
                let ctx = format!("{input:?} wide={wide}");
                assert_eq!(r, if ok { 0 } else { SOCKET_ERROR }, "{ctx}");
                assert_eq!(WSAGetLastError(), if ok { 0 } else { WSAEINVAL }, "{ctx}");
                assert_eq!(sa.sin6_family, if ok { AF_INET6 as u16 } else { 0 }, "{ctx}");
                assert_eq!(len, if ok { 28 } else { 38 }, "{ctx}");
                if ok {
                    assert_eq!(sa.sin6_addr.octets(), words_to_bytes(words), "{ctx}");
                    assert_eq!(sa.sin6_port, port, "{ctx}");
                    assert_eq!((sa.sin6_scope_id, sa.sin6_flowinfo), (0, 0), "{ctx}");
                }
            }
        }
        let mut sa = SOCKADDR_IN6::default();
        let mut len = 28;
        assert_eq!(string_to_address(false, "fe80::1%7", AF_INET6, (&raw mut sa).cast(), &mut len), 0);
        assert_eq!(sa.sin6_scope_id, 7);
    }
}

// ---------------------------------------------------------------------------------------------
// getaddrinfo family
// ---------------------------------------------------------------------------------------------

/// The list as (family, socktype, protocol, address bytes).
unsafe fn entries(mut p: *const ADDRINFOA) -> Vec<(i32, i32, i32, Vec<u8>)> {
    let mut v = Vec::new();
    while !p.is_null() {
        // SAFETY: nodes of a list returned by getaddrinfo.
        let ai = unsafe { &*p };
        assert_eq!(ai.ai_addrlen, if ai.ai_family == AF_INET6 { 28 } else { 16 });
        // SAFETY: `ai_addr` holds `ai_addrlen` bytes.
        let b = unsafe { std::slice::from_raw_parts(ai.ai_addr.cast::<u8>(), ai.ai_addrlen) }.to_vec();
        assert_eq!(i32::from(u16::from_le_bytes([b[0], b[1]])), ai.ai_family);
        v.push((ai.ai_family, ai.ai_socktype, ai.ai_protocol, b));
        p = ai.ai_next;
    }
    v
}

/// `GetAddrInfoExW` in `NS_DNS` with no service, hints, timeout or handle; `node` None is NULL.
unsafe fn gai_ex_w(
    node: Option<&str>,
    res: &mut *mut ADDRINFOEXW,
    ov: *mut OVERLAPPED,
    routine: *mut core::ffi::c_void,
) -> i32 {
    let n = node.map(w);
    // SAFETY: a NUL-terminated string or NULL, a writable result; `ov` and `routine` are the
    // caller's (NULL, or live until completion).
    unsafe {
        GetAddrInfoExW(
            n.as_ref().map_or(null(), |v| v.as_ptr()),
            null(),
            NS_DNS,
            null_mut(),
            null(),
            res,
            null_mut(),
            ov,
            routine,
            null_mut(),
        )
    }
}

unsafe fn gai(node: Option<&str>, service: Option<&str>, hints: Option<&ADDRINFOA>) -> (i32, *mut ADDRINFOA) {
    let n = node.map(c);
    let s = service.map(c);
    let mut res = 0xdead as *mut ADDRINFOA;
    // SAFETY: NUL-terminated strings or NULL, valid hints or NULL, writable result.
    let r = unsafe {
        WSASetLastError(0xdead);
        getaddrinfo(
            n.as_ref().map_or(null(), |c| c.as_ptr()),
            s.as_ref().map_or(null(), |c| c.as_ptr()),
            hints.map_or(null(), |h| h as *const ADDRINFOA),
            &mut res,
        )
    };
    // SAFETY: no arguments.
    assert_eq!(unsafe { WSAGetLastError() }, r, "last error mirrors the result");
    if r != 0 {
        assert!(res.is_null());
    }
    (r, res)
}

#[test]
fn getaddrinfo_basics() {
    startup();
    // SAFETY: lists are freed once, strings are NUL-terminated.
    unsafe {
        assert_eq!(gai(None, None, None).0, WSAHOST_NOT_FOUND);
        for (n, s) in [
            (Some(""), None),
            (None, Some("0")),
            (Some(""), Some("0")),
            (Some("localhost"), None),
            (Some("localhost"), Some("")),
            (Some("localhost"), Some("80")),
        ] {
            let (r, res) = gai(n, s, None);
            assert_eq!(r, 0, "{n:?} {s:?}");
            assert!(!res.is_null());
            freeaddrinfo(res);
        }
        // NULL node with "0" and with "" give the same list.
        let (_, a) = gai(None, Some("0"), None);
        let (_, b) = gai(None, Some(""), None);
        assert_eq!(entries(a), entries(b));
        freeaddrinfo(a);
        freeaddrinfo(b);
        freeaddrinfo(null_mut());

        // localhost is loopback, with the port, one entry per address, socktype/protocol 0.
        let (_, res) = gai(Some("localhost"), Some("80"), None);
        let list = entries(res);
        assert!(!list.is_empty());
        for (fam, st, pr, b) in &list {
            assert_eq!((*st, *pr), (0, 0));
            assert_eq!(b[2..4], 80u16.to_be_bytes());
            match *fam {
                AF_INET => assert_eq!(b[4], 127),
                AF_INET6 => assert_eq!(b[8..24], std::net::Ipv6Addr::LOCALHOST.octets()),
                f => panic!("family {f}"),
            }
        }
        let mut dedup = list.clone();
        dedup.dedup();
        assert_eq!(dedup.len(), list.len());
        freeaddrinfo(res);

        let mut hint = ADDRINFOA { ai_flags: AI_NUMERICHOST, ..Default::default() };
        assert_eq!(gai(Some("localhost"), Some("80"), Some(&hint)).0, WSAHOST_NOT_FOUND);
        assert_eq!(gai(Some("192.168.1.253:1024"), None, Some(&hint)).0, WSAHOST_NOT_FOUND);

        let (r, res) = gai(Some("192.168.1.253"), None, None);
        assert_eq!(r, 0);
        let list = entries(res);
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].0, AF_INET);
        assert_eq!(list[0].3[2..8], [0, 0, 192, 168, 1, 253]);
        freeaddrinfo(res);

        for (node, fam, flags) in [
            ("2a00:2039:dead:beef:cafe::6666", AF_UNSPEC, 0),
            ("[beef::cafe]", AF_UNSPEC, 0),
            ("[beef::cafe]", AF_INET6, AI_NUMERICHOST),
            ("[beef::cafe]:10239", AF_UNSPEC, 0),
        ] {
            hint = ADDRINFOA { ai_flags: flags, ai_family: fam, ..Default::default() };
            let (r, res) = gai(Some(node), None, Some(&hint));
            assert_eq!(r, 0, "{node}");
            let list = entries(res);
            assert_eq!(list[0].0, AF_INET6);
            assert_eq!(list[0].3[2..4], [0, 0]);
            let want: std::net::Ipv6Addr = node.trim_start_matches('[').split(']').next().unwrap().parse().unwrap();
            assert_eq!(list[0].3[8..24], want.octets());
            freeaddrinfo(res);
        }
        for (node, fam) in [("[beef::cafe]", AF_INET), ("[beef::cafe", AF_UNSPEC), ("beef::cafe]", AF_UNSPEC)] {
            hint = ADDRINFOA { ai_flags: AI_NUMERICHOST, ai_family: fam, ..Default::default() };
            assert_eq!(gai(Some(node), None, Some(&hint)).0, WSAHOST_NOT_FOUND, "{node}");
        }

        hint = ADDRINFOA::default();
        assert_eq!(gai(None, Some("nonexistentservice"), Some(&hint)).0, WSATYPE_NOT_FOUND);

        // AI_PASSIVE with no node: the wildcard addresses.
        hint = ADDRINFOA { ai_flags: AI_PASSIVE, ai_family: AF_INET, ai_socktype: SOCK_STREAM, ..Default::default() };
        let (r, res) = gai(None, Some("8080"), Some(&hint));
        assert_eq!(r, 0);
        let list = entries(res);
        assert_eq!(list[0].3[2..8], [0x1f, 0x90, 0, 0, 0, 0]);
        assert_eq!(list[0].1, SOCK_STREAM);
        freeaddrinfo(res);

        // Service names come from the services database.
        hint = ADDRINFOA { ai_family: AF_INET, ai_socktype: SOCK_STREAM, ..Default::default() };
        let (r, res) = gai(Some("127.0.0.1"), Some("telnet"), Some(&hint));
        assert_eq!(r, 0);
        assert_eq!(entries(res)[0].3[2..4], 23u16.to_be_bytes());
        freeaddrinfo(res);

        // The canonical name is on the first entry only.
        hint = ADDRINFOA { ai_flags: AI_CANONNAME, ai_family: AF_INET, ..Default::default() };
        let (r, res) = gai(Some("localhost"), None, Some(&hint));
        assert_eq!(r, 0);
        assert!(!(*res).ai_canonname.is_null());
        assert_eq!(CStr::from_ptr((*res).ai_canonname).to_str().unwrap(), "localhost");
        freeaddrinfo(res);
    }
}

#[test]
fn getaddrinfo_hint_validation() {
    startup();
    let e = WSAESOCKTNOSUPPORT;
    let table: &[(i32, i32, i32, i32)] = &[
        (AF_UNSPEC, SOCK_STREAM, IPPROTO_TCP, 0),
        (AF_UNSPEC, SOCK_STREAM, IPPROTO_UDP, 0),
        (AF_UNSPEC, SOCK_STREAM, IPPROTO_IPV6, 0),
        (AF_UNSPEC, SOCK_DGRAM, IPPROTO_TCP, 0),
        (AF_UNSPEC, SOCK_DGRAM, IPPROTO_UDP, 0),
        (AF_UNSPEC, SOCK_DGRAM, IPPROTO_IPV6, 0),
        (AF_INET, SOCK_STREAM, IPPROTO_TCP, 0),
        (AF_INET, SOCK_STREAM, IPPROTO_UDP, 0),
        (AF_INET, SOCK_STREAM, IPPROTO_IPV6, 0),
        (AF_INET, SOCK_DGRAM, IPPROTO_TCP, 0),
        (AF_INET, SOCK_DGRAM, IPPROTO_UDP, 0),
        (AF_INET, SOCK_DGRAM, IPPROTO_IPV6, 0),
        (AF_UNSPEC, 0, IPPROTO_TCP, 0),
        (AF_UNSPEC, 0, IPPROTO_UDP, 0),
        (AF_UNSPEC, 0, IPPROTO_IPV6, 0),
        (AF_UNSPEC, SOCK_STREAM, 0, 0),
        (AF_UNSPEC, SOCK_DGRAM, 0, 0),
        (AF_INET, 0, IPPROTO_TCP, 0),
        (AF_INET, 0, IPPROTO_UDP, 0),
        (AF_INET, 0, IPPROTO_IPV6, 0),
        (AF_INET, SOCK_STREAM, 0, 0),
        (AF_INET, SOCK_DGRAM, 0, 0),
        (AF_UNSPEC, 999, IPPROTO_TCP, e),
        (AF_UNSPEC, 999, IPPROTO_UDP, e),
        (AF_UNSPEC, 999, IPPROTO_IPV6, e),
        (AF_INET, 999, IPPROTO_TCP, e),
        (AF_INET, 999, IPPROTO_UDP, e),
        (AF_INET, 999, IPPROTO_IPV6, e),
        (AF_UNSPEC, SOCK_STREAM, 999, 0),
        (AF_INET, SOCK_DGRAM, 999, 0),
    ];
    // SAFETY: lists are freed once.
    unsafe {
        for &(family, socktype, protocol, error) in table {
            let hint =
                ADDRINFOA { ai_family: family, ai_socktype: socktype, ai_protocol: protocol, ..Default::default() };
            let (r, res) = gai(Some("localhost"), None, Some(&hint));
            assert_eq!(r, error, "{family} {socktype} {protocol}");
            for (f, st, pr, _) in entries(res) {
                if family == AF_UNSPEC {
                    assert!(f == AF_INET || f == AF_INET6);
                } else {
                    assert_eq!(f, family);
                }
                assert_eq!((st, pr), (socktype, protocol));
            }
            freeaddrinfo(res);
        }
        let hint = ADDRINFOA { ai_family: 999, ..Default::default() };
        assert_eq!(gai(Some("localhost"), None, Some(&hint)).0, WSAEAFNOSUPPORT);
        let hint = ADDRINFOA { ai_flags: 0x0800_0000, ..Default::default() };
        assert_eq!(gai(Some("localhost"), None, Some(&hint)).0, WSAEINVAL);
        let hint = ADDRINFOA { ai_flags: AI_CANONNAME | AI_FQDN, ..Default::default() };
        assert_eq!(gai(Some("localhost"), None, Some(&hint)).0, WSAEINVAL);
        let hint = ADDRINFOA { ai_addrlen: 16, ..Default::default() };
        assert_eq!(gai(Some("localhost"), None, Some(&hint)).0, WSANO_RECOVERY);
    }
}

#[test]
fn get_addr_info_w_and_ex() {
    startup();
    // SAFETY: UTF-16 strings NUL-terminated; lists freed once.
    unsafe {
        let mut res = 0xdead as *mut ADDRINFOW;
        assert_eq!(GetAddrInfoW(null(), null(), null(), &mut res), WSAHOST_NOT_FOUND);
        assert_eq!(WSAGetLastError(), WSAHOST_NOT_FOUND);
        assert!(res.is_null());

        for (n, s) in
            [(Some(""), None), (Some("localhost"), Some("")), (Some("localhost"), Some("80")), (None, Some("0"))]
        {
            let (nw, sw) = (n.map(w), s.map(w));
            WSASetLastError(0xdead);
            let r = GetAddrInfoW(
                nw.as_ref().map_or(null(), |v| v.as_ptr()),
                sw.as_ref().map_or(null(), |v| v.as_ptr()),
                null(),
                &mut res,
            );
            assert_eq!((r, WSAGetLastError()), (0, 0), "{n:?} {s:?}");
            FreeAddrInfoW(res);
        }
        let hint = ADDRINFOW { ai_flags: AI_CANONNAME, ai_family: AF_INET, ..Default::default() };
        assert_eq!(GetAddrInfoW(w("localhost").as_ptr(), w("80").as_ptr(), &hint, &mut res), 0);
        assert_eq!(from_w((*res).ai_canonname), "localhost");
        assert_eq!((*res).ai_family, AF_INET);
        assert_eq!((*(*res).ai_addr).sa_family, AF_INET as u16);
        FreeAddrInfoW(res);
        FreeAddrInfoW(null_mut());

        // GetAddrInfoExW, synchronous.
        let mut ex = 0xdead as *mut ADDRINFOEXW;
        let r = gai_ex_w(None, &mut ex, null_mut(), null_mut());
        assert_eq!((r, WSAGetLastError()), (WSAHOST_NOT_FOUND, WSAHOST_NOT_FOUND));
        assert!(ex.is_null());
        let r = gai_ex_w(Some(""), &mut ex, null_mut(), null_mut());
        assert_eq!((r, WSAGetLastError()), (0, 0));
        assert!(!ex.is_null());
        assert!((*ex).ai_blob.is_null() && (*ex).ai_bloblen == 0 && (*ex).ai_provider.is_null());
        FreeAddrInfoExW(ex);
        let mut exa: *mut ADDRINFOEXA = null_mut();
        let r = GetAddrInfoExA(
            c("localhost").as_ptr(),
            c("80").as_ptr(),
            NS_ALL,
            null_mut(),
            null(),
            &mut exa,
            null_mut(),
            null_mut(),
            null_mut(),
            null_mut(),
        );
        assert_eq!(r, 0);
        FreeAddrInfoEx(exa);

        assert_eq!(GetAddrInfoExOverlappedResult(null_mut()), WSAEINVAL);
        assert_eq!(GetAddrInfoExCancel(null_mut()), WSA_INVALID_HANDLE);

        // Overlapped without an event: completes at once, reported through the OVERLAPPED.
        let mut ov: OVERLAPPED = std::mem::zeroed();
        ov.Internal = 0xcccc;
        let r = gai_ex_w(Some("localhost"), &mut ex, &mut ov, null_mut());
        assert_eq!((r, WSAGetLastError()), (ERROR_IO_PENDING, ERROR_IO_PENDING));
        assert_eq!(GetAddrInfoExOverlappedResult(&mut ov), 0);
        assert_eq!(ov.Anonymous.Pointer, (&raw mut ex).cast());
        assert!(!ex.is_null());
        FreeAddrInfoExW(ex);

        // Event and completion routine together are refused.
        ov.hEvent = 0x1234 as HANDLE;
        let r = gai_ex_w(Some("localhost"), &mut ex, &mut ov, 0x5678 as *mut core::ffi::c_void);
        assert_eq!(r, WSAEINVAL);
    }
}

#[test]
fn getnameinfo_loopback() {
    startup();
    // SAFETY: addresses and buffers are live locals of the stated sizes.
    unsafe {
        let sa = sin(u32::from_be(0x7f000001), 80u16.to_be());
        let sp: *const SOCKADDR = (&raw const sa).cast();
        let mut host = [0 as core::ffi::c_char; 1025];
        let mut serv = [0 as core::ffi::c_char; 32];
        let r = getnameinfo(sp, 16, host.as_mut_ptr(), 1025, serv.as_mut_ptr(), 32, NI_NUMERICHOST | NI_NUMERICSERV);
        assert_eq!((r, WSAGetLastError()), (0, 0));
        assert_eq!(CStr::from_ptr(host.as_ptr()).to_str().unwrap(), "127.0.0.1");
        assert_eq!(CStr::from_ptr(serv.as_ptr()).to_str().unwrap(), "80");

        assert_eq!(getnameinfo(sp, 16, host.as_mut_ptr(), 1025, null_mut(), 0, NI_NAMEREQD), 0);
        assert_eq!(CStr::from_ptr(host.as_ptr()).to_str().unwrap(), "localhost");

        assert_eq!(getnameinfo(sp, 16, host.as_mut_ptr(), 9, null_mut(), 0, NI_NUMERICHOST), WSAEFAULT);
        assert_eq!(getnameinfo(sp, 16, host.as_mut_ptr(), 10, null_mut(), 0, NI_NUMERICHOST), 0);
        assert_eq!(getnameinfo(sp, 16, null_mut(), 0, null_mut(), 0, 0), WSAHOST_NOT_FOUND);
        assert_eq!(WSAGetLastError(), WSAHOST_NOT_FOUND);
        assert_eq!(getnameinfo(sp, 8, host.as_mut_ptr(), 1025, null_mut(), 0, 0), WSAEFAULT);
        assert_eq!(getnameinfo(null(), 16, host.as_mut_ptr(), 1025, null_mut(), 0, 0), WSAEFAULT);
        assert_eq!(getnameinfo(sp, 16, host.as_mut_ptr(), 1025, null_mut(), 0, 0x4000), WSAEINVAL);
        let mut bad = sa;
        bad.sin_family = 99;
        assert_eq!(
            getnameinfo((&raw const bad).cast(), 16, host.as_mut_ptr(), 1025, null_mut(), 0, 0),
            WSAEAFNOSUPPORT
        );

        let sa6 = SOCKADDR_IN6 {
            sin6_family: AF_INET6 as u16,
            sin6_port: 443u16.to_be(),
            sin6_addr: IN6_ADDR::from(std::net::Ipv6Addr::LOCALHOST),
            ..Default::default()
        };
        let mut hw = [0u16; 64];
        let mut sw = [0u16; 32];
        let r = GetNameInfoW(
            (&raw const sa6).cast(),
            28,
            hw.as_mut_ptr(),
            64,
            sw.as_mut_ptr(),
            32,
            NI_NUMERICHOST | NI_NUMERICSERV,
        );
        assert_eq!(r, 0);
        assert_eq!(from_w(hw.as_ptr()), "::1");
        assert_eq!(from_w(sw.as_ptr()), "443");
    }
}

// ---------------------------------------------------------------------------------------------
// hostent / servent / protoent
// ---------------------------------------------------------------------------------------------

#[test]
fn gethostbyname_localhost_and_layout() {
    startup();
    // SAFETY: records returned by the library stay valid until the thread's next call.
    unsafe {
        let h = gethostbyname(c("localhost").as_ptr());
        assert!(!h.is_null());
        let he = &*h;
        assert_eq!((he.h_addrtype, he.h_length), (AF_INET as i16, 4));
        let first = *he.h_addr_list;
        assert_eq!(std::slice::from_raw_parts(first.cast::<u8>(), 4), [127, 0, 0, 1]);
        // Windows XP+ layout: aliases right after the structure, then the address list, then
        // the addresses.
        let mut at = h.add(1).cast::<*mut core::ffi::c_char>();
        assert_eq!(he.h_aliases, at);
        let mut k = 0;
        while !(*he.h_aliases.add(k)).is_null() {
            k += 1;
        }
        at = at.add(k + 1);
        assert_eq!(he.h_addr_list, at);
        let mut n = 0;
        while !(*he.h_addr_list.add(n)).is_null() {
            n += 1;
        }
        assert_eq!(*he.h_addr_list, at.add(n + 1).cast());

        assert!(!gethostbyname(c("").as_ptr()).is_null());
        assert!(!gethostbyname(null()).is_null());
        let mut name = [0 as core::ffi::c_char; 256];
        assert_eq!(gethostname(name.as_mut_ptr(), 256), 0);
        let h = gethostbyname(name.as_ptr());
        assert!(!h.is_null());
        assert!(!(*(*h).h_addr_list).is_null());

        let h = gethostbyname(c("10.1.2.3").as_ptr());
        assert!(!h.is_null());
        assert_eq!(std::slice::from_raw_parts((*(*h).h_addr_list).cast::<u8>(), 4), [10, 1, 2, 3]);
    }
}

#[test]
fn gethostbyaddr_loopback() {
    startup();
    // SAFETY: address buffers of the stated sizes.
    unsafe {
        let a = [127u8, 0, 0, 1];
        let h = gethostbyaddr(a.as_ptr().cast(), 4, AF_INET);
        assert!(!h.is_null());
        assert_eq!(CStr::from_ptr((*h).h_name).to_str().unwrap(), "localhost");
        assert_eq!(std::slice::from_raw_parts((*(*h).h_addr_list).cast::<u8>(), 4), a);
        assert!(gethostbyaddr(a.as_ptr().cast(), 3, AF_INET).is_null());
        assert_eq!(WSAGetLastError(), WSAEFAULT);
        assert!(gethostbyaddr(a.as_ptr().cast(), 4, 99).is_null());
        assert_eq!(WSAGetLastError(), WSAEAFNOSUPPORT);
    }
}

#[test]
fn gethostname_buffer_rules() {
    startup();
    // SAFETY: buffers of the stated sizes.
    unsafe {
        WSASetLastError(0xdead);
        assert_eq!(gethostname(null_mut(), 256), -1);
        assert_eq!(WSAGetLastError(), WSAEFAULT);
        let mut name = [0 as core::ffi::c_char; 256];
        assert_eq!(gethostname(name.as_mut_ptr(), 256), 0);
        let len = CStr::from_ptr(name.as_ptr()).to_bytes().len() as i32;
        let mut small = *b"deadbeef\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";
        assert_eq!(gethostname(small.as_mut_ptr().cast(), len), -1);
        assert_eq!(WSAGetLastError(), WSAEFAULT);
        assert_eq!(&small[..8], b"deadbeef");
        assert_eq!(gethostname(name.as_mut_ptr(), len + 1), 0);

        assert_eq!(GetHostNameW(null_mut(), 256), -1);
        assert_eq!(WSAGetLastError(), WSAEFAULT);
        let mut wname = [0u16; 256];
        assert_eq!(GetHostNameW(wname.as_mut_ptr(), 256), 0);
        assert_eq!(from_w(wname.as_ptr()), CStr::from_ptr(name.as_ptr()).to_str().unwrap());
        let mut wsmall = w("deadbeef");
        wsmall.resize(256, 0);
        assert_eq!(GetHostNameW(wsmall.as_mut_ptr(), len), -1);
        assert_eq!(from_w(wsmall.as_ptr()), "deadbeef");
        assert_eq!(GetHostNameW(wname.as_mut_ptr(), len + 1), 0);
    }
}

#[test]
fn getservbyname_is_per_thread_and_reused() {
    startup();
    let threads: Vec<_> = (0..3)
        .map(|_| {
            std::thread::spawn(|| {
                let serv = [("domain", "udp", 53u16), ("telnet", "tcp", 23)];
                let (n0, p0, n1, p1) = (c(serv[0].0), c(serv[0].1), c(serv[1].0), c(serv[1].1));
                for _ in 0..125 {
                    // SAFETY: NUL-terminated strings; records valid until this thread's next call.
                    unsafe {
                        let a = getservbyname(n0.as_ptr(), p0.as_ptr());
                        assert!(!a.is_null());
                        assert_eq!(u16::from_be((*a).s_port as u16), 53);
                        assert_eq!(CStr::from_ptr((*a).s_proto).to_str().unwrap(), "udp");
                        assert_eq!(CStr::from_ptr((*a).s_name).to_str().unwrap(), "domain");
                        let b = getservbyname(n1.as_ptr(), p1.as_ptr());
                        assert_eq!(a, b, "the per-thread record is reused");
                        assert_eq!(u16::from_be((*b).s_port as u16), 23);
                        assert_eq!(CStr::from_ptr((*b).s_name).to_str().unwrap(), "telnet");
                        let _ = p1.as_bytes();
                        assert_eq!(serv[1].2, 23);
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    // SAFETY: NUL-terminated strings.
    unsafe {
        let s = getservbyport(i32::from(23u16.to_be()), c("tcp").as_ptr());
        assert!(!s.is_null());
        assert_eq!(CStr::from_ptr((*s).s_name).to_str().unwrap(), "telnet");
        let s = getservbyname(c("http").as_ptr(), null());
        assert!(!s.is_null());
        assert_eq!(u16::from_be((*s).s_port as u16), 80);
        assert!(getservbyname(c("nonexistentservice").as_ptr(), null()).is_null());
        assert_eq!(WSAGetLastError(), WSANO_DATA);
        assert!(getservbyport(i32::from(1u16.to_be()), c("nosuchproto").as_ptr()).is_null());
        assert_eq!(WSAGetLastError(), WSANO_DATA);
    }
}

const PROTOCOLS: [(i32, &str, &str); 19] = [
    (0, "ip", "IP"),
    (1, "icmp", "ICMP"),
    (3, "ggp", "GGP"),
    (6, "tcp", "TCP"),
    (8, "egp", "EGP"),
    (12, "pup", "PUP"),
    (17, "udp", "UDP"),
    (20, "hmp", "HMP"),
    (22, "xns-idp", "XNS-IDP"),
    (27, "rdp", "RDP"),
    (41, "ipv6", "IPv6"),
    (43, "ipv6-route", "IPv6-Route"),
    (44, "ipv6-frag", "IPv6-Frag"),
    (50, "esp", "ESP"),
    (51, "ah", "AH"),
    (58, "ipv6-icmp", "IPv6-ICMP"),
    (59, "ipv6-nonxt", "IPv6-NoNxt"),
    (60, "ipv6-opts", "IPv6-Opts"),
    (66, "rvd", "RVD"),
];

#[test]
fn protocol_database_is_windows() {
    startup();
    // SAFETY: NUL-terminated strings; records valid until this thread's next call.
    unsafe {
        for (num, name, alias) in PROTOCOLS {
            for n in [name.to_string(), alias.to_string(), name.to_uppercase()] {
                let e = getprotobyname(c(&n).as_ptr());
                assert!(!e.is_null(), "{n}");
                assert_eq!(i32::from((*e).p_proto), num);
            }
        }
        for i in -1..=256 {
            let e = getprotobynumber(i);
            match PROTOCOLS.iter().find(|p| p.0 == i) {
                None => {
                    assert!(e.is_null(), "{i}");
                    assert_eq!(WSAGetLastError(), WSANO_DATA);
                }
                Some(&(_, name, alias)) => {
                    assert!(!e.is_null());
                    assert_eq!(CStr::from_ptr((*e).p_name).to_str().unwrap(), name);
                    assert_eq!(CStr::from_ptr(*(*e).p_aliases).to_str().unwrap(), alias);
                    assert!((*(*e).p_aliases.add(1)).is_null());
                }
            }
        }
        assert!(getprotobyname(c("nosuch").as_ptr()).is_null());
        assert_eq!(WSAGetLastError(), WSANO_DATA);
    }
}

// ---------------------------------------------------------------------------------------------
// Byte order
// ---------------------------------------------------------------------------------------------

#[test]
fn byte_order() {
    startup();
    // SAFETY: outputs are live locals; the socket is closed at the end.
    unsafe {
        assert_eq!(htonl(0x01020304), u32::from_ne_bytes([1, 2, 3, 4]));
        assert_eq!(htons(0x0102), u16::from_ne_bytes([1, 2]));
        assert_eq!(ntohl(htonl(0xdeadbeef)), 0xdeadbeef);
        assert_eq!(ntohs(htons(0xbeef)), 0xbeef);

        let mut l = 0u32;
        let mut s16 = 0u16;
        WSASetLastError(0xdead);
        assert_eq!(WSAHtonl(0x1230, 1, &mut l), WSAENOTSOCK);
        assert_eq!(WSAGetLastError(), 0xdead);
        let sock = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        assert_ne!(sock, INVALID_SOCKET);
        assert_eq!(WSAHtonl(sock, 0x01020304, null_mut()), WSAEFAULT);
        assert_eq!(WSAHtonl(sock, 0x01020304, &mut l), 0);
        assert_eq!(l, htonl(0x01020304));
        assert_eq!(WSANtohl(sock, l, &mut l), 0);
        assert_eq!(l, 0x01020304);
        assert_eq!(WSAHtons(sock, 0x0102, &mut s16), 0);
        assert_eq!(s16, htons(0x0102));
        assert_eq!(WSANtohs(sock, s16, &mut s16), 0);
        assert_eq!(s16, 0x0102);
        assert_eq!(WSANtohs(sock, 1, null_mut()), WSAEFAULT);
        assert_eq!(closesocket(sock), 0);
        assert_eq!(WSAHtons(sock, 1, &mut s16), WSAENOTSOCK);
    }
}
