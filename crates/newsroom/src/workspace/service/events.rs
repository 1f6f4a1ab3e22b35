//! What the sync loop tells its front end: one event per kind of thing that happened.

use crate::model::{ArticleId, PhotoId};
use crate::workspace::{FileProblem, SyncReport};
use serde::Serialize;
use std::path::PathBuf;
use ts_rs::TS;

/// Something the sync did or noticed. As JSON (`newsroom watch --json`): an object tagged by
/// `"event"`, e.g. `{"event":"articles_changed","ids":[3]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum SyncEvent {
    /// The start-up scan is done and the app's pending changes are written (in batches, the
    /// library free between them): folder and library agree (as far as they can).
    Ready,
    /// Articles took the changes another program made to their files.
    ArticlesChanged {
        #[ts(type = "Array<number>")]
        ids: Vec<ArticleId>,
    },
    /// Articles created from new files.
    Created {
        #[ts(type = "Array<number>")]
        ids: Vec<ArticleId>,
    },
    /// Articles moved to the trash because their file was deleted.
    Trashed {
        #[ts(type = "Array<number>")]
        ids: Vec<ArticleId>,
    },
    /// Articles whose file was written from the app's version.
    FilesWritten {
        #[ts(type = "Array<number>")]
        ids: Vec<ArticleId>,
    },
    /// Files removed from the folder (trashed articles, old names after a rename).
    FilesRemoved { paths: Vec<PathBuf> },
    /// Articles found in conflict: file and app both changed.
    Conflicts {
        #[ts(type = "Array<number>")]
        ids: Vec<ArticleId>,
    },
    /// Files that could not be taken in, each with a sentence for the editor; a file's
    /// sentence is told once, and again only once the file changed or the sentence did
    /// (see `told`).
    Problems { problems: Vec<FileProblem> },
    /// Photos dropped into the inbox joined the library.
    PhotosAdded {
        #[ts(type = "Array<number>")]
        ids: Vec<PhotoId>,
    },
    /// The folder is polled instead of watched natively; sent once, at start.
    WatchingByPolling { reason: String },
    /// Another process changed the database: views of it must be reloaded.
    LibraryChangedElsewhere,
    /// A sync step failed as a whole; it is tried again later.
    Error { message: String },
}

impl SyncEvent {
    /// The events a sync pass's report amounts to, in a stable order; none for an empty report.
    pub fn from_report(report: SyncReport) -> Vec<SyncEvent> {
        let SyncReport {
            changed,
            created,
            trashed,
            written,
            removed_files,
            conflicts,
            photos_added,
            problems,
        } = report;
        let candidates = [
            (!created.is_empty()).then_some(SyncEvent::Created { ids: created }),
            (!changed.is_empty()).then_some(SyncEvent::ArticlesChanged { ids: changed }),
            (!trashed.is_empty()).then_some(SyncEvent::Trashed { ids: trashed }),
            (!written.is_empty()).then_some(SyncEvent::FilesWritten { ids: written }),
            (!removed_files.is_empty()).then_some(SyncEvent::FilesRemoved {
                paths: removed_files,
            }),
            (!conflicts.is_empty()).then_some(SyncEvent::Conflicts { ids: conflicts }),
            (!photos_added.is_empty()).then_some(SyncEvent::PhotosAdded { ids: photos_added }),
            (!problems.is_empty()).then_some(SyncEvent::Problems { problems }),
        ];
        candidates.into_iter().flatten().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_report_is_no_event() {
        assert!(SyncEvent::from_report(SyncReport::default()).is_empty());
    }

    #[test]
    fn each_list_of_a_report_becomes_its_event() {
        let problem = FileProblem {
            path: PathBuf::from("/w/bad.md"),
            message: "The file is empty.".into(),
        };
        let report = SyncReport {
            changed: vec![1],
            created: vec![2],
            trashed: vec![3],
            written: vec![4],
            removed_files: vec![PathBuf::from("/w/old.md")],
            conflicts: vec![5],
            photos_added: vec![6],
            problems: vec![problem.clone()],
        };
        assert_eq!(
            SyncEvent::from_report(report),
            vec![
                SyncEvent::Created { ids: vec![2] },
                SyncEvent::ArticlesChanged { ids: vec![1] },
                SyncEvent::Trashed { ids: vec![3] },
                SyncEvent::FilesWritten { ids: vec![4] },
                SyncEvent::FilesRemoved {
                    paths: vec![PathBuf::from("/w/old.md")]
                },
                SyncEvent::Conflicts { ids: vec![5] },
                SyncEvent::PhotosAdded { ids: vec![6] },
                SyncEvent::Problems {
                    problems: vec![problem]
                },
            ]
        );
    }

    #[test]
    fn events_are_tagged_json() {
        let json = serde_json::to_string(&SyncEvent::ArticlesChanged { ids: vec![3] }).unwrap();
        assert_eq!(json, r#"{"event":"articles_changed","ids":[3]}"#);
        let json = serde_json::to_string(&SyncEvent::LibraryChangedElsewhere).unwrap();
        assert_eq!(json, r#"{"event":"library_changed_elsewhere"}"#);
    }
}
