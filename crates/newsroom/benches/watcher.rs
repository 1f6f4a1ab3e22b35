//! Workspace watcher speed on a folder of 10,000 article files in 20 section folders.
//!
//! - Start: watching the folder (native, recursive). Target: well under 1 s.
//! - Latency: a file written until its batch is delivered (debounce included). Target: within
//!   the 300 ms an external edit has to reach the open editor (median).
//! - Idle: CPU time the watcher's threads use over 5 s with nothing happening. Target: ~0 %.
//!
//! The latency and idle figures come from plain timed loops and are printed; criterion times
//! the start. Run with `cargo bench -p newsroom --bench watcher`.

use criterion::Criterion;
use newsroom::workspace::{WatchOptions, WorkspaceWatcher};
use std::path::Path;
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

const SECTIONS: usize = 20;
const FILES_PER_SECTION: usize = 500;
const LATENCY_ROUNDS: usize = 30;

fn main() {
    let mut c = Criterion::default()
        .sample_size(20)
        .measurement_time(Duration::from_secs(4))
        .configure_from_args();
    let dir = tempfile::tempdir().expect("temporary folder");
    fill(dir.path());
    for polling in [false, true] {
        let options = WatchOptions {
            force_polling: polling,
            ..WatchOptions::default()
        };
        let name = if polling { "polling" } else { "native" };
        c.bench_function(&format!("watcher start on 10,000 files ({name})"), |b| {
            b.iter(|| WorkspaceWatcher::start_with(dir.path(), &options, |_| {}).expect("watch"))
        });
        latency_and_idle(dir.path(), &options, name);
    }
    c.final_summary();
}

fn fill(root: &Path) {
    for s in 0..SECTIONS {
        let section = root.join(format!("section-{s}"));
        std::fs::create_dir(&section).expect("section folder");
        for i in 0..FILES_PER_SECTION {
            let text = format!("---\nid: {i}\nheadline: Story {i}\n---\nBody of story {i}.\n");
            std::fs::write(section.join(format!("story-{i}.md")), text).expect("article file");
        }
    }
}

fn latency_and_idle(root: &Path, options: &WatchOptions, name: &str) {
    let (tx, rx) = channel();
    let watcher = WorkspaceWatcher::start_with(root, options, move |_| {
        let _ = tx.send(Instant::now());
    })
    .expect("watch");
    let mut latencies = Vec::new();
    for i in 0..LATENCY_ROUNDS {
        let file = root.join("section-3").join(format!("story-{i}.md"));
        let written = Instant::now();
        std::fs::write(&file, format!("changed {i}")).expect("write");
        if let Ok(seen) = rx.recv_timeout(Duration::from_secs(5)) {
            latencies.push(seen - written);
        }
        // Polling sees modification times to the second: let each write land in a new one.
        while rx.recv_timeout(Duration::from_millis(300)).is_ok() {}
        if name == "polling" {
            std::thread::sleep(Duration::from_millis(700));
        }
    }
    latencies.sort();
    if let (Some(median), Some(max)) = (latencies.get(latencies.len() / 2), latencies.last()) {
        println!(
            "{name}: write to batch, median {median:?}, max {max:?} ({} of {LATENCY_ROUNDS} seen)",
            latencies.len()
        );
    }
    let before = cpu_ticks();
    std::thread::sleep(Duration::from_secs(5));
    if let (Some(before), Some(after)) = (before, cpu_ticks()) {
        // Clock ticks are 10 ms on Linux.
        let percent = (after - before) as f64 * 10.0 / 5_000.0 * 100.0;
        println!("{name}: idle CPU over 5 s: {percent:.1} %");
    }
    watcher.stop();
}

/// User + system CPU time of this process in clock ticks (Linux only).
fn cpu_ticks() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}
