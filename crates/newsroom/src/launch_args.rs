//! Where the library and the workspace folder are: the options the desktop app and the
//! `newsroom` tool are both started with, defined once. The tool flattens [`LaunchArgs`] into
//! its command line; the app parses its own arguments with it.
//!
//! The environment variables are read here, not by clap: an empty variable counts as unset, and
//! `--no-workspace` overrides `NEWSROOM_WORKSPACE` (clap would report that pair as a conflict,
//! which is right only for `--workspace` and `--no-workspace` given together).

use crate::workspace::WORKSPACE_ENV;
use std::ffi::OsString;
use std::path::PathBuf;

/// Environment variable naming the library database (the app and the CLI both read it).
pub const DB_ENV: &str = "NEWSROOM_DB";

/// `--db`, `--workspace` and `--no-workspace`.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct LaunchArgs {
    /// The library database (default: $NEWSROOM_DB, else the platform data folder, e.g.
    /// ~/.local/share/newsroom/library.db).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// The workspace folder of Markdown files kept in sync with the library, created if missing
    /// (default: $NEWSROOM_WORKSPACE, else the folder the library remembers, else Newsroom in
    /// the documents folder).
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        conflicts_with = "no_workspace"
    )]
    pub workspace: Option<PathBuf>,
    /// Sync no workspace folder this run (troubleshooting, and benchmarks that compare).
    #[arg(long, global = true)]
    pub no_workspace: bool,
}

/// Which workspace folder a run syncs with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkspaceChoice {
    /// None named: the folder the library remembers, else `<documents>/Newsroom`.
    Remembered,
    /// `--workspace DIR`, else `$NEWSROOM_WORKSPACE`.
    Folder(PathBuf),
    /// `--no-workspace`: no sync this run.
    Off,
}

impl LaunchArgs {
    /// The library database: `--db`, else `$NEWSROOM_DB`, else the platform's data folder;
    /// `None` when the platform names no home folder either.
    pub fn db_path(&self) -> Option<PathBuf> {
        self.db_path_with(std::env::var_os(DB_ENV))
    }

    /// [`LaunchArgs::db_path`] with `env` as the value of `NEWSROOM_DB`.
    pub fn db_path_with(&self, env: Option<OsString>) -> Option<PathBuf> {
        self.db
            .clone()
            .or_else(|| set(env))
            .or_else(crate::library::default_db_path)
    }

    /// The workspace folder of this run: `--no-workspace`, else `--workspace`, else
    /// `$NEWSROOM_WORKSPACE`, else the remembered one.
    pub fn workspace_choice(&self) -> WorkspaceChoice {
        self.workspace_choice_with(std::env::var_os(WORKSPACE_ENV))
    }

    /// [`LaunchArgs::workspace_choice`] with `env` as the value of `NEWSROOM_WORKSPACE`.
    pub fn workspace_choice_with(&self, env: Option<OsString>) -> WorkspaceChoice {
        if self.no_workspace {
            return WorkspaceChoice::Off;
        }
        match self.workspace.clone().or_else(|| set(env)) {
            Some(folder) => WorkspaceChoice::Folder(folder),
            None => WorkspaceChoice::Remembered,
        }
    }
}

/// An environment variable's value as a path, unless it is unset or empty.
fn set(env: Option<OsString>) -> Option<PathBuf> {
    env.filter(|value| !value.is_empty()).map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    /// A front end whose only options are these (as the desktop app's).
    #[derive(Debug, Parser)]
    struct Front {
        #[command(flatten)]
        launch: LaunchArgs,
    }

    fn parse(args: &[&str]) -> Result<LaunchArgs, clap::Error> {
        Front::try_parse_from(std::iter::once("front").chain(args.iter().copied()))
            .map(|front| front.launch)
    }

    fn env(value: &str) -> Option<OsString> {
        Some(OsString::from(value))
    }

    #[test]
    fn the_db_argument_wins_over_the_environment() {
        let db = |args: &[&str], value| parse(args).unwrap().db_path_with(value);
        let expected = Some(PathBuf::from("/a/lib.db"));
        assert_eq!(db(&["--db", "/a/lib.db"], env("/env/lib.db")), expected);
        assert_eq!(db(&["--db=/a/lib.db"], env("/env/lib.db")), expected);
        assert_eq!(db(&[], env("/env/lib.db")), Some("/env/lib.db".into()));
        assert_eq!(db(&[], env("")), crate::library::default_db_path());
    }

    #[test]
    fn no_workspace_wins_over_the_environment_and_workspace_over_both() {
        let choice = |args: &[&str], value| parse(args).unwrap().workspace_choice_with(value);
        let folder = |p: &str| WorkspaceChoice::Folder(PathBuf::from(p));
        assert_eq!(choice(&["--workspace", "/w"], env("/env")), folder("/w"));
        assert_eq!(choice(&["--workspace=/v"], None), folder("/v"));
        assert_eq!(
            choice(&["--no-workspace"], env("/env")),
            WorkspaceChoice::Off
        );
        assert_eq!(choice(&[], env("/env")), folder("/env"));
        assert_eq!(choice(&[], env("")), WorkspaceChoice::Remembered);
        assert_eq!(choice(&[], None), WorkspaceChoice::Remembered);
    }

    #[test]
    fn a_workspace_and_no_workspace_together_are_refused() {
        let error = parse(&["--workspace", "/w", "--no-workspace"]).unwrap_err();
        assert_eq!(error.kind(), clap::error::ErrorKind::ArgumentConflict);
        let error = parse(&["--db"]).unwrap_err();
        assert!(error.to_string().contains("--db"), "{error}");
    }
}
