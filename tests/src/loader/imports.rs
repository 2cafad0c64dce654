//! Binding imports: the project's tables (`ws2_32::exports::lookup`, forwards followed) for
//! ws2_32, wsock32, mswsock and kernel32, with the loader's own shims taking precedence for
//! the kernel32 functions a loader must own (console handles, `ExitProcess`, `CreateThread`
//! with a TEB, critical sections, …) and providing msvcrt.

use std::fmt;

use ws2_32::exports::lookup;

/// What an import asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Wanted {
    /// By name (the hint is ignored: it is an index into the name table, not an ordinal).
    Name(String),
    /// By ordinal.
    Ordinal(u16),
}

/// One import of an image.
#[derive(Clone, Debug)]
pub struct ImportRef {
    /// The DLL name as the image spells it (`WS2_32.dll`).
    pub dll: String,
    /// The function.
    pub wanted: Wanted,
    /// RVA of its IAT slot.
    pub iat_rva: u32,
}

impl fmt::Display for ImportRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.wanted {
            Wanted::Name(n) => write!(f, "{}!{n}", self.dll),
            Wanted::Ordinal(o) => write!(f, "{}!#{o}", self.dll),
        }
    }
}

fn stem(dll: &str) -> String {
    let l = dll.to_ascii_lowercase();
    l.strip_suffix(".dll").map(str::to_owned).unwrap_or(l)
}

/// The address an import binds to, or `None`.
pub fn resolve(dll: &str, wanted: &Wanted) -> Option<usize> {
    let dll = stem(dll);
    if let Wanted::Name(name) = wanted {
        if let Some(addr) = super::shims::lookup(&dll, name) {
            return Some(addr);
        }
    }
    let p = match wanted {
        Wanted::Name(n) => lookup::resolve_name(&dll, n),
        Wanted::Ordinal(o) => lookup::resolve_ordinal(&dll, *o),
    }?;
    Some(p as usize)
}
