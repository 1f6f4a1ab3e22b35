//! Writes the fuzz targets' seed corpora, taken from the core's tests, so that a run starts from
//! inputs that already reach deep into each parser instead of from nothing.
//!
//! `seeds <repository> <out>` fills `<out>/<target>/`, one file per input:
//! - the four text targets get every string literal of the core's test code (test modules and
//!   files, integration tests), plus the shared corpus beside the repository when it is there
//!   (its news article; for the renderer also its shorter book chapters);
//! - `workspace_file` also gets the example file its module documents (every field);
//! - `photo_metadata` gets small photos built with the media tests' own fixtures
//!   (`src/media/tests/fixtures.rs`): each format plain, then carrying EXIF (GPS, serial number,
//!   orientation), XMP, IPTC and comments as the tests build them, and the repository's own small
//!   PNGs.
//!
//! Nothing here is committed output: scripts/fuzz.sh writes the seeds afresh on every run.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// What the fixtures call `crate::model`.
mod model {
    pub use newsroom::model::ImageFormat;
}

/// The media tests' fixtures, used as they are (not every helper is needed here).
#[allow(dead_code)]
#[path = "../../crates/newsroom/src/media/tests/fixtures.rs"]
mod fixtures;

const TEXT_TARGETS: &[&str] = &["front_matter", "plain_text", "workspace_file", "render"];

/// Longest book chapter given to the renderer: libFuzzer takes the longest seed as its longest
/// input, and longer inputs mean fewer runs in a short session.
const LONGEST_CHAPTER: u64 = 16 * 1024;

/// Longest repository image taken as a seed, for the same reason.
const LONGEST_IMAGE: u64 = 64 * 1024;

fn main() {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [repository, out] = args.as_slice() else {
        eprintln!("usage: seeds <repository> <out>");
        std::process::exit(2);
    };
    let core = repository.join("crates/newsroom");

    let mut literals = BTreeSet::new();
    for file in rust_files(&core.join("src"))
        .into_iter()
        .chain(rust_files(&core.join("tests")))
    {
        let source = fs::read_to_string(&file).expect("reads a source file");
        literals.extend(string_literals(test_code(&file, &source)));
    }
    literals.remove("");
    let mut shared = Vec::new();
    let corpus = repository.join("../shared/corpus");
    if let Ok(article) = fs::read_to_string(corpus.join("000_894e524890745626.txt")) {
        shared.push(article);
    }
    for target in TEXT_TARGETS {
        let dir = out.join(target);
        for text in literals.iter().chain(&shared) {
            write_seed(&dir, text.as_bytes());
        }
    }
    if let Some(file) = documented_workspace_file(&core) {
        write_seed(&out.join("workspace_file"), file.as_bytes());
    }
    for chapter in files(&corpus.join("rust-book-src")) {
        let short = fs::metadata(&chapter).is_ok_and(|m| m.len() <= LONGEST_CHAPTER);
        if short && chapter.extension().is_some_and(|e| e == "md") {
            write_seed(
                &out.join("render"),
                &fs::read(&chapter).expect("reads a chapter"),
            );
        }
    }

    let photos = out.join("photo_metadata");
    for photo in fixture_photos() {
        write_seed(&photos, &photo);
    }
    for image in files(&repository.join("icons")) {
        let small = fs::metadata(&image).is_ok_and(|m| m.len() <= LONGEST_IMAGE);
        if small && image.extension().is_some_and(|e| e == "png") {
            write_seed(&photos, &fs::read(&image).expect("reads an icon"));
        }
    }

    for target in TEXT_TARGETS.iter().chain(&["photo_metadata"]) {
        let count = fs::read_dir(out.join(target)).map_or(0, |d| d.count());
        println!("seeds: {target}: {count} inputs");
    }
}

/// The example file `workspace/file_format.rs` documents: a workspace file with every field the
/// format writes, as the format is now.
fn documented_workspace_file(core: &Path) -> Option<String> {
    let source = fs::read_to_string(core.join("src/workspace/file_format.rs")).ok()?;
    let doc: Vec<&str> = source
        .lines()
        .map_while(|line| line.strip_prefix("//!"))
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .collect();
    let open = doc.iter().position(|line| line.starts_with("```"))?;
    let close = open
        + 1
        + doc[open + 1..]
            .iter()
            .position(|line| line.starts_with("```"))?;
    Some(
        doc[open + 1..close]
            .iter()
            .map(|line| format!("{line}\n"))
            .collect(),
    )
}

/// Writes `bytes` into `dir`, named after its content so a repeated input is written once.
fn write_seed(dir: &Path, bytes: &[u8]) {
    fs::create_dir_all(dir).expect("creates the seed folder");
    // FNV-1a: stable across runs and platforms, which std's hasher does not promise.
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    fs::write(dir.join(format!("{hash:016x}")), bytes).expect("writes a seed");
}

/// The files directly in `dir`, sorted; none when it is missing.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        .collect();
    found.sort();
    found
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The test code of a source file: all of a test file (in a `tests` folder, or named `tests.rs`
/// or `*_tests.rs`), else what follows its first inline `#[cfg(test)] mod … {`, else nothing.
fn test_code<'a>(path: &Path, source: &'a str) -> &'a str {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let in_tests_folder = path.components().any(|c| c.as_os_str() == "tests");
    if in_tests_folder || name == "tests.rs" || name.ends_with("_tests.rs") {
        return source;
    }
    let mut from = 0;
    while let Some(at) = source[from..].find("#[cfg(test)]") {
        let start = from + at;
        let after = source[start + "#[cfg(test)]".len()..].trim_start();
        let line = after.lines().next().unwrap_or("");
        if line.starts_with("mod ") && line.trim_end().ends_with('{') {
            return &source[start..];
        }
        from = start + 1;
    }
    ""
}

/// The values of the string literals in Rust `source` (plain and raw; byte and C strings, char
/// literals and comments skipped). A small lexer, enough for test code: it only has to find where
/// literals start and end.
fn string_literals(source: &str) -> Vec<String> {
    let bytes = source.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    while i < bytes.len() {
        let at_token = i == 0 || !ident(bytes[i - 1]);
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = source[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let mut depth = 0;
                while i < bytes.len() {
                    if bytes[i..].starts_with(b"/*") {
                        depth += 1;
                        i += 2;
                    } else if bytes[i..].starts_with(b"*/") {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            b'\'' => i = after_char_literal(source, i),
            b'"' => {
                let (value, end) = plain_string(source, i + 1);
                found.push(value);
                i = end;
            }
            b'r' | b'b' | b'c' if at_token => {
                let prefix_end = i + bytes[i..]
                    .iter()
                    .take(2)
                    .take_while(|b| matches!(b, b'r' | b'b' | b'c'))
                    .count();
                let prefix = &source[i..prefix_end];
                let text_string = prefix == "r";
                match raw_string(source, prefix_end).filter(|_| prefix.contains('r')) {
                    Some((value, end)) => {
                        if text_string {
                            found.push(value);
                        }
                        i = end;
                    }
                    None if matches!(prefix, "b" | "c") && bytes.get(i + 1) == Some(&b'"') => {
                        i = plain_string(source, i + 2).1;
                    }
                    None => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    found
}

/// A raw string whose `#`s or quote start at `start`: its value and the index after it.
fn raw_string(source: &str, start: usize) -> Option<(String, usize)> {
    let hashes = source[start..].bytes().take_while(|&b| b == b'#').count();
    let open = start + hashes;
    if source.as_bytes().get(open) != Some(&b'"') {
        return None;
    }
    let close = format!("\"{}", "#".repeat(hashes));
    let end = source[open + 1..].find(&close)? + open + 1;
    Some((source[open + 1..end].to_string(), end + close.len()))
}

/// A plain string whose contents start at `start`: its unescaped value and the index after its
/// closing quote.
fn plain_string(source: &str, start: usize) -> (String, usize) {
    let mut value = String::new();
    let mut chars = source[start..].char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => return (value, start + at + 1),
            '\\' => match chars.next().map(|(_, e)| e) {
                Some('n') => value.push('\n'),
                Some('r') => value.push('\r'),
                Some('t') => value.push('\t'),
                Some('0') => value.push('\0'),
                Some('x') => {
                    let hex: String = (0..2)
                        .filter_map(|_| chars.next().map(|(_, h)| h))
                        .collect();
                    if let Ok(code) = u8::from_str_radix(&hex, 16) {
                        value.push(char::from(code));
                    }
                }
                Some('u') => {
                    let mut hex = String::new();
                    for (_, h) in chars.by_ref() {
                        match h {
                            '{' => {}
                            '}' => break,
                            _ => hex.push(h),
                        }
                    }
                    if let Some(c) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        value.push(c);
                    }
                }
                // A line continuation: the newline and the next line's indentation go.
                Some('\n') => while chars.next_if(|(_, w)| w.is_whitespace()).is_some() {},
                Some(other) => value.push(other),
                None => break,
            },
            _ => value.push(c),
        }
    }
    (value, source.len())
}

/// The index after a char literal starting at `start`, or after the quote of a lifetime.
fn after_char_literal(source: &str, start: usize) -> usize {
    let rest = &source[start + 1..];
    if rest.starts_with('\\') {
        // An escape: the literal ends at the next quote after the escaped character.
        return rest[2..]
            .find('\'')
            .map_or(source.len(), |n| start + 1 + 2 + n + 1);
    }
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (Some(c), Some('\'')) => start + 1 + c.len_utf8() + 1,
        _ => start + 1,
    }
}

/// Small photos as the media tests build them, with and without metadata.
fn fixture_photos() -> Vec<Vec<u8>> {
    use exif::Tag;
    use fixtures::*;
    use model::ImageFormat;

    let formats = [
        ImageFormat::Jpeg,
        ImageFormat::Png,
        ImageFormat::Webp,
        ImageFormat::Gif,
    ];
    let mut photos: Vec<Vec<u8>> = formats.iter().map(|&f| sample(f, 8, 6)).collect();
    photos.extend(
        formats
            .iter()
            .map(|&f| encode(&transparent_picture(6, 4), f)),
    );

    let mut fields = private_fields();
    fields.push(orientation(6));
    fields.push(ascii(
        Tag::ImageDescription,
        "Ferry leaving Slussen at dawn",
    ));
    fields.push(ascii(Tag::Copyright, "© 2025 Dagbladet"));
    let tiff = exif_block(&fields);
    let packet = xmp_packet();

    photos.push(with_jpeg_segments(
        &sample(ImageFormat::Jpeg, 8, 6),
        &[
            (0xE1, exif_app1(&tiff)),
            (0xE1, xmp_app1(&packet)),
            (0xED, photoshop_app13(&iptc_resources(&[
                (120, "Protesters gather in Malmö."),
                (110, "Reuters"),
                (80, "Ana Ruiz"),
                (116, "© 2025 Reuters"),
            ]))),
            (0xFE, b"shot at Sergel".to_vec()),
        ],
    ));
    photos.push(with_png_chunks(
        &sample(ImageFormat::Png, 8, 6),
        &[
            (*b"iTXt", itxt("XML:com.adobe.xmp", &packet)),
            (*b"tEXt", b"Comment\0shot at Sergel".to_vec()),
        ],
        Some(tiff.clone()),
    ));
    photos.push(with_webp_metadata(
        &sample(ImageFormat::Webp, 8, 6),
        Some(tiff),
        Some(&packet),
    ));
    photos.push(with_gif_extensions(&sample(ImageFormat::Gif, 8, 6)));
    photos
}

/// An XMP packet with a caption, credit, creators and alt text, shaped like the XMP tests' own.
fn xmp_packet() -> String {
    r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/" photoshop:Credit="Reuters">
   <dc:description><rdf:Alt>
     <rdf:li xml:lang="sv">Svensk bildtext</rdf:li>
     <rdf:li xml:lang="x-default">Protesters gather in Malmö.</rdf:li>
   </rdf:Alt></dc:description>
   <dc:creator><rdf:Seq><rdf:li>Ana Ruiz</rdf:li><rdf:li>Tom Lee</rdf:li></rdf:Seq></dc:creator>
   <Iptc4xmpCore:AltTextAccessibility><rdf:Alt>
     <rdf:li xml:lang="x-default">A crowd with banners</rdf:li>
   </rdf:Alt></Iptc4xmpCore:AltTextAccessibility>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>
"#
    .to_string()
}

