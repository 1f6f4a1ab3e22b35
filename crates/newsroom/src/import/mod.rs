//! Turning outside text into drafts: Markdown with YAML or TOML front matter (Hugo and Jekyll
//! field names), and plain-text articles copied from a news site.
//!
//! Everything here is a pure function from text to an [`ImportedArticle`]; the store and the CLI
//! decide what to save. Whenever a parser has to guess (a subheading, a photo credit, a byline),
//! it says so in [`ImportedArticle::warnings`] so the editor knows what to check.

mod dates;
mod error;
mod fields;
mod file;
mod front_matter;
pub(crate) mod front_matter_bounds;
mod markdown;
mod plain;
mod text;

#[cfg(test)]
mod tests;

use crate::model::{NewArticle, Status, Timestamp};
use serde::{Deserialize, Serialize};
use std::path::Path;

pub(crate) use error::megabytes;
pub use error::{ImportError, MAX_FILE_BYTES};
pub use file::{decode_text, read_text_file};
pub(crate) use plain::prose_as_markdown;
// Public for the fuzz targets (fuzz/), which read front matter the way the workspace does.
pub use front_matter::unused_yaml_fields;

/// A story read from outside, ready to become a draft once the editor has checked it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportedArticle {
    pub headline: String,
    pub dek: String,
    pub section: String,
    pub byline: String,
    pub dateline: String,
    pub tags: Vec<String>,
    /// A valid slug from the source, if it had one; otherwise the store derives it.
    pub slug: Option<String>,
    /// The status the source declared (`draft: true` → draft), if any.
    pub status: Option<Status>,
    /// When the source says the story was published.
    pub published_at: Option<Timestamp>,
    pub kicker: String,
    pub seo_headline: String,
    pub social_headline: String,
    pub embargo: Option<Timestamp>,
    pub words_planned: Option<u32>,
    /// The language to check it in, as a Hunspell name (`en_GB`); empty: the library's.
    pub language: String,
    /// The body in Markdown.
    pub body: String,
    /// The author's note that closed the source, without the name line.
    pub author_bio: Option<String>,
    /// The lead photo the source described; its image file must be added separately.
    pub featured_photo: Option<PendingPhoto>,
    /// Things the editor should check, in plain sentences.
    pub warnings: Vec<String>,
}

/// A photo described by an imported story, awaiting its image file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingPhoto {
    pub caption: String,
    /// Empty when the source gave none (a warning says so).
    pub credit: String,
}

impl ImportedArticle {
    /// The fields the store needs to create the draft (photo and bio are attached separately).
    pub fn to_new_article(&self) -> NewArticle {
        NewArticle {
            headline: self.headline.clone(),
            dek: self.dek.clone(),
            byline: self.byline.clone(),
            section: self.section.clone(),
            tags: self.tags.clone(),
            dateline: self.dateline.clone(),
            body: self.body.clone(),
            slug: self.slug.clone(),
            status: self.status,
            published_at: self.published_at,
            kicker: self.kicker.clone(),
            seo_headline: self.seo_headline.clone(),
            social_headline: self.social_headline.clone(),
            embargo: self.embargo,
            words_planned: self.words_planned,
            language: self.language.clone(),
        }
    }
}

/// Imports `text` read from a file called `file_name`, choosing the parser from the name:
/// `.md`/`.markdown` files are Markdown; `.txt` files and names without an extension are plain
/// text unless they open with front matter. Other extensions are refused.
pub fn import_text(text: &str, file_name: &str) -> Result<ImportedArticle, ImportError> {
    let extension = Path::new(file_name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "md" | "markdown" | "mdown" | "mkd" | "mkdn" => markdown::parse(text, Some(file_name)),
        "txt" | "text" | "" if front_matter::opens_with_front_matter(text) => {
            markdown::parse(text, Some(file_name))
        }
        "txt" | "text" | "" => plain::parse(text, Some(file_name)),
        _ => Err(ImportError::UnsupportedType {
            file: file_name.to_string(),
        }),
    }
}

/// Reads and imports the file at `path` ([`read_text_file`] then [`import_text`]).
pub fn import_file(path: &Path) -> Result<ImportedArticle, ImportError> {
    let text = read_text_file(path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    import_text(&text, &name)
}

/// Parses Markdown, with or without YAML (`---`) or TOML (`+++`) front matter.
pub fn parse_markdown(text: &str) -> Result<ImportedArticle, ImportError> {
    markdown::parse(text, None)
}

/// Parses a plain-text article copied from a news site (see the `plain` module for the shape).
pub fn parse_plain_text(text: &str) -> Result<ImportedArticle, ImportError> {
    plain::parse(text, None)
}
