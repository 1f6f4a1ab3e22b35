use exif::{Reader, Tag};
use img_parts::jpeg::{Jpeg, markers};
use img_parts::png::Png;
use img_parts::webp::WebP;
use img_parts::{Bytes, ImageEXIF, ImageICC};

use super::fixtures::*;
use crate::media::xmp::packet_for_tests;
use crate::media::{EmbeddedText, embedded_text, gif, inspect, strip_metadata};
use crate::model::ImageFormat;

/// The tags left in a stripped file's EXIF block.
fn remaining_tags(tiff: Option<Bytes>) -> Vec<Tag> {
    let Some(tiff) = tiff else { return Vec::new() };
    let exif = Reader::new().read_raw(tiff.to_vec()).expect("valid EXIF");
    exif.fields().map(|f| f.tag).collect()
}

fn private_exif(with_orientation: Option<u16>) -> Vec<u8> {
    let mut fields = private_fields();
    fields.extend(with_orientation.map(orientation));
    exif_block(&fields)
}

/// Checks what every stripped file must satisfy.
fn assert_clean(original: &[u8], stripped: &[u8], format: ImageFormat) {
    assert_eq!(
        pixels(stripped),
        pixels(original),
        "{format:?} pixels changed"
    );
    assert_eq!(
        inspect(stripped).expect("still a valid image").format,
        format
    );
    assert_eq!(embedded_text(stripped, format), EmbeddedText::default());
    for secret in [
        &b"SERIAL-12345"[..],
        b"Ana Ruiz",
        b"Malm",
        b"xmpmeta",
        b"Sergel",
    ] {
        assert!(
            !contains(stripped, secret),
            "{format:?} still holds {secret:?}"
        );
    }
}

#[test]
fn jpeg_loses_exif_gps_xmp_iptc_comments_and_trailing_data_but_keeps_icc_and_orientation() {
    let plain = sample(ImageFormat::Jpeg, 24, 16);
    let icc = [b"ICC_PROFILE\0\x01\x01".as_slice(), b"fake profile"].concat();
    let mut jpeg = with_jpeg_segments(
        &plain,
        &[
            (markers::APP1, exif_app1(&private_exif(Some(6)))),
            (markers::APP2, icc),
            (
                markers::APP1,
                xmp_app1(&packet_for_tests("Malmö", "AFP", &[], "")),
            ),
            (
                markers::APP13,
                photoshop_app13(&iptc_resources(&[(120, "Malmö")])),
            ),
            (markers::COM, b"Sergel".to_vec()),
        ],
    );
    jpeg.extend_from_slice(b"trailing Sergel data");
    let stripped = strip_metadata(&jpeg, ImageFormat::Jpeg).unwrap();
    assert_clean(&jpeg, &stripped, ImageFormat::Jpeg);

    let parsed = Jpeg::from_bytes(Bytes::from(stripped.clone())).unwrap();
    assert_eq!(remaining_tags(parsed.exif()), [Tag::Orientation]);
    assert_eq!(parsed.icc_profile().as_deref(), Some(&b"fake profile"[..]));
    assert_eq!(parsed.segments_by_marker(markers::APP13).count(), 0);
    assert_eq!(parsed.segments_by_marker(markers::COM).count(), 0);
    assert_eq!(
        inspect(&stripped).unwrap().width,
        16,
        "still shown on its side"
    );
    assert!(stripped.ends_with(&[0xFF, 0xD9]));
    // The compressed picture is copied, not re-encoded: the scan data is the original's.
    let scan_start = plain.windows(2).rposition(|w| w == [0xFF, 0xDA]).unwrap();
    assert!(contains(&stripped, &plain[scan_start..]));
}

#[test]
fn jpeg_without_orientation_gets_no_exif_at_all() {
    let jpeg = with_jpeg_segments(
        &sample(ImageFormat::Jpeg, 8, 8),
        &[(markers::APP1, exif_app1(&private_exif(Some(1))))],
    );
    let stripped = strip_metadata(&jpeg, ImageFormat::Jpeg).unwrap();
    assert_clean(&jpeg, &stripped, ImageFormat::Jpeg);
    assert!(!contains(&stripped, b"Exif\0\0"));
}

#[test]
fn png_loses_text_chunks_and_exif() {
    let png = with_png_chunks(
        &sample(ImageFormat::Png, 10, 6),
        &[
            (*b"tEXt", b"Comment\0Sergel".to_vec()),
            (
                *b"iTXt",
                itxt("XML:com.adobe.xmp", &packet_for_tests("Malmö", "", &[], "")),
            ),
            (*b"tIME", vec![7, 233, 1, 1, 0, 0, 0]),
        ],
        Some(private_exif(Some(8))),
    );
    let stripped = strip_metadata(&png, ImageFormat::Png).unwrap();
    assert_clean(&png, &stripped, ImageFormat::Png);
    let parsed = Png::from_bytes(Bytes::from(stripped)).unwrap();
    let kinds: Vec<[u8; 4]> = parsed.chunks().iter().map(|c| c.kind()).collect();
    assert!(!kinds.contains(b"tEXt") && !kinds.contains(b"iTXt") && !kinds.contains(b"tIME"));
    assert_eq!(remaining_tags(parsed.exif()), [Tag::Orientation]);
}

#[test]
fn webp_loses_exif_and_xmp() {
    let webp = with_webp_metadata(
        &sample(ImageFormat::Webp, 9, 7),
        Some(private_exif(None)),
        Some(&packet_for_tests("Malmö", "AFP", &[], "")),
    );
    let stripped = strip_metadata(&webp, ImageFormat::Webp).unwrap();
    assert_clean(&webp, &stripped, ImageFormat::Webp);
    let parsed = WebP::from_bytes(Bytes::from(stripped)).unwrap();
    assert!(!parsed.has_chunk(*b"EXIF") && !parsed.has_chunk(*b"XMP "));
}

#[test]
fn webp_keeps_orientation_with_a_consistent_extended_header() {
    let webp = with_webp_metadata(
        &sample(ImageFormat::Webp, 9, 7),
        Some(private_exif(Some(6))),
        None,
    );
    let stripped = strip_metadata(&webp, ImageFormat::Webp).unwrap();
    assert_clean(&webp, &stripped, ImageFormat::Webp);
    let parsed = WebP::from_bytes(Bytes::from(stripped)).unwrap();
    assert_eq!(remaining_tags(parsed.exif()), [Tag::Orientation]);
    let flags = parsed
        .chunk_by_id(*b"VP8X")
        .unwrap()
        .content()
        .data()
        .unwrap()[0];
    assert_eq!(flags & 0b1100, 0b1000, "EXIF flag set, XMP flag clear");
}

#[test]
fn gif_loses_comments_and_foreign_application_data_but_keeps_looping() {
    let original = with_gif_extensions(&sample(ImageFormat::Gif, 6, 5));
    let stripped = strip_metadata(&original, ImageFormat::Gif).unwrap();
    assert_clean(&original, &stripped, ImageFormat::Gif);
    let kinds: Vec<gif::BlockKind> = gif::blocks(&stripped)
        .unwrap()
        .into_iter()
        .map(|(kind, _)| kind)
        .collect();
    assert!(!kinds.contains(&gif::BlockKind::Metadata));
    assert!(contains(&stripped, b"NETSCAPE2.0"));
    assert_eq!(kinds.last(), Some(&gif::BlockKind::Trailer));
}

#[test]
fn stripping_a_file_without_metadata_changes_nothing_visible() {
    for format in [
        ImageFormat::Jpeg,
        ImageFormat::Png,
        ImageFormat::Webp,
        ImageFormat::Gif,
    ] {
        let original = sample(format, 5, 5);
        let stripped = strip_metadata(&original, format).unwrap();
        assert_eq!(pixels(&stripped), pixels(&original));
    }
}

#[test]
fn damaged_files_are_refused_rather_than_half_copied() {
    for format in [
        ImageFormat::Jpeg,
        ImageFormat::Png,
        ImageFormat::Webp,
        ImageFormat::Gif,
    ] {
        let original = sample(format, 20, 20);
        let error = strip_metadata(&original[..original.len() / 2], format).unwrap_err();
        assert_eq!(error.kind(), crate::ErrorKind::Corrupt, "{format:?}");
    }
}

/// Found by fuzzing (fuzz/, `photo_metadata`): fill bytes before a comment after the picture
/// data, and a stray byte after it. The fill bytes go with the comment: kept, the last of them
/// ran into the stray byte as a marker, and the stripped copy did not open.
#[test]
fn fill_bytes_before_a_comment_after_the_picture_data_go_with_it() {
    let plain = sample(ImageFormat::Jpeg, 8, 6);
    let end = plain.len() - 2;
    assert_eq!(&plain[end..], b"\xFF\xD9");
    let odd = b"\xFF\xFF\xFE\x00\x0Eshot at Sergel\xB3";
    let original = [&plain[..end], odd, &plain[end..]].concat();
    let info = inspect(&original).expect("the decoder skips the comment and the stray byte");
    let stripped = strip_metadata(&original, ImageFormat::Jpeg).unwrap();
    assert_eq!(inspect(&stripped).ok(), Some(info), "the copy opens");
    assert_clean(&original, &stripped, ImageFormat::Jpeg);
}

/// Found by fuzzing (fuzz/, `photo_metadata`): picture data full of markers (tables, scan
/// headers, a second start of image, APP0 segments between scans). With the APP0 segments gone,
/// the decoder followed the markers into a frame header it refused, so the original was taken
/// and its exported copy did not open. Inspection now judges the copy: the photo is refused as
/// damaged when it is taken in, not when its story is exported.
#[test]
fn a_jpeg_is_judged_as_its_stripped_copy() {
    let original = include_bytes!("../../../../../fuzz/findings/photo_metadata-df5ab997.jpg");
    let stripped = strip_metadata(original, ImageFormat::Jpeg).expect("the copy is made");
    assert_eq!(
        inspect(&stripped).unwrap_err().kind(),
        crate::ErrorKind::Corrupt
    );
    let refused = inspect(original).unwrap_err();
    assert_eq!(refused.kind(), crate::ErrorKind::Corrupt);
    assert!(refused.to_string().contains("damaged"), "{refused}");
}
