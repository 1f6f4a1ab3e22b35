//! Dates as pages print them: machine-readable for `<time>` and metadata, readable for people.

use crate::model::Timestamp;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;

/// One date, both ways.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PageDate {
    /// RFC 3339 in UTC, for `<time datetime>`, Open Graph and JSON-LD.
    pub iso: String,
    /// "12 March 2026".
    pub display: String,
}

impl PageDate {
    /// `None` for a timestamp outside what a calendar can show (a damaged row): the page then
    /// simply prints no date rather than a wrong one.
    pub(crate) fn from_timestamp(ts: Timestamp) -> Option<PageDate> {
        let at = OffsetDateTime::from_unix_timestamp(ts).ok()?;
        Some(PageDate {
            iso: at.format(&Rfc3339).ok()?,
            display: at
                .format(format_description!(
                    "[day padding:none] [month repr:long] [year]"
                ))
                .ok()?,
        })
    }
}

/// A moment in a sentence: "3 December 2026, 17:00 UTC" (the timestamp itself if no calendar
/// can show it).
pub(super) fn moment_in_words(ts: Timestamp) -> String {
    OffsetDateTime::from_unix_timestamp(ts)
        .ok()
        .and_then(|at| {
            at.format(format_description!(
                "[day padding:none] [month repr:long] [year], [hour]:[minute] UTC"
            ))
            .ok()
        })
        .unwrap_or_else(|| ts.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_become_utc_dates() {
        let date = PageDate::from_timestamp(1_773_309_600).unwrap();
        assert_eq!(date.iso, "2026-03-12T10:00:00Z");
        assert_eq!(date.display, "12 March 2026");
        assert_eq!(PageDate::from_timestamp(i64::MAX), None);
        assert_eq!(moment_in_words(1_796_317_200), "3 December 2026, 17:00 UTC");
    }
}
