//! The workspace file format (`workspace::file_format`): an article as `<section>/<slug>.md`, YAML
//! front matter with the article's fields, then the body.
//!
//! Proves that no file text panics or hangs the parser, and that what it reads can be written
//! back and read again unchanged: `parse(to_file(parse(text)))` equals `parse(text)` (but for
//! what the format reads and never writes, below), and `to_file` of that is the same text again.
//! The mirror compares files by the hash of their bytes, so a file that changed on every
//! write-and-read would never settle.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsroom::workspace::file_format::{ArticleFile, parse, to_file};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(file) = parse(text) else {
        return;
    };
    let written = to_file(&file);
    let again = match parse(&written) {
        Ok(again) => again,
        Err(why) => panic!("to_file wrote a file that parse refuses ({why}):\n{written}"),
    };
    // `id:` and `author_id:` name the article and its author in files written before uids and
    // author names: read, never written (the uid and the name are written instead), so they
    // alone may not come back.
    let expected = ArticleFile {
        id: None,
        author_id: None,
        ..file
    };
    assert_eq!(again, expected, "the file read back differs:\n{written}");
    assert_eq!(
        to_file(&again),
        written,
        "writing it again changed the text"
    );
});
