//! `newsroom budget`: the desk's list of a day's stories, printed as a table or written as CSV.

use super::args::BudgetArgs;
use super::articles::truncate;
use super::output::{date, out};
use super::{CliError, CliResult};
use newsroom::Library;
use newsroom::model::Status;
use newsroom::store::{BudgetQuery, BudgetRow, BudgetSort, Day};

pub fn budget(library: &mut Library, args: BudgetArgs) -> CliResult {
    let query = BudgetQuery {
        day: args.day.as_deref().map(parse_day).transpose()?,
        section: args.section,
        status: args
            .status
            .as_deref()
            .map(|s| s.parse::<Status>())
            .transpose()
            .map_err(|e| CliError::Usage(e.to_string()))?,
        sort: args
            .sort
            .as_deref()
            .map(str::parse::<BudgetSort>)
            .transpose()?
            .unwrap_or_default(),
        descending: args.desc,
        ..BudgetQuery::default()
    };
    if let Some(path) = &args.csv {
        let rows = library.export_budget_csv(&query, path)?;
        let stories = if rows == 1 { "story" } else { "stories" };
        out!("{rows} {stories} written to {}", path.display());
        return Ok(());
    }
    let page = library.budget(&query)?;
    if page.rows.is_empty() {
        out!("No story matches.");
        return Ok(());
    }
    out!(
        "{:<20}  {:<9}  {:<9}  {:<14}  {:>11}  {:<6}  {:<16}  {:<24}  HEADLINE",
        "TIME",
        "TIME IS",
        "STATUS",
        "SECTION",
        "WORDS/PLAN",
        "PHOTOS",
        "BYLINE",
        "SLUG"
    );
    for row in &page.rows {
        print_row(row);
    }
    Ok(())
}

/// One story on one line; its last note, when there is one, on the next, under the headline's
/// start of the table.
fn print_row(row: &BudgetRow) {
    let words = match row.words_planned {
        Some(planned) => format!("{}/{planned}", row.word_count),
        None => row.word_count.to_string(),
    };
    out!(
        "{:<20}  {:<9}  {:<9}  {:<14}  {:>11}  {:<6}  {:<16}  {:<24}  {}",
        date(row.time),
        row.time_kind.as_str(),
        row.status.as_str(),
        truncate(&row.section, 14),
        words,
        if row.photos_ready { "yes" } else { "no" },
        truncate(&row.byline, 16),
        truncate(&row.slug, 24),
        row.headline
    );
    if let Some(note) = &row.last_note {
        let text = note.text.split_whitespace().collect::<Vec<_>>().join(" ");
        out!("{:<20}  note, {}: {text}", "", date(note.at));
    }
}

/// `2026-12-03` as that day in UTC.
fn parse_day(text: &str) -> Result<Day, CliError> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text.trim(), &format)
        .map(Day::utc)
        .map_err(|_| CliError::Usage(format!("“{text}” is not a day; write it like 2026-12-03")))
}
