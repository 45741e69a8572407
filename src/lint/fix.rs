//! Writing fixes back into a draft's files: each changed value is diffed
//! character by character against its old self, each change mapped onto the
//! bytes that wrote those characters, and the file re-read to prove that
//! every value is what the fix meant and nothing else moved. A value whose
//! change cannot be written that way is left as it was, and said so.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Report;
use crate::load::node::{Node, Pos, Value};
use crate::load::scalar::{self, Span};
use crate::write::{Problem, WriteError};

/// The fixes of one file.
#[derive(Debug, Clone)]
pub struct FileFix {
    pub file: PathBuf,
    pub old: Arc<str>,
    pub new: String,
    /// Values whose fix could not be written in place: where they are.
    pub skipped: Vec<Pos>,
}

impl FileFix {
    /// A unified diff of the file, for `--dry-run` and the log.
    pub fn diff(&self) -> String {
        let name = crate::paths::shown(&self.file).to_string();
        similar::TextDiff::from_lines(&*self.old, &self.new)
            .unified_diff()
            .context_radius(1)
            .header(&name, &name)
            .to_string()
    }
}

/// Writes a file's fixes into it, a byte-order mark the loader read past
/// written back: only a regular, writable file inside the draft's project,
/// reached through no link that leads out of it (see [`crate::paths`]).
pub fn write(draft: &Path, fix: &FileFix) -> Result<(), WriteError> {
    crate::paths::Confined::project_of_draft(draft)
        .check(&fix.file)
        .map_err(|out| WriteError {
            path: fix.file.clone(),
            problem: Problem::LeadsOut(out),
        })?;
    let bom = std::fs::read(&fix.file).is_ok_and(|b| b.starts_with(b"\xEF\xBB\xBF"));
    let bytes = [
        if bom { &b"\xEF\xBB\xBF"[..] } else { &[][..] },
        fix.new.as_bytes(),
    ]
    .concat();
    crate::write::write_atomic(&fix.file, &bytes)
}

/// The file with sorted, disjoint edits made, in one pass (not one copy of
/// the rest of the file per edit).
fn apply_edits(source: &str, edits: &[Edit]) -> String {
    let mut new = String::with_capacity(source.len());
    let mut at = 0;
    for e in edits {
        new.push_str(&source[at..e.range.start]);
        new.push_str(&e.text);
        at = e.range.end;
    }
    new.push_str(&source[at..]);
    new
}

/// One byte-range edit of a file.
#[derive(Clone)]
struct Edit {
    range: std::ops::Range<usize>,
    text: String,
}

/// The edits that turn a site's value into `new` in its file, or `None`
/// when some change touches what cannot be edited in place.
fn edits(site: &crate::load::TextSite, new: &str) -> Option<Vec<Edit>> {
    let mapped = site.map()?;
    let old: Vec<char> = site.value.chars().collect();
    let new_chars: Vec<char> = new.chars().collect();
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &old, &new_chars);
    let mut out = Vec::new();
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal {
            continue;
        }
        let text: String = new_chars[n.clone()].iter().collect();
        if o.is_empty() {
            // An insertion after the character before it.
            let at = match o.start.checked_sub(1) {
                Some(prev) => match &mapped.spans[prev] {
                    Span::Source(r) => r.end,
                    Span::Fold(_) => return None,
                },
                None => match mapped.spans.first() {
                    Some(Span::Source(r)) => r.start,
                    _ => return None,
                },
            };
            out.push(Edit {
                range: at..at,
                text: scalar::escape_for(mapped.style, &text),
            });
            continue;
        }
        // A line break read as a space may only be deleted (the lines
        // joined); the new text goes where the first written character was.
        let mut text = Some(text);
        let mut k = o.start;
        while k < o.end {
            match &mapped.spans[k] {
                Span::Fold(r) => {
                    if old[k] != ' ' {
                        return None;
                    }
                    out.push(Edit {
                        range: r.clone(),
                        text: String::new(),
                    });
                    k += 1;
                }
                Span::Source(first) => {
                    let mut end = first.end;
                    k += 1;
                    while k < o.end {
                        match &mapped.spans[k] {
                            Span::Source(r) if r.start == end => {
                                end = r.end;
                                k += 1;
                            }
                            _ => break,
                        }
                    }
                    let written = text.take().unwrap_or_default();
                    out.push(Edit {
                        range: first.start..end,
                        text: scalar::escape_for(mapped.style, &written),
                    });
                }
            }
        }
        // Only folds were deleted and there is new text: nowhere to put it.
        if text.is_some_and(|t| !t.is_empty()) {
            return None;
        }
    }
    Some(out)
}

/// The edit that writes a site's whole value anew as a double-quoted
/// scalar: for a fixed text that would no longer read back as plain YAML
/// (one that now starts with `，` is fine, one that starts with `,` is not).
fn requote(site: &crate::load::TextSite, new: &str) -> Option<Vec<Edit>> {
    let mapped = site.map()?;
    if matches!(
        mapped.style,
        scalar::ScalarStyle::Literal | scalar::ScalarStyle::Folded
    ) {
        return None;
    }
    let start = site.start()?;
    let end = match mapped.style {
        // The closing quote.
        scalar::ScalarStyle::Plain => mapped.end,
        _ => mapped.end + 1,
    };
    Some(vec![Edit {
        range: start..end,
        text: serde_json::to_string(new).ok()?,
    }])
}

/// The fixes of a report, file by file (files without any left out).
pub fn plan(report: &Report) -> Vec<FileFix> {
    let fixed = report.fixed_values();
    let mut by_file: Vec<(PathBuf, Arc<str>, Vec<usize>)> = Vec::new();
    for (i, value) in fixed.iter().enumerate() {
        if value.is_none() {
            continue;
        }
        let site = &report.sites[i];
        match by_file.iter_mut().find(|(f, _, _)| *f == site.file) {
            Some(entry) => entry.2.push(i),
            None => by_file.push((site.file.clone(), Arc::clone(&site.source), vec![i])),
        }
    }
    let mut out = Vec::new();
    for (file, source, mut sites) in by_file {
        let mut skipped = Vec::new();
        // Values whose edits cannot be mapped are skipped first; the rest
        // are written and checked, and any value that does not read back
        // as meant is skipped in turn.
        // Each value is first edited character by character; one whose
        // edits cannot be mapped or do not read back as meant is written
        // anew in quotes; one that fails that too is left as it was.
        let mut quoted: Vec<usize> = Vec::new();
        for _ in 0..2 * sites.len() + 2 {
            let mut all = Vec::new();
            let mut alone: Vec<(Vec<Edit>, (u32, u32), String)> = Vec::new();
            let mut expected = HashMap::new();
            sites.retain(|&i| {
                let site = &report.sites[i];
                let new = fixed[i].as_deref().unwrap_or_default();
                let edits = match quoted.contains(&i) {
                    false => edits(site, new).or_else(|| {
                        quoted.push(i);
                        requote(site, new)
                    }),
                    true => requote(site, new),
                };
                match edits {
                    Some(e) => {
                        let place = (site.pos.line, site.pos.column);
                        alone.push((e.iter().map(Edit::clone).collect(), place, new.to_string()));
                        all.extend(e);
                        expected.insert(place, new.to_string());
                        true
                    }
                    None => {
                        skipped.push(site.pos);
                        false
                    }
                }
            });
            all.sort_by_key(|e| (e.range.start, e.range.end));
            if all.windows(2).any(|w| w[0].range.end > w[1].range.start) {
                // Two values overlap: the file is stranger than we can edit.
                skipped.extend(sites.iter().map(|&i| report.sites[i].pos));
                sites.clear();
                break;
            }
            let new = apply_edits(&source, &all);
            let culprit = match verify(&source, &new, &expected) {
                Ok(()) => {
                    if !sites.is_empty() {
                        out.push(FileFix {
                            file: file.clone(),
                            old: Arc::clone(&source),
                            new,
                            skipped: skipped.clone(),
                        });
                    }
                    break;
                }
                // The value at that place does not read back as meant.
                // The value at that place does not read back as meant (or,
                // for an alias of a value fixed, the value behind it).
                Err(Some(bad)) => sites
                    .iter()
                    .position(|&i| (report.sites[i].pos.line, report.sites[i].pos.column) == bad)
                    .or_else(|| first_failing(&source, &alone)),
                // The structure changed: the first value that changes it
                // on its own is the cause.
                Err(None) => first_failing(&source, &alone),
            };
            let Some(k) = culprit.filter(|k| *k < sites.len()) else {
                skipped.extend(sites.iter().map(|&i| report.sites[i].pos));
                sites.clear();
                break;
            };
            let i = sites[k];
            if quoted.contains(&i) {
                sites.remove(k);
                skipped.push(report.sites[i].pos);
            } else {
                quoted.push(i);
            }
        }
        if out.iter().all(|f| f.file != file) && !skipped.is_empty() {
            out.push(FileFix {
                file,
                old: Arc::clone(&source),
                new: source.to_string(),
                skipped,
            });
        }
    }
    out
}

/// The first value whose edits alone do not read back as meant.
fn first_failing(source: &str, alone: &[(Vec<Edit>, (u32, u32), String)]) -> Option<usize> {
    alone.iter().position(|(edits, place, value)| {
        let expected = HashMap::from([(*place, value.clone())]);
        verify(source, &apply_edits(source, edits), &expected).is_err()
    })
}

/// Whether `new` reads as `old` with only the expected values changed: the
/// place of the first value that does not (by its old position), or `None`
/// when the structure itself changed.
fn verify(
    old: &str,
    new: &str,
    expected: &HashMap<(u32, u32), String>,
) -> Result<(), Option<(u32, u32)>> {
    let (Ok(a), Ok(b)) = (Node::parse(old), Node::parse(new)) else {
        return Err(None);
    };
    same(&a, &b, expected)
}

fn same(
    a: &Node,
    b: &Node,
    expected: &HashMap<(u32, u32), String>,
) -> Result<(), Option<(u32, u32)>> {
    match (&a.value, &b.value) {
        (Value::Str(x), Value::Str(y)) => {
            let want = expected.get(&(a.pos.line, a.pos.column)).unwrap_or(x);
            if want == y {
                Ok(())
            } else {
                Err(Some((a.pos.line, a.pos.column)))
            }
        }
        (Value::Seq(x), Value::Seq(y)) if x.len() == y.len() => {
            x.iter().zip(y).try_for_each(|(p, q)| same(p, q, expected))
        }
        (Value::Map(x), Value::Map(y)) if x.len() == y.len() => {
            x.iter().zip(y).try_for_each(|((k1, v1), (k2, v2))| {
                same(k1, k2, expected)?;
                same(v1, v2, expected)
            })
        }
        (x, y)
            if std::mem::discriminant(x) == std::mem::discriminant(y)
                && !matches!(x, Value::Seq(_) | Value::Map(_)) =>
        {
            if x == y {
                Ok(())
            } else {
                Err(None)
            }
        }
        _ => Err(None),
    }
}
