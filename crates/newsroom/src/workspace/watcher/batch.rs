//! Turning the debouncer's events into one [`WatchBatch`]: the paths that may have changed.

use notify::EventKind;
use notify::event::{AccessKind, AccessMode, MetadataKind, ModifyKind};
use notify_debouncer_full::{DebounceEventResult, DebouncedEvent};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What changed in the workspace folder during one debounce window.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WatchBatch {
    /// Files and folders changed, created or removed (both ends of a rename), each once, sorted.
    pub paths: Vec<PathBuf>,
    /// Events were lost (the system's queue overflowed, or the watcher reported an error):
    /// the whole folder must be scanned again.
    pub rescan: bool,
}

impl WatchBatch {
    /// The batch for one delivery of the debouncer, or `None` when nothing in it can have
    /// changed a file (files opened or read, timestamps touched): our own reads must not come
    /// back as work.
    pub(super) fn from_result(result: DebounceEventResult) -> Option<WatchBatch> {
        let mut paths = BTreeSet::new();
        let mut rescan = false;
        match result {
            Ok(events) => {
                for event in events {
                    rescan |= event.need_rescan();
                    if can_change_content(&event) {
                        for path in event.event.paths {
                            if names_a_folder(&path) {
                                rescan = true;
                            } else {
                                paths.insert(path);
                            }
                        }
                    }
                }
            }
            // The watcher lost track (e.g. a new folder hit the watch limit): scan everything.
            Err(_) => rescan = true,
        }
        (rescan || !paths.is_empty()).then(|| WatchBatch {
            paths: paths.into_iter().collect(),
            rescan,
        })
    }
}

/// Whether an event's path is (or, gone now, most likely was) a folder whose files may have
/// changed unreported. A folder's event can stand for every file in it, which no other event
/// names: a folder renamed or moved in or out whole (`git checkout`), FSEvents coalescing the
/// changes under a folder, Windows reporting the watched folder itself when its buffer of
/// changes overflowed. Only a scan of the folder finds those files.
///
/// Hidden folders (`.git/`, our `.newsroom-displaced/`) hold no articles. A gone path is taken
/// for a folder when its name has no extension, except the numbered probe files vim writes
/// and deletes on every save (`4913`).
fn names_a_folder(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    if name.starts_with('.') {
        return false;
    }
    match std::fs::symlink_metadata(path) {
        Ok(metadata) => metadata.is_dir(),
        Err(_) => path.extension().is_none() && !name.bytes().all(|b| b.is_ascii_digit()),
    }
}

/// Whether the event can mean different bytes on disk, or a file appearing or going away.
fn can_change_content(event: &DebouncedEvent) -> bool {
    match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        // Polling reports a newer modification time this way; a real change of content.
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime)) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Any
        | EventKind::Create(_)
        | EventKind::Modify(_)
        | EventKind::Remove(_)
        | EventKind::Other => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange, EventKind, Flag, RenameMode};
    use notify::{Error, ErrorKind, Event};
    use std::time::Instant;

    fn debounced(kind: EventKind, paths: &[&str]) -> DebouncedEvent {
        let mut event = Event::new(kind);
        for p in paths {
            event = event.add_path(PathBuf::from(p));
        }
        DebouncedEvent::new(event, Instant::now())
    }

    #[test]
    fn paths_are_deduplicated_sorted_and_keep_both_ends_of_a_rename() {
        let events = vec![
            debounced(
                EventKind::Modify(ModifyKind::Data(DataChange::Any)),
                &["/w/b.md"],
            ),
            debounced(EventKind::Create(CreateKind::File), &["/w/a.md"]),
            debounced(
                EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                &["/w/.b.md.swp", "/w/b.md"],
            ),
        ];
        let batch = WatchBatch::from_result(Ok(events)).unwrap();
        assert_eq!(
            batch.paths,
            ["/w/.b.md.swp", "/w/a.md", "/w/b.md"].map(PathBuf::from)
        );
        assert!(!batch.rescan);
    }

    #[test]
    fn reads_and_timestamp_changes_are_not_work() {
        let events = vec![
            debounced(
                EventKind::Access(AccessKind::Open(AccessMode::Any)),
                &["/w/a.md"],
            ),
            debounced(
                EventKind::Access(AccessKind::Close(AccessMode::Read)),
                &["/w/a.md"],
            ),
            debounced(
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)),
                &["/w/a.md"],
            ),
        ];
        assert_eq!(WatchBatch::from_result(Ok(events)), None);
    }

    #[test]
    fn closing_a_file_written_to_is_work() {
        let events = vec![debounced(
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            &["/w/a.md"],
        )];
        let batch = WatchBatch::from_result(Ok(events)).unwrap();
        assert_eq!(batch.paths, [PathBuf::from("/w/a.md")]);
    }

    #[test]
    fn a_newer_modification_time_is_work() {
        let events = vec![debounced(
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime)),
            &["/w/a.md"],
        )];
        assert!(WatchBatch::from_result(Ok(events)).is_some());
    }

    #[test]
    fn a_folder_changed_as_a_whole_asks_for_a_rescan() {
        let temp = tempfile::tempdir().unwrap();
        let root = temp.path().join("Newsroom");
        let folder = root.join("world");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::create_dir(root.join(".git")).unwrap();
        let folder_event = |path: &Path| {
            debounced(
                EventKind::Modify(ModifyKind::Name(RenameMode::To)),
                &[path.to_str().unwrap()],
            )
        };
        for (path, rescan) in [
            (folder.clone(), true),
            (root.clone(), true),
            (root.join("gone-section"), true),
            (root.join(".git"), false),
            (root.join("4913"), false),
        ] {
            let batch = WatchBatch::from_result(Ok(vec![folder_event(&path)]));
            assert_eq!(batch.as_ref().is_some_and(|b| b.rescan), rescan, "{path:?}");
            assert!(batch.is_none_or(|b| b.paths.len() == usize::from(!rescan)));
        }
        let file = folder.join("story.md");
        let batch = WatchBatch::from_result(Ok(vec![folder_event(&file)])).unwrap();
        assert_eq!((batch.paths, batch.rescan), (vec![file], false));
    }

    #[test]
    fn lost_events_and_errors_ask_for_a_rescan() {
        let overflow = DebouncedEvent::new(
            Event::new(EventKind::Other).set_flag(Flag::Rescan),
            Instant::now(),
        );
        assert!(WatchBatch::from_result(Ok(vec![overflow])).unwrap().rescan);

        let error = WatchBatch::from_result(Err(vec![Error::new(ErrorKind::MaxFilesWatch)]));
        assert_eq!(
            error,
            Some(WatchBatch {
                paths: vec![],
                rescan: true
            })
        );
    }
}
