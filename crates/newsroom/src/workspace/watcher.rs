//! Watching the workspace folder for changes made by other programs.
//!
//! The whole folder is watched recursively, as directories rather than single files: editors
//! that save by writing a temporary file and renaming it over the original, by truncating and
//! writing, or by several writes in a row all touch the directory, and a file watch would be
//! lost on the first rename. Events are debounced (notify-debouncer-full) and delivered as one
//! [`WatchBatch`] of paths per quiet moment; what those paths mean is the sync engine's business.
//!
//! Where native watching fails (the inotify watch limit, a network drive) the watcher falls back
//! to polling and says why in [`WatchMode::Polling`].

mod batch;
mod error;
mod fallback;
mod safety;

pub use batch::WatchBatch;
pub use error::WatchError;
pub use safety::SAFETY_RESCAN;

use notify::{PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, Debouncer, NoCache, RecommendedCache, new_debouncer_opt,
};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// How the watcher waits and how it watches.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    /// Quiet time after the last event before a batch is delivered. Short, because an external
    /// edit must reach the open editor within 300 ms.
    pub debounce: Duration,
    /// How often the folder is scanned when polling.
    pub poll_interval: Duration,
    /// Poll even when native watching works (tests, or a setting for unreliable drives).
    pub force_polling: bool,
}

impl Default for WatchOptions {
    fn default() -> Self {
        WatchOptions {
            debounce: Duration::from_millis(100),
            poll_interval: Duration::from_secs(1),
            force_polling: false,
        }
    }
}

/// How the folder is being watched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchMode {
    /// The operating system reports changes as they happen.
    Native,
    /// The folder is scanned at intervals, because native watching failed for `reason` (a
    /// sentence for the editor).
    Polling { reason: String },
}

/// The reason given when [`WatchOptions::force_polling`] asked for polling.
pub const FORCED_POLLING: &str = "the workspace is set to be checked for changes every second";

/// The running watcher; dropping it (or [`WorkspaceWatcher::stop`]) stops watching.
pub struct WorkspaceWatcher {
    backend: Option<Backend>,
    mode: WatchMode,
}

/// The debouncer over whichever watcher could be started.
enum Backend {
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    Polling(Debouncer<PollWatcher, NoCache>),
}

/// The caller's callback, shared so a failed native attempt can hand it on to the poller.
type Sink = Arc<Mutex<dyn FnMut(WatchBatch) + Send>>;

impl WorkspaceWatcher {
    /// Watches `root` (recursively) with the default options, calling `on_batch` from a
    /// background thread after each burst of changes.
    pub fn start(
        root: &Path,
        on_batch: impl FnMut(WatchBatch) + Send + 'static,
    ) -> Result<WorkspaceWatcher, WatchError> {
        Self::start_with(root, &WatchOptions::default(), on_batch)
    }

    /// [`WorkspaceWatcher::start`] with chosen options.
    pub fn start_with(
        root: &Path,
        options: &WatchOptions,
        on_batch: impl FnMut(WatchBatch) + Send + 'static,
    ) -> Result<WorkspaceWatcher, WatchError> {
        error::check_root(root)?;
        let sink: Sink = Arc::new(Mutex::new(on_batch));
        let started = if options.force_polling {
            start_polling(root, options, sink).map(|backend| {
                let reason = FORCED_POLLING.to_string();
                (backend, WatchMode::Polling { reason })
            })
        } else {
            let native = start_native(root, options, sink.clone());
            native_or_polling(native, || start_polling(root, options, sink))
        };
        let (backend, mode) = started.map_err(|e| WatchError::Unwatchable {
            path: root.to_path_buf(),
            detail: e.to_string(),
        })?;
        Ok(WorkspaceWatcher {
            backend: Some(backend),
            mode,
        })
    }

    /// Whether the folder is watched natively or polled, and why.
    pub fn mode(&self) -> &WatchMode {
        &self.mode
    }

    /// Stops watching, waiting for the delivery thread to finish (at most one debounce tick),
    /// so no batch arrives after this returns.
    pub fn stop(mut self) {
        self.stop_backend();
    }

    fn stop_backend(&mut self) {
        match self.backend.take() {
            Some(Backend::Native(debouncer)) => debouncer.stop(),
            Some(Backend::Polling(debouncer)) => debouncer.stop(),
            None => {}
        }
    }
}

impl Drop for WorkspaceWatcher {
    fn drop(&mut self) {
        self.stop_backend();
    }
}

/// The native backend when it started, otherwise polling with the reason native failed.
fn native_or_polling(
    native: notify::Result<Backend>,
    polling: impl FnOnce() -> notify::Result<Backend>,
) -> notify::Result<(Backend, WatchMode)> {
    match native {
        Ok(backend) => Ok((backend, WatchMode::Native)),
        Err(error) => {
            let reason = fallback::polling_reason(&error);
            Ok((polling()?, WatchMode::Polling { reason }))
        }
    }
}

fn start_native(root: &Path, options: &WatchOptions, sink: Sink) -> notify::Result<Backend> {
    let mut debouncer = new_debouncer_opt(
        options.debounce,
        None,
        deliver_to(sink),
        RecommendedCache::new(),
        notify::Config::default(),
    )?;
    debouncer.watch(root, RecursiveMode::Recursive)?;
    Ok(Backend::Native(debouncer))
}

/// Polling compares modification times, which the poller keeps to the second: a file written
/// twice within one second shows only the first write. The sync service therefore looks at
/// recently changed files once more a little later ([`WatchMode::Polling`] tells it to).
fn start_polling(root: &Path, options: &WatchOptions, sink: Sink) -> notify::Result<Backend> {
    let config = notify::Config::default().with_poll_interval(options.poll_interval);
    let mut debouncer =
        new_debouncer_opt(options.debounce, None, deliver_to(sink), NoCache, config)?;
    debouncer.watch(root, RecursiveMode::Recursive)?;
    Ok(Backend::Polling(debouncer))
}

/// The debouncer's handler: batches what it delivers and passes on what can be work.
fn deliver_to(sink: Sink) -> impl FnMut(DebounceEventResult) + Send + 'static {
    move |result| {
        if let Some(batch) = WatchBatch::from_result(result) {
            let mut on_batch = sink.lock().unwrap_or_else(PoisonError::into_inner);
            on_batch(batch);
        }
    }
}

#[cfg(test)]
mod tests;
