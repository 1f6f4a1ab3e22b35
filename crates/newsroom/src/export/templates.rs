//! The page templates and stylesheet, compiled into the binary.
//!
//! Templates end in `.html`, so minijinja escapes every value for HTML; the three values that
//! are already HTML (stylesheet, sanitized body, escaped JSON-LD) are marked `|safe` in the
//! templates themselves, where a reviewer sees them.

use minijinja::{AutoEscape, Environment, UndefinedBehavior};

/// The article stylesheet: embedded in every exported page, and what the desktop preview uses
/// so that an article looks exactly as published.
pub fn stylesheet() -> &'static str {
    include_str!("templates/style.css")
}

pub(super) const PAGE: &str = "page.html";
pub(super) const INDEX: &str = "index.html";

/// The environment holding the export templates.
pub(super) fn environment() -> Result<Environment<'static>, minijinja::Error> {
    let mut env = Environment::new();
    // A misspelt field is a bug to catch in tests, not an empty spot on a published page.
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_formatter(|out, state, value| match value.as_str() {
        Some(text) if !value.is_safe() && matches!(state.auto_escape(), AutoEscape::Html) => out
            .write_str(&escape_html(text))
            .map_err(minijinja::Error::from),
        _ => minijinja::escape_formatter(out, state, value),
    });
    env.add_template("layout.html", include_str!("templates/layout.html"))?;
    env.add_template(PAGE, include_str!("templates/page.html"))?;
    env.add_template(INDEX, include_str!("templates/index.html"))?;
    Ok(env)
}

/// Escapes the five characters that matter in HTML text and quoted attributes. minijinja's
/// own escaper also turns every `/` into `&#x2f;`, which is harmless but bloats URLs and
/// data URIs sixfold in places and makes the exported source hard to read.
fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_compile_and_escape_html() {
        let env = environment().unwrap();
        let tmpl = env.get_template("layout.html").unwrap();
        let html = tmpl
            .render(minijinja::context! {
                site => minijinja::context! { language => "en", name => "<b>x</b>" },
                stylesheet => stylesheet(),
            })
            .unwrap();
        assert!(
            html.contains("<title>&lt;b&gt;x&lt;/b&gt;</title>"),
            "{html}"
        );
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
