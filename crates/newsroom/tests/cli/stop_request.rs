//! Stopping a running `newsroom watch` from a test, the way each system allows.
//!
//! On Unix the test sends SIGTERM, as a service manager or `kill` does, and the program must
//! finish its pending writes and exit 0. On Windows a console program is asked to stop with
//! Ctrl+C or Ctrl+Break, which only a program sharing its console can send
//! (`GenerateConsoleCtrlEvent`); a test running without a console (CI, Wine) cannot, so there
//! the process is ended, and the clean stop is covered by the sync service's own tests
//! (`workspace::service::tests::stop_writes_pending_saves_before_returning`).

use std::process::Child;

/// Asks `child` to stop and returns its exit status; `None` where it had to be ended instead.
#[cfg(unix)]
pub fn stop(child: &mut Child) -> Option<i32> {
    let pid = child.id().to_string();
    let sent = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status();
    assert!(sent.is_ok_and(|s| s.success()), "kill -TERM {pid}");
    Some(child.wait().expect("wait for watch").code().unwrap_or(-1))
}

#[cfg(windows)]
pub fn stop(child: &mut Child) -> Option<i32> {
    child.kill().expect("end watch");
    child.wait().expect("wait for watch");
    None
}
