//! NTSTATUS values that appear in `OVERLAPPED.Internal`. (being written)
