//! How the workspace's file system compares file names, so that a file is known by one name
//! whatever form the system reports it in.
//!
//! Linux compares names byte for byte. Windows (NTFS) and macOS (APFS, HFS+) ignore case by
//! default, so `World/Budget.md` and `world/budget.md` are one file there; macOS also ignores
//! Unicode normalization (and HFS+ hands names back decomposed, NFD), so `café.md` typed in
//! NFC and the same name reported in NFD are one file too. What matters is the folder's file
//! system, not the operating system (a case-insensitive share mounted on Linux, a
//! case-sensitive APFS volume), so the rules are found by trying them on the folder itself
//! ([`NameRules::probe`]).
//!
//! Every workspace path the sync records or looks up goes through [`NameRules::key`]: on a file
//! system that ignores case, keys are lowercase; on one that ignores normalization, NFC. The
//! paths Newsroom makes itself are already both (slugs are lowercase ASCII), so two articles
//! can never claim names that are one file on another desk's computer.

use super::layout::TEMP_PREFIX;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// Which differences between two names the workspace's file system ignores.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NameRules {
    /// `A.md` and `a.md` are one file.
    pub ignores_case: bool,
    /// `é` composed (NFC) and decomposed (NFD) are one file.
    pub ignores_normalization: bool,
}

/// A composed character (NFC): its decomposed form names the same file only where the file
/// system ignores normalization.
const COMPOSED: &str = "\u{e9}";

impl NameRules {
    /// Finds the rules by creating a hidden temporary file in `folder` and looking it up under
    /// other forms of its name. A folder that cannot be written is taken to compare names
    /// exactly (nothing will be written there anyway).
    pub fn probe(folder: &Path) -> NameRules {
        let Ok(probe) = tempfile::Builder::new()
            .prefix(&format!("{TEMP_PREFIX}probe-{COMPOSED}-"))
            .suffix(".tmp")
            .tempfile_in(folder)
        else {
            return NameRules::default();
        };
        let Some(name) = probe.path().file_name().and_then(|n| n.to_str()) else {
            return NameRules::default();
        };
        let names_it = |other: String| {
            other != name
                && std::fs::symlink_metadata(folder.join(&other)).is_ok_and(|m| m.is_file())
        };
        NameRules {
            // ASCII only: some systems fold the case of ASCII letters alone.
            ignores_case: names_it(name.to_ascii_uppercase()),
            ignores_normalization: names_it(name.nfd().collect()),
        }
    }

    /// The one form under which the workspace knows the name `relative`.
    pub fn key(&self, relative: String) -> String {
        let relative = if self.ignores_normalization {
            relative.nfc().collect()
        } else {
            relative
        };
        if self.ignores_case {
            relative.to_lowercase()
        } else {
            relative
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_only_what_the_file_system_ignores() {
        let nfd = "World/Cafe\u{301}.md".to_string();
        let exact = NameRules::default();
        assert_eq!(exact.key(nfd.clone()), nfd);
        let windows = NameRules {
            ignores_case: true,
            ignores_normalization: false,
        };
        assert_eq!(windows.key(nfd.clone()), "world/cafe\u{301}.md");
        let macos = NameRules {
            ignores_case: true,
            ignores_normalization: true,
        };
        assert_eq!(macos.key(nfd), "world/caf\u{e9}.md");
        assert_eq!(macos.key("ÉTÉ/Ünïcode.MD".into()), "été/ünïcode.md");
    }

    #[test]
    fn the_probe_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        NameRules::probe(dir.path());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        let missing = NameRules::probe(&dir.path().join("missing"));
        assert_eq!(missing, NameRules::default());
    }

    /// What each platform's usual file system answers (the folders tests get are on it).
    #[test]
    fn the_probe_finds_the_platform_rules() {
        let dir = tempfile::tempdir().unwrap();
        let rules = NameRules::probe(dir.path());
        if cfg!(windows) {
            assert!(rules.ignores_case, "{rules:?}");
        } else if cfg!(target_os = "macos") {
            assert!(rules.ignores_normalization, "{rules:?}");
        } else if cfg!(target_os = "linux") {
            assert_eq!(rules, NameRules::default());
        }
    }
}
