//! Where files live in the workspace: `<section folder>/<slug>.md`, and which paths are ours.
//!
//! Both parts of an article's path are slugs ([`crate::slug`]), so no article can name a file
//! outside the workspace. Paths are kept relative and `/`-separated in the database, so a
//! workspace moved to another folder or platform keeps its state.

use crate::model::Article;
use crate::slug;
use std::path::{Component, Path};

/// The folder where photos are dropped to join the library.
pub const INBOX: &str = "inbox";
/// Inside the inbox, where imported photos are moved (never deleted).
pub const IMPORTED: &str = "imported";
/// The folder of articles without a section.
pub const UNFILED: &str = "unfiled";
/// Prefix of our own temporary files, so the sync ignores them.
pub const TEMP_PREFIX: &str = ".newsroom-";

/// The folder of a section: its slug, or [`UNFILED`].
pub fn section_folder(section: &str) -> String {
    if section.trim().is_empty() {
        UNFILED.to_string()
    } else {
        // A section called "Inbox" must not land in the photo inbox.
        match slug::slugify(section) {
            folder if folder == INBOX => format!("{INBOX}-articles"),
            folder => folder,
        }
    }
}

/// The relative path of an article's file.
pub fn article_path(article: &Article) -> String {
    format!("{}/{}.md", section_folder(&article.section), article.slug)
}

/// `path` relative to `root`, `/`-separated, when it lies inside `root` (no `..`).
pub fn relative(root: &Path, path: &Path) -> Option<String> {
    let rest = path.strip_prefix(root).ok()?;
    let mut parts = Vec::new();
    for component in rest.components() {
        match component {
            Component::Normal(part) => parts.push(part.to_str()?.to_string()),
            _ => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// Hidden files, editor backups and swap files, and temporary files (ours and others').
fn is_scratch(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    name.starts_with('.')
        || name.starts_with('#')
        || name.starts_with('~')
        || name.ends_with('~')
        || [".tmp", ".swp", ".swx", ".bak", ".part", ".crdownload"]
            .iter()
            .any(|suffix| lower.ends_with(suffix))
}

/// Whether any folder on the way is hidden (`.git/`, `.obsidian/`...).
fn in_hidden_folder(parts: &[&str]) -> bool {
    parts
        .split_last()
        .is_some_and(|(_, folders)| folders.iter().any(|f| f.starts_with('.')))
}

/// A Markdown file under the root, outside the inbox, not scratch.
pub fn is_article_path(relative: &str) -> bool {
    let parts: Vec<&str> = relative.split('/').collect();
    let Some(name) = parts.last() else {
        return false;
    };
    parts.first() != Some(&INBOX)
        && !in_hidden_folder(&parts)
        && !is_scratch(name)
        && name.to_ascii_lowercase().ends_with(".md")
}

/// A file directly in the inbox (not in its subfolders), not scratch: images join the library,
/// anything else is reported.
pub fn is_inbox_path(relative: &str) -> bool {
    match relative.split('/').collect::<Vec<_>>().as_slice() {
        [INBOX, name] => !is_scratch(name),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_become_folders_and_empty_ones_are_unfiled() {
        assert_eq!(section_folder("World News"), "world-news");
        assert_eq!(section_folder(""), "unfiled");
        assert_eq!(section_folder("../../etc"), "etc");
        assert_eq!(section_folder("Inbox"), "inbox-articles");
        assert_eq!(
            section_folder("AUX"),
            "aux-1",
            "a folder Windows could not create"
        );
    }

    #[test]
    fn only_markdown_outside_the_inbox_and_images_in_it_are_ours() {
        for ours in ["world/budget.md", "budget.md", "a/b/c.MD"] {
            assert!(is_article_path(ours), "{ours}");
        }
        for not_ours in [
            "world/.#budget.md",
            "world/budget.md~",
            "world/.budget.md.swp",
            "world/budget.md.tmp",
            "world/.newsroom-x.md",
            "world/#budget.md#",
            ".git/x.md",
            "inbox/x.md",
            "world/notes.txt",
        ] {
            assert!(!is_article_path(not_ours), "{not_ours}");
        }
        assert!(is_inbox_path("inbox/photo.jpg"));
        assert!(!is_inbox_path("inbox/imported/photo.jpg"));
        assert!(!is_inbox_path("inbox/.photo.jpg"));
        assert!(!is_inbox_path("world/photo.jpg"));
    }

    #[test]
    fn paths_outside_the_root_have_no_relative_form() {
        let root = Path::new("/ws");
        assert_eq!(
            relative(root, Path::new("/ws/world/a.md")).as_deref(),
            Some("world/a.md")
        );
        assert_eq!(relative(root, Path::new("/other/a.md")), None);
        assert_eq!(relative(root, Path::new("/ws/../a.md")), None);
        assert_eq!(relative(root, Path::new("/ws")), None);
    }
}
