//! Sanitizing every HTML string the renderer hands out.
//!
//! HTML that the validator proves conforming to the allowlist is returned as is; anything else
//! goes through a full ammonia clean configured from the very same allowlist
//! ([`super::policy`]), so both paths accept exactly the same elements, attributes and values.
//! Because the tree rewrite ([`super::rewrite`]) already enforces the URL rules and drops raw
//! HTML, the fallback is the exception, yet it is always there: whatever slips past the rewrite
//! is cleaned, never emitted.

use super::policy::{self, TrustedSources};
use super::validate;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// `html` cleaned against the allowlist, images limited to web, relative and `trusted` sources.
pub(super) fn sanitize(html: String, trusted: &TrustedSources) -> String {
    if validate::conforms(&html, trusted) {
        html
    } else {
        clean(&html, trusted)
    }
}

/// The full ammonia clean: parses, drops what the allowlist does not name, serializes.
pub(super) fn clean(html: &str, trusted: &TrustedSources) -> String {
    let mut schemes: HashSet<&str> = policy::LINK_SCHEMES.iter().copied().collect();
    schemes.extend(policy::IMAGE_SCHEMES.iter().copied());
    schemes.extend(trusted.schemes());
    let filter_sources = trusted.clone();
    ammonia::Builder::empty()
        .tags(policy::elements().map(|(name, _)| name).collect())
        .tag_attributes(
            policy::elements()
                .map(|(name, attrs)| (name, attrs.iter().copied().collect()))
                .collect::<HashMap<_, HashSet<_>>>(),
        )
        .generic_attributes(policy::GENERIC_ATTRIBUTES.iter().copied().collect())
        .url_schemes(schemes)
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None)
        .strip_comments(true)
        .attribute_filter(move |element, attribute, value| {
            policy::value_allowed(element, attribute, value, &filter_sources)
                .then_some(Cow::Borrowed(value))
        })
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trusted() -> TrustedSources {
        let mut trusted = TrustedSources::default();
        trusted.trust("asset://m/1.jpg");
        trusted
    }

    fn cleaned(html: &str) -> String {
        sanitize(html.to_string(), &trusted())
    }

    #[test]
    fn conforming_html_is_returned_untouched() {
        let html = "<p data-sourcepos=\"1:1-1:3\">a <a href=\"https://x.org\">b</a></p>\n";
        assert_eq!(cleaned(html), html);
    }

    #[test]
    fn anything_else_is_cleaned_by_the_same_allowlist() {
        let out = cleaned(
            "<p style=\"color:red\" onclick=\"x()\">a<script>alert(1)</script>\
             <a href=\"jav&#x61;script:alert(1)\">b</a><a href=\"https://x.org\">c</a>\
             <img src=\"asset://m/1.jpg\" alt=\"ok\"><img src=\"asset://m/2.jpg\">\
             <img src=\"data:text/html;base64,PHN2Zz4=\"><svg><circle/></svg>\
             <code class=\"language-rust evil\">x</code><span class=\"credit\">d</span></p>",
        );
        for gone in [
            "style",
            "onclick",
            "script",
            "alert",
            "javascript",
            "m/2.jpg",
            "data:",
            "svg",
            "evil",
        ] {
            assert!(!out.contains(gone), "{gone} survived in {out}");
        }
        for kept in [
            "href=\"https://x.org\"",
            "src=\"asset://m/1.jpg\"",
            "<span class=\"credit\">d</span>",
            "<p>a",
        ] {
            assert!(out.contains(kept), "{kept} lost from {out}");
        }
        assert!(validate::conforms(&out, &trusted()), "{out}");
    }
}
