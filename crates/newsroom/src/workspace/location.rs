//! Which folder is the workspace: the one named for this run, else the one the library
//! remembers (chosen in the app), else `<documents>/Newsroom`. The app and `newsroom watch`
//! decide the same way, so both sync the same folder.

use super::{Workspace, default_workspace_root};
use crate::Library;
use crate::error::Result;
use std::path::{Path, PathBuf};

/// The settings key under which the library remembers its workspace folder.
pub const WORKSPACE_SETTING: &str = "workspace_root";

/// The settings key holding the folder the recorded file states belong to.
const SYNCED_ROOT_SETTING: &str = "workspace_synced_root";

/// Environment variable naming the workspace folder (the app and the CLI both read it).
pub const WORKSPACE_ENV: &str = "NEWSROOM_WORKSPACE";

impl Library {
    /// The workspace folder to use: `explicit` (a `--workspace` argument or
    /// [`WORKSPACE_ENV`]) wins, then the folder remembered by [`Library::remember_workspace`],
    /// then the platform default. `None` when the platform names no home folder either.
    pub fn workspace_root(&self, explicit: Option<&Path>) -> Result<Option<PathBuf>> {
        if let Some(path) = explicit.filter(|p| !p.as_os_str().is_empty()) {
            return Ok(Some(path.to_path_buf()));
        }
        if let Some(saved) = self.store().setting(WORKSPACE_SETTING)?
            && !saved.is_empty()
        {
            return Ok(Some(PathBuf::from(saved)));
        }
        Ok(default_workspace_root())
    }

    /// Makes `ws` the folder the sync state describes. When the library was last synced with
    /// another folder, what it recorded of that folder's files is forgotten and every article
    /// is written into the new one: otherwise the new folder's missing files would read as
    /// deleted articles. Returns whether the library started over.
    pub fn adopt_workspace(&mut self, ws: &Workspace) -> Result<bool> {
        let root = ws.root().to_string_lossy();
        let synced = self.store().setting(SYNCED_ROOT_SETTING)?;
        let other = synced.as_deref().is_some_and(|synced| synced != root);
        if other {
            self.store_mut().start_over_in_workspace()?;
        }
        if synced.as_deref() != Some(&root) {
            self.store_mut().set_setting(SYNCED_ROOT_SETTING, &root)?;
        }
        Ok(other)
    }

    /// Remembers `root` as this library's workspace folder for later runs.
    pub fn remember_workspace(&mut self, root: &Path) -> Result<()> {
        let text = root.to_string_lossy();
        Ok(self.store_mut().set_setting(WORKSPACE_SETTING, &text)?)
    }
}

#[cfg(test)]
mod tests {
    use crate::library::test_support::library;
    use std::path::{Path, PathBuf};

    #[test]
    fn explicit_folder_wins_then_the_remembered_one_then_the_default() {
        let (mut lib, _dir) = library();
        let default = lib.workspace_root(None).unwrap();
        assert_eq!(default, super::default_workspace_root());
        lib.remember_workspace(Path::new("/srv/desk")).unwrap();
        assert_eq!(
            lib.workspace_root(None).unwrap(),
            Some(PathBuf::from("/srv/desk"))
        );
        assert_eq!(
            lib.workspace_root(Some(Path::new("/tmp/run"))).unwrap(),
            Some(PathBuf::from("/tmp/run"))
        );
        // An empty variable (NEWSROOM_WORKSPACE=) counts as not set.
        assert_eq!(
            lib.workspace_root(Some(Path::new(""))).unwrap(),
            Some(PathBuf::from("/srv/desk"))
        );
    }
}
