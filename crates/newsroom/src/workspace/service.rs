//! The sync service: the loop that keeps the workspace folder and the library in step, shared
//! by the desktop app and `newsroom watch`.
//!
//! It runs on a thread of its own. At start it reconciles (a full scan); then each batch from
//! the [`WorkspaceWatcher`] is ingested, the app's saves are mirrored to the folder once they
//! settle ([`SyncService::notify_saved`]), and about once a second the database's change
//! counter is read to notice another process (the CLI while the app is open) changing it.
//! Every pass takes the target's lock for that pass only, and no pass is long: the app's changes
//! are written in batches of a few dozen articles (a first export of 10,000 articles is two
//! hundred batches, with the lock free between them), and the files a watcher reports are taken
//! in by chunks of as many (a checkout changing thousands of files is as many chunks), so
//! typing never waits long, and the caller's thread never does sync work. What happened is
//! told through [`SyncEvent`]s, a file's problem once until the file or the sentence changes
//! ([`told`]).

mod events;
mod queue;
mod run;
mod target;
#[cfg(test)]
mod tests;
mod told;

pub use events::SyncEvent;
pub use target::{LibraryTarget, SyncTarget};

use crate::workspace::{WatchBatch, WatchError, WatchMode, WatchOptions, WorkspaceWatcher};
use run::SyncLoop;
use std::path::Path;
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// Timings of the sync loop.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// How the folder is watched.
    pub watch: WatchOptions,
    /// Quiet time after the last save before the app's changes are written to the folder.
    pub settle: Duration,
    /// Continuous typing is written to the folder at least this often.
    pub mirror_at_most: Duration,
    /// How often the database is checked for changes by another process.
    pub check_every: Duration,
    /// When polling, files that changed are looked at once more after this long: the poller
    /// sees modification times to the second only, so a second write within the same second
    /// would otherwise go unnoticed.
    pub second_look: Duration,
    /// The whole folder is scanned again this often although no event asked for it, where
    /// watching can stop without a word ([`super::watcher::SAFETY_RESCAN`]); `None`: never.
    pub rescan_every: Option<Duration>,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            watch: WatchOptions::default(),
            settle: Duration::from_millis(400),
            mirror_at_most: Duration::from_secs(3),
            check_every: Duration::from_secs(1),
            second_look: Duration::from_secs(2),
            rescan_every: super::watcher::SAFETY_RESCAN,
        }
    }
}

/// What the loop is told by the watcher and by the service's owner.
enum Message {
    Batch(WatchBatch),
    Saved,
    Stop,
}

/// The running sync. [`SyncService::stop`] (or dropping it) stops watching and returns once
/// pending writes are done.
pub struct SyncService {
    messages: Sender<Message>,
    thread: Option<JoinHandle<()>>,
    watcher: Option<WorkspaceWatcher>,
    mode: WatchMode,
}

impl SyncService {
    /// Starts watching `root` (the target's workspace folder) and the sync loop over `target`.
    /// `on_event` is called from the loop's thread. Fails only when the folder cannot be
    /// watched at all; everything after start is reported through events.
    pub fn start<T: SyncTarget + 'static>(
        target: Arc<Mutex<T>>,
        root: &Path,
        options: SyncOptions,
        on_event: impl Fn(SyncEvent) + Send + 'static,
    ) -> Result<SyncService, WatchError> {
        let (messages, inbox) = channel();
        let batches = messages.clone();
        let watcher = WorkspaceWatcher::start_with(root, &options.watch, move |batch| {
            // The loop is gone only after stop, when no batch is wanted any more.
            let _ = batches.send(Message::Batch(batch));
        })?;
        let mode = watcher.mode().clone();
        let polling = matches!(mode, WatchMode::Polling { .. });
        if let WatchMode::Polling { reason } = &mode {
            on_event(SyncEvent::WatchingByPolling {
                reason: reason.clone(),
            });
        }
        let sync = SyncLoop::new(target, options, Box::new(on_event), polling);
        let thread = std::thread::Builder::new()
            .name("workspace sync".into())
            .spawn(move || sync.run(inbox))
            .map_err(WatchError::NoThread)?;
        Ok(SyncService {
            messages,
            thread: Some(thread),
            watcher: Some(watcher),
            mode,
        })
    }

    /// Tells the loop the app saved an article; its file is written once saves settle. Cheap
    /// and non-blocking: call it after every save.
    pub fn notify_saved(&self) {
        let _ = self.messages.send(Message::Saved);
    }

    /// Whether the folder is watched natively or polled (and why).
    pub fn mode(&self) -> &WatchMode {
        &self.mode
    }

    /// Stops watching, takes in the changes already seen, writes the app's pending changes to
    /// the folder, and returns when that is done.
    pub fn stop(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        if let Some(watcher) = self.watcher.take() {
            watcher.stop();
        }
        let _ = self.messages.send(Message::Stop);
        if let Some(thread) = self.thread.take() {
            // A panic in the loop has already been printed; there is nothing more to flush.
            let _ = thread.join();
        }
    }
}

impl Drop for SyncService {
    fn drop(&mut self) {
        self.shut_down();
    }
}
