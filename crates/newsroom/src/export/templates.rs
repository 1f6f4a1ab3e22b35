//! The page templates and stylesheet, compiled into the binary.
//!
//! askama turns the templates in `templates/` into Rust when the crate is built, so a value a
//! template names that its page does not have is a build error, not an empty spot on a published
//! page. Every value is escaped for HTML by [`ReadableHtml`] (askama.toml); the three values that
//! are already HTML (stylesheet, sanitized body, escaped JSON-LD) are marked `|safe` in the
//! templates themselves, where a reviewer sees them.

use std::fmt::{self, Write};

/// The article stylesheet: embedded in every exported page, and what the desktop preview uses
/// so that an article looks exactly as published.
pub fn stylesheet() -> &'static str {
    include_str!("templates/style.css")
}

/// Escapes the five characters that matter in HTML text and quoted attributes, by their names.
/// askama's own escaper writes numeric references (`&#60;`), which are as safe but make the
/// exported source harder to read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ReadableHtml;

impl askama::filters::Escaper for ReadableHtml {
    fn write_escaped_str<W: Write>(&self, mut dest: W, text: &str) -> fmt::Result {
        let mut rest = text;
        while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
            dest.write_str(&rest[..at])?;
            dest.write_str(match rest.as_bytes()[at] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[at + 1..];
        }
        dest.write_str(rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_by_name_and_the_rest_is_kept() {
        let escape = |text: &str| {
            let mut out = String::new();
            askama::filters::Escaper::write_escaped_str(&ReadableHtml, &mut out, text).unwrap();
            out
        };
        assert_eq!(
            escape(r#"<b class="x">Tom & Jerry's</b> é/ü"#),
            "&lt;b class=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt; é/ü"
        );
        assert_eq!(escape(""), "");
        assert_eq!(escape("plain"), "plain");
    }

    #[test]
    fn stylesheet_covers_dark_mode_and_print_without_remote_content() {
        let css = stylesheet();
        for needed in [
            "prefers-color-scheme: dark",
            "@media print",
            "attr(href)",
            "break-inside: avoid",
            "65ch",
            "figcaption",
            ".credit",
            "blockquote",
            "table",
            ".footnotes",
            "serif",
        ] {
            assert!(css.contains(needed), "{needed}");
        }
        for remote in ["@import", "url(", "@font-face", "http://", "https://"] {
            assert!(!css.contains(remote), "{remote}");
        }
    }
}
