//! Removing an output: only the file gongwen wrote, while it still holds
//! what was written, and never through a link. What `watch` does when a
//! draft is removed or renamed and its outputs are made by nothing any more.

use std::fmt;
use std::path::{Path, PathBuf};

use super::{Problem, WriteError, inside, not_a_file};
use crate::paths::shown;

/// Why a file was not removed.
#[derive(Debug)]
pub struct RemoveError {
    pub path: PathBuf,
    pub problem: Problem,
}

impl fmt::Display for RemoveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = shown(&self.path).to_string();
        let text = match &self.problem {
            Problem::Link(Some(target)) => crate::tr!(
                "remove-link-to",
                path = path,
                target = shown(target).to_string()
            ),
            Problem::Link(None) => crate::tr!("remove-link", path = path),
            Problem::OutsideOutput(target) => crate::tr!(
                "remove-outside-output",
                path = path,
                target = shown(target).to_string()
            ),
            Problem::NotAFile(what) => {
                crate::tr!("remove-not-a-file", path = path, what = what.name())
            }
            Problem::Io(e) => {
                crate::tr!("remove-io", path = path, error = crate::paths::io_error(e))
            }
            // Not met when removing.
            Problem::ReadOnly | Problem::Input(_) | Problem::LeadsOut(_) => {
                crate::tr!("remove-not-removed", path = path)
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for RemoveError {}

impl From<WriteError> for RemoveError {
    fn from(e: WriteError) -> Self {
        RemoveError {
            path: e.path,
            problem: e.problem,
        }
    }
}

/// What a file held, in brief: its length and a hash of its bytes, enough to
/// tell whether it was changed since. The hash is std's SipHash, the same
/// within one process, which is as long as a record of what `watch` wrote
/// lives (see [`remove_written`]); not a defence against someone making a
/// file collide on purpose, only against an edit by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Digest {
    len: u64,
    hash: u64,
}

impl Digest {
    /// The digest of `bytes`.
    pub fn of(bytes: &[u8]) -> Digest {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        bytes.hash(&mut hasher);
        Digest {
            len: bytes.len() as u64,
            hash: hasher.finish(),
        }
    }
}

/// What became of a file [`remove_written`] was asked to remove.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removal {
    Removed,
    /// It was not there any more.
    Gone,
    /// It no longer holds what was written (edited by hand since), so it was kept.
    Changed,
}

/// Removes `relative` below `root` only while it is the regular file gongwen
/// wrote there, holding what it wrote (`written`): never through a link (the
/// file, or a folder on the way that leads out of `root`), never a file
/// changed since it was written.
pub fn remove_written(
    root: &Path,
    relative: &Path,
    written: Digest,
) -> Result<Removal, RemoveError> {
    let path = inside(root, relative)?;
    let failed = |e: std::io::Error| RemoveError {
        path: path.clone(),
        problem: Problem::Io(e),
    };
    let meta = match std::fs::symlink_metadata(&path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Removal::Gone),
        Err(e) => return Err(failed(e)),
    };
    let problem = if meta.file_type().is_symlink() {
        Some(Problem::Link(std::fs::canonicalize(&path).ok()))
    } else {
        not_a_file(&meta).map(Problem::NotAFile)
    };
    if let Some(problem) = problem {
        return Err(RemoveError { path, problem });
    }
    if meta.len() != written.len {
        return Ok(Removal::Changed);
    }
    let bytes = std::fs::read(&path).map_err(failed)?;
    if Digest::of(&bytes) != written {
        return Ok(Removal::Changed);
    }
    std::fs::remove_file(&path).map_err(failed)?;
    Ok(Removal::Removed)
}

#[cfg(test)]
mod tests {
    use super::super::write_atomic;
    use super::*;

    #[test]
    fn only_a_file_still_as_written_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write_atomic(&out.join("doc/v1.md"), b"written").unwrap();
        write_atomic(&out.join("doc/v2.docx"), b"written").unwrap();
        let digest = Digest::of(b"written");
        std::fs::write(out.join("doc/v2.docx"), b"corrected by hand").unwrap();
        assert_eq!(
            remove_written(&out, Path::new("doc/v2.docx"), digest).unwrap(),
            Removal::Changed
        );
        assert!(out.join("doc/v2.docx").is_file());
        assert_eq!(
            remove_written(&out, Path::new("doc/v1.md"), digest).unwrap(),
            Removal::Removed
        );
        assert_eq!(
            remove_written(&out, Path::new("doc/v1.md"), digest).unwrap(),
            Removal::Gone
        );
    }

    #[cfg(unix)]
    #[test]
    fn nothing_is_removed_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let other = dir.path().join("other");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::create_dir_all(&other).unwrap();
        std::fs::write(other.join("v1.md"), b"written").unwrap();
        std::os::unix::fs::symlink(&other, out.join("doc")).unwrap();
        std::os::unix::fs::symlink(other.join("v1.md"), out.join("v1.md")).unwrap();
        let digest = Digest::of(b"written");
        for rel in ["doc/v1.md", "v1.md"] {
            assert!(
                remove_written(&out, Path::new(rel), digest).is_err(),
                "{rel}"
            );
        }
        assert!(other.join("v1.md").is_file());
    }
}
