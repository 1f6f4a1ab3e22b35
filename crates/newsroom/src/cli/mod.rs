//! Command-line parsing and dispatch. Each command is a few lines over [`newsroom::Library`];
//! failures print one sentence on stderr and exit with status 1.

mod args;
mod articles;
mod backups;
mod budget;
mod output;
mod photos;
mod proofing;
mod publish;
mod publishing;
mod sites;
mod watch;

use args::{Cli, Command};
use clap::Parser;
use newsroom::Library;
use newsroom::launch_args::{LaunchArgs, WorkspaceChoice};
use std::path::PathBuf;
use std::process::ExitCode;

/// What a command failed with: the core's error, or a problem with the command line itself.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Core(#[from] newsroom::Error),
    #[error(transparent)]
    Watch(#[from] newsroom::workspace::WatchError),
    #[error("{0}")]
    Usage(String),
}

impl From<newsroom::store::StoreError> for CliError {
    fn from(e: newsroom::store::StoreError) -> Self {
        CliError::Core(e.into())
    }
}

impl From<newsroom::import::ImportError> for CliError {
    fn from(e: newsroom::import::ImportError) -> Self {
        CliError::Core(e.into())
    }
}

type CliResult = Result<(), CliError>;

/// Parses the command line, runs the command, reports errors.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsroom: {}", output::sentence(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}

fn dispatch(cli: Cli) -> CliResult {
    let path = db_path(&cli.launch)?;
    // Rendering a file needs no library; it only uses one (for photos and links) if it exists.
    if let Command::Render { file } = &cli.command
        && !path.exists()
    {
        return publishing::render_standalone(file.as_deref());
    }
    // Restoring replaces the database file, so it must not be open here.
    if let Command::RestoreBackup { file } = &cli.command {
        return backups::restore(&path, file);
    }
    // Watching needs a workspace folder: refused before the library is opened (or created).
    let workspace = cli.launch.workspace_choice();
    if workspace == WorkspaceChoice::Off && matches!(cli.command, Command::Watch(_)) {
        return Err(CliError::Usage(
            "--no-workspace leaves watch no folder to keep in sync; leave it out, or name the folder with --workspace"
                .into(),
        ));
    }
    let mut library = Library::open(&path)?;
    // Watching keeps the library for as long as it runs.
    if let Command::Watch(args) = cli.command {
        let named = match &workspace {
            WorkspaceChoice::Folder(folder) => Some(folder.as_path()),
            WorkspaceChoice::Remembered | WorkspaceChoice::Off => None,
        };
        return watch::watch(library, args, named);
    }
    run_on_library(&mut library, cli.command)
}

fn run_on_library(library: &mut Library, command: Command) -> CliResult {
    match command {
        Command::New(a) => articles::new(library, a),
        Command::Import { files } => articles::import(library, &files),
        Command::List(a) => articles::list(library, a),
        Command::Show { id, json } => articles::show(library, &id, json),
        Command::Edit(a) => articles::edit(library, *a),
        Command::Budget(a) => budget::budget(library, a),
        Command::Correct(a) => articles::correct(library, a),
        Command::Search { query, json } => articles::search(library, &query, json),
        Command::Revisions { id } => articles::revisions(library, &id),
        Command::Restore { id, revision } => articles::restore(library, &id, revision),
        Command::Trash { id } => articles::trash(library, &id, true),
        Command::Untrash { id } => articles::trash(library, &id, false),
        Command::Attach(a) => photos::attach(library, a),
        Command::Relate(a) => photos::relate(library, a),
        Command::Render { file } => publishing::render(library, file.as_deref()),
        Command::Export(a) => publishing::export(library, a),
        Command::Backup { out } => backups::backup(library, out.as_deref()),
        Command::Backups => backups::list(library),
        Command::Site { command } => sites::site(library, command),
        Command::Publish(a) => publish::publish(library, a),
        Command::Check { id, json } => proofing::check(library, &id, json),
        Command::Dictionary { command } => proofing::dictionary(library, command),
        Command::RestoreBackup { .. } => Err(CliError::Usage(
            "restore-backup cannot run on an open library".into(),
        )),
        Command::Watch(_) => Err(CliError::Usage(
            "watch needs the library for itself and cannot run inside another command".into(),
        )),
    }
}

/// The database named by `--db` / `NEWSROOM_DB`, or the platform default.
fn db_path(launch: &LaunchArgs) -> Result<PathBuf, CliError> {
    launch.db_path().ok_or_else(|| {
        CliError::Usage(
            "no home folder was found for the default library; name one with --db or NEWSROOM_DB"
                .into(),
        )
    })
}
