//! The one error type front ends see.
//!
//! Each module has its own error enum (its boundary); [`Error`] gathers them so that the CLI
//! and the desktop app can show one sentence and branch on a stable [`Error::kind`].

use crate::ErrorKind;
use crate::export::ExportError;
use crate::import::ImportError;
use crate::live_preview::PreviewError;
use crate::media::MediaError;
use crate::proofing::ProofingError;
use crate::publish::PublishError;
use crate::store::StoreError;
use crate::workspace::WorkspaceError;

/// Any failure of the core, carrying a sentence a user understands as its `Display`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Media(#[from] MediaError),
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(transparent)]
    Export(#[from] ExportError),
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
    #[error(transparent)]
    Publish(#[from] PublishError),
    #[error(transparent)]
    Proofing(#[from] ProofingError),
    #[error(transparent)]
    Preview(#[from] PreviewError),
}

impl Error {
    /// The kind of failure, so front ends can react without parsing the message.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Store(e) => e.kind(),
            Error::Media(e) => e.kind(),
            Error::Import(e) => e.kind(),
            Error::Export(e) => e.kind(),
            Error::Workspace(e) => e.kind(),
            Error::Publish(e) => e.kind(),
            Error::Proofing(e) => e.kind(),
            // The live preview's crate (newsroom-text) knows nothing of kinds: its one error is
            // the page's cue to send its text again.
            Error::Preview(PreviewError::OutOfStep) => ErrorKind::OutOfStep,
        }
    }
}

/// Shorthand for results of the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;
