//! The Windows x64 ABI types. (being written)
