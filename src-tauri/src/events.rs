//! What the shell tells the page without being asked: the workspace sync's events, each step of a
//! publish, files dragged over or dropped on the window, and the window's close button.
//!
//! The page asks for them with the `next_events` command, which answers as soon as there is
//! something to tell, and asks again. Tauri's own events (`emit` and the page's `listen`) are not
//! used: every `listen` and every event is a script the UI process runs in the page, and running
//! one brings JavaScriptCore into the UI process (3.5 MB of that process, ~2 MB of the whole
//! app's; BENCHMARKS.md, "Events through a command"). A command's answer comes back through the
//! IPC scheme, as every other does.
//!
//! Events wait here until the page asks, so none is lost while the page loads. A page that does
//! not ask for long (it hangs) cannot make them pile up: past [`MAX_WAITING`] they are replaced by
//! one `library_changed_elsewhere`, after which the page reads the list and the open article
//! again. Only the sync can send that many; publishing sends a few lines, and a drag two events.

use crate::commands::ProgressLine;
use crate::grants::Grants;
use crate::locks::lock;
use newsroom::workspace::SyncEvent;
use serde::Serialize;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tauri::DragDropEvent;
use tokio::sync::Notify;

/// How many events wait for the page at most.
const MAX_WAITING: usize = 1024;

/// How long the page may take to answer the close button before a second click closes the
/// window without it (the page hangs). Saving the last edit takes milliseconds.
const CLOSE_PATIENCE: Duration = Duration::from_secs(3);

/// One thing the shell tells the page (tagged by `"kind"`).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ShellEvent {
    /// An event of the workspace sync.
    Sync { event: SyncEvent },
    /// A step of a publish.
    PublishProgress { step: ProgressLine },
    /// Files are being dragged over the window.
    DragEntered,
    /// The drag left the window without dropping.
    DragLeft,
    /// Files were dropped on the window; the page may attach them (they are granted).
    Dropped {
        #[ts(type = "Array<string>")]
        paths: Vec<PathBuf>,
    },
    /// The window's close button: the page saves the last edit, then answers with `answer_close`.
    CloseRequested,
}

impl ShellEvent {
    /// What the page is told of a drag over the window; nothing of where the files are over it.
    /// Dropped files are the editor's choice, like those picked in a dialog: they are granted
    /// here (see `crate::grants`), before the page hears of them and may attach them.
    pub fn of_drag(drag: &DragDropEvent, grants: &Grants) -> Option<ShellEvent> {
        match drag {
            DragDropEvent::Enter { .. } => Some(ShellEvent::DragEntered),
            DragDropEvent::Leave => Some(ShellEvent::DragLeft),
            DragDropEvent::Drop { paths, .. } => {
                grants.grant_files(paths);
                Some(ShellEvent::Dropped {
                    paths: paths.clone(),
                })
            }
            _ => None,
        }
    }
}

/// The events waiting for the page, and the close button's question.
#[derive(Default)]
pub struct ShellEvents {
    waiting: Mutex<VecDeque<ShellEvent>>,
    arrived: Notify,
    /// Whether the page has ever asked for events: only a page that listens is asked to close.
    listening: AtomicBool,
    /// When the page was asked to close, until it answers.
    close_asked: Mutex<Option<Instant>>,
}

impl ShellEvents {
    /// Queues `event` for the page.
    pub fn tell(&self, event: ShellEvent) {
        {
            let mut waiting = lock(&self.waiting);
            if waiting.len() >= MAX_WAITING {
                waiting.clear();
                waiting.push_back(ShellEvent::Sync {
                    event: SyncEvent::LibraryChangedElsewhere,
                });
            }
            waiting.push_back(event);
        }
        self.arrived.notify_one();
    }

    /// Every event waiting, in order, once there is at least one.
    pub async fn next(&self) -> Vec<ShellEvent> {
        self.listening.store(true, Ordering::Relaxed);
        loop {
            // Made before looking, so an event told in between is not missed: `notify_one`
            // leaves a permit that this wait then takes.
            let arrived = self.arrived.notified();
            {
                let mut waiting = lock(&self.waiting);
                if !waiting.is_empty() {
                    return waiting.drain(..).collect();
                }
            }
            arrived.await;
        }
    }

    /// The close button was clicked: whether to keep the window open, having asked the page to
    /// save first. A page that never listened, or has not answered a click within
    /// [`CLOSE_PATIENCE`], lets the window close at once.
    pub fn close_requested(&self, now: Instant) -> bool {
        if !self.listening.load(Ordering::Relaxed) {
            return false;
        }
        let mut asked = lock(&self.close_asked);
        match *asked {
            Some(at) if now.duration_since(at) >= CLOSE_PATIENCE => false,
            Some(_) => true,
            None => {
                *asked = Some(now);
                drop(asked);
                self.tell(ShellEvent::CloseRequested);
                true
            }
        }
    }

    /// The page answered the close button (it closes the window itself, or keeps it open).
    pub fn close_answered(&self) {
        *lock(&self.close_asked) = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use tauri::async_runtime::{block_on, spawn};

    fn kinds(events: &[ShellEvent]) -> Vec<String> {
        events
            .iter()
            .map(|e| serde_json::to_value(e).unwrap()["kind"].to_string())
            .collect()
    }

    #[test]
    fn a_drop_is_granted_before_it_is_told_and_the_drag_in_between_is_not_told() {
        let grants = Grants::default();
        let photo = PathBuf::from("/home/ana/harbour.jpg");
        let at = tauri::PhysicalPosition::new(10.0, 20.0);
        let enter = DragDropEvent::Enter {
            paths: vec![photo.clone()],
            position: at,
        };
        assert!(matches!(
            ShellEvent::of_drag(&enter, &grants),
            Some(ShellEvent::DragEntered)
        ));
        assert!(ShellEvent::of_drag(&DragDropEvent::Over { position: at }, &grants).is_none());
        assert!(
            grants.check_files(std::slice::from_ref(&photo)).is_err(),
            "dragging over the window grants nothing"
        );
        let drop = DragDropEvent::Drop {
            paths: vec![photo.clone()],
            position: at,
        };
        let told = ShellEvent::of_drag(&drop, &grants);
        assert!(
            matches!(&told, Some(ShellEvent::Dropped { paths }) if paths == std::slice::from_ref(&photo))
        );
        assert!(grants.check_files(std::slice::from_ref(&photo)).is_ok());
        assert!(matches!(
            ShellEvent::of_drag(&DragDropEvent::Leave, &grants),
            Some(ShellEvent::DragLeft)
        ));
    }

    #[test]
    fn events_told_before_the_page_asks_wait_for_it_in_order() {
        let events = ShellEvents::default();
        events.tell(ShellEvent::DragEntered);
        events.tell(ShellEvent::DragLeft);
        let batch = block_on(events.next());
        assert_eq!(kinds(&batch), ["\"drag_entered\"", "\"drag_left\""]);
        events.tell(ShellEvent::CloseRequested);
        assert_eq!(kinds(&block_on(events.next())), ["\"close_requested\""]);
    }

    #[test]
    fn a_page_waiting_is_answered_when_an_event_is_told() {
        let events = Arc::new(ShellEvents::default());
        let waiter = spawn({
            let events = events.clone();
            async move { events.next().await }
        });
        std::thread::sleep(Duration::from_millis(50));
        events.tell(ShellEvent::Sync {
            event: SyncEvent::Ready,
        });
        let batch = block_on(waiter).unwrap();
        let json = serde_json::to_value(&batch).unwrap();
        assert_eq!(
            json,
            serde_json::json!([{"kind": "sync", "event": {"event": "ready"}}])
        );
    }

    #[test]
    fn a_page_that_does_not_ask_is_told_to_read_everything_again_instead_of_a_pile() {
        let events = ShellEvents::default();
        for _ in 0..MAX_WAITING + 10 {
            events.tell(ShellEvent::Sync {
                event: SyncEvent::ArticlesChanged { ids: vec![1] },
            });
        }
        let batch = block_on(events.next());
        assert_eq!(batch.len(), 11, "one catch-all, then what came after it");
        let first = serde_json::to_value(&batch[0]).unwrap();
        assert_eq!(first["event"]["event"], "library_changed_elsewhere");
    }

    #[test]
    fn the_close_button_asks_a_listening_page_once_and_a_hung_one_not_for_long() {
        let events = ShellEvents::default();
        let start = Instant::now();
        assert!(
            !events.close_requested(start),
            "a page that never listened cannot answer: the window closes"
        );
        block_on(async {
            events.tell(ShellEvent::DragLeft);
            events.next().await
        });
        assert!(events.close_requested(start), "asked, the window waits");
        assert!(
            events.close_requested(start + Duration::from_secs(1)),
            "a second click while the page saves waits too"
        );
        assert_eq!(kinds(&block_on(events.next())), ["\"close_requested\""]);
        assert!(
            !events.close_requested(start + CLOSE_PATIENCE),
            "a page that has not answered for long does not hold the window"
        );
        events.close_answered();
        assert!(
            events.close_requested(start + CLOSE_PATIENCE),
            "after an answer the next click asks again"
        );
    }
}
