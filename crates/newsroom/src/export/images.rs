//! Photos on their way out: metadata stripped, then written beside the pages or inlined.
//!
//! A photo used by several articles (or several times in one) is read, stripped and written
//! once: results are kept by the library's file hash for the whole export.

use super::output::{HexDigest, OutDir};
use super::{ExportError, ExportSource};
use crate::model::PhotoFile;
use base64::Engine as _;
use std::collections::HashMap;
use std::path::PathBuf;

/// How images reach the page.
#[derive(Debug)]
pub(super) enum Placement<'a> {
    /// Copied to `images/` in the export folder and linked relatively.
    Files(&'a OutDir),
    /// Embedded in the page as a `data:` URI, for single-file pages.
    Inline,
}

/// The images of one export, each prepared once.
pub(super) struct Images<'a> {
    source: &'a dyn ExportSource,
    placement: Placement<'a>,
    /// Library file hash → URL the pages use.
    urls: HashMap<String, String>,
    written: Vec<PathBuf>,
}

impl<'a> Images<'a> {
    pub(super) fn new(source: &'a dyn ExportSource, placement: Placement<'a>) -> Images<'a> {
        Images {
            source,
            placement,
            urls: HashMap::new(),
            written: Vec::new(),
        }
    }

    /// The URL a page uses for this file: `images/<sha256>.<ext>` or a data URI.
    pub(super) fn url(&mut self, file: &PhotoFile) -> Result<String, ExportError> {
        if let Some(url) = self.urls.get(&file.hash) {
            return Ok(url.clone());
        }
        let original = self.source.photo_bytes(file)?;
        let stripped = crate::media::strip_metadata(&original, file.format).map_err(|source| {
            ExportError::Photo {
                name: file.original_name.clone(),
                source,
            }
        })?;
        let url = match &self.placement {
            Placement::Files(out) => {
                let (path, url) =
                    out.write_image(&HexDigest::of(&stripped), file.format, &stripped)?;
                self.written.push(path);
                url
            }
            Placement::Inline => format!(
                "data:{};base64,{}",
                file.format.mime(),
                base64::engine::general_purpose::STANDARD.encode(&stripped)
            ),
        };
        self.urls.insert(file.hash.clone(), url.clone());
        Ok(url)
    }

    /// Whether images are files a crawler can fetch (data URIs are not worth announcing).
    pub(super) fn are_files(&self) -> bool {
        matches!(self.placement, Placement::Files(_))
    }

    /// The image files written, sorted.
    pub(super) fn into_written(mut self) -> Vec<PathBuf> {
        self.written.sort();
        self.written.dedup();
        self.written
    }
}
