//! Prefilling caption, credit and alt text from what the photographer or agency embedded.

use crate::model::ImageFormat;

use super::containers::raw_metadata;
use super::{exif, iptc, xmp};

/// Text found inside a photo file, offered to the editor as a starting point.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbeddedText {
    pub caption: Option<String>,
    pub credit: Option<String>,
    pub alt: Option<String>,
}

/// Reads caption, credit and alt text from XMP, IPTC and EXIF. Never fails: missing or broken
/// metadata gives `None`.
///
/// Where several sources have a value, XMP (the current standard) wins over IPTC-IIM, which wins
/// over EXIF. The credit prefers what agencies fill for exactly that purpose: Credit, then the
/// photographer (By-line / dc:creator), then EXIF Artist, then the copyright notice.
pub fn embedded_text(bytes: &[u8], format: ImageFormat) -> EmbeddedText {
    let raw = raw_metadata(bytes, format);
    let exif = raw.exif.as_deref().map(exif::read).unwrap_or_default();
    let xmp = raw.xmp.as_deref().map(xmp::read).unwrap_or_default();
    let iptc = raw.photoshop.as_deref().map(iptc::read).unwrap_or_default();
    EmbeddedText {
        caption: xmp.description.or(iptc.caption).or(exif.description),
        credit: xmp
            .credit
            .or(iptc.credit)
            .or(xmp.creator)
            .or(iptc.byline)
            .or(exif.artist)
            .or(iptc.copyright)
            .or(exif.copyright),
        alt: xmp.alt_text,
    }
}
