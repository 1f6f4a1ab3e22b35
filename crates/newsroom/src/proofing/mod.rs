//! Spell and grammar checking of an article's Markdown body.
//!
//! The body is cut into its top-level blocks of prose ([`blocks`]); code, raw HTML and front
//! matter are never checked. Each block is parsed by Harper's Markdown parser, which leaves out
//! Markdown syntax, URLs, inline code and photo references, and its words are looked up in the
//! language's Hunspell dictionary ([`spelling`]) while Harper's rules check English grammar
//! ([`grammar`]). Results are remembered per block, so checking again after a keystroke checks
//! only the paragraph that changed.
//!
//! The checker holds no lock on the library. The desktop app runs it in a process of its own,
//! `newsroom-proofer` ([`CheckerProcess`], [`wire`]): Harper keeps ~170 MB of word tables in
//! statics for the life of a process, so only ending the process gives that memory back when
//! checking is switched off, and the app's own binary carries none of the checker's code and
//! data. The command line checks in process.

mod blocks;
mod checker_process;
mod dictionaries;
mod grammar;
mod language;
mod no_console;
mod own_words;
mod spelling;
mod system_dictionaries;
mod utf16;
pub mod wire;

pub use checker_process::CheckerProcess;
pub use dictionaries::DictionaryShelf;
pub use language::{DEFAULT_LANGUAGE, Language};
pub use own_words::OwnWords;

use crate::ErrorKind;
use grammar::Grammar;
use harper_core::parsers::{Markdown, MarkdownOptions};
use harper_core::spell::FstDictionary;
use harper_core::{Document, Span};
use serde::{Deserialize, Serialize};
use spelling::Suggestions;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;
pub use utf16::line_and_column;
use utf16::{Utf16Offsets, utf16_len};

/// What kind of problem a [`Problem`] is: a word not in the dictionary, or a grammar problem
/// (English only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    Spelling,
    Grammar,
}

impl ProblemKind {
    /// The name front ends show and the IPC carries.
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemKind::Spelling => "spelling",
            ProblemKind::Grammar => "grammar",
        }
    }
}

/// A misspelling or grammar problem, positioned in UTF-16 code units of the checked text (as
/// the editor counts), with the replacements it offers, best first (an empty one deletes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    pub from: usize,
    pub to: usize,
    pub kind: ProblemKind,
    /// A sentence for the editor ("“teh” is not in the dictionary.").
    pub message: String,
    /// The text flagged, as written.
    pub word: String,
    /// At most five replacements for `from..to`, best first; an empty one deletes it.
    pub suggestions: Vec<String>,
}

/// A failure to check, in a sentence. It crosses the checker process's wire as it is.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProofingError {
    #[error(
        "No spelling dictionary for {language} is installed. Install one (on Debian or Ubuntu, the hunspell package for the language) or choose another language."
    )]
    NoDictionary { language: String },
    #[error("The spelling dictionary for {language} could not be read: {reason}.")]
    BadDictionary { language: String, reason: String },
    #[error(
        "This article is too long to check for spelling and grammar ({bytes} bytes of text; at most {MAX_CHECKED_BYTES})."
    )]
    TooLong { bytes: usize },
    #[error("The spelling check failed on this text; it runs again after your next change.")]
    Failed,
    #[error("The spelling checker stopped unexpectedly; it starts again with your next change.")]
    Stopped,
    #[error(
        "The spelling checker could not be started ({reason}). Reinstalling Newsroom puts it back; until then, articles are not checked."
    )]
    Unavailable { reason: String },
}

impl ProofingError {
    /// A stable name for the kind of failure.
    pub fn kind(&self) -> ErrorKind {
        match self {
            ProofingError::NoDictionary { .. } => ErrorKind::NotFound,
            ProofingError::BadDictionary { .. } => ErrorKind::Io,
            ProofingError::TooLong { .. } => ErrorKind::TooLarge,
            ProofingError::Failed | ProofingError::Stopped | ProofingError::Unavailable { .. } => {
                ErrorKind::Io
            }
        }
    }
}

/// The longest text checked, in bytes (~150,000 words): a longer one is refused in a sentence
/// rather than holding the checker for seconds.
pub const MAX_CHECKED_BYTES: usize = 1024 * 1024;

/// A problem found in one block, in characters of the block.
struct Finding {
    span: Span<char>,
    kind: ProblemKind,
    message: String,
    word: String,
    suggestions: Vec<String>,
}

/// A block's problems, in UTF-16 code units of the block.
type BlockProblems = Arc<Vec<Problem>>;

/// Checks texts, remembering each block's problems until the block, the language or the word
/// list changes.
pub struct Proofreader {
    shelf: DictionaryShelf,
    grammar: Grammar,
    own_words: OwnWords,
    suggestions: Suggestions,
    /// Problems of the blocks seen in the last check, by hash of language and block text.
    remembered: HashMap<u64, BlockProblems>,
}

impl Proofreader {
    pub fn new(shelf: DictionaryShelf, own_words: OwnWords) -> Self {
        Proofreader {
            shelf,
            grammar: Grammar::default(),
            own_words,
            suggestions: Suggestions::default(),
            remembered: HashMap::new(),
        }
    }

    /// Replaces the library's own words (after one is added or removed).
    pub fn set_own_words(&mut self, own_words: OwnWords) {
        self.own_words = own_words;
        self.remembered.clear();
    }

    /// Languages with a dictionary here, the shipped one first.
    pub fn languages(&self) -> Vec<Language> {
        self.shelf.available()
    }

    /// The problems of `text` in `language`, in order of position.
    pub fn check(
        &mut self,
        text: &str,
        language: &Language,
    ) -> Result<Vec<Problem>, ProofingError> {
        if text.len() > MAX_CHECKED_BYTES {
            return Err(ProofingError::TooLong { bytes: text.len() });
        }
        let dictionary = self.shelf.get(language)?;
        let dialect = language.english_dialect();
        let harper_words = FstDictionary::curated();
        let mut problems = Vec::new();
        let mut remembered = HashMap::new();
        let mut utf16_at = 0;
        let mut byte_at = 0;
        for block in blocks::prose_blocks(text) {
            utf16_at += utf16_len(&text[byte_at..block.start]);
            byte_at = block.start;
            let block_text = &text[block.clone()];
            let key = block_key(language, block_text);
            let found = match self.remembered.get(&key) {
                Some(found) => found.clone(),
                None => {
                    let document = Document::new(
                        block_text,
                        &Markdown::new(MarkdownOptions::default()),
                        &*harper_words,
                    );
                    let mut findings = spelling::misspellings(
                        &document,
                        &dictionary,
                        &self.own_words,
                        &mut self.suggestions,
                    );
                    if let Some(dialect) = dialect {
                        let taken: Vec<Span<char>> = findings.iter().map(|f| f.span).collect();
                        findings.extend(
                            self.grammar
                                .problems(&document, dialect)
                                .into_iter()
                                .filter(|g| !taken.iter().any(|s| s.overlaps_with(g.span))),
                        );
                    }
                    Arc::new(in_utf16(findings, &document))
                }
            };
            problems.extend(found.iter().map(|p| Problem {
                from: p.from + utf16_at,
                to: p.to + utf16_at,
                ..p.clone()
            }));
            remembered.insert(key, found);
        }
        self.remembered = remembered;
        problems.sort_by_key(|p| (p.from, p.to));
        Ok(problems)
    }
}

fn block_key(language: &Language, block: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    (language, block).hash(&mut hasher);
    hasher.finish()
}

fn in_utf16(findings: Vec<Finding>, document: &Document) -> Vec<Problem> {
    let at = Utf16Offsets::new(document.get_source());
    findings
        .into_iter()
        .map(|f| Problem {
            from: at.of(f.span.start),
            to: at.of(f.span.end),
            kind: f.kind,
            message: f.message,
            word: f.word,
            suggestions: f.suggestions,
        })
        .collect()
}

#[cfg(test)]
mod tests;
