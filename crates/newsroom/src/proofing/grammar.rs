//! English grammar with Harper's curated rules, minus its own spell check (Hunspell and the
//! library's word list do spelling) and the rules that argue with a newsroom's house style.

use super::{Finding, ProblemKind};
use harper_core::linting::{LintGroup, Linter, Suggestion};
use harper_core::spell::FstDictionary;
use harper_core::{Dialect, Document};
use std::collections::HashMap;

/// Harper rules a desk does not want: spelling is done elsewhere; headlines are in sentence
/// case; sentence length, quoted curses and the ellipsis character are matters of house style.
const RULES_OFF: [&str; 5] = [
    "SpellCheck",
    "UseTitleCase",
    "LongSentences",
    "AvoidCurses",
    "UseEllipsisCharacter",
];

/// How many documents the rule groups check before they are built again. A group remembers the
/// results of the last 1,000 chunks and 1,000 sentences it saw, each with an entry per rule, so
/// editing (a new text for the edited paragraph at every check) grew the checker by ~75 MB before
/// those caches filled; the proofreader remembers each paragraph's problems itself, so they
/// save little here. Building a group again takes ~30 ms, once per 200 checks of ~2 ms
/// (`examples/checker_memory.rs`, BENCHMARKS.md).
const CHECKS_PER_GROUP: usize = 200;

/// Harper's rule groups, one per dialect, built on first use (building one parses a few hundred
/// rules) and again after [`CHECKS_PER_GROUP`] checks.
#[derive(Default)]
pub struct Grammar {
    groups: HashMap<Dialect, LintGroup>,
    checks: usize,
}

impl Grammar {
    /// The grammar problems of a document, as character spans of its source.
    pub fn problems(&mut self, document: &Document, dialect: Dialect) -> Vec<Finding> {
        self.checks += 1;
        if self.checks > CHECKS_PER_GROUP {
            self.groups.clear();
            self.checks = 1;
        }
        let group = self.groups.entry(dialect).or_insert_with(|| {
            let mut group = LintGroup::new_curated(FstDictionary::curated(), dialect);
            for rule in RULES_OFF {
                group.config.set_rule_enabled(rule, false);
            }
            group
        });
        let source = document.get_source();
        group
            .lint(document)
            .into_iter()
            .map(|lint| {
                let written: String = lint.span.get_content(source).iter().collect();
                let suggestions = lint
                    .suggestions
                    .iter()
                    .map(|s| replacement(s, &written))
                    .filter(|s| *s != written)
                    .collect();
                Finding {
                    span: lint.span,
                    kind: ProblemKind::Grammar,
                    message: lint.message.replace('`', ""),
                    suggestions,
                    word: written,
                }
            })
            .collect()
    }
}

/// A Harper suggestion as the text that replaces the flagged span (empty: delete it).
fn replacement(suggestion: &Suggestion, written: &str) -> String {
    match suggestion {
        Suggestion::ReplaceWith(with) => with.iter().collect(),
        Suggestion::InsertAfter(insert) => {
            format!("{written}{}", insert.iter().collect::<String>())
        }
        Suggestion::Remove => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use harper_core::parsers::{Markdown, MarkdownOptions};

    fn words(grammar: &mut Grammar, text: &str) -> Vec<String> {
        let document = Document::new(
            text,
            &Markdown::new(MarkdownOptions::default()),
            &*FstDictionary::curated(),
        );
        let findings = grammar.problems(&document, Dialect::American);
        findings.into_iter().map(|f| f.word).collect()
    }

    #[test]
    fn the_rule_groups_are_built_again_after_their_share_of_checks_and_find_the_same() {
        let mut grammar = Grammar::default();
        let text = "This is an test of the desk.";
        assert_eq!(words(&mut grammar, text), ["an"]);
        for n in 1..CHECKS_PER_GROUP {
            words(&mut grammar, &format!("Paragraph {n} is fine."));
        }
        assert_eq!(grammar.checks, CHECKS_PER_GROUP);
        // The next check is the first of a new group: its caches are gone, its answers are not.
        assert_eq!(words(&mut grammar, text), ["an"]);
        assert_eq!(grammar.checks, 1);
    }
}
