//! Differences between two texts, shaped for a side-by-side view: the history panel compares a
//! revision with the current article, and a conflict shows the file's text beside the app's.
//!
//! The comparison is line by line (an article body is Markdown, where a line is a paragraph or a
//! heading); a line that was edited rather than added or removed is shown as one `changed` row
//! whose spans mark the words that differ. Long runs of unchanged lines can be folded to a few
//! lines of context. The line matching and the word matching are done by the `similar` crate,
//! under a time limit so a pathological pair of texts cannot stall the window (past the limit
//! the comparison is coarser, never wrong).

mod fold;
mod script;
mod words;

use serde::Serialize;
use similar::DiffTag;
use std::time::{Duration, Instant};
use ts_rs::TS;

/// Unchanged lines kept around each change when runs are folded.
pub const DEFAULT_CONTEXT: usize = 3;

/// How long one comparison may spend matching lines and words.
const TIME_LIMIT: Duration = Duration::from_millis(500);

/// Two texts compared, row by row, left (the older or "their" side) against right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SideBySide {
    pub rows: Vec<DiffRow>,
    pub stats: DiffStats,
}

/// One row of the side-by-side view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DiffRow {
    pub kind: RowKind,
    /// The line on the left side; `None` for added and folded rows.
    pub left: Option<DiffLine>,
    /// The line on the right side; `None` for removed and folded rows.
    pub right: Option<DiffLine>,
    /// How many unchanged lines a `folded` row stands for (0 for the other kinds).
    pub hidden: u32,
}

/// What a row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "DiffRowKind")]
pub enum RowKind {
    /// The same line on both sides.
    Same,
    /// A line edited in place: its spans mark the words that differ.
    Changed,
    /// A line only the right side has.
    Added,
    /// A line only the left side has.
    Removed,
    /// A run of unchanged lines left out of the view.
    Folded,
}

/// One line of one side, cut into spans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DiffLine {
    /// 1-based line number in that side's text.
    pub number: u32,
    pub spans: Vec<Span>,
}

/// A piece of a line. In a `changed` row, `changed` marks the words that differ from the other
/// side; in the other rows the whole line is one span with `changed: false` (the row's kind
/// already says whether the line is added or removed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "DiffSpan")]
pub struct Span {
    pub text: String,
    pub changed: bool,
}

/// Counts for a one-line summary ("3 lines changed, 1 added, 2 removed").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct DiffStats {
    pub changed: u32,
    pub added: u32,
    pub removed: u32,
    /// True when the texts show no difference (line endings aside).
    pub identical: bool,
}

/// Compares `left` with `right`. With `context: Some(n)`, runs of unchanged lines are folded,
/// keeping `n` lines next to each change; `None` keeps every line.
///
/// Windows line endings and a missing final newline are not reported as differences: an editor
/// cannot see them, and files edited in other programs often differ only in those.
pub fn side_by_side(left: &str, right: &str, context: Option<usize>) -> SideBySide {
    let deadline = Instant::now() + TIME_LIMIT;
    let (left, right) = (normalize(left), normalize(right));
    let (left, right) = (script::lines(&left), script::lines(&right));
    let mut rows = Vec::new();
    let mut stats = DiffStats::default();
    for op in script::edits(&left, &right, deadline) {
        let (tag, old, new) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                for (o, n) in old.zip(new) {
                    rows.push(DiffRow::same(o, n, line(left.get(o).copied())));
                }
            }
            DiffTag::Delete | DiffTag::Insert | DiffTag::Replace => {
                // Edited lines pair up in order; what one side has beyond the other is added
                // or removed.
                for i in 0..old.len().max(new.len()) {
                    let o = old.clone().nth(i).map(|o| (o, line(left.get(o).copied())));
                    let n = new.clone().nth(i).map(|n| (n, line(right.get(n).copied())));
                    rows.extend(edited_row(o, n, deadline, &mut stats));
                }
            }
        }
    }
    stats.identical = stats.changed + stats.added + stats.removed == 0;
    let rows = match context {
        Some(context) => fold::fold(rows, context),
        None => rows,
    };
    SideBySide { rows, stats }
}

/// The row for a pair of lines in an edited region (either side may be missing).
fn edited_row(
    old: Option<(usize, &str)>,
    new: Option<(usize, &str)>,
    deadline: Instant,
    stats: &mut DiffStats,
) -> Option<DiffRow> {
    match (old, new) {
        (Some((o, a)), Some((n, b))) => {
            stats.changed += 1;
            let (left, right) = words::spans(a, b, deadline);
            Some(DiffRow::changed(
                DiffLine::at(o, left),
                DiffLine::at(n, right),
            ))
        }
        (Some((o, a)), None) => {
            stats.removed += 1;
            Some(DiffRow::removed(DiffLine::plain(o, a)))
        }
        (None, Some((n, b))) => {
            stats.added += 1;
            Some(DiffRow::added(DiffLine::plain(n, b)))
        }
        (None, None) => None,
    }
}

/// `\r\n` as `\n`, and a final newline, so neither shows up as a change.
fn normalize(text: &str) -> String {
    let mut text = text.replace("\r\n", "\n");
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// A line of the diff without its newline (`""` for a line the diff does not have).
fn line(slice: Option<&str>) -> &str {
    let line = slice.unwrap_or_default();
    line.strip_suffix('\n').unwrap_or(line)
}

impl DiffLine {
    fn at(index: usize, spans: Vec<Span>) -> DiffLine {
        DiffLine {
            number: u32::try_from(index + 1).unwrap_or(u32::MAX),
            spans,
        }
    }

    fn plain(index: usize, text: &str) -> DiffLine {
        DiffLine::at(
            index,
            vec![Span {
                text: text.to_string(),
                changed: false,
            }],
        )
    }
}

impl DiffRow {
    fn same(old: usize, new: usize, text: &str) -> DiffRow {
        DiffRow {
            kind: RowKind::Same,
            left: Some(DiffLine::plain(old, text)),
            right: Some(DiffLine::plain(new, text)),
            hidden: 0,
        }
    }

    fn changed(left: DiffLine, right: DiffLine) -> DiffRow {
        DiffRow {
            kind: RowKind::Changed,
            left: Some(left),
            right: Some(right),
            hidden: 0,
        }
    }

    fn removed(left: DiffLine) -> DiffRow {
        DiffRow {
            kind: RowKind::Removed,
            left: Some(left),
            right: None,
            hidden: 0,
        }
    }

    fn added(right: DiffLine) -> DiffRow {
        DiffRow {
            kind: RowKind::Added,
            left: None,
            right: Some(right),
            hidden: 0,
        }
    }

    fn folded(hidden: usize) -> DiffRow {
        DiffRow {
            kind: RowKind::Folded,
            left: None,
            right: None,
            hidden: u32::try_from(hidden).unwrap_or(u32::MAX),
        }
    }
}

#[cfg(test)]
mod tests;
