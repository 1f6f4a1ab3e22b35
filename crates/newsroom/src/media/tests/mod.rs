//! Tests of `media` that work on whole image files, generated here with the `image` crate and
//! given metadata with img-parts. Unit tests of single parsers live beside them.

mod embedded_tests;
pub(super) mod fixtures;
mod folder_tests;
mod import_tests;
mod inspect_tests;
mod strip_tests;
mod thumbnail_tests;
