//! Text hygiene shared by the file reader and the parsers.

use std::borrow::Cow;

/// Drops a leading byte-order mark and turns Windows (`\r\n`) and old Mac (`\r`) line endings
/// into `\n`, so that every parser sees one kind of line break whatever the text's origin
/// (a file or the clipboard).
pub(super) fn normalize(text: &str) -> Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_carriage_returns_are_removed() {
        assert_eq!(normalize("\u{feff}a\r\nb\rc\n"), "a\nb\nc\n");
        assert!(matches!(normalize("plain\n"), Cow::Borrowed("plain\n")));
    }
}
