//! The paths the editor handed to the app: chosen in its own open dialogs or dropped on its
//! window. Commands that read or write files by path accept only these, so a script running in
//! the page (an injected one, say) cannot make the app read any image on the disk, write pages
//! anywhere writable or point the workspace sync at the home folder: the webview's word is
//! never trusted for a path.

use crate::error::{CommandResult, UiError};
use crate::locks::lock;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What the editor granted during this run (nothing is kept across runs).
#[derive(Default)]
pub struct Grants {
    files: Mutex<HashSet<PathBuf>>,
    folders: Mutex<HashSet<PathBuf>>,
}

impl Grants {
    /// Files chosen in an open dialog or dropped on the window.
    pub fn grant_files(&self, paths: &[PathBuf]) {
        lock(&self.files).extend(paths.iter().cloned());
    }

    /// A folder chosen in a folder dialog.
    pub fn grant_folder(&self, path: &Path) {
        lock(&self.folders).insert(path.to_path_buf());
    }

    /// `Ok` when every path in `paths` was granted as a file; otherwise the sentence for the
    /// editor naming the first that was not.
    pub fn check_files(&self, paths: &[PathBuf]) -> CommandResult<()> {
        let granted = lock(&self.files);
        match paths.iter().find(|path| !granted.contains(*path)) {
            None => Ok(()),
            Some(path) => Err(not_granted(path, "file")),
        }
    }

    /// `Ok` when `path` was chosen in a folder dialog.
    pub fn check_folder(&self, path: &Path) -> CommandResult<()> {
        if lock(&self.folders).contains(path) {
            Ok(())
        } else {
            Err(not_granted(path, "folder"))
        }
    }
}

fn not_granted(path: &Path, what: &str) -> UiError {
    UiError::invalid(format!(
        "“{}” was not chosen in one of Newsroom's dialogs or dropped on its window, so it was not used; choose the {what} again",
        path.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_granted_paths_pass_each_for_its_kind() {
        let grants = Grants::default();
        let photo = PathBuf::from("/home/ana/harbour.jpg");
        let folder = PathBuf::from("/home/ana/exports");
        assert!(grants.check_files(std::slice::from_ref(&photo)).is_err());
        grants.grant_files(std::slice::from_ref(&photo));
        grants.grant_folder(&folder);
        assert!(grants.check_files(std::slice::from_ref(&photo)).is_ok());
        assert!(grants.check_folder(&folder).is_ok());
        let error = grants
            .check_files(&[photo.clone(), PathBuf::from("/home/ana/.ssh/id_ed25519")])
            .unwrap_err();
        assert_eq!(error.kind, newsroom::ErrorKind::Invalid);
        assert!(error.message.contains("id_ed25519"), "{}", error.message);
        assert!(grants.check_folder(Path::new("/home/ana")).is_err());
        assert!(
            grants.check_folder(&photo).is_err(),
            "a file is not a folder"
        );
        assert!(grants.check_files(std::slice::from_ref(&folder)).is_err());
    }
}
