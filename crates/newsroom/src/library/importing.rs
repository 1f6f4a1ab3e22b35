//! Importing stories from files into the library.

use super::Library;
use crate::error::Result;
use crate::import::{self, ImportedArticle};
use crate::model::{Article, ArticlePatch, NewArticle, PhotoRole, RevisionCause};
use crate::slug;
use crate::store::{PhotoText, StoreError};
use std::path::Path;

/// An imported article and what the editor should check in it.
#[derive(Debug, Clone)]
pub struct ImportOutcome {
    pub article: Article,
    /// Plain sentences: guesses the importer made, fields it ignored, a slug it had to change.
    pub warnings: Vec<String>,
}

impl Library {
    /// Imports one file (Markdown with front matter, or a plain-text article copied from the
    /// web) as a new article, with its author and its featured photo awaiting the image file.
    pub fn import_file(&mut self, path: &Path) -> Result<ImportOutcome> {
        let text = import::read_text_file(path)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let imported = import::import_text(&text, &name)?;
        self.add_imported(imported)
    }

    /// Stores an already parsed article.
    pub fn add_imported(&mut self, imported: ImportedArticle) -> Result<ImportOutcome> {
        let mut warnings = imported.warnings.clone();
        let new = self.new_article_for_import(&imported, &mut warnings)?;
        let mut article = self.store.create_article(&new, RevisionCause::Import)?;
        if let (Some(bio), false) = (&imported.author_bio, imported.byline.trim().is_empty()) {
            let author = self.store.upsert_author(&imported.byline, "", bio)?;
            let patch = ArticlePatch {
                author_id: Some(Some(author.id)),
                ..ArticlePatch::default()
            };
            article = self.store.update_article(article.id, &patch)?;
        }
        if let Some(pending) = &imported.featured_photo {
            let text = PhotoText {
                caption: pending.caption.clone(),
                credit: pending.credit.clone(),
                alt: String::new(),
            };
            let (photo, _) = self.store.add_photo(None, &text)?;
            self.store
                .attach_photo(article.id, photo.id, PhotoRole::Featured, None)?;
            article = self.store.article(article.id)?;
            warnings.push(format!(
                "The featured photo (photo {}) is awaiting its image file.",
                photo.id
            ));
        }
        Ok(ImportOutcome { article, warnings })
    }

    /// The article an imported one becomes, with a free slug (`warnings` says when the file's
    /// slug could not be kept). The workspace sync creates it together with its file's
    /// agreement, so it needs the article before it is stored.
    pub(crate) fn new_article_for_import(
        &self,
        imported: &ImportedArticle,
        warnings: &mut Vec<String>,
    ) -> Result<NewArticle> {
        let slug = match &imported.slug {
            Some(wanted) => Some(self.free_slug_for_import(wanted, warnings)?),
            None => None,
        };
        Ok(NewArticle {
            slug,
            ..imported.to_new_article()
        })
    }

    /// A file's slug is kept when it is valid and free; otherwise the nearest free one is used
    /// and the editor told, so an import never fails over a name.
    fn free_slug_for_import(&self, wanted: &str, warnings: &mut Vec<String>) -> Result<String> {
        let base = match slug::validate(wanted) {
            Ok(()) => wanted.to_string(),
            Err(_) => slug::slugify(wanted),
        };
        let mut n = 1;
        loop {
            let candidate = slug::numbered(&base, n);
            match self.store.article_by_slug(&candidate) {
                Err(StoreError::SlugNotFound(_)) => {
                    if candidate != wanted {
                        warnings.push(format!(
                            "The slug “{wanted}” was taken or not valid; the article is “{candidate}”."
                        ));
                    }
                    return Ok(candidate);
                }
                Ok(_) => n += 1,
                Err(e) => return Err(e.into()),
            }
        }
    }
}
