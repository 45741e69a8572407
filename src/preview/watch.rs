//! `gongwen watch`: the outputs written again whenever a draft changes, for
//! people who keep the PDF open in a viewer. Only the drafts whose view
//! changed are built again, with the drafts beside them in their document
//! (whose redlines against them changed too); a draft with problems is
//! reported and its outputs from before are left in place.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::state::{Drafts, key};
use crate::diagnostic::Diagnostic;
use crate::paths::{one_line, shown};
use crate::project::{self, DraftEntry, Event, Origin, consecutive_pairs};
use crate::render::{Format, Renderer};
use crate::tr;
use crate::write::{self, Digest, Removal};

/// One round of building, as `watch` reports it.
#[derive(Debug, Default)]
pub struct Rebuilt {
    /// The keys of the drafts built.
    pub drafts: Vec<String>,
    /// The outputs written that changed.
    pub written: Vec<PathBuf>,
    /// Outputs of drafts, redlines or comments tables that no draft makes
    /// any more (a draft removed or renamed), taken away.
    pub removed: Vec<PathBuf>,
    /// Such outputs left in place because they were changed after `watch`
    /// wrote them (a .docx corrected in Word).
    pub kept: Vec<PathBuf>,
    /// How many outputs were written the same as they were.
    pub same: usize,
    /// Drafts with problems, each with them; their outputs were left alone.
    pub failed: Vec<(PathBuf, Vec<Diagnostic>)>,
    /// How many of `drafts` are among them.
    pub broken: usize,
    /// Warnings and notes met on the way.
    pub warnings: Vec<Diagnostic>,
    pub took: Duration,
}

impl Rebuilt {
    /// The one line a round prints.
    pub fn line(&self) -> String {
        let ms = u64::try_from(self.took.as_millis()).unwrap_or(u64::MAX);
        let built = self.drafts.len() - self.broken.min(self.drafts.len());
        let mut line = match (built, self.drafts.first()) {
            (0, _) if self.failed.is_empty() => tr!("preview-watch-nothing", ms = ms),
            (0, _) => tr!("preview-watch-built-nothing", ms = ms),
            (1, Some(key)) if self.failed.is_empty() => {
                tr!("preview-watch-rebuilt-one", key = one_line(key), ms = ms)
            }
            (n, _) => tr!("preview-watch-rebuilt", count = n, ms = ms),
        };
        if !self.written.is_empty() {
            line.push_str(&tr!("preview-watch-wrote", files = some_of(&self.written)));
        }
        if self.same > 0 {
            line.push_str(&tr!("preview-watch-unchanged", count = self.same));
        }
        if !self.removed.is_empty() {
            let files = some_of(&self.removed);
            line.push_str(&if self.written.is_empty() && self.same == 0 {
                tr!("preview-watch-removed", files = files)
            } else {
                tr!("preview-watch-also-removed", files = files)
            });
        }
        if !self.kept.is_empty() {
            line.push_str(&tr!("preview-watch-kept", files = some_of(&self.kept)));
        }
        for (path, problems) in &self.failed {
            line.push_str(&tr!(
                "preview-watch-failed",
                path = shown(path).to_string(),
                count = problems.len()
            ));
        }
        line
    }
}

/// The first few of `paths` and how many more.
fn some_of(paths: &[PathBuf]) -> String {
    const SHOWN: usize = 4;
    let names: Vec<String> = paths
        .iter()
        .take(SHOWN)
        .map(|p| shown(p).to_string())
        .collect();
    let names = names.join(&tr!("preview-watch-list-separator"));
    if paths.len() > SHOWN {
        tr!(
            "preview-watch-and-more",
            files = names,
            count = paths.len() - SHOWN
        )
    } else {
        names
    }
}

/// The drafts being watched and where their outputs go.
pub struct Watch {
    drafts: Drafts,
    out: PathBuf,
    formats: Vec<Format>,
    /// Every output the drafts made at the last round, below `out`, with
    /// what it is made from: those whose origin is gone are removed. Empty
    /// before the first round, so nothing written before `watch` started is
    /// ever removed.
    planned: BTreeMap<PathBuf, Origin>,
    /// What each output held when this process last wrote it: an output is
    /// removed only while it still holds that. Kept in memory, since only
    /// outputs planned by this process are ever removed (`planned` starts
    /// empty), so a record outliving the process would cover nothing more.
    written: BTreeMap<PathBuf, Digest>,
}

impl Watch {
    /// Watches the drafts under `paths`, writing `formats` below `out`.
    pub fn new(paths: &[PathBuf], cwd: &Path, out: &Path, formats: &[Format]) -> Watch {
        Watch {
            drafts: Drafts::new(paths, cwd),
            out: out.to_path_buf(),
            formats: formats.to_vec(),
            planned: BTreeMap::new(),
            written: BTreeMap::new(),
        }
    }

    /// Builds what changed since the last round (everything, the first
    /// time; everything too when `all`, after a template changed).
    pub fn round(&mut self, renderer: &Renderer, all: bool) -> Result<Rebuilt, Diagnostic> {
        let started = Instant::now();
        let pairs_before = pair_keys(&self.drafts.entries);
        let changes = self.drafts.refresh();
        if let Some(d) = &self.drafts.listing {
            return Err(d.clone());
        }
        // A changed draft with problems is reported, and nothing that
        // depends on it (its neighbours' redlines, the comments table before
        // it) is built without it: what was written stays.
        let mut rebuilt = Rebuilt::default();
        self.remove_stale(&mut rebuilt)?;
        let mut changed = BTreeSet::new();
        for k in changes.drafts {
            match self.drafts.find(&k).map(|(e, l)| (e, &l.result)) {
                Some((entry, Err(problems))) if !all => {
                    rebuilt.failed.push((entry.path.clone(), problems.to_vec()));
                    rebuilt.drafts.push(k);
                    rebuilt.broken += 1;
                }
                _ => {
                    changed.insert(k);
                }
            }
        }
        // A draft added, removed or renamed makes new pairs of drafts, whose
        // redlines are new: both drafts of each are built.
        for (a, b) in pair_keys(&self.drafts.entries) {
            if !pairs_before.contains(&(a.clone(), b.clone())) {
                changed.insert(a);
                changed.insert(b);
            }
        }
        let entries: Vec<DraftEntry> = if all {
            self.drafts.entries.clone()
        } else {
            affected(&self.drafts.entries, &changed)
        };
        rebuilt.drafts.extend(
            entries
                .iter()
                .map(key)
                .filter(|k| all || changed.contains(k)),
        );
        if entries.is_empty() {
            rebuilt.took = started.elapsed();
            return Ok(rebuilt);
        }
        let asked: BTreeSet<PathBuf> = entries
            .iter()
            .filter(|e| rebuilt.drafts.contains(&key(e)))
            .map(|e| e.path.clone())
            .collect();
        // What the outputs held before, so only those that changed are named.
        let before: Vec<(PathBuf, Option<Vec<u8>>)> = project::plan(&entries, &self.formats)?
            .into_iter()
            .map(|p| {
                let path = self.out.join(p);
                let bytes = std::fs::read(&path).ok();
                (path, bytes)
            })
            .collect();
        let written = &mut self.written;
        project::build(
            &entries,
            renderer,
            &self.out,
            &self.formats,
            &mut |event| match event {
                Event::Wrote(path, bytes) => {
                    written.insert(path.to_path_buf(), Digest::of(bytes));
                    let old = before
                        .iter()
                        .find(|(p, _)| p == path)
                        .and_then(|(_, b)| b.as_ref());
                    if old.is_some_and(|old| old == bytes) {
                        rebuilt.same += 1;
                    } else {
                        rebuilt.written.push(path.to_path_buf());
                    }
                }
                Event::Failed(path, problems) => {
                    if !rebuilt.failed.iter().any(|(p, _)| p == path) {
                        rebuilt.failed.push((path.to_path_buf(), problems.to_vec()));
                        rebuilt.broken += usize::from(asked.contains(path));
                    }
                }
                Event::Warning(d) | Event::RedlineFailed(d) => rebuilt.warnings.push(d.clone()),
                Event::NotWritten(e) => {
                    rebuilt
                        .warnings
                        .push(Diagnostic::error(&self.out, 0, 0, e.to_string()))
                }
                Event::Checked(_) | Event::Note(_) => {}
            },
        )?;
        // What typst laid out for drafts not built for a while is let go.
        crate::render::pdf::Worlds::forget_unused(KEPT_ROUNDS);
        rebuilt.took = started.elapsed();
        Ok(rebuilt)
    }
}

impl Watch {
    /// Removes the outputs made at the last round whose origin is gone (a
    /// draft removed or renamed, drafts no longer consecutive, a comments
    /// file removed), noting each in `rebuilt`. Only paths `project::plan`
    /// named are touched, so nothing else in the output folder is ever
    /// removed; an output whose origin is still there but which is now
    /// written elsewhere (the output folder's layout changed, say a draft
    /// put beside the documents) is left where it is, since removing it
    /// could take the only output of a draft that is broken just now. And
    /// only a file this process wrote is removed, while it holds what was
    /// written, through no link (`write::remove_written`): an output
    /// corrected by hand stays, and so does a file in a folder someone put
    /// a link to in place of the output's.
    fn remove_stale(&mut self, rebuilt: &mut Rebuilt) -> Result<(), Diagnostic> {
        let planned: BTreeMap<PathBuf, Origin> =
            project::plan_origins(&self.drafts.entries, &self.formats)?
                .into_iter()
                .map(|(origin, p)| (self.out.join(p), origin))
                .collect();
        let origins: BTreeSet<&Origin> = planned.values().collect();
        let mut moved = 0;
        for (path, origin) in &self.planned {
            if planned.contains_key(path) {
                continue;
            }
            if origins.contains(origin) {
                moved += 1;
                continue;
            }
            // Not written by this process: not ours to remove.
            let Some(digest) = self.written.remove(path) else {
                continue;
            };
            let relative = path.strip_prefix(&self.out).unwrap_or(path);
            match write::remove_written(&self.out, relative, digest) {
                Ok(Removal::Removed) => rebuilt.removed.push(path.clone()),
                Ok(Removal::Gone) => {}
                Ok(Removal::Changed) => rebuilt.kept.push(path.clone()),
                Err(e) => rebuilt.warnings.push(
                    Diagnostic::warning(&self.out, 0, 0, e.to_string())
                        .help(tr!("preview-watch-remove-failed-help")),
                ),
            }
        }
        if moved > 0 {
            rebuilt.warnings.push(
                Diagnostic::warning(&self.out, 0, 0, tr!("preview-watch-moved", count = moved))
                    .help(tr!("preview-watch-moved-help")),
            );
        }
        self.planned = planned;
        Ok(())
    }
}

/// How many rounds typst keeps what no round since has used.
const KEPT_ROUNDS: usize = 8;

/// The keys of consecutive drafts, the redlines a build writes.
fn pair_keys(entries: &[DraftEntry]) -> BTreeSet<(String, String)> {
    consecutive_pairs(entries)
        .into_iter()
        .map(|(a, b)| (key(a), key(b)))
        .collect()
}

/// The drafts to build again when `changed` did: each, and the drafts
/// before and after it in its document (their redlines against it changed),
/// and in each document every draft between the first and last of those, so
/// the redlines built are between consecutive drafts only.
pub fn affected(entries: &[DraftEntry], changed: &BTreeSet<String>) -> Vec<DraftEntry> {
    let mut wanted: BTreeSet<&Path> = entries
        .iter()
        .filter(|e| changed.contains(&key(e)))
        .map(|e| e.path.as_path())
        .collect();
    for (a, b) in consecutive_pairs(entries) {
        if changed.contains(&key(a)) || changed.contains(&key(b)) {
            wanted.insert(&a.path);
            wanted.insert(&b.path);
        }
    }
    // Each document's drafts in order, and the span of those wanted.
    let mut documents: BTreeMap<&Path, Vec<&DraftEntry>> = BTreeMap::new();
    for (a, b) in consecutive_pairs(entries) {
        let list = documents
            .entry(a.stem.parent().unwrap_or(Path::new("")))
            .or_default();
        if list.is_empty() {
            list.push(a);
        }
        list.push(b);
    }
    for list in documents.values() {
        let at: Vec<usize> = (0..list.len())
            .filter(|&i| wanted.contains(list[i].path.as_path()))
            .collect();
        if let (Some(&first), Some(&last)) = (at.first(), at.last()) {
            wanted.extend(list[first..=last].iter().map(|e| e.path.as_path()));
        }
    }
    entries
        .iter()
        .filter(|e| wanted.contains(e.path.as_path()))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(names: &[&str]) -> Vec<DraftEntry> {
        names
            .iter()
            .map(|n| DraftEntry {
                path: PathBuf::from(format!("drafts/{n}.yaml")),
                stem: PathBuf::from(n),
            })
            .collect()
    }

    fn keys(list: &[DraftEntry]) -> Vec<String> {
        list.iter().map(key).collect()
    }

    #[test]
    fn a_draft_removed_makes_the_redline_between_its_neighbours() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("drafts/doc");
        std::fs::create_dir_all(&doc).unwrap();
        for (name, text) in [("v1", "第一稿。"), ("v2", "第二稿。"), ("v3", "第三稿。")]
        {
            let yaml = format!("title: 关于测试的通知\nparts:\n  - text: {text}\n");
            std::fs::write(doc.join(format!("{name}.yaml")), yaml).unwrap();
        }
        let out = dir.path().join("output");
        // An output from before `watch` started, of no draft here: kept.
        std::fs::create_dir_all(out.join("doc")).unwrap();
        std::fs::write(out.join("doc/v0.md"), "从前的输出").unwrap();
        let renderer = Renderer::new(
            crate::render::Templates::load(None).unwrap(),
            Default::default(),
        );
        let mut watch = Watch::new(
            &[dir.path().join("drafts")],
            dir.path(),
            &out,
            &[Format::Markdown],
        );
        let first = watch.round(&renderer, true).unwrap();
        assert_eq!(first.drafts, ["doc/v1", "doc/v2", "doc/v3"]);
        assert!(out.join("doc/v2-v3.redline.md").is_file());

        std::fs::remove_file(doc.join("v2.yaml")).unwrap();
        let after = watch.round(&renderer, false).unwrap();
        assert!(
            after.written.contains(&out.join("doc/v1-v3.redline.md")),
            "{after:?}"
        );
        assert_eq!(after.drafts, ["doc/v1", "doc/v3"]);
        assert!(after.failed.is_empty());
        // What only v2 made is gone; what the others make, and what was
        // there before, stays.
        let gone = ["doc/v2.md", "doc/v1-v2.redline.md", "doc/v2-v3.redline.md"];
        assert_eq!(
            after.removed,
            gone.iter()
                .map(|p| out.join(p))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect::<Vec<_>>()
        );
        assert!(gone.iter().all(|p| !out.join(p).exists()));
        assert!(
            ["doc/v0.md", "doc/v1.md", "doc/v3.md"]
                .iter()
                .all(|p| out.join(p).is_file())
        );
        assert!(after.line().contains("; removed "), "{}", after.line());
        assert!(
            watch.round(&renderer, false).unwrap().drafts.is_empty(),
            "nothing changed since"
        );

        // The last draft removed: nothing to build, and what it made goes.
        std::fs::remove_file(doc.join("v3.yaml")).unwrap();
        let last = watch.round(&renderer, false).unwrap();
        assert!(last.drafts.is_empty(), "{last:?}");
        assert_eq!(
            last.removed,
            [out.join("doc/v1-v3.redline.md"), out.join("doc/v3.md")]
        );
        assert!(
            last.line().starts_with("nothing to build in ") && last.line().contains(": removed "),
            "{}",
            last.line()
        );
    }

    #[test]
    fn outputs_whose_drafts_are_still_there_are_never_removed() {
        let dir = tempfile::tempdir().unwrap();
        // A folder of documents not named `drafts`: output paths start from it.
        let root = dir.path().join("docs");
        std::fs::create_dir_all(root.join("doc")).unwrap();
        for name in ["v1", "v2"] {
            let yaml = format!("title: 关于测试的通知\nparts:\n  - text: {name}。\n");
            std::fs::write(root.join(format!("doc/{name}.yaml")), yaml).unwrap();
        }
        let out = dir.path().join("output");
        let renderer = Renderer::new(
            crate::render::Templates::load(None).unwrap(),
            Default::default(),
        );
        let mut watch = Watch::new(
            std::slice::from_ref(&root),
            dir.path(),
            &out,
            &[Format::Markdown],
        );
        watch.round(&renderer, true).unwrap();
        let before = ["doc/v1.md", "doc/v2.md", "doc/v1-v2.redline.md"];
        assert!(before.iter().all(|p| out.join(p).is_file()));

        // A draft put beside the document folders moves where every output
        // goes; the old outputs stay, with a warning saying why.
        std::fs::write(
            root.join("stray.yaml"),
            "title: 另一份\nparts:\n  - text: 一。\n",
        )
        .unwrap();
        let moved = watch.round(&renderer, false).unwrap();
        assert!(moved.removed.is_empty(), "{moved:?}");
        assert!(before.iter().all(|p| out.join(p).is_file()));
        assert!(out.join("docs/doc/v2.md").is_file(), "{moved:?}");
        assert!(
            moved
                .warnings
                .iter()
                .any(|w| w.message.contains("3 outputs of drafts still here")),
            "{:?}",
            moved.warnings
        );

        // A draft removed after that: its outputs where they now are go.
        std::fs::remove_file(root.join("doc/v2.yaml")).unwrap();
        let removed = watch.round(&renderer, false).unwrap();
        assert_eq!(
            removed.removed,
            [
                out.join("docs/doc/v1-v2.redline.md"),
                out.join("docs/doc/v2.md")
            ]
        );
        assert!(out.join("doc/v2.md").is_file(), "left from before the move");
    }

    #[test]
    fn a_change_rebuilds_its_neighbours_and_nothing_between_documents() {
        let all = entries(&[
            "a/v1", "a/v2", "a/v3", "a/v4", "a/v5", "a/v6", "a/v7", "b/v1", "b/v2",
        ]);
        let changed = |ks: &[&str]| ks.iter().map(|k| k.to_string()).collect::<BTreeSet<_>>();
        assert_eq!(
            keys(&affected(&all, &changed(&["a/v4"]))),
            ["a/v3", "a/v4", "a/v5"]
        );
        assert_eq!(keys(&affected(&all, &changed(&["a/v1"]))), ["a/v1", "a/v2"]);
        // Two changes far apart in one document: everything between, so no
        // redline skips a draft.
        assert_eq!(
            keys(&affected(&all, &changed(&["a/v2", "a/v6"]))),
            ["a/v1", "a/v2", "a/v3", "a/v4", "a/v5", "a/v6", "a/v7"]
        );
        assert_eq!(
            keys(&affected(&all, &changed(&["b/v2", "a/v7"]))),
            ["a/v6", "a/v7", "b/v1", "b/v2"]
        );
        assert!(affected(&all, &changed(&[])).is_empty());
    }
}
