//! The newsroom's vocabulary: articles, photos, related links, authors and revisions.
//!
//! These are plain data types shared by every module (store, render, export, import) and, through
//! serde, by the CLI's `--json` output and the desktop UI. Rules that change them live in the store.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

// Article and photo ids and the word count live with the renderer, which needs them
// (crates/newsroom-text).
pub use newsroom_text::{ArticleId, PhotoId, count_words};
/// Row id of an author.
pub type AuthorId = i64;

/// Seconds since the Unix epoch, UTC. Stored as an integer so ordering and comparison are cheap.
pub type Timestamp = i64;

/// Where an article stands in the editorial workflow.
///
/// The normal path is draft → editing → ready → published; any state may be archived and an
/// archived article can be reopened as a draft. See [`Status::can_become`] for the full table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Being written.
    Draft,
    /// With an editor.
    Editing,
    /// Approved, waiting to go out.
    Ready,
    /// Out in the world.
    Published,
    /// Kept for the record, out of the working lists.
    Archived,
}

impl Status {
    /// Every status, in workflow order.
    pub const ALL: [Status; 5] = [
        Status::Draft,
        Status::Editing,
        Status::Ready,
        Status::Published,
        Status::Archived,
    ];

    /// The name used in the database, the CLI and the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Editing => "editing",
            Status::Ready => "ready",
            Status::Published => "published",
            Status::Archived => "archived",
        }
    }

    /// Whether the workflow allows moving from `self` to `next`.
    ///
    /// Forward one step, back one step (an editor sends a story back), straight back to draft,
    /// archive from anywhere, and reopen an archived story as a draft. Publishing always goes
    /// through `ready`, so nothing reaches readers without being approved. Staying put is allowed
    /// so that saving metadata with an unchanged status is never an error.
    pub fn can_become(self, next: Status) -> bool {
        use Status::*;
        if self == next {
            return true;
        }
        matches!(
            (self, next),
            (Draft, Editing)
                | (Editing, Ready)
                | (Ready, Published)
                | (Editing, Draft)
                | (Ready, Editing)
                | (Ready, Draft)
                | (Published, Editing)
                | (Published, Draft)
                | (_, Archived)
                | (Archived, Draft)
        )
    }

    /// The statuses `self` may move to (excluding itself), for error messages and menus.
    pub fn next_allowed(self) -> Vec<Status> {
        Status::ALL
            .into_iter()
            .filter(|s| *s != self && self.can_become(*s))
            .collect()
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A status name that is not one of [`Status::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("“{0}” is not a status; use one of draft, editing, ready, published or archived")]
pub struct UnknownStatus(pub String);

impl FromStr for Status {
    type Err = UnknownStatus;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        Status::ALL
            .into_iter()
            .find(|st| st.as_str() == lower)
            // "in edit" / "in-edit" is how many desks say it.
            .or(match lower.as_str() {
                "in edit" | "in-edit" | "edit" => Some(Status::Editing),
                _ => None,
            })
            .ok_or_else(|| UnknownStatus(s.to_string()))
    }
}

/// A story: its metadata and its Markdown body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Article {
    #[ts(type = "number")]
    pub id: ArticleId,
    /// The article's name in its workspace file, the same in every library that shares the
    /// folder (ids are each library's own): 32 hexadecimal digits.
    pub uid: String,
    /// URL- and file-safe name, unique among all articles (trashed ones included).
    pub slug: String,
    pub headline: String,
    /// The standfirst under the headline.
    pub dek: String,
    /// Who wrote it, as printed ("By Ana Ruiz and Tom Lee" is printed from "Ana Ruiz and Tom Lee").
    pub byline: String,
    pub section: String,
    pub tags: Vec<String>,
    pub status: Status,
    /// Where the story was filed from, printed before the first paragraph ("STOCKHOLM").
    pub dateline: String,
    /// The body in Markdown (GFM).
    pub body: String,
    #[ts(type = "number | null")]
    pub featured_photo: Option<PhotoId>,
    /// The author whose bio closes the article, when known.
    #[ts(type = "number | null")]
    pub author_id: Option<AuthorId>,
    #[ts(type = "number")]
    pub created_at: Timestamp,
    #[ts(type = "number")]
    pub updated_at: Timestamp,
    /// When the story was first published.
    #[ts(type = "number | null")]
    pub published_at: Option<Timestamp>,
    /// Set while the article is in the trash.
    #[ts(type = "number | null")]
    pub trashed_at: Option<Timestamp>,
    /// Derived from the body; kept in the row so lists do not have to count.
    pub word_count: u32,
    /// The short label printed above the headline ("Analysis", "Exclusive"); empty for none.
    pub kicker: String,
    /// The headline search engines show (`<title>`, JSON-LD); empty: the headline.
    pub seo_headline: String,
    /// The headline of social cards (Open Graph, Twitter); empty: the headline.
    pub social_headline: String,
    /// Before this moment the story must not go out; `None` when there is no embargo.
    #[ts(type = "number | null")]
    pub embargo: Option<Timestamp>,
    /// The length the desk planned, in words (1 or more); `None` when there is no plan.
    pub words_planned: Option<u32>,
    /// The language the story is spell-checked in, as a Hunspell name such as `en_GB`; empty:
    /// the library's default.
    pub language: String,
}

impl Article {
    /// Minutes a reader needs, at 230 words a minute.
    pub fn reading_minutes(&self) -> u32 {
        reading_minutes(self.word_count)
    }

    /// The headline for search engines: the SEO headline, or the headline.
    pub fn seo_title(&self) -> &str {
        or_headline(&self.seo_headline, &self.headline)
    }

    /// The headline for social cards: the social headline, or the headline.
    pub fn social_title(&self) -> &str {
        or_headline(&self.social_headline, &self.headline)
    }

    /// Whether the embargo still holds at `now`.
    pub fn embargoed_at(&self, now: Timestamp) -> bool {
        self.embargo.is_some_and(|until| until > now)
    }
}

fn or_headline<'a>(variant: &'a str, headline: &'a str) -> &'a str {
    if variant.is_empty() {
        headline
    } else {
        variant
    }
}

/// How long a headline may be before search engines cut it off (a hint, never enforced).
pub const SEO_HEADLINE_HINT: usize = 60;

/// Minutes a reader needs for `words`, at 230 words a minute (a common newsroom figure): at
/// least one for any text, none for none.
pub fn reading_minutes(words: u32) -> u32 {
    words.div_ceil(230)
}

/// What a dated line appended to a published story is: a correction puts right what the story
/// got wrong, an update adds what happened since.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum CorrectionKind {
    /// Something the story got wrong, put right.
    Correction,
    /// Something that happened since, added.
    Update,
}

impl CorrectionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CorrectionKind::Correction => "correction",
            CorrectionKind::Update => "update",
        }
    }

    /// As printed before the date: "Correction", "Update".
    pub fn label(self) -> &'static str {
        match self {
            CorrectionKind::Correction => "Correction",
            CorrectionKind::Update => "Update",
        }
    }
}

/// A correction or update appended to a published story, printed at its end with its date.
/// Only ever added: the log is the story's public record of what changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Correction {
    pub kind: CorrectionKind,
    /// One paragraph: its lines are joined when it is added.
    pub text: String,
    /// When it was added.
    #[ts(type = "number")]
    pub at: Timestamp,
}

/// A note for the desk about a story ("legal to check para 4"): kept with it and shared in its
/// workspace file, never exported or published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeskNote {
    pub text: String,
    /// When it was written.
    #[ts(type = "number")]
    pub at: Timestamp,
}

/// The fields of a new article. Everything but the headline may be empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewArticle {
    pub headline: String,
    pub dek: String,
    pub byline: String,
    pub section: String,
    pub tags: Vec<String>,
    pub dateline: String,
    pub body: String,
    /// Derived from the headline when `None`.
    pub slug: Option<String>,
    /// `Draft` when `None`.
    pub status: Option<Status>,
    /// When the story was first published, for imported stories that already were.
    pub published_at: Option<Timestamp>,
    pub kicker: String,
    pub seo_headline: String,
    pub social_headline: String,
    pub embargo: Option<Timestamp>,
    pub words_planned: Option<u32>,
    pub language: String,
}

/// A change to an article's metadata: only the fields that are `Some` change.
/// As JSON every field may be left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct ArticlePatch {
    pub headline: Option<String>,
    pub dek: Option<String>,
    pub byline: Option<String>,
    pub section: Option<String>,
    pub tags: Option<Vec<String>>,
    pub dateline: Option<String>,
    pub slug: Option<String>,
    pub status: Option<Status>,
    pub body: Option<String>,
    /// `Some(None)` clears the author (from Rust only: JSON's `null` reads as left out).
    #[ts(optional, type = "number")]
    pub author_id: Option<Option<AuthorId>>,
    pub kicker: Option<String>,
    pub seo_headline: Option<String>,
    pub social_headline: Option<String>,
    /// `Some(None)` (`null` in JSON) lifts the embargo; left out, it stays as it is.
    #[serde(default, deserialize_with = "null_clears")]
    #[ts(optional, type = "number | null")]
    pub embargo: Option<Option<Timestamp>>,
    /// `Some(None)` (`null` in JSON) drops the target, left out it stays as it is;
    /// `Some(Some(0))` is refused.
    #[serde(default, deserialize_with = "null_clears")]
    pub words_planned: Option<Option<u32>>,
    /// A language tag such as `en-GB` or `fr`; empty: the library's default.
    pub language: Option<String>,
}

/// A patch field that is left out changes nothing; one sent as `null` is cleared (serde alone
/// reads both as `None`).
fn null_clears<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// One line of the library list: enough to show and sort, without the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ArticleSummary {
    #[ts(type = "number")]
    pub id: ArticleId,
    pub slug: String,
    pub headline: String,
    pub section: String,
    pub status: Status,
    pub byline: String,
    #[ts(type = "number")]
    pub updated_at: Timestamp,
    pub word_count: u32,
    #[ts(type = "number | null")]
    pub featured_photo: Option<PhotoId>,
    /// The short label printed above the headline; empty for none.
    pub kicker: String,
    /// Before this moment the story must not go out; `None` when there is no embargo.
    #[ts(type = "number | null")]
    pub embargo: Option<Timestamp>,
}

/// Which articles the library list shows. Every field may be left out (`{}` is the working
/// list, unpaged).
// The fields serde defaults are optional in TypeScript too (`as = "Option<_>"` for the others).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct ArticleFilter {
    pub status: Option<Status>,
    pub section: Option<String>,
    /// List the trash instead of the working articles.
    #[ts(as = "Option<_>")]
    pub trashed: bool,
    /// Page size; `None` lists everything.
    pub limit: Option<u32>,
    #[ts(as = "Option<_>")]
    pub offset: u32,
}

/// Image formats the library accepts, detected from the file's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    Jpeg,
    Png,
    Webp,
    Gif,
}

impl ImageFormat {
    /// Every file extension [`ImageFormat::from_extension`] knows: what an open dialog offers.
    pub const FILE_EXTENSIONS: [&'static str; 5] = ["jpg", "jpeg", "png", "webp", "gif"];

    /// The usual file extension, used for media and exported file names.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "jpg",
            ImageFormat::Png => "png",
            ImageFormat::Webp => "webp",
            ImageFormat::Gif => "gif",
        }
    }

    /// The MIME type, for data URIs and Open Graph tags.
    pub fn mime(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "image/jpeg",
            ImageFormat::Png => "image/png",
            ImageFormat::Webp => "image/webp",
            ImageFormat::Gif => "image/gif",
        }
    }

    /// Parses the database name (the extension).
    pub fn from_extension(ext: &str) -> Option<ImageFormat> {
        match ext {
            "jpg" | "jpeg" => Some(ImageFormat::Jpeg),
            "png" => Some(ImageFormat::Png),
            "webp" => Some(ImageFormat::Webp),
            "gif" => Some(ImageFormat::Gif),
            _ => None,
        }
    }
}

/// The image data of a photo, once its file is in the media folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PhotoFile {
    /// SHA-256 of the bytes, hex: the file's name in the media folder.
    pub hash: String,
    pub format: ImageFormat,
    pub width: u32,
    pub height: u32,
    /// The file's size.
    #[ts(type = "number")]
    pub bytes: u64,
    /// The name it had when imported, for the editor's benefit only (never used as a path).
    pub original_name: String,
}

/// A photo in the library. Imported stories can name a photo (caption, credit) before its file
/// arrives: such a photo is *awaiting* its file and `file` is `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Photo {
    #[ts(type = "number")]
    pub id: PhotoId,
    pub caption: String,
    /// Who to credit, e.g. "POOL (Reuters)".
    pub credit: String,
    /// Text for readers who cannot see the image.
    pub alt: String,
    /// `None` while the photo awaits its image file.
    pub file: Option<PhotoFile>,
    #[ts(type = "number")]
    pub created_at: Timestamp,
    /// Set while the photo is in the trash.
    #[ts(type = "number | null")]
    pub trashed_at: Option<Timestamp>,
}

impl Photo {
    /// The photo as a render shows it, from `url` (empty while it awaits its file).
    pub fn resolved(self, url: String) -> crate::render::ResolvedPhoto {
        crate::render::ResolvedPhoto {
            url,
            width: self.file.as_ref().map(|f| f.width),
            height: self.file.as_ref().map(|f| f.height),
            alt: self.alt,
            caption: self.caption,
            credit: self.credit,
        }
    }
}

/// How a photo is used in an article: `featured`, the lead image (at most one per article), or
/// `inline`, placed in the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PhotoRole {
    /// The lead image, shown above the body and in previews; at most one per article.
    Featured,
    /// Placed in the body.
    Inline,
}

impl PhotoRole {
    pub fn as_str(self) -> &'static str {
        match self {
            PhotoRole::Featured => "featured",
            PhotoRole::Inline => "inline",
        }
    }
}

/// A photo as attached to one article: the caption may differ per use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PhotoUse {
    #[ts(type = "number")]
    pub article_id: ArticleId,
    pub photo: Photo,
    pub role: PhotoRole,
    pub position: u32,
    /// Replaces the photo's caption in this article only.
    pub caption_override: Option<String>,
}

impl PhotoUse {
    /// The caption printed in this article.
    pub fn caption(&self) -> &str {
        self.caption_override
            .as_deref()
            .unwrap_or(&self.photo.caption)
    }
}

/// What a related link points to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum RelatedTarget {
    /// Another article, by id, so the link survives slug changes.
    Article {
        #[ts(type = "number")]
        id: ArticleId,
    },
    /// A page elsewhere.
    External { url: String },
}

/// One entry of an article's "related" list, in the editor's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RelatedLink {
    #[serde(flatten)]
    pub target: RelatedTarget,
    /// For internal links, the other article's current headline.
    pub title: String,
    pub position: u32,
}

/// A writer whose name and bio can close an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    pub id: AuthorId,
    pub name: String,
    /// "Chief editor", "Staff writer", ...
    pub role: String,
    pub bio: String,
    pub photo_id: Option<PhotoId>,
}

/// Why a revision was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum RevisionCause {
    /// A coalesced snapshot taken while the editor types.
    Typing,
    /// The editor asked to save (or changed metadata or status).
    Manual,
    /// The article's file was changed by another program.
    External,
    /// The article was created by an import.
    Import,
    /// An older revision was restored.
    Restore,
    /// Kept while resolving a conflict between the file and the app.
    Conflict,
}

impl RevisionCause {
    pub fn as_str(self) -> &'static str {
        match self {
            RevisionCause::Typing => "typing",
            RevisionCause::Manual => "manual",
            RevisionCause::External => "external",
            RevisionCause::Import => "import",
            RevisionCause::Restore => "restore",
            RevisionCause::Conflict => "conflict",
        }
    }

    pub fn parse(s: &str) -> Option<RevisionCause> {
        [
            RevisionCause::Typing,
            RevisionCause::Manual,
            RevisionCause::External,
            RevisionCause::Import,
            RevisionCause::Restore,
            RevisionCause::Conflict,
        ]
        .into_iter()
        .find(|c| c.as_str() == s)
    }
}

/// A snapshot of an article's text and metadata at one moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Revision {
    #[ts(type = "number")]
    pub article_id: ArticleId,
    /// 1, 2, 3... per article, never reused.
    pub number: u32,
    #[ts(type = "number")]
    pub created_at: Timestamp,
    pub cause: RevisionCause,
    pub headline: String,
    pub dek: String,
    pub body: String,
    pub word_count: u32,
    /// The desk's fields, corrections and notes as they stood, one line each ("Kicker:
    /// Analysis"); empty when none was set.
    pub desk: String,
}

/// One full-text search hit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchHit {
    pub article: ArticleSummary,
    /// A short excerpt around the match, plain text, with the matched words between « and ».
    pub snippet: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extensions_a_dialog_offers_are_the_ones_read_back() {
        for ext in ImageFormat::FILE_EXTENSIONS {
            let format = ImageFormat::from_extension(ext).expect(ext);
            assert!(ImageFormat::FILE_EXTENSIONS.contains(&format.extension()));
        }
    }

    #[test]
    fn workflow_moves_forward_one_step_and_archives_from_anywhere() {
        assert!(Status::Draft.can_become(Status::Editing));
        assert!(Status::Ready.can_become(Status::Published));
        assert!(!Status::Draft.can_become(Status::Published));
        assert!(!Status::Draft.can_become(Status::Ready));
        assert!(!Status::Archived.can_become(Status::Published));
        for s in Status::ALL {
            assert!(s.can_become(Status::Archived));
            assert!(s.can_become(s));
        }
        assert_eq!(
            Status::Draft.next_allowed(),
            vec![Status::Editing, Status::Archived]
        );
    }

    #[test]
    fn status_names_round_trip_and_unknown_names_explain_themselves() {
        for s in Status::ALL {
            assert_eq!(s.as_str().parse::<Status>(), Ok(s));
        }
        assert_eq!("In Edit".parse::<Status>(), Ok(Status::Editing));
        let err = "live".parse::<Status>().unwrap_err();
        assert!(err.to_string().contains("“live” is not a status"));
    }

    #[test]
    fn reading_time_is_rounded_up_to_whole_minutes() {
        assert_eq!(reading_minutes(0), 0);
        assert_eq!(reading_minutes(1), 1);
        assert_eq!(reading_minutes(231), 2);
    }
}
