//! Finding the metadata blocks (EXIF, XMP, IPTC) inside each container format, with img-parts.
//! Only locating happens here; [`super::exif`], [`super::xmp`] and [`super::iptc`] read them.

use img_parts::jpeg::{Jpeg, markers};
use img_parts::png::Png;
use img_parts::webp::{CHUNK_XMP, WebP};
use img_parts::{Bytes, ImageEXIF};

use crate::model::ImageFormat;

/// What starts the APP1 segment of a JPEG that holds XMP.
const JPEG_XMP_PREFIX: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
/// What starts the APP13 segment of a JPEG that holds Photoshop resources (and so IPTC).
const JPEG_PHOTOSHOP_PREFIX: &[u8] = b"Photoshop 3.0\0";
/// The keyword of the PNG iTXt chunk that holds XMP.
const PNG_XMP_KEYWORD: &[u8] = b"XML:com.adobe.xmp";

/// The raw metadata blocks of one image; each is absent when missing or unreadable.
#[derive(Debug, Default)]
pub(super) struct RawMetadata {
    /// A TIFF structure (starting "II" or "MM"), as kamadak-exif reads it.
    pub exif: Option<Bytes>,
    /// An XMP packet (XML text).
    pub xmp: Option<Bytes>,
    /// Photoshop image resources ("8BIM" blocks), which hold IPTC-IIM.
    pub photoshop: Option<Bytes>,
}

/// Locates the metadata blocks of `bytes`. GIF carries none that editors use, so it has none here.
pub(super) fn raw_metadata(bytes: &[u8], format: ImageFormat) -> RawMetadata {
    let bytes = Bytes::copy_from_slice(bytes);
    match format {
        ImageFormat::Jpeg => Jpeg::from_bytes(bytes).map(|jpeg| jpeg_metadata(&jpeg)),
        ImageFormat::Png => Png::from_bytes(bytes).map(|png| png_metadata(&png)),
        ImageFormat::Webp => WebP::from_bytes(bytes).map(|webp| webp_metadata(&webp)),
        ImageFormat::Gif => Ok(RawMetadata::default()),
    }
    .unwrap_or_default()
}

fn jpeg_metadata(jpeg: &Jpeg) -> RawMetadata {
    let xmp = jpeg
        .segments_by_marker(markers::APP1)
        .find_map(|segment| strip_prefix(segment.contents(), JPEG_XMP_PREFIX));
    // Large resource sets are split over several APP13 segments, each with the prefix.
    let photoshop: Vec<u8> = jpeg
        .segments_by_marker(markers::APP13)
        .filter_map(|segment| strip_prefix(segment.contents(), JPEG_PHOTOSHOP_PREFIX))
        .flat_map(|part| part.to_vec())
        .collect();
    RawMetadata {
        exif: jpeg.exif(),
        xmp,
        photoshop: (!photoshop.is_empty()).then(|| Bytes::from(photoshop)),
    }
}

fn png_metadata(png: &Png) -> RawMetadata {
    let xmp = png
        .chunks_by_type(*b"iTXt")
        .find_map(|chunk| uncompressed_itxt(chunk.contents(), PNG_XMP_KEYWORD));
    RawMetadata {
        exif: png.exif(),
        xmp,
        photoshop: None,
    }
}

fn webp_metadata(webp: &WebP) -> RawMetadata {
    let xmp = webp
        .chunk_by_id(CHUNK_XMP)
        .and_then(|chunk| chunk.content().data().cloned());
    RawMetadata {
        exif: webp.exif(),
        xmp,
        photoshop: None,
    }
}

/// The text of an iTXt chunk with `keyword`: keyword, NUL, compression flag and method, language
/// tag, NUL, translated keyword, NUL, text. Compressed XMP is rare and is left unread.
fn uncompressed_itxt(contents: &Bytes, keyword: &[u8]) -> Option<Bytes> {
    let rest = strip_prefix(contents, keyword)?;
    if !matches!(rest.get(..3)?, [0, 0, _]) {
        return None;
    }
    let rest = rest.slice(3..);
    let language_end = rest.iter().position(|&b| b == 0)?;
    let rest = rest.slice(language_end + 1..);
    let translated_end = rest.iter().position(|&b| b == 0)?;
    Some(rest.slice(translated_end + 1..))
}

fn strip_prefix(contents: &Bytes, prefix: &[u8]) -> Option<Bytes> {
    contents
        .starts_with(prefix)
        .then(|| contents.slice(prefix.len()..))
}
