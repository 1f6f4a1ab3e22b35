//! Photo files: format detection by content, dimensions, embedded captions and credits,
//! metadata stripping for export, thumbnails, and the content-addressed media folder.
//!
//! The store keeps the photo rows; this module only deals with bytes and files. The usual path
//! of a photo: [`import_file`] (or [`inspect`] plus [`embedded_text`] on bytes from elsewhere),
//! then [`MediaFolder::store`]; on export, [`MediaFolder::read`] then [`strip_metadata`].

mod containers;
mod embedded;
mod error;
mod exif;
mod folder;
mod gif;
mod import;
mod inspect;
mod iptc;
mod jpeg_scan;
mod limits;
mod name;
mod sniff;
mod strip;
mod text;
mod thumbnail;
mod xmp;

#[cfg(test)]
mod tests;

pub use embedded::{EmbeddedText, embedded_text};
pub use error::{MediaError, Rejection, Subject};
pub use folder::MediaFolder;
pub use import::import_file;
pub use inspect::{ImageInfo, inspect};
pub use limits::{MAX_FILE_BYTES, MAX_PIXELS, MAX_SIDE};
pub use name::original_name;
pub use sniff::detect_format;
pub use strip::strip_metadata;
pub use thumbnail::thumbnail;
