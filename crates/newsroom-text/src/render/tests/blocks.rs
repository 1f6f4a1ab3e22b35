use super::*;
use crate::render::{Block, BlockKind, PhotoFigure, Problem, render_blocks};

/// A body with a block of every kind, a photo shown, a photo awaiting its file, a plain image,
/// an unknown photo and a footnote.
const EVERY_KIND: &str = "\
Intro with a [link](article:34) and a note.[^1]

# Title

Section
-------

- one
- two

3. three
4. four

> Quoted *words*.
>
> More.

> - a list in a quote

| a | b |
|---|---|
| 1 | 2 |

| left | right |
|:-----|------:|
| 1    | 2     |

```rust,ignore
fn main() {}
```

---

![](photo:12)

![](photo:13)

![chart](https://x.org/c.png \"Rates\")

![x](photo:99)

[^1]: The note.
";

fn kinds(blocks: &[Block]) -> Vec<BlockKind> {
    blocks.iter().map(|b| b.kind.clone()).collect()
}

fn protesters() -> PhotoFigure {
    PhotoFigure {
        id: 12,
        alt: "Protesters outside parliament".into(),
        caption: "Crowds gathered before dawn.".into(),
        credit: "POOL (Reuters)".into(),
    }
}

fn harbour() -> PhotoFigure {
    PhotoFigure {
        id: 13,
        alt: "Harbour".into(),
        caption: "The harbour at night.".into(),
        credit: "A. Photographer".into(),
    }
}

#[test]
fn each_top_level_block_has_its_kind_from_the_tree() {
    let out = render_blocks(EVERY_KIND, Target::Export, &EXPORT);
    assert_eq!(
        kinds(&out.blocks),
        vec![
            BlockKind::Paragraph,
            BlockKind::Heading { level: 1 },
            BlockKind::Heading { level: 2 },
            BlockKind::List {
                ordered: false,
                start: 1
            },
            BlockKind::List {
                ordered: true,
                start: 3
            },
            BlockKind::Quote {
                only_paragraphs: true
            },
            BlockKind::Quote {
                only_paragraphs: false
            },
            BlockKind::Table { aligned: false },
            BlockKind::Table { aligned: true },
            BlockKind::Code,
            BlockKind::ThematicBreak,
            BlockKind::Photo(protesters()),
            BlockKind::Photo(harbour()),
            // The plain image's figure, then the footnotes; the unknown photo shows nothing.
            BlockKind::Other,
            BlockKind::Other,
        ]
    );
    let html = |i: usize| out.blocks[i].html.as_str();
    assert_eq!(html(1), "<h1>Title</h1>\n");
    assert_eq!(
        html(4),
        "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n"
    );
    assert_eq!(
        html(11),
        "<figure><img src=\"images/ab12.jpg\" alt=\"Protesters outside parliament\" \
         width=\"1200\" height=\"800\" loading=\"lazy\" /><figcaption>Crowds gathered before dawn. \
         <span class=\"credit\">POOL (Reuters)</span></figcaption></figure>\n"
    );
    assert!(
        html(14)
            .starts_with("<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">")
    );
    assert!(
        html(14).ends_with("</li>\n</ol>\n</section>\n"),
        "{}",
        html(14)
    );
    assert_eq!(out.photos, vec![12, 13]);
    assert_eq!(out.articles, vec![34]);
    assert_eq!(
        out.problems,
        vec![
            Problem::PhotoAwaitingFile(13),
            Problem::UnknownPhoto("photo:99".into())
        ]
    );
}

#[test]
fn the_blocks_joined_are_the_rendered_html() {
    for (target, library) in [(Target::Export, &EXPORT), (Target::Preview, &PREVIEW)] {
        let blocks = render_blocks(EVERY_KIND, target, library);
        let whole = render(EVERY_KIND, target, library);
        let joined: String = blocks.blocks.iter().map(|b| b.html.as_str()).collect();
        assert_eq!(joined, whole.html, "{target:?}");
        assert_eq!(blocks.photos, whole.photos);
        assert_eq!(blocks.articles, whole.articles);
        assert_eq!(blocks.problems, whole.problems);
    }
    let empty = render_blocks("", Target::Export, &EXPORT);
    assert!(empty.blocks.is_empty());
}

#[test]
fn a_photo_awaiting_its_file_is_still_a_photo_block() {
    let out = render_blocks("![](photo:13)\n", Target::Export, &EXPORT);
    assert_eq!(
        out.blocks,
        vec![Block {
            kind: BlockKind::Photo(harbour()),
            html: "<figure><figcaption>The harbour at night. \
                   <span class=\"credit\">A. Photographer</span></figcaption></figure>\n"
                .into(),
        }]
    );
    assert_eq!(out.problems, vec![Problem::PhotoAwaitingFile(13)]);
}

#[test]
fn a_photo_figure_carries_the_alt_and_caption_written_in_the_body() {
    let out = render_blocks(
        "![Riot police](photo:12 \"Police & <crowds>\")\n",
        Target::Export,
        &EXPORT,
    );
    let expected = PhotoFigure {
        alt: "Riot police".into(),
        caption: "Police & <crowds>".into(),
        ..protesters()
    };
    assert_eq!(kinds(&out.blocks), vec![BlockKind::Photo(expected.clone())]);
    assert_eq!(
        expected.caption_html(),
        "Police &amp; &lt;crowds&gt; <span class=\"credit\">POOL (Reuters)</span>"
    );
    let uncredited = PhotoFigure {
        credit: String::new(),
        ..expected
    };
    assert_eq!(uncredited.caption_html(), "Police &amp; &lt;crowds&gt;");
}

#[test]
fn only_a_photo_alone_at_the_top_is_a_photo_block() {
    let out = render_blocks(
        "See ![](photo:12) here.\n\n> ![](photo:12)\n",
        Target::Export,
        &EXPORT,
    );
    assert_eq!(
        kinds(&out.blocks),
        vec![
            BlockKind::Paragraph,
            BlockKind::Quote {
                only_paragraphs: false
            }
        ]
    );
}

#[test]
fn inner_html_is_what_is_inside_the_blocks_own_element() {
    let out = render_blocks(EVERY_KIND, Target::Export, &EXPORT);
    let inner: Vec<Option<&str>> = out.blocks.iter().map(Block::inner_html).collect();
    assert_eq!(
        inner,
        vec![
            Some(
                "Intro with a <a href=\"budget-vote.html\">link</a> and a note.\
                     <sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" \
                     data-footnote-ref>1</a></sup>"
            ),
            Some("Title"),
            Some("Section"),
            Some("\n<li>one</li>\n<li>two</li>\n"),
            Some("\n<li>three</li>\n<li>four</li>\n"),
            Some("\n<p>Quoted <em>words</em>.</p>\n<p>More.</p>\n"),
            Some("\n<ul>\n<li>a list in a quote</li>\n</ul>\n"),
            Some(
                "\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n\
                     <tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n"
            ),
            Some(
                "\n<thead>\n<tr>\n<th align=\"left\">left</th>\n\
                     <th align=\"right\">right</th>\n</tr>\n</thead>\n\
                     <tbody>\n<tr>\n<td align=\"left\">1</td>\n<td align=\"right\">2</td>\n\
                     </tr>\n</tbody>\n"
            ),
            Some("fn main() {}\n"),
            None,
            None,
            None,
            None,
            None,
        ],
    );
    // Preview's elements carry their source positions; the inside is found all the same.
    let preview = render_blocks(EVERY_KIND, Target::Preview, &PREVIEW);
    for block in &preview.blocks {
        let has_inside = !matches!(
            block.kind,
            BlockKind::ThematicBreak | BlockKind::Photo(_) | BlockKind::Other
        );
        assert_eq!(block.inner_html().is_some(), has_inside, "{block:?}");
    }
    assert_eq!(preview.blocks[1].inner_html(), Some("Title"));
}

#[test]
fn inner_html_refuses_html_not_in_the_form_of_its_kind() {
    let block = |kind: BlockKind, html: &str| Block {
        kind,
        html: html.into(),
    };
    assert_eq!(
        block(BlockKind::Paragraph, "<pre>x</pre>\n").inner_html(),
        None
    );
    assert_eq!(
        block(BlockKind::Heading { level: 7 }, "<h7>x</h7>").inner_html(),
        None
    );
    assert_eq!(
        block(BlockKind::Heading { level: 0 }, "<h1>x</h1>").inner_html(),
        None
    );
    assert_eq!(block(BlockKind::Code, "<pre>x</pre>\n").inner_html(), None);
    assert_eq!(
        block(
            BlockKind::List {
                ordered: true,
                start: 1
            },
            "<ul>\n</ul>\n"
        )
        .inner_html(),
        None
    );
}
