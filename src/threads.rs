//! Work shared with the other core: the one helper every scoped thread of
//! the pipeline is joined through, and the one that frees what is done with.

/// What a thread of a scope returned; its panic goes on in the caller.
pub fn joined<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Frees a value on a thread of its own, so that no one waits for it: a long
/// draft, its numbered document and its template context are trees of some
/// 100,000 values (freeing the context alone was a tenth of the Civil Code's
/// HTML build). A process that ends first leaves the freeing to the system.
/// Where no thread can be started, it is freed here.
pub fn free_meanwhile<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || drop(value));
}
