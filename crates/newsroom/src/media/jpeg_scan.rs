//! Walking a JPEG after its first scan header, which img-parts keeps as one opaque block: the
//! entropy-coded data, any further segments (progressive JPEGs have several scans) and the end
//! marker. Knowing where the image really ends lets inspection refuse a truncated file and lets
//! stripping drop metadata hidden between scans or appended after the end (such as the second
//! picture of a multi-picture file, with its own EXIF).

use std::ops::Range;

use img_parts::jpeg::Jpeg;

/// Whether every marker among the headers of `bytes` (a JPEG, from its start-of-image marker to
/// its first scan header) starts a segment with a length. A marker without one there (a restart
/// or reserved marker, a stuffed zero, a second start or an end of image) has no place among
/// headers, and the two readers part ways on it: img-parts skips its two bytes and reads on
/// byte by byte, the decoder skips a whole segment of the length that follows it. A picture
/// hidden in that "segment" would then be the one checked and stripped while another is shown
/// (found by fuzzing). Stray bytes between segments are skipped alike by both; a file cut short
/// is left to the other checks.
pub(super) fn headers_have_lengths(bytes: &[u8]) -> bool {
    // After the start-of-image marker.
    let mut at = 2;
    loop {
        let Some(offset) = bytes
            .get(at..)
            .and_then(|rest| rest.iter().position(|&b| b == 0xFF))
        else {
            return true;
        };
        at += offset;
        // Fill bytes before the marker.
        while bytes.get(at) == Some(&0xFF) {
            at += 1;
        }
        match bytes.get(at) {
            None => return true,
            // The first scan header: the headers end.
            Some(0xDA) => return true,
            // Frame headers, tables, APPn, JPGn and comments: a length follows.
            Some(0xC0..=0xCF | 0xDB..=0xFE) => {
                let (Some(&high), Some(&low)) = (bytes.get(at + 1), bytes.get(at + 2)) else {
                    return true;
                };
                at += 1 + usize::from(u16::from_be_bytes([high, low]));
            }
            Some(_) => return false,
        }
    }
}

/// The bytes after the first scan header of `bytes`, which img-parts parsed into `jpeg`: it keeps
/// them as the scan segment's "entropy", the rest of the file, without handing them out.
pub(super) fn scan_data<'a>(bytes: &'a [u8], jpeg: &Jpeg) -> Option<&'a [u8]> {
    let scan = jpeg
        .segments()
        .iter()
        .find(|segment| segment.has_entropy())?;
    let len = scan.len_with_entropy() - scan.len();
    bytes.get(bytes.len().checked_sub(len)?..)
}

/// Why [`kept_ranges`] refuses: the file was cut short.
pub(super) const MISSING_END: &str = "the end of the picture is missing";

/// Why [`kept_ranges`] refuses: something that has no place after the picture data.
pub(super) const OUT_OF_PLACE: &str = "a segment after the picture data is out of place";

/// The parts of `data` to keep, in order, ending with the end-of-image marker: the scan data and
/// the segments that belong between scans (tables, restart interval, further scan headers), but
/// not APPn and COM segments, nor whatever follows the end. [`MISSING_END`] when the
/// end-of-image marker is missing or a segment runs past the data, i.e. the file is truncated;
/// [`OUT_OF_PLACE`] for any other segment (a second frame header, a reserved one): the decoder
/// skips those behind a comment but trips on them right after the picture data, so with the
/// comments gone the copy could fail to open where the original opened (found by fuzzing).
pub(super) fn kept_ranges(data: &[u8]) -> Result<Vec<Range<usize>>, &'static str> {
    let mut kept = Vec::new();
    let mut start = 0;
    let mut at = 0;
    loop {
        at += data
            .get(at..)
            .and_then(|rest| rest.iter().position(|&b| b == 0xFF))
            .ok_or(MISSING_END)?;
        // Fill bytes before a marker belong to it, and go when it is dropped: kept, the last of
        // them would run into the byte after the dropped segment as a marker of its own.
        let marker_start = at;
        while data.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        let marker = *data.get(at + 1).ok_or(MISSING_END)?;
        match marker {
            // A stuffed 0xFF byte, a restart marker, the TEM marker: part of the scan data.
            0x00 | 0x01 | 0xD0..=0xD7 => at += 2,
            0xD9 => {
                kept.push(start..at + 2);
                return Ok(kept);
            }
            _ => {
                let (Some(&high), Some(&low)) = (data.get(at + 2), data.get(at + 3)) else {
                    return Err(MISSING_END);
                };
                let length = usize::from(u16::from_be_bytes([high, low]));
                let end = at + 2 + length;
                if end > data.len() || length < 2 {
                    return Err(MISSING_END);
                }
                match marker {
                    // Huffman and quantization tables, the restart interval, the next scan.
                    0xC4 | 0xDB | 0xDD | 0xDA => {}
                    // APPn segments (EXIF, XMP, IPTC, maker data) and comments.
                    0xE0..=0xEF | 0xFE => {
                        kept.push(start..marker_start);
                        start = end;
                    }
                    _ => return Err(OUT_OF_PLACE),
                }
                at = end;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(data: &[u8]) -> Result<Vec<u8>, &'static str> {
        kept_ranges(data).map(|ranges| ranges.into_iter().flat_map(|r| data[r].to_vec()).collect())
    }

    #[test]
    fn scan_data_is_kept_up_to_the_end_marker() {
        let data = b"\x12\xFF\x00\x34\xFF\xD0\x56\xFF\xFF\xD9trailing secrets";
        assert_eq!(
            kept(data).as_deref(),
            Ok(&b"\x12\xFF\x00\x34\xFF\xD0\x56\xFF\xFF\xD9"[..])
        );
    }

    #[test]
    fn metadata_between_scans_is_dropped_and_tables_kept() {
        let data = b"\x01\xFF\xFE\x00\x05abc\xFF\xC4\x00\x03\x07\x02\xFF\xD9";
        assert_eq!(
            kept(data).as_deref(),
            Ok(&b"\x01\xFF\xC4\x00\x03\x07\x02\xFF\xD9"[..])
        );
    }

    #[test]
    fn among_headers_only_markers_with_a_length_pass() {
        // Fill bytes, a comment and a stray byte before the scan header are read alike by both.
        assert!(headers_have_lengths(
            b"\xFF\xD8\xFF\xFF\xFE\x00\x03a\x12\xFF\xDA"
        ));
        // A stuffed zero, a restart marker, a reserved marker.
        for marker in [0x00, 0xD0, 0x14] {
            assert!(!headers_have_lengths(&[
                0xFF, 0xD8, 0xFF, marker, 0xFF, 0xDA
            ]));
        }
    }

    #[test]
    fn a_segment_with_no_place_after_the_picture_data_is_refused() {
        // Found by fuzzing: a comment, then a stray frame header; a reserved segment.
        for data in [
            &b"\x01\xFF\xFE\x00\x03a\xFF\xC0\x00\x02\xFF\xD9"[..],
            b"\x01\xFF\x20\x00\x03a\xFF\xD9",
        ] {
            assert_eq!(kept(data), Err(OUT_OF_PLACE), "{data:?}");
        }
    }

    #[test]
    fn fill_bytes_go_with_the_segment_they_lead_to() {
        // Found by fuzzing: kept, the fill byte and the 0xB3 after the comment read as a marker.
        let data = b"\x95\xFF\xFF\xFE\x00\x03a\xB3\xFF\xD9";
        assert_eq!(kept(data).as_deref(), Ok(&b"\x95\xB3\xFF\xD9"[..]));
    }

    #[test]
    fn a_missing_end_or_a_cut_segment_is_truncation() {
        assert_eq!(kept(b"\x12\x34\xFF\x00"), Err(MISSING_END));
        assert_eq!(kept(b"\x12\xFF\xC4\x00\x10\x01"), Err(MISSING_END));
        assert_eq!(kept(b"\x12\xFF"), Err(MISSING_END));
        assert_eq!(kept(b""), Err(MISSING_END));
    }
}
