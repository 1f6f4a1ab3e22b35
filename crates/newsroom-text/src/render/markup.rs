//! The few pieces of HTML the renderer writes itself: images, figures, placeholders and the
//! broken-link marker.
//!
//! comrak cannot give an `<img>` its size or `loading`, nor put a figure outside a paragraph, so
//! these are built here and inserted into the tree as raw nodes. Every piece of text goes through
//! comrak's own escaping (text and attributes are always double-quoted) and every URL through
//! its `escape_href`, exactly like the HTML comrak writes, so the output stays inside the grammar
//! the validator accepts.

use super::Target;
use crate::PhotoId;

/// An image ready to be written: where it is, what it shows and how big it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Picture {
    pub src: String,
    pub alt: String,
    pub caption: String,
    pub credit: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// How an image is placed and what the output is for.
#[derive(Debug, Clone, Copy)]
pub(super) struct Placement<'s> {
    /// A paragraph of its own (a `<figure>`), or inside running text.
    pub block: bool,
    pub target: Target,
    /// Where the Markdown of the image is (`line:col-line:col`), written in preview only.
    pub sourcepos: &'s str,
}

impl Placement<'_> {
    fn preview(&self) -> bool {
        self.target == Target::Preview
    }

    fn sourcepos(&self) -> Option<&str> {
        self.preview().then_some(self.sourcepos)
    }
}

/// A URL as a browser reads it back from an attribute written by `escape_href` (percent-encoded,
/// entities decoded). Policy checks run on this form so they judge what the browser will follow.
pub(super) fn url_as_read(url: &str) -> String {
    let mut written = String::with_capacity(url.len());
    // Writing into a String cannot fail.
    let _ = comrak::html::escape_href(&mut written, url, false);
    if written.contains('&') {
        written.replace("&amp;", "&").replace("&#x27;", "'")
    } else {
        written
    }
}

/// `<img>` on its own, or inside a `<figure>` with its caption and credit.
pub(super) fn picture(picture: &Picture, at: Placement<'_>) -> String {
    let mut out = String::with_capacity(128 + picture.src.len());
    if at.block {
        open_figure(&mut out, None, at.sourcepos());
        img(&mut out, picture, at);
        figcaption(&mut out, &picture.caption, &picture.credit);
        out.push_str("</figure>\n");
    } else {
        img(&mut out, picture, at);
    }
    out
}

/// A photo whose file has not arrived yet, or whose source may not be shown.
///
/// In preview the editor sees a placeholder where the image will be. In export the caption and
/// credit are kept in an empty figure: they are reporting (who, where, when) and an editor
/// exporting a draft to review expects the text to be all there; the missing file is reported
/// separately through [`super::Problem::PhotoAwaitingFile`] so export can warn before publishing.
pub(super) fn awaiting(id: PhotoId, caption: &str, credit: &str, at: Placement<'_>) -> String {
    let mut out = String::new();
    let message = format!("Photo {id} is awaiting its image file");
    match (at.block, at.preview()) {
        (true, true) => {
            open_figure(&mut out, Some("awaiting"), at.sourcepos());
            placeholder(&mut out, &message);
            figcaption(&mut out, caption, credit);
            out.push_str("</figure>\n");
        }
        (true, false) if !caption.is_empty() || !credit.is_empty() => {
            open_figure(&mut out, None, None);
            figcaption(&mut out, caption, credit);
            out.push_str("</figure>\n");
        }
        (false, true) => marker(&mut out, "awaiting", &message),
        _ => {}
    }
    out
}

/// An image that cannot be shown at all (unknown photo id, forbidden source): a visible marker in
/// preview, nothing in export.
pub(super) fn missing(message: &str, at: Placement<'_>) -> String {
    let mut out = String::new();
    if !at.preview() {
        return out;
    }
    if at.block {
        open_figure(&mut out, Some("missing"), at.sourcepos());
        placeholder(&mut out, message);
        out.push_str("</figure>\n");
    } else {
        marker(&mut out, "missing", message);
    }
    out
}

/// The opening of the preview's broken-link marker; `why` shows on hover.
pub(super) fn broken_link_open(why: &str) -> String {
    let mut out = String::from("<span class=\"broken-link\" title=\"");
    push_text(&mut out, why);
    out.push_str("\">");
    out
}

/// The end of [`broken_link_open`].
pub(super) const BROKEN_LINK_CLOSE: &str = "</span>";

fn open_figure(out: &mut String, class: Option<&str>, sourcepos: Option<&str>) {
    out.push_str("<figure");
    if let Some(class) = class {
        out.push_str(" class=\"");
        out.push_str(class);
        out.push('"');
    }
    push_sourcepos(out, sourcepos);
    out.push('>');
}

fn img(out: &mut String, picture: &Picture, at: Placement<'_>) {
    out.push_str("<img");
    if !at.block {
        push_sourcepos(out, at.sourcepos());
    }
    out.push_str(" src=\"");
    // Writing into a String cannot fail.
    let _ = comrak::html::escape_href(out, &picture.src, false);
    out.push_str("\" alt=\"");
    push_text(out, &picture.alt);
    out.push('"');
    if !at.block && !picture.caption.is_empty() {
        out.push_str(" title=\"");
        push_text(out, &picture.caption);
        out.push('"');
    }
    if let (Some(width), Some(height)) = (picture.width, picture.height) {
        out.push_str(&format!(" width=\"{width}\" height=\"{height}\""));
    }
    // Export asks browsers to fetch images only as they are scrolled to; the size above keeps
    // the page from jumping when they arrive.
    if !at.preview() {
        out.push_str(" loading=\"lazy\"");
    }
    out.push_str(" />");
}

fn figcaption(out: &mut String, caption: &str, credit: &str) {
    if caption.is_empty() && credit.is_empty() {
        return;
    }
    out.push_str("<figcaption>");
    caption_and_credit(out, caption, credit);
    out.push_str("</figcaption>");
}

/// Appends what a figure's `<figcaption>` holds: the caption, then the credit in a
/// `<span class="credit">` of its own, so a reader sees both and a stylesheet can set the credit
/// apart. Publishers that write their own figure share it, so a photo is credited alike
/// everywhere.
pub(super) fn caption_and_credit(out: &mut String, caption: &str, credit: &str) {
    push_text(out, caption);
    if !credit.is_empty() {
        if !caption.is_empty() {
            out.push(' ');
        }
        out.push_str("<span class=\"credit\">");
        push_text(out, credit);
        out.push_str("</span>");
    }
}

fn placeholder(out: &mut String, message: &str) {
    out.push_str("<div class=\"placeholder\">");
    push_text(out, message);
    out.push_str("</div>");
}

fn marker(out: &mut String, class: &str, message: &str) {
    out.push_str("<span class=\"");
    out.push_str(class);
    out.push_str("\">");
    push_text(out, message);
    out.push_str("</span>");
}

fn push_sourcepos(out: &mut String, sourcepos: Option<&str>) {
    if let Some(pos) = sourcepos {
        out.push_str(" data-sourcepos=\"");
        out.push_str(pos);
        out.push('"');
    }
}

/// Appends `text` escaped for element content and double-quoted attribute values.
fn push_text(out: &mut String, text: &str) {
    // Writing into a String cannot fail.
    let _ = comrak::html::escape(out, text);
}
