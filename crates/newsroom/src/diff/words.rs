//! The words that differ inside a line edited in place.

use super::Span;
use similar::{ChangeTag, TextDiff};
use std::time::Instant;

/// The spans of `left` and `right`, marking the words each side has that the other lacks.
///
/// A lone run of spaces between two changed words is marked too, so "the quick fox" against
/// "a slow fox" highlights "the quick" as one piece rather than two.
pub(super) fn spans(left: &str, right: &str, deadline: Instant) -> (Vec<Span>, Vec<Span>) {
    let diff = TextDiff::configure()
        .deadline(deadline)
        .diff_unicode_words(left, right);
    let (mut old, mut new) = (Vec::new(), Vec::new());
    for change in diff.iter_all_changes() {
        let text = change.value();
        match change.tag() {
            ChangeTag::Equal => {
                old.push((text, false));
                new.push((text, false));
            }
            ChangeTag::Delete => old.push((text, true)),
            ChangeTag::Insert => new.push((text, true)),
        }
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
