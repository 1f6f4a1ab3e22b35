//! The façade front ends use: the store, the media folder and the renderer together.
//!
//! The CLI and the desktop app call these methods and nothing else of the store; each one is a
//! whole user action (attach a photo file, import a story, export a set of articles) so no
//! front end has to know which modules are involved or in what order. The store itself is
//! reachable only inside the core (`Library::store` is `pub(crate)`), which the compiler
//! enforces for the desktop app.

mod article_view;
mod articles;
mod backups;
mod budget;
mod conflict_view;
mod export_source;
mod history;
mod importing;
mod media_files;
mod photo_entries;
mod photos;
mod preview;
mod proofing;
mod publishing;
mod related;
mod restoring;
mod saving;
mod sites;
#[cfg(test)]
pub(crate) mod test_support;
mod typing;
mod web_edit_view;

pub use article_view::{ArticleView, status_choices};
pub use backups::{
    BACKUPS_FOLDER_NAME, BackupInfo, KEEP_DAYS, backups_folder, daily_name, expired, list_backups,
    parse_daily_name,
};
pub use budget::budget_csv_name;
pub use conflict_view::{ConflictComparison, ConflictSide};
pub use history::RevisionComparison;
pub use importing::ImportOutcome;
pub use media_files::{MediaBytes, MediaFiles, MediaName, THUMBNAIL_SIDE, THUMBNAILS_FOLDER};
pub use photo_entries::PhotoEntry;
pub use photos::AttachRequest;
pub use preview::MediaUrls;
pub use publishing::{Progress, PublishOutcome, PublishRequest};
pub use restoring::restore_backup;
pub use sites::NewSite;
pub use web_edit_view::WebEditComparison;

use crate::error::Result;
use crate::media::MediaFolder;
use crate::store::Store;
use std::path::{Path, PathBuf};

/// File name of the database inside the default data folder.
pub const DEFAULT_DB_NAME: &str = "library.db";
/// Name of the media folder, beside the database.
pub const MEDIA_FOLDER_NAME: &str = "media";

/// An open library: a database and its media folder.
pub struct Library {
    store: Store,
    media: MediaFolder,
}

/// Where the library lives when none is named: the platform's data folder
/// (`~/.local/share/newsroom/library.db` on Linux).
pub fn default_db_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "Newsroom")
        .map(|dirs| dirs.data_dir().join(DEFAULT_DB_NAME))
}

impl Library {
    /// Opens the library whose database is `db_path`, creating both the database and the
    /// media folder beside it when they do not exist yet.
    pub fn open(db_path: &Path) -> Result<Library> {
        let store = Store::open(db_path)?;
        Self::with_store(store, &media_root(db_path))
    }

    /// Wraps an already open store, with its media folder at `media_root`.
    pub fn with_store(store: Store, media_root: &Path) -> Result<Library> {
        let media = MediaFolder::open(media_root)?;
        Ok(Library { store, media })
    }

    /// The database, for reading. Inside the core only: front ends call the library's methods,
    /// one per user action, and never the store.
    pub(crate) fn store(&self) -> &Store {
        &self.store
    }

    /// The database, for the changes that involve nothing but the database (inside the core
    /// only, like `store`).
    pub(crate) fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// The media folder.
    pub fn media(&self) -> &MediaFolder {
        &self.media
    }
}

/// The media folder that belongs to the database at `db_path`.
pub fn media_root(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(MEDIA_FOLDER_NAME)
}

/// The article a body's link names (by id or slug), unless it is unknown or in the trash: what
/// every target's resolver links to.
fn linked_article(
    store: &Store,
    link: crate::render::ArticleRef<'_>,
) -> Option<crate::model::Article> {
    let article = match link {
        crate::render::ArticleRef::Id(id) => store.article(id).ok()?,
        crate::render::ArticleRef::Slug(slug) => store.article_by_slug(slug).ok()?,
    };
    article.trashed_at.is_none().then_some(article)
}
