//! Listing conflicts and resolving them.

use super::file_format::parse;
use super::{Conflict, Resolution, SyncReport, Workspace, WorkspaceError, fields};
use crate::Library;
use crate::error::Result;
use crate::model::{Article, ArticleId, ArticlePatch};
use crate::store::{StoreError, StoredConflict, WorkspaceFile};
use std::path::PathBuf;

impl Library {
    /// Every article whose file and app version both changed, oldest first. Paths are relative
    /// to the workspace folder.
    pub fn workspace_conflicts(&self) -> Result<Vec<Conflict>> {
        self.store()
            .workspace_conflicts()?
            .into_iter()
            .map(|stored| self.public_conflict(stored))
            .collect()
    }

    /// The conflict of one article, if it has one (path relative to the workspace folder).
    pub fn conflict(&self, id: ArticleId) -> Result<Option<Conflict>> {
        self.store()
            .workspace_conflict(id)?
            .map(|stored| self.public_conflict(stored))
            .transpose()
    }

    fn public_conflict(&self, stored: StoredConflict) -> Result<Conflict> {
        let path = self
            .store()
            .workspace_file(stored.article_id)?
            .map(|f| PathBuf::from(f.path))
            .unwrap_or_default();
        Ok(Conflict {
            article_id: stored.article_id,
            file_revision: stored.file_revision,
            app_revision: stored.app_revision,
            detected_at: stored.detected_at,
            path,
        })
    }

    /// Ends a conflict the way the editor chose: the chosen version becomes the article (the
    /// other stays in its history as a `Conflict` revision) and is written to the file.
    pub fn resolve_conflict(
        &mut self,
        ws: &Workspace,
        id: ArticleId,
        resolution: Resolution,
    ) -> Result<Article> {
        // The file may have been saved again since the conflict was recorded: that version
        // joins the conflict (and the history) before the file is written over below.
        self.settle(ws, id, &mut SyncReport::default())?;
        let conflict = self
            .store()
            .workspace_conflict(id)?
            .ok_or(WorkspaceError::NoConflict(id))?;
        match resolution {
            Resolution::KeepApp => {}
            Resolution::KeepFile => {
                let file =
                    parse(&conflict.file_text).map_err(|e| StoreError::FileVersionUnreadable {
                        id,
                        reason: e.to_string(),
                    })?;
                let (version, _) = fields::file_version(self.store(), Some(id), &file)?;
                self.store_mut().apply_file_version(id, &version)?;
            }
            Resolution::Merged(body) => {
                let patch = ArticlePatch {
                    body: Some(body),
                    ..ArticlePatch::default()
                };
                self.store_mut().update_article(id, &patch)?;
            }
        }
        self.store_mut().clear_workspace_conflict(id)?;
        let app = self.render(id)?.ok_or(StoreError::ArticleNotFound(id))?;
        // The file's version is in the history: the file is written over, wherever it is, as
        // long as it is still that version (a save made since is taken in as a new conflict).
        let seen = conflict.file_hash;
        let state = match self.store().workspace_file(id)? {
            Some(state) => WorkspaceFile {
                file_hash: seen.clone(),
                ..state
            },
            None => WorkspaceFile {
                article_id: id,
                path: super::layout::article_path(&app.article),
                file_hash: String::new(),
                db_hash: String::new(),
                stamp: None,
            },
        };
        let mut report = SyncReport::default();
        self.write_and_agree(ws, &app, &state, Some(&seen), &mut report)?;
        Ok(app.article)
    }
}
