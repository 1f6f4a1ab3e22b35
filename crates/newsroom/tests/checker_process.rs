//! The checker process as the desktop app drives it: the real `newsroom-proofer` binary, started
//! on the first check, ended on request, started again after it dies.

use newsroom::proofing::{
    CheckerProcess, Language, MAX_CHECKED_BYTES, OwnWords, Problem, ProofingError,
};
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

fn checker() -> CheckerProcess {
    CheckerProcess::new(PathBuf::from(env!("CARGO_BIN_EXE_newsroom-proofer")))
}

fn english() -> Language {
    Language::parse("en_US").expect("a language")
}

/// Checks `text` and waits for the answer (a minute at most: the first check loads the
/// dictionaries, and tests run side by side on a small machine).
fn check(
    checker: &CheckerProcess,
    text: &str,
    own_words: Option<OwnWords>,
) -> Result<Vec<Problem>, ProofingError> {
    let (answer, answered) = mpsc::channel();
    checker.check(
        text.to_string(),
        &english(),
        own_words,
        Box::new(move |result| answer.send(result).expect("the test waits")),
    );
    answered
        .recv_timeout(Duration::from_secs(60))
        .expect("an answer")
}

fn words(problems: &[Problem]) -> Vec<&str> {
    problems.iter().map(|p| p.word.as_str()).collect()
}

/// Sends `signal` to process `pid` with kill(1); whether it was delivered.
#[cfg(unix)]
fn signal(pid: u32, signal: &str) -> bool {
    std::process::Command::new("kill")
        .args([signal, &pid.to_string()])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn the_checker_starts_on_the_first_check_and_answers_with_the_librarys_words() {
    let checker = checker();
    assert_eq!(checker.process_id(), None, "nothing runs before a check");
    assert!(checker.needs_own_words());
    let problems = check(
        &checker,
        "The mayor met teh Brankovic family.",
        Some(OwnWords::default()),
    );
    assert_eq!(words(&problems.unwrap()), ["teh", "Brankovic"]);
    assert!(checker.process_id().is_some());
    checker.set_own_words(OwnWords::new(["Brankovic".to_string()]));
    let problems = check(&checker, "The mayor met teh Brankovic family.", None).unwrap();
    assert_eq!(words(&problems), ["teh"]);
    assert_eq!(
        problems[0].from, 14,
        "positions in UTF-16 code units of the text"
    );
}

#[cfg(unix)]
#[test]
fn stopping_ends_the_process_and_the_next_check_starts_another_with_the_same_words() {
    let checker = checker();
    let own = OwnWords::new(["Brankovic".to_string()]);
    assert!(
        check(&checker, "Brankovic spoke.", Some(own))
            .unwrap()
            .is_empty()
    );
    let first = checker.process_id().expect("running");
    checker.stop();
    assert_eq!(checker.process_id(), None);
    // Signal 0 asks without sending: an ended, reaped process has nobody to ask.
    assert!(
        !signal(first, "-0"),
        "process {first} ended (its memory came back)"
    );
    assert!(
        check(&checker, "Brankovic spoke.", None)
            .unwrap()
            .is_empty()
    );
    assert_ne!(checker.process_id(), Some(first));
}

#[cfg(unix)]
#[test]
fn a_checker_that_dies_is_reported_in_a_sentence_and_started_again() {
    let checker = checker();
    let own = OwnWords::new(["Brankovic".to_string()]);
    check(&checker, "Warm-up.", Some(own)).unwrap();
    let pid = checker.process_id().expect("running");
    assert!(signal(pid, "-KILL"));
    // A check sent before the app notices hears that the checker stopped; the next one starts
    // another. None waits forever.
    let problems = loop {
        match check(&checker, "Brankovic spoke with teh mayor.", None) {
            Err(err) => {
                assert_eq!(err, ProofingError::Stopped);
                assert!(
                    err.to_string()
                        .contains("starts again with your next change")
                );
            }
            Ok(problems) => break problems,
        }
    };
    assert_eq!(
        words(&problems),
        ["teh"],
        "the restarted checker has the library's words"
    );
    assert_ne!(checker.process_id(), Some(pid));
}

#[test]
fn a_text_too_long_is_refused_without_starting_the_checker() {
    let checker = checker();
    let text = "word ".repeat(MAX_CHECKED_BYTES / 5 + 1);
    let err = check(&checker, &text, None).unwrap_err();
    assert!(matches!(err, ProofingError::TooLong { .. }), "{err}");
    assert_eq!(checker.process_id(), None);
}

#[test]
fn a_missing_checker_is_reported_in_a_sentence() {
    let checker = CheckerProcess::new(PathBuf::from("/nonexistent/newsroom-proofer"));
    let err = check(&checker, "Text.", None).unwrap_err();
    assert!(matches!(err, ProofingError::Unavailable { .. }));
    assert!(
        err.to_string()
            .starts_with("The spelling checker could not be started"),
        "{err}"
    );
}

/// Linux keeps a nice value per thread; the checker lowers its own at start.
#[cfg(target_os = "linux")]
#[test]
fn the_checker_runs_at_the_lowest_priority() {
    let checker = checker();
    check(&checker, "Warm-up.", Some(OwnWords::default())).unwrap();
    let pid = checker.process_id().expect("running");
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // After the name in parentheses, nice is the 17th field.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let nice: i32 = rest.split(' ').nth(16).unwrap().parse().unwrap();
    assert!(nice > 0, "nice {nice}");
}
