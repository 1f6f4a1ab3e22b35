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

/// Harper's rule groups, one per dialect, built on first use (building one parses a few hundred
/// rules).
#[derive(Default)]
pub struct Grammar {
    groups: HashMap<Dialect, LintGroup>,
}

impl Grammar {
    /// The grammar problems of a document, as character spans of its source.
    pub fn problems(&mut self, document: &Document, dialect: Dialect) -> Vec<Finding> {
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
