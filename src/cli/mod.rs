//! The command line's own parts: its arguments and its console.

pub mod args;
pub mod comments;
pub mod console;
pub mod help;
pub mod lint;
pub mod new;
pub mod schema;
pub mod serve;

use std::path::PathBuf;

use console::{Console, Outcome};
use gongwen::project::{self, DraftEntry};

/// The drafts named on the command line, or all under drafts/.
pub(crate) fn drafts(console: &Console, paths: &[PathBuf]) -> Result<Vec<DraftEntry>, Outcome> {
    let default = [PathBuf::from("drafts")];
    let paths = if paths.is_empty() { &default } else { paths };
    let cwd = std::env::current_dir().unwrap_or_default();
    project::find_all(paths, &cwd).map_err(|d| {
        console.diagnostic(&d);
        Outcome::Trouble
    })
}

/// mimalloc instead of the system allocator: a diff or a build allocates
/// many small strings and frees them at once, and with glibc's allocator that
/// was a fifth of a Civil Code diff's 45 ms. Without transparent huge pages
/// (its `no_thp` feature; see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
