//! Reading EXIF (with kamadak-exif) and writing the one-field EXIF that stripping keeps.

use std::io::Cursor;

use exif::{Field, In, Reader, Tag, Value};

use super::text;

/// The EXIF fields Newsroom uses: the orientation to show the photo upright, and the text
/// fields that may prefill caption and credit.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct ExifFields {
    /// 1–8 as in the EXIF standard; `None` when absent or out of range.
    pub orientation: Option<u16>,
    pub description: Option<String>,
    pub artist: Option<String>,
    pub copyright: Option<String>,
}

/// Reads `tiff` (a TIFF structure, as found in a JPEG APP1 or PNG eXIf). Damaged EXIF yields
/// empty fields rather than an error: metadata never stops a photo from being used.
pub(super) fn read(tiff: &[u8]) -> ExifFields {
    let Ok(exif) = Reader::new().read_raw(tiff.to_vec()) else {
        return ExifFields::default();
    };
    let text_of = |tag| {
        let field = exif.get_field(tag, In::PRIMARY)?;
        match &field.value {
            // Copyright may hold "photographer\0editor": the first meaningful part is used.
            Value::Ascii(parts) => parts
                .iter()
                .find_map(|part| text::meaningful(&text::decode(part))),
            _ => None,
        }
    };
    let orientation = exif
        .get_field(Tag::Orientation, In::PRIMARY)
        .and_then(|field| field.value.get_uint(0))
        .and_then(|o| u16::try_from(o).ok())
        .filter(|o| (1..=8).contains(o));
    ExifFields {
        orientation,
        description: text_of(Tag::ImageDescription),
        artist: text_of(Tag::Artist),
        copyright: text_of(Tag::Copyright),
    }
}

/// A minimal EXIF block holding only `orientation`, so that a stripped photo still shows upright.
pub(super) fn orientation_only(orientation: u16) -> Option<Vec<u8>> {
    let field = Field {
        tag: Tag::Orientation,
        ifd_num: In::PRIMARY,
        value: Value::Short(vec![orientation]),
    };
    let mut writer = exif::experimental::Writer::new();
    writer.push_field(&field);
    let mut out = Cursor::new(Vec::new());
    writer.write(&mut out, false).ok()?;
    Some(out.into_inner())
}

/// Whether an EXIF orientation turns the picture on its side, swapping width and height.
pub(super) fn swaps_sides(orientation: Option<u16>) -> bool {
    matches!(orientation, Some(5..=8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orientation_survives_a_round_trip_through_the_minimal_block() {
        for o in 1..=8 {
            let block = orientation_only(o).expect("writes");
            assert_eq!(read(&block).orientation, Some(o));
        }
    }

    #[test]
    fn damaged_exif_reads_as_nothing() {
        assert_eq!(read(b"MM\0*garbage"), ExifFields::default());
        assert_eq!(read(b""), ExifFields::default());
    }
}
