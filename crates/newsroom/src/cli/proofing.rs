//! `newsroom check` and `newsroom dictionary`: spell and grammar checking from the command line,
//! with the same checker, dictionaries and word list as the app.

use super::CliResult;
use super::args::{DictionaryCommand, Switch};
use super::output::{article_id, print_json};
use crate::cli::output::out;
use newsroom::Library;
use newsroom::proofing::{DictionaryShelf, Problem, Proofreader, line_and_column};

pub fn check(library: &mut Library, id: &str, json: bool) -> CliResult {
    let id = article_id(library, id)?;
    let body = library.article(id)?.body;
    let language = library.proofing_language(id)?;
    let mut reader = Proofreader::new(DictionaryShelf::default(), library.own_words()?);
    let problems = reader
        .check(&body, &language)
        .map_err(newsroom::Error::from)?;
    if json {
        return print_json(&problems);
    }
    if problems.is_empty() {
        out!(
            "No spelling or grammar problems ({}).",
            language.display_name()
        );
    }
    for problem in &problems {
        let (line, column) = line_and_column(&body, problem.from);
        out!(
            "{line}:{column}\t{}\t{}{}",
            problem.kind.as_str(),
            problem.message,
            offers(problem)
        );
    }
    Ok(())
}

pub fn dictionary(library: &mut Library, command: DictionaryCommand) -> CliResult {
    match command {
        DictionaryCommand::Add { words } => {
            for word in words {
                let kept = library.add_to_dictionary(&word)?;
                out!("Added “{kept}”.");
            }
        }
        DictionaryCommand::Remove { words } => {
            for word in words {
                library.remove_from_dictionary(&word)?;
                out!("Removed “{}”.", word.trim());
            }
        }
        DictionaryCommand::List => {
            for word in library.dictionary_words()? {
                out!("{word}");
            }
        }
        DictionaryCommand::Language { tag: Some(tag) } => {
            let language = library.set_default_proofing_language(&tag)?;
            out!(
                "Articles are checked in {} ({language}) unless they name their own.",
                language.display_name()
            );
        }
        DictionaryCommand::Language { tag: None } => {
            let default = library.default_proofing_language()?;
            out!("Default: {} ({default})", default.display_name());
            for language in DictionaryShelf::default().available() {
                out!("{language}\t{}", language.display_name());
            }
        }
        DictionaryCommand::AsYouType { switch } => {
            if let Some(switch) = switch {
                library.set_checks_as_you_type(switch == Switch::On)?;
            }
            let state = if library.checks_as_you_type()? {
                "on"
            } else {
                "off"
            };
            out!("Checking as you type is {state}.");
        }
    }
    Ok(())
}

/// ` → the, eh` after a problem that offers replacements.
fn offers(problem: &Problem) -> String {
    if problem.suggestions.is_empty() {
        return String::new();
    }
    let shown: Vec<String> = problem
        .suggestions
        .iter()
        .map(|s| {
            if s.is_empty() {
                "(delete)".to_string()
            } else {
                s.clone()
            }
        })
        .collect();
    format!(" → {}", shown.join(", "))
}
