//! The shell's locks guard state that is whole between statements (a set of granted paths, the
//! publishes under way, the spelling checker), so a lock poisoned by a panic elsewhere is still
//! usable: the app goes on rather than failing every later command.

use std::sync::{Mutex, MutexGuard, PoisonError};

/// Locks `mutex`, poisoned or not.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
