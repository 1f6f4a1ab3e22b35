//! A helper process started by a windowed app must not open a console window of its own: on
//! Windows a console program gets one unless it is started without.

use std::process::Command;

/// Starts `command` without a console window (Windows); elsewhere there is none to hide.
#[cfg(windows)]
pub fn hide_window(command: &mut Command) {
    use std::os::windows::process::CommandExt;
    /// `CREATE_NO_WINDOW` of the process creation flags (WinBase.h).
    const CREATE_NO_WINDOW: u32 = 0x0800_0000;
    command.creation_flags(CREATE_NO_WINDOW);
}

/// Starts `command` without a console window (Windows); elsewhere there is none to hide.
#[cfg(not(windows))]
pub fn hide_window(_command: &mut Command) {}
