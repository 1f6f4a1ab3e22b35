//! Where the operating system keeps Hunspell dictionaries (`xx_YY.aff` + `xx_YY.dic`).

use std::path::PathBuf;

/// Folders searched, in order, for a language's dictionary.
#[cfg(all(unix, not(target_os = "macos")))]
pub fn folders() -> Vec<PathBuf> {
    // Debian's and Fedora's `hunspell-*` packages, and the older myspell layout.
    [
        "/usr/share/hunspell",
        "/usr/share/myspell",
        "/usr/share/myspell/dicts",
    ]
    .into_iter()
    .map(PathBuf::from)
    .collect()
}

/// Folders searched, in order, for a language's dictionary.
#[cfg(target_os = "macos")]
pub fn folders() -> Vec<PathBuf> {
    // Where macOS's spelling service and LibreOffice users put Hunspell dictionaries.
    let mut folders = Vec::new();
    if let Some(home) = std::env::var_os("HOME") {
        folders.push(PathBuf::from(home).join("Library/Spelling"));
    }
    folders.push(PathBuf::from("/Library/Spelling"));
    folders
}

/// Folders searched, in order, for a language's dictionary.
#[cfg(windows)]
pub fn folders() -> Vec<PathBuf> {
    // Windows ships no Hunspell dictionaries; this is where a user's own go.
    std::env::var_os("LOCALAPPDATA")
        .map(|dir| vec![PathBuf::from(dir).join("Newsroom").join("dictionaries")])
        .unwrap_or_default()
}
