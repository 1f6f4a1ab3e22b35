//! Small previews for the library list, drawn upright (EXIF orientation applied).

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::metadata::Orientation;
use image::{DynamicImage, ImageFormat as Codec};

use crate::model::ImageFormat;

use super::error::MediaError;
use super::inspect::decode;

/// JPEG quality of thumbnails: small files, no visible blocks at list size.
const THUMBNAIL_QUALITY: u8 = 80;

/// A preview whose longer side is at most `max_side` pixels (never enlarged; a `max_side` of 0
/// is taken as 1). It is a JPEG, or a PNG when the picture has transparent parts, which JPEG
/// cannot show. The bytes are checked like [`super::inspect`] does. `format` is what the library
/// recorded; like everywhere in `media`, the bytes' own format decides how they are read.
pub fn thumbnail(bytes: &[u8], _format: ImageFormat, max_side: u32) -> Result<Vec<u8>, MediaError> {
    let decoded = decode(bytes)?;
    let mut image = decoded.image;
    if let Some(orientation) = decoded.orientation.and_then(|o| u8::try_from(o).ok()) {
        image.apply_orientation(
            Orientation::from_exif(orientation).unwrap_or(Orientation::NoTransforms),
        );
    }
    let max_side = max_side.max(1);
    if image.width() > max_side || image.height() > max_side {
        image = image.thumbnail(max_side, max_side);
    }
    encode(&image).map_err(|source| MediaError::Thumbnail { source })
}

fn encode(image: &DynamicImage) -> Result<Vec<u8>, image::ImageError> {
    let mut out = Cursor::new(Vec::new());
    if has_transparency(image) {
        image.to_rgba8().write_to(&mut out, Codec::Png)?;
    } else {
        let encoder = JpegEncoder::new_with_quality(&mut out, THUMBNAIL_QUALITY);
        image.to_rgb8().write_with_encoder(encoder)?;
    }
    Ok(out.into_inner())
}

/// Whether any pixel is less than opaque (an alpha channel alone, as every GIF has once decoded,
/// is not enough).
fn has_transparency(image: &DynamicImage) -> bool {
    image.color().has_alpha() && image.to_rgba8().pixels().any(|p| p.0[3] < u8::MAX)
}
