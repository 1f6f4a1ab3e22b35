//! The lead photo's caption and credit, as news pages print them under the image.
//!
//! Copying a page usually yields the caption twice: once as the image's alt text and once as the
//! printed caption, with the credit glued on ("…in Stockholm.POOL (Reuters)"). Other shapes:
//! the caption followed by a credit line ("Photo: AFP", "(AP Photo/Jane Doe)"), or a single
//! caption line ending in its credit.

use super::lines::word_count;
use crate::import::PendingPhoto;

/// News agencies and picture desks whose name alone is a credit.
const AGENCIES: &[&str] = &[
    "reuters",
    "afp",
    "efe",
    "ap",
    "associated press",
    "getty",
    "getty images",
    "epa",
    "epa-efe",
    "bloomberg",
    "dpa",
    "ansa",
    "xinhua",
    "europa press",
    "shutterstock",
    "alamy",
    "pool",
    "anadolu",
    "kyodo",
    "yonhap",
    "sputnik",
    "tass",
    "nurphoto",
    "sopa images",
    "upi",
    "aap",
];

/// Labels that introduce a credit: "Photo: AFP", "Photo by Jane Doe".
const LABELS: &[&str] = &[
    "photo:",
    "photos:",
    "photograph:",
    "photography:",
    "photo by ",
    "photograph by ",
    "credit:",
    "image:",
    "picture:",
    "foto:",
    "fotografía:",
];

/// A caption longer than this is a paragraph, not a caption.
const MAX_CAPTION_WORDS: usize = 80;
/// A credit is a name or two: "AFP via Getty Images", "Jane Doe / Bloomberg".
const MAX_CREDIT_WORDS: usize = 8;
/// The caption is looked for among the first units after the headline.
const SEARCH_UNITS: usize = 3;

/// The lead photo found near the top of the story.
pub(super) struct FoundPhoto {
    pub photo: PendingPhoto,
    /// It was one line ending in a credit, not a repeated caption or a caption and credit pair:
    /// the least certain shape, worth a warning.
    pub from_single_line: bool,
}

/// Finds the lead photo among the first units, removes its lines and returns it.
pub(super) fn take_featured(units: &mut Vec<String>) -> Option<FoundPhoto> {
    let search = units.len().min(SEARCH_UNITS);
    for i in 0..search {
        let caption = &units[i];
        if word_count(caption) > MAX_CAPTION_WORDS || is_credit(caption) {
            continue;
        }
        let credit = units
            .get(i + 1)
            .and_then(|next| match next.strip_prefix(caption.as_str()) {
                Some(glued) if word_count(glued) <= MAX_CREDIT_WORDS => Some(clean_credit(glued)),
                _ => is_credit(next).then(|| clean_credit(next)),
            });
        if let Some(credit) = credit {
            let caption = units.remove(i);
            units.remove(i);
            return Some(found(caption, credit, false));
        }
    }
    let first = units.first()?;
    if word_count(first) > MAX_CAPTION_WORDS {
        return None;
    }
    let (caption, credit) = split_glued_credit(first)?;
    let photo = found(caption.to_string(), clean_credit(credit), true);
    units.remove(0);
    Some(photo)
}

fn found(caption: String, credit: String, from_single_line: bool) -> FoundPhoto {
    FoundPhoto {
        photo: PendingPhoto { caption, credit },
        from_single_line,
    }
}

/// Splits "Caption text.EFE" or "Caption. (AP Photo/Jane Doe)" at the end of the caption's
/// last sentence, if what follows is a credit.
fn split_glued_credit(line: &str) -> Option<(&str, &str)> {
    line.char_indices()
        .filter(|(_, c)| matches!(c, '.' | '!' | '?' | '”' | '"' | '|' | '–' | '—'))
        .map(|(at, c)| at + c.len_utf8())
        .chain(line.rfind(" (").map(|at| at + 1))
        .filter(|&at| at < line.len())
        .find_map(|at| {
            let (caption, credit) = line.split_at(at);
            let caption = caption.trim_end_matches(['|', '–', '—', ' ']);
            (is_credit(credit) && word_count(caption) >= 3).then_some((caption, credit))
        })
}

/// Whether a whole line is a photo credit.
fn is_credit(line: &str) -> bool {
    let line = line
        .trim()
        .trim_start_matches(['|', '-', '–', '—', '·'])
        .trim();
    let lower = line.to_lowercase();
    if line.is_empty() || line.chars().count() > 70 || word_count(line) > MAX_CREDIT_WORDS {
        return false;
    }
    if LABELS.iter().any(|label| lower.starts_with(label)) {
        return true;
    }
    let names_agency = lower
        .split(['/', '(', ')', ',', ';'])
        .map(|part| part.trim().trim_end_matches(" via getty images"))
        .any(|part| {
            AGENCIES.contains(&part) || part.ends_with(" photo") || part.starts_with("photo ")
        });
    let bracketed = lower.starts_with('(') && lower.ends_with(')');
    // "POOL (Reuters)", "EPA-EFE/Juanjo Martín": short and without a final period, unlike
    // "Pool parties were banned."
    let starts_with_agency = word_count(line) <= 5
        && !line.ends_with('.')
        && AGENCIES.iter().any(|agency| {
            lower
                .strip_prefix(agency)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '/', '-', '(']))
        });
    (bracketed && (names_agency || lower.contains("photo")))
        || starts_with_agency
        || (names_agency && !line.ends_with('.'))
}

/// The credit as printed, without separators, labels or surrounding parentheses:
/// "(AP Photo/Jane Doe)" → "AP Photo/Jane Doe", "Photo: AFP" → "AFP".
fn clean_credit(credit: &str) -> String {
    let credit = credit
        .trim()
        .trim_start_matches(['|', '-', '–', '—', '·', '.'])
        .trim();
    let lower = credit.to_lowercase();
    let unlabelled = LABELS
        .iter()
        .find(|label| lower.starts_with(*label))
        // A label is as long written as lowercased; `get` guards against an odd case.
        .map_or(credit, |label| {
            credit.get(label.len()..).unwrap_or(credit).trim_start()
        });
    let inner = unlabelled
        .strip_prefix('(')
        .and_then(|c| c.strip_suffix(')'))
        .filter(|inner| !inner.contains(['(', ')']));
    inner.unwrap_or(unlabelled).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn take(lines: &[&str]) -> (Option<(String, String, bool)>, Vec<String>) {
        let mut units: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        let found = take_featured(&mut units)
            .map(|f| (f.photo.caption, f.photo.credit, f.from_single_line));
        (found, units)
    }

    fn photo(caption: &str, credit: &str, single: bool) -> Option<(String, String, bool)> {
        Some((caption.to_string(), credit.to_string(), single))
    }

    #[test]
    fn a_repeated_caption_with_the_credit_glued_on() {
        let caption = "US Secretary of State Antony Blinken greets Sergey Lavrov in Stockholm.";
        let glued = format!("{caption}POOL (Reuters)");
        let (found, rest) = take(&[caption, &glued, "Body."]);
        assert_eq!(found, photo(caption, "POOL (Reuters)", false));
        assert_eq!(rest, ["Body."]);
    }

    #[test]
    fn a_repeated_caption_without_credit() {
        let (found, rest) = take(&[
            "By Ana",
            "A crowd in Madrid.",
            "A crowd in Madrid.",
            "Body.",
        ]);
        assert_eq!(found, photo("A crowd in Madrid.", "", false));
        assert_eq!(rest, ["By Ana", "Body."]);
    }

    #[test]
    fn a_caption_followed_by_a_credit_line() {
        for (credit_line, credit) in [
            ("Photo: AFP", "AFP"),
            ("(AP Photo/Jane Doe)", "AP Photo/Jane Doe"),
            ("EFE", "EFE"),
            ("Getty Images", "Getty Images"),
            ("REUTERS/Susana Vera", "REUTERS/Susana Vera"),
            ("Jane Doe / Bloomberg", "Jane Doe / Bloomberg"),
            ("Photo by Jane Doe", "Jane Doe"),
        ] {
            let (found, rest) = take(&["Firefighters at work in Valencia.", credit_line, "Body."]);
            assert_eq!(
                found,
                photo("Firefighters at work in Valencia.", credit, false),
                "{credit_line}"
            );
            assert_eq!(rest, ["Body."]);
        }
    }

    #[test]
    fn a_single_caption_line_ending_in_a_credit() {
        for (line, caption, credit) in [
            (
                "Rescue teams in Valencia on Monday.EFE",
                "Rescue teams in Valencia on Monday.",
                "EFE",
            ),
            (
                "Rescue teams in Valencia on Monday. Photo: AFP",
                "Rescue teams in Valencia on Monday.",
                "AFP",
            ),
            (
                "Rescue teams in Valencia on Monday (AP Photo/Jane Doe)",
                "Rescue teams in Valencia on Monday",
                "AP Photo/Jane Doe",
            ),
            (
                "Rescue teams in Valencia on Monday. Getty Images",
                "Rescue teams in Valencia on Monday.",
                "Getty Images",
            ),
            (
                "Rescue teams in Valencia | REUTERS/Juan Medina",
                "Rescue teams in Valencia",
                "REUTERS/Juan Medina",
            ),
        ] {
            let (found, rest) = take(&[line, "Body."]);
            assert_eq!(found, photo(caption, credit, true), "{line}");
            assert_eq!(rest, ["Body."]);
        }
    }

    #[test]
    fn ordinary_paragraphs_are_not_captions() {
        for lines in [
            &[
                "The minister spoke to Reuters on Monday.",
                "Second paragraph.",
            ][..],
            &[
                "Officials said the vote (in Madrid) would go ahead.",
                "More.",
            ],
            &[
                "AP and AFP reported the news first, officials said.",
                "More.",
            ],
            &["Short.", "Other."],
            &["Pool parties were banned.", "Other."],
            &[
                "The vote.",
                "The vote. It was held on Monday after a long and bitter campaign.",
            ],
        ] {
            let (found, rest) = take(lines);
            assert_eq!(found, None, "{lines:?}");
            assert_eq!(rest.len(), lines.len());
        }
    }
}
