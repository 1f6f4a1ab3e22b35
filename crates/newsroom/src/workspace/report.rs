//! What a sync pass did, the conflicts it left, and how an editor resolves one.

use crate::model::{ArticleId, PhotoId, Timestamp};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use ts_rs::TS;

/// What one sync pass (reconcile, ingest or mirror) did. Lists hold article ids unless said.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    /// Articles that took a changed file's fields (each has a new `External` revision).
    pub changed: Vec<ArticleId>,
    /// Articles created from new files.
    pub created: Vec<ArticleId>,
    /// Articles moved to the trash because their file was deleted.
    pub trashed: Vec<ArticleId>,
    /// Articles whose file was written.
    pub written: Vec<ArticleId>,
    /// Files removed (of trashed articles, or left behind by a rename), absolute.
    pub removed_files: Vec<PathBuf>,
    /// Articles found in conflict by this pass.
    pub conflicts: Vec<ArticleId>,
    /// Photos added to the library from the inbox.
    pub photos_added: Vec<PhotoId>,
    /// Files that could not be taken in, each with a sentence saying why and what happens.
    pub problems: Vec<FileProblem>,
}

/// A file the sync could not take in; nothing was changed because of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FileProblem {
    /// Absolute path of the file.
    pub path: PathBuf,
    /// One sentence for the editor.
    pub message: String,
}

impl SyncReport {
    /// Whether the pass did nothing and found nothing to report.
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty()
            && self.created.is_empty()
            && self.trashed.is_empty()
            && self.written.is_empty()
            && self.removed_files.is_empty()
            && self.conflicts.is_empty()
            && self.photos_added.is_empty()
            && self.problems.is_empty()
    }

    /// Adds what `other` did to this report.
    pub fn merge(&mut self, other: SyncReport) {
        self.changed.extend(other.changed);
        self.created.extend(other.created);
        self.trashed.extend(other.trashed);
        self.written.extend(other.written);
        self.removed_files.extend(other.removed_files);
        self.conflicts.extend(other.conflicts);
        self.photos_added.extend(other.photos_added);
        self.problems.extend(other.problems);
    }

    pub(crate) fn problem(&mut self, path: PathBuf, message: String) {
        self.problems.push(FileProblem { path, message });
    }
}

/// An article whose file and app version both changed since they last agreed. Both versions
/// are revisions of the article; the file is not written until the conflict is resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Conflict {
    #[ts(type = "number")]
    pub article_id: ArticleId,
    /// The revision holding the file's version (headline, dek and body).
    pub file_revision: u32,
    /// The revision holding the app's version when the conflict was found.
    pub app_revision: u32,
    #[ts(type = "number")]
    pub detected_at: Timestamp,
    /// The article's file, relative to the workspace folder.
    pub path: PathBuf,
}

/// How an editor resolves a conflict. As JSON: `{"take":"app"}`, `{"take":"file"}` or
/// `{"take":"merged","body":"..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "take", content = "body", rename_all = "lowercase")]
pub enum Resolution {
    /// Keep the app's version; the file is overwritten with it.
    #[serde(rename = "app")]
    KeepApp,
    /// Take the file's version, front matter included.
    #[serde(rename = "file")]
    KeepFile,
    /// Keep the app's fields with this body, merged by the editor.
    Merged(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolutions_read_from_the_ui_json() {
        let parse = |json: &str| serde_json::from_str::<Resolution>(json).unwrap();
        assert_eq!(parse(r#"{"take":"app"}"#), Resolution::KeepApp);
        assert_eq!(parse(r#"{"take":"file"}"#), Resolution::KeepFile);
        assert_eq!(
            parse(r#"{"take":"merged","body":"Both"}"#),
            Resolution::Merged("Both".into())
        );
        assert!(serde_json::from_str::<Resolution>(r#"{"take":"mine"}"#).is_err());
    }

    #[test]
    fn reports_merge_and_know_when_empty() {
        let mut report = SyncReport::default();
        assert!(report.is_empty());
        report.merge(SyncReport {
            written: vec![3],
            ..SyncReport::default()
        });
        assert_eq!(report.written, vec![3]);
        assert!(!report.is_empty());
    }
}
