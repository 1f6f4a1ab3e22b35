//! The budget's CSV: quoting that spreadsheets read back as written, every matching story in the
//! budget's order, formulas kept from running, and an atomic write.

use super::budget_csv_name;
use crate::library::test_support::library;
use crate::model::{NewArticle, RevisionCause};
use crate::store::{BudgetQuery, BudgetSort, Day};

/// Thursday 3 December 2026, 00:00 UTC.
const DAY: i64 = 1_796_256_000;

fn add(library: &mut crate::Library, headline: &str, section: &str, byline: &str) -> i64 {
    let new = NewArticle {
        headline: headline.into(),
        section: section.into(),
        byline: byline.into(),
        words_planned: Some(600),
        ..NewArticle::default()
    };
    library
        .store_mut()
        .create_article(&new, RevisionCause::Manual)
        .expect("created")
        .id
}

fn read(path: &std::path::Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).expect("the CSV is there");
    let text = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("a UTF-8 byte order mark first");
    csv::Reader::from_reader(text)
        .records()
        .map(|r| {
            r.expect("a CSV record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

#[test]
fn budget_csv_quotes_commas_quotes_and_line_breaks_and_reads_back_as_written() {
    let (mut library, dir) = library();
    let id = add(
        &mut library,
        "Council says \"no\", then yes",
        "Politics, local",
        "Ana Ruiz, Tom Lee",
    );
    library
        .store_mut()
        .add_note(id, "Legal to check para 4,\nthen call \"Ana\"")
        .unwrap();
    add(
        &mut library,
        "Müller wins the café vote",
        "Kultur",
        "Åsa Öberg",
    );
    let path = dir.path().join("budget.csv");
    let query = BudgetQuery {
        sort: BudgetSort::Headline,
        ..BudgetQuery::default()
    };
    assert_eq!(library.export_budget_csv(&query, &path).unwrap(), 2);

    let raw = std::fs::read_to_string(&path).unwrap();
    assert!(raw.starts_with("\u{feff}Slug,Headline,Section,Status,Planned words,Words,Time (UTC),Time is,Byline,Photos ready,Last desk note\r\n"), "{raw}");
    assert!(
        raw.contains(r#""Council says ""no"", then yes","Politics, local",draft,600,0,"#),
        "{raw}"
    );
    assert!(
        raw.contains("\"Legal to check para 4,\nthen call \"\"Ana\"\"\""),
        "{raw}"
    );

    let rows = read(&path);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][1], "Council says \"no\", then yes");
    assert_eq!(rows[0][8], "Ana Ruiz, Tom Lee");
    assert_eq!(rows[0][9], "no");
    assert_eq!(rows[0][10], "Legal to check para 4,\nthen call \"Ana\"");
    assert_eq!(rows[1][1], "Müller wins the café vote");
    assert_eq!(rows[1][7], "updated");
    assert!(rows[1][6].ends_with('Z'), "a UTC time: {}", rows[1][6]);
    assert_eq!(rows[1][10], "");
}

#[test]
fn budget_csv_holds_every_matching_story_in_order_whatever_the_page() {
    let (mut library, dir) = library();
    for (headline, section) in [("Bravo", "World"), ("Alpha", "World"), ("Other", "Sport")] {
        add(&mut library, headline, section, "");
    }
    let path = dir.path().join("world.csv");
    let query = BudgetQuery {
        section: Some("World".into()),
        sort: BudgetSort::Headline,
        descending: true,
        offset: 1,
        limit: Some(1),
        ..BudgetQuery::default()
    };
    assert_eq!(library.export_budget_csv(&query, &path).unwrap(), 2);
    let headlines: Vec<_> = read(&path).into_iter().map(|r| r[1].clone()).collect();
    assert_eq!(headlines, ["Bravo", "Alpha"]);
}

#[test]
fn budget_csv_keeps_a_spreadsheet_from_running_a_headline_as_a_formula() {
    let (mut library, dir) = library();
    add(
        &mut library,
        "=HYPERLINK(\"http://x.example\")",
        "@world",
        "+Ana",
    );
    let path = dir.path().join("budget.csv");
    library
        .export_budget_csv(&BudgetQuery::default(), &path)
        .unwrap();
    let row = &read(&path)[0];
    assert_eq!(row[1], "'=HYPERLINK(\"http://x.example\")");
    assert_eq!(row[2], "'@world");
    assert_eq!(row[8], "'+Ana");
}

#[test]
fn budget_csv_replaces_a_file_whole_and_a_failure_leaves_nothing_behind() {
    let (mut library, dir) = library();
    add(&mut library, "Quake", "World", "");
    let path = dir.path().join("budget.csv");
    std::fs::write(&path, "an older budget").unwrap();
    library
        .export_budget_csv(&BudgetQuery::default(), &path)
        .unwrap();
    assert_eq!(read(&path).len(), 1);

    let missing = dir.path().join("no such folder").join("budget.csv");
    let err = library
        .export_budget_csv(&BudgetQuery::default(), &missing)
        .unwrap_err();
    assert_eq!(err.kind(), crate::ErrorKind::Io);
    assert!(err.to_string().contains("no such folder"), "{err}");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".newsroom-budget-"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[test]
fn budget_csv_is_named_after_its_day() {
    let utc = BudgetQuery {
        day: Some(Day::utc(time::macros::date!(2026 - 12 - 03))),
        ..BudgetQuery::default()
    };
    assert_eq!(budget_csv_name(&utc), "budget-2026-12-03.csv");
    // Stockholm's 3 December starts at 23:00 UTC the day before.
    let stockholm = BudgetQuery {
        day: Some(Day {
            start: DAY - 3_600,
            end: DAY + 23 * 3_600,
        }),
        ..BudgetQuery::default()
    };
    assert_eq!(budget_csv_name(&stockholm), "budget-2026-12-03.csv");
    assert_eq!(budget_csv_name(&BudgetQuery::default()), "budget.csv");
}
