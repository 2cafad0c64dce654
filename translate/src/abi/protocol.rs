//! The provider catalogue and name-service records: `WSAPROTOCOL_INFOA/W`
//! (`WSAEnumProtocols`, `WSASocket`, `WSADuplicateSocket`), namespace providers and
//! `WSALookupService*` query sets.
//!
//! The `A` and `W` variants share their layout except for string members (`CHAR` vs the
//! 16-bit `WCHAR`), which is why `WSAPROTOCOL_INFOW` is 628 bytes and `WSAPROTOCOL_INFOA` 372.

use core::ffi::c_void;

use super::{BLOB, BOOL, CHAR, CSADDR_INFO, DWORD, GUID, INT, WCHAR, WSAECOMPARATOR, assert_layout, zeroed_default};

/// `MAX_PROTOCOL_CHAIN`: capacity of `WSAPROTOCOLCHAIN::ChainEntries`.
pub const MAX_PROTOCOL_CHAIN: usize = 7;
/// `WSAPROTOCOL_LEN`: capacity of `szProtocol`, without its NUL.
pub const WSAPROTOCOL_LEN: usize = 255;

/// `WSAPROTOCOLCHAIN`: the layering of a protocol entry.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WSAPROTOCOLCHAIN {
    /// 0: layered protocol, 1: base protocol, >1: a chain.
    pub ChainLen: INT,
    /// Catalogue ids of the chain.
    pub ChainEntries: [DWORD; MAX_PROTOCOL_CHAIN],
}
assert_layout!(WSAPROTOCOLCHAIN, size = 32, align = 4, ChainLen = 0, ChainEntries = 4);

/// Declares `WSAPROTOCOL_INFOA`/`W`, which differ only in the element type of `szProtocol`.
macro_rules! protocol_info {
    ($($(#[$doc:meta])* $name:ident: $ch:ty, $size:expr;)*) => {$(
        $(#[$doc])*
        #[repr(C)]
        #[derive(Clone, Copy, Debug)]
        pub struct $name {
            /// `XP1_*` service flags.
            pub dwServiceFlags1: DWORD,
            /// Reserved.
            pub dwServiceFlags2: DWORD,
            /// Reserved.
            pub dwServiceFlags3: DWORD,
            /// Reserved.
            pub dwServiceFlags4: DWORD,
            /// `PFL_*` provider flags.
            pub dwProviderFlags: DWORD,
            /// Provider GUID.
            pub ProviderId: GUID,
            /// Catalogue entry id.
            pub dwCatalogEntryId: DWORD,
            /// Layering.
            pub ProtocolChain: WSAPROTOCOLCHAIN,
            /// Protocol version.
            pub iVersion: INT,
            /// `AF_*`.
            pub iAddressFamily: INT,
            /// Largest address length.
            pub iMaxSockAddr: INT,
            /// Smallest address length.
            pub iMinSockAddr: INT,
            /// `SOCK_*`.
            pub iSocketType: INT,
            /// `IPPROTO_*`.
            pub iProtocol: INT,
            /// Range of protocol values accepted by `socket` (raw sockets).
            pub iProtocolMaxOffset: INT,
            /// `BIGENDIAN` (0) or `LITTLEENDIAN` (1).
            pub iNetworkByteOrder: INT,
            /// `SECURITY_PROTOCOL_NONE` or a scheme.
            pub iSecurityScheme: INT,
            /// Largest message size (0: stream).
            pub dwMessageSize: DWORD,
            /// Reserved for the provider.
            pub dwProviderReserved: DWORD,
            /// NUL-terminated protocol name.
            pub szProtocol: [$ch; WSAPROTOCOL_LEN + 1],
        }
        assert_layout!($name, size = $size, align = 4,
            dwServiceFlags1 = 0, dwServiceFlags2 = 4, dwServiceFlags3 = 8, dwServiceFlags4 = 12,
            dwProviderFlags = 16, ProviderId = 20, dwCatalogEntryId = 36, ProtocolChain = 40,
            iVersion = 72, iAddressFamily = 76, iMaxSockAddr = 80, iMinSockAddr = 84,
            iSocketType = 88, iProtocol = 92, iProtocolMaxOffset = 96, iNetworkByteOrder = 100,
            iSecurityScheme = 104, dwMessageSize = 108, dwProviderReserved = 112,
            szProtocol = 116);
        zeroed_default!($name);
    )*};
}
protocol_info! {
    /// `WSAPROTOCOL_INFOA`: one transport provider entry, narrow name.
    WSAPROTOCOL_INFOA: CHAR, 372;
    /// `WSAPROTOCOL_INFOW`: one transport provider entry, UTF-16 name.
    WSAPROTOCOL_INFOW: WCHAR, 628;
}

/// `AFPROTOCOLS`: an address-family/protocol pair of a query set.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AFPROTOCOLS {
    /// `AF_*`.
    pub iAddressFamily: INT,
    /// `IPPROTO_*`.
    pub iProtocol: INT,
}
assert_layout!(AFPROTOCOLS, size = 8, align = 4, iAddressFamily = 0, iProtocol = 4);

/// `WSAVERSION`: a version and how to compare with it.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WSAVERSION {
    /// Version.
    pub dwVersion: DWORD,
    /// `COMP_EQUAL` or `COMP_NOTLESS`.
    pub ecHow: WSAECOMPARATOR,
}
assert_layout!(WSAVERSION, size = 8, align = 4, dwVersion = 0, ecHow = 4);

/// `WSANAMESPACE_INFOA`: one namespace provider (`WSAEnumNameSpaceProviders`), narrow.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WSANAMESPACE_INFOA {
    /// Provider GUID.
    pub NSProviderId: GUID,
    /// `NS_*`.
    pub dwNameSpace: DWORD,
    /// Whether the provider is active.
    pub fActive: BOOL,
    /// Provider version.
    pub dwVersion: DWORD,
    /// Display name.
    pub lpszIdentifier: *mut CHAR,
}
/// `WSANAMESPACE_INFOW`: one namespace provider (`WSAEnumNameSpaceProviders`), UTF-16.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WSANAMESPACE_INFOW {
    /// Provider GUID.
    pub NSProviderId: GUID,
    /// `NS_*`.
    pub dwNameSpace: DWORD,
    /// Whether the provider is active.
    pub fActive: BOOL,
    /// Provider version.
    pub dwVersion: DWORD,
    /// Display name.
    pub lpszIdentifier: *mut WCHAR,
}
assert_layout!(
    WSANAMESPACE_INFOA,
    size = 40,
    align = 8,
    NSProviderId = 0,
    dwNameSpace = 16,
    fActive = 20,
    dwVersion = 24,
    lpszIdentifier = 32
);
assert_layout!(
    WSANAMESPACE_INFOW,
    size = 40,
    align = 8,
    NSProviderId = 0,
    dwNameSpace = 16,
    fActive = 20,
    dwVersion = 24,
    lpszIdentifier = 32
);

/// Declares a `WSAQUERYSETA`/`W` with string pointers of type `*mut $ch`.
macro_rules! query_set {
    ($($(#[$doc:meta])* $name:ident: $ch:ty;)*) => {$(
        $(#[$doc])*
        #[repr(C)]
        #[derive(Clone, Copy, Debug)]
        pub struct $name {
            /// `sizeof` this structure.
            pub dwSize: DWORD,
            /// Service instance name.
            pub lpszServiceInstanceName: *mut $ch,
            /// Service class GUID.
            pub lpServiceClassId: *mut GUID,
            /// Version constraint.
            pub lpVersion: *mut WSAVERSION,
            /// Comment.
            pub lpszComment: *mut $ch,
            /// `NS_*`.
            pub dwNameSpace: DWORD,
            /// Restrict to one provider.
            pub lpNSProviderId: *mut GUID,
            /// Starting context.
            pub lpszContext: *mut $ch,
            /// Entries of `lpafpProtocols`.
            pub dwNumberOfProtocols: DWORD,
            /// Protocol constraints.
            pub lpafpProtocols: *mut AFPROTOCOLS,
            /// Query string.
            pub lpszQueryString: *mut $ch,
            /// Entries of `lpcsaBuffer`.
            pub dwNumberOfCsAddrs: DWORD,
            /// Addresses found.
            pub lpcsaBuffer: *mut CSADDR_INFO,
            /// `RESULT_IS_*`.
            pub dwOutputFlags: DWORD,
            /// Provider-specific data.
            pub lpBlob: *mut BLOB,
        }
        assert_layout!($name, size = 120, align = 8,
            dwSize = 0, lpszServiceInstanceName = 8, lpServiceClassId = 16, lpVersion = 24,
            lpszComment = 32, dwNameSpace = 40, lpNSProviderId = 48, lpszContext = 56,
            dwNumberOfProtocols = 64, lpafpProtocols = 72, lpszQueryString = 80,
            dwNumberOfCsAddrs = 88, lpcsaBuffer = 96, dwOutputFlags = 104, lpBlob = 112);
    )*};
}
query_set! {
    /// `WSAQUERYSETA`: a `WSALookupServiceBegin`/`Next` query and result, narrow strings.
    WSAQUERYSETA: CHAR;
    /// `WSAQUERYSETW`: a `WSALookupServiceBegin`/`Next` query and result, UTF-16 strings.
    WSAQUERYSETW: WCHAR;
}

/// `WSANSCLASSINFOA`: one namespace-specific value of a service class, narrow.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WSANSCLASSINFOA {
    /// Value name.
    pub lpszName: *mut CHAR,
    /// `NS_*`.
    pub dwNameSpace: DWORD,
    /// Registry value type.
    pub dwValueType: DWORD,
    /// Size of `lpValue`.
    pub dwValueSize: DWORD,
    /// The value.
    pub lpValue: *mut c_void,
}
/// `WSANSCLASSINFOW`: one namespace-specific value of a service class, UTF-16.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WSANSCLASSINFOW {
    /// Value name.
    pub lpszName: *mut WCHAR,
    /// `NS_*`.
    pub dwNameSpace: DWORD,
    /// Registry value type.
    pub dwValueType: DWORD,
    /// Size of `lpValue`.
    pub dwValueSize: DWORD,
    /// The value.
    pub lpValue: *mut c_void,
}
assert_layout!(
    WSANSCLASSINFOA,
    size = 32,
    align = 8,
    lpszName = 0,
    dwNameSpace = 8,
    dwValueType = 12,
    dwValueSize = 16,
    lpValue = 24
);
assert_layout!(
    WSANSCLASSINFOW,
    size = 32,
    align = 8,
    lpszName = 0,
    dwNameSpace = 8,
    dwValueType = 12,
    dwValueSize = 16,
    lpValue = 24
);

/// `WSASERVICECLASSINFOA`: a service class (`WSAInstallServiceClass`), narrow.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WSASERVICECLASSINFOA {
    /// Class GUID.
    pub lpServiceClassId: *mut GUID,
    /// Class name.
    pub lpszServiceClassName: *mut CHAR,
    /// Entries of `lpClassInfos`.
    pub dwCount: DWORD,
    /// Namespace-specific values.
    pub lpClassInfos: *mut WSANSCLASSINFOA,
}
/// `WSASERVICECLASSINFOW`: a service class (`WSAInstallServiceClass`), UTF-16.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WSASERVICECLASSINFOW {
    /// Class GUID.
    pub lpServiceClassId: *mut GUID,
    /// Class name.
    pub lpszServiceClassName: *mut WCHAR,
    /// Entries of `lpClassInfos`.
    pub dwCount: DWORD,
    /// Namespace-specific values.
    pub lpClassInfos: *mut WSANSCLASSINFOW,
}
assert_layout!(
    WSASERVICECLASSINFOA,
    size = 32,
    align = 8,
    lpServiceClassId = 0,
    lpszServiceClassName = 8,
    dwCount = 16,
    lpClassInfos = 24
);
assert_layout!(
    WSASERVICECLASSINFOW,
    size = 32,
    align = 8,
    lpServiceClassId = 0,
    lpszServiceClassName = 8,
    dwCount = 16,
    lpClassInfos = 24
);

zeroed_default!(
    WSANAMESPACE_INFOA,
    WSANAMESPACE_INFOW,
    WSAQUERYSETA,
    WSAQUERYSETW,
    WSANSCLASSINFOA,
    WSANSCLASSINFOW,
    WSASERVICECLASSINFOA,
    WSASERVICECLASSINFOW,
);
