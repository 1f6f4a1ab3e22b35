//! The loop's timing and ordering against a fake target: no database, real threads and a real
//! temporary folder.

use super::*;
use crate::error::{Error, Result};
use crate::store::StoreError;
use crate::workspace::{FORCED_POLLING, SyncReport, WatchBatch};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::time::Instant;

/// Long enough for a loaded CI machine; passing tests return as soon as the awaited thing happens.
pub(super) const PATIENCE: Duration = Duration::from_secs(5);

#[derive(Debug, Clone, PartialEq)]
enum Call {
    Reconcile,
    Ingest(Vec<PathBuf>),
    Mirror,
}

/// Records each call with its time; can be told to fail, and to report something.
#[derive(Default)]
struct Fake {
    calls: Vec<(Instant, Call)>,
    version: i64,
    failing_mirrors: u32,
    failing_ingests: u32,
    ingest_report: SyncReport,
    /// Mirror batches still to do after the next one, each taking `batch_work`.
    batches_left: u32,
    batch_work: Duration,
    /// What taking in one path costs.
    ingest_work: Duration,
    /// The files each scan finds changed.
    found_by_scan: Vec<PathBuf>,
}

fn busy() -> Error {
    StoreError::Locked {
        path: PathBuf::from("library.db"),
    }
    .into()
}

impl SyncTarget for Fake {
    fn reconcile(&mut self) -> Result<(SyncReport, Vec<PathBuf>)> {
        self.calls.push((Instant::now(), Call::Reconcile));
        Ok((SyncReport::default(), self.found_by_scan.clone()))
    }

    fn ingest(&mut self, paths: &[PathBuf]) -> Result<SyncReport> {
        self.calls
            .push((Instant::now(), Call::Ingest(paths.to_vec())));
        if self.failing_ingests > 0 {
            self.failing_ingests -= 1;
            return Err(busy());
        }
        std::thread::sleep(self.ingest_work * paths.len() as u32);
        Ok(self.ingest_report.clone())
    }

    fn mirror(&mut self, max_articles: usize) -> Result<(SyncReport, bool)> {
        assert_eq!(max_articles, run::MIRROR_BATCH);
        self.calls.push((Instant::now(), Call::Mirror));
        if self.failing_mirrors > 0 {
            self.failing_mirrors -= 1;
            return Err(busy());
        }
        std::thread::sleep(self.batch_work);
        let more = self.batches_left > 0;
        self.batches_left = self.batches_left.saturating_sub(1);
        Ok((SyncReport::default(), more))
    }

    fn data_version(&mut self) -> Result<i64> {
        Ok(self.version)
    }
}

struct Running {
    dir: tempfile::TempDir,
    fake: Arc<Mutex<Fake>>,
    service: SyncService,
    events: Receiver<SyncEvent>,
}

/// Timings short enough for tests.
pub(super) fn fast() -> SyncOptions {
    SyncOptions {
        watch: WatchOptions {
            debounce: Duration::from_millis(30),
            poll_interval: Duration::from_millis(100),
            force_polling: false,
        },
        settle: Duration::from_millis(150),
        mirror_at_most: Duration::from_millis(600),
        check_every: Duration::from_millis(100),
        second_look: Duration::from_millis(400),
        rescan_every: None,
    }
}

fn start_with(fake: Fake, options: SyncOptions) -> Running {
    let dir = tempfile::tempdir().unwrap();
    let fake = Arc::new(Mutex::new(fake));
    let (tx, events) = channel();
    let service = SyncService::start(fake.clone(), dir.path(), options, move |event| {
        let _ = tx.send(event);
    })
    .unwrap();
    let running = Running {
        dir,
        fake,
        service,
        events,
    };
    running.expect_event(|e| *e == SyncEvent::Ready);
    // The start-up pass ends with the app's pending changes written.
    running.expect_calls(|calls| calls.contains(&Call::Mirror));
    running
}

fn start(fake: Fake) -> Running {
    start_with(fake, fast())
}

impl Running {
    fn calls(&self) -> Vec<(Instant, Call)> {
        self.fake.lock().unwrap().calls.clone()
    }

    fn kinds(&self) -> Vec<Call> {
        self.calls().into_iter().map(|(_, call)| call).collect()
    }

    /// Waits for an event matching `wanted`; returns it and the events before it.
    #[track_caller]
    fn expect_event(&self, wanted: impl Fn(&SyncEvent) -> bool) -> Vec<SyncEvent> {
        expect_event(&self.events, wanted)
    }

    /// Waits until the calls satisfy `done`.
    #[track_caller]
    fn expect_calls(&self, done: impl Fn(&[Call]) -> bool) -> Vec<Call> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let calls = self.kinds();
            if done(&calls) {
                return calls;
            }
            assert!(
                Instant::now() < deadline,
                "calls never got there: {calls:?}"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn mirrors(&self) -> usize {
        self.kinds().iter().filter(|c| **c == Call::Mirror).count()
    }
}

/// Waits for an event matching `wanted` among `events`; returns it and the events before it.
#[track_caller]
pub(super) fn expect_event(
    events: &Receiver<SyncEvent>,
    wanted: impl Fn(&SyncEvent) -> bool,
) -> Vec<SyncEvent> {
    let deadline = Instant::now() + PATIENCE;
    let mut seen = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match events.recv_timeout(left) {
            Ok(event) if wanted(&event) => {
                seen.push(event);
                return seen;
            }
            Ok(event) => seen.push(event),
            Err(_) => panic!("the awaited event never came; saw {seen:?}"),
        }
    }
}

fn ingested(calls: &[Call], path: &Path) -> usize {
    calls
        .iter()
        .filter(|c| matches!(c, Call::Ingest(paths) if paths.iter().any(|p| p == path)))
        .count()
}

#[test]
fn the_folder_is_reconciled_before_anything_else_and_then_ready_is_told() {
    let running = start(Fake::default());
    assert_eq!(running.kinds().first(), Some(&Call::Reconcile));
    assert_eq!(running.service.mode(), &WatchMode::Native);
}

#[test]
fn a_file_written_by_another_program_is_ingested() {
    let running = start(Fake::default());
    let file = running.dir.path().join("story.md");
    std::fs::write(&file, "text").unwrap();
    running.expect_calls(|calls| ingested(calls, &file) > 0);
}

#[test]
fn what_an_ingest_did_becomes_events() {
    let running = start(Fake {
        ingest_report: SyncReport {
            changed: vec![7],
            ..SyncReport::default()
        },
        ..Fake::default()
    });
    std::fs::write(running.dir.path().join("story.md"), "text").unwrap();
    running.expect_event(|e| *e == SyncEvent::ArticlesChanged { ids: vec![7] });
}

#[test]
fn saves_in_a_row_are_mirrored_once_after_they_settle() {
    // Saves 30 ms apart against a settle time far longer than that, so that a loaded machine
    // stretching a pause (seen: a 30 ms sleep taking over 150 ms during a release build) still
    // leaves the saves "in a row".
    let options = SyncOptions {
        settle: Duration::from_millis(600),
        mirror_at_most: Duration::from_secs(3),
        ..fast()
    };
    let settle = options.settle;
    let running = start_with(Fake::default(), options);
    let mut last_save = Instant::now();
    for _ in 0..5 {
        running.service.notify_saved();
        last_save = Instant::now();
        std::thread::sleep(Duration::from_millis(30));
    }
    running.expect_calls(|calls| calls.iter().filter(|c| **c == Call::Mirror).count() > 1);
    std::thread::sleep(Duration::from_millis(300));

    let mirrors: Vec<Instant> = running
        .calls()
        .into_iter()
        .filter(|(_, call)| *call == Call::Mirror)
        .skip(1)
        .map(|(at, _)| at)
        .collect();
    assert_eq!(mirrors.len(), 1, "{:?}", running.kinds());
    assert!(mirrors[0] >= last_save + settle);
}

#[test]
fn continuous_typing_still_reaches_the_folder() {
    let running = start(Fake::default());
    let typing_until = Instant::now() + Duration::from_millis(1500);
    // Saves come faster than they settle: only `mirror_at_most` gets them written.
    while Instant::now() < typing_until {
        running.service.notify_saved();
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(running.mirrors() >= 1, "{:?}", running.kinds());
}

#[test]
fn stop_writes_pending_saves_before_returning() {
    let options = SyncOptions {
        settle: Duration::from_secs(60),
        ..fast()
    };
    let running = start_with(Fake::default(), options);
    running.service.notify_saved();
    let Running { fake, service, .. } = running;

    service.stop();

    let calls: Vec<Call> = fake
        .lock()
        .unwrap()
        .calls
        .iter()
        .map(|(_, c)| c.clone())
        .collect();
    assert_eq!(calls.last(), Some(&Call::Mirror), "{calls:?}");
}

#[test]
fn dropping_the_service_also_writes_pending_saves() {
    let options = SyncOptions {
        settle: Duration::from_secs(60),
        ..fast()
    };
    let running = start_with(Fake::default(), options);
    running.service.notify_saved();
    let fake = running.fake.clone();
    drop(running);
    assert_eq!(
        fake.lock().unwrap().calls.last().map(|(_, c)| c),
        Some(&Call::Mirror)
    );
}

/// Where watching can stop without a word (Windows), a change no event reports is still found.
#[test]
fn the_folder_is_scanned_again_on_a_timer_where_asked() {
    let options = SyncOptions {
        rescan_every: Some(Duration::from_millis(300)),
        ..fast()
    };
    let running = start_with(Fake::default(), options);
    let scans = |calls: &[Call]| calls.iter().filter(|c| **c == Call::Reconcile).count();
    running.expect_calls(|calls| scans(calls) >= 3);
    let quiet = start(Fake::default());
    std::thread::sleep(Duration::from_millis(700));
    assert_eq!(
        scans(&quiet.kinds()),
        1,
        "only the start-up scan by default here"
    );
}

#[test]
fn a_change_by_another_process_is_told_and_mirrored() {
    let running = start(Fake::default());
    let mirrors_before = running.mirrors();
    running.fake.lock().unwrap().version += 1;

    running.expect_event(|e| *e == SyncEvent::LibraryChangedElsewhere);
    running.expect_calls(|_| running.mirrors() > mirrors_before);
}

#[test]
fn nothing_is_told_while_nobody_else_writes() {
    let running = start(Fake::default());
    std::thread::sleep(Duration::from_millis(400));
    let told: Vec<SyncEvent> = running.events.try_iter().collect();
    assert!(told.is_empty(), "{told:?}");
    // The start-up pass: the scan, then the app's changes made while nobody synced.
    assert_eq!(running.kinds(), [Call::Reconcile, Call::Mirror]);
}

#[test]
fn a_long_mirror_goes_in_batches_and_frees_the_lock_between_them() {
    let running = start(Fake {
        batches_left: 15,
        batch_work: Duration::from_millis(20),
        ..Fake::default()
    });
    // Typing meanwhile: each save waits for one batch at most, not for the whole export.
    let mut waits = Vec::new();
    for _ in 0..10 {
        let asked = Instant::now();
        drop(running.fake.lock().unwrap());
        waits.push(asked.elapsed());
        std::thread::sleep(Duration::from_millis(7));
    }
    running.expect_calls(|calls| calls.iter().filter(|c| **c == Call::Mirror).count() == 16);
    let longest = waits.iter().max().unwrap();
    assert!(*longest < Duration::from_millis(120), "{waits:?}");
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(running.mirrors(), 16, "no batch after the last one");
}

#[test]
fn stop_finishes_every_batch_before_returning() {
    let running = start(Fake {
        batches_left: 1000,
        ..Fake::default()
    });
    let Running { fake, service, .. } = running;
    service.stop();
    assert_eq!(fake.lock().unwrap().batches_left, 0);
}

#[test]
fn polling_is_told_once_first_and_files_get_a_second_look() {
    let mut options = fast();
    options.watch.force_polling = true;
    let dir = tempfile::tempdir().unwrap();
    let fake = Arc::new(Mutex::new(Fake::default()));
    let (tx, events) = channel();
    let service = SyncService::start(fake.clone(), dir.path(), options, move |event| {
        let _ = tx.send(event);
    })
    .unwrap();
    let running = Running {
        dir,
        fake,
        service,
        events,
    };
    let before_ready = running.expect_event(|e| *e == SyncEvent::Ready);
    assert_eq!(
        before_ready,
        [
            SyncEvent::WatchingByPolling {
                reason: FORCED_POLLING.into()
            },
            SyncEvent::Ready
        ]
    );

    let file = running.dir.path().join("story.md");
    std::fs::write(&file, "text").unwrap();
    running.expect_calls(|calls| ingested(calls, &file) >= 2);
    let told: Vec<SyncEvent> = running.events.try_iter().collect();
    assert!(
        !told
            .iter()
            .any(|e| matches!(e, SyncEvent::WatchingByPolling { .. })),
        "{told:?}"
    );
}

#[test]
fn lost_events_lead_to_a_full_scan() {
    let running = start(Fake::default());
    let batch = WatchBatch {
        paths: vec![],
        rescan: true,
    };
    running
        .service
        .messages
        .send(Message::Batch(batch))
        .unwrap();
    running.expect_calls(|calls| calls.iter().filter(|c| **c == Call::Reconcile).count() == 2);
}

#[test]
fn a_failed_mirror_is_told_and_tried_again() {
    let running = start(Fake::default());
    running.fake.lock().unwrap().failing_mirrors = 1;
    running.service.notify_saved();
    running.expect_event(|e| matches!(e, SyncEvent::Error { message } if message.contains("busy")));
    running.expect_calls(|calls| calls.iter().filter(|c| **c == Call::Mirror).count() == 3);
    assert_eq!(running.fake.lock().unwrap().failing_mirrors, 0);
}

#[test]
fn a_failed_ingest_is_made_good_by_a_full_scan() {
    let running = start(Fake {
        failing_ingests: 1,
        ..Fake::default()
    });
    std::fs::write(running.dir.path().join("story.md"), "text").unwrap();
    running.expect_event(|e| matches!(e, SyncEvent::Error { .. }));
    running.expect_calls(|calls| calls.iter().filter(|c| **c == Call::Reconcile).count() == 2);
}

#[test]
fn a_bad_folder_is_refused_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let fake = Arc::new(Mutex::new(Fake::default()));
    let error = SyncService::start(fake.clone(), &file, fast(), |_| {})
        .err()
        .unwrap();
    assert_eq!(error.kind(), crate::ErrorKind::Invalid);
    assert!(fake.lock().unwrap().calls.is_empty());
}

#[test]
fn a_checkout_sized_batch_is_taken_in_by_chunks_and_frees_the_lock_between_them() {
    let running = start(Fake {
        ingest_work: Duration::from_micros(400),
        ..Fake::default()
    });
    let paths: Vec<PathBuf> = (0..2000)
        .map(|n| running.dir.path().join(format!("world/story-{n:04}.md")))
        .collect();
    let batch = WatchBatch {
        paths: paths.clone(),
        rescan: false,
    };
    running
        .service
        .messages
        .send(Message::Batch(batch))
        .unwrap();
    // Typing meanwhile: each save waits for one chunk (20 ms here) at most, not for the whole
    // checkout (800 ms).
    let mut waits = Vec::new();
    for _ in 0..40 {
        let asked = Instant::now();
        drop(running.fake.lock().unwrap());
        waits.push(asked.elapsed());
        std::thread::sleep(Duration::from_millis(7));
    }
    let taken = |calls: &[Call]| -> Vec<PathBuf> {
        calls
            .iter()
            .filter_map(|c| match c {
                Call::Ingest(paths) => Some(paths.clone()),
                _ => None,
            })
            .flatten()
            .collect()
    };
    let calls = running.expect_calls(|calls| taken(calls).len() >= paths.len());
    let mut all = taken(&calls);
    all.sort();
    assert_eq!(all, paths, "each file once");
    assert!(
        calls
            .iter()
            .all(|c| !matches!(c, Call::Ingest(chunk) if chunk.len() > run::INGEST_BATCH))
    );
    let longest = waits.iter().max().unwrap();
    assert!(*longest < Duration::from_millis(120), "{waits:?}");
}

/// Files the start-up scan finds changed are taken in chunk by chunk, like a watcher batch,
/// so the lock is free between chunks; `Ready` comes once all are in and the app's changes
/// written.
#[test]
fn the_files_a_scan_finds_are_taken_in_by_chunks_before_ready() {
    let found: Vec<PathBuf> = (0..60)
        .map(|n| PathBuf::from(format!("/nowhere/story-{n:02}.md")))
        .collect();
    let running = start(Fake {
        found_by_scan: found.clone(),
        ..Fake::default()
    });
    // `start` returned on `Ready`: by then every file was taken in.
    let calls = running.kinds();
    assert_eq!(calls.first(), Some(&Call::Reconcile));
    let chunks: Vec<&Vec<PathBuf>> = calls
        .iter()
        .filter_map(|call| match call {
            Call::Ingest(paths) => Some(paths),
            _ => None,
        })
        .collect();
    assert_eq!(chunks.len(), 3, "{calls:?}");
    assert!(chunks.iter().all(|chunk| chunk.len() <= run::INGEST_BATCH));
    let taken: Vec<PathBuf> = chunks.into_iter().flatten().cloned().collect();
    assert_eq!(taken, found);
    let first_mirror = calls.iter().position(|c| *c == Call::Mirror).unwrap();
    let last_ingest = calls
        .iter()
        .rposition(|c| matches!(c, Call::Ingest(_)))
        .unwrap();
    assert!(last_ingest < first_mirror, "{calls:?}");
}
