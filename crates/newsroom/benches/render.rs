//! Throughput of the renderer against bare comrak with the same options, in the same run.
//!
//! Inputs come from the shared corpus (`../shared/corpus/rust-book-src` beside the repository):
//! `long.md`, one long article (chapter 10, ~10,500 words), and `all.md`, the whole book
//! (112 files, ~1.2 MB). The target is preview render + sanitize at no less than half the
//! throughput of bare comrak. Without the corpus the benchmark says so and measures nothing.
//!
//! The `live_preview` group is the typing path's core side on `long.md`: one keystroke in the
//! middle (and one new line, which moves the source lines of every block after it) as
//! `LivePreview::apply` does it, render, split and compare included, against a whole render in
//! the same run.
//!
//! The `hostile` group needs no corpus: inputs of about 1 MB built to make a parser
//! super-linear (nested images and links, emphasis runs, deep quotes and lists, a long table,
//! many footnotes); the target is at most 3× bare comrak's time for each.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use newsroom::live_preview::{LivePreview, PreviewBase, PreviewChange, TextEdit};
use newsroom::render::{Standalone, Target, render};
use std::hint::black_box;

mod corpus;
use corpus::{chapters_for, long_article};

/// comrak alone, with the options the renderer uses for `target`.
fn bare_comrak(markdown: &str, target: Target) -> String {
    let mut options = comrak::Options::default();
    options.extension.strikethrough = true;
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.tasklist = true;
    options.extension.footnotes = true;
    options.extension.wikilinks_title_after_pipe = true;
    options.render.sourcepos = target == Target::Preview;
    comrak::markdown_to_html(markdown, &options)
}

fn bench_render(c: &mut Criterion) {
    let Some(chapters) = chapters_for("render") else {
        return;
    };
    let long = long_article(&chapters);
    let all: String = chapters.iter().map(|(_, text)| text.as_str()).collect();

    for (input, markdown) in [("long.md", &long), ("all.md", &all)] {
        let mut group = c.benchmark_group(input);
        group.throughput(Throughput::Bytes(markdown.len() as u64));
        for (name, target) in [("preview", Target::Preview), ("export", Target::Export)] {
            group.bench_with_input(BenchmarkId::new("bare_comrak", name), markdown, |b, md| {
                b.iter(|| bare_comrak(black_box(md), target))
            });
            group.bench_with_input(BenchmarkId::new("newsroom", name), markdown, |b, md| {
                b.iter(|| render(black_box(md), target, &Standalone))
            });
        }
        group.finish();
    }
}

/// About `size` bytes of each hostile shape.
fn hostile_inputs(size: usize) -> Vec<(&'static str, String)> {
    let repeat = |unit: &str| unit.repeat(size / unit.len());
    let lines = |line: &dyn Fn(usize) -> String| {
        let mut text = String::new();
        let mut i = 0;
        while text.len() < size {
            text.push_str(&line(i));
            i += 1;
        }
        text
    };
    vec![
        ("nested_images", repeat("[![")),
        ("nested_links", repeat("[")),
        ("emphasis", repeat("*_")),
        ("quotes", format!("{}x\n", repeat("> "))),
        (
            "lists",
            lines(&|i| format!("{}- x\n", "  ".repeat(i % 400))),
        ),
        ("table", format!("|a|b|\n|-|-|\n{}", repeat("|x|y|\n"))),
        ("footnotes", lines(&|i| format!("[^{i}] [^{i}]: x\n"))),
    ]
}

fn bench_hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    for (name, markdown) in hostile_inputs(1 << 20) {
        group.throughput(Throughput::Bytes(markdown.len() as u64));
        group.bench_with_input(BenchmarkId::new("bare_comrak", name), &markdown, |b, md| {
            b.iter(|| bare_comrak(black_box(md), Target::Preview))
        });
        group.bench_with_input(BenchmarkId::new("newsroom", name), &markdown, |b, md| {
            b.iter(|| render(black_box(md), Target::Preview, &Standalone))
        });
    }
    group.finish();
}

/// A keystroke, then its undoing, in the middle of the long article: each iteration makes one
/// of the two, so the text stays the same from pair to pair.
fn bench_live_preview(c: &mut Criterion) {
    let Some(chapters) = chapters_for("live preview") else {
        return;
    };
    let long = long_article(&chapters);
    let preview = |text: &str| render(text, Target::Preview, &Standalone).html;
    let middle = {
        let at = long.len() / 2;
        let at = long[at..].find(' ').map_or(at, |n| at + n);
        long[..at].encode_utf16().count() as u32
    };
    let mut group = c.benchmark_group("live_preview");
    group.bench_function("whole render", |b| b.iter(|| preview(black_box(&long))));
    for (name, typed) in [("keystroke", "x"), ("new line", "\n")] {
        let mut live = LivePreview::default();
        let mut version = live.start(&long, preview(&long)).version;
        let mut typed_last = false;
        group.bench_function(name, |b| {
            b.iter(|| {
                let edit = if typed_last {
                    TextEdit {
                        from: middle,
                        to: middle + 1,
                        insert: String::new(),
                    }
                } else {
                    TextEdit {
                        from: middle,
                        to: middle,
                        insert: typed.to_owned(),
                    }
                };
                typed_last = !typed_last;
                let change = PreviewChange {
                    base: PreviewBase::Version(version),
                    edit,
                };
                let patch = live.apply(black_box(&change), preview);
                version = patch.as_ref().map_or(version, |p| p.version);
                patch
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_render, bench_live_preview, bench_hostile);
criterion_main!(benches);
