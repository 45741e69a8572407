//! Why a file was not written: the error of [`super`]'s writes, said in the
//! user's language, and what a path names when it is not a regular file.

use std::fmt;
use std::fs::Metadata;
use std::path::{Path, PathBuf};

use crate::paths::shown;

/// Why a file was not written.
#[derive(Debug)]
pub struct WriteError {
    pub path: PathBuf,
    pub problem: Problem,
}

/// What stood in the way.
#[derive(Debug)]
pub enum Problem {
    /// Something other than a regular file (or a link) is where the output goes.
    NotAFile(FileKind),
    /// A symbolic link is where the output goes; it leads here (`None`:
    /// nowhere that exists).
    Link(Option<PathBuf>),
    /// The file there is read-only.
    ReadOnly,
    /// A link in the way leads outside the output folder.
    OutsideOutput(PathBuf),
    /// The file there is one the command reads (this one, reached so).
    Input(PathBuf),
    /// A link on the way leads out of the folder the command works in.
    LeadsOut(crate::paths::LeadsOut),
    /// The operating system refused.
    Io(std::io::Error),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = shown(&self.path);
        match &self.problem {
            Problem::NotAFile(what) => f.write_str(&crate::tr!(
                "write-not-a-file",
                path = path.to_string(),
                what = what.name()
            )),
            Problem::Link(Some(target)) => f.write_str(&crate::tr!(
                "write-link-to",
                path = path.to_string(),
                target = shown(target).to_string()
            )),
            Problem::Link(None) => f.write_str(&crate::tr!("write-link", path = path.to_string())),
            Problem::ReadOnly => {
                f.write_str(&crate::tr!("write-read-only", path = path.to_string()))
            }
            Problem::OutsideOutput(target) => f.write_str(&crate::tr!(
                "write-outside-output",
                path = path.to_string(),
                target = shown(target).to_string()
            )),
            Problem::Input(input) if input == &self.path => {
                f.write_str(&crate::tr!("write-is-input", path = path.to_string()))
            }
            Problem::Input(input) => f.write_str(&crate::tr!(
                "write-leads-to-input",
                path = path.to_string(),
                input = shown(input).to_string()
            )),
            Problem::LeadsOut(out) => f.write_str(&crate::tr!(
                "write-leads-out",
                path = path.to_string(),
                what = out.what()
            )),
            Problem::Io(e) => f.write_str(&crate::tr!(
                "write-io",
                path = path.to_string(),
                error = crate::paths::io_error(e)
            )),
        }
    }
}

impl std::error::Error for WriteError {}

pub(super) fn io_error(path: &Path) -> impl Fn(std::io::Error) -> WriteError + '_ {
    move |e| WriteError {
        path: path.to_path_buf(),
        problem: Problem::Io(e),
    }
}

/// What a path names when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Link,
    Folder,
    Fifo,
    Device,
    Socket,
    Other,
}

impl FileKind {
    /// The kind in words, in the current language.
    pub fn name(self) -> String {
        match self {
            FileKind::Link => crate::tr!("file-kind-link"),
            FileKind::Folder => crate::tr!("file-kind-folder"),
            FileKind::Fifo => crate::tr!("file-kind-fifo"),
            FileKind::Device => crate::tr!("file-kind-device"),
            FileKind::Socket => crate::tr!("file-kind-socket"),
            FileKind::Other => crate::tr!("file-kind-other"),
        }
    }
}

/// What a path names, when it is not a regular file.
pub(super) fn not_a_file(meta: &Metadata) -> Option<FileKind> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_symlink() {
        return Some(FileKind::Link);
    }
    if t.is_dir() {
        return Some(FileKind::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some(FileKind::Fifo);
        }
        if t.is_char_device() || t.is_block_device() {
            return Some(FileKind::Device);
        }
        if t.is_socket() {
            return Some(FileKind::Socket);
        }
    }
    Some(FileKind::Other)
}
