//! Slugs: the URL- and file-safe names of articles.
//!
//! A slug is used as a file name by export and by the workspace mirror, so it must never be able
//! to name another folder: only lowercase ASCII letters, digits and single hyphens are allowed.
//! That rule is enforced here and nowhere else.
//!
//! The same rule keeps file names valid on every platform a desk may share the workspace
//! with: no `<>:"/\|?*`, no trailing dot or space, and lowercase only, so two slugs never
//! differ only in case (one file on macOS and Windows). What is left are the names Windows
//! reserves for devices (`con`, `prn`, `aux`, `nul`, `com0`–`com9`, `lpt0`–`lpt9`, with any
//! extension): they are refused, and a headline that makes one gets `-1` added. A workspace
//! path is at most two slugs and `.md` (164 characters), so a workspace folder of up to 95
//! characters stays under Windows' classic 260-character limit for other programs (Newsroom
//! itself writes longer paths too, in the `\\?\` form).

/// Longest slug we make, in bytes: long enough for a headline's gist, short enough for any
/// file system once an extension is added.
pub const MAX_LEN: usize = 80;

/// Turns a headline (or any text) into a slug: transliterated to ASCII ("País" → "pais"),
/// lowercased, runs of anything else folded into one hyphen, cut at a word boundary.
/// Returns `"untitled"` when nothing usable is left.
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut slug = String::with_capacity(ascii.len().min(MAX_LEN));
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug = truncate_at_hyphen(slug.trim_end_matches('-'), MAX_LEN).to_string();
    if slug.is_empty() {
        slug.push_str("untitled");
    }
    if is_reserved_on_windows(&slug) {
        slug.push_str("-1");
    }
    slug
}

/// Cuts `slug` to at most `max` bytes, preferring to end at a hyphen so no word is cut in two.
fn truncate_at_hyphen(slug: &str, max: usize) -> &str {
    if slug.len() <= max {
        return slug;
    }
    let cut = &slug[..max];
    match cut.rfind('-') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.trim_end_matches('-'),
    }
}

/// Why a slug typed by an editor was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SlugError {
    #[error("the slug is empty; use letters, digits and hyphens, such as “budget-vote-2026”")]
    Empty,
    #[error("the slug is longer than {MAX_LEN} characters")]
    TooLong,
    #[error(
        "the slug “{0}” may only contain lowercase letters, digits and single hyphens (no spaces, slashes or dots), such as “budget-vote-2026”"
    )]
    Invalid(String),
    #[error(
        "the slug “{0}” cannot be a file name on Windows, which reserves it for a device (like con, prn, aux, nul, com1 and lpt1); use “{0}-1” or another slug"
    )]
    ReservedOnWindows(String),
}

/// Checks a slug given by a person or a file: it must already be in canonical form.
///
/// Refusing (rather than silently rewriting) keeps what the editor sees and what is stored the
/// same; [`slugify`] is offered as the fix in the message by callers that have the headline.
pub fn validate(slug: &str) -> Result<(), SlugError> {
    if slug.is_empty() {
        return Err(SlugError::Empty);
    }
    if slug.len() > MAX_LEN {
        return Err(SlugError::TooLong);
    }
    let well_formed = slug
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--");
    if !well_formed {
        Err(SlugError::Invalid(slug.to_string()))
    } else if is_reserved_on_windows(slug) {
        Err(SlugError::ReservedOnWindows(slug.to_string()))
    } else {
        Ok(())
    }
}

/// Whether Windows reserves `name` (a slug: lowercase, no extension) for a device. Microsoft's
/// "Naming Files, Paths, and Namespaces" lists CON, PRN, AUX, NUL, COM0–COM9 and LPT0–LPT9,
/// also followed by an extension.
pub fn is_reserved_on_windows(name: &str) -> bool {
    match name.as_bytes() {
        b"con" | b"prn" | b"aux" | b"nul" => true,
        [b'c', b'o', b'm', digit] | [b'l', b'p', b't', digit] => digit.is_ascii_digit(),
        _ => false,
    }
}

/// The `n`-th alternative of a slug that is taken: `budget`, `budget-2`, `budget-3`...
/// Stays within [`MAX_LEN`].
pub fn numbered(slug: &str, n: u32) -> String {
    if n <= 1 {
        return slug.to_string();
    }
    let suffix = format!("-{n}");
    let base = truncate_at_hyphen(slug, MAX_LEN - suffix.len());
    format!("{base}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_become_ascii_hyphenated_slugs() {
        assert_eq!(
            slugify("The United States demands that Russia withdraw"),
            "the-united-states-demands-that-russia-withdraw"
        );
        assert_eq!(slugify("  Join EL PAÍS now!  "), "join-el-pais-now");
        assert_eq!(
            slugify("Ünïcödé — “quotes” & 114,000"),
            "unicode-quotes-114-000"
        );
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("¿?"), "untitled");
        assert_eq!(slugify(""), "untitled");
    }

    #[test]
    fn long_headlines_are_cut_between_words() {
        let slug = slugify(&"word ".repeat(40));
        assert!(slug.len() <= MAX_LEN);
        assert!(slug.ends_with("word"));
        assert!(validate(&slug).is_ok());
    }

    #[test]
    fn only_canonical_slugs_pass_validation() {
        assert!(validate("budget-vote-2026").is_ok());
        for bad in [
            "../x",
            "/etc/passwd",
            "a/b",
            "a.b",
            "A",
            "a b",
            "-a",
            "a-",
            "a--b",
            "a\\b",
            "..",
        ] {
            assert!(matches!(validate(bad), Err(SlugError::Invalid(_))), "{bad}");
        }
        assert_eq!(validate(""), Err(SlugError::Empty));
        assert_eq!(validate(&"a".repeat(81)), Err(SlugError::TooLong));
    }

    #[test]
    fn names_windows_reserves_for_devices_are_never_slugs() {
        for reserved in ["con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt0"] {
            assert!(
                matches!(validate(reserved), Err(SlugError::ReservedOnWindows(_))),
                "{reserved}"
            );
            assert_eq!(slugify(&reserved.to_uppercase()), format!("{reserved}-1"));
            assert!(validate(&slugify(reserved)).is_ok());
        }
        for fine in [
            "con-1",
            "console",
            "com10",
            "lpt",
            "nul-and-void",
            "aux-news",
        ] {
            assert!(validate(fine).is_ok(), "{fine}");
            assert_eq!(slugify(fine), fine);
        }
        assert_eq!(
            slugify("Con."),
            "con-1",
            "a trailing dot changes nothing on Windows"
        );
        let err = validate("aux").unwrap_err().to_string();
        assert!(err.contains("Windows") && err.contains("aux-1"), "{err}");
    }

    #[test]
    fn numbered_alternatives_stay_valid() {
        assert_eq!(numbered("budget", 1), "budget");
        assert_eq!(numbered("budget", 3), "budget-3");
        let long = slugify(&"word ".repeat(40));
        let alt = numbered(&long, 12);
        assert!(alt.len() <= MAX_LEN && alt.ends_with("-12"));
        assert!(validate(&alt).is_ok());
    }
}
