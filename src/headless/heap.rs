//! The allocator's settings for one pass over a large input.
//!
//! glibc hands the top of a heap back to the system once enough of it is
//! free, and a thread's heap is freed and grown again with every chunk: on a
//! 20 MB bundle, hundreds of `mprotect` calls and thousands of page faults,
//! each refilling a page just handed back. A one-shot command keeps what it
//! has grown instead. Its peak stays the same; the pages are faulted in once.

/// Keeps freed memory in the heap for the rest of the process. For commands
/// that exit when their pass is done, not for the interactive program.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub(super) fn keep_freed_memory() {
    // Fixed rather than glibc's moving threshold: a 320 KiB chunk buffer
    // comes from the heap, not from a fresh mapping every time.
    const MMAP_THRESHOLD: libc::c_int = 32 << 20;
    // Past every peak the redaction reaches (it stays under 64 MB).
    const TRIM_THRESHOLD: libc::c_int = 256 << 20;
    // Each growth asks for this much more, so the heaps grow a few times.
    const TOP_PAD: libc::c_int = 16 << 20;
    // SAFETY: `mallopt` changes the allocator's settings under its own lock;
    // no memory is touched, and a refused setting leaves the default.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
        libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
        libc::mallopt(libc::M_TOP_PAD, TOP_PAD);
    }
}

/// Other allocators are left as they are.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub(super) fn keep_freed_memory() {}
