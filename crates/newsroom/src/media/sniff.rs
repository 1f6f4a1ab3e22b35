//! Telling formats apart by their first bytes ("magic numbers"), never by the file's extension:
//! a photo renamed `.jpg` that is really a PNG is still taken, and a PDF renamed `.jpg` is not.

use crate::model::ImageFormat;

/// The accepted format the bytes start like, if any.
pub fn detect_format(bytes: &[u8]) -> Option<ImageFormat> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(ImageFormat::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ImageFormat::Png)
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(ImageFormat::Gif)
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some(ImageFormat::Webp)
    } else {
        None
    }
}

/// What a file that is not an accepted image looks like, when that is cheap to tell, as a phrase
/// that completes "the file is …" (an editor who dropped a PDF learns it was a PDF).
pub fn describe_other(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive or office document"),
        (b"II*\0", "a TIFF image"),
        (b"MM\0*", "a TIFF image"),
        (b"BM", "a BMP image"),
        (b"8BPS", "a Photoshop document"),
        (b"\0\0\x01\0", "an icon file"),
        (b"{\\rtf", "a rich-text document"),
        (b"\xD0\xCF\x11\xE0", "an old Microsoft Office document"),
    ];
    if let Some((_, name)) = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        return Some(name);
    }
    if let Some(brand) = bytes.get(4..12).filter(|b| b.starts_with(b"ftyp")) {
        return Some(match &brand[4..] {
            b"heic" | b"heix" | b"mif1" | b"msf1" | b"hevc" => {
                "an HEIC photo (export it as JPEG first)"
            }
            b"avif" | b"avis" => "an AVIF image (export it as JPEG first)",
            _ => "a video or audio file",
        });
    }
    describe_text(bytes)
}

/// Recognises text files (HTML, SVG, plain text) from their first kilobyte.
fn describe_text(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(1024)];
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        // A multi-byte character cut at the 1024-byte boundary is still text.
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&head[..e.valid_up_to()]).ok()?,
        Err(_) => return None,
    };
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{feff}'))
    {
        return None;
    }
    let lower = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_ascii_lowercase();
    Some(if lower.contains("<svg") {
        "an SVG drawing"
    } else if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        "a web page"
    } else {
        "a text file"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_content() {
        assert_eq!(
            detect_format(b"\xFF\xD8\xFF\xE0rest"),
            Some(ImageFormat::Jpeg)
        );
        assert_eq!(
            detect_format(b"\x89PNG\r\n\x1a\nrest"),
            Some(ImageFormat::Png)
        );
        assert_eq!(detect_format(b"GIF89a..."), Some(ImageFormat::Gif));
        assert_eq!(
            detect_format(b"RIFF\0\0\0\0WEBPVP8 "),
            Some(ImageFormat::Webp)
        );
        assert_eq!(detect_format(b"RIFF\0\0\0\0WAVEfmt "), None);
        assert_eq!(detect_format(b"\xFF\xD8"), None);
    }

    #[test]
    fn other_files_are_named_when_cheap() {
        assert_eq!(describe_other(b"%PDF-1.7\n"), Some("a PDF document"));
        assert_eq!(describe_other(b"Hello, newsroom!\n"), Some("a text file"));
        assert_eq!(describe_other(b"<!DOCTYPE html><html>"), Some("a web page"));
        assert_eq!(
            describe_other(b"<?xml version=\"1.0\"?>\n<svg xmlns=\"...\">"),
            Some("an SVG drawing")
        );
        assert_eq!(
            describe_other(b"\0\0\0\x18ftypheic\0\0\0\0"),
            Some("an HEIC photo (export it as JPEG first)")
        );
        assert_eq!(describe_other(&[0x00, 0x9F, 0x13, 0x02, 0xFE]), None);
        let cut_in_a_character = "ä".repeat(600);
        assert_eq!(
            describe_other(&cut_in_a_character.as_bytes()[..1023]),
            Some("a text file")
        );
    }
}
