//! The sync loop itself, on its own thread: one message or one deadline at a time.

use super::queue::IngestQueue;
use super::told::ToldProblems;
use super::{Message, SyncEvent, SyncOptions, SyncTarget};
use crate::error::Result;
use crate::workspace::{SyncReport, WatchBatch};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Articles written per mirror batch, the lock held for one batch only. Writing a file costs
/// about 0.5 ms here (render, atomic write with its fsyncs, the agreement recorded), so a batch
/// keeps typing and previews waiting 25–40 ms at most (BENCHMARKS.md, "Workspace sync").
pub(super) const MIRROR_BATCH: usize = 50;

/// Files taken in per ingest chunk, the lock held for one chunk only: a git checkout or a sync
/// tool changing thousands of files at once is one watcher batch, taken in chunk after chunk
/// (BENCHMARKS.md, "Workspace sync").
pub(super) const INGEST_BATCH: usize = 25;

/// The text taken in per ingest chunk at most (one larger file is a chunk alone): taking in
/// 1 MiB of article text (saved, indexed, kept in the history) holds the lock about 20 ms here
/// (BENCHMARKS.md, "Workspace sync"), so no chunk keeps a keystroke waiting longer.
pub(super) const INGEST_BYTES: u64 = 1024 * 1024;

/// The pause between two batches (mirror or ingest): the lock is free for the app's commands,
/// which a thread taking it back at once could otherwise beat to it every time.
const BATCH_PAUSE: Duration = Duration::from_millis(2);

/// The loop's state: what is due and when.
pub(super) struct SyncLoop<T> {
    pub target: Arc<Mutex<T>>,
    pub options: SyncOptions,
    pub emit: Box<dyn Fn(SyncEvent) + Send>,
    /// The folder is polled: recently changed files get a second look (see
    /// [`SyncOptions::second_look`]).
    pub polling: bool,
    /// When to write the app's changes to the folder, once saves have settled.
    mirror_due: Option<Instant>,
    /// Files reported by the watcher and not yet taken in.
    queue: IngestQueue,
    /// When to take in the next chunk of `queue`.
    ingest_due: Option<Instant>,
    /// The first save not yet mirrored, so continuous typing still reaches the folder.
    first_unmirrored_save: Option<Instant>,
    /// The next look at the database's change counter.
    next_check: Instant,
    /// The counter as last seen; `None` until it could be read.
    data_version: Option<i64>,
    /// A full scan is owed (events were lost, or a pass failed as a whole).
    rescan_owed: bool,
    /// When the last full scan was made.
    last_full_scan: Instant,
    /// Files to look at once more, and when.
    second_look: Option<(Instant, BTreeSet<PathBuf>)>,
    /// [`SyncEvent::Ready`] is told once the start-up scan and the writing of the app's
    /// pending changes (batch after batch) are done.
    ready_owed: bool,
    /// The problems already told, so that each is told once (see [`super::told`]).
    told: ToldProblems,
}

impl<T: SyncTarget> SyncLoop<T> {
    pub fn new(
        target: Arc<Mutex<T>>,
        options: SyncOptions,
        emit: Box<dyn Fn(SyncEvent) + Send>,
        polling: bool,
    ) -> Self {
        SyncLoop {
            next_check: Instant::now() + options.check_every,
            target,
            options,
            emit,
            polling,
            mirror_due: None,
            queue: IngestQueue::default(),
            ingest_due: None,
            first_unmirrored_save: None,
            data_version: None,
            rescan_owed: false,
            last_full_scan: Instant::now(),
            second_look: None,
            ready_owed: true,
            told: ToldProblems::default(),
        }
    }

    /// Runs until told to stop (or the service is gone), then finishes what is pending.
    pub fn run(mut self, messages: Receiver<Message>) {
        self.reconcile();
        // The articles changed in the app while nobody synced (all of them, the first time):
        // written in batches from the loop, between messages.
        self.mirror_due = Some(Instant::now());
        self.data_version = self.read_data_version();
        loop {
            let wait = self
                .next_deadline()
                .saturating_duration_since(Instant::now());
            match messages.recv_timeout(wait) {
                Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => break,
                Ok(message) => {
                    let mut batch = WatchBatch::default();
                    let mut stop = self.take(message, &mut batch);
                    // Whatever queued up meanwhile joins this pass.
                    while let Ok(more) = messages.try_recv() {
                        stop |= self.take(more, &mut batch);
                    }
                    self.enqueue(batch);
                    if stop {
                        break;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
            }
            self.run_due(Instant::now());
        }
        self.finish(messages);
    }

    /// Folds one message into the pending work; `true` for a request to stop.
    fn take(&mut self, message: Message, batch: &mut WatchBatch) -> bool {
        match message {
            Message::Batch(more) => {
                batch.paths.extend(more.paths);
                batch.rescan |= more.rescan;
                false
            }
            Message::Saved => {
                self.saved(Instant::now());
                false
            }
            Message::Stop => true,
        }
    }

    /// A save in the app: mirror once saves settle, but never later than `mirror_at_most`
    /// after the first unmirrored one.
    fn saved(&mut self, now: Instant) {
        let first = *self.first_unmirrored_save.get_or_insert(now);
        let settled = now + self.options.settle;
        self.mirror_due = Some(settled.min(first + self.options.mirror_at_most));
    }

    fn next_deadline(&self) -> Instant {
        [
            Some(self.next_check),
            self.mirror_due,
            self.ingest_due,
            self.second_look.as_ref().map(|(due, _)| *due),
        ]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(self.next_check)
    }

    /// Does what is due. The files on disk are taken in before the app's changes are written
    /// (each batch of either pushes the other back by [`BATCH_PAUSE`], so the lock is free
    /// between any two).
    fn run_due(&mut self, now: Instant) {
        if let Some((due, _)) = &self.second_look
            && *due <= now
            && let Some((_, paths)) = self.second_look.take()
        {
            self.queue.push(paths);
            self.ingest_due.get_or_insert(now);
        }
        if self.ingest_due.is_some_and(|due| due <= now) {
            self.ingest_chunk();
        }
        if self.mirror_due.is_some_and(|due| due <= now) {
            self.mirror();
        }
        if self.next_check <= now {
            self.next_check = now + self.options.check_every;
            self.check_elsewhere();
            let scan_due = self
                .options
                .rescan_every
                .is_some_and(|every| now >= self.last_full_scan + every);
            if std::mem::take(&mut self.rescan_owed) || scan_due {
                self.reconcile();
            }
        }
    }

    /// Another process committed to the database: tell the front end, and bring its changes
    /// to the folder.
    fn check_elsewhere(&mut self) {
        let Some(now) = self.read_data_version() else {
            return;
        };
        let before = self.data_version.replace(now);
        if before.is_some_and(|before| before != now) {
            (self.emit)(SyncEvent::LibraryChangedElsewhere);
            self.mirror();
        }
    }

    /// Queues the files of a watcher batch; the first chunk is taken in at once.
    fn enqueue(&mut self, batch: WatchBatch) {
        if batch.rescan {
            self.reconcile();
            return;
        }
        if batch.paths.is_empty() {
            return;
        }
        if self.polling {
            let due = Instant::now() + self.options.second_look;
            let (_, pending) = self
                .second_look
                .get_or_insert_with(|| (due, BTreeSet::new()));
            pending.extend(batch.paths.iter().cloned());
        }
        self.queue.push(batch.paths);
        self.ingest_due.get_or_insert_with(Instant::now);
    }

    /// Takes in one chunk of the queued files under the lock; the next, if any, follows
    /// shortly, after whatever messages came meanwhile.
    fn ingest_chunk(&mut self) {
        if let Some(chunk) = self.queue.next_chunk(INGEST_BATCH, INGEST_BYTES) {
            // A file removed or changed since its problem was told is news again.
            self.told.forget_changed(&chunk);
            if self.step(|t| t.ingest(&chunk)).is_err() {
                self.rescan_owed = true;
            }
        }
        self.ingest_due = None;
        self.pause_after_batch();
        if self.mirror_due.is_none() {
            self.tell_ready_once_settled();
        }
    }

    /// After a batch: the next batch of either kind waits [`BATCH_PAUSE`], so the lock is
    /// free in between.
    fn pause_after_batch(&mut self) {
        let next = Instant::now() + BATCH_PAUSE;
        if !self.queue.is_empty() {
            self.ingest_due = Some(self.ingest_due.map_or(next, |due| due.max(next)));
        }
        if let Some(due) = &mut self.mirror_due {
            *due = (*due).max(next);
        }
    }

    /// Writes one batch of the app's changes; the next batch, if any, follows shortly, after
    /// whatever messages came meanwhile.
    fn mirror(&mut self) {
        match self.mirror_batch() {
            Ok(true) => {
                self.mirror_due = Some(Instant::now());
                self.pause_after_batch();
                return;
            }
            Ok(false) => {
                self.mirror_due = None;
                // Typing has paused and its files are written: what its saves freed goes back
                // (~2 MB after 200 keystrokes into the 10,000-word article; BENCHMARKS.md).
                if self.first_unmirrored_save.take().is_some() {
                    crate::freed_memory::give_back();
                }
            }
            // Tried again at the next check rather than in a tight loop.
            Err(()) => self.mirror_due = Some(Instant::now() + self.options.check_every),
        }
        self.tell_ready_once_settled();
    }

    /// Says `Ready` once, after the start: when the files the first scan found are taken in
    /// and the app's changes written. What that start freed goes back to the system then.
    fn tell_ready_once_settled(&mut self) {
        if self.queue.is_empty() && std::mem::take(&mut self.ready_owed) {
            (self.emit)(SyncEvent::Ready);
            crate::freed_memory::give_back();
        }
    }

    /// One mirror batch under the lock; whether more articles are waiting.
    fn mirror_batch(&mut self) -> Result<bool, ()> {
        let mut more = false;
        self.step(|target| {
            let (report, rest) = target.mirror(MIRROR_BATCH)?;
            more = rest;
            Ok(report)
        })?;
        Ok(more)
    }

    /// A full scan, which looks at every file: the files still queued need no chunk of their
    /// own. The files it finds changed are queued and taken in chunk by chunk, like the
    /// watcher's.
    fn reconcile(&mut self) {
        self.queue.clear();
        self.ingest_due = None;
        self.last_full_scan = Instant::now();
        self.told.sweep();
        let mut found = Vec::new();
        let scanned = self.step(|target| {
            let (report, paths) = target.reconcile()?;
            found = paths;
            Ok(report)
        });
        if scanned.is_err() {
            self.rescan_owed = true;
        }
        if !found.is_empty() {
            self.queue.push(found);
            self.ingest_due = Some(Instant::now());
        }
    }

    /// Runs one pass under the lock (held for that pass only) and reports what it did, each
    /// problem once (see [`super::told`]).
    fn step(&mut self, pass: impl FnOnce(&mut T) -> Result<SyncReport>) -> Result<(), ()> {
        let result = {
            let mut target = self.target.lock().unwrap_or_else(PoisonError::into_inner);
            pass(&mut target)
        };
        match result {
            Ok(mut report) => {
                report.problems = self.told.untold(std::mem::take(&mut report.problems));
                SyncEvent::from_report(report)
                    .into_iter()
                    .for_each(&self.emit);
                Ok(())
            }
            Err(e) => {
                (self.emit)(SyncEvent::Error {
                    message: e.to_string(),
                });
                Err(())
            }
        }
    }

    fn read_data_version(&self) -> Option<i64> {
        let mut target = self.target.lock().unwrap_or_else(PoisonError::into_inner);
        match target.data_version() {
            Ok(version) => Some(version),
            Err(e) => {
                drop(target);
                (self.emit)(SyncEvent::Error {
                    message: e.to_string(),
                });
                None
            }
        }
    }

    /// After a stop: files that changed before it are taken in, then the app's pending
    /// changes are written, whether or not their saves had settled.
    fn finish(mut self, messages: Receiver<Message>) {
        let mut batch = WatchBatch::default();
        while let Ok(message) = messages.try_recv() {
            self.take(message, &mut batch);
        }
        self.enqueue(batch);
        while !self.queue.is_empty() {
            self.ingest_chunk();
        }
        while self.mirror_batch() == Ok(true) {}
    }
}
