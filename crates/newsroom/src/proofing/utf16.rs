//! Positions as the editor counts them: CodeMirror and JavaScript strings index UTF-16 code
//! units, Harper indexes characters and Rust indexes bytes.

/// UTF-16 offsets of each character of a text, plus one past its end, so that a character
/// span `[start, end)` maps to `[at[start], at[end])`.
pub struct Utf16Offsets(Vec<usize>);

impl Utf16Offsets {
    pub fn new(chars: &[char]) -> Self {
        let mut at = Vec::with_capacity(chars.len() + 1);
        let mut offset = 0;
        for c in chars {
            at.push(offset);
            offset += c.len_utf16();
        }
        at.push(offset);
        Utf16Offsets(at)
    }

    /// The UTF-16 offset of a character index (clamped to the end).
    pub fn of(&self, char_index: usize) -> usize {
        let last = self.0.len() - 1;
        self.0[char_index.min(last)]
    }
}

/// The length of a string in UTF-16 code units.
pub fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// The 1-based line and column (in characters) of a UTF-16 offset into `text`.
pub fn line_and_column(text: &str, utf16_offset: usize) -> (usize, usize) {
    let (mut line, mut column, mut at) = (1, 1, 0);
    for c in text.chars() {
        if at >= utf16_offset {
            break;
        }
        at += c.len_utf16();
        if c == '\n' {
            (line, column) = (line + 1, 1);
        } else {
            column += 1;
        }
    }
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_outside_the_basic_plane_count_twice() {
        let chars: Vec<char> = "a😀b".chars().collect();
        let at = Utf16Offsets::new(&chars);
        assert_eq!(
            (at.of(0), at.of(1), at.of(2), at.of(3), at.of(9)),
            (0, 1, 3, 4, 4)
        );
        assert_eq!(utf16_len("é😀"), 3);
    }

    #[test]
    fn offsets_become_lines_and_columns_in_characters() {
        let text = "One 😀.\nTwo teh.";
        assert_eq!(line_and_column(text, 0), (1, 1));
        assert_eq!(line_and_column(text, 4), (1, 5));
        assert_eq!(line_and_column(text, 8), (2, 1));
        assert_eq!(line_and_column(text, 12), (2, 5));
    }
}
