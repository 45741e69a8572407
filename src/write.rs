//! Writing files safely: the writing half of gongwen's path policy
//! ([`crate::paths`] is the reading half). An output appears whole or not at
//! all (written to a locked temporary file beside its destination, then
//! renamed over it); only a regular file is ever replaced, never a link,
//! folder, FIFO or device that happens to sit where an output goes; nothing
//! is written or removed through a link; a read-only file is left alone; a
//! file the command reads is never written over ([`not_an_input`]); a file
//! is removed only while it still holds what gongwen wrote
//! ([`remove_written`]). A new file gets the permissions the user's umask
//! gives, a replaced one keeps its own. Temporary files a killed run left
//! behind are removed by the next write into the same folder.

use std::collections::HashSet;
use std::fs::{File, Metadata, Permissions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, SystemTime};

mod error;
mod remove;
pub use error::{FileKind, Problem, WriteError};
use error::{io_error, not_a_file};
pub use remove::{Digest, Removal, RemoveError, remove_written};

/// Prefix of every temporary file or folder gongwen creates.
pub const TEMP_PREFIX: &str = ".gongwen-";
/// Suffix of temporary files (and of staging folders).
pub const TEMP_SUFFIX: &str = ".tmp";
/// The lock file inside a staging folder while it is being filled.
const STAGING_LOCK: &str = ".gongwen-lock";
/// A temporary file younger than this is never taken for a leftover, even
/// unlocked: it may be one another run has created and not yet locked.
const STALE_AFTER: Duration = Duration::from_secs(10);

/// Writes `bytes` to `path`, a file of the author's (a draft, a comments
/// file) or an output inside a folder gongwen writes into: creates parent
/// folders, and replaces the file only if it is a regular, writable file.
/// Nothing else there (a link, a folder, a FIFO, a device) is touched. The
/// new text is on the disk before it takes the old one's place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_checked(path, bytes, Durable::Synced)
}

/// Writes an output that a build makes again at will (HTML, PDF, a
/// redline …) as [`write_atomic`] does, without waiting for the disk: no
/// reader sees a half-written file, since it still takes the old one's
/// place whole, but a power cut in the next seconds may leave it to be
/// built again. Waiting was a tenth of the Civil Code's HTML build.
pub fn write_built(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_checked(path, bytes, Durable::Rebuildable)
}

/// Whether a written file must be on the disk before the command goes on.
#[derive(Clone, Copy, PartialEq)]
enum Durable {
    Synced,
    Rebuildable,
}

fn write_checked(path: &Path, bytes: &[u8], durable: Durable) -> Result<(), WriteError> {
    let existing = match std::fs::symlink_metadata(path) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_error(path)(e)),
    };
    if let Some(meta) = &existing {
        if meta.file_type().is_symlink() {
            return Err(WriteError {
                path: path.to_path_buf(),
                problem: Problem::Link(std::fs::canonicalize(path).ok()),
            });
        }
        if let Some(what) = not_a_file(meta) {
            return Err(WriteError {
                path: path.to_path_buf(),
                problem: Problem::NotAFile(what),
            });
        }
        if meta.permissions().readonly() {
            return Err(WriteError {
                path: path.to_path_buf(),
                problem: Problem::ReadOnly,
            });
        }
    }
    replace(path, bytes, existing.map(|m| m.permissions()), durable)
}

/// Writes `bytes` to a file the user named on the command line (`--out`). A
/// symbolic link is followed, so its target is what gets written; a FIFO or a
/// character device (`/dev/stdout`, a pipe another program reads) is written
/// into directly, as a stream; a regular file is replaced atomically.
pub fn write_named(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let target = match std::fs::canonicalize(path) {
        Ok(target) => target,
        // A link whose target does not exist yet: create the target.
        Err(_) => match std::fs::read_link(path) {
            Ok(link) => path.parent().unwrap_or(Path::new(".")).join(link),
            Err(_) => path.to_path_buf(),
        },
    };
    match std::fs::metadata(&target) {
        #[cfg(unix)]
        Ok(meta) if is_stream(&meta) => {
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(io_error(path))?;
            file.write_all(bytes).map_err(io_error(path))?;
            file.flush().map_err(io_error(path))
        }
        _ => write_atomic(&target, bytes),
    }
}

/// Refuses `path` as an output when it is, as the file system resolves it
/// (through links too), one of `inputs`: the files the command reads. A
/// path that does not exist yet, or a stream, is no input.
pub fn not_an_input(path: &Path, inputs: &[PathBuf]) -> Result<(), WriteError> {
    let Ok(target) = std::fs::canonicalize(path) else {
        return Ok(());
    };
    let clash = inputs
        .iter()
        .find(|input| std::fs::canonicalize(input).is_ok_and(|real| real == target));
    match clash {
        Some(input) => Err(WriteError {
            path: path.to_path_buf(),
            problem: Problem::Input(input.clone()),
        }),
        None => Ok(()),
    }
}

#[cfg(unix)]
fn is_stream(meta: &Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_fifo() || meta.file_type().is_char_device()
}

/// Checks that writing `relative` below `root` stays below `root`: no folder
/// on the way is a link that leads elsewhere. Returns the full path.
pub fn inside(root: &Path, relative: &Path) -> Result<PathBuf, WriteError> {
    let path = root.join(relative);
    let Ok(root_real) = std::fs::canonicalize(root) else {
        // The output folder does not exist yet: nothing below it can be a link.
        return Ok(path);
    };
    let mut folder = root.to_path_buf();
    let mut parents: Vec<_> = relative.components().collect();
    parents.pop();
    for component in parents {
        folder.push(component);
        match std::fs::canonicalize(&folder) {
            Ok(real) if !real.starts_with(&root_real) => {
                return Err(WriteError {
                    path: path.clone(),
                    problem: Problem::OutsideOutput(real),
                });
            }
            Ok(_) => {}
            // Not there yet: it will be created as a plain folder.
            Err(_) => break,
        }
    }
    Ok(path)
}

/// The folder a file is written in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes through a locked temporary file in the same folder and renames it
/// over `path`, with `keep` as its permissions (else the umask's).
fn replace(
    path: &Path,
    bytes: &[u8],
    keep: Option<Permissions>,
    durable: Durable,
) -> Result<(), WriteError> {
    let folder = folder_of(path);
    std::fs::create_dir_all(folder).map_err(io_error(path))?;
    remove_leftovers(folder);
    let mut tmp = temp_builder().tempfile_in(folder).map_err(io_error(path))?;
    // The lock tells a later run this file is in use, not left behind.
    let _ = tmp.as_file().try_lock();
    if let Some(permissions) = keep {
        tmp.as_file()
            .set_permissions(permissions)
            .map_err(io_error(path))?;
    }
    tmp.write_all(bytes).map_err(io_error(path))?;
    if durable == Durable::Synced {
        tmp.as_file().sync_all().map_err(io_error(path))?;
    }
    tmp.persist(path).map_err(|e| io_error(path)(e.error))?;
    Ok(())
}

/// A temporary file's name and creation mode: readable as a new file would be
/// (0666 less the umask), not tempfile's private 0600.
fn temp_builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(Permissions::from_mode(0o666));
    }
    builder
}

/// A folder being filled beside its destination, then renamed into place
/// (see [`Staging::finish`]). Removed if dropped unfinished; a staging
/// folder a killed run left behind is removed by the next write there.
pub struct Staging {
    dir: Option<tempfile::TempDir>,
    lock: Option<File>,
}

impl Staging {
    /// A new, empty staging folder in `folder`.
    pub fn new_in(folder: &Path) -> std::io::Result<Staging> {
        std::fs::create_dir_all(folder)?;
        remove_leftovers(folder);
        let dir = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .tempdir_in(folder)?;
        let lock = File::create(dir.path().join(STAGING_LOCK))?;
        let _ = lock.try_lock();
        Ok(Staging {
            dir: Some(dir),
            lock: Some(lock),
        })
    }

    /// Where to put the files.
    pub fn path(&self) -> &Path {
        self.dir.as_ref().map_or(Path::new(""), |d| d.path())
    }

    /// Moves the folder to `dest`. If `dest` exists it is replaced: it is moved
    /// aside first and put back if the move in fails, so no state leaves
    /// neither the old nor the new folder in place.
    pub fn finish(mut self, dest: &Path) -> std::io::Result<()> {
        let Some(dir) = self.dir.take() else {
            return Ok(());
        };
        drop(self.lock.take());
        std::fs::remove_file(dir.path().join(STAGING_LOCK))?;
        let staged = dir.keep();
        let moved = Staging::swap(&staged, dest);
        if moved.is_err() {
            // Whatever failed, the staged copy is not left behind.
            let _ = std::fs::remove_dir_all(&staged);
        }
        moved
    }

    /// Moves `staged` to `dest`, an existing `dest` moved aside first and
    /// put back if the move in fails.
    fn swap(staged: &Path, dest: &Path) -> std::io::Result<()> {
        let aside = if dest.symlink_metadata().is_ok() {
            // A unique name: made as an empty folder, which rename needs gone.
            let aside = tempfile::Builder::new()
                .prefix(TEMP_PREFIX)
                .suffix(TEMP_SUFFIX)
                .tempdir_in(folder_of(dest))?
                .keep();
            std::fs::remove_dir(&aside)?;
            std::fs::rename(dest, &aside)?;
            Some(aside)
        } else {
            None
        };
        if let Err(e) = std::fs::rename(staged, dest) {
            if let Some(aside) = &aside {
                let _ = std::fs::rename(aside, dest);
            }
            return Err(e);
        }
        if let Some(aside) = aside {
            // The old draft, replaced; if it cannot go now, the next write
            // into this folder clears it as a leftover.
            let _ = std::fs::remove_dir_all(aside);
        }
        Ok(())
    }
}

/// Folders already cleared of leftovers in this process.
static CLEARED: LazyLock<Mutex<HashSet<PathBuf>>> = LazyLock::new(Default::default);

/// Removes temporary files and staging folders that an earlier, killed run
/// left in `folder`: those no process holds locked, older than [`STALE_AFTER`].
/// Once per folder per process; failures are ignored (a leftover stays).
pub fn remove_leftovers(folder: &Path) {
    let key = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    if let Ok(mut cleared) = CLEARED.lock()
        && !cleared.insert(key)
    {
        return;
    }
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if !old {
            continue;
        }
        let path = entry.path();
        if meta.is_file() {
            if unlocked(&path) {
                let _ = std::fs::remove_file(&path);
            }
        } else if meta.is_dir() {
            let lock = path.join(STAGING_LOCK);
            if !lock.exists() || unlocked(&lock) {
                let _ = std::fs::remove_dir_all(&path);
            }
        }
    }
}

/// Whether no process holds a lock on the file.
fn unlocked(path: &Path) -> bool {
    match File::open(path) {
        Ok(file) => file.try_lock().is_ok(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_creates_folders_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/out.md");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(names(&dir.path().join("a/b")), ["out.md"]);
        // An output built again: replaced the same way, and a link in the
        // way refused the same way.
        write_built(&path, b"three").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
        assert_eq!(names(&dir.path().join("a/b")), ["out.md"]);
        #[cfg(unix)]
        {
            let link = dir.path().join("a/b/link.md");
            std::os::unix::fs::symlink(&path, &link).unwrap();
            assert!(matches!(
                write_built(&link, b"x").unwrap_err().problem,
                Problem::Link(_)
            ));
            assert_eq!(std::fs::read(&path).unwrap(), b"three");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_folder_or_fifo_in_the_way_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.txt");
        std::fs::write(&target, "mine").unwrap();
        let link = dir.path().join("out.md");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let err = write_atomic(&link, b"x").unwrap_err();
        assert!(matches!(err.problem, Problem::Link(Some(_))), "{err}");
        assert!(
            err.to_string().contains("target.txt"),
            "names where it leads: {err}"
        );
        assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "mine");
        std::fs::create_dir(dir.path().join("d.md")).unwrap();
        let err = write_atomic(&dir.path().join("d.md"), b"x").unwrap_err();
        assert!(err.to_string().contains("it is a folder"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_named_link_is_followed_and_its_target_written() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.txt");
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("out.json");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_named(&link, b"new").unwrap();
        assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn permissions_follow_the_umask_for_new_files_and_stay_for_old_ones() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| p.metadata().unwrap().permissions().mode() & 0o777;
        // A file any program creates here gets 0666 less the umask.
        let plain = dir.path().join("plain.md");
        File::create(&plain).unwrap();
        let new = dir.path().join("new.md");
        write_atomic(&new, b"x").unwrap();
        assert_eq!(mode(&new), mode(&plain));
        let old = dir.path().join("old.md");
        std::fs::write(&old, "x").unwrap();
        std::fs::set_permissions(&old, Permissions::from_mode(0o640)).unwrap();
        write_atomic(&old, b"y").unwrap();
        assert_eq!(mode(&old), 0o640);
    }

    #[test]
    fn a_read_only_file_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kept.md");
        std::fs::write(&path, "kept").unwrap();
        let mut permissions = path.metadata().unwrap().permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(&path, permissions).unwrap();
        let err = write_atomic(&path, b"x").unwrap_err();
        assert!(matches!(err.problem, Problem::ReadOnly), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "kept");
    }

    #[test]
    fn unlocked_old_leftovers_go_and_locked_ones_stay() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".gongwen-dead.tmp");
        std::fs::write(&stale, "half a pdf").unwrap();
        let busy = dir.path().join(".gongwen-busy.tmp");
        let held = File::create(&busy).unwrap();
        held.lock().unwrap();
        let staged = dir.path().join(".gongwen-dir.tmp");
        std::fs::create_dir(&staged).unwrap();
        std::fs::write(staged.join("01.yaml"), "x").unwrap();
        let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
        for p in [&stale, &busy, &staged] {
            File::open(p).unwrap().set_modified(an_hour_ago).unwrap();
        }
        std::fs::write(dir.path().join("keep.md"), "x").unwrap();
        write_atomic(&dir.path().join("out.md"), b"x").unwrap();
        assert_eq!(
            names(dir.path()),
            [".gongwen-busy.tmp", "keep.md", "out.md"]
        );
        drop(held);
    }

    #[test]
    fn staging_replaces_a_folder_whole() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("v1");
        std::fs::create_dir(&dest).unwrap();
        std::fs::write(dest.join("old.yaml"), "old").unwrap();
        let staging = Staging::new_in(dir.path()).unwrap();
        std::fs::write(staging.path().join("draft.yaml"), "new").unwrap();
        staging.finish(&dest).unwrap();
        assert_eq!(names(&dest), ["draft.yaml"]);
        assert_eq!(names(dir.path()), ["v1"]);
    }

    #[test]
    fn a_failed_swap_leaves_no_staging_folder() {
        let dir = tempfile::tempdir().unwrap();
        let staging = Staging::new_in(dir.path()).unwrap();
        std::fs::write(staging.path().join("draft.yaml"), "new").unwrap();
        // `.` cannot be renamed: the system says it is busy.
        assert!(staging.finish(&dir.path().join(".")).is_err());
        assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
    }

    #[test]
    fn an_input_is_no_output() {
        let dir = tempfile::tempdir().unwrap();
        let draft = dir.path().join("v2.yaml");
        std::fs::write(&draft, "title: x\n").unwrap();
        let inputs = [draft.clone()];
        let err = not_an_input(&dir.path().join("./v2.yaml"), &inputs).unwrap_err();
        assert!(matches!(err.problem, Problem::Input(_)), "{err}");
        assert!(not_an_input(&dir.path().join("new.md"), &inputs).is_ok());
    }

    #[test]
    fn an_unfinished_staging_folder_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        {
            let staging = Staging::new_in(dir.path()).unwrap();
            std::fs::write(staging.path().join("draft.yaml"), "new").unwrap();
        }
        assert!(names(dir.path()).is_empty());
    }
}
