//! The budget's query: which stories a day holds, the filters, every sort both ways, the
//! photos-ready rule and the last note.

use super::{BudgetQuery, BudgetRow, BudgetSort, Day, TimeKind};
use crate::model::{
    ArticleId, ImageFormat, NewArticle, PhotoFile, PhotoRole, RevisionCause, Status, Timestamp,
};
use crate::store::{PhotoText, Store};
use rusqlite::params;

/// Thursday 3 December 2026, 00:00 UTC.
const DAY: Timestamp = 1_796_256_000;
const HOUR: Timestamp = 3_600;

fn store() -> Store {
    Store::open_in_memory().expect("an in-memory library")
}

/// A story with these fields, its times set as given (the clock plays no part).
fn story(s: &mut Store, headline: &str, section: &str, times: Times) -> ArticleId {
    let new = NewArticle {
        headline: headline.into(),
        section: section.into(),
        byline: format!("By {headline}"),
        ..NewArticle::default()
    };
    let id = s
        .create_article(&new, RevisionCause::Manual)
        .expect("created")
        .id;
    s.conn
        .execute(
            "UPDATE articles SET updated_at = ?2, published_at = ?3, embargo = ?4 WHERE id = ?1",
            params![id, times.updated, times.published, times.embargo],
        )
        .expect("times set");
    id
}

#[derive(Clone, Copy)]
struct Times {
    updated: Timestamp,
    published: Option<Timestamp>,
    embargo: Option<Timestamp>,
}

fn updated(at: Timestamp) -> Times {
    Times {
        updated: at,
        published: None,
        embargo: None,
    }
}

fn set(s: &Store, id: ArticleId, sql: &str, value: &dyn rusqlite::ToSql) {
    s.conn
        .execute(
            &format!("UPDATE articles SET {sql} = ?2 WHERE id = ?1"),
            params![id, value],
        )
        .expect("field set");
}

fn on(day: Timestamp) -> BudgetQuery {
    BudgetQuery {
        day: Some(Day {
            start: day,
            end: day + 24 * HOUR,
        }),
        ..BudgetQuery::default()
    }
}

fn headlines(s: &Store, query: &BudgetQuery) -> Vec<String> {
    rows(s, query).into_iter().map(|r| r.headline).collect()
}

fn rows(s: &Store, query: &BudgetQuery) -> Vec<BudgetRow> {
    s.budget(query).expect("the budget reads").rows
}

fn sorted(sort: BudgetSort, descending: bool) -> BudgetQuery {
    BudgetQuery {
        sort,
        descending,
        ..BudgetQuery::default()
    }
}

#[test]
fn a_story_belongs_to_the_day_of_its_embargo_else_its_publication_else_its_last_change() {
    let mut s = store();
    // Changed today but embargoed until tomorrow: tomorrow's story.
    story(
        &mut s,
        "Embargoed",
        "World",
        Times {
            updated: DAY + HOUR,
            published: None,
            embargo: Some(DAY + 30 * HOUR),
        },
    );
    // Published yesterday and corrected today: yesterday's.
    story(
        &mut s,
        "Published",
        "World",
        Times {
            updated: DAY + 2 * HOUR,
            published: Some(DAY - 2 * HOUR),
            embargo: None,
        },
    );
    story(&mut s, "Drafted at midnight", "World", updated(DAY));
    story(
        &mut s,
        "Drafted just before the next",
        "World",
        updated(DAY + 24 * HOUR - 1),
    );
    story(
        &mut s,
        "Drafted the next midnight",
        "World",
        updated(DAY + 24 * HOUR),
    );

    assert_eq!(
        headlines(&s, &on(DAY)),
        ["Drafted at midnight", "Drafted just before the next"]
    );
    assert_eq!(
        headlines(&s, &on(DAY + 24 * HOUR)),
        ["Drafted the next midnight", "Embargoed"]
    );
    assert_eq!(headlines(&s, &on(DAY - 24 * HOUR)), ["Published"]);

    let kinds: Vec<_> = rows(&s, &BudgetQuery::default())
        .into_iter()
        .map(|r| (r.headline, r.time_kind, r.time))
        .collect();
    assert!(kinds.contains(&("Embargoed".into(), TimeKind::Embargo, DAY + 30 * HOUR)));
    assert!(kinds.contains(&("Published".into(), TimeKind::Published, DAY - 2 * HOUR)));
    assert!(kinds.contains(&("Drafted at midnight".into(), TimeKind::Updated, DAY)));
}

#[test]
fn filters_by_section_ignoring_case_and_by_status_and_never_lists_the_trash() {
    let mut s = store();
    let world = story(&mut s, "Quake", "World", updated(DAY + HOUR));
    story(&mut s, "Rates", "Business", updated(DAY + 2 * HOUR));
    let trashed = story(&mut s, "Withdrawn", "World", updated(DAY + 3 * HOUR));
    s.trash(trashed).unwrap();
    set(&s, trashed, "updated_at", &(DAY + 3 * HOUR));
    set(&s, world, "status", &"editing");

    let mut query = on(DAY);
    assert_eq!(headlines(&s, &query), ["Quake", "Rates"]);
    query.section = Some("world".into());
    assert_eq!(headlines(&s, &query), ["Quake"]);
    query.status = Some(Status::Draft);
    assert!(headlines(&s, &query).is_empty());
    query.status = Some(Status::Editing);
    assert_eq!(headlines(&s, &query), ["Quake"]);
    assert_eq!(s.budget_count(&query).unwrap(), 1);
}

#[test]
fn a_page_comes_with_the_total_of_every_matching_story() {
    let mut s = store();
    for i in 0..7 {
        story(
            &mut s,
            &format!("Story {i}"),
            "World",
            updated(DAY + i * HOUR),
        );
    }
    let page = s
        .budget(&BudgetQuery {
            offset: 2,
            limit: Some(3),
            ..on(DAY)
        })
        .unwrap();
    let got: Vec<_> = page.rows.iter().map(|r| r.headline.as_str()).collect();
    assert_eq!(got, ["Story 2", "Story 3", "Story 4"]);
    assert_eq!(page.total, 7);
}

#[test]
fn every_column_sorts_both_ways_with_the_id_breaking_ties() {
    let mut s = store();
    let a = story(&mut s, "alpha", "Sport", updated(DAY + 3 * HOUR));
    let b = story(&mut s, "Bravo", "business", updated(DAY + HOUR));
    let c = story(&mut s, "charlie", "Arts", updated(DAY + 2 * HOUR));
    set(&s, a, "status", &"published");
    set(&s, b, "status", &"ready");
    set(&s, a, "word_count", &500);
    set(&s, b, "word_count", &900);
    set(&s, c, "word_count", &700);
    set(&s, a, "byline", &"Zoe");
    set(&s, b, "byline", &"ana");
    set(&s, c, "byline", &"Mo");
    set(&s, a, "slug", &"z-alpha");
    set(&s, b, "slug", &"a-bravo");
    set(&s, c, "slug", &"m-charlie");

    let order = |sort, descending| -> Vec<ArticleId> {
        rows(&s, &sorted(sort, descending))
            .into_iter()
            .map(|r| r.id)
            .collect()
    };
    let cases = [
        (BudgetSort::Slug, [b, c, a]),
        (BudgetSort::Headline, [a, b, c]),
        (BudgetSort::Section, [c, b, a]),
        // Workflow order: draft, ready, published.
        (BudgetSort::Status, [c, b, a]),
        (BudgetSort::Words, [a, c, b]),
        (BudgetSort::Time, [b, c, a]),
        (BudgetSort::Byline, [b, c, a]),
    ];
    for (sort, ascending) in cases {
        assert_eq!(order(sort, false), ascending, "{sort} ascending");
        let mut descending = ascending;
        descending.reverse();
        assert_eq!(order(sort, true), descending, "{sort} descending");
    }
    // Equal keys fall back to the id, in the same direction.
    set(&s, c, "word_count", &500);
    assert_eq!(order(BudgetSort::Words, false), [a, c, b]);
    assert_eq!(order(BudgetSort::Words, true), [b, c, a]);
}

#[test]
fn stories_without_a_plan_or_a_note_come_last_both_ways() {
    let mut s = store();
    let none = story(&mut s, "No plan", "World", updated(DAY));
    let short = story(&mut s, "Short", "World", updated(DAY + HOUR));
    let long = story(&mut s, "Long", "World", updated(DAY + 2 * HOUR));
    set(&s, short, "words_planned", &300);
    set(&s, long, "words_planned", &1_200);
    let ids = |s: &Store, query| -> Vec<ArticleId> {
        rows(s, &query).into_iter().map(|r| r.id).collect()
    };
    assert_eq!(
        ids(&s, sorted(BudgetSort::Planned, false)),
        [short, long, none]
    );
    assert_eq!(
        ids(&s, sorted(BudgetSort::Planned, true)),
        [long, short, none]
    );

    s.add_note(long, "Early note").unwrap();
    s.add_note(short, "Later note").unwrap();
    set_note_times(&s, &[(long, DAY), (short, DAY + HOUR)]);
    assert_eq!(
        ids(&s, sorted(BudgetSort::Note, false)),
        [long, short, none]
    );
    assert_eq!(ids(&s, sorted(BudgetSort::Note, true)), [short, long, none]);
}

#[test]
fn the_last_note_is_the_newest_one() {
    let mut s = store();
    let id = story(&mut s, "Council", "Politics", updated(DAY));
    assert_eq!(rows(&s, &on(DAY))[0].last_note, None);
    s.add_note(id, "Legal to check para 4").unwrap();
    s.add_note(id, "Cleared by legal").unwrap();
    s.add_note(id, "Written earlier, arrived from a file")
        .unwrap();
    set_note_times(&s, &[(id, DAY)]);
    s.conn
        .execute(
            "UPDATE article_notes SET at = ?1 WHERE text = 'Written earlier, arrived from a file'",
            [DAY - HOUR],
        )
        .unwrap();
    // Two notes in the same second: the one added last.
    let note = rows(&s, &on(DAY))[0].last_note.clone().expect("a note");
    assert_eq!((note.text.as_str(), note.at), ("Cleared by legal", DAY));
}

#[test]
fn photos_are_ready_when_the_featured_photo_has_its_image_caption_credit_and_alt() {
    let mut s = store();
    let ready = |s: &Store, id| {
        rows(s, &BudgetQuery::default())
            .into_iter()
            .find(|r| r.id == id)
            .expect("listed")
            .photos_ready
    };
    let full = PhotoText {
        caption: "Ferry at dawn".into(),
        credit: "Ana Ruiz".into(),
        alt: "A white ferry leaving the quay".into(),
    };

    let id = story(&mut s, "No photo", "Local", updated(DAY));
    assert!(!ready(&s, id), "no featured photo");

    let id = story(&mut s, "Inline only", "Local", updated(DAY));
    let photo = photo_with(&mut s, 1, &full);
    s.attach_photo(id, photo, PhotoRole::Inline, None).unwrap();
    assert!(!ready(&s, id), "an inline photo is not the featured one");
    s.attach_photo(id, photo, PhotoRole::Featured, None)
        .unwrap();
    assert!(ready(&s, id), "featured, with everything written");

    for (n, missing) in ["caption", "credit", "alt"].into_iter().enumerate() {
        let id = story(&mut s, &format!("No {missing}"), "Local", updated(DAY));
        let mut text = full.clone();
        match missing {
            "caption" => text.caption.clear(),
            "credit" => text.credit.clear(),
            _ => text.alt.clear(),
        }
        let photo = photo_with(&mut s, 2 + n as u8, &text);
        s.attach_photo(id, photo, PhotoRole::Featured, None)
            .unwrap();
        assert!(!ready(&s, id), "without its {missing}");
        if missing == "caption" {
            // The caption this story prints is its own.
            s.set_caption_override(id, photo, Some("The ferry, for this story"))
                .unwrap();
            assert!(ready(&s, id), "with a caption of the story's own");
        }
    }

    let id = story(&mut s, "Awaiting", "Local", updated(DAY));
    let (awaiting, _) = s.add_photo(None, &full).unwrap();
    s.attach_photo(id, awaiting.id, PhotoRole::Featured, None)
        .unwrap();
    assert!(!ready(&s, id), "a photo still awaiting its image");

    let ids = |descending| -> Vec<bool> {
        rows(&s, &sorted(BudgetSort::Photos, descending))
            .into_iter()
            .map(|r| r.photos_ready)
            .collect()
    };
    let ascending = ids(false);
    assert!(ascending.is_sorted(), "not ready first: {ascending:?}");
    let mut descending = ids(true);
    descending.reverse();
    assert!(descending.is_sorted(), "ready first: {descending:?}");
}

#[test]
fn a_day_that_ends_before_it_starts_and_an_unknown_column_are_refused() {
    let s = store();
    let query = BudgetQuery {
        day: Some(Day {
            start: DAY,
            end: DAY,
        }),
        ..BudgetQuery::default()
    };
    let err = s.budget(&query).unwrap_err();
    assert_eq!(err.kind(), crate::ErrorKind::Invalid);
    assert!(err.to_string().contains("a day must end after it starts"));

    assert_eq!("Note".parse::<BudgetSort>().unwrap(), BudgetSort::Note);
    let err = "colour".parse::<BudgetSort>().unwrap_err();
    assert!(
        err.to_string()
            .contains("sort by one of slug, headline, section, status, planned, words, time"),
        "{err}"
    );
}

#[test]
fn the_query_and_rows_speak_the_ipc_shape() {
    let query: BudgetQuery = serde_json::from_value(serde_json::json!({
        "day": {"start": DAY, "end": DAY + 86_400},
        "section": "World",
        "sort": "headline",
        "descending": true,
        "limit": 50,
    }))
    .unwrap();
    assert_eq!(query.sort, BudgetSort::Headline);
    assert_eq!((query.offset, query.limit), (0, Some(50)));
    assert_eq!(
        serde_json::from_str::<BudgetQuery>("{}").unwrap(),
        BudgetQuery::default()
    );

    let mut s = store();
    let id = story(&mut s, "Quake", "World", updated(DAY));
    s.add_note(id, "Call Ana").unwrap();
    let row = serde_json::to_value(&rows(&s, &on(DAY))[0]).unwrap();
    assert_eq!(row["time_kind"], "updated");
    assert_eq!(row["photos_ready"], false);
    assert_eq!(row["last_note"]["text"], "Call Ana");
    assert_eq!(row["words_planned"], serde_json::Value::Null);
}

/// The index a day's budget needs to be fast on a large library (migration 0007): the query
/// spells the time exactly as the index does, so SQLite reads a day's stories from it, in order,
/// and counts them there.
#[test]
fn a_days_budget_is_read_from_an_index_on_the_time_in_order() {
    let s = store();
    // The statements as the store runs them, their parameters written in.
    let literal = |sql: String| {
        sql.replace(":day_start", "1")
            .replace(":day_end", "2")
            .replace(":limit", "100")
            .replace(":offset", "0")
    };
    let plan = |sql: String| -> String {
        let mut stmt = s
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {}", literal(sql)))
            .unwrap();
        let details: Vec<String> = stmt
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        details.join("\n")
    };
    let day = on(DAY);
    let page = plan(super::page_sql(&day));
    assert!(
        page.contains("SEARCH a USING INDEX articles_budget_time"),
        "{page}"
    );
    assert!(
        !page.contains("TEMP B-TREE"),
        "in the index's order: {page}"
    );
    let every_day = plan(super::page_sql(&BudgetQuery::default()));
    assert!(
        every_day.contains("SCAN a USING INDEX articles_budget_time"),
        "{every_day}"
    );
    assert!(
        !every_day.contains("TEMP B-TREE"),
        "in the index's order: {every_day}"
    );
    let count = plan(format!(
        "SELECT count(*) FROM articles a WHERE {}",
        super::condition(&day)
    ));
    assert!(
        count.contains("SEARCH a USING") && count.contains("INDEX articles_budget_time"),
        "{count}"
    );
}

#[test]
fn a_utc_day_runs_from_midnight_to_midnight() {
    let day = Day::utc(time::macros::date!(2026 - 12 - 03));
    assert_eq!((day.start, day.end), (DAY, DAY + 24 * HOUR));
}

/// A photo with a file (its hash made from `n`) and these words.
fn photo_with(s: &mut Store, n: u8, text: &PhotoText) -> crate::model::PhotoId {
    let file = PhotoFile {
        hash: format!("{n:02x}").repeat(32),
        format: ImageFormat::Png,
        width: 4,
        height: 3,
        bytes: 100,
        original_name: format!("photo-{n}.png"),
    };
    s.add_photo(Some(&file), text).expect("photo added").0.id
}

/// Dates every note of each story `at` the given time.
fn set_note_times(s: &Store, times: &[(ArticleId, Timestamp)]) {
    for (id, at) in times {
        s.conn
            .execute(
                "UPDATE article_notes SET at = ?2 WHERE article_id = ?1",
                params![id, at],
            )
            .unwrap();
    }
}
