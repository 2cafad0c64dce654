//! The mswsock.dll surface.
