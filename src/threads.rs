//! Work shared with the other core: the one helper every scoped thread of
//! the pipeline is joined through.

/// What a thread of a scope returned; its panic goes on in the caller.
pub fn joined<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}
