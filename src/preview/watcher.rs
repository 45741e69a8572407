//! Telling `serve` and `watch` that something under the watched folders
//! changed, once per burst: an editor's save is several events (a temporary
//! file written, renamed over the draft, its metadata touched), and they are
//! gathered until the folder has been quiet for a moment.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecursiveMode, Watcher as _};

use crate::diagnostic::Diagnostic;
use crate::tr;

/// How long the folder must be quiet before a burst of events counts as one change.
pub const QUIET: Duration = Duration::from_millis(60);

/// The longest a burst is gathered before it is reported anyway.
const LONGEST: Duration = Duration::from_millis(600);

/// A watch on folders and files.
pub struct Watcher {
    // Kept alive: dropping it ends the watch.
    watcher: notify::RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
    /// The paths asked for, absolute.
    asked: Vec<PathBuf>,
    /// What is watched now: each folder, and whether with all below it.
    watching: BTreeMap<PathBuf, bool>,
    /// Folders watched only to see a folder asked for appear (a `templates/`
    /// made after start, or made again): their other changes do not count.
    lookouts: BTreeSet<PathBuf>,
    /// Paths whose changes do not count (the output folder, when it lies inside).
    ignored: Vec<PathBuf>,
}

impl Watcher {
    /// Watches each of `paths` (recursively for a folder; through its
    /// folder for a file; through its parent, until it exists, for a folder
    /// that does not, and again if it is removed); changes below `ignored`
    /// do not count.
    pub fn new(paths: &[PathBuf], ignored: &[PathBuf]) -> Result<Watcher, Diagnostic> {
        let (sender, events) = channel();
        let watcher =
            notify::recommended_watcher(sender).map_err(|e| trouble(Path::new("."), &e))?;
        let absolute = |p: &PathBuf| std::path::absolute(p).unwrap_or_else(|_| p.clone());
        let mut watcher = Watcher {
            watcher,
            events,
            asked: paths.iter().map(absolute).collect(),
            watching: BTreeMap::new(),
            lookouts: BTreeSet::new(),
            ignored: ignored.iter().map(absolute).collect(),
        };
        watcher
            .settle(None)
            .map_err(|(path, e)| trouble(&path, &e))?;
        Ok(watcher)
    }

    /// Brings the watches in line with what is on disk now: each folder
    /// asked for that exists watched with all below it (once, however many
    /// ask), each file through its folder, each folder that does not exist
    /// through its parent. A folder among the `changed` paths of a burst is
    /// watched afresh (it may have been removed and made again, which ends
    /// a watch on it). At the start (`changed` is `None`), a folder that
    /// cannot be watched is an error; later, it is tried again next time.
    fn settle(&mut self, changed: Option<&[PathBuf]>) -> Result<(), (PathBuf, notify::Error)> {
        let start = changed.is_none();
        let changed = changed.unwrap_or_default();
        let mut want: BTreeMap<PathBuf, bool> = BTreeMap::new();
        let mut lookouts = BTreeSet::new();
        for path in &self.asked {
            if path.is_dir() {
                want.insert(path.clone(), true);
            } else if path.is_file() {
                want.entry(folder_of(path).to_path_buf()).or_insert(false);
            } else {
                lookouts.insert(folder_of(path).to_path_buf());
            }
        }
        // A folder inside one watched with all below it needs no watch of
        // its own; and a second watch on a folder would replace the first
        // (with inotify), losing what lies below.
        let deep: Vec<PathBuf> = want
            .iter()
            .filter(|(_, d)| **d)
            .map(|(p, _)| p.clone())
            .collect();
        let covered =
            |p: &Path, own: bool| deep.iter().any(|d| p.starts_with(d) && !(own && d == p));
        want.retain(|p, d| !covered(p, *d));
        lookouts.retain(|p| !covered(p, false) && !want.contains_key(p));
        for folder in &lookouts {
            want.insert(folder.clone(), false);
        }
        let stale: Vec<PathBuf> = self
            .watching
            .iter()
            .filter(|(p, d)| want.get(*p) != Some(d) || (**d && changed.contains(p)))
            .map(|(p, _)| p.clone())
            .collect();
        for path in stale {
            // A folder removed has no watch left to end.
            let _ = self.watcher.unwatch(&path);
            self.watching.remove(&path);
        }
        for (path, deep) in want {
            if self.watching.contains_key(&path) {
                continue;
            }
            let mode = if deep {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            match self.watcher.watch(&path, mode) {
                Ok(()) => {
                    self.watching.insert(path, deep);
                }
                Err(e) if start => return Err((path, e)),
                Err(_) => {}
            }
        }
        self.lookouts = lookouts;
        Ok(())
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
        // A folder asked for that appeared is watched from now on (a file
        // made in it before this is seen by the rebuild its appearing
        // causes); one removed is looked out for.
        let _ = self.settle(Some(&changed));
        Some(changed)
    }

    /// Whether a change to `path` counts: not below an ignored folder, and,
    /// in a folder watched only to see one appear, that folder itself.
    fn counts(&self, path: &Path) -> bool {
        if self.ignored.iter().any(|i| path.starts_with(i)) {
            return false;
        }
        // A lookout is never inside another watch, nor the folder of a file
        // asked for: what it reports, only it reports.
        let seen_by_lookout = path.parent().is_some_and(|p| self.lookouts.contains(p));
        !seen_by_lookout || self.asked.iter().any(|a| a.starts_with(path))
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
            changed.extend(event.paths.into_iter().filter(|p| self.counts(p)));
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
    Diagnostic::error(
        path,
        0,
        0,
        tr!("preview-cannot-watch", error = e.to_string()),
    )
    .help(tr!("preview-cannot-watch-help"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::Receiver;

    /// Each burst the watcher reports, from a thread of its own.
    fn bursts(watcher: Watcher) -> Receiver<Vec<PathBuf>> {
        let (send, bursts) = channel();
        let mut watcher = watcher;
        std::thread::spawn(move || {
            while let Some(changed) = watcher.wait() {
                if send.send(changed).is_err() {
                    break;
                }
            }
        });
        bursts
    }

    /// The next burst, which must come within 10 s.
    fn next(bursts: &Receiver<Vec<PathBuf>>) -> Vec<PathBuf> {
        bursts
            .recv_timeout(Duration::from_secs(10))
            .expect("the change was never reported")
    }

    fn names(burst: &[PathBuf], dir: &Path) -> Vec<String> {
        burst
            .iter()
            .map(|p| p.strip_prefix(dir).unwrap_or(p).display().to_string())
            .collect()
    }

    #[test]
    fn a_missing_folder_inside_a_watched_one_keeps_the_watch_deep() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("drafts/doc")).unwrap();
        let watcher = Watcher::new(&[root.clone(), root.join("templates")], &[]).unwrap();
        assert_eq!(watcher.watching.len(), 1, "{:?}", watcher.watching);
        assert!(watcher.lookouts.is_empty());
        let bursts = bursts(watcher);
        std::fs::write(root.join("drafts/doc/v1.yaml"), "title: a\n").unwrap();
        assert!(names(&next(&bursts), &root).contains(&"drafts/doc/v1.yaml".to_string()));
    }

    #[test]
    fn a_folder_looked_out_for_counts_and_nothing_else_beside_it_does() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("drafts")).unwrap();
        let templates = root.join("templates");
        let watcher = Watcher::new(&[root.join("drafts"), templates.clone()], &[]).unwrap();
        assert_eq!(watcher.lookouts, BTreeSet::from([root.clone()]));
        let bursts = bursts(watcher);

        // A file beside the drafts does not count; the folder appearing does.
        std::fs::write(root.join("notes.txt"), "x").unwrap();
        std::fs::create_dir(&templates).unwrap();
        assert_eq!(names(&next(&bursts), &root), ["templates"]);
        std::fs::write(templates.join("draft.html.tera"), "x").unwrap();
        assert!(names(&next(&bursts), &root).contains(&"templates/draft.html.tera".to_string()));

        // Removed, it is looked out for again; made again, it is watched again.
        std::fs::remove_dir_all(&templates).unwrap();
        assert!(
            names(&next(&bursts), &root)
                .iter()
                .any(|n| n.starts_with("templates"))
        );
        std::fs::write(root.join("notes.txt"), "y").unwrap();
        std::fs::create_dir(&templates).unwrap();
        let burst = names(&next(&bursts), &root);
        assert!(!burst.contains(&"notes.txt".to_string()), "{burst:?}");
        std::fs::write(templates.join("draft.md.tera"), "x").unwrap();
        assert!(names(&next(&bursts), &root).contains(&"templates/draft.md.tera".to_string()));
    }
}
