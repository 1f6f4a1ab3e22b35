//! The words that differ inside a line edited in place.

use super::{Span, script};
use similar::DiffTag;
use std::time::Instant;
use unicode_segmentation::UnicodeSegmentation;

/// The spans of `left` and `right`, marking the words each side has that the other lacks.
///
/// A lone run of spaces between two changed words is marked too, so "the quick fox" against
/// "a slow fox" highlights "the quick" as one piece rather than two.
pub(super) fn spans(left: &str, right: &str, deadline: Instant) -> (Vec<Span>, Vec<Span>) {
    // Words, the spaces and punctuation between them each a piece of their own (Unicode's
    // word boundaries).
    let left: Vec<&str> = left.split_word_bounds().collect();
    let right: Vec<&str> = right.split_word_bounds().collect();
    let (mut old, mut new) = (Vec::new(), Vec::new());
    for op in script::edits(&left, &right, deadline) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let changed = tag != DiffTag::Equal;
        old.extend(left[old_range].iter().map(|&text| (text, changed)));
        new.extend(right[new_range].iter().map(|&text| (text, changed)));
    }
    (merge(&old), merge(&new))
}

/// Joins neighbouring pieces with the same mark, after bridging spaces between changed words.
fn merge(pieces: &[(&str, bool)]) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    for (i, &(text, changed)) in pieces.iter().enumerate() {
        let bridged = !changed
            && text.trim().is_empty()
            && i > 0
            && pieces[i - 1].1
            && pieces.get(i + 1).is_some_and(|next| next.1);
        let changed = changed || bridged;
        match spans.last_mut() {
            Some(last) if last.changed == changed => last.text.push_str(text),
            _ => spans.push(Span {
                text: text.to_string(),
                changed,
            }),
        }
    }
    spans
}
