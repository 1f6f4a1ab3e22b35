//! What can go wrong with photo files, in sentences an editor can act on.

use crate::ErrorKind;
use std::fmt;
use std::path::PathBuf;

use crate::model::ImageFormat;

use super::limits::{MAX_FILE_BYTES, MAX_PIXELS, MAX_SIDE};

/// Why a photo file could not be taken in or written out.
#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    /// The bytes are not a photo Newsroom can take; `file` names them when the caller knows it.
    #[error("{file} {reason}")]
    Rejected { file: Subject, reason: Rejection },
    #[error("could not find “{}”; check that the file still exists", path.display())]
    NotFound { path: PathBuf },
    #[error("“{}” is a folder, not a photo; choose an image file inside it", path.display())]
    IsFolder { path: PathBuf },
    #[error("{}; choose the photo itself", .kind.sentence(.path))]
    NotRegular {
        path: PathBuf,
        kind: crate::regular_file::NotRegular,
    },
    #[error("Newsroom is not allowed to read “{}”; check the file's permissions", path.display())]
    PermissionDenied { path: PathBuf },
    #[error("could not read “{}”: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("could not write “{}”: {source}; check free disk space and permissions", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "the file of photo “{name}” is missing from the media folder (“{}”); import the photo again",
        path.display()
    )]
    MissingFile { name: String, path: PathBuf },
    #[error(
        "the file of photo “{name}” in the media folder (“{}”) has changed since it was imported; import the photo again",
        path.display()
    )]
    ChangedFile { name: String, path: PathBuf },
    #[error(
        "the photo “{name}” has a damaged file reference in the library; import the photo again"
    )]
    BadReference { name: String },
    #[error("could not make a thumbnail: {source}")]
    Thumbnail { source: image::ImageError },
}

impl MediaError {
    /// See [`crate::Error::kind`].
    pub fn kind(&self) -> ErrorKind {
        match self {
            MediaError::Rejected { reason, .. } => reason.kind(),
            MediaError::NotFound { .. } | MediaError::MissingFile { .. } => ErrorKind::NotFound,
            MediaError::IsFolder { .. } | MediaError::NotRegular { .. } => ErrorKind::Invalid,
            MediaError::PermissionDenied { .. }
            | MediaError::Read { .. }
            | MediaError::Write { .. }
            | MediaError::Thumbnail { .. } => ErrorKind::Io,
            MediaError::ChangedFile { .. } | MediaError::BadReference { .. } => ErrorKind::Corrupt,
        }
    }

    /// Names the file a rejection is about, so that a message from [`super::inspect`] (which only
    /// sees bytes) says which file the editor chose.
    pub fn for_file(self, name: &str) -> MediaError {
        match self {
            MediaError::Rejected { reason, .. } => MediaError::Rejected {
                file: Subject(Some(name.to_string())),
                reason,
            },
            other => other,
        }
    }

    /// A rejection of bytes whose file name is not known here.
    pub(super) fn rejected(reason: Rejection) -> MediaError {
        MediaError::Rejected {
            file: Subject(None),
            reason,
        }
    }
}

/// The start of a rejection sentence: the file's name when known, else "the file".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject(pub Option<String>);

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Some(name) => write!(f, "“{name}”"),
            None => f.write_str("the file"),
        }
    }
}

/// Why some bytes are not a photo Newsroom accepts. Each reads after the file's name.
#[derive(Debug, thiserror::Error)]
pub enum Rejection {
    #[error("is empty (0 bytes); choose the photo again")]
    Empty,
    #[error("is {looks_like}, not a photo; Newsroom takes JPEG, PNG, WebP and GIF images")]
    LooksLike { looks_like: &'static str },
    #[error("is not a JPEG, PNG, WebP or GIF image")]
    NotAnImage,
    #[error(
        "is {} MB, more than the {} MB limit; export a smaller version of the photo",
        megabytes(*bytes),
        MAX_FILE_BYTES / 1_000_000
    )]
    TooLarge { bytes: u64 },
    #[error(
        "is {width} × {height} pixels, more than Newsroom accepts ({MAX_SIDE} pixels a side, {} megapixels); export a smaller version",
        MAX_PIXELS / 1_000_000
    )]
    TooManyPixels { width: u32, height: u32 },
    #[error(
        "needs more memory to open than Newsroom allows; export a smaller version of the photo"
    )]
    TooDemanding,
    #[error("is a damaged or incomplete {} image; copy it again from its source", format_name(*format))]
    Damaged {
        format: ImageFormat,
        #[source]
        cause: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error(
        "is a kind of {} image Newsroom cannot read; save it again as a standard {} in a photo editor",
        format_name(*format),
        format_name(*format)
    )]
    UnsupportedVariant {
        format: ImageFormat,
        #[source]
        cause: image::ImageError,
    },
}

impl Rejection {
    /// See [`crate::Error::kind`].
    pub fn kind(&self) -> ErrorKind {
        match self {
            Rejection::Empty => ErrorKind::Invalid,
            Rejection::LooksLike { .. }
            | Rejection::NotAnImage
            | Rejection::UnsupportedVariant { .. } => ErrorKind::Unsupported,
            Rejection::TooLarge { .. }
            | Rejection::TooManyPixels { .. }
            | Rejection::TooDemanding => ErrorKind::TooLarge,
            Rejection::Damaged { .. } => ErrorKind::Corrupt,
        }
    }
}

/// The name editors know a format by.
pub(super) fn format_name(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Jpeg => "JPEG",
        ImageFormat::Png => "PNG",
        ImageFormat::Webp => "WebP",
        ImageFormat::Gif => "GIF",
    }
}

/// Bytes as megabytes with one decimal, the way file managers show sizes.
fn megabytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1_000_000.0)
}
