//! One change to a text as the editor reports it: positions counted in UTF-16 code units, as
//! JavaScript strings count them, not in the UTF-8 bytes Rust strings are made of.

use serde::Deserialize;

/// Replace the code units `from..to` with `insert`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, ts_rs::TS)]
pub struct TextEdit {
    pub from: u32,
    pub to: u32,
    pub insert: String,
}

impl TextEdit {
    /// `text` with the edit made, and how many lines it added (negative: removed); `None` when
    /// the positions are not in `text` or cut a character in two.
    pub(super) fn apply(&self, text: &str) -> Option<(String, i64)> {
        let from = byte_offset(text, self.from)?;
        // Counted on from `from`: the text before it is walked once, not twice.
        let to = from + byte_offset(&text[from..], self.to.checked_sub(self.from)?)?;
        let removed = &text[from..to];
        let lines = newlines(&self.insert) - newlines(removed);
        let mut out = String::with_capacity(text.len() - removed.len() + self.insert.len());
        out.push_str(&text[..from]);
        out.push_str(&self.insert);
        out.push_str(&text[to..]);
        Some((out, lines))
    }
}

fn newlines(text: &str) -> i64 {
    text.bytes().filter(|&b| b == b'\n').count() as i64
}

/// The byte offset of UTF-16 position `units` in `text`, if it falls between two characters.
fn byte_offset(text: &str, units: u32) -> Option<usize> {
    let units = units as usize;
    let mut counted = 0;
    for (at, c) in text.char_indices() {
        if counted == units {
            return Some(at);
        }
        counted += c.len_utf16();
        if counted > units {
            return None;
        }
    }
    (counted == units).then_some(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(from: u32, to: u32, insert: &str) -> TextEdit {
        TextEdit {
            from,
            to,
            insert: insert.to_owned(),
        }
    }

    #[test]
    fn counts_positions_as_the_editor_does() {
        // "é" is one unit and two bytes, "😀" two units and four bytes.
        let text = "é😀x\ny";
        assert_eq!(edit(3, 4, "z").apply(text), Some(("é😀z\ny".to_owned(), 0)));
        assert_eq!(
            edit(0, 0, "a\n\n").apply(text),
            Some(("a\n\né😀x\ny".to_owned(), 2))
        );
        assert_eq!(edit(3, 6, "").apply(text), Some(("é😀".to_owned(), -1)));
        assert_eq!(
            edit(6, 6, "!").apply(text),
            Some(("é😀x\ny!".to_owned(), 0))
        );
    }

    #[test]
    fn refuses_positions_outside_the_text_or_inside_a_character() {
        let text = "é😀x";
        assert_eq!(
            edit(2, 2, "a").apply(text),
            None,
            "between the halves of 😀"
        );
        assert_eq!(edit(0, 5, "").apply(text), None, "past the end");
        assert_eq!(edit(3, 1, "").apply(text), None, "backwards");
    }
}
