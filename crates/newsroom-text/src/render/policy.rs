//! The allowlist: which elements, attributes, classes and URLs rendered HTML may contain.
//!
//! This is the single definition of "safe" for the renderer. The fast validator
//! ([`super::validate`]) and the ammonia fallback ([`super::sanitize`]) both ask these functions,
//! so the two paths cannot drift apart. Everything not listed here is refused.
//!
//! Deliberately absent: every element that changes how a browser tokenizes what follows it
//! (`script`, `style`, `textarea`, `title`, `iframe`, `noscript`, `xmp`, `plaintext`, `svg`,
//! `math`...). Because none of them is allowed, accepted output is tokenized in the plain data
//! state from start to end, which is what lets the validator be a small strict scanner.

/// Elements and the attributes each may carry (besides [`GENERIC_ATTRIBUTES`]).
const ELEMENTS: &[(&str, &[&str])] = &[
    (
        "a",
        &[
            "href",
            "title",
            "id",
            "class",
            "aria-label",
            "data-footnote-ref",
            "data-footnote-backref",
            "data-footnote-backref-idx",
        ],
    ),
    ("blockquote", &[]),
    ("br", &[]),
    ("code", &["class"]),
    ("del", &[]),
    ("div", &["class"]),
    ("em", &[]),
    ("figcaption", &[]),
    ("figure", &["class"]),
    ("h1", &[]),
    ("h2", &[]),
    ("h3", &[]),
    ("h4", &[]),
    ("h5", &[]),
    ("h6", &[]),
    ("hr", &[]),
    (
        "img",
        &["src", "alt", "title", "width", "height", "loading"],
    ),
    ("input", &["type", "checked", "disabled"]),
    ("li", &["id"]),
    ("ol", &["start"]),
    ("p", &[]),
    ("pre", &[]),
    ("section", &["class", "data-footnotes"]),
    ("span", &["class", "title"]),
    ("strong", &[]),
    ("sup", &["class"]),
    ("table", &[]),
    ("tbody", &[]),
    ("td", &["align"]),
    ("th", &["align"]),
    ("thead", &[]),
    ("tr", &[]),
    ("ul", &[]),
];

/// Attributes any allowed element may carry: the preview's scroll-sync positions.
pub(super) const GENERIC_ATTRIBUTES: &[&str] = &["data-sourcepos"];

/// Classes per element. `code` additionally accepts `language-…` (see [`class_allowed`]).
const CLASSES: &[(&str, &[&str])] = &[
    ("a", &["footnote-backref"]),
    ("div", &["placeholder"]),
    ("figure", &["awaiting", "missing"]),
    ("section", &["footnotes"]),
    ("span", &["credit", "broken-link", "missing", "awaiting"]),
    ("sup", &["footnote-ref"]),
];

/// URL schemes a link may use. Relative URLs and `#fragments` are allowed too.
pub(super) const LINK_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// URL schemes any image may use. Other image sources must be ones the resolver produced.
pub(super) const IMAGE_SCHEMES: &[&str] = &["http", "https"];

/// Image types a `data:` URI produced by the resolver may carry (single-file export).
const DATA_IMAGE_PREFIXES: &[&str] = &[
    "data:image/png;base64,",
    "data:image/jpeg;base64,",
    "data:image/gif;base64,",
    "data:image/webp;base64,",
];

/// Every allowed element with its specific attributes, for building the ammonia fallback.
pub(super) fn elements() -> impl Iterator<Item = (&'static str, &'static [&'static str])> {
    ELEMENTS.iter().copied()
}

/// Whether `element` is allowed at all.
pub(super) fn element_allowed(element: &str) -> bool {
    ELEMENTS.iter().any(|(name, _)| *name == element)
}

/// Whether `attribute` may appear on `element` (whatever its value).
pub(super) fn attribute_allowed(element: &str, attribute: &str) -> bool {
    GENERIC_ATTRIBUTES.contains(&attribute)
        || ELEMENTS
            .iter()
            .any(|(name, attrs)| *name == element && attrs.contains(&attribute))
}

/// Image sources this render may use beyond [`IMAGE_SCHEMES`] and relative paths: exactly the
/// URLs the resolver produced, in the form a browser reads them from the attribute.
#[derive(Debug, Clone, Default)]
pub(super) struct TrustedSources(Vec<String>);

impl TrustedSources {
    /// Records a resolver URL; refuses (returns `false`) URLs no resolver should produce, such as
    /// `javascript:` or a `data:` URI that is not a base64 image, so a faulty resolver cannot
    /// open a hole either.
    pub(super) fn trust(&mut self, url_as_read: &str) -> bool {
        let acceptable = match scheme(url_as_read) {
            Some(s) if s.eq_ignore_ascii_case("data") => DATA_IMAGE_PREFIXES
                .iter()
                .any(|p| starts_with_ignore_case(url_as_read, p)),
            Some(s) => !["javascript", "vbscript", "file"]
                .iter()
                .any(|bad| s.eq_ignore_ascii_case(bad)),
            None => true,
        };
        if acceptable && !self.0.iter().any(|u| u == url_as_read) {
            self.0.push(url_as_read.to_string());
        }
        acceptable
    }

    fn contains(&self, url: &str) -> bool {
        self.0.iter().any(|u| u == url)
    }

    /// The schemes of the trusted sources, which ammonia must be told about.
    pub(super) fn schemes(&self) -> impl Iterator<Item = &str> {
        self.0.iter().filter_map(|u| scheme(u))
    }
}

/// Whether `value` (entity-decoded, as a browser reads it) is acceptable for `attribute` on
/// `element`. Assumes [`attribute_allowed`] already said yes.
pub(super) fn value_allowed(
    element: &str,
    attribute: &str,
    value: &str,
    trusted: &TrustedSources,
) -> bool {
    match (element, attribute) {
        ("a", "href") => link_allowed(value),
        ("img", "src") => image_allowed(value, trusted),
        (_, "class") => value
            .split_ascii_whitespace()
            .all(|class| class_allowed(element, class)),
        (_, "id") => value.starts_with("fn-") || value.starts_with("fnref-"),
        ("input", "type") => value == "checkbox",
        ("img", "loading") => value == "lazy",
        (_, "align") => matches!(value, "left" | "center" | "right"),
        (_, "width" | "height" | "start" | "data-footnote-backref-idx") => {
            !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit())
        }
        (_, "data-sourcepos") => value
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b':' || b == b'-'),
        // Valueless flags and free text (title, alt, aria-label): any text is inert once the
        // attribute is quoted, which both the formatter and ammonia guarantee.
        _ => true,
    }
}

/// The language name a code block's info string starts with (`rust` in `rust,ignore`): the
/// leading characters allowed in a `language-…` class.
pub(super) fn language(info: &str) -> &str {
    let end = info
        .bytes()
        .position(|b| !language_byte(b))
        .unwrap_or(info.len());
    &info[..end]
}

fn language_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"+#._-".contains(&b)
}

/// Whether `class` may appear on `element`.
fn class_allowed(element: &str, class: &str) -> bool {
    if element == "code" {
        return class
            .strip_prefix("language-")
            .is_some_and(|lang| !lang.is_empty() && lang.bytes().all(language_byte));
    }
    CLASSES
        .iter()
        .any(|(name, classes)| *name == element && classes.contains(&class))
}

/// Link targets: relative URLs, fragments and [`LINK_SCHEMES`].
pub(super) fn link_allowed(url: &str) -> bool {
    url_well_formed(url)
        && scheme(url).is_none_or(|s| LINK_SCHEMES.iter().any(|ok| s.eq_ignore_ascii_case(ok)))
}

/// Image sources: relative URLs, [`IMAGE_SCHEMES`], and what the resolver produced.
pub(super) fn image_allowed(url: &str, trusted: &TrustedSources) -> bool {
    trusted.contains(url)
        || (url_well_formed(url)
            && scheme(url)
                .is_none_or(|s| IMAGE_SCHEMES.iter().any(|ok| s.eq_ignore_ascii_case(ok))))
}

/// Browsers drop tabs and newlines anywhere in a URL and trim spaces and control characters, so
/// `java\tscript:` is `javascript:` to them. Rather than imitate that, refuse any URL containing
/// such characters (the formatter percent-encodes them, so honest URLs never do).
fn url_well_formed(url: &str) -> bool {
    !url.bytes().any(|b| b <= b' ' || b == 0x7f)
}

/// The scheme of an absolute URL: the text before the first `:` when it comes before any `/`,
/// `?` or `#`. Anything else is relative.
fn scheme(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '?', '#'])?;
    (url.as_bytes()[end] == b':').then(|| &url[..end])
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_allow_web_mail_phone_and_relative_targets_only() {
        for ok in [
            "https://x.org/a?b#c",
            "http://x",
            "mailto:a@b.c",
            "tel:+4612",
            "#fn-1",
            "../other.html",
            "page.html?x=a:b",
            "HTTPS://X.ORG",
        ] {
            assert!(link_allowed(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "vbscript:msgbox",
            "data:text/html,<script>",
            "java\tscript:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:x",
            "file:///etc/passwd",
            "photo:12",
        ] {
            assert!(!link_allowed(bad), "{bad:?}");
        }
    }

    #[test]
    fn images_allow_only_web_relative_and_resolver_sources() {
        let mut trusted = TrustedSources::default();
        assert!(trusted.trust("asset://localhost/media/ab.jpg"));
        assert!(trusted.trust("data:image/png;base64,iVBO"));
        assert!(!trusted.trust("data:text/html;base64,PHNjcmlwdD4="));
        assert!(!trusted.trust("javascript:alert(1)"));
        assert!(image_allowed("asset://localhost/media/ab.jpg", &trusted));
        assert!(image_allowed("data:image/png;base64,iVBO", &trusted));
        assert!(image_allowed("images/a.jpg", &trusted));
        assert!(image_allowed("https://x.org/a.jpg", &trusted));
        assert!(!image_allowed("asset://localhost/etc/passwd", &trusted));
        assert!(!image_allowed("data:image/png;base64,other", &trusted));
        assert!(!image_allowed(
            "data:text/html;base64,PHNjcmlwdD4=",
            &trusted
        ));
        assert!(!image_allowed("javascript:alert(1)", &trusted));
    }

    #[test]
    fn values_are_checked_per_attribute() {
        let t = TrustedSources::default();
        assert!(value_allowed("code", "class", "language-rust", &t));
        assert!(!value_allowed("code", "class", "language-", &t));
        assert!(!value_allowed("code", "class", "x", &t));
        assert!(value_allowed("span", "class", "broken-link", &t));
        assert!(!value_allowed("span", "class", "credit evil", &t));
        assert!(value_allowed("li", "id", "fn-1", &t));
        assert!(!value_allowed("li", "id", "main", &t));
        assert!(!value_allowed("input", "type", "text", &t));
        assert!(!value_allowed("img", "width", "100%", &t));
        assert!(!value_allowed("p", "data-sourcepos", "1:1\" x", &t));
        assert!(attribute_allowed("p", "data-sourcepos"));
        assert!(!attribute_allowed("p", "style"));
        assert!(!attribute_allowed("img", "onerror"));
        assert!(!element_allowed("script") && !element_allowed("svg"));
    }
}
