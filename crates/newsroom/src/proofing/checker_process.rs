//! The app's side of the checker process: starts `newsroom-proofer` on the first check, sends it
//! requests and hands each answer to whoever asked, and starts it again after it stops.
//!
//! Two threads per process keep callers from ever waiting on it: one writes the requests (a
//! long article fills the pipe while the checker is busy with the one before), one reads the
//! answers. A caller only takes a short lock to queue its request.

use super::wire::{Answer, Request};
use super::{Language, MAX_CHECKED_BYTES, OwnWords, Problem, ProofingError, no_console};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// What a check's caller is handed, on the thread that reads the checker's answers.
pub type Reply = Box<dyn FnOnce(Result<Vec<Problem>, ProofingError>) + Send>;

/// The checker process, started when first needed.
pub struct CheckerProcess {
    program: PathBuf,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    running: Option<Running>,
    /// The library's own words, kept to give a checker started again; `None` until the first
    /// check brings them.
    own_words: Option<OwnWords>,
    next_id: u64,
}

/// A started checker: its process, the queue its writer takes requests from, and the callers
/// waiting for answers.
struct Running {
    child: Child,
    requests: Sender<Request>,
    waiting: Arc<Mutex<Waiting>>,
}

#[derive(Default)]
struct Waiting {
    replies: HashMap<u64, Reply>,
    /// The checker's output ended: it stopped, and nothing more will be answered.
    ended: bool,
}

impl CheckerProcess {
    /// A checker that runs `program` (the `newsroom-proofer` binary) when first asked.
    pub fn new(program: PathBuf) -> Self {
        CheckerProcess {
            program,
            state: Mutex::default(),
        }
    }

    /// Whether the next check needs to bring the library's word list (none has yet).
    pub fn needs_own_words(&self) -> bool {
        self.state().own_words.is_none()
    }

    /// Checks `text` in `language`, handing the problems to `reply` when the checker answers (or
    /// at once, with the reason, when it cannot). `own_words` is the library's word list while
    /// [`Self::needs_own_words`] says so.
    pub fn check(
        &self,
        text: String,
        language: &Language,
        own_words: Option<OwnWords>,
        reply: Reply,
    ) {
        if text.len() > MAX_CHECKED_BYTES {
            return reply(Err(ProofingError::TooLong { bytes: text.len() }));
        }
        if let Err((reply, err)) = self.queue(text, language, own_words, reply) {
            reply(Err(err));
        }
    }

    /// Queues a check; gives the reply back with the reason when it cannot, for the caller to
    /// hand it over once no lock is held.
    fn queue(
        &self,
        text: String,
        language: &Language,
        own_words: Option<OwnWords>,
        reply: Reply,
    ) -> Result<(), (Reply, ProofingError)> {
        let mut state = self.state();
        if let Some(words) = own_words {
            state.own_words.get_or_insert(words);
        }
        let id = state.next_id;
        state.next_id += 1;
        let running = match self.running(&mut state) {
            Ok(running) => running,
            Err(err) => return Err((reply, err)),
        };
        let mut waiting = lock(&running.waiting);
        if waiting.ended {
            return Err((reply, ProofingError::Stopped));
        }
        waiting.replies.insert(id, reply);
        drop(waiting);
        let request = Request::Check {
            id,
            language: language.code().to_string(),
            text,
        };
        // A writer that has gone means the checker has: its reader answers every waiting caller.
        let _ = running.requests.send(request);
        Ok(())
    }

    /// Tells the checker the library's word list changed; checks after this one accept them.
    pub fn set_own_words(&self, words: OwnWords) {
        let mut state = self.state();
        state.own_words = Some(words.clone());
        if let Some(running) = &state.running {
            let _ = running.requests.send(Request::OwnWords { words });
        }
    }

    /// Ends the checker process (checking was switched off), giving its memory back; the next
    /// check starts another. Callers still waiting hear that it stopped.
    pub fn stop(&self) {
        self.state().running = None;
    }

    /// The checker's process id while it runs.
    pub fn process_id(&self) -> Option<u32> {
        self.state().running.as_ref().map(|r| r.child.id())
    }

    fn state(&self) -> MutexGuard<'_, State> {
        lock(&self.state)
    }

    /// The running checker, started (again) if there is none or it stopped.
    fn running<'a>(&self, state: &'a mut State) -> Result<&'a Running, ProofingError> {
        let stopped = state
            .running
            .as_ref()
            .is_none_or(|running| lock(&running.waiting).ended);
        if stopped {
            state.running = None;
            let running = self.start()?;
            if let Some(words) = &state.own_words {
                let _ = running.requests.send(Request::OwnWords {
                    words: words.clone(),
                });
            }
            state.running = Some(running);
        }
        state.running.as_ref().ok_or(ProofingError::Stopped)
    }

    fn start(&self) -> Result<Running, ProofingError> {
        let mut command = Command::new(&self.program);
        command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        no_console::hide_window(&mut command);
        let unavailable = |reason: String| ProofingError::Unavailable { reason };
        let mut child = command
            .spawn()
            .map_err(|err| unavailable(format!("{}: {err}", self.program.display())))?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            return Err(unavailable(
                "its input and output were not connected".into(),
            ));
        };
        let waiting = Arc::new(Mutex::new(Waiting::default()));
        let (requests, queue) = mpsc::channel::<Request>();
        let writer = std::thread::Builder::new()
            .name("proofer-writer".into())
            .spawn(move || {
                let mut stdin = BufWriter::new(stdin);
                for request in queue {
                    let sent = serde_json::to_writer(&mut stdin, &request)
                        .map_err(std::io::Error::from)
                        .and_then(|()| stdin.write_all(b"\n"))
                        .and_then(|()| stdin.flush());
                    if sent.is_err() {
                        break;
                    }
                }
            });
        let answers = Arc::clone(&waiting);
        let reader = std::thread::Builder::new()
            .name("proofer-reader".into())
            .spawn(move || read_answers(stdout, &answers));
        if let Err(err) = writer.and(reader) {
            let _ = child.kill();
            return Err(unavailable(format!("no thread to talk to it: {err}")));
        }
        Ok(Running {
            child,
            requests,
            waiting,
        })
    }
}

/// Hands each answer to its caller until the checker's output ends, then tells every caller
/// still waiting that it stopped.
fn read_answers(stdout: ChildStdout, waiting: &Mutex<Waiting>) {
    for line in BufReader::new(stdout).lines() {
        let Ok(answer) = line.map(|line| serde_json::from_str::<Answer>(&line)) else {
            break;
        };
        let Ok(Answer { id, result }) = answer else {
            break;
        };
        let reply = lock(waiting).replies.remove(&id);
        if let Some(reply) = reply {
            reply(result);
        }
    }
    let orphans = {
        let mut waiting = lock(waiting);
        waiting.ended = true;
        std::mem::take(&mut waiting.replies)
    };
    for (_, reply) in orphans {
        reply(Err(ProofingError::Stopped));
    }
}

impl Drop for Running {
    /// Ends the process at once, even in the middle of a check: its answer is no longer wanted.
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A reply panicking on the reader thread poisons nothing a caller relies on: the data is
/// plain.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
