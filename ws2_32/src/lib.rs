//! The Winsock engine and the `ws2_32.dll` surface.
#![allow(non_snake_case)]
