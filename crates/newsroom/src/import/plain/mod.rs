//! Plain-text articles copied from a news site or the wire.
//!
//! The expected shape, every part but the first line optional:
//!
//! ```text
//! Headline | Section
//! Photo caption (often twice, the second time with the credit glued on)
//! By Ana Ruiz
//! MADRID — First paragraph…
//! Short title-like line          ← a subheading
//! More paragraphs, with site text ("Subscribe here", "Related Posts") mixed in
//! Author Name
//! Author Name is chief editor at …
//! Leave a Reply … (the comment form)
//! ```
//!
//! Each step that recognises a part lives in its own module and removes the lines it used; what
//! is left is the body. Each guess adds a warning so the editor knows what to check.

mod boilerplate;
mod byline;
mod dateline;
mod escape;

pub(crate) use escape::paragraph as prose_as_markdown;
mod lines;
mod photo;
mod subhead;

use super::text::normalize;
use super::{ImportError, ImportedArticle};

/// Parses a copied article; `file` (its name) is only used in messages.
pub(super) fn parse(text: &str, file: Option<&str>) -> Result<ImportedArticle, ImportError> {
    let mut units = lines::units(&normalize(text));
    if units.is_empty() {
        return Err(ImportError::Empty {
            file: file.map(str::to_string),
        });
    }
    let mut article = ImportedArticle::default();
    let title = units.remove(0);
    read_title_line(&title, &mut article);

    let dropped = boilerplate::remove(&mut units);
    if !dropped.is_empty() {
        let what = match dropped.len() {
            1 => "1 line of site text was removed".to_string(),
            n => format!("{n} lines of site text were removed"),
        };
        article.warnings.push(format!(
            "{what} ({}); check that none belonged to the story.",
            quoted_sample(&dropped)
        ));
    }

    if let Some(names) = byline::take_top(&mut units) {
        article.byline = names;
    }

    if let Some(found) = photo::take_featured(&mut units) {
        if found.from_single_line {
            article.warnings.push(format!(
                "“{}” was taken as the photo caption; check it.",
                shortened(&found.photo.caption)
            ));
        }
        if found.photo.credit.is_empty() {
            article
                .warnings
                .push("The photo caption has no credit; add one before publishing.".to_string());
        }
        article.featured_photo = Some(found.photo);
    }

    if let Some(note) = byline::take_closing(&mut units, &article.byline) {
        if article.byline.is_empty() {
            article.warnings.push(format!(
                "The byline “{}” was taken from the author note at the end; check it.",
                note.name
            ));
            article.byline = note.name;
        }
        article.author_bio = Some(note.bio);
    }
    if article.byline.is_empty() {
        article
            .warnings
            .push("No byline was found; add the author.".to_string());
    }

    if let Some(first) = units.first_mut()
        && let Some((place, rest)) = dateline::split(first)
    {
        article.dateline = place.to_string();
        *first = rest.to_string();
        article.warnings.push(format!(
            "The dateline “{}” was taken from the start of the first paragraph; check it.",
            article.dateline
        ));
    }

    article.body = body(&units, &mut article.warnings);
    if article.body.is_empty() {
        article
            .warnings
            .push("No story text was found after the headline.".to_string());
    }
    Ok(article)
}

/// "Headline | Section": anything after a second bar (usually the site's name) is reported.
fn read_title_line(title: &str, article: &mut ImportedArticle) {
    let mut parts = title.split('|').map(str::trim);
    let headline = parts.next().unwrap_or_default();
    if headline.is_empty() {
        article.headline = title.trim().to_string();
        return;
    }
    article.headline = headline.to_string();
    article.section = parts.next().unwrap_or_default().to_string();
    let extra: Vec<String> = parts
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    if !extra.is_empty() {
        article.warnings.push(format!(
            "The headline line ended with {}, which was left out (often the site's name); check it.",
            quoted_sample(&extra)
        ));
    }
    if article.section.is_empty() {
        article.warnings.push(
            "No section followed the headline (“Headline | Section”); choose one.".to_string(),
        );
    }
}

/// The remaining units as Markdown: subheadings as `## `, paragraphs escaped as prose.
fn body(units: &[String], warnings: &mut Vec<String>) -> String {
    let subheadings = subhead::mark(units);
    let mut made = Vec::new();
    let blocks: Vec<String> = units
        .iter()
        .zip(&subheadings)
        .map(|(unit, &is_subheading)| {
            if is_subheading {
                made.push(unit.clone());
                format!("## {}", escape::inline(unit))
            } else {
                escape::paragraph(unit)
            }
        })
        .collect();
    if !made.is_empty() {
        let (what, them) = match made.len() {
            1 => ("1 short line was made into a subheading".to_string(), "it"),
            n => (
                format!("{n} short lines were made into subheadings"),
                "any of them",
            ),
        };
        warnings.push(format!(
            "{what} ({}); turn {them} back into a paragraph if needed.",
            quoted_sample(&made)
        ));
    }
    if blocks.is_empty() {
        String::new()
    } else {
        format!("{}\n", blocks.join("\n\n"))
    }
}

/// Up to three items, quoted and shortened, then how many more: for warnings.
fn quoted_sample(items: &[String]) -> String {
    const SHOWN: usize = 3;
    let mut sample: Vec<String> = items
        .iter()
        .take(SHOWN)
        .map(|item| match shortened(item) {
            already if already.starts_with('“') && already.ends_with('”') => already,
            text => format!("“{text}”"),
        })
        .collect();
    if items.len() > SHOWN {
        sample.push(format!("and {} more", items.len() - SHOWN));
    }
    sample.join(", ")
}

/// At most 50 characters of `text`, with an ellipsis when cut.
fn shortened(text: &str) -> String {
    const MAX: usize = 50;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let cut: String = text.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}
