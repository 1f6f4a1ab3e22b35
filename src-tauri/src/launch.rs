//! The app's command line: `--db`, `--workspace` and `--no-workspace`, the options the `newsroom`
//! tool takes too ([`LaunchArgs`], defined once in the core), with `--help` and `--version`.

use clap::Parser;
use clap::error::ErrorKind;
use newsroom::launch_args::{DB_ENV, LaunchArgs, WorkspaceChoice};
use newsroom::workspace::WORKSPACE_ENV;
use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

/// Newsroom, the desktop editor: write, illustrate and publish news articles.
#[derive(Debug, Parser)]
#[command(name = "newsroom-app", version)]
struct AppArgs {
    #[command(flatten)]
    launch: LaunchArgs,
}

/// Where this run's library and workspace folder are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Launch {
    pub db: PathBuf,
    pub workspace: WorkspaceChoice,
}

/// Why the app stops before it starts.
#[derive(Debug)]
pub enum Stop {
    /// `--help` or `--version`: clap prints it (on standard output), and the app exits 0.
    Asked(clap::Error),
    /// A mistake in the arguments, or no folder for the library: one sentence for standard
    /// error, and the app exits 1.
    Refused(String),
}

/// This process's launch: its arguments, then `NEWSROOM_DB` and `NEWSROOM_WORKSPACE`.
pub fn from_process() -> Result<Launch, Stop> {
    launch(
        std::env::args_os(),
        std::env::var_os(DB_ENV),
        std::env::var_os(WORKSPACE_ENV),
    )
}

/// The launch that `args` (the program's name first) and the two environment variables'
/// values ask for.
pub fn launch(
    args: impl IntoIterator<Item = OsString>,
    db_env: Option<OsString>,
    workspace_env: Option<OsString>,
) -> Result<Launch, Stop> {
    let args = args
        .into_iter()
        .filter(|arg| !is_process_serial_number(arg));
    let parsed = match AppArgs::try_parse_from(args) {
        Ok(parsed) => parsed.launch,
        Err(error) => {
            return Err(match error.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => Stop::Asked(error),
                _ => Stop::Refused(sentence(&error)),
            });
        }
    };
    let db = parsed.db_path_with(db_env).ok_or_else(|| {
        Stop::Refused(format!(
            "could not find a folder for the library; start Newsroom with --db PATH or set {DB_ENV}"
        ))
    })?;
    Ok(Launch {
        db,
        workspace: parsed.workspace_choice_with(workspace_env),
    })
}

/// `-psn_0_12345`: the process serial number macOS passes to an app opened from the Finder on
/// its first launch (after the "downloaded from the internet" question). Not ours to refuse.
fn is_process_serial_number(arg: &OsStr) -> bool {
    arg.to_str().is_some_and(|arg| arg.starts_with("-psn_"))
}

/// clap's message as one line: what is wrong, its tip if it has one (a misspelt option's right
/// name), and where the options are listed.
fn sentence(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let mut lines = rendered.lines().map(str::trim);
    let what = lines.next().unwrap_or_default();
    let what = what.strip_prefix("error: ").unwrap_or(what);
    let tips: Vec<&str> = lines
        .filter_map(|line| line.strip_prefix("tip: "))
        .collect();
    let tips = match tips.is_empty() {
        true => String::new(),
        false => format!(" ({})", tips.join("; ")),
    };
    format!("{what}{tips}; newsroom-app --help lists the options")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        std::iter::once("newsroom-app")
            .chain(list.iter().copied())
            .map(OsString::from)
            .collect()
    }

    fn refusal(list: &[&str]) -> String {
        match launch(args(list), None, None) {
            Err(Stop::Refused(sentence)) => sentence,
            other => panic!("{list:?} was not refused: {other:?}"),
        }
    }

    #[test]
    fn db_argument_wins_over_the_environment() {
        let env = Some(OsString::from("/env/lib.db"));
        let db = |list: &[&str], env: Option<OsString>| launch(args(list), env, None).unwrap().db;
        assert_eq!(
            db(&["--db", "/a/lib.db"], env.clone()),
            PathBuf::from("/a/lib.db")
        );
        assert_eq!(
            db(&["--db=/b/lib.db"], env.clone()),
            PathBuf::from("/b/lib.db")
        );
        assert_eq!(db(&[], env), PathBuf::from("/env/lib.db"));
        assert!(refusal(&["--db"]).contains("--db"));
    }

    #[test]
    fn workspace_argument_wins_over_the_environment() {
        let env = Some(OsString::from("/env/ws"));
        let choice = |list: &[&str], env: Option<OsString>| {
            launch(args(list), Some("/lib.db".into()), env)
                .unwrap()
                .workspace
        };
        let folder = |p: &str| WorkspaceChoice::Folder(PathBuf::from(p));
        assert_eq!(
            choice(&["--db", "x.db", "--workspace", "/w"], env.clone()),
            folder("/w")
        );
        assert_eq!(choice(&["--workspace=/v"], None), folder("/v"));
        assert_eq!(
            choice(&["--no-workspace"], env.clone()),
            WorkspaceChoice::Off
        );
        assert_eq!(choice(&["--db", "x.db"], env), folder("/env/ws"));
        assert_eq!(
            choice(&[], Some(OsString::new())),
            WorkspaceChoice::Remembered
        );
    }

    #[test]
    fn mistakes_are_refused_in_one_sentence() {
        let both = refusal(&["--workspace", "/w", "--no-workspace"]);
        assert!(
            both.contains("'--no-workspace'")
                && both.ends_with("newsroom-app --help lists the options"),
            "{both}"
        );
        let typo = refusal(&["--workspac", "/w"]);
        assert!(
            typo.starts_with("unexpected argument '--workspac' found (")
                && typo.contains("'--workspace'"),
            "{typo}"
        );
        assert!(!refusal(&["/some/file.md"]).contains('\n'));
    }

    #[test]
    fn help_and_version_are_answered_and_the_macos_serial_number_ignored() {
        for asked in ["--help", "--version"] {
            assert!(
                matches!(launch(args(&[asked]), None, None), Err(Stop::Asked(_))),
                "{asked}"
            );
        }
        let launched = launch(args(&["-psn_0_1692061", "--db", "/a.db"]), None, None).unwrap();
        assert_eq!(launched.db, PathBuf::from("/a.db"));
    }
}
