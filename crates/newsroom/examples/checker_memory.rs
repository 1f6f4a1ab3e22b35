//! How the checker's memory moves over a long editing session: one paragraph checked again after
//! each of 2,000 edits (as the app checks the edited paragraph after each pause in typing), with
//! the resident memory and the time so far every 250 checks. Linux only (it reads /proc).
//!
//!     cargo run --release -p newsroom --example checker_memory
//!
//! Figures in BENCHMARKS.md ("The checker in a process of its own").

use newsroom::proofing::{DictionaryShelf, Language, OwnWords, Proofreader};
use std::time::Instant;

const EDITS: usize = 2_000;

fn resident_mb() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split(' ')
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * 4096 / (1024 * 1024)
}

fn main() {
    let Some(english) = Language::parse("en_US") else {
        return;
    };
    let mut reader = Proofreader::new(DictionaryShelf::default(), OwnWords::default());
    let paragraph = "The mayor met the council on Tuesday to discuss the budget, which has grown by a \
                     tenth since last year and now pays for roads, schools and the new library.";
    let started = Instant::now();
    if let Err(err) = reader.check(paragraph, &english) {
        eprintln!("checker_memory: {err}");
        return;
    }
    println!(
        "first check: {:?}, {} MB resident",
        started.elapsed(),
        resident_mb()
    );
    let started = Instant::now();
    for edit in 1..=EDITS {
        let text = format!("{paragraph} Edit {edit}.\n\nA paragraph that stays the same.");
        if let Err(err) = reader.check(&text, &english) {
            eprintln!("checker_memory: {err}");
            return;
        }
        if edit % 250 == 0 {
            println!(
                "{edit:>5} edits: {} MB resident, {:?}",
                resident_mb(),
                started.elapsed()
            );
        }
    }
}
