//! The option table: lookup errors, Windows optlen rules (Wine's `test_optsize` table, run on
//! Windows) and value round trips for every row.

use proptest::prelude::*;
use translate::sockopt::*;
use translate::*;

#[test]
fn unknown_levels_and_options() {
    for level in [0xffff_ffff_u32 as i32, 0x8000, 0x1234_ffff, 1000, 0xff, 1, 113] {
        assert_eq!(lookup(level, SO_RCVTIMEO).unwrap_err().0, WSAEINVAL, "level {level:#x}");
    }
    for level in KNOWN_LEVELS {
        assert_eq!(lookup(level, 0x7777).unwrap_err().0, WSAENOPROTOOPT);
    }
    // Options Windows does not implement at a known level.
    assert_eq!(lookup(SOL_SOCKET, SO_SNDLOWAT).unwrap_err().0, WSAENOPROTOOPT);
    assert_eq!(lookup(SOL_SOCKET, SO_RCVLOWAT).unwrap_err().0, WSAENOPROTOOPT);
}

#[test]
fn every_row_is_found_and_unique() {
    for (i, row) in OPTIONS.iter().enumerate() {
        assert!(std::ptr::eq(lookup(row.level, row.optname).unwrap(), row), "{}", row.name);
        assert!(OPTIONS[..i].iter().all(|r| (r.level, r.optname) != (row.level, row.optname)), "{}", row.name);
        assert!(KNOWN_LEVELS.contains(&row.level));
        assert_eq!(option_name(row.level, row.optname), Some(row.name), "consts name for {}", row.name);
    }
}

#[test]
fn access_checks() {
    assert_eq!(lookup_for(IPPROTO_IP, IP_ADD_MEMBERSHIP, Dir::Get).unwrap_err().0, WSAENOPROTOOPT);
    assert!(lookup_for(IPPROTO_IP, IP_ADD_MEMBERSHIP, Dir::Set).is_ok());
    for opt in
        [SO_TYPE, SO_ACCEPTCONN, SO_CONNECT_TIME, SO_MAX_MSG_SIZE, SO_PROTOCOL_INFOA, SO_PROTOCOL_INFOW, SO_BSP_STATE]
    {
        assert_eq!(lookup_for(SOL_SOCKET, opt, Dir::Set).unwrap_err().0, WSAENOPROTOOPT, "{opt:#x}");
        assert!(lookup_for(SOL_SOCKET, opt, Dir::Get).is_ok());
    }
    // SO_ERROR is settable on Windows.
    assert!(lookup_for(SOL_SOCKET, SO_ERROR, Dir::Set).is_ok());
}

/// One row of Wine's `test_optsize` (Windows' answers): accepts_short_len, sizes for
/// get with optlen 1/2/4, whether get with a short buffer zeroes it, and whether 0x100 is a
/// valid value.
struct Row {
    level: i32,
    opt: i32,
    short_len: bool,
    sizes: [i32; 3],
    zeroed: bool,
    large_ok: bool,
    bool_value: bool,
}

#[rustfmt::skip]
const WINDOWS: &[Row] = &[
    Row { level: SOL_SOCKET, opt: SO_BROADCAST, short_len: true, sizes: [1, 1, 4], zeroed: false, large_ok: true, bool_value: true },
    Row { level: SOL_SOCKET, opt: SO_DONTLINGER, short_len: true, sizes: [1, 1, 4], zeroed: false, large_ok: true, bool_value: true },
    Row { level: SOL_SOCKET, opt: SO_LINGER, short_len: false, sizes: [1, 2, 4], zeroed: true, large_ok: true, bool_value: false },
    Row { level: SOL_SOCKET, opt: SO_OOBINLINE, short_len: true, sizes: [1, 1, 4], zeroed: false, large_ok: true, bool_value: true },
    Row { level: SOL_SOCKET, opt: SO_RCVBUF, short_len: false, sizes: [1, 2, 4], zeroed: true, large_ok: true, bool_value: false },
    Row { level: SOL_SOCKET, opt: SO_KEEPALIVE, short_len: true, sizes: [1, 1, 1], zeroed: false, large_ok: true, bool_value: false },
    Row { level: SOL_SOCKET, opt: SO_DONTROUTE, short_len: true, sizes: [1, 1, 1], zeroed: false, large_ok: true, bool_value: false },
    Row { level: SOL_SOCKET, opt: SO_RCVTIMEO, short_len: false, sizes: [1, 2, 4], zeroed: false, large_ok: true, bool_value: false },
    Row { level: SOL_SOCKET, opt: SO_REUSEADDR, short_len: true, sizes: [1, 1, 4], zeroed: false, large_ok: true, bool_value: true },
    Row { level: SOL_SOCKET, opt: SO_EXCLUSIVEADDRUSE, short_len: true, sizes: [1, 1, 4], zeroed: false, large_ok: true, bool_value: true },
    Row { level: SOL_SOCKET, opt: SO_SNDBUF, short_len: false, sizes: [1, 2, 4], zeroed: true, large_ok: true, bool_value: false },
    Row { level: SOL_SOCKET, opt: SO_SNDTIMEO, short_len: false, sizes: [1, 2, 4], zeroed: false, large_ok: true, bool_value: false },
    Row { level: SOL_SOCKET, opt: SO_OPENTYPE, short_len: false, sizes: [1, 2, 4], zeroed: false, large_ok: true, bool_value: false },
    Row { level: IPPROTO_TCP, opt: TCP_NODELAY, short_len: true, sizes: [1, 1, 1], zeroed: false, large_ok: true, bool_value: false },
    Row { level: IPPROTO_TCP, opt: TCP_KEEPALIVE, short_len: false, sizes: [0, 0, 4], zeroed: false, large_ok: true, bool_value: false },
    Row { level: IPPROTO_TCP, opt: TCP_KEEPCNT, short_len: false, sizes: [0, 0, 4], zeroed: false, large_ok: false, bool_value: false },
    Row { level: IPPROTO_TCP, opt: TCP_KEEPINTVL, short_len: false, sizes: [0, 0, 4], zeroed: false, large_ok: true, bool_value: false },
    Row { level: IPPROTO_IP, opt: IP_MULTICAST_LOOP, short_len: true, sizes: [1, 1, 4], zeroed: false, large_ok: true, bool_value: true },
    Row { level: IPPROTO_IP, opt: IP_MULTICAST_TTL, short_len: true, sizes: [1, 1, 4], zeroed: false, large_ok: false, bool_value: false },
    Row { level: IPPROTO_IP, opt: IP_PKTINFO, short_len: false, sizes: [0, 0, 4], zeroed: false, large_ok: true, bool_value: true },
    Row { level: IPPROTO_IP, opt: IP_RECVTOS, short_len: false, sizes: [0, 0, 4], zeroed: false, large_ok: true, bool_value: true },
    Row { level: IPPROTO_IP, opt: IP_RECVTTL, short_len: false, sizes: [0, 0, 4], zeroed: false, large_ok: true, bool_value: true },
    Row { level: IPPROTO_IP, opt: IP_TOS, short_len: true, sizes: [1, 1, 4], zeroed: false, large_ok: false, bool_value: false },
    Row { level: IPPROTO_IP, opt: IP_TTL, short_len: true, sizes: [1, 1, 4], zeroed: false, large_ok: false, bool_value: false },
    Row { level: IPPROTO_IPV6, opt: IPV6_DONTFRAG, short_len: true, sizes: [1, 1, 4], zeroed: false, large_ok: true, bool_value: true },
    Row { level: IPPROTO_IPV6, opt: IPV6_HOPLIMIT, short_len: false, sizes: [0, 0, 4], zeroed: false, large_ok: true, bool_value: true },
    Row { level: IPPROTO_IPV6, opt: IPV6_MULTICAST_HOPS, short_len: true, sizes: [1, 1, 4], zeroed: false, large_ok: false, bool_value: false },
    Row { level: IPPROTO_IPV6, opt: IPV6_MULTICAST_LOOP, short_len: true, sizes: [1, 1, 4], zeroed: false, large_ok: true, bool_value: true },
    Row { level: IPPROTO_IPV6, opt: IPV6_PKTINFO, short_len: false, sizes: [0, 0, 4], zeroed: false, large_ok: true, bool_value: true },
    Row { level: IPPROTO_IPV6, opt: IPV6_RECVTCLASS, short_len: false, sizes: [0, 0, 4], zeroed: false, large_ok: true, bool_value: true },
    Row { level: IPPROTO_IPV6, opt: IPV6_UNICAST_HOPS, short_len: true, sizes: [1, 1, 4], zeroed: false, large_ok: false, bool_value: false },
    Row { level: IPPROTO_IPV6, opt: IPV6_V6ONLY, short_len: true, sizes: [1, 1, 1], zeroed: false, large_ok: true, bool_value: false },
];

fn report(p: GetPlan) -> Option<i32> {
    match p {
        GetPlan::Write { report, .. } => Some(report),
        GetPlan::Fail { .. } => None,
    }
}

#[test]
fn windows_optlen_rules() {
    for r in WINDOWS {
        let s = lookup(r.level, r.opt).unwrap();
        let ctx = s.name;
        // 8-byte buffers: set succeeds, get answers sizes[2].
        assert!(set_len(s, false, 8).is_ok(), "{ctx}");
        assert_eq!(report(get_plan(s, false, 8)), Some(r.sizes[2]), "{ctx}");
        // optlen -1 on set.
        let neg = set_len(s, false, -1);
        if r.sizes[2] == 1 || r.level != SOL_SOCKET {
            assert_eq!(neg.unwrap_err().0, WSAENOBUFS, "{ctx}");
        } else {
            assert!(neg.is_ok(), "{ctx}");
        }
        // optlen -1 on get.
        let g = get_plan(s, false, -1);
        if r.opt == SO_OPENTYPE && r.level == SOL_SOCKET {
            assert_eq!(report(g), Some(4), "{ctx}");
        } else {
            assert!(matches!(g, GetPlan::Fail { error: WsaError(WSAEFAULT), zero: 0, optlen: None }), "{ctx}");
        }
        // optlen 0.
        let z = set_len(s, false, 0);
        if r.level == SOL_SOCKET && r.bool_value {
            assert_eq!(z.unwrap(), 0, "{ctx}");
        } else {
            assert_eq!(z.unwrap_err().0, WSAEFAULT, "{ctx}");
        }
        assert!(matches!(get_plan(s, false, 0), GetPlan::Fail { error: WsaError(WSAEFAULT), .. }), "{ctx}");
        // Value 0x100.
        let v = win_int_value(s.value, &0x100u32.to_le_bytes()[..set_len(s, false, 4).unwrap()]);
        if r.large_ok {
            let v = v.unwrap();
            let expect = if r.sizes[2] == 1 {
                0
            } else if r.bool_value {
                1
            } else {
                0x100
            };
            // SO_LINGER's 0x100 is l_onoff = 0x100 (kept by Windows, a structure here).
            if r.opt != SO_LINGER || r.level != SOL_SOCKET {
                assert_eq!(v, expect, "{ctx}");
            }
        } else {
            assert_eq!(v.unwrap_err().0, WSAEINVAL, "{ctx}");
        }
        // Sizes 1, 2, 4.
        for (j, size) in [1, 2, 4].into_iter().enumerate() {
            let set = set_len(s, false, size);
            let get = get_plan(s, false, size);
            if r.short_len || size == 4 {
                assert!(set.is_ok(), "{ctx} size {size}");
                assert_eq!(report(get), Some(r.sizes[j]), "{ctx} size {size}");
                if let GetPlan::Write { write, .. } = get {
                    assert!(write <= size as usize, "{ctx} size {size}");
                    // SOL_SOCKET BOOLs write what fits (2 bytes for optlen 2).
                    if r.level == SOL_SOCKET && r.bool_value {
                        assert_eq!(write, size as usize, "{ctx}");
                    }
                }
            } else {
                assert_eq!(set.unwrap_err().0, WSAEFAULT, "{ctx} size {size}");
                match get {
                    GetPlan::Fail { error, zero, optlen } => {
                        assert_eq!(error.0, WSAEFAULT, "{ctx}");
                        assert_eq!(zero, if r.zeroed { size as usize } else { 0 }, "{ctx}");
                        let expect_len = if r.sizes[j] == size { None } else { Some(r.sizes[j]) };
                        assert_eq!(optlen, expect_len, "{ctx} size {size}");
                    }
                    GetPlan::Write { .. } => panic!("{ctx} size {size}: expected failure"),
                }
            }
        }
        // NULL optval.
        assert_eq!(set_len(s, true, 4).unwrap_err().0, WSAEFAULT, "{ctx}");
        assert_eq!(set_len(s, true, 0).unwrap_err().0, WSAEFAULT, "{ctx}");
        assert!(matches!(get_plan(s, true, 4), GetPlan::Fail { error: WsaError(WSAEFAULT), .. }), "{ctx}");
    }
}

#[test]
fn special_lengths() {
    // SO_UPDATE_CONNECT_CONTEXT is set with NULL, 0.
    let s = lookup(SOL_SOCKET, SO_UPDATE_CONNECT_CONTEXT).unwrap();
    assert_eq!(set_len(s, true, 0).unwrap(), 0);
    // SO_PROTOCOL_INFOA: short buffer → WSAEFAULT with *optlen = needed size.
    let s = lookup(SOL_SOCKET, SO_PROTOCOL_INFOA).unwrap();
    assert_eq!(get_plan(s, false, 372 / 2), GetPlan::Fail { error: WsaError(WSAEFAULT), zero: 0, optlen: Some(372) });
    assert_eq!(get_plan(s, false, 372 * 2), GetPlan::Write { write: 372, report: 372 });
    let s = lookup(SOL_SOCKET, SO_PROTOCOL_INFOW).unwrap();
    assert_eq!(report(get_plan(s, false, 1000)), Some(628));
    // SO_ERROR with optlen 1 → WSAEFAULT.
    let s = lookup(SOL_SOCKET, SO_ERROR).unwrap();
    assert!(matches!(get_plan(s, false, 1), GetPlan::Fail { error: WsaError(WSAEFAULT), .. }));
    // Structures: short → WSAEFAULT.
    for (level, opt, n) in [
        (IPPROTO_IP, IP_ADD_MEMBERSHIP, 8),
        (IPPROTO_IP, IP_ADD_SOURCE_MEMBERSHIP, 12),
        (IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, 20),
        (SOL_SOCKET, SO_LINGER, 4),
    ] {
        let s = lookup(level, opt).unwrap();
        assert_eq!(set_len(s, false, n - 1).unwrap_err().0, WSAEFAULT, "{}", s.name);
        assert_eq!(set_len(s, false, n).unwrap(), n as usize);
        assert_eq!(set_len(s, false, n + 10).unwrap(), n as usize);
    }
    // IP_OPTIONS: raw bytes, truncated get.
    let s = lookup(IPPROTO_IP, IP_OPTIONS).unwrap();
    assert_eq!(set_len(s, false, 0).unwrap(), 0);
    assert_eq!(get_plan(s, false, 3), GetPlan::Write { write: 3, report: 3 });
}

/// Value round trip through the host form for every row with a host target.
fn sample(value: WinValue, seed: u32) -> Vec<u8> {
    let b = seed.to_le_bytes();
    match value {
        WinValue::Bool => (seed & 1).to_le_bytes().to_vec(),
        WinValue::Byte => (seed & 0xff).to_le_bytes().to_vec(),
        WinValue::Int | WinValue::Millis | WinValue::Seconds => (seed & 0x7fff_ffff).to_le_bytes().to_vec(),
        WinValue::Linger => vec![(seed & 1) as u8, 0, b[2], b[3]],
        WinValue::InAddr => b.to_vec(),
        WinValue::IpMreq => [b, b.map(|x| x ^ 0x55)].concat(),
        WinValue::IpMreqSource => [b, b.map(|x| x ^ 0x55), b.map(|x| x ^ 0xaa)].concat(),
        WinValue::Ipv6Mreq => (0..20u32).map(|i| (seed.wrapping_mul(i + 7) >> 3) as u8).collect(),
        _ => b.to_vec(),
    }
}

proptest! {
    #[test]
    fn host_rows_round_trip(seed: u32) {
        for row in OPTIONS {
            let Target::Host { conv, .. } = row.target else { continue };
            if matches!(conv, Conv::SockType | Conv::Error) {
                continue;
            }
            let win = sample(row.value, seed);
            let host = win_to_host_value(conv, &win).unwrap();
            prop_assert!(host.len() <= host_value_size(conv), "{}", row.name);
            let mut out = [0u8; 64];
            let n = host_to_win_value(conv, host.as_bytes(), &mut out).unwrap();
            prop_assert_eq!(&out[..n], &win[..], "{}", row.name);
        }
    }

    #[test]
    fn short_int_reads(v: u32, len in 1usize..=4) {
        let bytes = v.to_le_bytes();
        let expect = if len == 4 { v } else { v & ((1u32 << (8 * len)) - 1) };
        prop_assert_eq!(win_u32(&bytes[..len]), expect);
    }
}

#[test]
fn conversions() {
    // BOOL normalisation.
    let h = win_to_host_value(Conv::Bool, &0x100u32.to_le_bytes()).unwrap();
    assert_eq!(h.as_bytes(), &1i32.to_ne_bytes());
    let mut out = [0u8; 4];
    host_to_win_value(Conv::Bool, &7i32.to_ne_bytes(), &mut out).unwrap();
    assert_eq!(out, 1u32.to_le_bytes());
    // Linux answers some IP options in one byte.
    host_to_win_value(Conv::Byte, &[64], &mut out).unwrap();
    assert_eq!(out, 64u32.to_le_bytes());
    // Byte range.
    assert_eq!(win_to_host_value(Conv::Byte, &256u32.to_le_bytes()).unwrap_err().0, WSAEINVAL);
    // LINGER: u_short pair ↔ int pair.
    let h = win_to_host_value(Conv::Linger, &[1, 0, 0xbd, 0]).unwrap();
    assert_eq!(h.as_bytes(), [1i32.to_ne_bytes(), 189i32.to_ne_bytes()].concat().as_slice());
    assert_eq!(win_to_host_value(Conv::Linger, &[1, 0]).unwrap_err().0, WSAEFAULT);
    let host = [1i32.to_ne_bytes(), 70000i32.to_ne_bytes()].concat();
    host_to_win_value(Conv::Linger, &host, &mut out).unwrap();
    assert_eq!(out, [1, 0, 0xff, 0xff]);
    // ip_mreq_source reorder.
    let win = [[224, 0, 0, 1], [10, 0, 0, 2], [10, 0, 0, 3]].concat();
    let h = win_to_host_value(Conv::MreqSource, &win).unwrap();
    assert_eq!(h.as_bytes(), [[224, 0, 0, 1], [10, 0, 0, 3], [10, 0, 0, 2]].concat().as_slice());
    assert_eq!(win_to_host_value(Conv::MreqSource, &win[..11]).unwrap_err().0, WSAEFAULT);
    // MTU discovery.
    let h = win_to_host_value(Conv::MtuDiscover, &1u32.to_le_bytes()).unwrap();
    assert_eq!(h.as_bytes(), &libc::IP_PMTUDISC_DO.to_ne_bytes());
    let h = win_to_host_value(Conv::MtuDiscover, &0u32.to_le_bytes()).unwrap();
    assert_eq!(h.as_bytes(), &libc::IP_PMTUDISC_DONT.to_ne_bytes());
    host_to_win_value(Conv::MtuDiscover, &libc::IP_PMTUDISC_WANT.to_ne_bytes(), &mut out).unwrap();
    assert_eq!(out, 1u32.to_le_bytes());
    // SO_TYPE and SO_ERROR answers.
    host_to_win_value(Conv::SockType, &libc::SOCK_DGRAM.to_ne_bytes(), &mut out).unwrap();
    assert_eq!(out, 2u32.to_le_bytes());
    host_to_win_value(Conv::Error, &libc::ECONNREFUSED.to_ne_bytes(), &mut out).unwrap();
    assert_eq!(out, (WSAECONNREFUSED as u32).to_le_bytes());
    host_to_win_value(Conv::Error, &0i32.to_ne_bytes(), &mut out).unwrap();
    assert_eq!(out, [0; 4]);
    // Short output buffer.
    let mut small = [0u8; 3];
    assert_eq!(host_to_win_value(Conv::Int, &5i32.to_ne_bytes(), &mut small).unwrap_err().0, WSAEFAULT);
    // SO_DONTLINGER keeps the linger timeout.
    let cur = libc::linger { l_onoff: 1, l_linger: 30 };
    let l = dont_linger_to_host(true, cur);
    assert_eq!((l.l_onoff, l.l_linger), (0, 30));
    assert!(dont_linger_from_host(l));
    let l = dont_linger_to_host(false, l);
    assert_eq!((l.l_onoff, l.l_linger), (1, 30));
    assert!(!dont_linger_from_host(l));
}

#[test]
fn host_targets() {
    let t = |level, opt| lookup(level, opt).unwrap().target;
    assert_eq!(
        t(IPPROTO_TCP, TCP_KEEPALIVE),
        Target::Host { level: libc::IPPROTO_TCP, name: libc::TCP_KEEPIDLE, conv: Conv::Int }
    );
    assert_eq!(
        t(IPPROTO_IPV6, IPV6_V6ONLY),
        Target::Host { level: libc::IPPROTO_IPV6, name: libc::IPV6_V6ONLY, conv: Conv::Bool }
    );
    assert_eq!(
        t(IPPROTO_IPV6, IPV6_PKTINFO),
        Target::Host { level: libc::IPPROTO_IPV6, name: libc::IPV6_RECVPKTINFO, conv: Conv::Bool }
    );
    assert_eq!(
        t(IPPROTO_IP, IP_DONTFRAGMENT),
        Target::Host { level: libc::IPPROTO_IP, name: libc::IP_MTU_DISCOVER, conv: Conv::MtuDiscover }
    );
    assert_eq!(t(SOL_SOCKET, SO_RCVTIMEO), Target::Emulated(Emulated::RcvTimeo));
    assert_eq!(
        t(SOL_SOCKET, SO_LINGER),
        Target::Host { level: libc::SOL_SOCKET, name: libc::SO_LINGER, conv: Conv::Linger }
    );
}
