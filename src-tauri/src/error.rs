//! The error every command returns: `{kind, message}` for the UI to branch on and show.

use newsroom::ErrorKind;
use serde::Serialize;

/// A failure as the web UI receives it: the core's [`ErrorKind`] to branch on, and a sentence
/// the editor can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UiError {
    pub kind: ErrorKind,
    pub message: String,
}

impl UiError {
    /// The UI sent something no command can use (bad base64, a path it may not open).
    pub fn invalid(message: impl Into<String>) -> UiError {
        UiError {
            kind: ErrorKind::Invalid,
            message: message.into(),
        }
    }

    /// The system refused an operation of the shell itself (opening a browser).
    pub fn io(message: impl Into<String>) -> UiError {
        UiError {
            kind: ErrorKind::Io,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for UiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<newsroom::Error> for UiError {
    fn from(error: newsroom::Error) -> UiError {
        UiError {
            kind: error.kind(),
            message: error.to_string(),
        }
    }
}

/// The core's module errors go through [`newsroom::Error`], the one place that names kinds.
macro_rules! from_core_error {
    ($($error:ty),*) => {$(
        impl From<$error> for UiError {
            fn from(error: $error) -> UiError {
                newsroom::Error::from(error).into()
            }
        }
    )*};
}

from_core_error!(
    newsroom::store::StoreError,
    newsroom::media::MediaError,
    newsroom::export::ExportError,
    newsroom::live_preview::PreviewError
);

/// What every command returns.
pub type CommandResult<T> = Result<T, UiError>;

#[cfg(test)]
mod tests {
    use super::*;
    use newsroom::store::StoreError;

    #[test]
    fn core_errors_keep_their_kind_and_sentence() {
        let error = UiError::from(StoreError::ArticleNotFound(7));
        assert_eq!(error.kind, ErrorKind::NotFound);
        assert_eq!(error.message, "there is no article with id 7");
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "not_found", "message": "there is no article with id 7"})
        );
    }
}
