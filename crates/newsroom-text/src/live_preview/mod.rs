//! The live preview's side in the core: the text the preview shows and its rendered blocks, kept
//! between keystrokes, so that a keystroke sends only what changed and gets back only the blocks
//! that changed.
//!
//! Sending the whole body each way costs more than rendering it: on a 10,000-word story, moving
//! 70 KB of Markdown in and 100 KB of HTML out took ~4 ms a keystroke, the render 0.6 ms, and
//! the page then split and compared all of it again (BENCHMARKS.md, issue 12). Here the page
//! sends one [`TextEdit`] against the version of the text it last sent, and gets a
//! [`PreviewPatch`]: the run of top-level blocks to replace and, when lines were added or
//! removed above the blocks after that run, how far their source positions move.
//!
//! A patch is exact: the blocks before the run are the same HTML as before, and each block after
//! it is the same HTML once its `data-sourcepos` lines are moved by [`PreviewPatch::line_shift`],
//! so a page that applies the patch shows the whole render of the new text.

mod markup;
mod text_edit;

pub use text_edit::TextEdit;

use serde::{Deserialize, Serialize};

/// What the page's text was before the edit.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum PreviewBase {
    /// The text of the last patch, by its [`PreviewPatch::version`].
    Version(#[ts(type = "number")] u64),
    /// This text, whose render the preview shows now (an article just opened, or after the
    /// page lost step): the core takes it as the base.
    Text(String),
}

/// A change to the previewed text: an edit to a base the page names.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, ts_rs::TS)]
pub struct PreviewChange {
    pub base: PreviewBase,
    pub edit: TextEdit,
}

/// How to bring the preview from the base's render to the new text's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PreviewPatch {
    /// The new text's version, the base of the next change.
    #[ts(type = "number")]
    pub version: u64,
    /// The preview's blocks are all replaced by `blocks` (the base's render did not split into
    /// blocks, or the new one does not); otherwise only the run at `start`.
    pub whole: bool,
    /// The first block replaced.
    pub start: u32,
    /// How many blocks from `start` go.
    pub removed: u32,
    /// The blocks' HTML that take their place, in order (sanitized).
    pub blocks: Vec<String>,
    /// Lines to add to the `data-sourcepos` lines of every block after the inserted ones.
    pub line_shift: i32,
    /// How many blocks the preview holds once patched.
    pub total: u32,
}

/// Why a change could not be previewed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PreviewError {
    /// The page's base is not the core's text (the core has moved on, or its edit does not fit
    /// the text): the page sends its text as the base again.
    #[error("the preview is out of step with the editor; it is being redrawn")]
    OutOfStep,
}

/// The text the preview shows and its rendered blocks (`None` when its HTML does not split into
/// blocks), at a version.
#[derive(Debug, Default)]
pub struct LivePreview {
    text: String,
    blocks: Option<Vec<String>>,
    version: u64,
}

impl LivePreview {
    /// Starts over at `text`, whose render is `html` (an article opened): the whole patch that
    /// draws it, whose version the page names as the base of its first edit, so that edit needs
    /// neither the text sent again nor the render repeated.
    pub fn start(&mut self, text: &str, html: String) -> PreviewPatch {
        let blocks = markup::split_blocks(&html);
        let version = self.version + 1;
        let patch = whole_patch(version, blocks.clone(), html);
        *self = LivePreview {
            text: text.to_owned(),
            blocks,
            version,
        };
        patch
    }

    /// Applies `change`, renders the new text with `render`, and says how the preview changes.
    /// On an error nothing changes.
    pub fn apply(
        &mut self,
        change: &PreviewChange,
        render: impl Fn(&str) -> String,
    ) -> Result<PreviewPatch, PreviewError> {
        let seeded;
        let (base_text, base_blocks) = match &change.base {
            PreviewBase::Version(v) if *v == self.version => (&self.text, &self.blocks),
            PreviewBase::Version(_) => return Err(PreviewError::OutOfStep),
            PreviewBase::Text(text) => {
                seeded = markup::split_blocks(&render(text));
                (text, &seeded)
            }
        };
        let (text, lines) = change
            .edit
            .apply(base_text)
            .ok_or(PreviewError::OutOfStep)?;
        let html = render(&text);
        let blocks = markup::split_blocks(&html);
        let version = self.version + 1;
        let patch = match (base_blocks, &blocks, i32::try_from(lines)) {
            (Some(before), Some(after), Ok(line_shift)) => {
                run_patch(before, after, line_shift, version)
            }
            _ => whole_patch(version, blocks.clone(), html),
        };
        *self = LivePreview {
            text,
            blocks,
            version,
        };
        Ok(patch)
    }
}

/// The patch that replaces every block with `blocks`, or with the whole `html` when it does not
/// split into blocks.
fn whole_patch(version: u64, blocks: Option<Vec<String>>, html: String) -> PreviewPatch {
    let blocks = blocks.unwrap_or_else(|| vec![html]);
    PreviewPatch {
        version,
        whole: true,
        start: 0,
        removed: 0,
        total: blocks.len() as u32,
        blocks,
        line_shift: 0,
    }
}

/// The patch replacing the run of `before`'s blocks that `after` changed, the text having gained
/// `lines` lines.
fn run_patch(before: &[String], after: &[String], lines: i32, version: u64) -> PreviewPatch {
    let mut start = 0;
    while start < before.len().min(after.len()) && before[start] == after[start] {
        start += 1;
    }
    let (mut old_end, mut new_end) = (before.len(), after.len());
    while old_end > start
        && new_end > start
        && moved(&before[old_end - 1], lines.into()).as_deref() == Some(&after[new_end - 1])
    {
        old_end -= 1;
        new_end -= 1;
    }
    PreviewPatch {
        version,
        whole: false,
        start: start as u32,
        removed: (old_end - start) as u32,
        blocks: after[start..new_end].to_vec(),
        line_shift: lines,
        total: after.len() as u32,
    }
}

/// `block` as it shows once `lines` lines were added above it.
fn moved(block: &str, lines: i64) -> Option<std::borrow::Cow<'_, str>> {
    if lines == 0 {
        return Some(block.into());
    }
    markup::shift_lines(block, lines).map(Into::into)
}

#[cfg(test)]
mod tests;
