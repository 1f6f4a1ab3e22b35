//! The headless core of Newsroom.
//!
//! Every rule of the product lives here, with no dependency on Tauri: the desktop app and the
//! `newsroom` command-line tool are thin front ends over [`Library`].
//!
//! - [`model`]: the data types (articles, photos, related links, revisions).
//! - [`store`]: the SQLite database (schema, migrations, full-text search, revisions, trash).
//! - [`media`]: photo files: detection, dimensions, embedded captions, the content-addressed folder.
//! - [`render`]: Markdown to sanitized HTML, one renderer for preview and export, and
//!   [`live_preview`], the preview's patches between keystrokes (both from `newsroom-text`).
//! - [`diff`]: two texts compared line by line and word by word, for side-by-side views.
//! - [`export`]: standalone HTML pages and their images.
//! - [`import`]: Markdown with front matter and plain-text articles copied from the web.
//! - [`library`]: the façade that ties the store, the media folder and the renderer together.
//! - [`proofing`]: spell and grammar checking (Hunspell dictionaries, Harper's grammar rules).
//! - [`publish`]: articles sent to the newsroom's CMS (WordPress, Ghost).
//! - [`workspace`]: the workspace folder, every article mirrored as a Markdown file, both ways.
//! - [`launch_args`]: `--db`, `--workspace` and `--no-workspace`, which the app and the
//!   command-line tool are both started with.
//!
//! Both front ends work through [`Library`] only: its store is `pub(crate)`, so the compiler
//! holds them to that.

pub mod diff;
mod durable;
pub mod error;
mod error_kind;
pub mod export;
mod freed_memory;
pub mod import;
pub mod launch_args;
pub mod library;
pub mod media;
pub mod model;
pub mod proofing;
pub mod publish;
pub mod regular_file;
pub mod slug;
pub mod store;
pub mod workspace;

/// Built for speed in a crate of its own (see its documentation); part of the core's API.
pub use newsroom_text::{live_preview, render};

pub use error::Error;
pub use error_kind::ErrorKind;
pub use library::Library;
