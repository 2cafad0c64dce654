//! The wsock32.dll surface.
