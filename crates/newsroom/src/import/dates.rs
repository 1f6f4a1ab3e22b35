//! Dates as Hugo and Jekyll write them, turned into [`Timestamp`]s.

use crate::model::Timestamp;
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime, PrimitiveDateTime};

/// A date read from front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ParsedDate {
    pub timestamp: Timestamp,
    /// The source gave a time of day but no zone, so UTC was assumed (worth a warning).
    pub zone_assumed: bool,
}

/// Understands RFC 3339 (`2021-12-02T10:00:00+01:00`), Jekyll's `2021-12-02 10:00:00 +0100`,
/// a date and time without zone (taken as UTC) and a bare `2021-12-02` (midnight UTC).
/// Returns `None` for anything else so the caller can warn instead of failing the import.
pub(super) fn parse_date(text: &str) -> Option<ParsedDate> {
    let text = text.trim();
    if let Ok(moment) = OffsetDateTime::parse(text, &Rfc3339) {
        return Some(exact(moment));
    }
    // From here on a `T` between date and time is the same as a space.
    let spaced = match text.as_bytes().get(10) {
        Some(b'T' | b't') => format!("{} {}", &text[..10], &text[11..]),
        _ => text.to_string(),
    };
    let with_offset = format_description!(
        "[year]-[month]-[day] [hour]:[minute][optional [:[second][optional [.[subsecond]]]]][optional [ ]][offset_hour sign:mandatory][optional [:]][offset_minute]"
    );
    if let Ok(moment) = OffsetDateTime::parse(&spaced, &with_offset) {
        return Some(exact(moment));
    }
    let without_offset = format_description!(
        "[year]-[month]-[day] [hour]:[minute][optional [:[second][optional [.[subsecond]]]]]"
    );
    if let Ok(moment) = PrimitiveDateTime::parse(&spaced, &without_offset) {
        return Some(ParsedDate {
            timestamp: moment.assume_utc().unix_timestamp(),
            zone_assumed: true,
        });
    }
    let day = Date::parse(text, &format_description!("[year]-[month]-[day]")).ok()?;
    Some(ParsedDate {
        timestamp: day.midnight().assume_utc().unix_timestamp(),
        zone_assumed: false,
    })
}

fn exact(moment: OffsetDateTime) -> ParsedDate {
    ParsedDate {
        timestamp: moment.unix_timestamp(),
        zone_assumed: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2021-12-02 09:00:00 UTC.
    const NINE_UTC: Timestamp = 1_638_435_600;

    fn stamp(text: &str) -> Option<Timestamp> {
        parse_date(text).map(|d| d.timestamp)
    }

    #[test]
    fn rfc3339_and_jekyll_offsets_agree() {
        assert_eq!(stamp("2021-12-02T09:00:00Z"), Some(NINE_UTC));
        assert_eq!(stamp("2021-12-02T10:00:00+01:00"), Some(NINE_UTC));
        assert_eq!(stamp("2021-12-02T10:00:00.250+01:00"), Some(NINE_UTC));
        assert_eq!(stamp("2021-12-02 10:00:00 +0100"), Some(NINE_UTC));
        assert_eq!(stamp("2021-12-02 04:00:00 -0500"), Some(NINE_UTC));
        assert_eq!(stamp("2021-12-02 10:00 +01:00"), Some(NINE_UTC));
        assert!(
            !parse_date("2021-12-02 10:00:00 +0100")
                .unwrap()
                .zone_assumed
        );
    }

    #[test]
    fn times_without_zone_are_utc_and_flagged() {
        let parsed = parse_date("2021-12-02 09:00:00").unwrap();
        assert_eq!(parsed.timestamp, NINE_UTC);
        assert!(parsed.zone_assumed);
        assert_eq!(stamp("2021-12-02T09:00"), Some(NINE_UTC));
    }

    #[test]
    fn a_bare_date_is_midnight_utc() {
        let parsed = parse_date(" 2021-12-02 ").unwrap();
        assert_eq!(parsed.timestamp, NINE_UTC - 9 * 3600);
        assert!(!parsed.zone_assumed);
    }

    #[test]
    fn other_text_is_not_a_date() {
        for bad in [
            "",
            "yesterday",
            "02/12/2021",
            "2021-13-02",
            "2021-12-02 25:00",
            "07:32:00",
            "2021-12-0é",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
