//! Checking that bytes are a complete, sane photo, and measuring it.

use std::io::Cursor;

use image::{DynamicImage, ImageError, ImageReader};
use img_parts::Bytes;
use img_parts::jpeg::Jpeg;
use img_parts::png::Png;
use img_parts::webp::WebP;

use crate::model::ImageFormat;

use super::containers::raw_metadata;
use super::error::{MediaError, Rejection};
use super::limits::{MAX_FILE_BYTES, MAX_PIXELS, MAX_SIDE, decoder_limits};
use super::sniff::{describe_other, detect_format};
use super::strip::strip_metadata;
use super::{exif, gif, jpeg_scan};

/// What Newsroom records about a photo's image data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageInfo {
    pub format: ImageFormat,
    /// Width as the photo is shown, i.e. after its EXIF orientation: what a page lays out.
    pub width: u32,
    /// Height as the photo is shown.
    pub height: u32,
}

/// Detects the format from the content, checks the size limits and decodes the whole image, so
/// that only a complete photo is taken into the library.
pub fn inspect(bytes: &[u8]) -> Result<ImageInfo, MediaError> {
    decode(bytes).map(|photo| photo.info)
}

/// A checked, decoded photo: what [`inspect`] measures and a thumbnail is drawn from.
pub(super) struct Decoded {
    pub info: ImageInfo,
    /// The pixels as stored, before the EXIF orientation is applied.
    pub image: DynamicImage,
    pub orientation: Option<u16>,
}

/// Does the work of [`inspect`], keeping the pixels for callers that need them.
///
/// A JPEG is decoded as an export will send it, without its metadata. Damaged picture data can
/// hold markers that the decoder follows one way while the comments between scans are there and
/// another once they are gone, so that the original opens and the exported copy does not (found
/// by fuzzing). Decoding the copy means that what is checked, measured and previewed is what
/// leaves. Stripping copies bytes and decodes nothing, so this costs little. The other formats'
/// picture data is untouched by stripping.
pub(super) fn decode(bytes: &[u8]) -> Result<Decoded, MediaError> {
    let reject = MediaError::rejected;
    if bytes.is_empty() {
        return Err(reject(Rejection::Empty));
    }
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(reject(Rejection::TooLarge { bytes: size }));
    }
    let Some(format) = detect_format(bytes) else {
        return Err(reject(match describe_other(bytes) {
            Some(looks_like) => Rejection::LooksLike { looks_like },
            None => Rejection::NotAnImage,
        }));
    };
    check_structure(bytes, format).map_err(|cause| {
        reject(Rejection::Damaged {
            format,
            cause: cause.into(),
        })
    })?;
    let stripped;
    let picture = if format == ImageFormat::Jpeg {
        stripped = strip_metadata(bytes, format)?;
        &stripped[..]
    } else {
        bytes
    };
    // Reading the header needs no limits; the limits then guard the decoding.
    let mut header = reader(picture, format);
    header.no_limits();
    let (width, height) = header
        .into_dimensions()
        .map_err(|e| decoder_rejection(e, format))?;
    check_pixels(width, height)?;
    let image = reader(picture, format)
        .decode()
        .map_err(|e| decoder_rejection(e, format))?;
    let orientation = raw_metadata(bytes, format)
        .exif
        .and_then(|tiff| exif::read(&tiff).orientation);
    let (width, height) = if exif::swaps_sides(orientation) {
        (height, width)
    } else {
        (width, height)
    };
    Ok(Decoded {
        info: ImageInfo {
            format,
            width,
            height,
        },
        image,
        orientation,
    })
}

/// A reader of `bytes` as `format` with the size limits set.
fn reader(bytes: &[u8], format: ImageFormat) -> ImageReader<Cursor<&[u8]>> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), decoder_format(format));
    reader.limits(decoder_limits());
    reader
}

fn decoder_format(format: ImageFormat) -> image::ImageFormat {
    match format {
        ImageFormat::Jpeg => image::ImageFormat::Jpeg,
        ImageFormat::Png => image::ImageFormat::Png,
        ImageFormat::Webp => image::ImageFormat::WebP,
        ImageFormat::Gif => image::ImageFormat::Gif,
    }
}

/// Checks what the decoders forgive, by walking each container to its end with img-parts (and
/// the GIF walker): the JPEG decoder fills a truncated picture with grey rather than failing,
/// the PNG decoder stops once it has the pixels, and the GIF decoder reads only the first frame.
/// A file cut short in transfer is refused even where the part that arrived would decode.
fn check_structure(bytes: &[u8], format: ImageFormat) -> Result<(), &'static str> {
    const CUT: &str = "the file ends in the middle of a block";
    let owned = || Bytes::copy_from_slice(bytes);
    match format {
        ImageFormat::Jpeg => {
            if !jpeg_scan::headers_have_lengths(bytes) {
                return Err("a marker among its headers is out of place");
            }
            let jpeg = Jpeg::from_bytes(owned()).map_err(|_| CUT)?;
            let scan_data =
                jpeg_scan::scan_data(bytes, &jpeg).ok_or("the picture data is missing")?;
            jpeg_scan::kept_ranges(scan_data).map(drop)
        }
        ImageFormat::Png => {
            let png = Png::from_bytes(owned()).map_err(|_| CUT)?;
            match png.chunks().last() {
                Some(chunk) if chunk.kind() == *b"IEND" => Ok(()),
                _ => Err("the end of the picture is missing"),
            }
        }
        ImageFormat::Webp => WebP::from_bytes(owned()).map(drop).map_err(|_| CUT),
        ImageFormat::Gif => gif::blocks(bytes).map(drop),
    }
}

fn check_pixels(width: u32, height: u32) -> Result<(), MediaError> {
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(MediaError::rejected(Rejection::TooManyPixels {
            width,
            height,
        }));
    }
    Ok(())
}

/// Translates a decoder failure into what it means for the editor.
fn decoder_rejection(error: ImageError, format: ImageFormat) -> MediaError {
    MediaError::rejected(match error {
        ImageError::Limits(_) => Rejection::TooDemanding,
        ImageError::Unsupported(_) => Rejection::UnsupportedVariant {
            format,
            cause: error,
        },
        other => Rejection::Damaged {
            format,
            cause: Box::new(other),
        },
    })
}
