//! The story budget as front ends use it: a page of it to show, and the whole of what a query
//! matches written as a CSV file for the desk's spreadsheet.

use super::Library;
use crate::error::Result;
use crate::export::ExportError;
use crate::store::{BudgetPage, BudgetQuery, BudgetRow, StoreError};
use std::io::{BufWriter, Write};
use std::path::Path;

/// The CSV's first line. Times are in UTC (RFC 3339): a CSV carries no time zone, and a
/// spreadsheet converts them; "Time is" says whether a time is an embargo, a publication or the
/// last change.
const HEADER: [&str; 11] = [
    "Slug",
    "Headline",
    "Section",
    "Status",
    "Planned words",
    "Words",
    "Time (UTC)",
    "Time is",
    "Byline",
    "Photos ready",
    "Last desk note",
];

/// Excel reads a CSV without a byte order mark in the computer's legacy code page ("MÃ¼ller");
/// with one, every spreadsheet reads it as the UTF-8 it is.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

impl Library {
    /// One page of the story budget, and how many stories its query matches.
    pub fn budget(&self, query: &BudgetQuery) -> Result<BudgetPage> {
        Ok(self.store.budget(query)?)
    }

    /// Writes every story `query` matches (filters and order kept, paging ignored) to `path` as
    /// CSV, UTF-8, quoted where a field needs it. The file is written under a temporary name in
    /// the same folder and renamed over `path`, so a spreadsheet never opens half a budget and
    /// a failure leaves any earlier file as it was. Returns how many stories it holds.
    pub fn export_budget_csv(&self, query: &BudgetQuery, path: &Path) -> Result<u64> {
        let whole = BudgetQuery {
            offset: 0,
            limit: None,
            ..query.clone()
        };
        let fail = |source: std::io::Error| ExportError::Write {
            path: path.to_path_buf(),
            source,
        };
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let mut temp = tempfile::Builder::new();
        temp.prefix(".newsroom-budget-");
        // Like any file an editor saves: readable by others; temporary files start private.
        #[cfg(unix)]
        temp.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
        let file = temp.tempfile_in(folder).map_err(fail)?;
        let mut out = BufWriter::new(file);
        out.write_all(UTF8_BOM).map_err(fail)?;
        // Lines end in CRLF, as RFC 4180 has them (a line break inside a field stays as written).
        let mut csv = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        csv.write_record(HEADER).map_err(|e| fail(e.into()))?;
        let rows = self
            .store
            .for_each_budget_row(&whole, |row| {
                csv.write_record(record(&row))
                    .map_err(|e| BudgetWrite::Csv(e.into()))
            })
            .map_err(|e| match e {
                BudgetWrite::Store(e) => crate::Error::from(e),
                BudgetWrite::Csv(e) => fail(e).into(),
            })?;
        let file = csv
            .into_inner()
            .map_err(|e| fail(e.into_error()))?
            .into_inner()
            .map_err(|e| fail(e.into_error()))?;
        let temp_path = file.into_temp_path();
        crate::durable::replace(&temp_path, path).map_err(fail)?;
        // Renamed into place: nothing is left to delete.
        let _ = temp_path.keep();
        Ok(rows)
    }
}

/// What can stop the rows on their way to the file: reading them, or writing one.
enum BudgetWrite {
    Store(StoreError),
    Csv(std::io::Error),
}

impl From<StoreError> for BudgetWrite {
    fn from(e: StoreError) -> Self {
        BudgetWrite::Store(e)
    }
}

/// The name a save dialog offers for the budget's CSV: the day's, when it shows one day
/// (`budget-2026-12-03.csv`). The day's middle is dated, in UTC, so that a day begun at a local
/// midnight anywhere within twelve hours of UTC keeps its own date.
pub fn budget_csv_name(query: &BudgetQuery) -> String {
    let date = query.day.and_then(|day| {
        let middle = day.start + (day.end - day.start) / 2;
        time::OffsetDateTime::from_unix_timestamp(middle)
            .ok()
            .map(|t| t.date())
    });
    match date {
        Some(d) => format!(
            "budget-{:04}-{:02}-{:02}.csv",
            d.year(),
            u8::from(d.month()),
            d.day()
        ),
        None => "budget.csv".into(),
    }
}

/// One line of the CSV, in [`HEADER`]'s order.
fn record(row: &BudgetRow) -> [String; 11] {
    let time = time::OffsetDateTime::from_unix_timestamp(row.time)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| row.time.to_string());
    [
        text(&row.slug),
        text(&row.headline),
        text(&row.section),
        row.status.as_str().to_string(),
        row.words_planned
            .map_or_else(String::new, |n| n.to_string()),
        row.word_count.to_string(),
        time,
        row.time_kind.as_str().to_string(),
        text(&row.byline),
        if row.photos_ready { "yes" } else { "no" }.to_string(),
        row.last_note
            .as_ref()
            .map_or_else(String::new, |note| text(&note.text)),
    ]
}

/// A field written by people (a headline, a note), made safe to open in a spreadsheet: one that
/// starts like a formula (`=`, `+`, `-`, `@`, or a tab or carriage return before one) would be
/// run as one by Excel and LibreOffice, so it is written after an apostrophe, which they show
/// as text. Stories come from imports and other desks' files: the budget must not carry their
/// formulas into a spreadsheet.
fn text(field: &str) -> String {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}")
    } else {
        field.to_string()
    }
}

#[cfg(test)]
#[path = "budget_tests.rs"]
mod tests;
