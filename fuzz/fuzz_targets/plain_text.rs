//! The plain-text importer: an article copied from a news site (headline, dek, byline, dateline,
//! photo caption and credit, author's note, guessed from the shape of the lines), and the file
//! decoding in front of it.
//!
//! Proves that no text panics or hangs it: every file becomes a draft (with warnings where it
//! guessed) or is refused with a sentence.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsroom::import;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = import::parse_plain_text(text);
    // The way a `.txt` file goes: decoded as a file is (NUL bytes refused, line endings
    // normalised), then routed by its name and first line (front matter → Markdown).
    if let Ok(decoded) = import::decode_text(data, "story.txt") {
        let _ = import::import_text(&decoded, "story.txt");
    }
});
