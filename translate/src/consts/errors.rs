//! Winsock error codes (`WSAE*`, `WSA_*`, `WSAHOST_NOT_FOUND`, …). (being written)
