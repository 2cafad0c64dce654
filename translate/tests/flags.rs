//! MSG_*, shutdown, AI_*/NI_* and POLL* conversions: every bit both ways and the error paths.

use translate::flags::*;
use translate::*;

#[cfg(target_os = "linux")]
const NOSIG: i32 = libc::MSG_NOSIGNAL;

#[test]
fn send_flags() {
    assert_eq!(send_flags_to_host(0).unwrap(), NOSIG);
    assert_eq!(send_flags_to_host(MSG_OOB).unwrap(), libc::MSG_OOB | NOSIG);
    assert_eq!(send_flags_to_host(MSG_DONTROUTE).unwrap(), libc::MSG_DONTROUTE | NOSIG);
    assert_eq!(send_flags_to_host(MSG_OOB | MSG_DONTROUTE).unwrap(), libc::MSG_OOB | libc::MSG_DONTROUTE | NOSIG);
    for bad in [MSG_PEEK, MSG_WAITALL, MSG_PARTIAL, MSG_PUSH_IMMEDIATE, 0x10, 0x4000, MSG_OOB | 0x100_0000] {
        assert_eq!(send_flags_to_host(bad).unwrap_err().0, WSAEOPNOTSUPP, "{bad:#x}");
    }
    const { assert!(!SEND_NEEDS_SO_NOSIGPIPE) };
}

#[test]
fn recv_flags() {
    assert_eq!(recv_flags_to_host(0).unwrap(), 0);
    assert_eq!(recv_flags_to_host(MSG_OOB).unwrap(), libc::MSG_OOB);
    assert_eq!(recv_flags_to_host(MSG_PEEK).unwrap(), libc::MSG_PEEK);
    assert_eq!(recv_flags_to_host(MSG_WAITALL).unwrap(), libc::MSG_WAITALL);
    assert_eq!(recv_flags_to_host(MSG_PUSH_IMMEDIATE).unwrap(), 0);
    assert_eq!(recv_flags_to_host(MSG_PARTIAL).unwrap(), 0);
    assert_eq!(recv_flags_to_host(MSG_DONTROUTE).unwrap(), 0);
    assert_eq!(
        recv_flags_to_host(MSG_PEEK | MSG_WAITALL | MSG_OOB).unwrap(),
        libc::MSG_PEEK | libc::MSG_WAITALL | libc::MSG_OOB
    );
    for bad in [0x10, MSG_TRUNC, MSG_CTRUNC, 0x4000, i32::MIN] {
        assert_eq!(recv_flags_to_host(bad).unwrap_err().0, WSAEOPNOTSUPP, "{bad:#x}");
    }
}

#[test]
fn recv_result_flags() {
    assert_eq!(recv_result_flags_to_win(0), 0);
    assert_eq!(recv_result_flags_to_win(libc::MSG_TRUNC), MSG_TRUNC);
    assert_eq!(recv_result_flags_to_win(libc::MSG_CTRUNC), MSG_CTRUNC);
    assert_eq!(recv_result_flags_to_win(libc::MSG_OOB), MSG_OOB);
    assert_eq!(recv_result_flags_to_win(libc::MSG_EOR | libc::MSG_TRUNC), MSG_TRUNC);
    assert_eq!(recv_partial_flag(libc::MSG_TRUNC), MSG_PARTIAL);
    assert_eq!(recv_partial_flag(libc::MSG_CTRUNC), 0);
}

#[test]
fn shutdown_how() {
    assert_eq!(shutdown_how_to_host(SD_RECEIVE).unwrap(), libc::SHUT_RD);
    assert_eq!(shutdown_how_to_host(SD_SEND).unwrap(), libc::SHUT_WR);
    assert_eq!(shutdown_how_to_host(SD_BOTH).unwrap(), libc::SHUT_RDWR);
    for bad in [3, -1, 100] {
        assert_eq!(shutdown_how_to_host(bad).unwrap_err().0, WSAEINVAL);
    }
}

#[test]
fn ai_flags() {
    let pairs = [
        (AI_PASSIVE, libc::AI_PASSIVE),
        (AI_CANONNAME, libc::AI_CANONNAME),
        (AI_NUMERICHOST, libc::AI_NUMERICHOST),
        (AI_NUMERICSERV, libc::AI_NUMERICSERV),
        (AI_ALL, libc::AI_ALL),
        (AI_ADDRCONFIG, libc::AI_ADDRCONFIG),
        (AI_V4MAPPED, libc::AI_V4MAPPED),
    ];
    let mut all_w = 0;
    let mut all_h = 0;
    for (w, h) in pairs {
        assert_eq!(ai_flags_to_host(w).unwrap(), h);
        assert_eq!(ai_flags_from_host(h), w);
        all_w |= w;
        all_h |= h;
    }
    assert_eq!(ai_flags_to_host(all_w).unwrap(), all_h);
    assert_eq!(ai_flags_from_host(all_h), all_w);
    // Windows-only flags are dropped.
    for w in [
        AI_DNS_ONLY,
        AI_NON_AUTHORITATIVE,
        AI_SECURE,
        AI_RETURN_PREFERRED_NAMES,
        AI_FQDN,
        AI_FILESERVER,
        AI_DISABLE_IDN_ENCODING,
        AI_EXTENDED,
        AI_RESOLUTION_HANDLE,
    ] {
        assert_eq!(ai_flags_to_host(w | AI_PASSIVE).unwrap(), libc::AI_PASSIVE, "{w:#x}");
    }
    // Conflicts and undefined bits.
    assert_eq!(ai_flags_to_host(AI_FQDN | AI_CANONNAME).unwrap_err().0, WSAEINVAL);
    for bad in [0x20, 0x1000, 0x2000, 0x0100_0000] {
        assert_eq!(ai_flags_to_host(bad).unwrap_err().0, WSAEINVAL, "{bad:#x}");
    }
}

#[test]
fn ni_flags() {
    let pairs = [
        (NI_NOFQDN, libc::NI_NOFQDN),
        (NI_NUMERICHOST, libc::NI_NUMERICHOST),
        (NI_NAMEREQD, libc::NI_NAMEREQD),
        (NI_NUMERICSERV, libc::NI_NUMERICSERV),
        (NI_DGRAM, libc::NI_DGRAM),
    ];
    let (mut w_all, mut h_all) = (0, 0);
    for (w, h) in pairs {
        assert_eq!(ni_flags_to_host(w).unwrap(), h);
        assert_eq!(ni_flags_from_host(h), w);
        w_all |= w;
        h_all |= h;
    }
    assert_eq!(ni_flags_to_host(w_all).unwrap(), h_all);
    assert_eq!(ni_flags_to_host(0x20).unwrap_err().0, WSAEINVAL);
}

#[test]
fn poll_events() {
    assert_eq!(poll_events_to_host(0).unwrap(), 0);
    assert_eq!(poll_events_to_host(POLLRDNORM).unwrap(), libc::POLLIN);
    assert_eq!(poll_events_to_host(POLLRDBAND).unwrap(), libc::POLLPRI);
    assert_eq!(poll_events_to_host(POLLWRNORM).unwrap(), libc::POLLOUT);
    assert_eq!(poll_events_to_host(POLLIN).unwrap(), libc::POLLIN | libc::POLLPRI);
    assert_eq!(poll_events_to_host(POLLOUT).unwrap(), libc::POLLOUT);
    for bad in [POLLERR, POLLHUP, POLLNVAL, POLLPRI, POLLWRBAND, 0x40, 0x1000, POLLIN | POLLERR] {
        assert_eq!(poll_events_to_host(bad).unwrap_err().0, WSAEINVAL, "{bad:#x}");
    }
}

#[test]
fn poll_revents() {
    let all = POLLRDNORM | POLLRDBAND | POLLWRNORM;
    assert_eq!(poll_revents_from_host(libc::POLLIN, all), POLLRDNORM);
    assert_eq!(poll_revents_from_host(libc::POLLRDNORM, all), POLLRDNORM);
    assert_eq!(poll_revents_from_host(libc::POLLPRI, all), POLLRDBAND);
    assert_eq!(poll_revents_from_host(libc::POLLOUT, all), POLLWRNORM);
    assert_eq!(poll_revents_from_host(libc::POLLHUP, 0), POLLHUP);
    assert_eq!(poll_revents_from_host(libc::POLLERR, 0), POLLERR);
    assert_eq!(poll_revents_from_host(libc::POLLNVAL, 0), POLLNVAL);
    // Masked by the request, except HUP/ERR/NVAL.
    assert_eq!(poll_revents_from_host(libc::POLLIN | libc::POLLOUT, POLLWRNORM), POLLWRNORM);
    assert_eq!(poll_revents_from_host(libc::POLLOUT | libc::POLLERR | libc::POLLHUP, POLLRDNORM), POLLERR | POLLHUP);
    assert_eq!(poll_revents_from_host(libc::POLLRDHUP, all), 0);
}
