//! Where a whole draft may be written: never through a link, never into
//! another draft (a draft folder, a part file a draft includes), never beside
//! a draft of the same name, and replacing only what is a draft.

use std::path::{Path, PathBuf};

use super::{Belonging, SaveError};
use crate::paths::shown;
use crate::tr;
use crate::write::WriteError;

/// Whether a whole draft may be written at `path` at all, replacing or not:
/// not through a link, not into another draft (a draft folder, or a part
/// file a draft includes), not beside a draft of the same name.
pub(super) fn destination(path: &Path, exists: bool) -> Result<(), SaveError> {
    if let Ok(meta) = path.symlink_metadata()
        && meta.file_type().is_symlink()
    {
        return Err(SaveError::Write(WriteError {
            path: path.to_path_buf(),
            problem: crate::write::Problem::Link(std::fs::canonicalize(path).ok()),
        }));
    }
    if let Some((draft, how)) = part_of(path, exists) {
        return Err(SaveError::PartOf {
            path: path.to_path_buf(),
            draft,
            how,
        });
    }
    if let Some(other) = namesakes(path).into_iter().next() {
        return Err(SaveError::SameName {
            path: path.to_path_buf(),
            other,
        });
    }
    Ok(())
}

/// The draft `path` belongs to, if any, and how: inside a draft folder (as
/// its main file or a part file), or (when it exists) included by a draft
/// file in a folder at or above it, within its project.
fn part_of(path: &Path, exists: bool) -> Option<(PathBuf, Belonging)> {
    let folders = folders_up_to_project(path);
    let draft_file = crate::load::DRAFT_FILE;
    for folder in &folders {
        if folder.join(draft_file).is_file() {
            let how = match path.file_name() == Some(draft_file.as_ref()) && folder == &folders[0] {
                true => Belonging::MainFile,
                false => Belonging::PartFile,
            };
            return Some((folder.clone(), how));
        }
    }
    // Only an existing file can be one a draft includes.
    if !exists || !path.is_file() {
        return None;
    }
    let real = std::fs::canonicalize(path).ok()?;
    for folder in &folders {
        let Ok(entries) = std::fs::read_dir(folder) else {
            continue;
        };
        let mut drafts: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file() && crate::load::is_draft(p))
            .collect();
        drafts.sort();
        for candidate in drafts {
            if std::fs::canonicalize(&candidate).is_ok_and(|c| c == real) {
                continue;
            }
            let (_, read) = crate::load::load_draft_reading(&candidate);
            let includes = read
                .iter()
                .skip(1)
                .any(|f| std::fs::canonicalize(f).is_ok_and(|f| f == real));
            if includes {
                return Some((candidate, Belonging::PartFile));
            }
        }
    }
    None
}

/// The folders from the one holding `path` up to its project's folder (see
/// [`crate::paths::Confined::project_of_draft`]), written as `path` is.
fn folders_up_to_project(path: &Path) -> Vec<PathBuf> {
    use std::path::Component;
    let project = crate::paths::Confined::project_of_draft(path);
    let holder = crate::paths::absolute(path);
    let holder = holder.parent().unwrap_or(&holder);
    let depth = holder
        .strip_prefix(project.folder())
        .map_or(0, |rest| rest.components().count());
    let up = |f: &PathBuf| match f.components().next_back() {
        Some(Component::Normal(_)) => match f.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        },
        _ => f.join(".."),
    };
    let first = up(&path.to_path_buf());
    std::iter::successors(Some(first), |f| Some(up(f)))
        .take(depth + 1)
        .collect()
}

/// Whether `dir` is a draft folder that `--force` may replace; if not, why.
pub(super) fn replaceable_draft_folder(dir: &Path, keep: &[&Path]) -> Result<(), String> {
    let meta = dir.symlink_metadata().map_err(|e| e.to_string())?;
    if meta.file_type().is_symlink() {
        return Err(tr!("save-why-symlink"));
    }
    if !meta.is_dir() {
        return Err(tr!("save-why-not-folder"));
    }
    let real = std::fs::canonicalize(dir).map_err(|e| e.to_string())?;
    for k in keep {
        if let Ok(k) = std::fs::canonicalize(k)
            && k.starts_with(&real)
        {
            return Err(tr!("save-why-must-stay", path = shown(&k).to_string()));
        }
    }
    if !dir.join(crate::load::DRAFT_FILE).is_file() {
        return Err(tr!(
            "save-why-no-draft-file",
            file = crate::load::DRAFT_FILE
        ));
    }
    let mut foreign = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let yaml = name.ends_with(".yaml") || name.ends_with(".yml");
        let leftover = name.starts_with(crate::write::TEMP_PREFIX);
        let file = entry.file_type().is_ok_and(|t| t.is_file());
        if !(file && (yaml || leftover)) {
            foreign.push(if file { name } else { format!("{name}/") });
        }
    }
    if !foreign.is_empty() {
        foreign.sort();
        let more = foreign.len().saturating_sub(5);
        foreign.truncate(5);
        let mut list = foreign.join(", ");
        if more > 0 {
            list = tr!("save-and-more", list = list, more = more);
        }
        return Err(tr!("save-why-foreign", list = list));
    }
    Ok(())
}

/// The drafts beside `path` that a draft written at `path` would clash with,
/// being the same draft of the same document by name: `v1/` (a draft
/// folder) or `v1.yml` beside `v1.yaml`, and `v1.yaml` or `v1.yml` beside
/// `v1/`. `build` refuses such pairs; this says so before one is made.
fn namesakes(path: &Path) -> Vec<PathBuf> {
    let yaml = matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    );
    let stem = if yaml {
        path.with_extension("")
    } else {
        path.to_path_buf()
    };
    if stem.file_name().is_none() {
        return Vec::new();
    }
    let same = |other: &Path| {
        std::fs::canonicalize(other)
            .is_ok_and(|o| std::fs::canonicalize(path).is_ok_and(|p| p == o))
    };
    let with = |extension: &str| {
        let mut name = stem.as_os_str().to_owned();
        name.push(extension);
        PathBuf::from(name)
    };
    [stem.clone(), with(".yaml"), with(".yml")]
        .into_iter()
        .filter(|other| {
            other != path
                && other.symlink_metadata().is_ok()
                && !same(other)
                && crate::load::is_draft(other)
        })
        .collect()
}
