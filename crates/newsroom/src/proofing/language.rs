//! The language an article is checked in, named as Hunspell names its dictionaries (`en_US`).

use harper_core::Dialect;
use std::fmt;

/// The language used when neither the article nor the library names one.
pub const DEFAULT_LANGUAGE: &str = "en_US";

/// A language and region, normalised from the tags people write (`en-GB`, `en_gb`, `fr`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Language(String);

impl Language {
    /// Reads a tag such as `en-GB`, `en_GB`, `pt-br` or `de`. A bare `en` means American
    /// English, the dictionary shipped with the app. `None` when the tag is not a language tag.
    pub fn parse(tag: &str) -> Option<Language> {
        let tag = tag.trim();
        let mut parts = tag.split(['-', '_']);
        let language = parts.next()?.to_ascii_lowercase();
        let region = parts.next().map(str::to_ascii_uppercase);
        let letters_only = |s: &str, lengths: &[usize]| {
            lengths.contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphabetic())
        };
        if !letters_only(&language, &[2, 3]) || parts.next().is_some() {
            return None;
        }
        match region {
            Some(region) if letters_only(&region, &[2]) => {
                Some(Language(format!("{language}_{region}")))
            }
            Some(_) => None,
            None if language == "en" => Some(Language(DEFAULT_LANGUAGE.to_string())),
            None => Some(Language(language)),
        }
    }

    /// How the library keeps a tag: its Hunspell name (`en-gb` → `en_GB`), or `""` for a blank
    /// tag (the library's default); `None` when the tag is not a language.
    pub fn stored_form(tag: &str) -> Option<String> {
        if tag.trim().is_empty() {
            return Some(String::new());
        }
        Language::parse(tag).map(|language| language.0)
    }

    /// The language shipped with the app.
    pub fn default_language() -> Language {
        Language(DEFAULT_LANGUAGE.to_string())
    }

    /// The Hunspell name, such as `en_US` (also the dictionary's file stem).
    pub fn code(&self) -> &str {
        &self.0
    }

    /// The English dialect Harper's grammar rules should follow, or `None` for other languages
    /// (Harper checks English only).
    pub fn english_dialect(&self) -> Option<Dialect> {
        let (language, region) = self.0.split_once('_').unwrap_or((&self.0, ""));
        if language != "en" {
            return None;
        }
        Some(match region {
            "GB" | "IE" | "NZ" | "ZA" => Dialect::British,
            "AU" => Dialect::Australian,
            "CA" => Dialect::Canadian,
            "IN" => Dialect::Indian,
            _ => Dialect::American,
        })
    }

    /// A name an editor recognises, such as "English (United Kingdom)"; the code when the
    /// language is not one of the common ones named here.
    pub fn display_name(&self) -> String {
        let (language, region) = self.0.split_once('_').unwrap_or((&self.0, ""));
        let Some(language_name) = name_of(LANGUAGES, language) else {
            return self.0.clone();
        };
        match (region, name_of(REGIONS, region)) {
            ("", _) => language_name.to_string(),
            (_, Some(region_name)) => format!("{language_name} ({region_name})"),
            (region, None) => format!("{language_name} ({region})"),
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn name_of(table: &[(&str, &'static str)], code: &str) -> Option<&'static str> {
    table
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, name)| *name)
}

/// Languages a newsroom is likely to have Hunspell dictionaries for.
const LANGUAGES: &[(&str, &str)] = &[
    ("ar", "Arabic"),
    ("ca", "Catalan"),
    ("cs", "Czech"),
    ("da", "Danish"),
    ("de", "German"),
    ("el", "Greek"),
    ("en", "English"),
    ("es", "Spanish"),
    ("fi", "Finnish"),
    ("fr", "French"),
    ("ga", "Irish"),
    ("he", "Hebrew"),
    ("hu", "Hungarian"),
    ("it", "Italian"),
    ("nb", "Norwegian Bokmål"),
    ("nl", "Dutch"),
    ("pl", "Polish"),
    ("pt", "Portuguese"),
    ("ro", "Romanian"),
    ("ru", "Russian"),
    ("sv", "Swedish"),
    ("tr", "Turkish"),
    ("uk", "Ukrainian"),
];

const REGIONS: &[(&str, &str)] = &[
    ("AR", "Argentina"),
    ("AT", "Austria"),
    ("AU", "Australia"),
    ("BE", "Belgium"),
    ("BR", "Brazil"),
    ("CA", "Canada"),
    ("CH", "Switzerland"),
    ("DE", "Germany"),
    ("ES", "Spain"),
    ("FR", "France"),
    ("GB", "United Kingdom"),
    ("IE", "Ireland"),
    ("IN", "India"),
    ("IT", "Italy"),
    ("MX", "Mexico"),
    ("NL", "Netherlands"),
    ("NZ", "New Zealand"),
    ("PT", "Portugal"),
    ("US", "United States"),
    ("ZA", "South Africa"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_normalised_to_hunspell_names() {
        assert_eq!(Language::parse("en-gb").unwrap().code(), "en_GB");
        assert_eq!(Language::parse(" pt_BR ").unwrap().code(), "pt_BR");
        assert_eq!(Language::parse("en").unwrap().code(), "en_US");
        assert_eq!(Language::parse("de").unwrap().code(), "de");
        assert_eq!(Language::stored_form(" en-gb ").as_deref(), Some("en_GB"));
        assert_eq!(Language::stored_form("  ").as_deref(), Some(""));
        assert_eq!(Language::stored_form("English"), None);
        for bad in ["", "english", "en-GBR", "e1", "en-GB-x", "../en"] {
            assert_eq!(Language::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn dialects_and_names_follow_the_region() {
        let gb = Language::parse("en_GB").unwrap();
        assert_eq!(gb.english_dialect(), Some(Dialect::British));
        assert_eq!(gb.display_name(), "English (United Kingdom)");
        assert_eq!(Language::parse("fr_FR").unwrap().english_dialect(), None);
        assert_eq!(Language::parse("xx_YY").unwrap().display_name(), "xx_YY");
        assert_eq!(
            Language::parse("de_LU").unwrap().display_name(),
            "German (LU)"
        );
    }
}
