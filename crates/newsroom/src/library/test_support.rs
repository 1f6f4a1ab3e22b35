//! Fixtures for the library's unit tests: a library in a temporary folder and tiny images.

use super::Library;
use crate::store::Store;
use image::{DynamicImage, ImageFormat as Codec, Rgba, RgbaImage};
use std::io::Cursor;
use tempfile::TempDir;

/// An empty library (in-memory database) whose media folder is in a fresh temporary folder;
/// keep the folder alive as long as the library.
pub fn library() -> (Library, TempDir) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let store = Store::open_in_memory().expect("in-memory store");
    let library = Library::with_store(store, &dir.path().join("media")).expect("media folder");
    (library, dir)
}

/// An opaque PNG of `width` × `height` with a gradient, so different sizes give different bytes.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let image = RgbaImage::from_fn(width, height, |x, y| {
        Rgba([(x * 7 % 256) as u8, (y * 5 % 256) as u8, 90, 255])
    });
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgba8(image)
        .write_to(&mut out, Codec::Png)
        .expect("encode PNG");
    out.into_inner()
}
