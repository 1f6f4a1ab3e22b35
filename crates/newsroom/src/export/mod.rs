//! Standalone HTML pages for finished articles, with their images.

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("could not write “{path}”: {source}")]
    Write {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

impl ExportError {
    /// See [`crate::Error::kind`].
    pub fn kind(&self) -> &'static str {
        match self {
            ExportError::Write { .. } => "io",
        }
    }
}
