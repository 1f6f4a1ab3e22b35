//! What front-matter fields mean: Hugo and Jekyll names, plus our own, mapped onto an article.

use super::ImportedArticle;
use super::dates::parse_date;
use super::front_matter::{Fields, Value};
use crate::model::Status;
use crate::proofing::Language;
use crate::slug;
use std::collections::HashMap;

/// Every field name understood, in order of preference within each article field: our own name
/// first, then Hugo's and Jekyll's.
const HEADLINE: &[&str] = &["headline", "title"];
const DEK: &[&str] = &["dek", "description", "summary", "subtitle"];
const BYLINE: &[&str] = &["byline", "author", "authors"];
const SECTION: &[&str] = &["section", "category", "categories"];
const DATE: &[&str] = &["date", "publishdate"];
const KICKER: &[&str] = &["kicker", "eyebrow", "overline"];
const SEO_HEADLINE: &[&str] = &["seo_headline", "seo_title", "meta_title"];
const SOCIAL_HEADLINE: &[&str] = &["social_headline", "social_title", "og_title"];
const EMBARGO: &[&str] = &["embargo", "embargo_until", "embargoed_until"];
const WORDS_PLANNED: &[&str] = &["words_planned", "planned_words", "word_target"];
const LANGUAGE: &[&str] = &["language", "lang", "locale"];
const OTHERS: &[&str] = &["dateline", "tags", "slug", "draft", "status"];

/// Whether a field name (lowercased) means something for an article.
pub(super) fn understood(name: &str) -> bool {
    [
        HEADLINE,
        DEK,
        BYLINE,
        SECTION,
        DATE,
        KICKER,
        SEO_HEADLINE,
        SOCIAL_HEADLINE,
        EMBARGO,
        WORDS_PLANNED,
        LANGUAGE,
        OTHERS,
    ]
    .iter()
    .any(|names| names.contains(&name))
}

/// Fills `article`'s metadata from `fields`, adding a warning for every field it could not use.
pub(super) fn apply(fields: Fields, article: &mut ImportedArticle) {
    let mut unknown = Vec::new();
    let mut known: HashMap<String, Value> = HashMap::new();
    for (name, value) in fields {
        if understood(&name) {
            known.insert(name, value);
        } else {
            unknown.push(name);
        }
    }
    let mut reader = Reader {
        known,
        warnings: &mut article.warnings,
    };
    article.headline = reader.text(HEADLINE).unwrap_or_default();
    article.dek = reader.text(DEK).unwrap_or_default();
    article.byline = reader.names(BYLINE).unwrap_or_default();
    article.dateline = reader.text(&["dateline"]).unwrap_or_default();
    article.tags = reader.list(&["tags"]).unwrap_or_default();
    if let Some(mut sections) = reader.list(SECTION) {
        if !sections.is_empty() {
            article.section = sections.remove(0);
        }
        if !sections.is_empty() {
            reader.warn(format!(
                "Only the first category, “{}”, became the section; {} added to the tags.",
                article.section,
                quoted_list(&sections)
            ));
            push_unique(&mut article.tags, sections);
        }
    }
    article.kicker = reader.text(KICKER).unwrap_or_default();
    article.seo_headline = reader.text(SEO_HEADLINE).unwrap_or_default();
    article.social_headline = reader.text(SOCIAL_HEADLINE).unwrap_or_default();
    article.embargo = reader.moment(EMBARGO, "embargo");
    article.words_planned = reader.words(WORDS_PLANNED);
    article.language = reader.language();
    article.slug = reader.slug();
    let date = reader.moment(DATE, "publication time");
    let status = reader.status();
    article.status = status;
    if status == Some(Status::Published) {
        article.published_at = date;
        if date.is_none() {
            reader.warn(
                "The story is marked as published but has no date; set its publication date."
                    .into(),
            );
        }
    } else if date.is_some() {
        reader.warn("The front matter has a date but the story is not marked as published, so the date was not kept.".into());
    }
    if !unknown.is_empty() {
        reader.warn(format!(
            "These front-matter fields were not imported: {}.",
            unknown.join(", ")
        ));
    }
}

/// Reads typed values out of the understood fields, collecting warnings about the unusable.
struct Reader<'a> {
    known: HashMap<String, Value>,
    warnings: &'a mut Vec<String>,
}

impl Reader<'_> {
    fn warn(&mut self, warning: String) {
        self.warnings.push(warning);
    }

    /// The first of `names` present, with its name.
    fn first(&self, names: &[&str]) -> Option<(String, Value)> {
        names
            .iter()
            .find_map(|name| Some((name.to_string(), self.known.get(*name)?.clone())))
    }

    /// A single line of text; a list or table in its place is ignored with a warning.
    fn text(&mut self, names: &[&str]) -> Option<String> {
        match self.first(names)? {
            (_, Value::Text(text)) => Some(text.trim().to_string()),
            (_, Value::Flag(flag)) => Some(flag.to_string()),
            (name, _) => {
                self.warn(format!(
                    "The field “{name}” should be a single piece of text, so it was not imported."
                ));
                None
            }
        }
    }

    /// A list, also accepted as one comma-separated string; trimmed, without blanks or repeats.
    fn list(&mut self, names: &[&str]) -> Option<Vec<String>> {
        let items = match self.first(names)? {
            (_, Value::List(items)) => items,
            (_, Value::Text(text)) => text.split(',').map(str::to_string).collect(),
            (name, _) => {
                self.warn(format!(
                    "The field “{name}” should be a list or text, so it was not imported."
                ));
                return None;
            }
        };
        let mut list = Vec::new();
        push_unique(&mut list, items);
        Some(list)
    }

    /// People's names as a byline: "Ana", "Ana and Tom", "Ana, Tom and Lee".
    fn names(&mut self, names: &[&str]) -> Option<String> {
        let people = self.list(names)?;
        Some(match people.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => people.into_iter().next().unwrap_or_default(),
        })
    }

    fn slug(&mut self) -> Option<String> {
        let slug = self.text(&["slug"])?;
        match slug::validate(&slug) {
            Ok(()) => Some(slug),
            Err(why) => {
                self.warn(format!(
                    "The slug in the front matter was not used because {why}; one will be made from the headline."
                ));
                None
            }
        }
    }

    /// A date and time (the publication time, an embargo: `what`, for the warnings).
    fn moment(&mut self, names: &[&str], what: &str) -> Option<i64> {
        let text = self.text(names)?;
        match parse_date(&text) {
            Some(parsed) => {
                if parsed.zone_assumed {
                    self.warn(format!(
                        "The date “{text}” has no time zone, so UTC was assumed; check the {what}."
                    ));
                }
                Some(parsed.timestamp)
            }
            None => {
                self.warn(format!(
                    "The date “{text}” was not understood (use 2021-12-02 or 2021-12-02T10:00:00+01:00), so it was not imported."
                ));
                None
            }
        }
    }

    /// A planned length: a whole number of words, at least one.
    fn words(&mut self, names: &[&str]) -> Option<u32> {
        let text = self.text(names)?;
        match text.parse::<u32>() {
            Ok(words) if words > 0 => Some(words),
            _ => {
                self.warn(format!(
                    "The planned length “{text}” is not a number of words, so it was not imported."
                ));
                None
            }
        }
    }

    /// The language to check the story in, as the library keeps it (`en-gb` → `en_GB`).
    fn language(&mut self) -> String {
        let Some(tag) = self.text(LANGUAGE) else {
            return String::new();
        };
        match Language::parse(&tag) {
            Some(language) => language.code().to_string(),
            None => {
                self.warn(format!(
                    "The language “{tag}” is not a language tag such as en-GB, so the library's default is used."
                ));
                String::new()
            }
        }
    }

    /// Our `status` field wins over Hugo's `draft` flag (`true` → draft, `false` → published).
    fn status(&mut self) -> Option<Status> {
        if let Some(text) = self.text(&["status"]) {
            match text.parse::<Status>() {
                Ok(status) => return Some(status),
                Err(why) => self.warn(format!("The status was not imported because {why}.")),
            }
        }
        match self.known.get("draft")? {
            Value::Flag(true) => Some(Status::Draft),
            Value::Flag(false) => Some(Status::Published),
            Value::Text(text) if text.eq_ignore_ascii_case("true") => Some(Status::Draft),
            Value::Text(text) if text.eq_ignore_ascii_case("false") => Some(Status::Published),
            _ => {
                self.warn(
                    "The field “draft” should be true or false, so the story will be a draft."
                        .into(),
                );
                None
            }
        }
    }
}

/// Appends the trimmed, non-empty `items` that `list` does not have yet.
fn push_unique(list: &mut Vec<String>, items: Vec<String>) {
    for item in items {
        let item = item.trim();
        if !item.is_empty() && !list.iter().any(|existing| existing == item) {
            list.push(item.to_string());
        }
    }
}

fn quoted_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("“{i}”")).collect();
    if quoted.len() == 1 {
        format!("{} was", quoted[0])
    } else {
        format!("{} were", quoted.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply_fields(fields: &[(&str, Value)]) -> ImportedArticle {
        let mut article = ImportedArticle::default();
        let fields = fields
            .iter()
            .map(|(n, v)| (n.to_string(), v.clone()))
            .collect();
        apply(fields, &mut article);
        article
    }

    fn text(value: &str) -> Value {
        Value::Text(value.to_string())
    }

    fn list(values: &[&str]) -> Value {
        Value::List(values.iter().map(|v| v.to_string()).collect())
    }

    #[test]
    fn hugo_names_fill_the_article() {
        let article = apply_fields(&[
            ("title", text(" Budget vote ")),
            ("description", text("The standfirst")),
            ("date", text("2021-12-02")),
            ("draft", Value::Flag(false)),
            ("tags", list(&["budget", " ", "budget", "vote"])),
            ("categories", list(&["Politics"])),
            ("author", text("Ana Ruiz")),
            ("slug", text("budget-vote")),
        ]);
        assert_eq!(article.headline, "Budget vote");
        assert_eq!(article.dek, "The standfirst");
        assert_eq!(article.section, "Politics");
        assert_eq!(article.byline, "Ana Ruiz");
        assert_eq!(article.tags, ["budget", "vote"]);
        assert_eq!(article.slug.as_deref(), Some("budget-vote"));
        assert_eq!(article.status, Some(Status::Published));
        assert_eq!(article.published_at, Some(1_638_403_200));
        assert!(article.warnings.is_empty(), "{:?}", article.warnings);
    }

    #[test]
    fn our_own_names_win_over_hugo_names() {
        let article = apply_fields(&[
            ("title", text("T")),
            ("dek", text("Ours")),
            ("summary", text("Theirs")),
            ("byline", text("Desk")),
            ("authors", list(&["A", "B"])),
            ("section", text("Sport")),
            ("categories", list(&["News"])),
            ("status", text("ready")),
            ("draft", Value::Flag(true)),
            ("dateline", text("MADRID")),
        ]);
        assert_eq!(
            (
                article.dek.as_str(),
                article.byline.as_str(),
                article.section.as_str()
            ),
            ("Ours", "Desk", "Sport")
        );
        assert_eq!(article.status, Some(Status::Ready));
        assert_eq!(article.dateline, "MADRID");
    }

    #[test]
    fn several_authors_make_one_byline() {
        let article = apply_fields(&[("authors", list(&["Ana", "Tom", "Lee"]))]);
        assert_eq!(article.byline, "Ana, Tom and Lee");
        let article = apply_fields(&[("author", list(&["Ana", "Tom"]))]);
        assert_eq!(article.byline, "Ana and Tom");
    }

    #[test]
    fn extra_categories_become_tags_with_a_warning() {
        let article = apply_fields(&[
            ("tags", text("eu, vote")),
            ("categories", list(&["World", "Europe", "vote"])),
        ]);
        assert_eq!(article.section, "World");
        assert_eq!(article.tags, ["eu", "vote", "Europe"]);
        assert!(article.warnings[0].contains("“Europe”, “vote” were added to the tags"));
    }

    #[test]
    fn a_draft_keeps_no_publication_date_and_says_so() {
        let article = apply_fields(&[("draft", Value::Flag(true)), ("date", text("2021-12-02"))]);
        assert_eq!(article.status, Some(Status::Draft));
        assert_eq!(article.published_at, None);
        assert!(article.warnings[0].contains("date was not kept"));
    }

    #[test]
    fn unusable_values_are_warned_about_not_fatal() {
        let article = apply_fields(&[
            ("title", Value::Nested),
            ("slug", text("Not A Slug")),
            ("date", text("last tuesday")),
            ("status", text("live")),
            ("draft", text("maybe")),
            ("layout", text("post")),
            ("weight", text("3")),
        ]);
        assert_eq!(article.headline, "");
        assert_eq!(article.slug, None);
        assert_eq!(article.status, None);
        let all = article.warnings.join("\n");
        for expected in [
            "“title” should be a single piece of text",
            "slug in the front matter was not used because",
            "“last tuesday” was not understood",
            "“live” is not a status",
            "“draft” should be true or false",
            "were not imported: layout, weight.",
        ] {
            assert!(all.contains(expected), "missing {expected:?} in {all}");
        }
    }

    #[test]
    fn a_published_story_without_date_is_flagged() {
        let article = apply_fields(&[("draft", Value::Flag(false))]);
        assert_eq!(article.status, Some(Status::Published));
        assert!(article.warnings[0].contains("has no date"));
        let article = apply_fields(&[
            ("status", text("published")),
            ("date", text("2021-12-02 10:00:00")),
        ]);
        assert!(article.published_at.is_some());
        assert!(article.warnings[0].contains("no time zone"));
    }
}
