//! WAL checkpoints off the typing path.
//!
//! SQLite normally checkpoints the WAL inside whichever commit pushes it past 1,000 pages,
//! which makes one autosave in every few dozen take several milliseconds (the copy and the
//! fsync). A long-running front end (the desktop app) instead lets a background thread with its
//! own connection run PASSIVE checkpoints, which never block a writer, and turns the automatic
//! ones off. Short-lived front ends (the CLI) keep SQLite's default: closing the last connection
//! checkpoints anyway.

use super::{Store, StoreError};
use rusqlite::Connection;
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// The background checkpointer; stopping it (on drop) waits for a running checkpoint to end.
pub(super) struct Checkpointer {
    stop: Arc<(Mutex<bool>, Condvar)>,
    thread: Option<JoinHandle<()>>,
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        let (flag, wake) = &*self.stop;
        if let Ok(mut stop) = flag.lock() {
            *stop = true;
            wake.notify_all();
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn run(conn: Connection, every: Duration, stop: Arc<(Mutex<bool>, Condvar)>) {
    let (flag, wake) = &*stop;
    let Ok(mut stopped) = flag.lock() else { return };
    while !*stopped {
        let Ok((guard, _)) = wake.wait_timeout(stopped, every) else {
            return;
        };
        stopped = guard;
        // A failed checkpoint (the database busy for longer than the timeout) is simply tried
        // again next time; the WAL keeps every commit safe meanwhile.
        let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
    }
}

impl Store {
    /// Moves WAL checkpoints to a background thread that runs one every `every`, for the life
    /// of this store. Saves then never wait for a checkpoint. In-memory stores have no WAL and
    /// ignore this.
    pub fn checkpoint_in_background(&mut self, every: Duration) -> Result<(), StoreError> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        if self.checkpointer.is_some() {
            return Ok(());
        }
        let conn = Connection::open(&path).map_err(|e| StoreError::from(e).at(&path))?;
        conn.busy_timeout(super::DEFAULT_BUSY_TIMEOUT)?;
        self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let thread_stop = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("newsroom-checkpoints".into())
            .spawn(move || run(conn, every, thread_stop))
            .map_err(|e| StoreError::CheckpointThread(e.to_string()))?;
        self.checkpointer = Some(Checkpointer {
            stop,
            thread: Some(thread),
        });
        Ok(())
    }
}
