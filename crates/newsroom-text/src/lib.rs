//! What Newsroom's core runs on every keystroke: [`render`] (Markdown to sanitized HTML, one
//! renderer for the preview and for export), [`live_preview`] (the preview's patches between
//! keystrokes) and [`count_words`].
//!
//! It is a crate of its own for one reason: the release build optimizes it for speed while the
//! rest of the core, which waits on people, disks and networks, is optimized for size. Built for
//! size, these loops are no longer inlined, and saving a long story or previewing a keystroke
//! takes up to twice as long (BENCHMARKS.md, issue 12). The `newsroom` crate re-exports all of
//! it; front ends use it from there.

pub mod live_preview;
pub mod render;
mod words;

pub use words::count_words;

/// Row id of an article. Ids never change, so links by id survive slug changes.
pub type ArticleId = i64;
/// Row id of a photo in the library.
pub type PhotoId = i64;
