//! Writing the articles changed in the app to their files.

use super::{SyncReport, Workspace, displaced, layout};
use crate::Library;
use crate::error::Result;
use crate::model::ArticleId;

impl Library {
    /// Brings the files of every article changed in the app (the dirty set kept by database
    /// triggers) up to date: writes them atomically, moves them when their slug or section
    /// changed, removes those of trashed articles. Articles in conflict are left alone until
    /// resolved. Files earlier writes displaced are looked at first (see [`super::displaced`]).
    ///
    /// An article that could not be written (a full disk, a folder without permission) stays
    /// in the dirty set for the next pass and is reported as a problem. This holds the library
    /// for the whole pass; a caller sharing it with typing uses
    /// [`Library::mirror_workspace_batch`].
    pub fn mirror_workspace(&mut self, ws: &Workspace) -> Result<SyncReport> {
        let mut report = SyncReport::default();
        self.settle_displaced(ws, displaced::now_ms(), &mut report)?;
        let dirty = self.store().workspace_dirty(usize::MAX)?;
        for (id, generation) in dirty {
            self.mirror_one(ws, id, generation, &mut report)?;
        }
        Ok(report)
    }

    /// Like [`Library::mirror_workspace`], for at most `max_articles` articles (lowest ids
    /// first), so that a caller can release the library between batches: a first export of
    /// thousands of articles then never keeps typing waiting longer than one batch. Returns
    /// what the batch did and whether more articles are waiting.
    pub fn mirror_workspace_batch(
        &mut self,
        ws: &Workspace,
        max_articles: usize,
    ) -> Result<(SyncReport, bool)> {
        let max_articles = max_articles.max(1);
        let mut report = SyncReport::default();
        self.settle_displaced(ws, displaced::now_ms(), &mut report)?;
        let mut dirty = self.store().workspace_dirty(max_articles + 1)?;
        let more = dirty.len() > max_articles;
        dirty.truncate(max_articles);
        let mut done = false;
        for (id, generation) in dirty {
            done |= self.mirror_one(ws, id, generation, &mut report)?;
        }
        // A batch in which nothing could be finished (a full disk) is not repeated at once:
        // the next pass comes with the next save or check.
        Ok((report, more && done))
    }

    /// Settles one dirty article. It leaves the dirty set only once settled, and only if it
    /// did not change meanwhile (`generation`): a crash before that leaves it for the next
    /// start, which the start-up scan relies on. Returns whether it left.
    fn mirror_one(
        &mut self,
        ws: &Workspace,
        id: ArticleId,
        generation: i64,
        report: &mut SyncReport,
    ) -> Result<bool> {
        match self.settle(ws, id, report) {
            Ok(()) => Ok(self.store_mut().clear_workspace_dirty(id, generation)?),
            Err(e) => {
                let path = match self.store().article(id) {
                    Ok(article) => ws.absolute(&layout::article_path(&article)),
                    Err(_) => ws.root().to_path_buf(),
                };
                report.problem(
                    path,
                    format!("Article {id} could not be written to its file: {e}"),
                );
                Ok(false)
            }
        }
    }
}
