//! `newsroom watch`: the app's two-way workspace sync, headless and in the foreground, until
//! SIGINT or SIGTERM; then pending writes are finished and it exits 0.

use super::args::WatchArgs;
use super::{CliError, CliResult};
use newsroom::Library;
use newsroom::workspace::{
    LibraryTarget, SyncEvent, SyncOptions, SyncService, WatchError, Workspace,
};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::channel;
use std::sync::{Arc, Mutex};

/// Syncs the workspace folder `workspace` names (`--workspace` / `NEWSROOM_WORKSPACE`), else
/// the remembered or default one.
pub fn watch(library: Library, args: WatchArgs, workspace: Option<&Path>) -> CliResult {
    let root = workspace_root(&library, workspace)?;
    let workspace = Workspace::open(&root).map_err(newsroom::Error::from)?;
    let root = workspace.root().to_path_buf();
    let (interrupted, until_interrupted) = channel();
    ctrlc::set_handler(move || {
        let _ = interrupted.send(());
    })
    .map_err(|e| CliError::Usage(format!("could not listen for Ctrl-C and SIGTERM: {e}")))?;

    let mut options = SyncOptions::default();
    options.watch.force_polling = args.poll;
    let target = Arc::new(Mutex::new(LibraryTarget {
        library,
        workspace: Some(workspace),
    }));
    let json = args.json;
    let shown_root = root.clone();
    let service = SyncService::start(target, &root, options, move |event| {
        print_event(&event, json, &shown_root)
    })?;
    // Either a signal, or the handler gone (which cannot happen while it is installed).
    let _ = until_interrupted.recv();
    service.stop();
    print_line(if json {
        r#"{"event":"stopped"}"#.to_string()
    } else {
        "stopped: pending writes are done".to_string()
    });
    Ok(())
}

/// `--workspace` / `NEWSROOM_WORKSPACE`, else the folder the library remembers (chosen in the
/// app), else the default; an existing file is refused before anything is created.
fn workspace_root(library: &Library, chosen: Option<&Path>) -> Result<PathBuf, CliError> {
    let root = library.workspace_root(chosen)?.ok_or_else(|| {
        CliError::Usage(
            "no documents folder was found for the default workspace; name one with --workspace or NEWSROOM_WORKSPACE"
                .into(),
        )
    })?;
    if root.exists() && !root.is_dir() {
        return Err(WatchError::NotAFolder(root).into());
    }
    Ok(root)
}

fn print_event(event: &SyncEvent, json: bool, root: &Path) {
    if json {
        if let Ok(line) = serde_json::to_string(event) {
            print_line(line);
        }
        return;
    }
    for line in sentences(event, root) {
        print_line(line);
    }
}

/// Writes one line. A reader that went away must not stop the sync before its pending writes
/// are done, so write errors are ignored here (unlike other commands' output).
fn print_line(line: String) {
    let _ = writeln!(std::io::stdout().lock(), "{line}");
}

/// The human-readable lines for one event.
fn sentences(event: &SyncEvent, root: &Path) -> Vec<String> {
    let one = |line: String| vec![line];
    match event {
        SyncEvent::Ready => one(format!("ready: {} and the library agree", root.display())),
        SyncEvent::ArticlesChanged { ids } => {
            one(format!("took in the edited file of {}", articles(ids)))
        }
        SyncEvent::Created { ids } => one(format!("created {} from new files", articles(ids))),
        SyncEvent::Trashed { ids } => one(format!(
            "moved {} to the trash: the file was deleted (untrash to bring it back)",
            articles(ids)
        )),
        SyncEvent::FilesWritten { ids } if ids.len() > SHOWN => one(format!(
            "wrote {} files: {}",
            thousands(ids.len()),
            articles(ids)
        )),
        SyncEvent::FilesWritten { ids } => one(format!("wrote the file of {}", articles(ids))),
        SyncEvent::FilesRemoved { paths } => {
            let mut lines: Vec<String> = paths
                .iter()
                .take(SHOWN)
                .map(|p| format!("removed {}", p.display()))
                .collect();
            if paths.len() > SHOWN {
                let rest = paths.len() - SHOWN;
                lines.push(format!("removed {} more files", thousands(rest)));
            }
            lines
        }
        SyncEvent::Conflicts { ids } => one(format!(
            "conflict: {} changed both in the file and in the library; both versions are kept as revisions",
            articles(ids)
        )),
        SyncEvent::Problems { problems } => problems
            .iter()
            .map(|p| format!("problem: {}: {}", p.path.display(), p.message))
            .collect(),
        SyncEvent::PhotosAdded { ids } => one(format!(
            "added {} from the inbox",
            numbered("photo", "photos", ids)
        )),
        SyncEvent::WatchingByPolling { reason } => one(format!("watching by polling: {reason}")),
        SyncEvent::LibraryChangedElsewhere => {
            one("the library was changed by another program".to_string())
        }
        SyncEvent::Error { message } => one(format!("error: {message}")),
    }
}

/// How many ids or paths a line names before it summarises the rest (`--json` names all).
const SHOWN: usize = 10;

fn articles(ids: &[i64]) -> String {
    numbered("article", "articles", ids)
}

/// `article 3`, `articles 3, 4`, or for a long list `articles 1, 2, … 10 and 9,991 more`.
fn numbered(one: &str, many: &str, ids: &[i64]) -> String {
    let list: Vec<String> = ids.iter().take(SHOWN).map(i64::to_string).collect();
    let noun = if ids.len() == 1 { one } else { many };
    match ids.len().checked_sub(SHOWN) {
        Some(rest) if rest > 0 => {
            format!("{noun} {} and {} more", list.join(", "), thousands(rest))
        }
        _ => format!("{noun} {}", list.join(", ")),
    }
}

/// `10,001`: counts an editor reads at a glance.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_of_ids_read_as_english() {
        assert_eq!(articles(&[3]), "article 3");
        assert_eq!(articles(&[3, 4]), "articles 3, 4");
    }

    #[test]
    fn long_lists_are_summarised() {
        let ids: Vec<i64> = (1..=10_001).collect();
        let event = SyncEvent::FilesWritten { ids };
        assert_eq!(
            sentences(&event, Path::new("/w")),
            ["wrote 10,001 files: articles 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 9,991 more"]
        );
        let paths = (0..25)
            .map(|i| PathBuf::from(format!("/w/{i}.md")))
            .collect();
        let lines = sentences(&SyncEvent::FilesRemoved { paths }, Path::new("/w"));
        assert_eq!(lines.len(), 11);
        assert_eq!(lines[10], "removed 15 more files");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn each_problem_gets_its_own_line() {
        let problem = |name: &str| newsroom::workspace::FileProblem {
            path: PathBuf::from(name),
            message: "The file is empty.".into(),
        };
        let event = SyncEvent::Problems {
            problems: vec![problem("/w/a.md"), problem("/w/b.md")],
        };
        assert_eq!(
            sentences(&event, Path::new("/w")),
            [
                "problem: /w/a.md: The file is empty.",
                "problem: /w/b.md: The file is empty."
            ]
        );
    }
}
