//! The history panel's and the conflict view's comparison (`diff::side_by_side`) on `long.md`
//! (~10,500 words, from the shared corpus beside the repository), folded to three lines of
//! context as the panels show it:
//! - `a few edits`: one word changed in every tenth paragraph, the day-to-day revision;
//! - `rewritten`: a word changed in every paragraph, and every fifth paragraph dropped, the
//!   worst a revision of the same story is likely to be.
//!
//! These set what the comparison costs an editor who opens a revision; its own time limit
//! (500 ms) only bounds a pathological pair. Without the corpus the benchmark says so and
//! measures nothing.

use criterion::{Criterion, criterion_group, criterion_main};
use newsroom::diff::{DEFAULT_CONTEXT, side_by_side};
use std::hint::black_box;

mod corpus;
use corpus::{chapters_for, long_article};

/// `text` with one word changed in every `every`th paragraph, and every `drop`th paragraph
/// left out.
fn edited(text: &str, every: usize, drop: Option<usize>) -> String {
    text.split("\n\n")
        .enumerate()
        .filter(|(i, _)| drop.is_none_or(|d| i % d != d - 1))
        .map(|(i, paragraph)| {
            if i % every == 0 {
                paragraph.replacen("the", "THE", 1)
            } else {
                paragraph.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn bench_diff(c: &mut Criterion) {
    let Some(chapters) = chapters_for("diff") else {
        return;
    };
    let long = long_article(&chapters);
    let mut group = c.benchmark_group("side_by_side long.md");
    for (name, revision) in [
        ("a few edits", edited(&long, 10, None)),
        ("rewritten", edited(&long, 1, Some(5))),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                side_by_side(
                    black_box(&revision),
                    black_box(&long),
                    Some(DEFAULT_CONTEXT),
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_diff);
criterion_main!(benches);
