//! The comrak options both targets share, so preview and export parse the same Markdown the same
//! way; they differ only in whether block elements carry `data-sourcepos`.

use super::Target;

/// GFM (tables, strikethrough, autolinks, task lists, footnotes) plus `[[slug|text]]` links.
/// Raw HTML stays off (comrak's safe mode); the rewrite removes it from the tree entirely.
pub(super) fn for_target(target: Target) -> comrak::Options<'static> {
    let mut options = comrak::Options::default();
    let extension = &mut options.extension;
    extension.strikethrough = true;
    extension.table = true;
    extension.autolink = true;
    extension.tasklist = true;
    extension.footnotes = true;
    extension.wikilinks_title_after_pipe = true;
    options.render.sourcepos = target == Target::Preview;
    options
}
