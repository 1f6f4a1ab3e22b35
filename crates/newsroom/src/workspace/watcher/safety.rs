//! Where the system's watching can stop without a word, the sync also scans the folder on a
//! timer ([`super::super::SyncOptions::rescan_every`]).
//!
//! - Windows: when `ReadDirectoryChangesW`'s buffer of changes overflows (a storm of writes,
//!   a big checkout), the read completes with `ERROR_NOTIFY_ENUM_DIR`; notify 8.2 logs it and
//!   stops watching that folder, telling its user nothing. The scan on a timer (fast: unchanged
//!   files are skipped by size and time) finds what was missed.
//! - Linux (inotify) and macOS (FSEvents) report lost events (`IN_Q_OVERFLOW`,
//!   `MustScanSubDirs`, dropped events) as a rescan, which the sync does at once.

use std::time::Duration;

/// How often the folder is scanned although no event asked for it; `None` where lost events
/// are always reported.
#[cfg(windows)]
pub const SAFETY_RESCAN: Option<Duration> = Some(Duration::from_secs(30));
#[cfg(not(windows))]
pub const SAFETY_RESCAN: Option<Duration> = None;
