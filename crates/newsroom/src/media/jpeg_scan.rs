//! Walking a JPEG after its first scan header, which img-parts keeps as one opaque block: the
//! entropy-coded data, any further segments (progressive JPEGs have several scans) and the end
//! marker. Knowing where the image really ends lets inspection refuse a truncated file and lets
//! stripping drop metadata hidden between scans or appended after the end (such as the second
//! picture of a multi-picture file, with its own EXIF).

use std::ops::Range;

use img_parts::jpeg::Jpeg;

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

/// The parts of `data` to keep, in order, ending with the end-of-image marker: everything but
/// APPn and COM segments and whatever follows the end. `None` when the end-of-image marker is
/// missing or a segment runs past the data, i.e. the file is truncated.
pub(super) fn kept_ranges(data: &[u8]) -> Option<Vec<Range<usize>>> {
    let mut kept = Vec::new();
    let mut start = 0;
    let mut at = 0;
    loop {
        at += data.get(at..)?.iter().position(|&b| b == 0xFF)?;
        let marker = *data.get(at + 1)?;
        match marker {
            // A stuffed 0xFF byte, a restart marker, the TEM marker: part of the scan data.
            0x00 | 0x01 | 0xD0..=0xD7 => at += 2,
            // Fill bytes before a marker.
            0xFF => at += 1,
            0xD9 => {
                kept.push(start..at + 2);
                return Some(kept);
            }
            _ => {
                let length =
                    usize::from(u16::from_be_bytes([*data.get(at + 2)?, *data.get(at + 3)?]));
                let end = at + 2 + length;
                if end > data.len() || length < 2 {
                    return None;
                }
                if is_metadata(marker) {
                    kept.push(start..at);
                    start = end;
                }
                at = end;
            }
        }
    }
}

/// APPn segments (EXIF, XMP, IPTC, maker data) and comments.
fn is_metadata(marker: u8) -> bool {
    matches!(marker, 0xE0..=0xEF | 0xFE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(data: &[u8]) -> Option<Vec<u8>> {
        kept_ranges(data).map(|ranges| ranges.into_iter().flat_map(|r| data[r].to_vec()).collect())
    }

    #[test]
    fn scan_data_is_kept_up_to_the_end_marker() {
        let data = b"\x12\xFF\x00\x34\xFF\xD0\x56\xFF\xFF\xD9trailing secrets";
        assert_eq!(
            kept(data).as_deref(),
            Some(&b"\x12\xFF\x00\x34\xFF\xD0\x56\xFF\xFF\xD9"[..])
        );
    }

    #[test]
    fn metadata_between_scans_is_dropped_and_tables_kept() {
        let data = b"\x01\xFF\xFE\x00\x05abc\xFF\xC4\x00\x03\x07\x02\xFF\xD9";
        assert_eq!(
            kept(data).as_deref(),
            Some(&b"\x01\xFF\xC4\x00\x03\x07\x02\xFF\xD9"[..])
        );
    }

    #[test]
    fn a_missing_end_or_a_cut_segment_is_truncation() {
        assert_eq!(kept(b"\x12\x34\xFF\x00"), None);
        assert_eq!(kept(b"\x12\xFF\xC4\x00\x10\x01"), None);
        assert_eq!(kept(b"\x12\xFF"), None);
        assert_eq!(kept(b""), None);
    }
}
