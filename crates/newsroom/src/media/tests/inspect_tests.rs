use img_parts::Bytes;
use img_parts::png::{Png, PngChunk};

use super::fixtures::*;
use crate::media::{ImageInfo, MAX_FILE_BYTES, MediaError, inspect, strip_metadata};
use crate::model::ImageFormat;

const ALL: [ImageFormat; 4] = [
    ImageFormat::Jpeg,
    ImageFormat::Png,
    ImageFormat::Webp,
    ImageFormat::Gif,
];

fn refusal(bytes: &[u8]) -> (String, &'static str) {
    let error: MediaError = inspect(bytes).expect_err("refused");
    (error.to_string(), error.kind().as_str())
}

#[test]
fn each_format_is_detected_and_measured() {
    for format in ALL {
        let info = inspect(&sample(format, 33, 17)).expect("accepted");
        assert_eq!(
            info,
            ImageInfo {
                format,
                width: 33,
                height: 17
            }
        );
    }
}

#[test]
fn a_sideways_exif_orientation_swaps_width_and_height() {
    let jpeg = sample(ImageFormat::Jpeg, 40, 10);
    let rotated = with_jpeg_segments(&jpeg, &[(0xE1, exif_app1(&exif_block(&[orientation(6)])))]);
    let info = inspect(&rotated).unwrap();
    assert_eq!((info.width, info.height), (10, 40));
}

#[test]
fn empty_files_are_refused() {
    assert_eq!(
        refusal(b""),
        (
            "the file is empty (0 bytes); choose the photo again".into(),
            "invalid"
        )
    );
}

#[test]
fn other_kinds_of_files_say_what_they_look_like() {
    let (message, kind) = refusal(b"%PDF-1.4\n%...");
    assert_eq!(kind, "unsupported");
    assert!(
        message.contains("is a PDF document, not a photo"),
        "{message}"
    );
    let (message, _) = refusal(b"Dear editor,\nhere is my story.\n");
    assert!(message.contains("is a text file"), "{message}");
    let (message, kind) = refusal(&[0x00, 0x9F, 0x13, 0x02, 0xFE, 0x77]);
    assert_eq!(kind, "unsupported");
    assert_eq!(message, "the file is not a JPEG, PNG, WebP or GIF image");
}

#[test]
fn every_format_cut_in_half_is_refused_as_damaged() {
    for format in ALL {
        let whole = sample(format, 64, 48);
        // One byte short would do for all but GIF, whose trailer byte may be missing (see below).
        for cut in [whole.len() / 2, whole.len() - 2] {
            let (message, kind) = refusal(&whole[..cut]);
            assert_eq!(kind, "corrupt", "{format:?} cut at {cut}: {message}");
            assert!(message.contains("damaged or incomplete"), "{message}");
        }
    }
}

#[test]
fn a_gif_missing_only_its_trailer_byte_is_accepted_as_browsers_do() {
    let gif = sample(ImageFormat::Gif, 8, 8);
    assert!(inspect(&gif[..gif.len() - 1]).is_ok());
}

#[test]
fn a_jpeg_cut_inside_its_headers_is_refused() {
    let whole = sample(ImageFormat::Jpeg, 16, 16);
    for cut in [3, 20, 100] {
        assert_eq!(refusal(&whole[..cut]).1, "corrupt", "cut at {cut}");
    }
}

/// Found by fuzzing (fuzz/, `photo_metadata`). Among a JPEG's headers every marker starts a
/// segment with a length; one without (here the reserved 0xFF14, or a restart marker) is read
/// as two bytes by the structure walker but as a whole segment by the decoder. With a decoy
/// picture in that "segment", the checks and the metadata stripping saw the decoy and the decoder
/// the real picture after it: the photo was taken, and its stripped copy for export was the
/// decoy, which does not open.
#[test]
fn a_jpeg_with_a_marker_without_length_among_its_headers_is_refused() {
    let real = sample(ImageFormat::Jpeg, 8, 6);
    // A scan header, a little picture data and the end of the image.
    let decoy = b"\xFF\xDA\x00\x08\x01\x01\x00\x00\x3F\x00\x12\x34\xFF\xD9";
    for marker in [0x14, 0xD0] {
        let length = (2 + decoy.len() as u16).to_be_bytes();
        let hidden = [&real[..2], &[0xFF, marker], &length, decoy, &real[2..]].concat();
        let (message, kind) = refusal(&hidden);
        assert_eq!(kind, "corrupt", "0xFF{marker:02X}: {message}");
    }
}

/// Found by fuzzing (fuzz/, `photo_metadata`). After the picture data a JPEG holds only restart
/// markers, tables, the restart interval, further scans, APPn segments and comments. Anything
/// else there (a second frame header, a reserved segment) is not skipped alike by the decoder
/// with and without the comments around it, so the copy stripped for export could fail to open
/// where the original opened: such a file is refused when it is taken in.
#[test]
fn a_jpeg_with_a_segment_out_of_place_after_its_picture_data_is_refused() {
    let plain = sample(ImageFormat::Jpeg, 8, 6);
    let end = plain.len() - 2;
    assert_eq!(&plain[end..], b"\xFF\xD9");
    for odd in [
        // A frame header behind a comment.
        &b"\xFF\xFE\x00\x0Eshot at Sergel\xFF\xC0\x00\x02"[..],
        // A reserved segment, then a broken scan header it hid from the decoder.
        b"\xFF\x20\x00\x03\xF9\xFA\xFF\xDA\x00\x02",
    ] {
        let hidden = [&plain[..end], odd, &plain[end..]].concat();
        let (message, kind) = refusal(&hidden);
        assert_eq!(kind, "corrupt", "{odd:?}: {message}");
        assert_eq!(
            strip_metadata(&hidden, ImageFormat::Jpeg)
                .expect_err("refused for export too")
                .kind(),
            crate::ErrorKind::Corrupt
        );
    }
}

#[test]
fn files_over_the_size_limit_are_refused_before_decoding() {
    let mut huge = sample(ImageFormat::Png, 4, 4);
    huge.resize(MAX_FILE_BYTES as usize + 1, 0);
    let (message, kind) = refusal(&huge);
    assert_eq!(kind, "too_large");
    assert!(
        message.contains("is 50.0 MB, more than the 50 MB limit"),
        "{message}"
    );
}

/// A PNG whose header claims `width`×`height`, with valid checksums: a decompression bomb.
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let png = sample(ImageFormat::Png, 2, 2);
    let mut parsed = Png::from_bytes(Bytes::from(png)).unwrap();
    let ihdr = parsed.chunks()[0].contents().to_vec();
    let mut claimed = [width.to_be_bytes(), height.to_be_bytes()].concat();
    claimed.extend_from_slice(&ihdr[8..]);
    parsed.chunks_mut()[0] = PngChunk::new(*b"IHDR", Bytes::from(claimed));
    parsed.encoder().bytes().to_vec()
}

#[test]
fn absurd_dimensions_are_refused_before_decoding() {
    let (message, kind) = refusal(&png_claiming(30_000, 30_000));
    assert_eq!(kind, "too_large");
    assert!(message.contains("is 30000 × 30000 pixels"), "{message}");
    // Each side allowed, but too many pixels together.
    assert_eq!(refusal(&png_claiming(20_000, 5_001)).1, "too_large");

    let mut jpeg = sample(ImageFormat::Jpeg, 8, 8);
    let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    jpeg[sof + 5..sof + 9].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF]);
    assert_eq!(refusal(&jpeg).1, "too_large");

    let mut gif = sample(ImageFormat::Gif, 8, 8);
    gif[6..10].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF]);
    assert_eq!(refusal(&gif).1, "too_large");
}

#[test]
fn a_png_with_a_broken_checksum_is_refused() {
    let mut png = sample(ImageFormat::Png, 8, 8);
    let idat = png.windows(4).position(|w| w == b"IDAT").unwrap();
    png[idat + 6] ^= 0xFF;
    assert_eq!(refusal(&png).1, "corrupt");
}
