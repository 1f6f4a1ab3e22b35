//! Handing memory freed by a large one-off pass back to the system.
//!
//! glibc's allocator keeps what a program frees for its own reuse, in the arena of the thread
//! that freed it, and returns it to the system only from the top of the main heap. A pass that
//! allocates and frees a lot at once, as the sync's start-up scan of a large workspace does,
//! leaves the process holding memory nobody uses: 4 MB of the app's after the start-up scan of
//! 10,001 files (BENCHMARKS.md, issue 12), and ~2 MB after a burst of typing, once its saves
//! have settled and their files are written. The checker's process held 73 MB it had freed after
//! the first check of a 10,000-word article (what building the dictionaries and rules and that
//! check used and let go); it gives such memory back after every answer. `malloc_trim` returns the
//! free pages of every arena.
//! The allocators of macOS, Windows and musl give such memory back by themselves, so elsewhere
//! this does nothing.

/// Returns the allocator's free pages to the system; a few milliseconds at most, so only after a
/// pass that freed a lot or off the editor's path, never on a keystroke's.
pub(crate) fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim takes no pointer and may be called from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}
