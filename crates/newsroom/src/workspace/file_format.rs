//! An article as a workspace file: YAML front matter between `---` lines, then the Markdown
//! body, exactly as stored.
//!
//! ```text
//! ---
//! uid: 3f2a9c1e0b7d4e6f8a5b2c9d1e0f7a6b
//! slug: budget-vote
//! headline: Budget passes after all-night session
//! dek: ''
//! byline: Ana Ruiz
//! section: Politics
//! tags:
//! - budget
//! status: draft
//! dateline: STOCKHOLM
//! kicker: Analysis
//! embargo: 2026-03-02T06:00:00Z
//! words_planned: 900
//! language: en_GB
//! featured_photo: 5
//! photos:
//! - id: 5
//!   hash: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
//!   role: featured
//! - id: 9
//!   caption: The chamber at dawn
//! related:
//! - article: 0a1b2c3d4e5f60718293a4b5c6d7e8f9
//! - url: https://example.org/report
//!   title: The report
//! corrections:
//! - correction: The vote was 7-2, not 6-3.
//!   date: 2026-03-02T08:15:00Z
//! notes:
//! - note: Legal to check paragraph 4.
//!   date: 2026-03-01T10:00:00Z
//! created: 2026-03-01T09:30:00Z
//! ---
//! The body, in Markdown.
//! ```
//!
//! Rendering then parsing gives the same file back ([`to_file`] of [`parse`] of a rendered file
//! is that file, byte for byte), which is what lets the mirror compare files by content hash.
//!
//! A file names its article by `uid`, which every library sharing the folder knows it by
//! (local ids differ from desk to desk), and carries nothing that changes on every save: no
//! `updated:` time, so two desks editing different paragraphs of one file merge cleanly in
//! git. Files written before uids name the article by `id:` (this library's id), still read.
//! Fields Newsroom does not use are kept in [`ArticleFile::extra`] and written back. The desk's
//! fields (`kicker`, `seo_headline`, `social_headline`, `embargo`, `words_planned`, `language`) are
//! written
//! only when set, so files from before them read and write back unchanged.

use crate::model::{
    Article, ArticleId, AuthorId, Correction, CorrectionKind, DeskNote, PhotoId, PhotoRole,
    PhotoUse, RelatedLink, RelatedTarget, Status, Timestamp,
};
use crate::proofing::Language;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Everything a workspace file says about an article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleFile {
    /// The article's uid ([`Article::uid`]); `None` in a file written by hand or by another
    /// tool (a new article).
    pub uid: Option<String>,
    /// The library id that files written before uids name their article by; never written.
    pub id: Option<ArticleId>,
    pub slug: Option<String>,
    pub headline: String,
    pub dek: String,
    pub byline: String,
    pub section: String,
    pub tags: Vec<String>,
    pub status: Option<Status>,
    pub dateline: String,
    /// The author whose bio closes the article, by name (names are unique in a library and
    /// the same on every desk; ids are not).
    pub author: Option<String>,
    /// The author's library id, which files written before names carry; never written.
    pub author_id: Option<AuthorId>,
    pub kicker: String,
    pub seo_headline: String,
    pub social_headline: String,
    pub embargo: Option<Timestamp>,
    pub words_planned: Option<u32>,
    /// The language it is checked in (`en_GB`); empty: the library's default.
    pub language: String,
    /// The story's corrections and updates, oldest first; the caller fills them in.
    pub corrections: Vec<Correction>,
    /// The desk's notes about the story, oldest first; the caller fills them in.
    pub notes: Vec<DeskNote>,
    /// In order, the featured photo (if any) first.
    pub photos: Vec<FilePhoto>,
    pub related: Vec<FileRelated>,
    pub created: Option<Timestamp>,
    pub published: Option<Timestamp>,
    /// Fields Newsroom does not use (another tool's or the desk's own, such as `aliases:`), as
    /// YAML in the file's order; empty when there are none. Written back as they came.
    pub extra: String,
    pub body: String,
}

/// A photo used by the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilePhoto {
    /// The photo's id in the library that wrote the file.
    pub id: PhotoId,
    /// The SHA-256 of the photo's file, which names it in every library (ids are each
    /// library's own); `None` for a photo still awaiting its file, and in older files.
    pub hash: Option<String>,
    pub role: PhotoRole,
    /// The caption printed in this article instead of the photo's own.
    pub caption: Option<String>,
}

/// A related link: another article, or a page elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged, deny_unknown_fields)]
pub enum FileRelated {
    Article {
        article: ArticleName,
    },
    Link {
        url: String,
        #[serde(default)]
        title: String,
    },
}

/// How a file names another article: by uid, which every desk's library knows it by, or (in
/// files written before uids) by this library's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ArticleName {
    Id(ArticleId),
    Uid(String),
}

/// Why a file could not be read as an article: one sentence fragment, completed by the caller
/// with the file's name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct FormatError(pub String);

/// The front matter as serialized; field order is the order in the file.
#[derive(Debug, Serialize, Deserialize)]
struct FrontMatter {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    uid: Option<String>,
    #[serde(default, skip_serializing)]
    id: Option<ArticleId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    slug: Option<String>,
    headline: String,
    #[serde(default)]
    dek: String,
    #[serde(default)]
    byline: String,
    #[serde(default)]
    section: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<Status>,
    #[serde(default)]
    dateline: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    author: Option<String>,
    #[serde(default, skip_serializing)]
    author_id: Option<AuthorId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    kicker: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    seo_headline: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    social_headline: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    embargo: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    words_planned: Option<u32>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    featured_photo: Option<PhotoId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    photos: Vec<PhotoEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    related: Vec<FileRelated>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    corrections: Vec<CorrectionEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    notes: Vec<NoteEntry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    created: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    /// Every other field, kept in order (see [`ArticleFile::extra`]).
    #[serde(flatten)]
    extra: serde_norway::Mapping,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PhotoEntry {
    id: PhotoId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    hash: Option<String>,
    /// Written only for the featured photo; inline is the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    role: Option<PhotoRole>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    caption: Option<String>,
}

/// A correction or update as written: its kind as the key (`correction: The vote was…`).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CorrectionEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    correction: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    update: Option<String>,
    date: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct NoteEntry {
    note: String,
    date: String,
}

const FENCE: &str = "---";

impl ArticleFile {
    /// The file of an article as the app has it; `uid_of` names the related articles (by id
    /// when it does not know one). The author's name is the caller's to fill in.
    pub fn from_article(
        article: &Article,
        photos: &[PhotoUse],
        related: &[RelatedLink],
        uid_of: impl Fn(ArticleId) -> Option<String>,
    ) -> Self {
        let mut photos: Vec<FilePhoto> = photos
            .iter()
            .map(|u| FilePhoto {
                id: u.photo.id,
                hash: u.photo.file.as_ref().map(|file| file.hash.clone()),
                role: u.role,
                caption: u.caption_override.clone(),
            })
            .collect();
        photos.sort_by_key(|p| p.role != PhotoRole::Featured);
        ArticleFile {
            uid: Some(article.uid.clone()),
            id: None,
            slug: Some(article.slug.clone()),
            headline: article.headline.clone(),
            dek: article.dek.clone(),
            byline: article.byline.clone(),
            section: article.section.clone(),
            tags: article.tags.clone(),
            status: Some(article.status),
            dateline: article.dateline.clone(),
            author: None,
            author_id: None,
            kicker: article.kicker.clone(),
            seo_headline: article.seo_headline.clone(),
            social_headline: article.social_headline.clone(),
            embargo: article.embargo,
            words_planned: article.words_planned,
            language: article.language.clone(),
            corrections: Vec::new(),
            notes: Vec::new(),
            photos,
            related: related
                .iter()
                .map(|link| match &link.target {
                    RelatedTarget::Article { id } => FileRelated::Article {
                        article: uid_of(*id).map_or(ArticleName::Id(*id), ArticleName::Uid),
                    },
                    RelatedTarget::External { url } => FileRelated::Link {
                        url: url.clone(),
                        title: link.title.clone(),
                    },
                })
                .collect(),
            created: Some(article.created_at),
            published: article.published_at,
            extra: String::new(),
            body: article.body.clone(),
        }
    }
}

impl ArticleFile {
    /// Whether this file names `article`: by uid, or (a file written before uids) by id.
    pub fn names(&self, article: &Article) -> bool {
        match &self.uid {
            Some(uid) => *uid == article.uid,
            None => self.id == Some(article.id),
        }
    }
}

/// A uid as the app writes them is 32 hexadecimal digits; a hand-made one may be any short
/// name of letters, digits, `-` and `_` (no spaces, nothing YAML or a path would read
/// differently).
fn check_uid(uid: &str) -> Result<(), FormatError> {
    let fine = (1..=64).contains(&uid.len())
        && uid
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if fine {
        Ok(())
    } else {
        Err(FormatError(format!(
            "its “uid: {uid}” is not a uid (up to 64 letters, digits, “-” and “_”)"
        )))
    }
}

fn format_time(at: Timestamp) -> Option<String> {
    OffsetDateTime::from_unix_timestamp(at)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
}

fn parse_time(key: &str, text: Option<String>) -> Result<Option<Timestamp>, FormatError> {
    text.map(|text| {
        OffsetDateTime::parse(text.trim(), &Rfc3339)
            .map(|t| t.unix_timestamp())
            .map_err(|_| {
                FormatError(format!(
                    "“{key}: {text}” is not a date and time such as 2026-03-01T09:30:00Z"
                ))
            })
    })
    .transpose()
}

/// A `language:` tag as the Hunspell name the library keeps (`en-gb` → `en_GB`).
fn parse_language(tag: String) -> Result<String, FormatError> {
    Language::stored_form(&tag).ok_or_else(|| {
        FormatError(format!(
            "“language: {tag}” is not a language tag such as en-GB"
        ))
    })
}

/// A correction entry: exactly one of `correction:` or `update:`, and its date.
fn read_correction(entry: CorrectionEntry) -> Result<Correction, FormatError> {
    let at = parse_time("date", Some(entry.date))?.unwrap_or_default();
    match (entry.correction, entry.update) {
        (Some(text), None) => Ok(Correction {
            kind: CorrectionKind::Correction,
            text,
            at,
        }),
        (None, Some(text)) => Ok(Correction {
            kind: CorrectionKind::Update,
            text,
            at,
        }),
        _ => Err(FormatError(
            "each entry under “corrections:” needs either “correction:” or “update:” with its text"
                .into(),
        )),
    }
}

/// The file's text for `file`.
pub fn to_file(file: &ArticleFile) -> String {
    let featured = file
        .photos
        .iter()
        .find(|p| p.role == PhotoRole::Featured)
        .map(|p| p.id);
    let front = FrontMatter {
        uid: file.uid.clone(),
        id: None,
        slug: file.slug.clone(),
        headline: file.headline.clone(),
        dek: file.dek.clone(),
        byline: file.byline.clone(),
        section: file.section.clone(),
        tags: file.tags.clone(),
        status: file.status,
        dateline: file.dateline.clone(),
        author: file.author.clone(),
        author_id: None,
        kicker: file.kicker.clone(),
        seo_headline: file.seo_headline.clone(),
        social_headline: file.social_headline.clone(),
        embargo: file.embargo.and_then(format_time),
        words_planned: file.words_planned,
        language: file.language.clone(),
        featured_photo: featured,
        photos: file
            .photos
            .iter()
            .map(|p| PhotoEntry {
                id: p.id,
                hash: p.hash.clone(),
                role: (p.role == PhotoRole::Featured).then_some(PhotoRole::Featured),
                caption: p.caption.clone(),
            })
            .collect(),
        related: file.related.clone(),
        corrections: file
            .corrections
            .iter()
            .map(|c| CorrectionEntry {
                correction: (c.kind == CorrectionKind::Correction).then(|| c.text.clone()),
                update: (c.kind == CorrectionKind::Update).then(|| c.text.clone()),
                date: format_time(c.at).unwrap_or_default(),
            })
            .collect(),
        notes: file
            .notes
            .iter()
            .map(|n| NoteEntry {
                note: n.text.clone(),
                date: format_time(n.at).unwrap_or_default(),
            })
            .collect(),
        created: file.created.and_then(format_time),
        published: file.published.and_then(format_time),
        // Stored as this module wrote it from a file, so it reads back; anything else is
        // left out rather than written broken.
        extra: serde_norway::from_str(&file.extra).unwrap_or_default(),
    };
    // Plain strings, numbers and lists always serialize; an error here would be a bug in the
    // types above, and an empty block still keeps the file readable.
    let yaml = serde_norway::to_string(&front).unwrap_or_default();
    format!("{FENCE}\n{yaml}{FENCE}\n{}", file.body)
}

/// Splits `text` into its front-matter block and body.
fn split(text: &str) -> Result<(&str, &str), FormatError> {
    let Some(rest) = text.strip_prefix("---\n") else {
        return Err(FormatError(
            "it does not start with a “---” line opening its front matter".into(),
        ));
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end_matches('\n') == FENCE {
            return Ok((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    Err(FormatError(
        "its front matter is never closed (the second “---” line is missing; the file may still be being written)".into(),
    ))
}

/// Reads a workspace file's text (already decoded: UTF-8, `\n` line endings).
pub fn parse(text: &str) -> Result<ArticleFile, FormatError> {
    let (block, body) = split(text)?;
    crate::import::front_matter_bounds::check(block)
        .map_err(|why| FormatError(format!("its front matter is {why}")))?;
    let mut front: FrontMatter = serde_norway::from_str(block).map_err(|e| {
        let detail = e.to_string();
        // The parser counts from the block; editors count from the top of the file.
        let cause = detail.split(" at line ").next().unwrap_or(&detail);
        match e.location() {
            Some(at) => FormatError(format!(
                "its front matter is not valid: {cause} (line {})",
                at.line() + 1
            )),
            None => FormatError(format!("its front matter is not valid: {cause}")),
        }
    })?;
    if front.headline.trim().is_empty() {
        return Err(FormatError("its headline is empty".into()));
    }
    if let Some(uid) = &front.uid {
        check_uid(uid)?;
    }
    // The time of the last save, which files written before it was dropped carry: ours, not
    // another tool's field to keep.
    front.extra.remove("updated");
    let mut photos: Vec<FilePhoto> = Vec::new();
    let featured = front.featured_photo.or_else(|| {
        front
            .photos
            .iter()
            .find(|p| p.role == Some(PhotoRole::Featured))
            .map(|p| p.id)
    });
    if let Some(id) = featured.filter(|id| !front.photos.iter().any(|p| p.id == *id)) {
        photos.push(FilePhoto {
            id,
            hash: None,
            role: PhotoRole::Featured,
            caption: None,
        });
    }
    for entry in front.photos {
        if photos.iter().any(|p| p.id == entry.id) {
            continue;
        }
        let role = if Some(entry.id) == featured {
            PhotoRole::Featured
        } else {
            PhotoRole::Inline
        };
        photos.push(FilePhoto {
            id: entry.id,
            hash: entry.hash,
            role,
            caption: entry.caption,
        });
    }
    photos.sort_by_key(|p| p.role != PhotoRole::Featured);
    Ok(ArticleFile {
        uid: front.uid,
        id: front.id,
        slug: front.slug,
        headline: front.headline,
        dek: front.dek,
        byline: front.byline,
        section: front.section,
        tags: front.tags,
        status: front.status,
        dateline: front.dateline,
        author: front.author,
        author_id: front.author_id,
        kicker: front.kicker,
        seo_headline: front.seo_headline,
        social_headline: front.social_headline,
        embargo: parse_time("embargo", front.embargo)?,
        // Zero words plans nothing.
        words_planned: front.words_planned.filter(|words| *words > 0),
        language: parse_language(front.language)?,
        corrections: front
            .corrections
            .into_iter()
            .map(read_correction)
            .collect::<Result<_, _>>()?,
        notes: front
            .notes
            .into_iter()
            .map(|n| {
                Ok(DeskNote {
                    at: parse_time("date", Some(n.date))?.unwrap_or_default(),
                    text: n.note,
                })
            })
            .collect::<Result<_, FormatError>>()?,
        photos,
        related: front.related,
        created: parse_time("created", front.created)?,
        published: parse_time("published", front.published)?,
        extra: if front.extra.is_empty() {
            String::new()
        } else {
            serde_norway::to_string(&front.extra).unwrap_or_default()
        },
        body: body.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ArticleFile {
        ArticleFile {
            uid: Some("3f2a9c1e0b7d4e6f8a5b2c9d1e0f7a6b".into()),
            id: None,
            slug: Some("budget-vote".into()),
            headline: "Budget: “yes” passes 114,000 — null? true".into(),
            dek: "Two lines\nof dek: with colon".into(),
            byline: "no".into(),
            section: "Politics".into(),
            tags: vec!["budget".into(), "123".into(), "- dash".into()],
            status: Some(Status::Editing),
            dateline: "STOCKHOLM".into(),
            author: Some("Ana Ruiz".into()),
            author_id: None,
            photos: vec![
                FilePhoto {
                    id: 5,
                    hash: Some("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into()),
                    role: PhotoRole::Featured,
                    caption: None,
                },
                FilePhoto {
                    id: 9,
                    hash: None,
                    role: PhotoRole::Inline,
                    caption: Some("The chamber: at dawn".into()),
                },
            ],
            related: vec![
                FileRelated::Article {
                    article: ArticleName::Uid("0a1b2c3d4e5f60718293a4b5c6d7e8f9".into()),
                },
                FileRelated::Article {
                    article: ArticleName::Uid("1234".into()),
                },
                FileRelated::Link {
                    url: "https://example.org/r".into(),
                    title: "The report".into(),
                },
            ],
            created: Some(1_772_357_400),
            published: None,
            kicker: "Analysis: “why” now".into(),
            seo_headline: "Budget passes after all-night session".into(),
            social_headline: String::new(),
            embargo: Some(1_772_431_200),
            words_planned: Some(900),
            language: "en_GB".into(),
            corrections: vec![
                Correction {
                    kind: CorrectionKind::Correction,
                    text: "The vote was 7-2: not 6-3.".into(),
                    at: 1_772_439_300,
                },
                Correction {
                    kind: CorrectionKind::Update,
                    text: "The minister resigned.".into(),
                    at: 1_772_500_000,
                },
            ],
            notes: vec![DeskNote {
                text: "Legal to check paragraph 4.\nCall Ana first.".into(),
                at: 1_772_359_200,
            }],
            extra: "priority: 2\nseo:\n  title: Budget passes\n  noindex: false\naliases:\n- /old/budget\n".into(),
            body: "---\nA body that starts like a fence.\n\n---\n".into(),
        }
    }

    #[test]
    fn rendering_and_parsing_round_trip_exactly() {
        let file = sample();
        let text = to_file(&file);
        let parsed = parse(&text).unwrap();
        assert_eq!(parsed, file);
        assert_eq!(to_file(&parsed), text);
        assert!(
            text.starts_with("---\nuid: 3f2a9c1e0b7d4e6f8a5b2c9d1e0f7a6b\nslug: budget-vote\n"),
            "{text}"
        );
        assert!(text.contains("featured_photo: 5\n"), "{text}");
        assert!(text.contains("created: 2026-03-01T09:30:00Z\n"), "{text}");
        assert!(
            text.contains("embargo: 2026-03-02T06:00:00Z\nwords_planned: 900\nlanguage: en_GB\n"),
            "{text}"
        );
        assert!(
            !text.contains("social_headline"),
            "an empty desk field is not written: {text}"
        );
    }

    /// A file from before the desk's fields reads with none set and is written back unchanged.
    #[test]
    fn a_file_without_the_desks_fields_reads_and_writes_back_unchanged() {
        let text = "---\nuid: abc\nslug: a\nheadline: A\ndek: ''\nbyline: ''\nsection: ''\ntags: []\nstatus: draft\ndateline: ''\n---\nBody\n";
        let file = parse(text).unwrap();
        assert_eq!(
            (file.kicker.as_str(), file.embargo, file.words_planned),
            ("", None, None)
        );
        assert_eq!(to_file(&file), text);
    }

    #[test]
    fn a_correction_needs_its_kind_and_a_date() {
        let both = "---\nheadline: A\ncorrections:\n- correction: x\n  update: y\n  date: 2026-03-02T08:15:00Z\n---\n";
        assert_eq!(
            parse(both).unwrap_err().0,
            "each entry under “corrections:” needs either “correction:” or “update:” with its text"
        );
        let undated = "---\nheadline: A\ncorrections:\n- correction: x\n  date: yesterday\n---\n";
        assert!(
            parse(undated)
                .unwrap_err()
                .0
                .contains("“date: yesterday” is not a date")
        );
    }

    #[test]
    fn a_language_is_kept_as_its_hunspell_name_and_a_wrong_one_is_named() {
        let file = parse("---\nheadline: A\nlanguage: en-gb\n---\nBody\n").unwrap();
        assert_eq!(file.language, "en_GB");
        let wrong = parse("---\nheadline: A\nlanguage: Klingon please\n---\n").unwrap_err();
        assert!(
            wrong
                .0
                .contains("“language: Klingon please” is not a language tag"),
            "{}",
            wrong.0
        );
    }

    #[test]
    fn an_embargo_that_is_not_a_date_is_named() {
        let error = parse("---\nheadline: A\nembargo: next week\n---\n").unwrap_err();
        assert_eq!(
            error.0,
            "“embargo: next week” is not a date and time such as 2026-03-01T09:30:00Z"
        );
    }

    /// A desk's own field, or another tool's, is neither refused nor dropped: it comes back
    /// in the file as it was, after ours.
    #[test]
    fn fields_newsroom_does_not_use_are_kept_in_order() {
        let text =
            "---\npriority: 2\nheadline: A\nweight: 3\nextra:\n  nested: [1, 2]\n---\nBody\n";
        let file = parse(text).unwrap();
        assert_eq!(file.headline, "A");
        assert_eq!(
            file.extra,
            "priority: 2\nweight: 3\nextra:\n  nested:\n  - 1\n  - 2\n"
        );
        let written = to_file(&file);
        assert!(
            written
                .ends_with("priority: 2\nweight: 3\nextra:\n  nested:\n  - 1\n  - 2\n---\nBody\n"),
            "{written}"
        );
        assert_eq!(parse(&written).unwrap(), file);
    }

    /// Files written before uids name the article by its library id and carry the time of the
    /// last save: both are read (the id to find the article), neither is written again.
    #[test]
    fn an_older_file_with_id_and_updated_reads_and_is_written_without_them() {
        let text = "---\nid: 12\nheadline: A\ncreated: 2026-03-01T09:30:00Z\nupdated: 2026-03-01T10:02:11Z\n---\nBody\n";
        let file = parse(text).unwrap();
        assert_eq!((file.id, file.uid.as_deref()), (Some(12), None));
        assert_eq!(file.created, Some(1_772_357_400));
        assert_eq!(
            file.extra, "",
            "`updated:` is ours, not another tool's field"
        );
        assert_eq!(
            to_file(&file),
            "---\nheadline: A\ndek: ''\nbyline: ''\nsection: ''\ntags: []\ndateline: ''\ncreated: 2026-03-01T09:30:00Z\n---\nBody\n"
        );
    }

    /// Found by the `workspace_file` fuzz target: a headline full of braces is written as a
    /// plain scalar and must read back.
    #[test]
    fn a_headline_full_of_brackets_round_trips() {
        let file = ArticleFile {
            headline: format!("v{}, [{} he0bd", "{".repeat(75), "[".repeat(75)),
            ..ArticleFile::default()
        };
        let text = to_file(&file);
        assert_eq!(parse(&text).unwrap(), file, "{text}");
    }

    #[test]
    fn an_empty_body_and_minimal_front_matter_round_trip() {
        let file = ArticleFile {
            headline: "Only a headline".into(),
            ..ArticleFile::default()
        };
        let text = to_file(&file);
        assert_eq!(parse(&text).unwrap(), file);
        let hand_written = parse("---\nheadline: Hi\n---\nBody\n").unwrap();
        assert_eq!(hand_written.headline, "Hi");
        assert_eq!(hand_written.body, "Body\n");
        assert_eq!(hand_written.id, None);
    }

    #[test]
    fn broken_files_explain_what_is_wrong() {
        let cases = [
            ("no front matter", "does not start with a “---” line"),
            ("---\nheadline: Cut off\nbyl", "never closed"),
            (
                "---\nheadline: [unclosed\n---\n",
                "front matter is not valid",
            ),
            ("---\nheadlin: Typo\n---\n", "missing field `headline`"),
            ("---\nheadline: ''\n---\n", "headline is empty"),
            (
                "---\nheadline: A\nstatus: live\n---\n",
                "front matter is not valid",
            ),
            (
                "---\nuid: two words\nheadline: A\n---\n",
                "“uid: two words” is not a uid",
            ),
            ("---\nuid: ''\nheadline: A\n---\n", "“uid: ” is not a uid"),
            (
                "---\nheadline: A\ncreated: yesterday\n---\n",
                "“created: yesterday” is not a date",
            ),
        ];
        for (text, expected) in cases {
            let err = parse(text).unwrap_err().to_string();
            assert!(err.contains(expected), "{text:?}: {err}");
        }
    }

    #[test]
    fn the_featured_photo_key_and_the_role_agree() {
        let file = parse("---\nheadline: A\nfeatured_photo: 4\nphotos:\n- id: 2\n---\n").unwrap();
        assert_eq!(file.photos[0].id, 4);
        assert_eq!(file.photos[0].role, PhotoRole::Featured);
        assert_eq!(file.photos[1].role, PhotoRole::Inline);
    }
}
