//! What can go wrong while adding a site or publishing, each as a sentence for the editor.

use crate::ErrorKind;
use std::io;
use std::path::PathBuf;

use super::site::SiteKind;
use crate::model::PhotoId;

/// A failure of publishing. `Display` is the sentence shown to the editor.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("“{name}” cannot be a site name: {why}.")]
    BadName { name: String, why: &'static str },
    #[error("{url} cannot be used as a site address: {why}.")]
    BadUrl { url: String, why: &'static str },
    #[error("There is no site called “{0}”.")]
    NoSuchSite(String),
    #[error("A site called “{0}” already exists; remove it first or choose another name.")]
    SiteExists(String),
    #[error(
        "That is not a Ghost Admin API key: it is 24 hexadecimal digits, a colon and 64 more, as \
         Ghost shows it under Settings → Integrations."
    )]
    BadAdminKey,
    #[error("A WordPress site needs the user name that publishes.")]
    NoUser,
    #[error("The {what} is empty; paste it and try again.")]
    EmptySecret { what: &'static str },
    #[error(
        "No keychain is available on this computer ({detail}). Newsroom can keep the secret in a \
         file only you can read instead."
    )]
    NoKeychain { detail: String },
    #[error("The keychain could not {doing} the secret: {detail}.")]
    Keychain { doing: &'static str, detail: String },
    #[error(
        "The secret for “{site}” is no longer in the keychain; remove the site and add it again."
    )]
    SecretMissing { site: String },
    #[error("The secret file {} could not be {doing}: {source}.", path.display())]
    SecretFile {
        path: PathBuf,
        doing: &'static str,
        #[source]
        source: io::Error,
    },
    #[error(
        "Other users can read the secret file {}; make it yours alone (chmod 600 on it) and try \
         again.",
        path.display()
    )]
    SecretFileShared { path: PathBuf },
    #[error("No server called {host} could be found; check the site's address and the network.")]
    HostNotFound { host: String },
    #[error(
        "The server {host} could not be reached ({detail}); check the address and the network."
    )]
    Unreachable { host: String, detail: String },
    #[error("The server {host} took too long to answer; try again, or check the network.")]
    TimedOut { host: String },
    #[error("The secure connection to {host} failed: {detail}.")]
    Tls { host: String, detail: String },
    #[error("{site} refused to sign in: {reason}")]
    SignIn { site: String, reason: String },
    #[error("The address {url} does not look like a {kind} site: {detail}.")]
    NotTheCms {
        url: String,
        kind: SiteKind,
        detail: String,
    },
    #[error(
        "{site} refused the photo “{photo}” as too large; make it smaller or raise the site's \
         upload limit."
    )]
    PhotoTooLarge { site: String, photo: String },
    #[error("{site} answered “{status}”: {message}")]
    Server {
        site: String,
        status: u16,
        message: String,
    },
    #[error("The article has no headline; write one before publishing.")]
    NoHeadline,
    #[error(
        "Photo {id} is still awaiting its image file; add the file or take the photo out of the \
         article before publishing."
    )]
    PhotoAwaitingFile { id: PhotoId },
    #[error(
        "The post on {} was edited on the web after it was last published from here; compare the \
         two, then overwrite the web version or leave it.",
        .0.site
    )]
    EditedOnTheWeb(Box<WebEdit>),
    #[error("Publishing was cancelled; nothing more was sent to {site}.")]
    Cancelled { site: String },
}

/// A post edited on the site since Newsroom last published it: both versions, for the editor
/// to compare before deciding.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct WebEdit {
    pub site: String,
    pub post_id: String,
    /// Where the post is on the site.
    pub url: String,
    /// When the site says the post last changed, in its UTC (`2026-12-04T09:30:00`).
    pub web_modified: String,
    /// When the site said the post last changed as Newsroom last published it.
    pub recorded_modified: String,
    /// The post's title on the site.
    pub web_title: String,
    /// The post's body as the site holds it (its raw markup: WordPress's blocks, Ghost's HTML).
    pub web_body: String,
}

impl PublishError {
    /// The site (or a server in front of it) would not take the photo file `photo`: too large.
    pub(crate) fn photo_too_large(site: &str, photo: &str) -> PublishError {
        PublishError::PhotoTooLarge {
            site: site.to_owned(),
            photo: photo.to_owned(),
        }
    }

    /// A stable name for the kind of failure, for front ends to branch on.
    pub fn kind(&self) -> ErrorKind {
        use PublishError::*;
        match self {
            BadName { .. } | BadUrl { .. } | EmptySecret { .. } | BadAdminKey | NoUser => {
                ErrorKind::Invalid
            }
            NoSuchSite(_) => ErrorKind::NotFound,
            SiteExists(_) => ErrorKind::Exists,
            NoKeychain { .. } => ErrorKind::NoKeychain,
            Keychain { .. }
            | SecretMissing { .. }
            | SecretFile { .. }
            | SecretFileShared { .. } => ErrorKind::Secret,
            HostNotFound { .. } | Unreachable { .. } | TimedOut { .. } | Tls { .. } => {
                ErrorKind::Network
            }
            SignIn { .. } => ErrorKind::Unauthorized,
            NotTheCms { .. } => ErrorKind::NotCms,
            PhotoTooLarge { .. } => ErrorKind::TooLarge,
            Server { .. } => ErrorKind::Server,
            NoHeadline | PhotoAwaitingFile { .. } => ErrorKind::Incomplete,
            EditedOnTheWeb(_) => ErrorKind::Conflict,
            Cancelled { .. } => ErrorKind::Cancelled,
        }
    }
}
