//! Why an export failed, as one sentence an editor can act on.

use crate::ErrorKind;
use crate::media::MediaError;
use crate::slug::SlugError;
use std::path::PathBuf;

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(
        "could not write “{path}”: {source}; check that the folder is writable and the disk is not full"
    )]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("could not create the folder “{path}”: {source}; choose a folder you can write to")]
    CreateFolder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "cannot export into “{path}” because it is not a folder; choose a folder or move that file away"
    )]
    NotAFolder { path: PathBuf },
    #[error("cannot export “{headline}”: {source}")]
    InvalidSlug { headline: String, source: SlugError },
    #[error(
        "two articles in this export would both be written to “{slug}.html”; give one of them another slug"
    )]
    DuplicateSlug { slug: String },
    #[error(
        "the article “{headline}” would overwrite the export’s index page; give it a slug other than “index”"
    )]
    ReservedSlug { headline: String },
    #[error(
        "the site address “{url}” must start with http:// or https://, such as “https://news.example.com”"
    )]
    InvalidBaseUrl { url: String },
    #[error(
        "could not read the photo file “{name}”: {source}; relink the photo in the Photos panel"
    )]
    PhotoUnreadable {
        name: String,
        source: std::io::Error,
    },
    #[error("could not prepare the photo “{name}” for export: {source}")]
    Photo { name: String, source: MediaError },
    #[error("“{headline}” is under embargo until {until} and must not go out before then")]
    Embargoed { headline: String, until: String },
    #[error("could not lay out “{page}”: {source}; this is a bug in Newsroom, please report it")]
    Layout { page: String, source: askama::Error },
}

impl ExportError {
    /// See [`crate::Error::kind`].
    pub fn kind(&self) -> ErrorKind {
        match self {
            ExportError::Write { .. }
            | ExportError::CreateFolder { .. }
            | ExportError::PhotoUnreadable { .. } => ErrorKind::Io,
            ExportError::NotAFolder { .. }
            | ExportError::InvalidSlug { .. }
            | ExportError::InvalidBaseUrl { .. }
            | ExportError::Layout { .. } => ErrorKind::Invalid,
            ExportError::DuplicateSlug { .. } => ErrorKind::DuplicateSlug,
            ExportError::ReservedSlug { .. } => ErrorKind::Conflict,
            ExportError::Embargoed { .. } => ErrorKind::Embargoed,
            ExportError::Photo { source, .. } => source.kind(),
        }
    }
}
