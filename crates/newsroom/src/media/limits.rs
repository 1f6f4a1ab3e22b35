//! How big a photo may be. Generous for press photos, small enough that a hostile or broken
//! file (a "decompression bomb" declaring billions of pixels) cannot exhaust the editor's memory.

/// Largest file taken in: 50 MB holds any camera JPEG and most print-resolution PNGs.
pub const MAX_FILE_BYTES: u64 = 50_000_000;

/// Longest side in pixels.
pub const MAX_SIDE: u32 = 20_000;

/// Most pixels in one image (100 megapixels, a medium-format camera).
pub const MAX_PIXELS: u64 = 100_000_000;

/// Most memory the decoders may allocate: 100 megapixels of 8-bit RGBA is 400 MB and fits. A
/// 16-bit PNG takes twice that per pixel, so the very largest of those are refused as too large.
pub const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;

/// The decoder limits that enforce the numbers above.
pub(super) fn decoder_limits() -> image::Limits {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    limits
}
