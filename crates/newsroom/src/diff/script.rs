//! The edit script between two sequences of pieces (lines, or the words of a line), by Myers'
//! algorithm, which gives the shortest script and is what `similar` uses by default.
//!
//! `similar`'s `TextDiff` would do this too, but it picks its algorithm when it runs, so a
//! program that calls it carries all six of them, each compiled again for every kind of piece
//! and every way of collecting the result: 370 KB of the app. Both comparisons here go through
//! the one function below, over string pieces, so one copy of Myers is compiled. The result is
//! the same script `TextDiff` gives (the same algorithm, and the same hooks that join a deletion
//! and an insertion into a replacement and shift edits to clean boundaries).

use similar::DiffOp;
use similar::algorithms::{Capture, Compact, Replace, myers};
use std::time::Instant;

/// The lines of `text`, each with the line break that ends it (`\n`, or a lone `\r` from an
/// old Mac file); the last one may have none.
pub(super) fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive(['\n', '\r']).collect()
}

/// The edits that turn `old` into `new`, equal runs included, found by `deadline` (past it the
/// script is coarser, never wrong).
pub(super) fn edits(old: &[&str], new: &[&str], deadline: Instant) -> Vec<DiffOp> {
    let mut hook = Compact::new(Replace::new(Capture::new()), old, new);
    let Ok(()) = myers::diff_deadline(
        &mut hook,
        old,
        0..old.len(),
        new,
        0..new.len(),
        Some(deadline),
    );
    hook.into_inner().into_inner().into_ops()
}
