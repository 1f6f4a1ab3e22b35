//! The cost of spell and grammar checking the ~10,500-word article (`long.md` of the shared
//! corpus): the whole of it (what opening an article costs, dictionaries already loaded), and
//! again after one paragraph changed (what a pause in typing costs; the target is < 50 ms).

use criterion::{Criterion, criterion_group, criterion_main};
use newsroom::proofing::{DictionaryShelf, Language, OwnWords, Proofreader};
use std::hint::black_box;

mod corpus;
use corpus::{chapters_for, long_article};

fn bench_proofing(c: &mut Criterion) {
    let Some(chapters) = chapters_for("proofing") else {
        return;
    };
    let article = long_article(&chapters);
    let english = Language::default_language();
    let mut reader = Proofreader::new(DictionaryShelf::default(), OwnWords::default());
    let problems = reader.check(&article, &english).map(|p| p.len());
    eprintln!(
        "long.md: {} words, {problems:?} problems",
        article.split_whitespace().count()
    );

    let mut group = c.benchmark_group("proofing long.md");
    group.sample_size(20);
    group.bench_function("whole article", |b| {
        b.iter(|| {
            // A new word list forgets every block, so the whole article is checked again.
            reader.set_own_words(OwnWords::default());
            black_box(reader.check(&article, &english))
        })
    });
    // The paragraph typed in: the middle one, a different text at each iteration.
    let paragraphs: Vec<&str> = article.split("\n\n").collect();
    let middle = paragraphs.len() / 2;
    let mut typed = 0u64;
    group.bench_function("one paragraph changed", |b| {
        b.iter(|| {
            typed += 1;
            let mut edited = paragraphs.clone();
            let changed = format!("{} And the reporter typed {typed}.", paragraphs[middle]);
            edited[middle] = &changed;
            black_box(reader.check(&edited.join("\n\n"), &english))
        })
    });
    group.finish();
}

criterion_group!(benches, bench_proofing);
criterion_main!(benches);
