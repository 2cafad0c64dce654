//! Winsock 1.1 (`winsock.h`, `wsock32.dll`) numbering of the `IPPROTO_IP` options.
//!
//! `wsock32.dll` callers were compiled against `winsock.h`, where `IP_MULTICAST_IF` is 2 and
//! `IP_TTL` is 7; Winsock 2 renumbered them (9 and 4). `wsock32`'s `setsockopt`/`getsockopt`
//! translate with [`ws1_to_ws2_ip_option`] before calling the Winsock 2 code. These constants
//! cannot share a translation unit with `winsock2.h`, so the oracle does not see them; the unit
//! test below holds the values from mingw-w64's `winsock.h`.
//!
//! They are not re-exported at the crate root (their names clash with the Winsock 2 ones).

/// IP options to send (same number in both versions).
pub const IP_OPTIONS: i32 = 1;
/// Multicast interface.
pub const IP_MULTICAST_IF: i32 = 2;
/// Multicast time to live.
pub const IP_MULTICAST_TTL: i32 = 3;
/// Multicast loopback.
pub const IP_MULTICAST_LOOP: i32 = 4;
/// Join a multicast group.
pub const IP_ADD_MEMBERSHIP: i32 = 5;
/// Leave a multicast group.
pub const IP_DROP_MEMBERSHIP: i32 = 6;
/// Time to live.
pub const IP_TTL: i32 = 7;
/// Type of service.
pub const IP_TOS: i32 = 8;
/// Set the don't-fragment bit.
pub const IP_DONTFRAGMENT: i32 = 9;

/// `(Winsock 1.1, Winsock 2)` numbers of every `IPPROTO_IP` option `winsock.h` defines.
const WS1_TO_WS2: [(i32, i32); 9] = [
    (IP_OPTIONS, super::options::IP_OPTIONS),
    (IP_MULTICAST_IF, super::options::IP_MULTICAST_IF),
    (IP_MULTICAST_TTL, super::options::IP_MULTICAST_TTL),
    (IP_MULTICAST_LOOP, super::options::IP_MULTICAST_LOOP),
    (IP_ADD_MEMBERSHIP, super::options::IP_ADD_MEMBERSHIP),
    (IP_DROP_MEMBERSHIP, super::options::IP_DROP_MEMBERSHIP),
    (IP_TTL, super::options::IP_TTL),
    (IP_TOS, super::options::IP_TOS),
    (IP_DONTFRAGMENT, super::options::IP_DONTFRAGMENT),
];

/// The Winsock 2 number of a Winsock 1.1 `IPPROTO_IP` option, or `None` for a number
/// `winsock.h` does not define (`wsock32` then passes it through or fails, its choice).
pub const fn ws1_to_ws2_ip_option(opt: i32) -> Option<i32> {
    let mut i = 0;
    while i < WS1_TO_WS2.len() {
        if WS1_TO_WS2[i].0 == opt {
            return Some(WS1_TO_WS2[i].1);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values as mingw-w64's `winsock.h` defines them.
    #[test]
    fn winsock_h_values() {
        let ws1 = [
            IP_OPTIONS,
            IP_MULTICAST_IF,
            IP_MULTICAST_TTL,
            IP_MULTICAST_LOOP,
            IP_ADD_MEMBERSHIP,
            IP_DROP_MEMBERSHIP,
            IP_TTL,
            IP_TOS,
            IP_DONTFRAGMENT,
        ];
        assert_eq!(ws1, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }

    #[test]
    fn maps_to_winsock2_numbers() {
        assert_eq!(ws1_to_ws2_ip_option(IP_MULTICAST_IF), Some(9));
        assert_eq!(ws1_to_ws2_ip_option(IP_MULTICAST_TTL), Some(10));
        assert_eq!(ws1_to_ws2_ip_option(IP_MULTICAST_LOOP), Some(11));
        assert_eq!(ws1_to_ws2_ip_option(IP_ADD_MEMBERSHIP), Some(12));
        assert_eq!(ws1_to_ws2_ip_option(IP_DROP_MEMBERSHIP), Some(13));
        assert_eq!(ws1_to_ws2_ip_option(IP_TTL), Some(4));
        assert_eq!(ws1_to_ws2_ip_option(IP_TOS), Some(3));
        assert_eq!(ws1_to_ws2_ip_option(IP_DONTFRAGMENT), Some(14));
        assert_eq!(ws1_to_ws2_ip_option(IP_OPTIONS), Some(1));
        assert_eq!(ws1_to_ws2_ip_option(0), None);
        assert_eq!(ws1_to_ws2_ip_option(10), None);
    }
}
