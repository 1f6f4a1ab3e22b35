//! The workspace sync as the app runs it: the core's `SyncService` over the app's shared
//! library, its events told to the page as `sync` events (`crate::events`), and where it stands for
//! the `workspace_status` command.

use crate::error::UiError;
use crate::events::ShellEvent;
use crate::state::AppState;
use newsroom::launch_args::WorkspaceChoice;
use newsroom::workspace::{SyncEvent, SyncOptions, SyncService, WatchMode, Workspace};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use tauri::{AppHandle, Manager};

/// Where the workspace sync stands, for the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct WorkspaceStatus {
    /// The workspace folder, once known.
    pub root: Option<PathBuf>,
    pub mode: WorkspaceMode,
    /// Why the folder is polled, or why the sync is off.
    pub reason: Option<String>,
}

/// How the workspace folder is followed: `native` (watched), `polling` (checked every second)
/// or `off`; for the last two the status's `reason` says why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum WorkspaceMode {
    /// Watched: the system tells the sync about changes.
    Native,
    /// Checked every second: the status's `reason` says why.
    Polling,
    /// Not synced: the status's `reason` says why.
    Off,
}

impl WorkspaceStatus {
    fn off(root: Option<PathBuf>, reason: impl Into<String>) -> WorkspaceStatus {
        WorkspaceStatus {
            root,
            mode: WorkspaceMode::Off,
            reason: Some(reason.into()),
        }
    }
}

struct Running {
    service: Option<SyncService>,
    status: WorkspaceStatus,
}

/// The app's workspace sync: not started until the first screen is served, so the start-up scan
/// never delays the first paint.
pub struct WorkspaceSync {
    /// The folder this run syncs with.
    choice: WorkspaceChoice,
    running: Mutex<Running>,
}

impl WorkspaceSync {
    pub fn new(choice: WorkspaceChoice) -> WorkspaceSync {
        WorkspaceSync {
            choice,
            running: Mutex::new(Running {
                service: None,
                status: WorkspaceStatus::off(None, "The workspace folder is being opened."),
            }),
        }
    }

    fn running(&self) -> MutexGuard<'_, Running> {
        self.running.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Tells the sync that a command may have changed articles (cheap, never blocks).
    pub fn notify_changed(&self) {
        if let Some(service) = &self.running().service {
            service.notify_saved();
        }
    }

    pub fn status(&self) -> WorkspaceStatus {
        self.running().status.clone()
    }

    /// Stops the sync, finishing its pending writes (when the app quits).
    pub fn stop(&self) {
        // Taken out first: stopping waits for the library lock, which a command holding it
        // may be about to give back through `notify_changed` (this lock).
        let service = self.running().service.take();
        if let Some(service) = service {
            service.stop();
        }
    }
}

/// Starts the sync on the run's or the library's folder; where it stands is kept for
/// `workspace_status` whether it started or not.
pub fn start_default(app: &AppHandle) {
    let state = app.state::<AppState>();
    let status = match &state.sync.choice {
        WorkspaceChoice::Off => Err(WorkspaceStatus::off(
            None,
            "The workspace folder is not synced in this run (started with --no-workspace).",
        )),
        WorkspaceChoice::Folder(root) => start(app, &state, Some(root)),
        WorkspaceChoice::Remembered => start(app, &state, None),
    }
    .unwrap_or_else(|off| off);
    state.sync.running().status = status;
}

/// Moves the sync to `root` and remembers it for later runs. The old folder's pending writes
/// are finished first; the new folder gets every article at the start-up scan.
pub fn choose(app: &AppHandle, root: &Path) -> Result<WorkspaceStatus, UiError> {
    let state = app.state::<AppState>();
    state.sync.stop();
    let status = start(app, &state, Some(root));
    let ok = status.is_ok();
    let status = status.unwrap_or_else(|status| status);
    state.sync.running().status = status.clone();
    if ok {
        state.library()?.remember_workspace(root)?;
        Ok(status)
    } else {
        Err(UiError::io(status.reason.unwrap_or_default()))
    }
}

/// Opens the workspace (`chosen`, else the run's or the library's folder) and starts the
/// service; the status either way.
fn start(
    app: &AppHandle,
    state: &AppState,
    chosen: Option<&Path>,
) -> Result<WorkspaceStatus, WorkspaceStatus> {
    let shared = state
        .shared_library()
        .map_err(|e| WorkspaceStatus::off(None, e.message))?;
    let root = {
        let target = shared.lock().unwrap_or_else(PoisonError::into_inner);
        target.workspace_root(chosen)
    }
    .map_err(|e| WorkspaceStatus::off(None, e.to_string()))?
    .ok_or_else(|| {
        WorkspaceStatus::off(
            None,
            "No documents folder was found for the workspace; choose a folder in the menu.",
        )
    })?;
    let workspace = Workspace::open(&root)
        .map_err(|e| WorkspaceStatus::off(Some(root.clone()), e.to_string()))?;
    let root = workspace.root().to_path_buf();
    shared
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .workspace = Some(workspace);
    let events = app.clone();
    let service = SyncService::start(shared, &root, SyncOptions::default(), move |event| {
        forward(&events, &event)
    })
    .map_err(|e| WorkspaceStatus::off(Some(root.clone()), e.to_string()))?;
    let (mode, reason) = match service.mode() {
        WatchMode::Native => (WorkspaceMode::Native, None),
        WatchMode::Polling { reason } => (WorkspaceMode::Polling, Some(reason.clone())),
    };
    state.sync.running().service = Some(service);
    Ok(WorkspaceStatus {
        root: Some(root),
        mode,
        reason,
    })
}

fn forward(app: &AppHandle, event: &SyncEvent) {
    app.state::<AppState>().events.tell(ShellEvent::Sync {
        event: event.clone(),
    });
}
