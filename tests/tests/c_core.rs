//! The C client/server programs of `tests/c/`: Windows socket code compiled by gcc against the
//! porting headers and run against `libws2_32.so`, over loopback. Each program prints one line
//! per check and exits non-zero on the first failed check (exact return values and WSA
//! errors); these tests compile and run them, for IPv4 and IPv6 where the program takes a
//! family.

use winsock_tests::c::check_program;

macro_rules! program_tests {
    ($($test:ident => $name:literal $(, $arg:literal)?;)*) => {
        $(
            #[test]
            fn $test() {
                check_program($name, &[$($arg)?]);
            }
        )*
    };
}

program_tests! {
    tcp_blocking_ipv4 => "tcp_blocking", "4";
    tcp_blocking_ipv6 => "tcp_blocking", "6";
    udp_ipv4 => "udp", "4";
    udp_ipv6 => "udp", "6";
    select_nonblocking_ipv4 => "select_nb", "4";
    select_nonblocking_ipv6 => "select_nb", "6";
    select_fd_setsize_256 => "select_many";
    wsapoll_ipv4 => "poll", "4";
    wsapoll_ipv6 => "poll", "6";
    so_rcvtimeo_times_out => "timeout";
    closesocket_wakes_blocked_recv_and_accept => "close_wake";
    shutdown_half_close_ipv4 => "shutdown", "4";
    shutdown_half_close_ipv6 => "shutdown", "6";
    linger_zero_resets_peer => "reset";
    refused_and_unspecified_connects => "connect_errors";
    error_paths => "errors";
}

/// Windows reports POLLHUP once the peer has closed gracefully (a readable stream socket
/// with nothing left to read); the engine reports only POLLRDNORM.
#[test]
fn wsapoll_peer_close_reports_pollhup() {
    check_program("poll", &["hup"]);
}

/// Windows lets a restarted server bind its port while earlier connections on it are in
/// TIME_WAIT; Linux needs its SO_REUSEADDR for that.
#[test]
fn rebind_port_with_time_wait_connections() {
    check_program("rebind", &[]);
}
