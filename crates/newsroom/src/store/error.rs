//! What the store refuses, and how the database can fail.

use crate::ErrorKind;
use crate::model::{ArticleId, AuthorId, PhotoId, Status};
use crate::slug::SlugError;
use rusqlite::ErrorCode;
use std::path::PathBuf;

/// Why the database refused or failed. Every message is a sentence for the editor.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("there is no article with id {0}")]
    ArticleNotFound(ArticleId),
    #[error("there is no article with the slug “{0}”")]
    SlugNotFound(String),
    #[error("there is no photo with id {0}")]
    PhotoNotFound(PhotoId),
    #[error("there is no author with id {0}")]
    AuthorNotFound(AuthorId),
    #[error("article {id} has no revision {number}")]
    RevisionNotFound { id: ArticleId, number: u32 },
    #[error("article {0} is in the trash; restore it with `untrash` before changing it")]
    Trashed(ArticleId),
    #[error("article {0} is not in the trash")]
    NotTrashed(ArticleId),
    #[error("the slug “{slug}” is already used by article {owner}; choose another one")]
    DuplicateSlug { slug: String, owner: ArticleId },
    #[error(transparent)]
    InvalidSlug(#[from] SlugError),
    #[error("the headline is empty; every article needs one")]
    EmptyHeadline,
    #[error("article {id} cannot go from {from} to {to}; from {from} it can go to {allowed}")]
    InvalidTransition {
        id: ArticleId,
        from: Status,
        to: Status,
        allowed: String,
    },
    #[error("an article cannot be related to itself")]
    SelfRelation,
    #[error("article {id} is already related to {target}")]
    AlreadyRelated { id: ArticleId, target: String },
    #[error("article {id} has no related link at position {position}")]
    RelatedNotFound { id: ArticleId, position: u32 },
    #[error(
        "“{0}” is not a web address Newsroom can link to; use a full http:// or https:// address"
    )]
    InvalidUrl(String),
    #[error("“{0}” is not a language; write a language tag such as en-GB, en-US or fr")]
    InvalidLanguage(String),
    #[error("“{0}” cannot go in the dictionary; add one word of at most 64 characters")]
    InvalidWord(String),
    #[error("a planned length must be at least one word")]
    NoPlannedWords,
    #[error("the {0} has no text; say what changed")]
    EmptyDeskEntry(&'static str),
    #[error("article {id} has not been published, so it takes no {entry}; change the story itself")]
    NotPublished { id: ArticleId, entry: &'static str },
    #[error("the note is empty")]
    EmptyNote,
    #[error("an author needs a name")]
    NamelessAuthor,
    #[error("photo {photo} is not attached to article {article}")]
    PhotoNotAttached { photo: PhotoId, article: ArticleId },
    #[error("the budget has no column “{column}”; sort by one of {known}")]
    UnknownBudgetColumn { column: String, known: String },
    #[error("a day must end after it starts; choose the day again")]
    EmptyDay,
    #[error(
        "the file's version of article {id} cannot be read any more ({reason}); take the app's version or merge by hand"
    )]
    FileVersionUnreadable { id: ArticleId, reason: String },
    #[error("a library held in memory has no backups folder")]
    NoBackupsFolder,
    // What the store itself failed to do: each names the step, for a report.
    #[error("the library could not be upgraded: {0}")]
    UpgradeFailed(String),
    #[error("the text of article {0} could not be saved")]
    NotSaved(ArticleId),
    #[error("the revision was not recorded")]
    RevisionNotRecorded,
    #[error("the related link was not saved")]
    RelatedNotSaved,
    #[error("could not start the checkpoint thread: {0}")]
    CheckpointThread(String),
    #[error("photo {photo} is still used by {articles}; detach it first")]
    PhotoInUse { photo: PhotoId, articles: String },
    #[error("that image is already in the library as photo {0}")]
    PhotoFileTaken(PhotoId),
    #[error(
        "the library “{path}” is busy: another program is writing to it; try again in a moment"
    )]
    Locked { path: PathBuf },
    #[error(
        "“{path}” is not a Newsroom library (it is not a SQLite database); it was left untouched"
    )]
    NotADatabase { path: PathBuf },
    #[error(
        "“{path}” is a SQLite database of another program, not a Newsroom library; it was left untouched"
    )]
    ForeignDatabase { path: PathBuf },
    #[error(
        "the library “{path}” is damaged ({detail}); it was left untouched — restore a backup or copy it aside"
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "the library “{path}” was written by a newer version of Newsroom (schema {found}, this version knows up to {known}); it was left untouched — update Newsroom to open it"
    )]
    NewerVersion {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("could not open the library “{path}”: {source}")]
    Open {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the library database failed: {0}")]
    Database(rusqlite::Error),
    #[error(
        "the backup “{path}” could not be read or written ({source}); check the folder's permissions and free space"
    )]
    BackupFile {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "there is no backup file “{path}”; `newsroom backups` lists the backups of the library"
    )]
    BackupNotFound { path: PathBuf },
    #[error(
        "the library “{path}” is open in another program (the desktop app or another newsroom command); close it, then try again — nothing was changed"
    )]
    InUse { path: PathBuf },
}

impl StoreError {
    /// See [`crate::Error::kind`].
    pub fn kind(&self) -> ErrorKind {
        use StoreError::*;
        match self {
            ArticleNotFound(_)
            | SlugNotFound(_)
            | PhotoNotFound(_)
            | AuthorNotFound(_)
            | RevisionNotFound { .. }
            | RelatedNotFound { .. }
            | BackupNotFound { .. } => ErrorKind::NotFound,
            Trashed(_) => ErrorKind::Trashed,
            DuplicateSlug { .. } => ErrorKind::DuplicateSlug,
            InvalidTransition { .. } => ErrorKind::InvalidTransition,
            PhotoInUse { .. } => ErrorKind::PhotoInUse,
            NotTrashed(_) | AlreadyRelated { .. } | PhotoFileTaken(_) => ErrorKind::Conflict,
            InvalidSlug(_)
            | EmptyHeadline
            | SelfRelation
            | InvalidUrl(_)
            | InvalidLanguage(_)
            | InvalidWord(_)
            | NoPlannedWords
            | EmptyDeskEntry(_)
            | NotPublished { .. }
            | EmptyNote
            | NamelessAuthor
            | UnknownBudgetColumn { .. }
            | EmptyDay
            | FileVersionUnreadable { .. } => ErrorKind::Invalid,
            PhotoNotAttached { .. } => ErrorKind::NotFound,
            NoBackupsFolder => ErrorKind::Unsupported,
            UpgradeFailed(_) | NotSaved(_) | RevisionNotRecorded | RelatedNotSaved
            | CheckpointThread(_) => ErrorKind::Database,
            Locked { .. } | InUse { .. } => ErrorKind::Locked,
            NotADatabase { .. } | ForeignDatabase { .. } => ErrorKind::Unsupported,
            Corrupt { .. } => ErrorKind::Corrupt,
            NewerVersion { .. } => ErrorKind::NewerVersion,
            Open { .. } | BackupFile { .. } => ErrorKind::Io,
            Database(_) => ErrorKind::Database,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    /// Lock and corruption errors can surface from any statement; they get their own sentence.
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Locked {
                path: PathBuf::new(),
            },
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
                path: PathBuf::new(),
                detail: e.to_string(),
            },
            Some(ErrorCode::NotADatabase) => StoreError::NotADatabase {
                path: PathBuf::new(),
            },
            _ => StoreError::Database(e),
        }
    }
}

impl StoreError {
    /// Fills in the library's path on errors raised before it was known.
    pub(crate) fn at(self, file: &std::path::Path) -> StoreError {
        let path = file.to_path_buf();
        match self {
            StoreError::Locked { .. } => StoreError::Locked { path },
            StoreError::Corrupt { detail, .. } => StoreError::Corrupt { path, detail },
            StoreError::NotADatabase { .. } => StoreError::NotADatabase { path },
            other => other,
        }
    }
}
