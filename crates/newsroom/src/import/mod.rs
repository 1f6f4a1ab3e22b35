//! Turning outside text into drafts: Markdown with YAML or TOML front matter (Hugo and Jekyll
//! field names), and plain-text articles copied from a news site.

/// Why a file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("could not read “{path}”: {source}")]
    Read {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

impl ImportError {
    /// See [`crate::Error::kind`].
    pub fn kind(&self) -> &'static str {
        match self {
            ImportError::Read { .. } => "io",
        }
    }
}
