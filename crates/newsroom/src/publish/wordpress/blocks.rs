//! The post body as WordPress block markup: the export's rendering, block by block, so the post
//! opens in the block editor as paragraphs, headings, lists, quotes, tables, code, separators
//! and images rather than as one Classic block.
//!
//! [`block_markup`] takes the body as [`render_blocks`](crate::render::render_blocks) renders it
//! for [`Target::Export`](crate::render::Target::Export) (the export's renderer, with a resolver
//! that gives each photo its URL on the site) and writes each block as WordPress's serializer
//! does: the opening comment `<!-- wp:name {attributes} -->`, a line break, the block's HTML, a
//! line break, the closing comment `<!-- /wp:name -->`, and a blank line between blocks. The
//! HTML inside each block is the renderer's, sanitized; only the block's own element is
//! written here, exactly as the block's `save` writes it, because the editor compares the two
//! and shows "This block contains unexpected or invalid content" on any difference. A library
//! photo is written from data: the media id and URL the site gave it ([`RemotePhoto`]) and the
//! alt, caption and credit its figure shows in the export ([`PhotoFigure`]).
//!
//! # The forms written, and what they were checked against
//!
//! WordPress 6.1 (Debian's `wordpress` 6.1.9: `wp-includes/blocks/*/block.json`, and the
//! `save` functions and deprecations in `wp-includes/js/dist/block-library.js`), and the block
//! library's current sources for the versions after it:
//!
//! - Paragraph `<p>`. Heading `<hN>`, with `{"level":N}` unless N is 2 (the default); later
//!   versions add the class `wp-block-heading` and migrate headings without it.
//! - List `<ul>` or `<ol start="N">` with its items as HTML, `{"ordered":true,"start":N}`: the
//!   form without list-item blocks. Since 6.1 the list block saves each item as a list-item
//!   block, and its deprecation migrates this form to them, in 6.1 and later versions alike.
//! - Quote `<blockquote class="wp-block-quote">` around paragraphs: the form without paragraph
//!   blocks, migrated likewise. That form keeps only the quote's `<p>` children, so a quote
//!   holding anything else is written as Custom HTML rather than lose part of it.
//! - Table `<figure class="wp-block-table"><table>`, `{"hasFixedLayout":false}`: said outright,
//!   as later versions made fixed layout (equal columns) the default. The table block keeps a
//!   column's alignment only as its own `data-align`, so a table with aligned columns is Custom
//!   HTML.
//! - Code `<pre class="wp-block-code"><code>`. Separator
//!   `<hr class="wp-block-separator has-alpha-channel-opacity"/>`.
//! - Image `{"id":N,"sizeSlug":"large","linkDestination":"none"}` with
//!   `<figure class="wp-block-image size-large"><img src alt class="wp-image-N"/>` and
//!   `<figcaption class="wp-element-caption">` (the class 6.1 introduced), which 6.1 and later
//!   versions validate as they stand. No width or height: in the block they would mark the
//!   image as resized by hand, and WordPress writes the file's size into the `<img>` itself when
//!   it shows the post, from the attachment `wp-image-N` names.
//! - Anything else (footnotes, an image from the web, a quote or table the blocks above cannot
//!   hold) is a Custom HTML block (`wp:html`), which keeps its HTML as written.
//!
//! # Nothing in the article can open or close a block
//!
//! WordPress finds blocks by their comments. Every `<` of the body's text and attributes reaches
//! the HTML escaped (comrak's escaping, in the renderer and here for the image), so text cannot
//! write `<!--`, and `<!--` and `-->` appear nowhere but in the delimiters. The attributes' JSON
//! escapes `-`, `<`, `>` and `&` as `\u00XX`, as WordPress's serializer does, and quotes and
//! backslashes too, which the server's stripslashes would otherwise take apart.
//!
//! # Text that WordPress would run instead of showing
//!
//! WordPress expands shortcodes (`[gallery]`) anywhere in a post and turns a URL alone on its
//! line into an embedded player. The export shows both as the text they are, so every `[` is
//! written `&#91;` and the `//` of a URL that starts a line `&#47;&#47;`, the escapes
//! WordPress's own code block uses; browsers and the editor read them as the same characters.

use std::collections::HashMap;
use std::io;

use serde::Serialize;
use serde_json::ser::{CharEscape, CompactFormatter, Formatter};

use crate::model::PhotoId;
use crate::render::{Block, BlockKind, PhotoFigure};

/// A library photo as the site holds it, once uploaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemotePhoto {
    /// The site's media (attachment) id.
    pub media_id: u64,
    /// Where the site serves the image.
    pub url: String,
}

/// A photo block whose photo is not on the site. The caller uploads every photo of the body
/// before writing the post, so one missing is refused rather than left out of the post.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Photo {0} is not on the site; it must be uploaded before the post is written.")]
pub struct PhotoNotOnSite(pub PhotoId);

/// The post body: `blocks` (from [`render_blocks`](crate::render::render_blocks) for export) as
/// WordPress block markup, each photo block written from `remote`.
///
/// Fails on the first photo block whose photo `remote` lacks. A photo in running text is not a
/// block: it is in its paragraph's HTML with the URL the resolver gave it, and one the resolver
/// had no URL for is in the render's problems ([`Problem::PhotoAwaitingFile`]), which the caller
/// refuses like a missing photo.
///
/// [`Problem::PhotoAwaitingFile`]: crate::render::Problem::PhotoAwaitingFile
pub fn block_markup(
    blocks: &[Block],
    remote: &HashMap<PhotoId, RemotePhoto>,
) -> Result<String, PhotoNotOnSite> {
    let mut out = String::new();
    for block in blocks {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        write_block(&mut out, block, remote)?;
    }
    Ok(out)
}

/// What the export prints above the body, as paragraphs before the body's blocks: the byline
/// ("By Ana Ruiz") and the dateline, each with its class, as on the exported page, so a theme
/// can style them. WordPress names the account that publishes as the post's author; the byline
/// says who wrote the story. Empty when the article has neither.
pub fn opening(byline: &str, dateline: &str) -> String {
    let mut out = String::new();
    let byline = byline.trim();
    let lines = [
        (
            "byline",
            (!byline.is_empty()).then(|| format!("By {byline}")),
        ),
        (
            "dateline",
            Some(dateline.trim().to_owned()).filter(|d| !d.is_empty()),
        ),
    ];
    for (class, text) in lines {
        let Some(text) = text else { continue };
        let mut html = format!("<p class=\"{class}\">");
        // Writing into a String cannot fail.
        let _ = comrak::html::escape(&mut html, &text);
        html.push_str("</p>");
        let attributes = json(&ParagraphAttributes { class_name: class });
        delimit(&mut out, "paragraph", Some(attributes), &html);
        out.push_str("\n\n");
    }
    out
}

const SEPARATOR: &str = "<hr class=\"wp-block-separator has-alpha-channel-opacity\"/>";

/// Appends `block` as the WordPress block of its kind, or as Custom HTML when no block of its
/// kind can hold it as it is.
fn write_block(
    out: &mut String,
    block: &Block,
    remote: &HashMap<PhotoId, RemotePhoto>,
) -> Result<(), PhotoNotOnSite> {
    match (&block.kind, block.inner_html()) {
        (BlockKind::Paragraph, Some(inner)) => {
            delimit(out, "paragraph", None, &format!("<p>{inner}</p>"));
        }
        (BlockKind::Heading { level }, Some(inner)) => {
            let level = *level;
            let attributes = (level != 2).then(|| json(&HeadingAttributes { level }));
            let html = format!("<h{level}>{inner}</h{level}>");
            delimit(out, "heading", attributes, &html);
        }
        (BlockKind::List { ordered: false, .. }, Some(inner)) => {
            delimit(out, "list", None, &format!("<ul>{inner}</ul>"));
        }
        (
            BlockKind::List {
                ordered: true,
                start,
            },
            Some(inner),
        ) => {
            let start = (*start != 1).then_some(*start);
            let attributes = json(&ListAttributes {
                ordered: true,
                start,
            });
            let html = match start {
                Some(start) => format!("<ol start=\"{start}\">{inner}</ol>"),
                None => format!("<ol>{inner}</ol>"),
            };
            delimit(out, "list", Some(attributes), &html);
        }
        (
            BlockKind::Quote {
                only_paragraphs: true,
            },
            Some(inner),
        ) => {
            let html = format!("<blockquote class=\"wp-block-quote\">{inner}</blockquote>");
            delimit(out, "quote", None, &html);
        }
        (BlockKind::Table { aligned: false }, Some(inner)) => {
            let attributes = json(&TableAttributes {
                has_fixed_layout: false,
            });
            let html = format!("<figure class=\"wp-block-table\"><table>{inner}</table></figure>");
            delimit(out, "table", Some(attributes), &html);
        }
        (BlockKind::Code, Some(inner)) => {
            let html = format!("<pre class=\"wp-block-code\"><code>{inner}</code></pre>");
            delimit(out, "code", None, &html);
        }
        (BlockKind::ThematicBreak, _) => delimit(out, "separator", None, SEPARATOR),
        (BlockKind::Photo(figure), _) => {
            let site = remote.get(&figure.id).ok_or(PhotoNotOnSite(figure.id))?;
            let attributes = json(&ImageAttributes {
                id: site.media_id,
                size_slug: "large",
                link_destination: "none",
            });
            delimit(out, "image", Some(attributes), &image(figure, site));
        }
        _ => delimit(out, "html", None, block.html.trim_end_matches('\n')),
    }
    Ok(())
}

/// The image block's figure, as its `save` writes it.
fn image(figure: &PhotoFigure, site: &RemotePhoto) -> String {
    let mut html = String::from("<figure class=\"wp-block-image size-large\"><img src=\"");
    // Writing into a String cannot fail.
    let _ = comrak::html::escape_href(&mut html, &site.url, false);
    html.push_str("\" alt=\"");
    let _ = comrak::html::escape(&mut html, &figure.alt);
    html.push_str(&format!("\" class=\"wp-image-{}\"/>", site.media_id));
    let caption = figure.caption_html();
    if !caption.is_empty() {
        html.push_str("<figcaption class=\"wp-element-caption\">");
        html.push_str(&caption);
        html.push_str("</figcaption>");
    }
    html.push_str("</figure>");
    html
}

/// Appends one block as WordPress's serializer writes it: the opening comment, with the
/// attributes when there are any, the HTML on the lines between, the closing comment.
fn delimit(out: &mut String, name: &str, attributes: Option<String>, html: &str) {
    out.push_str("<!-- wp:");
    out.push_str(name);
    out.push(' ');
    if let Some(attributes) = attributes {
        out.push_str(&attributes);
        out.push(' ');
    }
    out.push_str("-->\n");
    push_inert(out, html);
    out.push_str("\n<!-- /wp:");
    out.push_str(name);
    out.push_str(" -->");
}

/// Appends `html` with what WordPress would run rather than show made inert (see the module
/// documentation): `[` as `&#91;`, and the `//` of a URL that starts a line as `&#47;&#47;`.
fn push_inert(out: &mut String, html: &str) {
    for (index, line) in html.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let text = line.trim_start();
        out.push_str(&line[..line.len() - text.len()]);
        let text = match web_scheme(text) {
            Some(scheme) => {
                out.push_str(scheme);
                out.push_str("&#47;&#47;");
                &text[scheme.len() + 2..]
            }
            None => text,
        };
        out.push_str(&text.replace('[', "&#91;"));
    }
}

/// `http:` or `https:`, as written, when `text` starts with it and `//`, in any case (as
/// WordPress's embeds match them).
fn web_scheme(text: &str) -> Option<&str> {
    ["http:", "https:"].iter().find_map(|scheme| {
        let head = text.get(..scheme.len())?;
        (head.eq_ignore_ascii_case(scheme) && text[scheme.len()..].starts_with("//"))
            .then_some(head)
    })
}

#[derive(Serialize)]
struct HeadingAttributes {
    level: u8,
}

#[derive(Serialize)]
struct ListAttributes {
    ordered: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<usize>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ParagraphAttributes {
    class_name: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TableAttributes {
    has_fixed_layout: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ImageAttributes {
    id: u64,
    size_slug: &'static str,
    link_destination: &'static str,
}

/// Block attributes as JSON that can stand in a comment (see the module documentation).
fn json(attributes: &impl Serialize) -> String {
    let mut json = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut json, InComment);
    // Plain structs of numbers, booleans and strings serialize into memory without fail, and
    // serde_json writes UTF-8.
    let _ = attributes.serialize(&mut serializer);
    String::from_utf8(json).unwrap_or_default()
}

/// serde_json's compact output, with every character that could end or open a comment, or lose
/// its escaping to stripslashes, written as a `\u00XX` escape inside strings.
struct InComment;

impl Formatter for InComment {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some(at) = rest.find(['-', '<', '>', '&']) {
            writer.write_all(&rest.as_bytes()[..at])?;
            write!(writer, "\\u{:04x}", rest.as_bytes()[at])?;
            rest = &rest[at + 1..];
        }
        writer.write_all(rest.as_bytes())
    }

    fn write_char_escape<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        char_escape: CharEscape,
    ) -> io::Result<()> {
        match char_escape {
            CharEscape::Quote => writer.write_all(b"\\u0022"),
            CharEscape::ReverseSolidus => writer.write_all(b"\\u005c"),
            other => CompactFormatter.write_char_escape(writer, other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byline_and_dateline_open_the_post_as_classed_paragraphs() {
        assert_eq!(
            opening(" Ana Ruiz ", "STOCKHOLM"),
            "<!-- wp:paragraph {\"className\":\"byline\"} -->\n<p class=\"byline\">By Ana Ruiz</p>\n<!-- /wp:paragraph -->\n\n\
             <!-- wp:paragraph {\"className\":\"dateline\"} -->\n<p class=\"dateline\">STOCKHOLM</p>\n<!-- /wp:paragraph -->\n\n"
        );
        assert_eq!(opening("", " "), "");
        assert!(
            opening("<!-- wp:html --> [gallery]", "")
                .contains("&lt;!-- wp:html --&gt; &#91;gallery]")
        );
    }
    use crate::render::{ArticleRef, ResolvedArticle, ResolvedPhoto, Resolver, Target};
    use serde_json::{Value, json};

    const PHOTO_URL: &str = "https://news.example/wp-content/uploads/2024/05/ab12.jpg";

    /// The library as publishing resolves it: photo 12 uploaded, 13 awaiting its file, 14 with
    /// hostile text; no article has a page.
    struct Site;

    impl Resolver for Site {
        fn photo(&self, id: PhotoId) -> Option<ResolvedPhoto> {
            match id {
                12 => Some(ResolvedPhoto {
                    url: PHOTO_URL.into(),
                    alt: "Protesters outside parliament".into(),
                    caption: "Crowds gathered before dawn.".into(),
                    credit: "POOL (Reuters)".into(),
                    width: Some(1200),
                    height: Some(800),
                }),
                13 => Some(ResolvedPhoto {
                    caption: "The harbour at night.".into(),
                    ..ResolvedPhoto::default()
                }),
                14 => Some(ResolvedPhoto {
                    url: PHOTO_URL.into(),
                    alt: "\"><script>alert(1)</script> --> <!-- wp:html -->".into(),
                    caption: "A [gallery] --> <!-- /wp:image -->".into(),
                    credit: "<b>me</b> & \"you\"".into(),
                    ..ResolvedPhoto::default()
                }),
                _ => None,
            }
        }

        fn article(&self, _: ArticleRef<'_>) -> Option<ResolvedArticle> {
            None
        }
    }

    /// What the site holds after the photos' upload: only photos 12 and 14.
    fn remote() -> HashMap<PhotoId, RemotePhoto> {
        [12, 14]
            .into_iter()
            .map(|id| {
                let photo = RemotePhoto {
                    media_id: 29 + u64::try_from(id).unwrap_or_default(),
                    url: PHOTO_URL.into(),
                };
                (id, photo)
            })
            .collect()
    }

    fn markup(markdown: &str) -> Result<String, PhotoNotOnSite> {
        block_markup(
            &crate::render::render_blocks(markdown, Target::Export, &Site).blocks,
            &remote(),
        )
    }

    /// A block as WordPress's parser finds it.
    #[derive(Debug)]
    struct Parsed {
        name: String,
        attributes: Option<Value>,
        html: String,
    }

    /// The blocks WordPress's parser finds in `markup`, checked the stricter way: every `<!--`
    /// and `-->` belongs to a delimiter on a line of its own, openers and closers alternate with
    /// the same name, attributes are JSON, and only blank lines stand between blocks.
    fn parse(markup: &str) -> Vec<Parsed> {
        let mut blocks = Vec::new();
        let mut open: Option<Parsed> = None;
        let mut delimiters = 0;
        for line in markup.split('\n') {
            if let Some(rest) = line.strip_prefix("<!-- /wp:") {
                let name = rest.strip_suffix(" -->").expect(line);
                let block = open.take().expect("a closer without its opener");
                assert_eq!(block.name, name, "{markup}");
                blocks.push(block);
                delimiters += 1;
            } else if let Some(rest) = line.strip_prefix("<!-- wp:") {
                assert!(open.is_none(), "a block inside a block: {line}");
                let rest = rest.strip_suffix(" -->").expect(line);
                let (name, attributes) = match rest.split_once(' ') {
                    Some((name, json)) => (name, Some(serde_json::from_str(json).expect(json))),
                    None => (rest, None),
                };
                open = Some(Parsed {
                    name: name.to_string(),
                    attributes,
                    html: String::new(),
                });
                delimiters += 1;
            } else if let Some(block) = &mut open {
                if !block.html.is_empty() {
                    block.html.push('\n');
                }
                block.html.push_str(line);
            } else {
                assert_eq!(line, "", "text outside a block in {markup}");
            }
        }
        assert!(open.is_none(), "an unclosed block in {markup}");
        assert_eq!(markup.matches("<!--").count(), delimiters, "{markup}");
        assert_eq!(markup.matches("-->").count(), delimiters, "{markup}");
        blocks
    }

    #[test]
    fn each_kind_of_block_is_written_as_its_save_writes_it() {
        let body = "\
Intro, *with* a [link](https://x.org/a?b=1&c=2).

## Section

### Details

- one
- two

3. three
4. four

1) first

> Quoted.
>
> More.

| a | b |
|---|---|
| 1 | 2 |

```rust
let x = 1 < 2;
```

---

![](photo:12)
";
        let expected = r#"<!-- wp:paragraph -->
<p>Intro, <em>with</em> a <a href="https://x.org/a?b=1&amp;c=2">link</a>.</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2>Section</h2>
<!-- /wp:heading -->

<!-- wp:heading {"level":3} -->
<h3>Details</h3>
<!-- /wp:heading -->

<!-- wp:list -->
<ul>
<li>one</li>
<li>two</li>
</ul>
<!-- /wp:list -->

<!-- wp:list {"ordered":true,"start":3} -->
<ol start="3">
<li>three</li>
<li>four</li>
</ol>
<!-- /wp:list -->

<!-- wp:list {"ordered":true} -->
<ol>
<li>first</li>
</ol>
<!-- /wp:list -->

<!-- wp:quote -->
<blockquote class="wp-block-quote">
<p>Quoted.</p>
<p>More.</p>
</blockquote>
<!-- /wp:quote -->

<!-- wp:table {"hasFixedLayout":false} -->
<figure class="wp-block-table"><table>
<thead>
<tr>
<th>a</th>
<th>b</th>
</tr>
</thead>
<tbody>
<tr>
<td>1</td>
<td>2</td>
</tr>
</tbody>
</table></figure>
<!-- /wp:table -->

<!-- wp:code -->
<pre class="wp-block-code"><code>let x = 1 &lt; 2;
</code></pre>
<!-- /wp:code -->

<!-- wp:separator -->
<hr class="wp-block-separator has-alpha-channel-opacity"/>
<!-- /wp:separator -->

<!-- wp:image {"id":41,"sizeSlug":"large","linkDestination":"none"} -->
<figure class="wp-block-image size-large"><img src="https://news.example/wp-content/uploads/2024/05/ab12.jpg" alt="Protesters outside parliament" class="wp-image-41"/><figcaption class="wp-element-caption">Crowds gathered before dawn. <span class="credit">POOL (Reuters)</span></figcaption></figure>
<!-- /wp:image -->"#;
        let written = markup(body).unwrap();
        assert_eq!(written, expected);
        assert_eq!(parse(&written).len(), 11);
    }

    #[test]
    fn the_photo_block_uses_the_alt_and_caption_written_in_the_body() {
        let written =
            markup("![Riot police](photo:12 \"Police & crowds\")\n\n![](photo:12 \"\")\n").unwrap();
        let blocks = parse(&written);
        assert_eq!(
            blocks[0].attributes,
            Some(json!({"id": 41, "sizeSlug": "large", "linkDestination": "none"}))
        );
        assert!(blocks[0].html.contains(
            "alt=\"Riot police\" class=\"wp-image-41\"/><figcaption class=\"wp-element-caption\">\
             Police &amp; crowds <span class=\"credit\">POOL (Reuters)</span></figcaption>"
        ), "{}", blocks[0].html);
    }

    #[test]
    fn a_photo_with_neither_caption_nor_credit_has_no_figcaption() {
        let figure = PhotoFigure {
            id: 12,
            alt: String::new(),
            caption: String::new(),
            credit: String::new(),
        };
        let site = RemotePhoto {
            media_id: 7,
            url: "https://news.example/a b.jpg".into(),
        };
        assert_eq!(
            image(&figure, &site),
            "<figure class=\"wp-block-image size-large\"><img src=\"https://news.example/a%20b.jpg\" \
             alt=\"\" class=\"wp-image-7\"/></figure>"
        );
    }

    #[test]
    fn a_photo_the_site_does_not_have_is_refused_not_dropped() {
        // Photo 13 awaits its file, so it was never uploaded; its export figure is a caption.
        assert_eq!(
            markup("Before.\n\n![](photo:13)\n"),
            Err(PhotoNotOnSite(13))
        );
        assert_eq!(
            PhotoNotOnSite(13).to_string(),
            "Photo 13 is not on the site; it must be uploaded before the post is written."
        );
    }

    #[test]
    fn blocks_wordpress_could_not_hold_are_custom_html() {
        let body = "\
> - a list in a quote

| left | right |
|:-----|------:|
| 1    | 2     |

![chart](https://x.org/c.png)

Noted.[^n]

[^n]: The note.
";
        let written = markup(body).unwrap();
        let names: Vec<_> = parse(&written).into_iter().map(|b| b.name).collect();
        assert_eq!(names, ["html", "html", "html", "paragraph", "html"]);
        assert!(
            written.starts_with(
                "<!-- wp:html -->\n<blockquote>\n<ul>\n<li>a list in a quote</li>\n</ul>\n\
             </blockquote>\n<!-- /wp:html -->\n\n<!-- wp:html -->\n<table>\n"
            ),
            "{written}"
        );
        assert!(written.contains("<td align=\"right\">2</td>"));
        assert!(
            written.ends_with("</ol>\n</section>\n<!-- /wp:html -->"),
            "{written}"
        );
    }

    #[test]
    fn text_in_the_article_cannot_open_or_close_a_block() {
        let body = "\
# Heading --> <!-- wp:html -->

Text `<!-- /wp:paragraph -->` and \\<!-- wp:html --> and --> alone.

```
<!-- /wp:code -->
-->
```

![](photo:14)

- <!-- wp:list -->
";
        let written = markup(body).unwrap();
        let blocks = parse(&written);
        let names: Vec<_> = blocks.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["heading", "paragraph", "code", "image", "list"]);
        assert_eq!(blocks[0].html, "<h1>Heading --&gt; </h1>");
        assert_eq!(
            blocks[1].html,
            "<p>Text <code>&lt;!-- /wp:paragraph --&gt;</code> and &lt;!-- wp:html --&gt; and \
             --&gt; alone.</p>"
        );
        assert_eq!(
            blocks[2].html,
            "<pre class=\"wp-block-code\"><code>&lt;!-- /wp:code --&gt;\n--&gt;\n</code></pre>"
        );
        assert_eq!(
            blocks[3].html,
            "<figure class=\"wp-block-image size-large\"><img src=\"https://news.example/wp-content/uploads/2024/05/ab12.jpg\" \
             alt=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; --&gt; &lt;!-- wp:html --&gt;\" \
             class=\"wp-image-43\"/><figcaption class=\"wp-element-caption\">A &#91;gallery] --&gt; \
             &lt;!-- /wp:image --&gt; <span class=\"credit\">&lt;b&gt;me&lt;/b&gt; &amp; \
             &quot;you&quot;</span></figcaption></figure>"
        );
        assert!(!written.contains("<script") && !written.contains("<b>"));
    }

    #[test]
    fn attributes_cannot_leave_their_comment() {
        let hostile = json!({
            "caption": "--> <!-- /wp:image --> </script> & \"x\\\" \\",
            "level": -1,
        });
        let written = json(&hostile);
        for escaped in ["--", "<", ">", "&", "\\\"", "\\\\"] {
            assert!(!written.contains(escaped), "{escaped} in {written}");
        }
        assert_eq!(serde_json::from_str::<Value>(&written).unwrap(), hostile);
        let block = format!("<!-- wp:heading {written} -->\n<h2>x</h2>\n<!-- /wp:heading -->");
        assert_eq!(parse(&block)[0].attributes, Some(hostile));
    }

    #[test]
    fn shortcodes_and_lone_urls_are_shown_not_run() {
        let body = "\
See [gallery] and [embed]x[/embed].

```
[gallery ids=\"1\"]
  https://youtube.com/watch?v=x
HTTP://EXAMPLE.COM/x and more
```
";
        let written = markup(body).unwrap();
        assert_eq!(
            written,
            "<!-- wp:paragraph -->\n<p>See &#91;gallery] and &#91;embed]x&#91;/embed].</p>\n\
             <!-- /wp:paragraph -->\n\n<!-- wp:code -->\n<pre class=\"wp-block-code\"><code>\
             &#91;gallery ids=&quot;1&quot;]\n  https:&#47;&#47;youtube.com/watch?v=x\n\
             HTTP:&#47;&#47;EXAMPLE.COM/x and more\n</code></pre>\n<!-- /wp:code -->"
        );
    }

    /// The corpus book's chapters (`../shared/corpus/rust-book-src` beside the repository), or
    /// `None` after saying why the calling test skips. The rule is `tests/shared_corpus`'s: a
    /// skip on a developer's checkout, a failure under CI unless NEWSROOM_NO_SHARED_CORPUS says
    /// the corpus cannot be there. (That file cannot be loaded here: the importer's unit tests
    /// already load it, and a file is one module of a crate.)
    fn corpus_chapters() -> Option<Vec<std::path::PathBuf>> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/corpus/rust-book-src");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            let under_ci = std::env::var("CI").is_ok_and(|value| value == "true")
                && std::env::var_os("NEWSROOM_NO_SHARED_CORPUS").is_none();
            assert!(
                !under_ci,
                "the corpus book {} is missing and CI=true: a CI run must have ../shared/corpus \
                 beside the repository",
                dir.display()
            );
            eprintln!(
                "skipped: the corpus book is not at {} (set CI=true to make this a failure)",
                dir.display()
            );
            return None;
        };
        let mut chapters: Vec<_> = entries
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
            .collect();
        chapters.sort();
        assert!(chapters.len() > 100, "{}", dir.display());
        Some(chapters)
    }

    /// Every chapter of the corpus book (long Markdown with code, tables, quotes, lists, raw
    /// HTML and images) becomes blocks holding exactly the export's HTML, which WordPress's
    /// parser reads back one for one.
    #[test]
    fn the_corpus_becomes_blocks_that_parse_back() {
        let Some(chapters) = corpus_chapters() else {
            return;
        };
        let mut names: HashMap<String, usize> = HashMap::new();
        for path in chapters {
            let markdown = std::fs::read_to_string(&path).unwrap();
            let rendered = crate::render::render_blocks(&markdown, Target::Export, &Site);
            let joined: String = rendered.blocks.iter().map(|b| b.html.as_str()).collect();
            let export = crate::render::render(&markdown, Target::Export, &Site).html;
            assert!(joined == export, "{}", path.display());
            let written = block_markup(&rendered.blocks, &remote()).unwrap();
            let openers = written.matches("<!-- wp:").count();
            assert_eq!(
                openers,
                written.matches("<!-- /wp:").count(),
                "{}",
                path.display()
            );
            assert_eq!(openers, rendered.blocks.len(), "{}", path.display());
            let blocks = parse(&written);
            assert_eq!(blocks.len(), rendered.blocks.len(), "{}", path.display());
            for block in blocks {
                assert!(!block.html.contains("<!-- wp:"), "{}", path.display());
                *names.entry(block.name).or_default() += 1;
            }
        }
        for name in [
            "paragraph",
            "heading",
            "list",
            "quote",
            "table",
            "code",
            "html",
        ] {
            assert!(
                names.get(name).is_some_and(|n| *n > 0),
                "no {name} block: {names:?}"
            );
        }
    }
}
