//! Full-text search over headline, dek, body, tags and photo captions (SQLite FTS5); the
//! captions column also holds the kicker and the desk's notes, the text around the story.
//!
//! What an editor types is never passed to FTS5 as query syntax: it is split into words, each
//! quoted, and the last one matched as a prefix, so search works as you type and stray quotes
//! or operators cannot cause an error.

use super::articles::{SUMMARY_COLUMN_COUNT, SUMMARY_COLUMNS, summary_from_row};
use super::{Store, StoreError};
use crate::model::SearchHit;

/// Weights of the indexed columns for ranking: headline, dek, body, tags, captions.
const RANK: &str = "bm25(articles_fts, 10.0, 4.0, 1.0, 6.0, 2.0)";

/// At most this many matches, the most recently created, are ranked.
///
/// Ranking scores every match: a common word matches nearly every article, and scoring
/// 100,000 of them takes about 80 ms, too slow for search-as-you-type. A query that matches
/// more articles than this is not selective anyway (bm25 gives a word found everywhere almost
/// no weight), so the newest stories among its matches are the useful ones.
const RANKED_MATCHES: u32 = 5_000;

/// Words of a query, lowercased. Accents are left for FTS5 to fold: it runs quoted words
/// through the index's own tokenizer (remove_diacritics), whereas folding them to ASCII here
/// would make words in other scripts ("Лавров") unfindable.
fn query_words(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// How words are compared when marking a snippet: lowercased ASCII, on both sides.
fn fold(word: &str) -> String {
    deunicode::deunicode(word).to_lowercase()
}

/// The last word is matched as a prefix from this many letters on: the index keeps 3-letter
/// prefixes (see the migration), and a shorter prefix would stand for hundreds of words.
const MIN_PREFIX_CHARS: usize = 3;

/// The FTS5 expression for `words`: every word required, the last one as a prefix.
fn fts_expression(words: &[String]) -> String {
    let mut parts: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
    if let (Some(last), Some(word)) = (parts.last_mut(), words.last())
        && word.chars().count() >= MIN_PREFIX_CHARS
    {
        last.push('*');
    }
    parts.join(" ")
}

impl Store {
    /// Re-indexes the articles the triggers marked as changed (`fts_pending`), in one
    /// transaction. [`Store::search`] calls it first; front ends may call it when typing pauses
    /// so that the next search does not pay for it.
    pub fn refresh_search_index(&self) -> Result<(), StoreError> {
        let pending: bool = self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM fts_pending)")?
            .query_row([], |r| r.get(0))?;
        if !pending {
            return Ok(());
        }
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )?;
        tx.execute_batch(
            "DELETE FROM articles_fts WHERE rowid IN (SELECT article_id FROM fts_pending);
             INSERT INTO articles_fts (rowid, headline, dek, body, tags, captions)
                 SELECT a.id, a.headline, a.dek, a.body, a.tags,
                        concat_ws(' ', c.captions, n.notes, a.kicker)
                 FROM fts_pending p
                 JOIN articles a ON a.id = p.article_id
                 LEFT JOIN article_captions c ON c.article_id = a.id
                 LEFT JOIN article_note_text n ON n.article_id = a.id;
             DELETE FROM fts_pending;",
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Articles matching every word of `query` (the last word as a prefix), best first,
    /// trash excluded, at most `limit`. See [`RANKED_MATCHES`] for very common words.
    pub fn search(&self, query: &str, limit: u32) -> Result<Vec<SearchHit>, StoreError> {
        let words = query_words(query);
        if words.is_empty() {
            return Ok(Vec::new());
        }
        self.refresh_search_index()?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS}, a.dek, a.body
             FROM (SELECT rowid, rank
                   FROM (SELECT rowid, {RANK} AS rank FROM articles_fts
                         WHERE articles_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?3)
                   ORDER BY rank LIMIT ?2) m
             JOIN articles a ON a.id = m.rowid
             WHERE a.trashed_at IS NULL
             ORDER BY m.rank"
        ))?;
        // Over-fetch a little so trashed matches do not shorten the page.
        let fetch = i64::from(limit) + 16;
        let params = rusqlite::params![fts_expression(&words), fetch, RANKED_MATCHES];
        let rows = stmt.query_map(params, |r| {
            let summary = summary_from_row(r)?;
            let dek: String = r.get(SUMMARY_COLUMN_COUNT)?;
            let body: String = r.get(SUMMARY_COLUMN_COUNT + 1)?;
            Ok((summary, dek, body))
        })?;
        let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
        let mut hits = Vec::new();
        for row in rows {
            let (article, dek, body) = row?;
            let snippet = snippet(&body, &folded)
                .or_else(|| snippet(&dek, &folded))
                .unwrap_or_else(|| excerpt_start(if dek.is_empty() { &body } else { &dek }));
            hits.push(SearchHit { article, snippet });
            if hits.len() == limit as usize {
                break;
            }
        }
        Ok(hits)
    }
}

/// Words of `text` with their byte ranges, Markdown punctuation left out.
fn words_of(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// About twenty words around the first word of `text` that matches the query (words already
/// [`fold`]ed), with matches marked « ».
fn snippet(text: &str, query: &[String]) -> Option<String> {
    let spans = words_of(text);
    let matches = |&(s, e): &(usize, usize)| {
        let word = fold(&text[s..e]);
        query.iter().any(|q| word.starts_with(q.as_str()))
    };
    let first = spans.iter().position(matches)?;
    let from = first.saturating_sub(8);
    let to = (first + 14).min(spans.len());
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    for span in &spans[from..to] {
        if !out.is_empty() && !out.ends_with('…') {
            out.push(' ');
        }
        let word = &text[span.0..span.1];
        if matches(span) {
            out.push('«');
            out.push_str(word);
            out.push('»');
        } else {
            out.push_str(word);
        }
    }
    if to < spans.len() {
        out.push('…');
    }
    Some(out)
}

/// The first twenty words, when the match was in the headline, tags or captions.
fn excerpt_start(text: &str) -> String {
    let spans = words_of(text);
    let mut out: Vec<&str> = spans.iter().take(20).map(|&(s, e)| &text[s..e]).collect();
    if spans.len() > 20 {
        out.push("…");
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_quoted_words_with_a_prefix_last() {
        let words = query_words("Lavrov \"AND\" (país* NEAR");
        assert_eq!(words, vec!["lavrov", "and", "país", "near"]);
        assert_eq!(
            fts_expression(&words),
            "\"lavrov\" \"and\" \"país\" \"near\"*"
        );
        assert!(query_words("  \"*^ ").is_empty());
        let short = query_words("budget we");
        assert_eq!(fts_expression(&short), "\"budget\" \"we\"");
    }

    #[test]
    fn snippets_mark_matches_in_context() {
        let text = "In a statement on Tuesday, the head of US diplomacy has urged the Russian \
                    authorities to withdraw troops.";
        let s = snippet(text, &["russian".into()]).unwrap();
        assert!(s.contains("«Russian»"), "{s}");
        assert!(s.starts_with('…'));
        assert!(snippet(text, &["nothing".into()]).is_none());
    }
}
