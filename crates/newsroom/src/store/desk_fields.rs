//! Upgrading to the desk's fields (migration 0006): a workspace file that already carried
//! `kicker:` (or another of the fields Newsroom now keeps itself) had it stored among the
//! article's extra fields, written back untouched. Those values move into the article's own
//! columns, so the library and the file agree once the file is read as the new version reads it.

use rusqlite::{Transaction, params};
use serde_norway::{Mapping, Value};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Moves the desk's fields out of every article's extra fields. A value this version cannot
/// read (an embargo that is not a date) stays where it was, so nothing is lost.
pub(super) fn adopt_from_extra_fields(tx: &Transaction<'_>) -> rusqlite_migration::HookResult {
    let rows: Vec<(i64, String)> = tx
        .prepare("SELECT article_id, fields FROM article_extra_fields")?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (article, yaml) in rows {
        let Ok(mut extra) = serde_norway::from_str::<Mapping>(&yaml) else {
            continue;
        };
        let adopted = take_desk_fields(&mut extra);
        if adopted.is_empty() {
            continue;
        }
        for (column, value) in &adopted {
            // Column names come from the fixed list in take_desk_fields, never from the file.
            tx.execute(
                &format!("UPDATE articles SET {column} = ?2 WHERE id = ?1"),
                params![article, value],
            )?;
        }
        if extra.is_empty() {
            tx.execute(
                "DELETE FROM article_extra_fields WHERE article_id = ?1",
                [article],
            )?;
        } else {
            let rest = serde_norway::to_string(&extra)
                .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))?;
            tx.execute(
                "UPDATE article_extra_fields SET fields = ?2 WHERE article_id = ?1",
                params![article, rest],
            )?;
        }
    }
    Ok(())
}

/// The desk's fields found in `extra`, as column and value, taken out of it.
fn take_desk_fields(extra: &mut Mapping) -> Vec<(&'static str, rusqlite::types::Value)> {
    use rusqlite::types::Value as Sql;
    let mut adopted = Vec::new();
    for column in [
        "kicker",
        "seo_headline",
        "social_headline",
        "embargo",
        "words_planned",
    ] {
        let Some(value) = extra.get(column) else {
            continue;
        };
        let read = match (column, value) {
            ("embargo", Value::String(text)) => OffsetDateTime::parse(text.trim(), &Rfc3339)
                .ok()
                .map(|t| Sql::Integer(t.unix_timestamp())),
            ("words_planned", Value::Number(n)) => n
                .as_u64()
                .filter(|n| (1..=u32::MAX as u64).contains(n))
                .map(|n| Sql::Integer(n as i64)),
            ("embargo" | "words_planned", _) => None,
            (_, Value::String(text)) => Some(Sql::Text(super::articles::one_line(text))),
            _ => None,
        };
        if let Some(read) = read {
            extra.remove(column);
            adopted.push((column, read));
        }
    }
    adopted
}

#[cfg(test)]
mod tests {
    use super::super::open::migrations_to;
    use rusqlite::Connection;

    #[test]
    fn a_kicker_kept_as_an_extra_field_becomes_the_articles_own() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrations_to(&mut conn, 5);
        for (slug, extra) in [
            ("one", "kicker: Analysis\naliases:\n- /old/one\n"),
            (
                "two",
                "kicker: Exclusive\nembargo: 2026-12-03T18:00:00+01:00\nwords_planned: 800\n",
            ),
            ("three", "embargo: next week\n"),
        ] {
            conn.execute(
                "INSERT INTO articles (slug, headline, uid, created_at, updated_at) VALUES (?1, ?1, ?1, 0, 0)",
                [slug],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO article_extra_fields (article_id, fields) VALUES (last_insert_rowid(), ?1)",
                [extra],
            )
            .unwrap();
        }
        migrations_to(&mut conn, 6);

        let row = |slug: &str| -> (String, Option<i64>, Option<i64>, Option<String>) {
            conn.query_row(
                "SELECT a.kicker, a.embargo, a.words_planned, e.fields FROM articles a
                 LEFT JOIN article_extra_fields e ON e.article_id = a.id WHERE a.slug = ?1",
                [slug],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap()
        };
        assert_eq!(
            row("one"),
            (
                "Analysis".into(),
                None,
                None,
                Some("aliases:\n- /old/one\n".into())
            )
        );
        assert_eq!(
            row("two"),
            ("Exclusive".into(), Some(1_796_317_200), Some(800), None)
        );
        // Not a date: left where it was, for the editor to see in the file.
        assert_eq!(
            row("three"),
            (
                String::new(),
                None,
                None,
                Some("embargo: next week\n".into())
            )
        );
    }
}
