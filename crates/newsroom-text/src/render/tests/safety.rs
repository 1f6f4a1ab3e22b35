//! Adversarial Markdown: nothing that can run script may reach the output, in either target.

use super::*;
use crate::render::policy::TrustedSources;
use crate::render::validate;

const ATTACKS: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//x.org/x.js></SCRIPT>",
    "text <script>alert(1)</script> inline",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)><circle/></svg>",
    "<iframe src=\"https://x.org\"></iframe>",
    "<p style=\"background:url(javascript:alert(1))\">x</p>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](jav&#x61;script:alert(1))",
    "[x](javascript&#58;alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](<java\tscript:alert(1)>)",
    "[x](<javascript\n:alert(1)>)",
    "[x]: javascript:alert(1)\n\n[y][x]",
    "<javascript:alert(1)>",
    "![x](javascript:alert(1))",
    "![x](data:text/html;base64,PHNjcmlwdD4=)",
    "![x](data:image/svg+xml;base64,PHN2Zz4=)",
    "![x\" onerror=\"alert(1)](y.png)",
    "![x](y.png \"t\\\" onerror=\\\"alert(1)\")",
    "[![a](javascript:alert(1))](javascript:alert(2))",
    "[![a](photo:12)](javascript:alert(2))",
    "![![inner](javascript:x)](y.png)",
    "[x](y \"<script>alert(1)</script>\")",
    "![<script>alert(1)</script>](photo:12 \"<img src=x onerror=alert(1)>\")",
    "[^\"><script>alert(1)</script>]\n\n[^\"><script>alert(1)</script>]: note",
    "[^a onclick=alert(1)]\n\n[^a onclick=alert(1)]: n",
    "[[javascript:alert(1)]]",
    "[[x\" onclick=\"alert(1)|y]]",
    "www.x.org/<script>alert(1)</script>",
    "```js\" onmouseover=\"alert(1)\ncode\n```",
    "<!-- <script>alert(1)</script> -->",
    "<style>body{display:none}</style>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
];

/// Markup that would run script or restyle the page, as it appears in serialized HTML (text and
/// attribute values are escaped, so a raw `"` or `<` here can only be markup).
fn dangerous(html: &str) -> Option<&'static str> {
    let lower = html.to_ascii_lowercase();
    [
        "<script",
        "<svg",
        "<iframe",
        "<style",
        "<math",
        "<!--",
        "style=\"",
        "href=\"javascript",
        "src=\"javascript",
        "href=\"vbscript",
        "href=\"data:",
        "src=\"data:text",
        "src=\"data:image/svg",
        " onerror=\"",
        " onload=\"",
        " onclick=\"",
        " onmouseover=\"",
    ]
    .into_iter()
    .find(|needle| lower.contains(needle))
}

#[test]
fn no_attack_survives_in_preview_or_export() {
    for attack in ATTACKS {
        for (target, out) in [("preview", preview(attack)), ("export", export(attack))] {
            assert_eq!(
                dangerous(&out.html),
                None,
                "{target} of {attack:?}: {}",
                out.html
            );
            let mut trusted = TrustedSources::default();
            trusted.trust("asset://localhost/media/ab12.jpg");
            trusted.trust("images/ab12.jpg");
            assert!(
                validate::conforms(&out.html, &trusted),
                "{target} of {attack:?} is outside the allowlist: {}",
                out.html
            );
        }
    }
}

#[test]
fn refused_addresses_are_reported_and_text_is_kept() {
    let out = preview("[click](javascript:alert(1)) ![pic](javascript:x)\n");
    assert!(out.html.contains(
        "<span class=\"broken-link\" title=\"This link’s address is not allowed\">click</span>"
    ));
    assert!(
        out.html
            .contains("<span class=\"missing\">This image’s address is not allowed</span>")
    );
    assert_eq!(out.problems.len(), 2);
    assert_eq!(
        export("[click](javascript:alert(1))\n").html,
        "<p>click</p>\n"
    );
}

/// A resolver that went wrong must not open a hole either.
struct Hostile;

impl Resolver for Hostile {
    fn photo(&self, _: PhotoId) -> Option<ResolvedPhoto> {
        Some(ResolvedPhoto {
            url: "javascript:alert(1)".into(),
            alt: "\"><script>alert(1)</script>".into(),
            caption: "<img src=x onerror=alert(1)>".into(),
            credit: "<svg onload=alert(1)>".into(),
            ..ResolvedPhoto::default()
        })
    }

    fn article(&self, _: ArticleRef<'_>) -> Option<ResolvedArticle> {
        Some(ResolvedArticle {
            id: 1,
            url: "javascript:alert(1)".into(),
            headline: "<script>alert(1)</script>".into(),
        })
    }
}

#[test]
fn a_hostile_resolver_cannot_inject_markup_or_addresses() {
    for target in [Target::Preview, Target::Export] {
        let out = render("![](photo:1)\n\n[[x]] [y](article:1)\n", target, &Hostile);
        assert_eq!(dangerous(&out.html), None, "{}", out.html);
        assert!(!out.html.contains("<img"), "{}", out.html);
        assert!(!out.html.contains("<a "), "{}", out.html);
    }
}
