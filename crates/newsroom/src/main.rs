//! The `newsroom` command-line tool: every capability of the core, scriptable, without a window.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
