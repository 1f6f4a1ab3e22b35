//! Removing private metadata before a photo leaves the newsroom: EXIF (with GPS position and
//! camera serial numbers), XMP, IPTC, comments and other text. The compressed picture data is
//! copied byte for byte, never re-encoded, so quality is untouched.
//!
//! Kept: colour profiles (they are colour, not private), the chunks that say how to display or
//! animate the picture, and the EXIF orientation, rewritten as a new EXIF block that holds only
//! that one value, so that a portrait photo still stands upright.

use img_parts::jpeg::{Jpeg, JpegSegment, markers};
use img_parts::png::Png;
use img_parts::riff::RiffContent;
use img_parts::webp::{CHUNK_VP8X, WebP};
use img_parts::{Bytes, ImageEXIF};

use crate::model::ImageFormat;

use super::containers::raw_metadata;
use super::error::{MediaError, Rejection};
use super::{exif, gif, jpeg_scan};

/// PNG chunks that describe the picture itself; every other chunk (tEXt, zTXt, iTXt, eXIf,
/// tIME and private chunks) is dropped.
const PNG_PICTURE_CHUNKS: &[&[u8; 4]] = &[
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT", b"sRGB",
    b"cICP", b"mDCV", b"cLLI", b"bKGD", b"pHYs", b"acTL", b"fcTL", b"fdAT",
];

/// WebP chunks that describe the picture itself; EXIF, XMP and unknown chunks are dropped.
const WEBP_PICTURE_CHUNKS: &[&[u8; 4]] = &[
    b"VP8X", b"VP8 ", b"VP8L", b"ALPH", b"ANIM", b"ANMF", b"ICCP",
];

/// The XMP flag of the VP8X chunk, which img-parts does not update itself.
const WEBP_XMP_FLAG: u8 = 0b0000_0100;

/// A copy of the photo without its metadata (see the module documentation for what stays).
pub fn strip_metadata(bytes: &[u8], format: ImageFormat) -> Result<Vec<u8>, MediaError> {
    let orientation_block = raw_metadata(bytes, format)
        .exif
        .and_then(|tiff| exif::read(&tiff).orientation)
        .filter(|&o| o != 1)
        .and_then(exif::orientation_only)
        .map(Bytes::from);
    let stripped = match format {
        ImageFormat::Jpeg => strip_jpeg(bytes, orientation_block),
        ImageFormat::Png => strip_png(bytes, orientation_block),
        ImageFormat::Webp => strip_webp(bytes, orientation_block),
        ImageFormat::Gif => strip_gif(bytes),
    };
    stripped.map_err(|cause| {
        MediaError::rejected(Rejection::Damaged {
            format,
            cause: cause.into(),
        })
    })
}

const UNREADABLE: &str = "its structure could not be read";

fn strip_jpeg(bytes: &[u8], orientation: Option<Bytes>) -> Result<Vec<u8>, &'static str> {
    let mut jpeg = Jpeg::from_bytes(Bytes::copy_from_slice(bytes)).map_err(|_| UNREADABLE)?;
    let scan_data = jpeg_scan::scan_data(bytes, &jpeg).ok_or(UNREADABLE)?;
    let ranges = jpeg_scan::kept_ranges(scan_data)?;
    let mut kept_scan_data = Vec::with_capacity(scan_data.len());
    for range in ranges {
        kept_scan_data.extend_from_slice(&scan_data[range]);
    }
    let segments = jpeg.segments_mut();
    segments.retain(is_jpeg_picture_segment);
    if let Some(scan) = segments.iter_mut().find(|s| s.has_entropy()) {
        *scan = JpegSegment::new_with_entropy(
            scan.marker(),
            scan.contents().clone(),
            Bytes::from(kept_scan_data),
        );
    }
    jpeg.set_exif(orientation);
    Ok(jpeg.encoder().bytes().to_vec())
}

/// Frame and table segments, and the APPn segments that affect how the picture is decoded or
/// coloured: JFIF (APP0), ICC profile (APP2) and Adobe's colour transform (APP14).
fn is_jpeg_picture_segment(segment: &JpegSegment) -> bool {
    let contents = segment.contents();
    match segment.marker() {
        markers::APP0 => contents.starts_with(b"JFIF\0"),
        markers::APP2 => contents.starts_with(b"ICC_PROFILE\0"),
        markers::APP14 => contents.starts_with(b"Adobe"),
        markers::APP1..=markers::APP15 | markers::COM => false,
        _ => true,
    }
}

fn strip_png(bytes: &[u8], orientation: Option<Bytes>) -> Result<Vec<u8>, &'static str> {
    let mut png = Png::from_bytes(Bytes::copy_from_slice(bytes)).map_err(|_| UNREADABLE)?;
    png.chunks_mut()
        .retain(|chunk| PNG_PICTURE_CHUNKS.contains(&&chunk.kind()));
    png.set_exif(orientation);
    Ok(png.encoder().bytes().to_vec())
}

fn strip_webp(bytes: &[u8], orientation: Option<Bytes>) -> Result<Vec<u8>, &'static str> {
    let mut webp = WebP::from_bytes(Bytes::copy_from_slice(bytes)).map_err(|_| UNREADABLE)?;
    webp.chunks_mut()
        .retain(|chunk| WEBP_PICTURE_CHUNKS.contains(&&chunk.id()));
    for chunk in webp
        .chunks_mut()
        .iter_mut()
        .filter(|c| c.id() == CHUNK_VP8X)
    {
        if let RiffContent::Data(data) = chunk.content_mut()
            && let Some((&flags, rest)) = data.split_first()
        {
            *data = Bytes::from([&[flags & !WEBP_XMP_FLAG], rest].concat());
        }
    }
    // Also brings the VP8X chunk's EXIF flag up to date, or drops the chunk if it is not needed.
    webp.set_exif(orientation);
    Ok(webp.encoder().bytes().to_vec())
}

fn strip_gif(bytes: &[u8]) -> Result<Vec<u8>, &'static str> {
    let blocks = gif::blocks(bytes)?;
    let mut out: Vec<u8> = blocks
        .iter()
        .filter(|(kind, _)| *kind != gif::BlockKind::Metadata)
        .flat_map(|(_, range)| bytes[range.clone()].iter().copied())
        .collect();
    if blocks.last().map(|(kind, _)| *kind) != Some(gif::BlockKind::Trailer) {
        out.push(0x3B);
    }
    Ok(out)
}
