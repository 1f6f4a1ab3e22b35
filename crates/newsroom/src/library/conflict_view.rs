//! A conflict as the editor sees it before choosing: the app's version beside the file's, and
//! what differs between them.
//!
//! The app's side is the article as it is now, not the snapshot taken when the conflict was
//! found: typing may go on during a conflict, and "keep the app's version" keeps exactly the
//! current article, so that is what the editor must be shown. The file's side is the revision
//! the engine recorded from the file (replaced when the file changes again).

use super::Library;
use crate::diff::{self, DEFAULT_CONTEXT, SideBySide};
use crate::error::Result;
use crate::model::ArticleId;
use crate::workspace::{Conflict, WorkspaceError};
use serde::Serialize;

/// The texts of one side of a conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ConflictSide {
    pub headline: String,
    pub dek: String,
    pub body: String,
}

/// One conflict, both sides and their differences. The left side of every diff is the app's
/// version, the right side the file's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ConflictComparison {
    pub conflict: Conflict,
    /// The article as the app has it now.
    pub app: ConflictSide,
    /// The article as its file says.
    pub file: ConflictSide,
    /// The headline's difference, or `None` when both sides have the same headline.
    pub headline_diff: Option<SideBySide>,
    /// The dek's difference, or `None` when it is the same.
    pub dek_diff: Option<SideBySide>,
    /// The body's difference, unchanged runs folded to [`DEFAULT_CONTEXT`] lines.
    pub body_diff: SideBySide,
}

impl Library {
    /// The conflict of article `id` with both versions compared; `not_found` when the article
    /// has no conflict (any more).
    pub fn compare_conflict(&self, id: ArticleId) -> Result<ConflictComparison> {
        let conflict = self.conflict(id)?.ok_or(WorkspaceError::NoConflict(id))?;
        let current = self.store.article(id)?;
        let file = self.store.revision(id, conflict.file_revision)?;
        let app = ConflictSide {
            headline: current.headline,
            dek: current.dek,
            body: current.body,
        };
        let file = ConflictSide {
            headline: file.headline,
            dek: file.dek,
            body: file.body,
        };
        let field_diff = |ours: &str, theirs: &str| {
            (ours != theirs).then(|| diff::side_by_side(ours, theirs, None))
        };
        Ok(ConflictComparison {
            headline_diff: field_diff(&app.headline, &file.headline),
            dek_diff: field_diff(&app.dek, &file.dek),
            body_diff: diff::side_by_side(&app.body, &file.body, Some(DEFAULT_CONTEXT)),
            conflict,
            app,
            file,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::RowKind;
    use crate::library::test_support::library;
    use crate::model::{NewArticle, RevisionCause};
    use crate::workspace::{Resolution, Workspace};
    use std::path::PathBuf;
    use tempfile::TempDir;

    /// A library and its workspace, with one article whose file now says "File side." and
    /// whose app version says "App side." (the file's headline changed too).
    struct Contested {
        lib: Library,
        ws: Workspace,
        id: ArticleId,
        file: PathBuf,
        _dir: TempDir,
    }

    fn contested() -> Contested {
        let (mut lib, dir) = library();
        let ws = Workspace::open(&dir.path().join("Newsroom")).unwrap();
        let article = lib
            .store_mut()
            .create_article(
                &NewArticle {
                    headline: "Harbour bridge".into(),
                    dek: "Repairs end.".into(),
                    body: "# Traffic\n\nAgreed.\n".into(),
                    ..NewArticle::default()
                },
                RevisionCause::Manual,
            )
            .unwrap();
        lib.mirror_workspace(&ws).unwrap();
        let relative = lib
            .store()
            .workspace_file(article.id)
            .unwrap()
            .unwrap()
            .path;
        let file = ws.absolute(&relative);
        let text = std::fs::read_to_string(&file).unwrap();
        let edited = text.replace("Agreed.", "File side.").replace(
            "headline: Harbour bridge",
            "headline: Harbour bridge reopens",
        );
        assert_ne!(edited, text);
        std::fs::write(&file, edited).unwrap();
        lib.store_mut()
            .save_body(article.id, "# Traffic\n\nApp side.\n")
            .unwrap();
        let report = lib.mirror_workspace(&ws).unwrap();
        assert_eq!(report.conflicts, vec![article.id], "{report:?}");
        Contested {
            lib,
            ws,
            id: article.id,
            file,
            _dir: dir,
        }
    }

    #[test]
    fn both_versions_are_shown_with_their_differences() {
        let c = contested();
        let comparison = c.lib.compare_conflict(c.id).unwrap();
        assert_eq!(comparison.conflict.article_id, c.id);
        assert_eq!(comparison.app.body, "# Traffic\n\nApp side.\n");
        assert_eq!(comparison.file.body, "# Traffic\n\nFile side.\n");
        assert_eq!(comparison.app.headline, "Harbour bridge");
        assert_eq!(comparison.file.headline, "Harbour bridge reopens");
        let kinds: Vec<RowKind> = comparison.body_diff.rows.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, vec![RowKind::Same, RowKind::Same, RowKind::Changed]);
        let changed = &comparison.body_diff.rows[2];
        let marked = |line: &Option<diff::DiffLine>| -> Vec<String> {
            line.iter()
                .flat_map(|l| l.spans.iter().filter(|s| s.changed).map(|s| s.text.clone()))
                .collect()
        };
        assert_eq!(
            marked(&changed.left),
            vec!["App"],
            "the left side is the app's"
        );
        assert_eq!(marked(&changed.right), vec!["File"]);
        assert_eq!(
            comparison
                .headline_diff
                .expect("the headlines differ")
                .stats
                .changed,
            1
        );
        assert_eq!(
            comparison.dek_diff, None,
            "the dek is the same on both sides"
        );
    }

    #[test]
    fn the_app_side_is_the_current_text_when_typing_went_on() {
        let mut c = contested();
        c.lib
            .store_mut()
            .save_body(c.id, "# Traffic\n\nApp side, typed on.\n")
            .unwrap();
        let comparison = c.lib.compare_conflict(c.id).unwrap();
        assert_eq!(comparison.app.body, "# Traffic\n\nApp side, typed on.\n");
        assert_eq!(comparison.file.body, "# Traffic\n\nFile side.\n");
    }

    #[test]
    fn a_newer_file_version_replaces_the_file_side() {
        let mut c = contested();
        let text = std::fs::read_to_string(&c.file).unwrap();
        std::fs::write(&c.file, text.replace("File side.", "File side, later.")).unwrap();
        let report = c
            .lib
            .ingest_workspace_paths(&c.ws, std::slice::from_ref(&c.file))
            .unwrap();
        assert_eq!(report.conflicts, vec![c.id], "{report:?}");
        let comparison = c.lib.compare_conflict(c.id).unwrap();
        assert_eq!(comparison.file.body, "# Traffic\n\nFile side, later.\n");
    }

    #[test]
    fn an_article_without_a_conflict_has_nothing_to_compare() {
        let mut c = contested();
        let err = c.lib.compare_conflict(404).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::NotFound);
        c.lib
            .resolve_conflict(&c.ws, c.id, Resolution::KeepFile)
            .unwrap();
        let err = c.lib.compare_conflict(c.id).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::NotFound);
        assert!(err.to_string().contains("no conflict"), "{err}");
    }
}
