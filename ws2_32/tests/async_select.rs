//! Message-only windows and queues (the default host's user32 subset), `WSAAsyncSelect`, and
//! the `WSAAsyncGetXByY` lookups, over loopback. Every wait is bounded.

use std::mem::size_of;
use std::ptr::{null, null_mut};
use std::sync::atomic::{AtomicIsize, AtomicU32, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use translate::*;
use ws2_32::exports::kernel32::native::{CloseHandle, CreateEventA, SetEvent};
use ws2_32::exports::user32::native::*;
use ws2_32::exports::user32::{
    GWLP_USERDATA, HWND_MESSAGE, MSG, PM_NOREMOVE, PM_REMOVE, QS_ALLINPUT, WM_CREATE, WM_DESTROY, WM_NCCREATE, WM_QUIT,
    WM_USER, WNDCLASSA, WNDCLASSEXA,
};
use ws2_32::native::*;

mod util;
use util::startup;

/// A message-only window of the predefined "Message" class.
fn message_window() -> HWND {
    // SAFETY: NUL-terminated class name; other pointers NULL.
    let h = unsafe {
        CreateWindowExA(0, c"Message".as_ptr(), null(), 0, 0, 0, 0, 0, HWND_MESSAGE, null_mut(), null_mut(), null_mut())
    };
    assert!(!h.is_null());
    h
}

fn select_event(l: LPARAM) -> i32 {
    (l & 0xffff) as i32
}

fn select_error(l: LPARAM) -> i32 {
    ((l >> 16) & 0xffff) as i32
}

/// Messages taken off this thread's queue, searched by number.
#[derive(Default)]
struct Inbox(Vec<MSG>);

impl Inbox {
    fn drain(&mut self) {
        let mut m = MSG::default();
        // SAFETY: a writable MSG.
        while unsafe { PeekMessageA(&mut m, null_mut(), 0, 0, PM_REMOVE) } != 0 {
            self.0.push(m);
        }
    }

    /// The first message numbered `msg`, waiting up to `ms`.
    fn wait(&mut self, msg: u32, ms: u64) -> Option<MSG> {
        let deadline = Instant::now() + Duration::from_millis(ms);
        loop {
            self.drain();
            if let Some(i) = self.0.iter().position(|m| m.message == msg) {
                return Some(self.0.remove(i));
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return None;
            }
            // SAFETY: no handles.
            unsafe { MsgWaitForMultipleObjects(0, null(), 0, left.as_millis() as u32 + 1, QS_ALLINPUT) };
        }
    }
}

fn v4(port: u16) -> SOCKADDR_IN {
    SOCKADDR_IN::from(std::net::SocketAddrV4::new(std::net::Ipv4Addr::LOCALHOST, port))
}

#[test]
fn async_select_reports_accept_read_and_close() {
    startup();
    let hwnd = message_window();
    let mut inbox = Inbox::default();
    const LISTEN_MSG: u32 = WM_USER + 1;
    const CONN_MSG: u32 = WM_USER + 2;
    // SAFETY: all pointers point to live locals of the stated sizes.
    unsafe {
        let l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        let addr = v4(0);
        assert_eq!(bind(l, (&addr as *const SOCKADDR_IN).cast(), size_of::<SOCKADDR_IN>() as i32), 0);
        assert_eq!(listen(l, SOMAXCONN), 0);
        let mut bound = SOCKADDR_IN::default();
        let mut len = size_of::<SOCKADDR_IN>() as i32;
        assert_eq!(getsockname(l, (&mut bound as *mut SOCKADDR_IN).cast(), &mut len), 0);
        assert_eq!(WSAAsyncSelect(l, hwnd, LISTEN_MSG, FD_ACCEPT | FD_CLOSE), 0);
        assert!(inbox.wait(LISTEN_MSG, 50).is_none(), "nothing to accept yet");

        let c = socket(AF_INET, SOCK_STREAM, 0);
        let to = v4(u16::from_be(bound.sin_port));
        assert_eq!(connect(c, (&to as *const SOCKADDR_IN).cast(), 16), 0);
        let m = inbox.wait(LISTEN_MSG, 5000).expect("FD_ACCEPT");
        assert_eq!(m.hwnd, hwnd);
        assert_eq!(m.wParam, l);
        assert_eq!(select_event(m.lParam), FD_ACCEPT);
        assert_eq!(select_error(m.lParam), 0);

        let a = accept(l, null_mut(), null_mut());
        assert_ne!(a, INVALID_SOCKET);
        assert_eq!(WSAAsyncSelect(a, hwnd, CONN_MSG, FD_READ | FD_CLOSE), 0);
        // The socket is non-blocking now.
        let mut buf = [0u8; 16];
        assert_eq!(recv(a, buf.as_mut_ptr(), 16, 0), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEWOULDBLOCK);

        assert_eq!(send(c, b"hello".as_ptr(), 5, 0), 5);
        let m = inbox.wait(CONN_MSG, 5000).expect("FD_READ");
        assert_eq!((m.wParam, select_event(m.lParam), select_error(m.lParam)), (a, FD_READ, 0));
        // One FD_READ until the next recv…
        assert_eq!(send(c, b"world".as_ptr(), 5, 0), 5);
        assert!(inbox.wait(CONN_MSG, 200).is_none(), "FD_READ is not re-posted before a recv");
        // …which re-enables it: data is left, so a new FD_READ follows.
        assert_eq!(recv(a, buf.as_mut_ptr(), 2, 0), 2);
        let m = inbox.wait(CONN_MSG, 5000).expect("FD_READ after a partial recv");
        assert_eq!(select_event(m.lParam), FD_READ);
        assert_eq!(recv(a, buf.as_mut_ptr(), 16, 0), 8);
        assert_eq!(&buf[..8], b"lloworld");
        let m = inbox.wait(CONN_MSG, 200);
        assert!(m.is_none() || select_event(m.unwrap().lParam) != FD_CLOSE);

        assert_eq!(closesocket(c), 0);
        let mut close = None;
        let deadline = Instant::now() + Duration::from_secs(5);
        while close.is_none() && Instant::now() < deadline {
            match inbox.wait(CONN_MSG, 5000) {
                Some(m) if select_event(m.lParam) == FD_CLOSE => close = Some(m),
                Some(m) => {
                    // A last FD_READ may precede FD_CLOSE; consume it as a program would.
                    assert_eq!(select_event(m.lParam), FD_READ);
                    let _ = recv(a, buf.as_mut_ptr(), 16, 0);
                }
                None => break,
            }
        }
        let m = close.expect("FD_CLOSE");
        assert_eq!((m.wParam, select_error(m.lParam)), (a, 0));

        // Cancelling leaves the socket non-blocking.
        assert_eq!(WSAAsyncSelect(a, hwnd, 0, 0), 0);
        for s in [a, l] {
            assert_eq!(closesocket(s), 0);
        }
        assert_eq!(DestroyWindow(hwnd), 1);
    }
}

#[test]
fn async_select_validates_its_arguments() {
    startup();
    let hwnd = message_window();
    // SAFETY: plain values.
    unsafe {
        let s = socket(AF_INET, SOCK_STREAM, 0);
        assert_eq!(WSAAsyncSelect(s, hwnd, WM_USER, 0x10000), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEINVAL);
        assert_eq!(WSAAsyncSelect(s, null_mut(), WM_USER, FD_READ), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEINVAL);
        assert_eq!(WSAAsyncSelect(s, 0x12345670 as HWND, WM_USER, FD_READ), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEINVAL);
        assert_eq!(WSAAsyncSelect(0x7ffffff0, hwnd, WM_USER, FD_READ), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAENOTSOCK);
        assert_eq!(WSAAsyncSelect(s, hwnd, WM_USER, FD_READ | FD_WRITE), 0);
        assert_eq!(WSAAsyncSelect(s, hwnd, WM_USER, 0), 0);
        assert_eq!(closesocket(s), 0);
        assert_eq!(DestroyWindow(hwnd), 1);
    }
}

#[test]
fn peek_message_filters_and_removal() {
    let hwnd = message_window();
    // SAFETY: writable MSGs; window handles from CreateWindowExA.
    unsafe {
        let mut m = MSG::default();
        assert_eq!(PeekMessageA(&mut m, null_mut(), 0, 0, PM_REMOVE), 0);
        assert_eq!(PostMessageA(hwnd, WM_USER + 5, 1, 2), 1);
        assert_eq!(PostMessageA(hwnd, WM_USER + 7, 3, 4), 1);
        assert_eq!(PostMessageA(null_mut(), WM_USER + 9, 5, 6), 1);
        // PM_NOREMOVE leaves the message in place.
        for _ in 0..2 {
            assert_eq!(PeekMessageA(&mut m, hwnd, 0, 0, PM_NOREMOVE), 1);
            assert_eq!((m.hwnd, m.message, m.wParam, m.lParam), (hwnd, WM_USER + 5, 1, 2));
        }
        // A range filter skips earlier messages.
        assert_eq!(PeekMessageA(&mut m, hwnd, WM_USER + 6, WM_USER + 8, PM_REMOVE), 1);
        assert_eq!(m.message, WM_USER + 7);
        // (HWND)-1: thread messages only.
        assert_eq!(PeekMessageA(&mut m, usize::MAX as HWND, 0, 0, PM_REMOVE), 1);
        assert_eq!((m.hwnd, m.message), (null_mut(), WM_USER + 9));
        assert_eq!(PeekMessageA(&mut m, hwnd, 0, 0, PM_REMOVE), 1);
        assert_eq!(m.message, WM_USER + 5);
        assert_eq!(PeekMessageA(&mut m, null_mut(), 0, 0, PM_REMOVE), 0);
        // Bad windows.
        assert_eq!(PeekMessageA(&mut m, 0x12345670 as HWND, 0, 0, PM_REMOVE), 0);
        assert_eq!(PostMessageA(0x12345670 as HWND, WM_USER, 0, 0), 0);
        // A destroyed window's queued messages go with it.
        assert_eq!(PostMessageA(hwnd, WM_USER + 5, 0, 0), 1);
        assert_eq!(DestroyWindow(hwnd), 1);
        assert_eq!(IsWindow(hwnd), 0);
        assert_eq!(PeekMessageA(&mut m, null_mut(), 0, 0, PM_REMOVE), 0);
        assert_eq!(PostMessageA(hwnd, WM_USER, 0, 0), 0);
    }
}

#[test]
fn post_message_from_another_thread_wakes_get_message() {
    let hwnd = message_window();
    let h = hwnd as usize;
    // A watchdog unblocks GetMessage if the real post never arrives.
    let watchdog = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(10));
        // SAFETY: plain values; posting to a destroyed window just fails.
        unsafe { PostMessageA(h as HWND, WM_USER + 99, 0, 0) };
    });
    let poster = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(50));
        // SAFETY: plain values.
        assert_eq!(unsafe { PostMessageA(h as HWND, WM_USER + 3, 7, 8) }, 1);
    });
    let mut m = MSG::default();
    let t0 = Instant::now();
    // SAFETY: a writable MSG.
    assert_eq!(unsafe { GetMessageA(&mut m, null_mut(), 0, 0) }, 1);
    assert_eq!((m.hwnd, m.message, m.wParam, m.lParam), (hwnd, WM_USER + 3, 7, 8));
    assert!(t0.elapsed() < Duration::from_secs(5));
    poster.join().unwrap();

    // MsgWaitForMultipleObjects: a signalled handle, a queued message, a timeout.
    // SAFETY: handles from CreateEventA; a writable MSG.
    unsafe {
        let ev = CreateEventA(null_mut(), 1, 0, null());
        assert_eq!(MsgWaitForMultipleObjects(1, &ev, 0, 0, QS_ALLINPUT), WSA_WAIT_TIMEOUT);
        assert_eq!(PostMessageA(hwnd, WM_USER, 0, 0), 1);
        assert_eq!(MsgWaitForMultipleObjects(1, &ev, 0, 1000, QS_ALLINPUT), WAIT_OBJECT_0 + 1);
        assert_eq!(SetEvent(ev), 1);
        assert_eq!(MsgWaitForMultipleObjects(1, &ev, 0, 1000, QS_ALLINPUT), WAIT_OBJECT_0);
        assert_eq!(PeekMessageA(&mut m, hwnd, 0, 0, PM_REMOVE), 1);
        assert_eq!(CloseHandle(ev), 1);
        // PostQuitMessage: GetMessage returns 0 with WM_QUIT once the queue is empty.
        assert_eq!(PostMessageA(hwnd, WM_USER + 4, 0, 0), 1);
        PostQuitMessage(3);
        assert_eq!(GetMessageA(&mut m, null_mut(), 0, 0), 1);
        assert_eq!(m.message, WM_USER + 4);
        assert_eq!(GetMessageA(&mut m, null_mut(), 0, 0), 0);
        assert_eq!((m.message, m.wParam), (WM_QUIT, 3));
        assert_eq!(DestroyWindow(hwnd), 1);
    }
    drop(watchdog);
}

static SEEN: AtomicU32 = AtomicU32::new(0);
static LAST_WPARAM: AtomicUsize = AtomicUsize::new(0);
static CREATE_PARAM: AtomicIsize = AtomicIsize::new(0);

const SEEN_NCCREATE: u32 = 1;
const SEEN_CREATE: u32 = 2;
const SEEN_DESTROY: u32 = 4;
const SEEN_USER: u32 = 8;

unsafe extern "C" fn wndproc(hwnd: HWND, msg: u32, w: WPARAM, l: LPARAM) -> isize {
    match msg {
        WM_NCCREATE => {
            SEEN.fetch_or(SEEN_NCCREATE, Ordering::SeqCst);
        }
        WM_CREATE => {
            SEEN.fetch_or(SEEN_CREATE, Ordering::SeqCst);
            // SAFETY: WM_CREATE's lParam is the CREATESTRUCT.
            let cs = unsafe { &*(l as *const ws2_32::exports::user32::CREATESTRUCTA) };
            CREATE_PARAM.store(cs.lpCreateParams as isize, Ordering::SeqCst);
            return 0;
        }
        WM_DESTROY => {
            SEEN.fetch_or(SEEN_DESTROY, Ordering::SeqCst);
        }
        m if m == WM_USER + 20 => {
            SEEN.fetch_or(SEEN_USER, Ordering::SeqCst);
            LAST_WPARAM.store(w, Ordering::SeqCst);
            return 42;
        }
        _ => {}
    }
    // SAFETY: forwarding the message unchanged.
    unsafe { DefWindowProcA(hwnd, msg, w, l) }
}

#[test]
fn dispatch_message_calls_the_window_procedure() {
    // SAFETY: valid class structures and NUL-terminated names; writable MSGs.
    unsafe {
        let wc = WNDCLASSEXA {
            cbSize: size_of::<WNDCLASSEXA>() as u32,
            style: 0,
            lpfnWndProc: wndproc as *mut core::ffi::c_void,
            cbClsExtra: 0,
            cbWndExtra: 16,
            hInstance: null_mut(),
            hIcon: null_mut(),
            hCursor: null_mut(),
            hbrBackground: null_mut(),
            lpszMenuName: null(),
            lpszClassName: c"winmsg-test-dispatch".as_ptr(),
            hIconSm: null_mut(),
        };
        let atom = RegisterClassExA(&wc);
        assert_ne!(atom, 0);
        assert_eq!(RegisterClassExA(&wc), 0, "a class name is registered once");
        let bad = WNDCLASSEXA { cbSize: 0, ..wc };
        assert_eq!(RegisterClassExA(&bad), 0);

        // By atom (MAKEINTATOM), with a creation parameter.
        let hwnd = CreateWindowExA(
            0,
            atom as usize as *const core::ffi::c_char,
            c"w".as_ptr(),
            0,
            0,
            0,
            0,
            0,
            HWND_MESSAGE,
            null_mut(),
            null_mut(),
            0x5150 as *mut core::ffi::c_void,
        );
        assert!(!hwnd.is_null());
        assert_eq!(SEEN.load(Ordering::SeqCst) & (SEEN_NCCREATE | SEEN_CREATE), SEEN_NCCREATE | SEEN_CREATE);
        assert_eq!(CREATE_PARAM.load(Ordering::SeqCst), 0x5150);

        assert_eq!(SetWindowLongPtrA(hwnd, GWLP_USERDATA, 77), 0);
        assert_eq!(GetWindowLongPtrA(hwnd, GWLP_USERDATA), 77);
        assert_eq!(SetWindowLongPtrA(hwnd, 8, -5), 0);
        assert_eq!(GetWindowLongPtrA(hwnd, 8), -5);
        assert_eq!(GetWindowLongPtrA(hwnd, 9), 0, "past cbWndExtra");

        assert_eq!(PostMessageA(hwnd, WM_USER + 20, 1234, 0), 1);
        let mut m = MSG::default();
        assert_eq!(GetMessageA(&mut m, hwnd, 0, 0), 1);
        assert_eq!(TranslateMessage(&m), 0);
        assert_eq!(DispatchMessageA(&m), 42);
        assert_eq!(LAST_WPARAM.load(Ordering::SeqCst), 1234);

        assert_eq!(UnregisterClassA(c"winmsg-test-dispatch".as_ptr(), null_mut()), 0, "class still has a window");
        assert_eq!(DestroyWindow(hwnd), 1);
        assert_ne!(SEEN.load(Ordering::SeqCst) & SEEN_DESTROY, 0);
        assert_eq!(DispatchMessageA(&m), 0, "the window is gone");
        assert_eq!(UnregisterClassA(c"WINMSG-TEST-DISPATCH".as_ptr(), null_mut()), 1);
        let w = CreateWindowExA(
            0,
            c"winmsg-test-dispatch".as_ptr(),
            null(),
            0,
            0,
            0,
            0,
            0,
            HWND_MESSAGE,
            null_mut(),
            null_mut(),
            null_mut(),
        );
        assert!(w.is_null());
    }
}

#[cfg(target_arch = "x86_64")]
static WIN64_CALLS: AtomicU32 = AtomicU32::new(0);

#[cfg(target_arch = "x86_64")]
unsafe extern "win64" fn wndproc_win64(_hwnd: HWND, msg: u32, w: WPARAM, l: LPARAM) -> isize {
    if msg == WM_NCCREATE {
        return 1;
    }
    if msg == WM_USER + 30 {
        WIN64_CALLS.fetch_add(1, Ordering::SeqCst);
        return (w as isize) + l;
    }
    0
}

/// A class registered through the PE face gets its procedure called with the win64 ABI.
#[cfg(target_arch = "x86_64")]
#[test]
fn win64_face_window_procedure() {
    use ws2_32::exports::{Target, by_name, user32::EXPORTS};
    let Some(Target::Proc(p)) = by_name(EXPORTS, "RegisterClassA").map(|e| e.target) else { panic!("no export") };
    // SAFETY: the export's real signature.
    let register: unsafe extern "win64" fn(*const WNDCLASSA) -> u16 = unsafe { std::mem::transmute(p) };
    let wc = WNDCLASSA {
        style: 0,
        lpfnWndProc: wndproc_win64 as *mut core::ffi::c_void,
        cbClsExtra: 0,
        cbWndExtra: 0,
        hInstance: null_mut(),
        hIcon: null_mut(),
        hCursor: null_mut(),
        hbrBackground: null_mut(),
        lpszMenuName: null(),
        lpszClassName: c"winmsg-test-win64".as_ptr(),
    };
    // SAFETY: a valid WNDCLASSA; writable MSGs.
    unsafe {
        assert_ne!(register(&wc), 0);
        let hwnd = CreateWindowExA(
            0,
            c"winmsg-test-win64".as_ptr(),
            null(),
            0,
            0,
            0,
            0,
            0,
            HWND_MESSAGE,
            null_mut(),
            null_mut(),
            null_mut(),
        );
        assert!(!hwnd.is_null());
        assert_eq!(PostMessageA(hwnd, WM_USER + 30, 40, 2), 1);
        let mut m = MSG::default();
        assert_eq!(PeekMessageA(&mut m, hwnd, 0, 0, PM_REMOVE), 1);
        assert_eq!(DispatchMessageA(&m), 42);
        assert_eq!(WIN64_CALLS.load(Ordering::SeqCst), 1);
        assert_eq!(DestroyWindow(hwnd), 1);
    }
}

/// `MAXGETHOSTSTRUCT` bytes, pointer-aligned.
#[repr(C, align(8))]
struct HostBuf([u8; MAXGETHOSTSTRUCT]);

#[test]
fn async_get_host_by_name_delivers_a_relocated_hostent() {
    startup();
    let hwnd = message_window();
    let mut inbox = Inbox::default();
    const DONE: u32 = WM_USER + 10;
    let mut buf = Box::new(HostBuf([0xcc; MAXGETHOSTSTRUCT]));
    let base = buf.0.as_mut_ptr();
    // SAFETY: the buffer outlives the reply; the HOSTENT's pointers are checked to lie inside it.
    unsafe {
        let task = WSAAsyncGetHostByName(hwnd, DONE, c"localhost".as_ptr(), base.cast(), MAXGETHOSTSTRUCT as i32);
        assert!(!task.is_null());
        let m = inbox.wait(DONE, 10_000).expect("lookup reply");
        assert_eq!(m.wParam, task as usize);
        assert_eq!(select_error(m.lParam), 0, "WSAGETASYNCERROR");
        let used = select_event(m.lParam) as usize;
        assert!(used > size_of::<HOSTENT>() && used <= MAXGETHOSTSTRUCT);
        let inside = |p: usize| (base as usize..base as usize + used).contains(&p);
        let h = &*(base as *const HOSTENT);
        assert_eq!((h.h_addrtype, h.h_length), (AF_INET as i16, 4));
        assert!(inside(h.h_name as usize) && inside(h.h_aliases as usize) && inside(h.h_addr_list as usize));
        let first = *h.h_addr_list;
        assert!(inside(first as usize));
        assert_eq!(std::slice::from_raw_parts(first.cast::<u8>(), 4), &[127, 0, 0, 1]);

        // Finished: cancelling is too late; a made-up handle is invalid.
        assert_eq!(WSACancelAsyncRequest(task), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEALREADY);
        assert_eq!(WSACancelAsyncRequest(0x7fff_0000 as HANDLE), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEINVAL);

        // Too small: WSAENOBUFS with the size needed, buffer untouched.
        let mut small = HostBuf([0xcc; MAXGETHOSTSTRUCT]);
        let task = WSAAsyncGetHostByName(hwnd, DONE, c"localhost".as_ptr(), small.0.as_mut_ptr().cast(), 8);
        assert!(!task.is_null());
        let m = inbox.wait(DONE, 10_000).expect("lookup reply");
        assert_eq!(m.wParam, task as usize);
        assert_eq!(select_error(m.lParam), WSAENOBUFS);
        assert_eq!(select_event(m.lParam) as usize, used);
        assert!(small.0.iter().all(|&b| b == 0xcc));
    }
    drop(buf);
    // SAFETY: our window.
    assert_eq!(unsafe { DestroyWindow(hwnd) }, 1);
}

#[test]
fn async_get_proto_by_name_and_number() {
    startup();
    let hwnd = message_window();
    let mut inbox = Inbox::default();
    const DONE: u32 = WM_USER + 11;
    let mut buf = Box::new(HostBuf([0; MAXGETHOSTSTRUCT]));
    // SAFETY: the buffer outlives the replies.
    unsafe {
        let p = buf.0.as_mut_ptr();
        let task = WSAAsyncGetProtoByName(hwnd, DONE, c"tcp".as_ptr(), p.cast(), MAXGETHOSTSTRUCT as i32);
        assert!(!task.is_null());
        let m = inbox.wait(DONE, 10_000).expect("reply");
        assert_eq!((m.wParam, select_error(m.lParam)), (task as usize, 0));
        let e = &*(p as *const PROTOENT);
        assert_eq!(e.p_proto, 6);
        assert_eq!(std::ffi::CStr::from_ptr(e.p_name).to_bytes(), b"tcp");

        let task = WSAAsyncGetProtoByNumber(hwnd, DONE, 17, p.cast(), MAXGETHOSTSTRUCT as i32);
        let m = inbox.wait(DONE, 10_000).expect("reply");
        assert_eq!((m.wParam, select_error(m.lParam)), (task as usize, 0));
        let e = &*(p as *const PROTOENT);
        assert_eq!(std::ffi::CStr::from_ptr(e.p_name).to_bytes(), b"udp");

        let task = WSAAsyncGetProtoByNumber(hwnd, DONE, 250, p.cast(), MAXGETHOSTSTRUCT as i32);
        let m = inbox.wait(DONE, 10_000).expect("reply");
        assert_eq!((m.wParam, select_error(m.lParam)), (task as usize, WSANO_DATA));

        // NULL buffer: refused at once.
        assert!(WSAAsyncGetProtoByNumber(hwnd, DONE, 6, null_mut(), 0).is_null());
        assert_eq!(WSAGetLastError(), WSAEFAULT);
        assert_eq!(DestroyWindow(hwnd), 1);
    }
}
