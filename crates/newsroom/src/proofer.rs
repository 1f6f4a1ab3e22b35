//! `newsroom-proofer`: the desktop app's spell and grammar checker, in a process of its own (see
//! `proofing::wire` for what it reads and writes). The app starts it on the first check and ends
//! it when checking is switched off; run by hand, it checks the JSON lines typed at it.
//!
//! It runs at the lowest priority the system gives without privileges: on a two-core machine the
//! first check of an article (loading the dictionaries and grammar rules, ~1 s of CPU) otherwise
//! competes with the app's window for the keystrokes typed just after opening it; at low
//! priority it waits for the pauses it is for.

use newsroom::proofing::{DictionaryShelf, OwnWords, Proofreader, wire};
use std::io;
use std::process::ExitCode;
use thread_priority::{ThreadPriority, set_current_thread_priority};

fn main() -> ExitCode {
    if let Err(err) = set_current_thread_priority(ThreadPriority::Min) {
        eprintln!("newsroom-proofer: checks run at normal priority ({err:?})");
    }
    let reader = Proofreader::new(DictionaryShelf::default(), OwnWords::default());
    match wire::serve(io::stdin().lock(), io::stdout().lock(), reader) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("newsroom-proofer: stopped: {err}");
            ExitCode::FAILURE
        }
    }
}
