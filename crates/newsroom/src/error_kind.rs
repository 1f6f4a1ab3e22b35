//! The kinds of failure front ends branch on.
//!
//! Every module error names its kind through a `kind()` method returning [`ErrorKind`]. The desktop
//! app sends it to the web UI as the `kind` of `{kind, message}` (snake_case, e.g. `"not_found"`),
//! and the UI's TypeScript union is generated from this enum, so a new kind cannot be forgotten
//! there. A kind is distinct only where some front end acts differently on it; everything else
//! shares one of the broad kinds and is told apart by its sentence.

use serde::Serialize;

/// What kind of failure an error is: the `kind` of the `{kind, message}` a rejected command
/// carries, which front ends branch on. The wire name is the snake_case of the variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The thing asked for does not exist (an article, a photo, a file, a revision).
    NotFound,
    /// The input cannot be used as it is (an empty headline, a malformed URL).
    Invalid,
    /// The input is of a sort Newsroom does not handle (a PDF given as a photo).
    Unsupported,
    /// Over one of the limits that keep the app responsive.
    TooLarge,
    /// The action clashes with the current state of something else.
    Conflict,
    /// The article is in the trash: the UI offers to restore it.
    Trashed,
    /// Another article already has that slug: the UI puts the editor back in the slug field.
    DuplicateSlug,
    /// The workflow does not allow that status change from the current status: the UI reloads
    /// the statuses it offers.
    InvalidTransition,
    /// The photo is used by stories and cannot go to the trash: the UI shows where it is used.
    PhotoInUse,
    /// The system refused a file or folder operation.
    Io,
    /// The library's database failed.
    Database,
    /// Another program holds the library.
    Locked,
    /// A file or the library is damaged.
    Corrupt,
    /// The library was written by a newer Newsroom.
    NewerVersion,
    /// The story is under embargo: export offers "Export anyway".
    Embargoed,
    /// A site with that name is already set up.
    Exists,
    /// The system has no keychain: the UI offers to keep the secret in a file.
    NoKeychain,
    /// A site's secret could not be stored or read.
    Secret,
    /// The site could not be reached.
    Network,
    /// The site refused the account or key: the UI asks for it again.
    Unauthorized,
    /// The address answers, but not as the expected CMS.
    NotCms,
    /// The site failed while answering.
    Server,
    /// The story lacks something publishing needs (a headline, a photo's file).
    Incomplete,
    /// The editor stopped the action.
    Cancelled,
    /// The live preview's text and the core's copy of it differ: the UI sends its text again.
    OutOfStep,
}

impl ErrorKind {
    /// The wire name (`"not_found"`), as serialized.
    pub fn as_str(self) -> &'static str {
        use ErrorKind::*;
        match self {
            NotFound => "not_found",
            Invalid => "invalid",
            Unsupported => "unsupported",
            TooLarge => "too_large",
            Conflict => "conflict",
            Trashed => "trashed",
            DuplicateSlug => "duplicate_slug",
            InvalidTransition => "invalid_transition",
            PhotoInUse => "photo_in_use",
            Io => "io",
            Database => "database",
            Locked => "locked",
            Corrupt => "corrupt",
            NewerVersion => "newer_version",
            Embargoed => "embargoed",
            Exists => "exists",
            NoKeychain => "no_keychain",
            Secret => "secret",
            Network => "network",
            Unauthorized => "unauthorized",
            NotCms => "not_cms",
            Server => "server",
            Incomplete => "incomplete",
            Cancelled => "cancelled",
            OutOfStep => "out_of_step",
        }
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorKind;

    /// The names the page and the CLI see: serde's, which the generated TypeScript also uses.
    #[test]
    fn the_wire_name_is_what_serde_sends() {
        for kind in [
            ErrorKind::NotFound,
            ErrorKind::DuplicateSlug,
            ErrorKind::InvalidTransition,
            ErrorKind::PhotoInUse,
            ErrorKind::NewerVersion,
            ErrorKind::NoKeychain,
            ErrorKind::NotCms,
            ErrorKind::OutOfStep,
        ] {
            let json = serde_json::to_value(kind).unwrap();
            assert_eq!(json, serde_json::Value::from(kind.as_str()));
        }
    }
}
