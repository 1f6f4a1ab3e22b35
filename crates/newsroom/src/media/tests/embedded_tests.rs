use exif::Tag;

use super::fixtures::*;
use crate::media::xmp::packet_for_tests;
use crate::media::{EmbeddedText, embedded_text};
use crate::model::ImageFormat;

fn jpeg_with(segments: &[(u8, Vec<u8>)]) -> Vec<u8> {
    with_jpeg_segments(&sample(ImageFormat::Jpeg, 8, 8), segments)
}

fn text(caption: Option<&str>, credit: Option<&str>, alt: Option<&str>) -> EmbeddedText {
    EmbeddedText {
        caption: caption.map(str::to_string),
        credit: credit.map(str::to_string),
        alt: alt.map(str::to_string),
    }
}

#[test]
fn a_photo_without_metadata_prefills_nothing() {
    for format in [
        ImageFormat::Jpeg,
        ImageFormat::Png,
        ImageFormat::Webp,
        ImageFormat::Gif,
    ] {
        assert_eq!(
            embedded_text(&sample(format, 4, 4), format),
            EmbeddedText::default()
        );
    }
}

#[test]
fn exif_description_and_artist_prefill_caption_and_credit() {
    let tiff = exif_block(&[
        ascii(Tag::ImageDescription, "  Ferry leaving Slussen at dawn "),
        ascii(Tag::Artist, "Ana Ruiz"),
        ascii(Tag::Copyright, "© 2025 Dagbladet"),
    ]);
    let jpeg = jpeg_with(&[(0xE1, exif_app1(&tiff))]);
    assert_eq!(
        embedded_text(&jpeg, ImageFormat::Jpeg),
        text(
            Some("Ferry leaving Slussen at dawn"),
            Some("Ana Ruiz"),
            None
        )
    );
}

#[test]
fn camera_placeholders_are_ignored_and_copyright_is_the_last_resort_credit() {
    let tiff = exif_block(&[
        ascii(Tag::ImageDescription, "OLYMPUS DIGITAL CAMERA"),
        ascii(Tag::Copyright, "© Dagbladet"),
    ]);
    let jpeg = jpeg_with(&[(0xE1, exif_app1(&tiff))]);
    assert_eq!(
        embedded_text(&jpeg, ImageFormat::Jpeg),
        text(None, Some("© Dagbladet"), None)
    );
}

#[test]
fn iptc_wins_over_exif_and_credit_wins_over_byline() {
    let tiff = exif_block(&[
        ascii(Tag::ImageDescription, "EXIF caption"),
        ascii(Tag::Artist, "EXIF artist"),
    ]);
    let iptc = iptc_resources(&[
        (120, "Protesters gather in Malmö."),
        (80, "Tom Lee"),
        (110, "POOL (Reuters)"),
    ]);
    let jpeg = jpeg_with(&[(0xE1, exif_app1(&tiff)), (0xED, photoshop_app13(&iptc))]);
    assert_eq!(
        embedded_text(&jpeg, ImageFormat::Jpeg),
        text(
            Some("Protesters gather in Malmö."),
            Some("POOL (Reuters)"),
            None
        )
    );
}

#[test]
fn the_byline_wins_over_exif_artist_when_there_is_no_credit() {
    let tiff = exif_block(&[ascii(Tag::Artist, "EXIF artist")]);
    let iptc = iptc_resources(&[(80, "Tom Lee"), (116, "© Tom Lee")]);
    let jpeg = jpeg_with(&[(0xE1, exif_app1(&tiff)), (0xED, photoshop_app13(&iptc))]);
    assert_eq!(
        embedded_text(&jpeg, ImageFormat::Jpeg).credit.as_deref(),
        Some("Tom Lee")
    );
}

#[test]
fn xmp_wins_over_iptc_and_gives_the_alt_text() {
    let iptc = iptc_resources(&[(120, "IPTC caption"), (110, "IPTC credit")]);
    let packet = packet_for_tests("XMP caption", "AFP", &["Ana Ruiz"], "Boats in a harbour");
    let jpeg = jpeg_with(&[(0xED, photoshop_app13(&iptc)), (0xE1, xmp_app1(&packet))]);
    assert_eq!(
        embedded_text(&jpeg, ImageFormat::Jpeg),
        text(Some("XMP caption"), Some("AFP"), Some("Boats in a harbour"))
    );
}

#[test]
fn png_itxt_xmp_and_exif_are_read() {
    let packet = packet_for_tests("PNG caption", "", &["Ana Ruiz"], "");
    let tiff = exif_block(&[ascii(Tag::Copyright, "© Ana Ruiz")]);
    let png = with_png_chunks(
        &sample(ImageFormat::Png, 4, 4),
        &[(*b"iTXt", itxt("XML:com.adobe.xmp", &packet))],
        Some(tiff),
    );
    assert_eq!(
        embedded_text(&png, ImageFormat::Png),
        text(Some("PNG caption"), Some("Ana Ruiz"), None)
    );
}

#[test]
fn webp_xmp_and_exif_chunks_are_read() {
    let packet = packet_for_tests("", "TT News Agency", &[], "A ferry");
    let tiff = exif_block(&[ascii(Tag::ImageDescription, "WebP caption")]);
    let webp = with_webp_metadata(&sample(ImageFormat::Webp, 4, 4), Some(tiff), Some(&packet));
    assert_eq!(
        embedded_text(&webp, ImageFormat::Webp),
        text(
            Some("WebP caption"),
            Some("TT News Agency"),
            Some("A ferry")
        )
    );
}

#[test]
fn broken_metadata_prefills_nothing_and_does_not_fail() {
    let jpeg = jpeg_with(&[
        (0xE1, exif_app1(b"MM\0*\0\0\0\x08\xFF\xFF")),
        (0xE1, xmp_app1("<x:xmpmeta><unclosed>")),
        (0xED, photoshop_app13(b"8BIM\x04\x04\0\0\xFF\xFF\xFF\xFF")),
    ]);
    assert_eq!(
        embedded_text(&jpeg, ImageFormat::Jpeg),
        EmbeddedText::default()
    );
    assert_eq!(
        embedded_text(b"not an image", ImageFormat::Png),
        EmbeddedText::default()
    );
}
