//! Windows constant values, named exactly as the Windows SDK names them.
//!
//! Each submodule covers one header area; everything is re-exported here and at the crate root.

pub mod errors;
pub mod ntstatus;

pub use errors::*;
pub use ntstatus::*;
