//! Photo files: format detection by content, dimensions, embedded captions and credits,
//! metadata stripping for export, and the content-addressed media folder.

/// Why a photo file could not be taken in or written out.
#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    #[error("could not read “{path}”: {source}")]
    Read {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

impl MediaError {
    /// See [`crate::Error::kind`].
    pub fn kind(&self) -> &'static str {
        match self {
            MediaError::Read { .. } => "io",
        }
    }
}
