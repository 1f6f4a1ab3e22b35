//! Giving memory the process has freed back to the system.
//!
//! glibc's allocator keeps freed pages in its arenas for reuse, so a burst of allocation (the
//! spelling checker builds its dictionaries and grammar rules through some 180 MB of temporary
//! tables, of which ~150 MB stay) leaves the process that much larger for as long as it runs.
//! `malloc_trim` hands the free pages back. macOS's and Windows' allocators return freed memory
//! on their own, and musl's has no such call: there it does nothing.

/// Returns the allocator's free pages to the system (a few milliseconds; call after a burst).
pub fn return_to_system() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists; 0 keeps no extra padding.
    unsafe {
        libc::malloc_trim(0);
    }
}
