//! Front matter as the importer reads it: a Markdown file opening with YAML (`---`) or TOML
//! (`+++`) fields, split from its body and read into an article, and the YAML fields no article
//! field takes picked out for the workspace to keep.
//!
//! Proves that no text, however broken, huge or deeply nested its fields, panics or hangs the
//! importer: every file is imported or refused with a sentence.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsroom::import;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = import::parse_markdown(text);
    // The way a dropped or opened `.md` file goes, name and all.
    let _ = import::import_text(text, "story.md");
    let _ = import::unused_yaml_fields(text);
});
