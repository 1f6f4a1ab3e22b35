//! What publishing needs of a CMS, so that one flow (`library/publishing.rs`) serves every kind
//! of site, and what it hands over and gets back.

use std::collections::HashMap;

use super::error::PublishError;
use crate::model::{Article, PhotoId, Timestamp};
use crate::render::RenderedBlocks;

/// How the post should stand on the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostStatus {
    /// Saved on the site for an editor there to look at; readers do not see it.
    Draft,
    /// Live at once.
    Publish,
    /// Goes live at this time (Unix seconds).
    Scheduled(Timestamp),
}

/// The account publishing signs in as, by the site's id for it (empty where the site has none,
/// as for a Ghost integration).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: String,
}

/// A post as the site holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemotePost {
    pub id: String,
    /// Where readers find it.
    pub link: String,
    /// Its state in the site's own words (`draft`, `publish`, `future`, `published`, `scheduled`).
    pub status: String,
    /// When it last changed, as the site says it: compared with the value recorded at the last
    /// publish, it tells whether someone edited the post on the web since.
    pub modified: String,
    pub title: String,
    /// The body as the site stores it (WordPress's block markup, Ghost's HTML).
    pub body: String,
}

/// A photo file on the site, with the alt text and caption the site shows for it (empty where
/// the site keeps those in the post instead, as Ghost does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteMedia {
    /// The site's id for it (empty where files have none, as on Ghost).
    pub id: String,
    pub url: String,
    pub alt: String,
    pub caption: String,
}

/// The featured photo as this article shows it.
#[derive(Debug, Clone, Copy)]
pub struct Featured<'a> {
    pub media: &'a RemoteMedia,
    pub alt: &'a str,
    /// The caption, with the credit (see [`caption_with_credit`]).
    pub caption: &'a str,
}

/// Everything a site needs to write the post: the article, its body rendered with the photos'
/// addresses on the site, the photos, and the status asked for.
pub struct OutgoingPost<'a> {
    pub article: &'a Article,
    pub status: PostStatus,
    /// The body as top-level blocks, rendered for export with the site's photo addresses.
    pub body: &'a RenderedBlocks,
    /// The body's photos as the site has them, every one uploaded.
    pub photos: &'a HashMap<PhotoId, RemoteMedia>,
    pub featured: Option<Featured<'a>>,
}

impl OutgoingPost<'_> {
    /// The body as one HTML document, for sites that take HTML: the blocks joined, which is the
    /// export's rendering.
    pub fn html(&self) -> String {
        self.body
            .blocks
            .iter()
            .map(|block| block.html.as_str())
            .collect()
    }
}

/// A CMS as publishing uses it. Each method is one exchange with the site (or a few), and each
/// failure a sentence.
pub trait Cms {
    /// Checks the credentials; the account they sign in as.
    fn sign_in(&self) -> Result<Account, PublishError>;
    /// The post with this id, or `None` when the site no longer has it.
    fn post(&self, id: &str) -> Result<Option<RemotePost>, PublishError>;
    /// The account's post with this slug and headline, not in the trash: what a publish whose
    /// answer was lost left on the site.
    fn lost_post(
        &self,
        account: &Account,
        slug: &str,
        headline: &str,
    ) -> Result<Option<RemotePost>, PublishError>;
    /// The photo file recorded as uploaded, if the site still has it.
    fn uploaded(&self, id: &str, url: &str) -> Result<Option<RemoteMedia>, PublishError>;
    /// A file the account uploaded whose name holds `stem`: an upload whose answer was lost.
    /// `None` where the site cannot be asked (its files are then uploaded again).
    fn lost_upload(
        &self,
        account: &Account,
        stem: &str,
    ) -> Result<Option<RemoteMedia>, PublishError>;
    /// Uploads a photo file (already stripped of its metadata) with its alt text and caption.
    fn upload(
        &self,
        file_name: &str,
        content_type: &str,
        bytes: &[u8],
        alt: &str,
        caption: &str,
    ) -> Result<RemoteMedia, PublishError>;
    /// Brings a file's alt text and caption on the site up to date, where the site keeps them.
    fn describe(
        &self,
        media: RemoteMedia,
        alt: &str,
        caption: &str,
    ) -> Result<RemoteMedia, PublishError>;
    /// Creates the post, or updates `existing`, once every photo is on the site.
    fn write(
        &self,
        existing: Option<&RemotePost>,
        post: &OutgoingPost<'_>,
    ) -> Result<RemotePost, PublishError>;
}

/// `at` (Unix seconds) in UTC, written with `format`, as a site's API takes a time.
pub(super) fn utc_time(
    at: Timestamp,
    format: &[time::format_description::BorrowedFormatItem<'_>],
) -> String {
    time::OffsetDateTime::from_unix_timestamp(at)
        .ok()
        .and_then(|t| t.format(format).ok())
        .unwrap_or_default()
}

/// A caption followed by its credit after a dash (a credit often has parentheses of its own:
/// "POOL (Reuters)"), where a site has one caption field for both.
pub fn caption_with_credit(caption: &str, credit: &str) -> String {
    match (caption.trim(), credit.trim()) {
        (caption, "") => caption.to_owned(),
        ("", credit) => credit.to_owned(),
        (caption, credit) => format!("{caption} — {credit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_carry_the_credit() {
        assert_eq!(caption_with_credit("Vote", "Ana Ruiz"), "Vote — Ana Ruiz");
        assert_eq!(caption_with_credit(" ", "Ana Ruiz"), "Ana Ruiz");
        assert_eq!(caption_with_credit("Vote", ""), "Vote");
    }
}
