//! Shared helpers for the cross-crate tests: the dev-only PE test [`loader`] and the
//! builders for the mingw test images and native C programs ([`build`]).

#[cfg(target_arch = "x86_64")]
pub mod build;
pub mod c;
#[cfg(target_arch = "x86_64")]
pub mod loader;
#[cfg(target_arch = "x86_64")]
pub mod win64call;
