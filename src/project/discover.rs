//! Finding drafts on disk and where their output goes.
//!
//! A draft is a `.yaml`/`.yml` file, or a folder holding `draft.yaml` (its part
//! files are reached through `include:` and are not drafts themselves). A
//! document is a folder of drafts; `drafts/` holds documents. Output mirrors
//! the layout below `drafts/` (or below the folder given), so
//! `drafts/doc/v1/` becomes `output/doc/v1.md`.

use std::path::{Component, Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::load::DRAFT_FILE;
use crate::paths::{Confined, LeadsOut, shown};

/// A draft found on disk.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DraftEntry {
    /// The draft file or folder.
    pub path: PathBuf,
    /// Output path without extension, relative to the output folder: `doc/v1`.
    pub stem: PathBuf,
}

impl DraftEntry {
    /// Where the output of one format goes: `out/doc/v1.html`.
    pub fn output(&self, out: &Path, extension: &str) -> PathBuf {
        let mut name = self.stem.as_os_str().to_owned();
        name.push(".");
        name.push(extension);
        out.join(name)
    }
}

/// Orders names as people count: v2 before v10, 第2稿 before 第10稿.
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    fn chunks(s: &str) -> Vec<(bool, &str)> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut digit = None;
        for (i, c) in s.char_indices() {
            let d = c.is_ascii_digit();
            if digit.is_some_and(|prev| prev != d) {
                out.push((digit.unwrap_or(false), &s[start..i]));
                start = i;
            }
            digit = Some(d);
        }
        if start < s.len() {
            out.push((digit.unwrap_or(false), &s[start..]));
        }
        out
    }
    let (ca, cb) = (chunks(a), chunks(b));
    for (x, y) in ca.iter().zip(&cb) {
        let ord = match (x, y) {
            ((true, x), (true, y)) => {
                let (x, y) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
                x.len().cmp(&y.len()).then(x.cmp(y))
            }
            ((_, x), (_, y)) => x.cmp(y),
        };
        if ord != std::cmp::Ordering::Equal {
            return ord;
        }
    }
    ca.len().cmp(&cb.len())
}

/// Consecutive drafts of each document, in version order, for redlines:
/// drafts are grouped by the folder of their output path and ordered by
/// [`natural_cmp`] of their names.
pub fn consecutive_pairs(entries: &[DraftEntry]) -> Vec<(&DraftEntry, &DraftEntry)> {
    let mut groups: std::collections::BTreeMap<PathBuf, Vec<&DraftEntry>> = Default::default();
    for e in entries {
        groups
            .entry(e.stem.parent().map(Path::to_path_buf).unwrap_or_default())
            .or_default()
            .push(e);
    }
    let mut pairs = Vec::new();
    for (_, mut list) in groups {
        list.sort_by(|a, b| {
            let name = |e: &DraftEntry| {
                e.stem
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            };
            natural_cmp(&name(a), &name(b))
        });
        pairs.extend(list.windows(2).map(|w| (w[0], w[1])));
    }
    pairs
}

/// Whether a path is a draft by itself (see [`crate::load::is_draft`]).
pub fn is_draft(path: &Path) -> bool {
    crate::load::is_draft(path)
}

/// A YAML file that is a draft: not a comments file (`v1.comments.yaml`).
fn is_yaml(path: &Path) -> bool {
    crate::load::is_draft_file(path)
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// The drafts a command-line path names, sorted by path. Folders are walked
/// once each (a link back to a folder already walked is not followed again),
/// and a draft reached twice through links is listed once. A relative path is
/// relative to `cwd`, the folder the caller works in.
pub fn find_drafts(path: &Path, cwd: &Path) -> Result<Vec<DraftEntry>, Diagnostic> {
    if !path.exists() {
        return Err(
            Diagnostic::error(path, 0, 0, crate::tr!("discover-missing"))
                .help(crate::tr!("discover-missing-help")),
        );
    }
    let mut drafts = Vec::new();
    if is_draft(path) {
        drafts.push(path.to_path_buf());
    } else if path.is_dir() {
        let mut walk = Walk {
            confined: Confined::project_of_folder(path),
            visited: Default::default(),
            refused: Vec::new(),
        };
        walk.collect(path, &mut drafts).map_err(|e| {
            Diagnostic::error(
                path,
                0,
                0,
                crate::tr!("discover-unreadable", error = crate::paths::io_error(&e)),
            )
        })?;
        if let Some(out) = walk.refused.first() {
            let link = out.link.as_deref().unwrap_or(&out.path);
            let message = match walk.refused.len() {
                1 => out.message(),
                n => crate::tr!(
                    "discover-more-links",
                    message = out.message(),
                    count = n - 1,
                    links = some_links(&walk.refused[1..])
                ),
            };
            return Err(Diagnostic::error(link, 0, 0, message).help(out.help()));
        }
    } else {
        return Err(
            Diagnostic::error(path, 0, 0, crate::tr!("discover-not-a-draft"))
                .help(crate::tr!("discover-not-a-draft-help")),
        );
    }
    let base = output_base(path, cwd);
    let mut entries: Vec<DraftEntry> = drafts
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(&base).unwrap_or(&p);
            let stem = if p.is_dir() {
                rel.to_path_buf()
            } else {
                rel.with_extension("")
            };
            DraftEntry {
                stem: clean(&stem),
                path: p,
            }
        })
        .collect();
    entries.sort();
    Ok(entries)
}

/// The drafts several command-line paths name: each draft once, however
/// often it was named or reached. Two different drafts whose output would
/// be the same file (`v1.yaml` and `v1/`) are an error naming both.
pub fn find_all(paths: &[PathBuf], cwd: &Path) -> Result<Vec<DraftEntry>, Diagnostic> {
    let mut entries: Vec<DraftEntry> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for path in paths {
        let found = find_drafts(path, cwd)?;
        if found.is_empty() {
            return Err(Diagnostic::error(
                path,
                0,
                0,
                crate::tr!("discover-no-drafts"),
            ));
        }
        for entry in found {
            let real = std::fs::canonicalize(&entry.path).unwrap_or_else(|_| entry.path.clone());
            if seen.insert(real) {
                entries.push(entry);
            }
        }
    }
    let mut by_stem: std::collections::BTreeMap<&Path, Vec<&DraftEntry>> = Default::default();
    for e in &entries {
        by_stem.entry(&e.stem).or_default().push(e);
    }
    if let Some((stem, clash)) = by_stem.into_iter().find(|(_, list)| list.len() > 1) {
        let names: Vec<String> = clash.iter().map(|e| shown(&e.path).to_string()).collect();
        return Err(Diagnostic::error(
            &clash[1].path,
            0,
            0,
            crate::tr!(
                "discover-same-output",
                drafts = names.join(&crate::tr!("discover-and")),
                output = shown(stem).to_string()
            ),
        )
        .help(crate::tr!("discover-same-output-help")));
    }
    Ok(entries)
}

/// The first few links, named.
fn some_links(refused: &[LeadsOut]) -> String {
    const SHOWN: usize = 3;
    let mut names: Vec<String> = refused
        .iter()
        .take(SHOWN)
        .map(|o| shown(o.link.as_deref().unwrap_or(&o.path)).to_string())
        .collect();
    if refused.len() > SHOWN {
        names.push("…".to_string());
    }
    names.join(", ")
}

/// A walk over folders that visits each real folder once, and follows no
/// link that leads out of the project.
struct Walk {
    confined: Confined,
    visited: std::collections::HashSet<PathBuf>,
    /// Links met that lead out: nothing is listed through them.
    refused: Vec<LeadsOut>,
}

impl Walk {
    fn collect(&mut self, dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        let real = std::fs::canonicalize(dir)?;
        if !self.visited.insert(real) {
            return Ok(());
        }
        let mut children: Vec<(PathBuf, bool)> = std::fs::read_dir(dir)?
            .map(|e| e.map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_symlink()))))
            .collect::<Result<_, _>>()?;
        children.sort();
        for (child, link) in children {
            if is_hidden(&child) {
                continue;
            }
            // Only a link to what would be used (a folder, a YAML file) is
            // looked at; a link to anything else is never read.
            if link
                && (child.is_dir() || is_yaml(&child))
                && let Err(leads_out) = self.confined.check(&child)
            {
                self.refused.push(leads_out);
                continue;
            }
            if child.is_dir() {
                if child.join(DRAFT_FILE).is_file() {
                    let real = std::fs::canonicalize(&child)?;
                    if self.visited.insert(real) {
                        out.push(child);
                    }
                } else {
                    self.collect(&child, out)?;
                }
            } else if is_yaml(&child) {
                let real = std::fs::canonicalize(&child)?;
                if self.visited.insert(real) {
                    out.push(child);
                }
            }
        }
        Ok(())
    }
}

/// The folder output paths are relative to: the nearest `drafts` folder at or
/// above `path`; otherwise the folder above a document (a folder holding
/// drafts directly) or a draft, and the folder itself for a folder of documents.
fn output_base(path: &Path, cwd: &Path) -> PathBuf {
    let absolute = cwd.join(path);
    for ancestor in absolute.ancestors() {
        if ancestor.file_name().is_some_and(|n| n == "drafts") {
            return relative_like(path, &absolute, ancestor);
        }
    }
    let holds_drafts = path.is_dir()
        && std::fs::read_dir(path)
            .map(|entries| {
                entries
                    .flatten()
                    .any(|e| !is_hidden(&e.path()) && is_draft(&e.path()))
            })
            .unwrap_or(false);
    if is_draft(path) {
        let parent = path.parent().unwrap_or(Path::new(""));
        parent.parent().unwrap_or(Path::new("")).to_path_buf()
    } else if holds_drafts {
        path.parent().unwrap_or(Path::new("")).to_path_buf()
    } else {
        path.to_path_buf()
    }
}

/// `base` expressed the way `path` was given (relative stays relative).
fn relative_like(path: &Path, absolute: &Path, base: &Path) -> PathBuf {
    if path.is_absolute() {
        return base.to_path_buf();
    }
    let up = absolute.components().count() - base.components().count();
    let mut p = path.to_path_buf();
    for _ in 0..up {
        p = p.parent().map(Path::to_path_buf).unwrap_or_default();
    }
    p
}

/// Drops `.` components so stems are plain relative paths.
fn clean(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| matches!(c, Component::Normal(_)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().join("drafts/doc");
        std::fs::create_dir_all(d.join("v1")).unwrap();
        std::fs::write(d.join("v1/draft.yaml"), "title: a\n").unwrap();
        std::fs::write(d.join("v1/part1.yaml"), "heading: b\n").unwrap();
        std::fs::write(d.join("v2.yaml"), "title: a\n").unwrap();
        std::fs::create_dir_all(dir.path().join("copy/doc")).unwrap();
        std::fs::write(dir.path().join("copy/doc/v1.yaml"), "title: a\n").unwrap();
        dir
    }

    fn stems(path: &Path) -> Vec<String> {
        find_drafts(path, Path::new("/"))
            .unwrap()
            .iter()
            .map(|e| e.stem.display().to_string())
            .collect()
    }

    #[test]
    fn output_mirrors_the_layout_below_drafts() {
        let dir = tree();
        let drafts = dir.path().join("drafts");
        assert_eq!(stems(&drafts), ["doc/v1", "doc/v2"]);
        assert_eq!(stems(&drafts.join("doc")), ["doc/v1", "doc/v2"]);
        assert_eq!(stems(&drafts.join("doc/v1")), ["doc/v1"]);
        assert_eq!(stems(&drafts.join("doc/v2.yaml")), ["doc/v2"]);
    }

    #[test]
    fn a_copy_elsewhere_keeps_document_names() {
        let dir = tree();
        let copy = dir.path().join("copy");
        assert_eq!(stems(&copy), ["doc/v1"]);
        assert_eq!(stems(&copy.join("doc")), ["doc/v1"]);
        assert_eq!(stems(&copy.join("doc/v1.yaml")), ["doc/v1"]);
    }

    #[test]
    fn versions_sort_as_people_count() {
        let mut names = vec!["v10", "v2", "v1", "final", "v2a"];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(names, ["final", "v1", "v2", "v2a", "v10"]);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_walked_once() {
        let dir = tree();
        let doc = dir.path().join("drafts/doc");
        std::os::unix::fs::symlink(&doc, doc.join("again")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("drafts"), doc.join("up")).unwrap();
        assert_eq!(stems(&dir.path().join("drafts")), ["doc/v1", "doc/v2"]);
    }

    #[test]
    fn drafts_that_would_write_the_same_output_are_refused() {
        let dir = tree();
        let doc = dir.path().join("drafts/doc");
        std::fs::write(doc.join("v1.yml"), "title: a\n").unwrap();
        let err = find_all(&[dir.path().join("drafts")], Path::new("/")).unwrap_err();
        assert!(
            err.message.contains("would all be written as doc/v1.*"),
            "{err}"
        );
        // Naming one draft twice is not a clash.
        let v2 = doc.join("v2.yaml");
        assert_eq!(
            find_all(&[v2.clone(), v2], Path::new("/")).unwrap().len(),
            1
        );
    }

    #[test]
    fn a_missing_path_is_an_error() {
        assert!(find_drafts(Path::new("/nonexistent/gongwen"), Path::new("/")).is_err());
    }
}
