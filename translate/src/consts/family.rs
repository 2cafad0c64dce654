//! Address families, socket types, protocol numbers and well-known addresses (`winsock2.h`,
//! `ws2def.h`, `ws2tcpip.h`, `afunix.h`).
//!
//! Windows numbers families its own way (`AF_INET6` = 23, `AF_BTH` = 32); the host values live
//! in `libc` and the two meet only in [`crate::sockaddr`].

named! {
    /// `AF_*` names by value, canonical spelling first.
    AF_NAMES: i32 = {
        /// Unspecified family.
        AF_UNSPEC = 0;
        /// Local (Unix domain) sockets, Windows 10 1803+.
        AF_UNIX = 1;
        /// IPv4.
        AF_INET = 2;
        /// ARPANET IMP addresses.
        AF_IMPLINK = 3;
        /// PUP protocols.
        AF_PUP = 4;
        /// MIT CHAOS protocols.
        AF_CHAOS = 5;
        /// Xerox NS protocols.
        AF_NS = 6;
        /// IPX/SPX (same value as `AF_NS`).
        AF_IPX = AF_NS;
        /// ISO protocols.
        AF_ISO = 7;
        /// OSI (same value as `AF_ISO`).
        AF_OSI = AF_ISO;
        /// European Computer Manufacturers.
        AF_ECMA = 8;
        /// Datakit protocols.
        AF_DATAKIT = 9;
        /// CCITT protocols (X.25).
        AF_CCITT = 10;
        /// IBM SNA.
        AF_SNA = 11;
        /// DECnet.
        #[allow(non_upper_case_globals)]
        AF_DECnet = 12;
        /// Direct data link interface.
        AF_DLI = 13;
        /// LAT.
        AF_LAT = 14;
        /// NSC Hyperchannel.
        AF_HYLINK = 15;
        /// AppleTalk.
        AF_APPLETALK = 16;
        /// NetBIOS.
        AF_NETBIOS = 17;
        /// VoiceView.
        AF_VOICEVIEW = 18;
        /// Protocols from Firefox.
        AF_FIREFOX = 19;
        /// Somebody is using this.
        AF_UNKNOWN1 = 20;
        /// Banyan.
        AF_BAN = 21;
        /// Native ATM services.
        AF_ATM = 22;
        /// IPv6.
        AF_INET6 = 23;
        /// Microsoft Wolfpack.
        AF_CLUSTER = 24;
        /// IEEE 1284.4 WG AF.
        AF_12844 = 25;
        /// IrDA.
        AF_IRDA = 26;
        /// Network Designers OSI & gateway.
        AF_NETDES = 28;
        /// TCN process.
        AF_TCNPROCESS = 29;
        /// TCN message.
        AF_TCNMESSAGE = 30;
        /// ICLFXBM.
        AF_ICLFXBM = 31;
        /// Bluetooth RFCOMM/L2CAP.
        AF_BTH = 32;
        /// Link-layer addresses (Windows SDK `ws2def.h`; not in mingw-w64).
        AF_LINK = 33;
        /// Hyper-V sockets (Windows SDK `ws2def.h`; not in mingw-w64).
        AF_HYPERV = 34;
    }
}

/// One past the highest family mingw-w64 knows (`AF_BTH + 1`; the current SDK's `ws2def.h` says 35).
pub const AF_MAX: i32 = 33;

/// Protocol family `PF_UNSPEC` (= `AF_UNSPEC`).
pub const PF_UNSPEC: i32 = AF_UNSPEC;
/// Protocol family `PF_UNIX` (= `AF_UNIX`).
pub const PF_UNIX: i32 = AF_UNIX;
/// Protocol family `PF_INET` (= `AF_INET`).
pub const PF_INET: i32 = AF_INET;
/// Protocol family `PF_IMPLINK` (= `AF_IMPLINK`).
pub const PF_IMPLINK: i32 = AF_IMPLINK;
/// Protocol family `PF_PUP` (= `AF_PUP`).
pub const PF_PUP: i32 = AF_PUP;
/// Protocol family `PF_CHAOS` (= `AF_CHAOS`).
pub const PF_CHAOS: i32 = AF_CHAOS;
/// Protocol family `PF_NS` (= `AF_NS`).
pub const PF_NS: i32 = AF_NS;
/// Protocol family `PF_IPX` (= `AF_IPX`).
pub const PF_IPX: i32 = AF_IPX;
/// Protocol family `PF_ISO` (= `AF_ISO`).
pub const PF_ISO: i32 = AF_ISO;
/// Protocol family `PF_OSI` (= `AF_OSI`).
pub const PF_OSI: i32 = AF_OSI;
/// Protocol family `PF_ECMA` (= `AF_ECMA`).
pub const PF_ECMA: i32 = AF_ECMA;
/// Protocol family `PF_DATAKIT` (= `AF_DATAKIT`).
pub const PF_DATAKIT: i32 = AF_DATAKIT;
/// Protocol family `PF_CCITT` (= `AF_CCITT`).
pub const PF_CCITT: i32 = AF_CCITT;
/// Protocol family `PF_SNA` (= `AF_SNA`).
pub const PF_SNA: i32 = AF_SNA;
/// Protocol family `PF_DECnet` (= `AF_DECnet`).
#[allow(non_upper_case_globals)]
pub const PF_DECnet: i32 = AF_DECnet;
/// Protocol family `PF_DLI` (= `AF_DLI`).
pub const PF_DLI: i32 = AF_DLI;
/// Protocol family `PF_LAT` (= `AF_LAT`).
pub const PF_LAT: i32 = AF_LAT;
/// Protocol family `PF_HYLINK` (= `AF_HYLINK`).
pub const PF_HYLINK: i32 = AF_HYLINK;
/// Protocol family `PF_APPLETALK` (= `AF_APPLETALK`).
pub const PF_APPLETALK: i32 = AF_APPLETALK;
/// Protocol family `PF_VOICEVIEW` (= `AF_VOICEVIEW`).
pub const PF_VOICEVIEW: i32 = AF_VOICEVIEW;
/// Protocol family `PF_FIREFOX` (= `AF_FIREFOX`).
pub const PF_FIREFOX: i32 = AF_FIREFOX;
/// Protocol family `PF_UNKNOWN1` (= `AF_UNKNOWN1`).
pub const PF_UNKNOWN1: i32 = AF_UNKNOWN1;
/// Protocol family `PF_BAN` (= `AF_BAN`).
pub const PF_BAN: i32 = AF_BAN;
/// Protocol family `PF_ATM` (= `AF_ATM`).
pub const PF_ATM: i32 = AF_ATM;
/// Protocol family `PF_INET6` (= `AF_INET6`).
pub const PF_INET6: i32 = AF_INET6;
/// Protocol family `PF_BTH` (= `AF_BTH`).
pub const PF_BTH: i32 = AF_BTH;
/// Protocol family `PF_MAX` (= `AF_MAX`).
pub const PF_MAX: i32 = AF_MAX;

/// The `AF_*` name of a Windows address family, for logs.
pub fn af_name(af: i32) -> Option<&'static str> {
    super::name_of(AF_NAMES, af)
}

named! {
    /// `SOCK_*` names by value.
    SOCK_NAMES: i32 = {
        /// Connection-oriented byte stream.
        SOCK_STREAM = 1;
        /// Datagrams.
        SOCK_DGRAM = 2;
        /// Raw protocol access.
        SOCK_RAW = 3;
        /// Reliably delivered messages.
        SOCK_RDM = 4;
        /// Sequenced packet stream.
        SOCK_SEQPACKET = 5;
    }
}

/// The `SOCK_*` name of a Windows socket type, for logs.
pub fn sock_type_name(ty: i32) -> Option<&'static str> {
    super::name_of(SOCK_NAMES, ty)
}

named! {
    /// `IPPROTO_*` names by value, canonical spelling first.
    IPPROTO_NAMES: i32 = {
        /// Dummy protocol / the IPv4 option level.
        IPPROTO_IP = 0;
        /// IPv6 hop-by-hop options (same value as `IPPROTO_IP`).
        IPPROTO_HOPOPTS = 0;
        /// ICMP.
        IPPROTO_ICMP = 1;
        /// IGMP.
        IPPROTO_IGMP = 2;
        /// Gateway-to-gateway.
        IPPROTO_GGP = 3;
        /// IPv4 in IPv4 (Linux `IPPROTO_IPIP`).
        IPPROTO_IPV4 = 4;
        /// Stream.
        IPPROTO_ST = 5;
        /// TCP, also the TCP option level.
        IPPROTO_TCP = 6;
        /// CBT.
        IPPROTO_CBT = 7;
        /// Exterior gateway protocol.
        IPPROTO_EGP = 8;
        /// Private interior gateway protocol.
        IPPROTO_IGP = 9;
        /// PUP.
        IPPROTO_PUP = 12;
        /// UDP, also the UDP option level.
        IPPROTO_UDP = 17;
        /// XNS IDP.
        IPPROTO_IDP = 22;
        /// Reliable data protocol.
        IPPROTO_RDP = 27;
        /// IPv6, also the IPv6 option level.
        IPPROTO_IPV6 = 41;
        /// IPv6 routing header.
        IPPROTO_ROUTING = 43;
        /// IPv6 fragment header.
        IPPROTO_FRAGMENT = 44;
        /// IPsec ESP.
        IPPROTO_ESP = 50;
        /// IPsec AH.
        IPPROTO_AH = 51;
        /// ICMPv6.
        IPPROTO_ICMPV6 = 58;
        /// IPv6 "no next header".
        IPPROTO_NONE = 59;
        /// IPv6 destination options.
        IPPROTO_DSTOPTS = 60;
        /// Net disk protocol.
        IPPROTO_ND = 77;
        /// Wideband monitoring.
        IPPROTO_ICLFXBM = 78;
        /// PIM.
        IPPROTO_PIM = 103;
        /// PGM (reliable multicast).
        IPPROTO_PGM = 113;
        /// L2TP.
        IPPROTO_L2TP = 115;
        /// SCTP.
        IPPROTO_SCTP = 132;
        /// Raw IP packets.
        IPPROTO_RAW = 255;
        /// One past the highest protocol number.
        IPPROTO_MAX = 256;
    }
}

/// First reserved protocol value (`IPPROTO_RESERVED_RAW`, Windows SDK; not in mingw-w64).
pub const IPPROTO_RESERVED_RAW: i32 = 257;
/// Reserved: IPsec (`IPPROTO_RESERVED_IPSEC`, Windows SDK; not in mingw-w64).
pub const IPPROTO_RESERVED_IPSEC: i32 = 258;
/// Reserved: IPsec offload (`IPPROTO_RESERVED_IPSECOFFLOAD`, Windows SDK; not in mingw-w64).
pub const IPPROTO_RESERVED_IPSECOFFLOAD: i32 = 259;
/// Reserved: WNV (`IPPROTO_RESERVED_WNV`, Windows SDK; not in mingw-w64).
pub const IPPROTO_RESERVED_WNV: i32 = 260;
/// Reserved upper bound (`IPPROTO_RESERVED_MAX`, Windows SDK; not in mingw-w64).
pub const IPPROTO_RESERVED_MAX: i32 = 261;

/// The `IPPROTO_*` name of a protocol number, for logs.
pub fn ipproto_name(proto: i32) -> Option<&'static str> {
    super::name_of(IPPROTO_NAMES, proto)
}

/// Well-known port: echo.
pub const IPPORT_ECHO: u16 = 7;
/// Well-known port: discard.
pub const IPPORT_DISCARD: u16 = 9;
/// Well-known port: systat.
pub const IPPORT_SYSTAT: u16 = 11;
/// Well-known port: daytime.
pub const IPPORT_DAYTIME: u16 = 13;
/// Well-known port: netstat.
pub const IPPORT_NETSTAT: u16 = 15;
/// Well-known port: FTP.
pub const IPPORT_FTP: u16 = 21;
/// Well-known port: telnet.
pub const IPPORT_TELNET: u16 = 23;
/// Well-known port: SMTP.
pub const IPPORT_SMTP: u16 = 25;
/// Well-known port: time.
pub const IPPORT_TIMESERVER: u16 = 37;
/// Well-known port: name server.
pub const IPPORT_NAMESERVER: u16 = 42;
/// Well-known port: whois.
pub const IPPORT_WHOIS: u16 = 43;
/// Well-known port: MTP.
pub const IPPORT_MTP: u16 = 57;
/// Well-known port: TFTP.
pub const IPPORT_TFTP: u16 = 69;
/// Well-known port: RJE.
pub const IPPORT_RJE: u16 = 77;
/// Well-known port: finger.
pub const IPPORT_FINGER: u16 = 79;
/// Well-known port: ttylink.
pub const IPPORT_TTYLINK: u16 = 87;
/// Well-known port: supdup.
pub const IPPORT_SUPDUP: u16 = 95;
/// UNIX TCP port: exec.
pub const IPPORT_EXECSERVER: u16 = 512;
/// UNIX TCP port: login.
pub const IPPORT_LOGINSERVER: u16 = 513;
/// UNIX TCP port: cmd.
pub const IPPORT_CMDSERVER: u16 = 514;
/// UNIX TCP port: efs.
pub const IPPORT_EFSSERVER: u16 = 520;
/// UNIX UDP port: biff.
pub const IPPORT_BIFFUDP: u16 = 512;
/// UNIX UDP port: who.
pub const IPPORT_WHOSERVER: u16 = 513;
/// UNIX UDP port: route.
pub const IPPORT_ROUTESERVER: u16 = 520;
/// Ports below this are reserved for privileged processes.
pub const IPPORT_RESERVED: u16 = 1024;

/// IMP link number: IP.
pub const IMPLINK_IP: i32 = 155;
/// IMP link number: lowest experimental.
pub const IMPLINK_LOWEXPER: i32 = 156;
/// IMP link number: highest experimental.
pub const IMPLINK_HIGHEXPER: i32 = 158;

/// Class A network mask (host byte order).
pub const IN_CLASSA_NET: u32 = 0xff00_0000;
/// Class A network shift.
pub const IN_CLASSA_NSHIFT: u32 = 24;
/// Class A host mask.
pub const IN_CLASSA_HOST: u32 = 0x00ff_ffff;
/// Class A network count.
pub const IN_CLASSA_MAX: u32 = 128;
/// Class B network mask.
pub const IN_CLASSB_NET: u32 = 0xffff_0000;
/// Class B network shift.
pub const IN_CLASSB_NSHIFT: u32 = 16;
/// Class B host mask.
pub const IN_CLASSB_HOST: u32 = 0x0000_ffff;
/// Class B network count.
pub const IN_CLASSB_MAX: u32 = 65536;
/// Class C network mask.
pub const IN_CLASSC_NET: u32 = 0xffff_ff00;
/// Class C network shift.
pub const IN_CLASSC_NSHIFT: u32 = 8;
/// Class C host mask.
pub const IN_CLASSC_HOST: u32 = 0x0000_00ff;
/// Class D (multicast) network mask.
pub const IN_CLASSD_NET: u32 = 0xf000_0000;
/// Class D network shift.
pub const IN_CLASSD_NSHIFT: u32 = 28;
/// Class D host mask.
pub const IN_CLASSD_HOST: u32 = 0x0fff_ffff;

/// The IPv4 wildcard address (host byte order).
pub const INADDR_ANY: u32 = 0;
/// 127.0.0.1 (host byte order).
pub const INADDR_LOOPBACK: u32 = 0x7f00_0001;
/// 255.255.255.255.
pub const INADDR_BROADCAST: u32 = 0xffff_ffff;
/// `inet_addr`'s failure value (equal to `INADDR_BROADCAST`).
pub const INADDR_NONE: u32 = 0xffff_ffff;
/// Old name of `INADDR_ANY`.
pub const ADDR_ANY: u32 = INADDR_ANY;

/// Buffer length `inet_ntop` needs for IPv4 text (Windows counts a port suffix: 22, not 16).
pub const INET_ADDRSTRLEN: usize = 22;
/// Buffer length `inet_ntop` needs for IPv6 text (65, not Linux's 46).
pub const INET6_ADDRSTRLEN: usize = 65;
/// Bits in an IPv6 address.
pub const IPV6_ADDRESS_BITS: usize = 128;
/// Length of `SOCKADDR_UN::sun_path` (the same 108 as Linux).
pub const UNIX_PATH_MAX: usize = 108;

/// `SCOPE_LEVEL` values (`ws2def.h`), spelled as the SDK spells these enumerators.
#[allow(non_upper_case_globals)]
mod scope_level {
    /// Interface-local scope.
    pub const ScopeLevelInterface: i32 = 1;
    /// Link-local scope.
    pub const ScopeLevelLink: i32 = 2;
    /// Subnet scope.
    pub const ScopeLevelSubnet: i32 = 3;
    /// Admin-local scope.
    pub const ScopeLevelAdmin: i32 = 4;
    /// Site-local scope.
    pub const ScopeLevelSite: i32 = 5;
    /// Organization-local scope.
    pub const ScopeLevelOrganization: i32 = 8;
    /// Global scope.
    pub const ScopeLevelGlobal: i32 = 14;
    /// Number of scope levels.
    pub const ScopeLevelCount: i32 = 16;
}
pub use scope_level::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_names() {
        assert_eq!(af_name(AF_INET6), Some("AF_INET6"));
        assert_eq!(af_name(6), Some("AF_NS"));
        assert_eq!(af_name(27), None);
        assert_eq!(sock_type_name(SOCK_DGRAM), Some("SOCK_DGRAM"));
        assert_eq!(ipproto_name(0), Some("IPPROTO_IP"));
        assert_eq!(ipproto_name(IPPROTO_ICMPV6), Some("IPPROTO_ICMPV6"));
    }
}
