//! The app's spell and grammar checker: the core's [`CheckerProcess`], running the
//! `newsroom-proofer` installed beside the app, kept beside the library rather than inside its
//! lock (a check of a long article takes a fraction of a second, during which saves go on).

use crate::error::{CommandResult, UiError};
use newsroom::proofing::{CheckerProcess, DictionaryShelf, Language, OwnWords, Problem};
use std::path::PathBuf;
use tokio::sync::oneshot;

/// The checker's file name, beside the app's own binary wherever it is installed (the bundles
/// place it there; `cargo build` writes both to the same folder).
const PROOFER: &str = "newsroom-proofer";

/// The checker process, started on the first check.
pub struct Proofing {
    process: CheckerProcess,
}

impl Default for Proofing {
    fn default() -> Self {
        Proofing {
            process: CheckerProcess::new(proofer_path()),
        }
    }
}

impl Proofing {
    /// Whether the next check needs to bring the library's word list (none has yet).
    pub fn needs_own_words(&self) -> bool {
        self.process.needs_own_words()
    }

    /// Checks `text` in `language`. The caller awaits the answer without holding a thread of the
    /// shell's async runtime, which the preview and saves share. `own_words` is the library's
    /// word list while [`Self::needs_own_words`] says so.
    pub async fn check(
        &self,
        text: String,
        language: Language,
        own_words: Option<OwnWords>,
    ) -> CommandResult<Vec<Problem>> {
        let (answer, answered) = oneshot::channel();
        let reply = Box::new(move |result: Result<Vec<Problem>, _>| {
            // The caller may have gone (the window closed): nobody is left to tell.
            let _ = answer.send(result.map_err(|e| newsroom::Error::from(e).into()));
        });
        self.process.check(text, &language, own_words, reply);
        answered.await.unwrap_or_else(|_| {
            Err(UiError::io(
                "The spelling check failed; it runs again after your next change.",
            ))
        })
    }

    /// Tells the checker the library's word list changed, without waiting for a check to end.
    pub fn set_own_words(&self, own_words: OwnWords) {
        self.process.set_own_words(own_words);
    }

    /// Ends the checker process (checking was switched off): all of its memory comes back, and a
    /// later check starts it again.
    pub fn unload(&self) {
        self.process.stop();
    }

    /// Languages with a dictionary on this computer, the shipped one first.
    pub fn languages(&self) -> Vec<Language> {
        DictionaryShelf::default().available()
    }
}

/// Where the checker is: beside this program. A test runs from cargo's `deps` folder, one below
/// where cargo writes the binaries.
fn proofer_path() -> PathBuf {
    let name = format!("{PROOFER}{}", std::env::consts::EXE_SUFFIX);
    let here = std::env::current_exe().ok();
    let folder = here.as_deref().and_then(|exe| exe.parent());
    let folder = match folder {
        Some(deps) if cfg!(test) && deps.ends_with("deps") => deps.parent(),
        folder => folder,
    };
    folder.map_or_else(|| PathBuf::from(&name), |folder| folder.join(&name))
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

    fn proofing() -> Proofing {
        let proofing = Proofing::default();
        let program = proofer_path();
        assert!(
            program.is_file(),
            "{} is built by `cargo build -p newsroom --bin newsroom-proofer` (and by `cargo test --workspace`)",
            program.display()
        );
        proofing
    }

    #[test]
    fn checks_answer_from_the_checker_process_and_new_words_count_from_the_next_check() {
        let proofing = proofing();
        let text = "The mayor met teh Brankovic family.";
        assert!(proofing.needs_own_words());
        let check = |words| block_on(proofing.check(text.into(), english(), words)).unwrap();
        assert_eq!(
            words(&check(Some(OwnWords::default()))),
            ["teh", "Brankovic"]
        );
        assert!(!proofing.needs_own_words());
        proofing.set_own_words(OwnWords::new(["Brankovic".to_string()]));
        assert_eq!(words(&check(None)), ["teh"]);
    }

    #[test]
    fn a_missing_checker_is_a_sentence_not_a_hang() {
        let proofing = Proofing {
            process: CheckerProcess::new(PathBuf::from("/nonexistent/newsroom-proofer")),
        };
        let err = block_on(proofing.check("Text.".into(), english(), None)).unwrap_err();
        assert!(
            err.message
                .starts_with("The spelling checker could not be started"),
            "{}",
            err.message
        );
    }
}
