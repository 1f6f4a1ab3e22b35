//! Why native watching failed, in words for the editor: the reason shown (once) when the
//! watcher falls back to polling.

use notify::ErrorKind;

/// The sentence that explains why the folder is polled instead of watched natively.
pub(super) fn polling_reason(error: &notify::Error) -> String {
    match &error.kind {
        ErrorKind::MaxFilesWatch => "the system's limit on watched folders was reached \
             (on Linux, raise fs.inotify.max_user_watches to watch natively); \
             changes are checked every second instead"
            .to_string(),
        ErrorKind::Io(e) if is_too_many_watchers(e) => "the system's limit on file watchers was \
             reached (on Linux, raise fs.inotify.max_user_instances); changes are checked every \
             second instead"
            .to_string(),
        _ => format!(
            "the workspace folder's file system does not report changes ({error}), as is common \
             on network drives; changes are checked every second instead"
        ),
    }
}

/// `EMFILE` (the same number on Linux and macOS): too many watchers or files open.
const EMFILE: i32 = 24;

/// Creating an inotify instance failed because the per-user limit of instances was reached.
fn is_too_many_watchers(e: &std::io::Error) -> bool {
    cfg!(unix) && e.raw_os_error() == Some(EMFILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_watch_limit_is_named_with_the_setting_to_raise() {
        let reason = polling_reason(&notify::Error::new(ErrorKind::MaxFilesWatch));
        assert!(reason.contains("max_user_watches"), "{reason}");
        assert!(reason.contains("every second"), "{reason}");
    }

    #[cfg(unix)]
    #[test]
    fn too_many_watchers_is_named() {
        let error = notify::Error::io(std::io::Error::from_raw_os_error(24));
        assert!(polling_reason(&error).contains("max_user_instances"));
    }

    /// On Windows 24 is `ERROR_BAD_LENGTH`, nothing to do with a limit on watchers.
    #[cfg(windows)]
    #[test]
    fn error_24_is_no_watcher_limit_on_windows() {
        let error = notify::Error::io(std::io::Error::from_raw_os_error(24));
        assert!(polling_reason(&error).contains("does not report changes"));
    }

    #[test]
    fn other_failures_say_the_file_system_does_not_report_changes() {
        let error = notify::Error::generic("not supported");
        let reason = polling_reason(&error);
        assert!(reason.contains("does not report changes"), "{reason}");
        assert!(reason.contains("not supported"), "{reason}");
    }
}
