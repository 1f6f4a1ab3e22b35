//! Reading an article file from the workspace, refusing what cannot be an article with a
//! sentence for the editor.

use super::WorkspaceError;
use super::atomic::content_hash;
use super::file_format::{self, ArticleFile};
use super::merge_markers;
use crate::import::{self, ImportError, MAX_FILE_BYTES};
use crate::regular_file::{self, NotRegular, Opened};
use crate::store::FileStamp;
use std::io::Read;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// The largest article file the sync takes in: 1 MiB, some 150,000 words, several times the
/// longest feature a newsroom runs. Taking a file in (its text saved, indexed and kept in the
/// history) holds the library lock for about 20 ms per MiB on a small machine (BENCHMARKS.md,
/// "Workspace sync"), and the window waits on that lock; a larger file is reported and left
/// alone. Reading for hashes (our own writes checked) still goes up to [`MAX_FILE_BYTES`].
pub const MAX_ARTICLE_FILE_BYTES: u64 = 1024 * 1024;

/// What is at a path of the workspace.
#[derive(Debug)]
pub(super) enum OnDisk {
    Missing,
    /// Over [`MAX_FILE_BYTES`]; not read.
    TooLarge(u64),
    /// A link, a folder, a FIFO, a socket or a device, or a file in a linked folder: never
    /// opened for reading (see [`crate::regular_file`]).
    NotAFile(NotRegular),
    Present {
        bytes: Vec<u8>,
        hash: String,
        /// Taken before the bytes were read: a write after it changes the stamp.
        stamp: FileStamp,
    },
}

impl OnDisk {
    /// The hash of the bytes, when they were read.
    pub(super) fn hash(&self) -> Option<&str> {
        match self {
            OnDisk::Present { hash, .. } => Some(hash),
            _ => None,
        }
    }

    /// The stamp of the bytes, when they were read.
    pub(super) fn stamp(&self) -> Option<FileStamp> {
        match self {
            OnDisk::Present { stamp, .. } => Some(*stamp),
            _ => None,
        }
    }
}

/// The stamp of a file from its metadata, taken now.
pub(super) fn stamp_of(metadata: &std::fs::Metadata) -> FileStamp {
    let since_epoch = |time: SystemTime| time.duration_since(UNIX_EPOCH).unwrap_or_default();
    let mtime = metadata.modified().map(since_epoch).unwrap_or_default();
    FileStamp {
        size: metadata.len(),
        mtime_ns: i64::try_from(mtime.as_nanos()).unwrap_or(i64::MAX),
        taken_at: i64::try_from(since_epoch(SystemTime::now()).as_secs()).unwrap_or(i64::MAX),
    }
}

#[cfg(test)]
thread_local! {
    /// Files read on this thread, so tests can tell which files a pass skipped.
    pub(super) static READS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Reads the file at `path`, without reading more than the size limit, when it is a regular
/// file in a folder that is not a link.
pub(super) fn read(path: &Path) -> Result<OnDisk, WorkspaceError> {
    let error = |source| WorkspaceError::Read {
        path: path.to_path_buf(),
        source,
    };
    let (file, metadata) = match regular_file::open_in_folder(path).map_err(error)? {
        Opened::File(file, metadata) => (file, metadata),
        Opened::Missing => return Ok(OnDisk::Missing),
        Opened::NotRegular(kind) => return Ok(OnDisk::NotAFile(kind)),
    };
    #[cfg(test)]
    READS.with(|reads| reads.set(reads.get() + 1));
    let stamp = stamp_of(&metadata);
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Ok(OnDisk::TooLarge(size));
    }
    let hash = content_hash(&bytes);
    Ok(OnDisk::Present { bytes, hash, stamp })
}

/// A file read as an article, or the sentence explaining why it cannot be one. `known` says
/// whether the file belongs to an article (the message then says the article was kept).
pub(super) fn decode(path: &Path, on_disk: &OnDisk, known: bool) -> Result<Decoded, String> {
    let outcome = if known {
        "the article was left as it was"
    } else {
        "no article was made from it"
    };
    let bytes = match on_disk {
        OnDisk::Missing => return Err(format!("“{}” is gone; {outcome}", path.display())),
        OnDisk::TooLarge(bytes) => {
            let err = ImportError::TooLarge {
                path: path.to_path_buf(),
                bytes: *bytes,
            };
            return Err(format!("{}; {outcome}", capitalized(&err.to_string())));
        }
        OnDisk::NotAFile(kind) => return Err(format!("{}; {outcome}", kind.sentence(path))),
        OnDisk::Present { bytes, .. } => bytes,
    };
    if bytes.len() as u64 > MAX_ARTICLE_FILE_BYTES {
        return Err(format!(
            "“{}” is {}, more than the {} an article file in the workspace may be (about 150,000 words); {outcome} — split it into several articles",
            regular_file::file_name(path),
            import::megabytes(bytes.len() as u64),
            import::megabytes(MAX_ARTICLE_FILE_BYTES)
        ));
    }
    if bytes.is_empty() {
        return Err(format!(
            "“{}” is empty; {outcome} (if a program is still saving it, this clears up when it finishes)",
            path.display()
        ));
    }
    let text = import::decode_text(bytes, &path.display().to_string())
        .map_err(|e| format!("{}; {outcome}", capitalized(&e.to_string())))?;
    let merged = merge_markers::theirs(&text);
    let merge_conflict = merged.is_some();
    let text = merged.unwrap_or(text);
    let ours = |e: file_format::FormatError| {
        format!(
            "“{}” could not be read as an article: {e}; {outcome} — correct the file and save it again",
            path.display()
        )
    };
    let theirs = |e: String| format!("{}; {outcome}", capitalized(&e));
    let parsed = if known {
        file_format::parse(&text).map_err(ours)?
    } else if text.starts_with("---\n") {
        // A new file: ours, or front matter from another tool (Hugo, Jekyll, Obsidian: `title`,
        // `description`, `categories`…), read as `newsroom import` reads it. When neither
        // reads it, the complaint is about the format it was written in.
        match file_format::parse(&text) {
            Ok(file) => file,
            Err(e) if written_by_us(&text) => return Err(ours(e)),
            Err(_) => from_plain_markdown(path, &text).map_err(theirs)?,
        }
    } else {
        from_plain_markdown(path, &text).map_err(theirs)?
    };
    Ok(Decoded {
        file: parsed,
        text,
        merge_conflict,
    })
}

/// A file that reads as an article.
#[derive(Debug)]
pub(super) struct Decoded {
    pub file: ArticleFile,
    /// The decoded text (UTF-8, `\n` line endings).
    pub text: String,
    /// The file holds a merge's conflict markers: `file` and `text` are its "theirs" side
    /// (see [`merge_markers`]), to be shown as a conflict, never taken in as they are.
    pub merge_conflict: bool,
}

/// A new Markdown file written without our front matter (`# Headline` and text, or another
/// tool's front matter) is read the way the importer reads Markdown; the YAML fields no article
/// field takes are kept.
fn from_plain_markdown(path: &Path, text: &str) -> Result<ArticleFile, String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let imported = import::import_text(text, &name).map_err(|e| e.to_string())?;
    Ok(ArticleFile {
        slug: imported.slug,
        headline: imported.headline,
        dek: imported.dek,
        byline: imported.byline,
        section: imported.section,
        tags: imported.tags,
        status: imported.status,
        dateline: imported.dateline,
        published: imported.published_at,
        extra: import::unused_yaml_fields(text),
        body: imported.body,
        ..ArticleFile::default()
    })
}

/// Whether the front matter opening `text` names our own fields (`uid`, `headline`, or `id` in
/// files written before uids), which other tools do not write.
fn written_by_us(text: &str) -> bool {
    text.lines()
        .skip(1)
        .take_while(|line| *line != "---")
        .any(|line| {
            ["uid:", "id:", "headline:"]
                .iter()
                .any(|key| line.starts_with(key))
        })
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
