//! What the app and its checker process (`newsroom-proofer`) say to each other: one JSON object
//! per line, requests on the checker's standard input, answers on its standard output, in order.
//! The checker ends when its input does (the app closed it, or the app is gone).

use super::{Language, OwnWords, Problem, ProofingError, Proofreader};
use serde::{Deserialize, Serialize};
use std::io::{self, BufRead, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// What the app asks of the checker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "request", rename_all = "snake_case")]
pub enum Request {
    /// Check `text` in the language `language` (a Hunspell name such as `en_US`); answered by an
    /// [`Answer`] with the same `id`.
    Check {
        id: u64,
        language: String,
        text: String,
    },
    /// From the next check on, accept the library's own words; not answered.
    OwnWords { words: OwnWords },
}

/// The checker's answer to one [`Request::Check`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub id: u64,
    pub result: Result<Vec<Problem>, ProofingError>,
}

/// Answers the requests read from `input` on `output` until `input` ends. A request that cannot
/// be read ends the loop with an error: the app and the checker ship together, so it is a bug,
/// and the app hears of it as the checker stopping. A check that panics (a bug in a rule) is
/// answered [`ProofingError::Failed`], and the checker goes on with its dictionaries loaded.
pub fn serve(
    input: impl BufRead,
    mut output: impl Write,
    mut reader: Proofreader,
) -> io::Result<()> {
    for line in input.lines() {
        let request: Request = serde_json::from_str(&line?)
            .map_err(|err| io::Error::new(io::ErrorKind::InvalidData, err))?;
        match request {
            Request::Check { id, language, text } => {
                let result = match Language::parse(&language) {
                    Some(language) => {
                        catch_unwind(AssertUnwindSafe(|| reader.check(&text, &language)))
                            .unwrap_or(Err(ProofingError::Failed))
                    }
                    None => Err(ProofingError::NoDictionary { language }),
                };
                serde_json::to_writer(&mut output, &Answer { id, result })?;
                output.write_all(b"\n")?;
                output.flush()?;
                // Answered: what the check freed goes back while the editor types on.
                crate::freed_memory::give_back();
            }
            Request::OwnWords { words } => reader.set_own_words(words),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proofing::DictionaryShelf;

    fn answers(requests: &[Request]) -> io::Result<Vec<Answer>> {
        let mut input = Vec::new();
        for request in requests {
            serde_json::to_writer(&mut input, request)?;
            input.push(b'\n');
        }
        let mut output = Vec::new();
        let reader = Proofreader::new(DictionaryShelf::default(), OwnWords::default());
        serve(&input[..], &mut output, reader)?;
        Ok(output
            .split(|b| *b == b'\n')
            .filter(|line| !line.is_empty())
            .map(|line| serde_json::from_slice(line).expect("an answer"))
            .collect())
    }

    fn check(id: u64, language: &str, text: &str) -> Request {
        Request::Check {
            id,
            language: language.into(),
            text: text.into(),
        }
    }

    fn words(answer: &Answer) -> Vec<&str> {
        let problems = answer.result.as_ref().expect("problems");
        problems.iter().map(|p| p.word.as_str()).collect()
    }

    #[test]
    fn checks_are_answered_in_order_and_own_words_count_from_the_next_check() {
        let text = "The mayor met teh Brankovic family.";
        let answers = answers(&[
            check(1, "en_US", text),
            Request::OwnWords {
                words: OwnWords::new(["Brankovic".to_string()]),
            },
            check(2, "en-US", text),
        ])
        .unwrap();
        assert_eq!(answers.len(), 2);
        assert_eq!(
            (answers[0].id, words(&answers[0])),
            (1, vec!["teh", "Brankovic"])
        );
        assert_eq!((answers[1].id, words(&answers[1])), (2, vec!["teh"]));
    }

    #[test]
    fn a_language_that_is_not_a_tag_is_answered_with_a_sentence() {
        let answers = answers(&[check(7, "not a language", "Text.")]).unwrap();
        let err = answers[0].result.as_ref().unwrap_err();
        assert!(
            err.to_string()
                .starts_with("No spelling dictionary for not a language")
        );
    }

    #[test]
    fn a_request_that_cannot_be_read_ends_the_checker_with_an_error() {
        let mut output = Vec::new();
        let reader = Proofreader::new(DictionaryShelf::default(), OwnWords::default());
        let err = serve(&b"{\"request\":\"sing\"}\n"[..], &mut output, reader).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
        assert!(output.is_empty());
    }
}
