//! Files changed, created or removed by other programs.

use super::disk::{self, OnDisk};
use super::settle::{Rendered, render_in};
use super::{SyncReport, Workspace, fields, layout};
use crate::Library;
use crate::error::Result;
use crate::import::ImportedArticle;
use crate::model::ArticleId;
use crate::store::{FileIdentity, Store, StoreError, WorkspaceFile};
use std::path::PathBuf;

impl Library {
    /// Takes in files that changed, appeared or disappeared (absolute paths, as a watcher
    /// reports them; whether each exists is checked here). Paths the sync does not care about
    /// are ignored; images in the inbox join the photo library.
    ///
    /// New files are looked at before known ones, so a file renamed by another program (a new
    /// path holding an article whose old path is gone) moves with its article instead of
    /// trashing it.
    pub fn ingest_workspace_paths(
        &mut self,
        ws: &Workspace,
        paths: &[PathBuf],
    ) -> Result<SyncReport> {
        let mut report = SyncReport::default();
        let mut known: Vec<ArticleId> = Vec::new();
        let mut new_files: Vec<String> = Vec::new();
        for path in paths {
            let Some(rel) = ws.relative(path).filter(|_| ws.is_ours(path)) else {
                continue;
            };
            if layout::is_inbox_path(&rel) {
                self.take_inbox_file(ws, &rel, &mut report)?;
            } else if let Some(state) = self.store().workspace_file_at(&rel)? {
                known.push(state.article_id);
            } else if is_file_or_link(&ws.absolute(&rel)) && !new_files.contains(&rel) {
                new_files.push(rel);
            }
        }
        for rel in new_files {
            if let Some(id) = self.take_new_file(ws, &rel, &mut report)? {
                known.push(id);
            }
        }
        known.sort_unstable();
        known.dedup();
        for id in known {
            self.settle(ws, id, &mut report)?;
        }
        Ok(report)
    }

    /// A file the mirror does not know yet: an article's file moved by another program, our
    /// own write interrupted before it was recorded, or a new article. Returns the article
    /// to settle.
    pub(super) fn take_new_file(
        &mut self,
        ws: &Workspace,
        rel: &str,
        report: &mut SyncReport,
    ) -> Result<Option<ArticleId>> {
        let path = ws.absolute(rel);
        let on_disk = disk::read(&path)?;
        if matches!(on_disk, OnDisk::Missing) {
            return Ok(None);
        }
        let mut decoded = match disk::decode(&path, &on_disk, false) {
            Ok(decoded) => decoded,
            Err(message) => {
                report.problem(path, message);
                return Ok(None);
            }
        };
        let named = match (&decoded.file.uid, decoded.file.id) {
            // A uid this library does not know is another desk's new article: no complaint.
            (Some(uid), _) => self.store().article_with_uid(uid)?,
            (None, id) => id,
        };
        if decoded.merge_conflict && named.is_none() {
            report.problem(
                path,
                "This file holds a merge conflict (<<<<<<< … >>>>>>> lines); no article was made from it until the conflict is resolved in the file".to_string(),
            );
            return Ok(None);
        }
        if decoded.file.section.is_empty() {
            decoded.file.section = self.section_of_folder(rel)?;
        }
        let hash = on_disk.hash().unwrap_or_default().to_string();
        let mut why_new = None;
        if let Some(id) = named {
            match self.claim(ws, id, rel, &hash)? {
                Claim::Moved | Claim::Ours => return Ok(Some(id)),
                Claim::Taken(reason) => why_new = Some(reason),
            }
        }
        let file = &decoded.file;
        // Another desk's article keeps its name and age; a copy of an article is a new one.
        let identity = match why_new {
            None => FileIdentity {
                uid: file.uid.clone(),
                created_at: file.created,
            },
            Some(_) => FileIdentity::default(),
        };
        let imported = ImportedArticle {
            headline: file.headline.clone(),
            dek: file.dek.clone(),
            section: file.section.clone(),
            byline: file.byline.clone(),
            dateline: file.dateline.clone(),
            tags: file.tags.clone(),
            slug: file.slug.clone(),
            status: file.status,
            published_at: file.published,
            kicker: file.kicker.clone(),
            seo_headline: file.seo_headline.clone(),
            social_headline: file.social_headline.clone(),
            embargo: file.embargo,
            words_planned: file.words_planned,
            language: file.language.clone(),
            body: file.body.clone(),
            ..ImportedArticle::default()
        };
        let mut warnings = Vec::new();
        let new = self.new_article_for_import(&imported, &mut warnings)?;
        let mut notes = Vec::new();
        let version = |store: &Store, id| {
            let (version, found) = fields::file_version(store, Some(id), file)?;
            notes = found;
            Ok(version)
        };
        let stamp = on_disk.stamp();
        let agreement = |store: &Store, id| {
            let app = render_in(store, id)?.ok_or(StoreError::ArticleNotFound(id))?;
            Ok(WorkspaceFile {
                article_id: id,
                path: rel.to_string(),
                file_hash: hash.clone(),
                db_hash: app.hash,
                stamp,
            })
        };
        let created = self
            .store_mut()
            .create_from_file_agreed(&new, &identity, version, agreement);
        let id = match created {
            Ok(article) => article.id,
            Err(e) => {
                report.problem(path, format!("No article was made from this file: {e}"));
                return Ok(None);
            }
        };
        let messages = why_new.into_iter().chain(warnings).chain(
            notes
                .into_iter()
                .map(|note| format!("In this file, {note}.")),
        );
        for message in messages {
            report.problem(path.clone(), format!("New article {id}: {message}"));
        }
        report.created.push(id);
        Ok(None)
    }

    /// Whether a new file naming article `id` in its front matter is that article's file.
    fn claim(&mut self, ws: &Workspace, id: ArticleId, rel: &str, hash: &str) -> Result<Claim> {
        let Some(app) = self.render(id)? else {
            return Ok(Claim::Taken(format!(
                "the file names article {id}, which does not exist, so it became a new article."
            )));
        };
        if app.article.trashed_at.is_some() {
            return Ok(Claim::Taken(format!(
                "the file names article {id}, which is in the trash, so it became a new article (restore article {id} from the trash if that is what you meant)."
            )));
        }
        let state = self.store().workspace_file(id)?;
        let old_present = match &state {
            Some(state) => !matches!(disk::read(&ws.absolute(&state.path))?, OnDisk::Missing),
            None => false,
        };
        if !old_present {
            // The article's file was moved here (or it never had one): follow it.
            let (file_hash, db_hash) = match state {
                Some(state) => (state.file_hash, state.db_hash),
                None => (String::new(), String::new()),
            };
            self.store_mut().set_workspace_file(&WorkspaceFile {
                article_id: id,
                path: rel.to_string(),
                file_hash,
                db_hash,
                stamp: None,
            })?;
            return Ok(Claim::Moved);
        }
        if is_our_pending_write(&app, rel, hash) {
            return Ok(Claim::Ours);
        }
        Ok(Claim::Taken(format!(
            "the file names article {id}, which already has its file “{}”, so it became a new article (a copy).",
            state.map(|s| s.path).unwrap_or_default()
        )))
    }
}

/// What a new file naming an existing article turned out to be.
enum Claim {
    /// The article's file, moved here: the article follows it.
    Moved,
    /// Our own write to the article's new path, not yet recorded (a crash between writing and
    /// recording, or a rename in progress): settling the article finishes it.
    Ours,
    /// Another article's file is somewhere else: this one becomes a new article, for this
    /// reason.
    Taken(String),
}

fn is_our_pending_write(app: &Rendered, rel: &str, hash: &str) -> bool {
    layout::article_path(&app.article) == rel && app.hash == hash
}

/// Whether something other than a folder is at `path`: a file, or a link, FIFO… that reading
/// refuses with a sentence (see [`crate::regular_file`]) rather than passing over in silence.
fn is_file_or_link(path: &std::path::Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| !m.is_dir())
}

impl Library {
    /// The section a new file without one belongs to, from its folder: the existing section
    /// written to that folder (`economy/` → "Economy" when the library has it), otherwise the
    /// folder's name with a capital; none for a file at the top or in `unfiled/`.
    fn section_of_folder(&self, rel: &str) -> Result<String> {
        let Some((folder, _)) = rel.rsplit_once('/') else {
            return Ok(String::new());
        };
        if folder == layout::UNFILED || folder.contains('/') {
            return Ok(String::new());
        }
        let known = self.store().sections()?;
        if let Some(section) = known
            .into_iter()
            .find(|section| layout::section_folder(section) == folder)
        {
            return Ok(section);
        }
        let mut chars = folder.chars();
        Ok(chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect::<String>())
            .unwrap_or_default()
            .replace('-', " "))
    }
}
