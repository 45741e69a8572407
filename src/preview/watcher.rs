//! Telling `serve` and `watch` that something under the watched folders
//! changed, once per burst: an editor's save is several events (a temporary
//! file written, renamed over the draft, its metadata touched), and they are
//! gathered until the folder has been quiet for a moment.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecursiveMode, Watcher as _};

use crate::diagnostic::Diagnostic;

/// How long the folder must be quiet before a burst of events counts as one change.
pub const QUIET: Duration = Duration::from_millis(60);

/// The longest a burst is gathered before it is reported anyway.
const LONGEST: Duration = Duration::from_millis(600);

/// A watch on folders and files.
pub struct Watcher {
    // Kept alive: dropping it ends the watch.
    watcher: notify::RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
    /// Folders asked for that did not exist yet (a `templates/` made after
    /// start): their parent is watched until they appear, then they are.
    pending: Vec<PathBuf>,
    /// Paths whose changes do not count (the output folder, when it lies inside).
    ignored: Vec<PathBuf>,
}

impl Watcher {
    /// Watches each of `paths` (recursively for a folder; through its
    /// parent, until it exists, for a path that does not); changes below
    /// `ignored` do not count.
    pub fn new(paths: &[PathBuf], ignored: &[PathBuf]) -> Result<Watcher, Diagnostic> {
        let (sender, events) = channel();
        let mut watcher =
            notify::recommended_watcher(sender).map_err(|e| trouble(Path::new("."), &e))?;
        let mut pending = Vec::new();
        for path in paths {
            if !path.exists() {
                watcher
                    .watch(folder_of(path), RecursiveMode::NonRecursive)
                    .map_err(|e| trouble(path, &e))?;
                pending.push(path.clone());
                continue;
            }
            // A file is watched through its folder: an editor that saves by
            // writing a new file and renaming it over the old one would end
            // a watch on the file itself at the first save.
            let (watched, mode) = if path.is_file() {
                (folder_of(path), RecursiveMode::NonRecursive)
            } else {
                (path.as_path(), RecursiveMode::Recursive)
            };
            watcher
                .watch(watched, mode)
                .map_err(|e| trouble(path, &e))?;
        }
        Ok(Watcher {
            watcher,
            events,
            pending,
            ignored: ignored
                .iter()
                .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone()))
                .collect(),
        })
    }

    /// Waits for a change and for the quiet after it; returns the paths that
    /// changed, or `None` when the watch has ended.
    pub fn wait(&mut self) -> Option<Vec<PathBuf>> {
        let mut changed = Vec::new();
        loop {
            let event = self.events.recv().ok()?;
            self.note(event, &mut changed);
            if !changed.is_empty() {
                break;
            }
        }
        let started = Instant::now();
        while started.elapsed() < LONGEST {
            match self.events.recv_timeout(QUIET) {
                Ok(event) => self.note(event, &mut changed),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
        changed.sort();
        changed.dedup();
        self.watch_new_folders();
        Some(changed)
    }

    /// Watches the folders asked for that have appeared since. A file made
    /// in one between its appearing and this is seen by the rebuild its
    /// appearing already causes.
    fn watch_new_folders(&mut self) {
        let watcher = &mut self.watcher;
        self.pending.retain(|path| {
            !(path.is_dir() && watcher.watch(path, RecursiveMode::Recursive).is_ok())
        });
    }

    /// Adds the paths of an event that counts to `changed`.
    fn note(&self, event: notify::Result<Event>, changed: &mut Vec<PathBuf>) {
        let Ok(event) = event else {
            // The watch lost events (an overflow): say the root changed, so
            // everything is looked at again.
            changed.push(PathBuf::from("."));
            return;
        };
        let counts = match event.kind {
            // Reading a draft (which every rebuild does) must not count as a change.
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
            EventKind::Access(_) => false,
            _ => true,
        };
        if counts {
            changed.extend(
                event
                    .paths
                    .into_iter()
                    .filter(|p| !self.ignored.iter().any(|i| p.starts_with(i))),
            );
        }
    }
}

/// The folder a path is in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    }
}

fn trouble(path: &Path, e: &notify::Error) -> Diagnostic {
    Diagnostic::error(path, 0, 0, format!("cannot watch for changes: {e}")).help(
        "check that the folder exists and is readable; on Linux, a system watching many \
         folders may need a higher fs.inotify.max_user_watches",
    )
}
