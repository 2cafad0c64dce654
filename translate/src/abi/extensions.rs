//! Extension-function GUIDs: what a program passes to
//! `WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER)` to obtain `AcceptEx`, `ConnectEx`,
//! `WSARecvMsg`, … (and, with `SIO_GET_MULTIPLE_EXTENSION_FUNCTION_POINTER`, the RIO table).
//!
//! Most high-performance Windows servers never link these functions by name; they look them
//! up by GUID, so the engine must recognise exactly these values.

use super::GUID;

/// `WSAID_ACCEPTEX` {b5367df1-cbac-11cf-95ca-00805f48a192}.
pub const WSAID_ACCEPTEX: GUID = GUID::from_u128(0xb5367df1_cbac_11cf_95ca_00805f48a192);
/// `WSAID_CONNECTEX` {25a207b9-ddf3-4660-8ee9-76e58c74063e}.
pub const WSAID_CONNECTEX: GUID = GUID::from_u128(0x25a207b9_ddf3_4660_8ee9_76e58c74063e);
/// `WSAID_DISCONNECTEX` {7fda2e11-8630-436f-a031-f536a6eec157}.
pub const WSAID_DISCONNECTEX: GUID = GUID::from_u128(0x7fda2e11_8630_436f_a031_f536a6eec157);
/// `WSAID_GETACCEPTEXSOCKADDRS` {b5367df2-cbac-11cf-95ca-00805f48a192}.
pub const WSAID_GETACCEPTEXSOCKADDRS: GUID = GUID::from_u128(0xb5367df2_cbac_11cf_95ca_00805f48a192);
/// `WSAID_TRANSMITFILE` {b5367df0-cbac-11cf-95ca-00805f48a192}.
pub const WSAID_TRANSMITFILE: GUID = GUID::from_u128(0xb5367df0_cbac_11cf_95ca_00805f48a192);
/// `WSAID_TRANSMITPACKETS` {d9689da0-1f90-11d3-9971-00c04f68c876}.
pub const WSAID_TRANSMITPACKETS: GUID = GUID::from_u128(0xd9689da0_1f90_11d3_9971_00c04f68c876);
/// `WSAID_WSARECVMSG` {f689d7c8-6f1f-436b-8a53-e54fe351c322}.
pub const WSAID_WSARECVMSG: GUID = GUID::from_u128(0xf689d7c8_6f1f_436b_8a53_e54fe351c322);
/// `WSAID_WSASENDMSG` {a441e712-754f-43ca-84a7-0dee44cf606d}.
pub const WSAID_WSASENDMSG: GUID = GUID::from_u128(0xa441e712_754f_43ca_84a7_0dee44cf606d);
/// `WSAID_WSAPOLL` {18c76f85-dc66-4964-972e-23c27238312b}.
pub const WSAID_WSAPOLL: GUID = GUID::from_u128(0x18c76f85_dc66_4964_972e_23c27238312b);
/// `WSAID_MULTIPLE_RIO` {8509e081-96dd-4005-b165-9e2ee8c79e3f} (Registered I/O function
/// table; not in mingw-w64's headers).
pub const WSAID_MULTIPLE_RIO: GUID = GUID::from_u128(0x8509e081_96dd_4005_b165_9e2ee8c79e3f);

/// Every extension GUID with its function name, for lookups and diagnostics.
pub const EXTENSION_FUNCTIONS: [(GUID, &str); 10] = [
    (WSAID_ACCEPTEX, "AcceptEx"),
    (WSAID_CONNECTEX, "ConnectEx"),
    (WSAID_DISCONNECTEX, "DisconnectEx"),
    (WSAID_GETACCEPTEXSOCKADDRS, "GetAcceptExSockaddrs"),
    (WSAID_TRANSMITFILE, "TransmitFile"),
    (WSAID_TRANSMITPACKETS, "TransmitPackets"),
    (WSAID_WSARECVMSG, "WSARecvMsg"),
    (WSAID_WSASENDMSG, "WSASendMsg"),
    (WSAID_WSAPOLL, "WSAPoll"),
    (WSAID_MULTIPLE_RIO, "RIO"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guid_fields_follow_the_written_form() {
        let g = WSAID_ACCEPTEX;
        assert_eq!((g.Data1, g.Data2, g.Data3), (0xb5367df1, 0xcbac, 0x11cf));
        assert_eq!(g.Data4, [0x95, 0xca, 0x00, 0x80, 0x5f, 0x48, 0xa1, 0x92]);
    }

    #[test]
    fn extension_guids_are_distinct() {
        for (i, (a, _)) in EXTENSION_FUNCTIONS.iter().enumerate() {
            for (b, _) in &EXTENSION_FUNCTIONS[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }
}
