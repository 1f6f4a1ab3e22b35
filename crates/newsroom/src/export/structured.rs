//! Metadata for machines: Open Graph tags for link previews and schema.org `NewsArticle`
//! JSON-LD for search engines.
//!
//! Open Graph values go through the template's HTML escaping like any text. JSON-LD sits in a
//! `<script>` element, where HTML escaping does not apply, so it is made safe here instead:
//! see [`script_safe_json`].

use super::SiteInfo;
use super::dates::PageDate;
use crate::model::Correction;
use serde_json::{Map, Value, json};

/// What the metadata says about one article, gathered by the page builder.
#[derive(Debug, Default)]
pub(super) struct Facts<'a> {
    /// The headline for search engines (JSON-LD).
    pub headline: &'a str,
    /// The headline for link previews (Open Graph).
    pub social_headline: &'a str,
    pub description: &'a str,
    pub section: &'a str,
    pub tags: &'a [String],
    pub author: &'a str,
    pub published: Option<&'a PageDate>,
    pub modified: Option<&'a PageDate>,
    /// The featured image as the page links it (relative or absolute).
    pub image: Option<&'a str>,
    /// The page's own absolute address, when the site's address is known.
    pub url: Option<&'a str>,
    /// Corrections and updates, listed as schema.org `CorrectionComment`s.
    pub corrections: &'a [Correction],
}

/// One `<meta property content>` pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct MetaTag {
    pub property: &'static str,
    pub content: String,
}

/// Open Graph tags, empty values left out.
pub(super) fn open_graph(facts: &Facts<'_>, site: &SiteInfo) -> Vec<MetaTag> {
    let mut tags = Vec::new();
    let mut push = |property, content: &str| {
        if !content.trim().is_empty() {
            tags.push(MetaTag {
                property,
                content: content.to_string(),
            });
        }
    };
    push("og:type", "article");
    push("og:title", facts.social_headline);
    push("og:description", facts.description);
    push("og:site_name", &site.name);
    push("og:url", facts.url.unwrap_or_default());
    push("og:image", facts.image.unwrap_or_default());
    push(
        "article:published_time",
        facts.published.map_or("", |d| d.iso.as_str()),
    );
    push(
        "article:modified_time",
        facts.modified.map_or("", |d| d.iso.as_str()),
    );
    push("article:section", facts.section);
    for tag in facts.tags {
        push("article:tag", tag);
    }
    tags
}

/// The schema.org `NewsArticle`, serialized and made safe to sit inside `<script>`.
pub(super) fn json_ld(facts: &Facts<'_>, site: &SiteInfo) -> String {
    let mut article = Map::new();
    article.insert("@context".into(), json!("https://schema.org"));
    article.insert("@type".into(), json!("NewsArticle"));
    let mut put = |key: &str, value: Value| {
        let empty = value.as_str().is_some_and(|s| s.trim().is_empty());
        if !value.is_null() && !empty {
            article.insert(key.into(), value);
        }
    };
    put("headline", json!(facts.headline));
    put("description", json!(facts.description));
    put("datePublished", json!(facts.published.map(|d| &d.iso)));
    put("dateModified", json!(facts.modified.map(|d| &d.iso)));
    if !facts.author.trim().is_empty() {
        put("author", json!({ "@type": "Person", "name": facts.author }));
    }
    put("image", json!(facts.image));
    put("url", json!(facts.url));
    put("articleSection", json!(facts.section));
    put("keywords", json!(facts.tags.join(", ")));
    let mut publisher = Map::new();
    publisher.insert("@type".into(), json!("Organization"));
    publisher.insert("name".into(), json!(site.name));
    if let Some(base) = &site.base_url {
        publisher.insert("url".into(), json!(base));
    }
    put("publisher", Value::Object(publisher));
    put("inLanguage", json!(site.language));
    let corrections: Vec<Value> = facts
        .corrections
        .iter()
        .filter_map(|c| {
            let date = PageDate::from_timestamp(c.at)?;
            Some(json!({
                "@type": "CorrectionComment",
                "text": format!("{}: {}", c.kind.label(), c.text),
                "datePublished": date.iso,
            }))
        })
        .collect();
    if !corrections.is_empty() {
        put("correction", Value::Array(corrections));
    }
    script_safe_json(&Value::Object(article))
}

/// JSON that cannot end its `<script>` element or open a comment, whatever the strings say.
///
/// `<`, `>` and `&` only ever occur inside JSON strings, where `\u003c` and friends mean the
/// same characters, so the data is unchanged for any JSON reader. U+2028 and U+2029 are
/// escaped too, as older JavaScript parsers treat them as line ends.
pub(super) fn script_safe_json(value: &Value) -> String {
    let json = value.to_string();
    let mut safe = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => safe.push_str("\\u003c"),
            '>' => safe.push_str("\\u003e"),
            '&' => safe.push_str("\\u0026"),
            '\u{2028}' => safe.push_str("\\u2028"),
            '\u{2029}' => safe.push_str("\\u2029"),
            c => safe.push(c),
        }
    }
    safe
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> SiteInfo {
        SiteInfo {
            name: "The Daily".into(),
            base_url: Some("https://daily.example".into()),
            language: "en".into(),
        }
    }

    #[test]
    fn script_breakers_are_escaped_and_the_data_survives() {
        let hostile = "</script><script>alert(1)</script><!-- a & b \u{2028}\u{2029}";
        let safe = script_safe_json(&json!({ "headline": hostile }));
        for forbidden in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
            assert!(!safe.contains(forbidden), "{forbidden:?} in {safe}");
        }
        let back: Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["headline"], hostile);
    }

    #[test]
    fn news_article_carries_every_known_fact() {
        let tags = vec!["budget".to_string(), "vote".to_string()];
        let date = PageDate::from_timestamp(0).unwrap();
        let facts = Facts {
            headline: "Budget passes after an all-night session",
            social_headline: "The budget passed. What it means for you",
            description: "A close vote",
            section: "Politics",
            tags: &tags,
            author: "Ana Ruiz",
            published: Some(&date),
            modified: Some(&date),
            image: Some("https://daily.example/images/a.jpg"),
            url: Some("https://daily.example/budget.html"),
            corrections: &[],
        };
        let value: Value = serde_json::from_str(&json_ld(&facts, &site())).unwrap();
        assert_eq!(value["@type"], "NewsArticle");
        assert_eq!(
            value["headline"],
            "Budget passes after an all-night session"
        );
        assert_eq!(value["description"], "A close vote");
        assert_eq!(value["datePublished"], "1970-01-01T00:00:00Z");
        assert_eq!(value["dateModified"], "1970-01-01T00:00:00Z");
        assert_eq!(value["author"]["@type"], "Person");
        assert_eq!(value["author"]["name"], "Ana Ruiz");
        assert_eq!(value["image"], "https://daily.example/images/a.jpg");
        assert_eq!(value["articleSection"], "Politics");
        assert_eq!(value["keywords"], "budget, vote");
        assert_eq!(value["publisher"]["@type"], "Organization");
        assert_eq!(value["publisher"]["name"], "The Daily");

        let og = open_graph(&facts, &site());
        let get = |p: &str| -> Vec<&str> {
            og.iter()
                .filter(|t| t.property == p)
                .map(|t| t.content.as_str())
                .collect()
        };
        assert_eq!(get("og:type"), ["article"]);
        assert_eq!(
            get("og:title"),
            ["The budget passed. What it means for you"]
        );
        assert_eq!(get("og:image"), ["https://daily.example/images/a.jpg"]);
        assert_eq!(get("article:published_time"), ["1970-01-01T00:00:00Z"]);
        assert_eq!(get("article:section"), ["Politics"]);
        assert_eq!(get("article:tag"), ["budget", "vote"]);
    }

    #[test]
    fn unknown_facts_are_left_out() {
        let facts = Facts {
            headline: "Only a headline",
            ..Facts::default()
        };
        let value: Value = serde_json::from_str(&json_ld(&facts, &site())).unwrap();
        for absent in [
            "description",
            "datePublished",
            "author",
            "image",
            "keywords",
        ] {
            assert!(value.get(absent).is_none(), "{absent}");
        }
        let og = open_graph(&facts, &site());
        assert!(og.iter().all(|t| t.property != "og:image"));
        assert!(og.iter().all(|t| t.property != "article:published_time"));
    }
}
