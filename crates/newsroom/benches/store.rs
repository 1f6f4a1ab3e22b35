//! Store speed, on file-backed libraries so that WAL commits are real.
//!
//! - Typing: saving a 10,000-word body after a one-character change. Target: median < 1 ms,
//!   p99 < 5 ms. Measured blind (`save_body`) and over the typing's base (`save_body_over`, the
//!   app's path).
//! - A 100,000-article library: the first page of the list (target < 10 ms), full-text search
//!   (target p95 < 20 ms) and the story budget's first screen, a day's first page with its total
//!   (target < 50 ms).
//!
//! Criterion reports means and medians; tails matter for typing and search, so each part also
//! runs a plain timed loop and prints its median, p95 and p99.
//!
//! The 100,000-article library takes a while to build: it is built once, through the public
//! API, and kept in `target/bench-data/` under a name carrying [`LIBRARY_VERSION`]. Bump the
//! version when the generator or the schema changes.
//!
//! Run with `cargo bench -p newsroom --bench store`.

use criterion::Criterion;
use newsroom::model::{ArticleFilter, NewArticle, RevisionCause, Status, Timestamp};
use newsroom::store::{BudgetQuery, BudgetSort, Day, Store};
use std::collections::HashMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

/// Part of the cached library's file name: a new version is built when this changes.
const LIBRARY_VERSION: u32 = 4;
const LIBRARY_ARTICLES: u32 = 100_000;
const TYPING_SAVES: usize = 2_000;
const QUERY_ROUNDS: usize = 50;

fn main() {
    let mut c = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .configure_from_args();
    let words = Vocabulary::load();
    typing(&mut c, &words);
    library(&mut c, &words);
    c.final_summary();
}

// ---------------------------------------------------------------------------------------------
// Typing

fn typing(c: &mut Criterion, words: &Vocabulary) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = Store::open(&dir.path().join("typing.db")).expect("the library opens");
    // As the desktop app runs it: checkpoints happen off the typing path.
    store
        .checkpoint_in_background(newsroom::store::BACKGROUND_CHECKPOINT_EVERY)
        .expect("the checkpointer starts");
    let body = long_body(words);
    let id = store
        .create_article(&draft("A long read", &body), RevisionCause::Manual)
        .expect("the article is created")
        .id;
    let mut typist = Typist::new(body);
    println!(
        "typing: body of {} words, {} bytes",
        newsroom::model::count_words(&typist.body),
        typist.body.len()
    );

    c.bench_function("save_body/10k_words_one_char", |b| {
        b.iter(|| {
            let body = typist.type_one();
            black_box(store.save_body(id, body).expect("the body saves"));
        })
    });

    let mut times = Vec::with_capacity(TYPING_SAVES);
    for _ in 0..TYPING_SAVES {
        let body = typist.type_one().to_string();
        let started = Instant::now();
        store.save_body(id, &body).expect("the body saves");
        times.push(started.elapsed());
    }
    report("save_body/10k_words_one_char (plain loop)", &mut times);

    // The same saves as the app makes them: written only over the text the typing started from
    // (`Library::save_typing`'s fast path). The base is copied outside the timed part.
    let mut base = typist.body.clone();
    c.bench_function("save_body_over/10k_words_one_char", |b| {
        b.iter(|| {
            let body = typist.type_one();
            let saved = store
                .save_body_over(id, body, &base)
                .expect("the body saves");
            assert!(saved.is_some_and(|r| !r.conflict), "the base was current");
            base.clone_from(&typist.body);
        })
    });
    let mut times = Vec::with_capacity(TYPING_SAVES);
    for _ in 0..TYPING_SAVES {
        let body = typist.type_one().to_string();
        let started = Instant::now();
        let saved = store
            .save_body_over(id, &body, &base)
            .expect("the body saves");
        times.push(started.elapsed());
        assert!(saved.is_some_and(|r| !r.conflict), "the base was current");
        base = body;
    }
    report("save_body_over/10k_words_one_char (plain loop)", &mut times);
}

/// The body of the typing benchmark: the Rust book's chapter 10 (about 10,000 words of real
/// Markdown) when the corpus is there, else 10,000 generated words.
fn long_body(words: &Vocabulary) -> String {
    let chapter = corpus_dir().join("rust-book-src");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&chapter)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("ch10-0") && n.ends_with(".md"))
        })
        .collect();
    files.sort();
    let text: String = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n\n");
    if newsroom::model::count_words(&text) >= 9_000 {
        return text;
    }
    let mut rng = Rng(7);
    words.paragraphs(&mut rng, 10_000)
}

/// Changes one letter of the body per call, moving through the text like an editor does.
struct Typist {
    body: String,
    /// Byte offsets of ASCII lowercase letters: swapping one for another keeps the text UTF-8.
    letters: Vec<usize>,
    next: usize,
}

impl Typist {
    fn new(body: String) -> Typist {
        let letters = body
            .bytes()
            .enumerate()
            .filter(|(_, b)| b.is_ascii_lowercase())
            .map(|(i, _)| i)
            .collect();
        Typist {
            body,
            letters,
            next: 0,
        }
    }

    fn type_one(&mut self) -> &str {
        // A large odd stride visits letters all over the body, not only at its end.
        self.next = (self.next + 7_919) % self.letters.len();
        let at = self.letters[self.next];
        let mut bytes = std::mem::take(&mut self.body).into_bytes();
        bytes[at] = if bytes[at] == b'z' {
            b'a'
        } else {
            bytes[at] + 1
        };
        self.body = String::from_utf8(bytes).expect("ASCII letters keep the body UTF-8");
        &self.body
    }
}

// ---------------------------------------------------------------------------------------------
// The 100,000-article library

fn library(c: &mut Criterion, words: &Vocabulary) {
    let path = cached_library(words);
    let started = Instant::now();
    let store = Store::open(&path).expect("the cached library opens");
    println!(
        "library: {} articles, {} MB, opened in {:.0} ms",
        store.article_count().expect("articles count"),
        std::fs::metadata(&path).map_or(0, |m| m.len() / 1_000_000),
        started.elapsed().as_secs_f64() * 1e3
    );

    let page = |status: Option<Status>, section: Option<&str>| ArticleFilter {
        status,
        section: section.map(str::to_string),
        limit: Some(50),
        ..ArticleFilter::default()
    };
    let lists = [
        ("list/first_page", page(None, None)),
        ("list/status_ready", page(Some(Status::Ready), None)),
        ("list/section_science", page(None, Some("Science"))),
        (
            "list/section_and_status",
            page(Some(Status::Draft), Some("Health")),
        ),
    ];
    for (name, filter) in &lists {
        c.bench_function(name, |b| {
            b.iter(|| black_box(store.list(filter).expect("the list reads")))
        });
    }

    let queries = words.queries();
    // One of each kind under Criterion; the plain loop below runs them all.
    for (kind, query) in queries.iter().take(4) {
        c.bench_function(&format!("search/{kind}/{query}"), |b| {
            b.iter(|| black_box(store.search(query, 20).expect("the search runs")))
        });
    }

    for (name, filter) in &lists {
        let mut times: Vec<Duration> = (0..200)
            .map(|_| {
                let started = Instant::now();
                black_box(store.list(filter).expect("the list reads"));
                started.elapsed()
            })
            .collect();
        report(&format!("{name} (plain loop)"), &mut times);
    }
    let mut by_kind: HashMap<&str, Vec<Duration>> = HashMap::new();
    let mut all = Vec::new();
    for (kind, query) in &queries {
        let started = Instant::now();
        black_box(store.search(query, 20).expect("the search runs"));
        let took = started.elapsed();
        by_kind.entry(kind).or_default().push(took);
        all.push(took);
    }
    let mut kinds: Vec<_> = by_kind.into_iter().collect();
    kinds.sort_by_key(|(kind, _)| *kind);
    for (kind, mut times) in kinds {
        report(&format!("search/{kind} (plain loop)"), &mut times);
    }
    report("search/mix (plain loop)", &mut all);

    budget(c, &store, &path);
}

/// The story budget: a day's first page and its total (what the budget view asks for first), the
/// same sorted by a column no index orders, every day by time, and one CSV of every story.
fn budget(c: &mut Criterion, store: &Store, path: &Path) {
    // A day inside the generated library's span (its clock starts on 13 September 2020).
    let day = Some(Day::utc(time::macros::date!(2020 - 10 - 01)));
    let page = |day, sort| BudgetQuery {
        day,
        sort,
        limit: Some(100),
        ..BudgetQuery::default()
    };
    let cases = [
        ("budget/day_first_page", page(day, BudgetSort::Time)),
        ("budget/day_by_headline", page(day, BudgetSort::Headline)),
        ("budget/every_day_first_page", page(None, BudgetSort::Time)),
    ];
    let first = store.budget(&cases[0].1).expect("the budget reads");
    println!(
        "budget: {} stories on the day, {} on its first page",
        first.total,
        first.rows.len()
    );
    for (name, query) in &cases {
        c.bench_function(name, |b| {
            b.iter(|| black_box(store.budget(query).expect("the budget reads")))
        });
    }
    for (name, query) in &cases {
        let mut times: Vec<Duration> = (0..50)
            .map(|_| {
                let started = Instant::now();
                black_box(store.budget(query).expect("the budget reads"));
                started.elapsed()
            })
            .collect();
        report(&format!("{name} (plain loop)"), &mut times);
    }

    let library = newsroom::Library::open(path).expect("the library opens");
    let out = tempfile::tempdir().expect("a temporary folder");
    let started = Instant::now();
    let rows = library
        .export_budget_csv(&BudgetQuery::default(), &out.path().join("budget.csv"))
        .expect("the CSV is written");
    println!(
        "budget/csv_every_story: {rows} rows in {:.0} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
}

/// The path of the 100,000-article library, built first if it is not cached yet.
fn cached_library(words: &Vocabulary) -> PathBuf {
    let folder = target_dir().join("bench-data");
    let path = folder.join(format!("store-library-v{LIBRARY_VERSION}.db"));
    if path.exists() {
        return path;
    }
    std::fs::create_dir_all(&folder).expect("the bench-data folder is created");
    // Built beside its final name and renamed when complete, so an interrupted build is
    // never mistaken for a finished one.
    let partial = folder.join(format!("store-library-v{LIBRARY_VERSION}.partial.db"));
    for suffix in ["", "-wal", "-shm"] {
        let mut name = partial.clone().into_os_string();
        name.push(suffix);
        let _ = std::fs::remove_file(name);
    }
    let started = Instant::now();
    {
        let mut store = Store::open(&partial)
            .expect("the library is created")
            .with_clock(library_clock);
        let mut rng = Rng(2026);
        for i in 0..LIBRARY_ARTICLES {
            store
                .create_article(&words.article(&mut rng), RevisionCause::Import)
                .expect("the article is created");
            if i % 10_000 == 9_999 {
                println!(
                    "building the library: {} articles in {:.0} s",
                    i + 1,
                    started.elapsed().as_secs_f64()
                );
            }
        }
        store
            .refresh_search_index()
            .expect("the library is indexed");
        store.checkpoint().expect("the library is checkpointed");
    }
    std::fs::rename(&partial, &path).expect("the library is put in place");
    path
}

/// Creation times a minute apart, so the list has a realistic order to sort.
fn library_clock() -> Timestamp {
    static NOW: AtomicI64 = AtomicI64::new(1_600_000_000);
    NOW.fetch_add(60, Ordering::Relaxed)
}

/// `target/`, found from the benchmark's own executable (`target/release/deps/store-…`).
fn target_dir() -> PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.ancestors().nth(3).map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"))
}

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

// ---------------------------------------------------------------------------------------------
// Generated text

/// A small deterministic generator (SplitMix64): the same library on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Words ranked by frequency, drawn with a Zipf-like law (rank r with probability ~ 1/r), as
/// words are in real text.
struct Vocabulary {
    ranked: Vec<String>,
}

const SECTIONS: [(&str, u32); 10] = [
    ("World", 20),
    ("Politics", 18),
    ("Business", 14),
    ("Sport", 14),
    ("Culture", 10),
    ("Science", 6),
    ("Opinion", 6),
    ("Local", 6),
    ("Tech", 4),
    ("Health", 2),
];

const STATUSES: [(Status, u32); 5] = [
    (Status::Published, 70),
    (Status::Draft, 10),
    (Status::Editing, 8),
    (Status::Archived, 7),
    (Status::Ready, 5),
];

fn weighted<T: Copy>(rng: &mut Rng, table: &[(T, u32)]) -> T {
    let total: u32 = table.iter().map(|(_, w)| w).sum();
    let mut pick = rng.below(total as usize) as u32;
    for (value, weight) in table {
        if pick < *weight {
            return *value;
        }
        pick -= weight;
    }
    table[0].0
}

impl Vocabulary {
    /// The words of the corpus (Markdown and a news article), by frequency; generated
    /// syllable words when the corpus is not there.
    fn load() -> Vocabulary {
        let mut counts: HashMap<String, u32> = HashMap::new();
        let dir = corpus_dir();
        let files = std::fs::read_dir(dir.join("rust-book-src"))
            .into_iter()
            .chain(std::fs::read_dir(&dir))
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file());
        for file in files {
            let text = std::fs::read_to_string(file).unwrap_or_default();
            for word in text.split(|c: char| !c.is_ascii_alphabetic()) {
                if (2..=14).contains(&word.len()) {
                    *counts.entry(word.to_ascii_lowercase()).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(String, u32)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut ranked: Vec<String> = ranked.into_iter().map(|(w, _)| w).take(5_000).collect();
        if ranked.len() < 2_000 {
            ranked = syllable_words(3_000);
        }
        Vocabulary { ranked }
    }

    fn word(&self, rng: &mut Rng) -> &str {
        let rank = (self.ranked.len() as f64).powf(rng.unit()) as usize - 1;
        &self.ranked[rank.min(self.ranked.len() - 1)]
    }

    fn words(&self, rng: &mut Rng, n: usize) -> String {
        (0..n).map(|_| self.word(rng)).collect::<Vec<_>>().join(" ")
    }

    /// `total` words as sentences in paragraphs.
    fn paragraphs(&self, rng: &mut Rng, total: usize) -> String {
        let mut out = String::new();
        let mut left = total;
        while left > 0 {
            let mut paragraph = Vec::new();
            for _ in 0..(2 + rng.below(4)) {
                let n = (8 + rng.below(18)).min(left);
                if n == 0 {
                    break;
                }
                left -= n;
                paragraph.push(format!("{}.", capitalized(&self.words(rng, n))));
            }
            out.push_str(&paragraph.join(" "));
            out.push_str("\n\n");
        }
        out
    }

    fn article(&self, rng: &mut Rng) -> NewArticle {
        let headline_words = 8 + rng.below(5);
        let dek_words = 15 + rng.below(11);
        let body_words = 250 + rng.below(101);
        let tags = (0..1 + rng.below(4))
            .map(|_| self.ranked[50 + rng.below(200)].clone())
            .collect();
        NewArticle {
            headline: capitalized(&self.words(rng, headline_words)),
            dek: format!("{}.", capitalized(&self.words(rng, dek_words))),
            byline: format!(
                "{} {}",
                capitalized(self.word(rng)),
                capitalized(self.word(rng))
            ),
            section: weighted(rng, &SECTIONS).to_string(),
            tags,
            dateline: self.word(rng).to_uppercase(),
            body: self.paragraphs(rng, body_words),
            slug: None,
            status: Some(weighted(rng, &STATUSES)),
            published_at: None,
            words_planned: Some(300),
            ..NewArticle::default()
        }
    }

    /// A realistic mix of what editors type: a rare word, a common word, two words, and a
    /// prefix typed so far. Labelled by kind.
    fn queries(&self) -> Vec<(&'static str, String)> {
        let mut rng = Rng(99);
        let n = self.ranked.len();
        let mut out = Vec::new();
        for _ in 0..QUERY_ROUNDS {
            let rare = &self.ranked[n - 1 - rng.below(n / 4)];
            let common = &self.ranked[rng.below(20)];
            let mid = |rng: &mut Rng| self.ranked[100 + rng.below(900)].clone();
            let (a, b) = (mid(&mut rng), mid(&mut rng));
            let prefix: String = mid(&mut rng).chars().take(3).collect();
            out.push(("rare_word", rare.clone()));
            out.push(("common_word", common.clone()));
            out.push(("two_words", format!("{a} {b}")));
            out.push(("prefix", prefix));
        }
        out
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn syllable_words(n: usize) -> Vec<String> {
    const SYLLABLES: [&str; 16] = [
        "ka", "ro", "mi", "te", "sun", "lo", "ve", "dar", "pi", "no", "shi", "ber", "gal", "tu",
        "men", "qua",
    ];
    (0..n)
        .map(|i| {
            let mut word = String::new();
            let mut k = i + 16;
            while k > 0 {
                word.push_str(SYLLABLES[k % 16]);
                k /= 16;
            }
            word
        })
        .collect()
}

fn draft(headline: &str, body: &str) -> NewArticle {
    NewArticle {
        headline: headline.into(),
        body: body.into(),
        ..NewArticle::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Reporting

/// Prints the median, p95, p99 and maximum of `times`.
fn report(name: &str, times: &mut [Duration]) {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{name}: n={} median {:.3} ms, p95 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        times.len(),
        ms(at(0.5)),
        ms(at(0.95)),
        ms(at(0.99)),
        ms(at(1.0)),
    );
}
