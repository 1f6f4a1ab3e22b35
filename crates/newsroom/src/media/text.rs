//! Turning metadata strings into text worth prefilling: decoded, tidied, placeholders dropped.

/// What cameras and software write when nobody typed anything. Compared case-insensitively.
const PLACEHOLDERS: &[&str] = &[
    "olympus digital camera",
    "sony dsc",
    "kodak digital still camera",
    "minolta digital camera",
    "samsung digital camera",
    "digital camera",
    "default",
    "image",
    "picture",
    "photo",
    "untitled",
    "description",
    "caption",
    "artist",
    "author",
    "copyright",
    "unknown",
    "none",
    "n/a",
    "created with gimp",
];

/// Bytes as text: UTF-8 when valid, else Latin-1, which is what older cameras and IPTC writers
/// used (every byte is a valid Latin-1 character, so nothing is lost).
pub(super) fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// The value as one tidy line, or `None` when nothing meaningful is left: control characters
/// and NUL padding go, runs of whitespace become one space, camera placeholders are dropped.
pub(super) fn meaningful(raw: &str) -> Option<String> {
    let cleaned = raw
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let is_placeholder = PLACEHOLDERS
        .iter()
        .any(|p| p.eq_ignore_ascii_case(&cleaned))
        || cleaned.chars().all(|c| !c.is_alphanumeric());
    (!is_placeholder).then_some(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_tidied_and_placeholders_dropped() {
        assert_eq!(
            meaningful("  Crowds in\r\n Stockholm\0\0 ").as_deref(),
            Some("Crowds in Stockholm")
        );
        assert_eq!(meaningful("OLYMPUS DIGITAL CAMERA         "), None);
        assert_eq!(meaningful("   "), None);
        assert_eq!(meaningful("\0\0\0"), None);
        assert_eq!(meaningful("--"), None);
        assert_eq!(meaningful("©").as_deref(), None);
        assert_eq!(meaningful("© Ana Ruiz").as_deref(), Some("© Ana Ruiz"));
    }

    #[test]
    fn latin1_is_read_when_the_bytes_are_not_utf8() {
        assert_eq!(decode(b"Malm\xf6"), "Malmö");
        assert_eq!(decode("Malmö".as_bytes()), "Malmö");
    }
}
