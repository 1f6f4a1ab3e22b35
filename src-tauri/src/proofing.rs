//! The app's one spell and grammar checker, kept beside the library rather than inside its
//! lock: a check of a long article takes a fraction of a second, during which saves go on (the
//! core refuses a text too long to check quickly).
//!
//! Checks run on a thread of their own at the lowest priority the system gives without
//! privileges. On a two-core machine the first check of an article (loading the dictionaries and
//! grammar rules, ~1 s of CPU) otherwise competes with the webview and the preview for the very
//! keystrokes typed just after opening it; at low priority it waits for the pauses it is for.

use crate::error::{CommandResult, UiError};
use crate::locks::lock;
use newsroom::proofing::{DictionaryShelf, Language, OwnWords, Problem, Proofreader};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex};
use thread_priority::{ThreadBuilderExt, ThreadPriority};
use tokio::sync::oneshot;

type Job = Box<dyn FnOnce() + Send>;

/// The checker, built on first use (its dictionaries load then), and the thread that runs it.
pub struct Proofing {
    reader: Arc<Mutex<Option<Proofreader>>>,
    /// The library's own words, kept here (they are small) so that a checker built again after
    /// [`Proofing::unload`] has them; `None` until the first check brings them.
    own_words: Arc<Mutex<Option<OwnWords>>>,
    /// Jobs for the checking thread; `None` when the system would not start one (checks then
    /// run on the caller's thread, as they would without this).
    jobs: Option<Sender<Job>>,
}

impl Default for Proofing {
    fn default() -> Self {
        let (sender, jobs) = mpsc::channel::<Job>();
        let started = std::thread::Builder::new()
            .name("proofing".into())
            .spawn_with_priority(ThreadPriority::Min, move |lowered| {
                if let Err(err) = lowered {
                    eprintln!("newsroom: spelling checks run at normal priority ({err:?})");
                }
                for job in jobs {
                    // A check that panics loses its own answer (its caller hears why), not the
                    // thread every later check needs.
                    let _ = catch_unwind(AssertUnwindSafe(job));
                }
            });
        if let Err(err) = &started {
            eprintln!("newsroom: spelling checks run on the caller's thread ({err})");
        }
        Proofing {
            reader: Arc::default(),
            own_words: Arc::default(),
            jobs: started.ok().map(|_| sender),
        }
    }
}

impl Proofing {
    /// Whether the next check needs to bring the library's word list (none has yet).
    pub fn needs_own_words(&self) -> bool {
        lock(&self.own_words).is_none()
    }

    /// Checks `text` in `language` on the checking thread. The caller awaits the answer without
    /// holding a thread of the shell's async runtime, which the preview and saves share.
    /// `own_words` is the library's word list while [`Self::needs_own_words`] says so.
    pub async fn check(
        &self,
        text: String,
        language: Language,
        own_words: Option<OwnWords>,
    ) -> CommandResult<Vec<Problem>> {
        if let Some(words) = own_words {
            lock(&self.own_words).get_or_insert(words);
        }
        let reader = Arc::clone(&self.reader);
        let words = Arc::clone(&self.own_words);
        let (answer, answered) = oneshot::channel();
        self.run(Box::new(move || {
            let mut reader = lock(&reader);
            let reader = reader.get_or_insert_with(|| {
                let words = lock(&words).clone().unwrap_or_default();
                Proofreader::new(DictionaryShelf::default(), words)
            });
            let problems = reader.check(&text, &language);
            // The caller may have gone (the window closed): nobody is left to tell.
            let _ = answer.send(problems.map_err(|e| newsroom::Error::from(e).into()));
        }));
        answered.await.unwrap_or_else(|_| {
            Err(UiError::io(
                "The spelling check failed; it runs again after your next change.",
            ))
        })
    }

    /// Tells the checker the library's word list changed: in turn with the checks, so the
    /// caller (a click in the window) never waits for one to finish.
    pub fn set_own_words(&self, own_words: OwnWords) {
        *lock(&self.own_words) = Some(own_words.clone());
        let reader = Arc::clone(&self.reader);
        self.run(Box::new(move || {
            if let Some(reader) = lock(&reader).as_mut() {
                reader.set_own_words(own_words);
            }
        }));
    }

    /// Lets the checker go (checking was switched off); a later check builds it again. Its own
    /// tables go, but Harper keeps its built-in word list in statics for the life of the process
    /// (measured: ~189 MB resident after a check, ~185 MB after this), so most of the memory comes
    /// back only when the app starts again with checking off.
    pub fn unload(&self) {
        let reader = Arc::clone(&self.reader);
        self.run(Box::new(move || *lock(&reader) = None));
    }

    /// Runs `job` on the checking thread, or here when there is none.
    fn run(&self, job: Job) {
        let unsent = match &self.jobs {
            Some(jobs) => jobs.send(job).err().map(|err| err.0),
            None => Some(job),
        };
        if let Some(job) = unsent {
            job();
        }
    }

    /// Languages with a dictionary on this computer, the shipped one first.
    pub fn languages(&self) -> Vec<Language> {
        DictionaryShelf::default().available()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tauri::async_runtime::block_on;

    fn english() -> Language {
        Language::parse("en-US").expect("a language")
    }

    fn words(problems: &[Problem]) -> Vec<&str> {
        problems.iter().map(|p| p.word.as_str()).collect()
    }

    #[test]
    fn checks_answer_from_the_checking_thread_and_new_words_count_from_the_next_check() {
        let proofing = Proofing::default();
        assert!(proofing.jobs.is_some(), "the checking thread started");
        let text = "The mayor met teh Brankovic family.";
        assert!(proofing.needs_own_words());
        let check = |words| block_on(proofing.check(text.into(), english(), words)).unwrap();
        assert_eq!(
            words(&check(Some(OwnWords::default()))),
            ["teh", "Brankovic"]
        );
        assert!(!proofing.needs_own_words());
        proofing.set_own_words(OwnWords::new(["Brankovic".to_string()]));
        let problems = check(None);
        assert_eq!(words(&problems), ["teh"]);
    }

    #[test]
    fn an_unloaded_checker_is_built_again_with_the_librarys_words() {
        let proofing = Proofing::default();
        let text = "Brankovic spoke.";
        let check = |words| block_on(proofing.check(text.into(), english(), words)).unwrap();
        assert_eq!(words(&check(Some(OwnWords::default()))), ["Brankovic"]);
        proofing.set_own_words(OwnWords::new(["Brankovic".to_string()]));
        proofing.unload();
        assert!(!proofing.needs_own_words(), "the words are kept");
        assert_eq!(words(&check(None)), Vec::<&str>::new());
    }

    /// Linux keeps a nice value per thread: the checking thread's is the lowest priority.
    #[cfg(target_os = "linux")]
    #[test]
    fn the_checking_thread_runs_at_the_lowest_priority() {
        let proofing = Proofing::default();
        let (answer, answered) = mpsc::channel();
        proofing.run(Box::new(move || {
            let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap();
            // After the name in parentheses, nice is the 17th field.
            let rest = &stat[stat.rfind(')').unwrap() + 2..];
            let nice: i32 = rest.split(' ').nth(16).unwrap().parse().unwrap();
            let name = std::thread::current().name().map(str::to_string);
            answer.send((name, nice)).unwrap();
        }));
        let (name, nice) = answered.recv().unwrap();
        assert_eq!(name.as_deref(), Some("proofing"));
        assert!(nice > 0, "nice {nice}");
    }
}
