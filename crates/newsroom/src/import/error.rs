//! Why an import failed, in sentences an editor can act on.

use crate::ErrorKind;
use std::path::PathBuf;

/// The largest file [`super::read_text_file`] accepts. An article is a few hundred kilobytes at
/// most; anything bigger is the wrong file or has data (images, logs) pasted into it.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Why a file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("could not find “{}”; check the file name and folder, then try again", .path.display())]
    NotFound { path: PathBuf },
    #[error("“{}” is a folder, not a file; choose a Markdown or text file inside it", .path.display())]
    NotAFile { path: PathBuf },
    #[error("{}; choose the file itself", .kind.sentence(.path))]
    NotRegular {
        path: PathBuf,
        kind: crate::regular_file::NotRegular,
    },
    #[error(
        "“{}” is {}, more than the {} an article file may be; check that it is the right file",
        .path.display(), megabytes(*.bytes), megabytes(MAX_FILE_BYTES)
    )]
    TooLarge { path: PathBuf, bytes: u64 },
    #[error("“{}” is not UTF-8 text (it looks like a binary file); choose a Markdown or plain-text file", .path.display())]
    Binary { path: PathBuf },
    #[error("“{}” is not UTF-8 text; open it in a text editor, save it with UTF-8 encoding and import it again", .path.display())]
    NotUtf8 { path: PathBuf },
    #[error("could not read “{}”: {source}", .path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is empty, so there is nothing to import", capitalized(&described(.file)))]
    Empty { file: Option<String> },
    #[error(
        "“{file}” is not a Markdown or plain-text file; save it as .md or .txt and import it again"
    )]
    UnsupportedType { file: String },
    #[error(
        "the front matter of {} opens with “{fence}” on line 1 but is never closed; add a “{fence}” line after the last field",
        described(.file)
    )]
    UnclosedFrontMatter {
        file: Option<String>,
        fence: &'static str,
    },
    #[error(
        "the front matter of {} is not valid {format}: {detail}; correct it and try again",
        described(.file)
    )]
    InvalidFrontMatter {
        file: Option<String>,
        format: &'static str,
        /// The parser's complaint, with the line counted from the top of the file.
        detail: String,
    },
}

impl ImportError {
    /// See [`crate::Error::kind`].
    pub fn kind(&self) -> ErrorKind {
        match self {
            ImportError::NotFound { .. } => ErrorKind::NotFound,
            ImportError::NotAFile { .. }
            | ImportError::NotRegular { .. }
            | ImportError::Binary { .. }
            | ImportError::NotUtf8 { .. }
            | ImportError::UnsupportedType { .. } => ErrorKind::Unsupported,
            ImportError::TooLarge { .. } => ErrorKind::TooLarge,
            ImportError::Read { .. } => ErrorKind::Io,
            ImportError::Empty { .. }
            | ImportError::UnclosedFrontMatter { .. }
            | ImportError::InvalidFrontMatter { .. } => ErrorKind::Invalid,
        }
    }
}

/// How a message names the input: the file in quotes, or "the text" when it was pasted.
fn described(file: &Option<String>) -> String {
    match file {
        Some(name) => format!("“{name}”"),
        None => "the text".to_string(),
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A size in megabytes with one decimal, as file managers show it.
/// A size as editors read it: "1.5 MB".
pub(crate) fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file_or_the_pasted_text() {
        let named = ImportError::Empty {
            file: Some("x.md".into()),
        };
        assert_eq!(
            named.to_string(),
            "“x.md” is empty, so there is nothing to import"
        );
        let pasted = ImportError::Empty { file: None };
        assert!(pasted.to_string().starts_with("The text is empty"));
        let big = ImportError::TooLarge {
            path: "big.md".into(),
            bytes: 50 * 1024 * 1024,
        };
        assert_eq!(big.kind(), crate::ErrorKind::TooLarge);
        assert!(big.to_string().contains("50.0 MB, more than the 20.0 MB"));
    }
}
