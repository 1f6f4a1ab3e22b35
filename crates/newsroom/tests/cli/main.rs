//! End-to-end tests of the `newsroom` command-line tool: each command, and each bad input
//! ending in one clear sentence on stderr, a non-zero exit and nothing lost.

mod backups;
mod bad_input;
mod budget;
mod commands;
mod harness;
mod hostile;
mod proofing;
mod publish;
mod stop_request;
#[path = "../test_servers/mod.rs"]
#[allow(dead_code)]
mod test_servers;
mod watch;
