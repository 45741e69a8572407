//! The files a draft is read from: each read only inside its project (the
//! rule of [`crate::paths`]), only as a regular file within
//! [`MAX_FILE_BYTES`]; the part files `include:` names, only inside the
//! draft file's own folder. Each refusal says what to do for the kind of
//! file it is.

use std::path::{Path, PathBuf};

use super::node::{Node, Pos};
use super::schema::{self, Includer, SourceFile};
use super::{MAX_FILE_BYTES, parse_file};
use crate::diagnostic::Diagnostic;
use crate::paths::{Confined, shown};

/// Reads a file of a project: refused, naming the link, when a link on the
/// way leads out of `confined`; else as [`read_regular`], with `help` for
/// what can go wrong there (and the advice for its `kind` when it is too large).
pub(super) fn read_confined(
    path: &Path,
    confined: &Confined,
    kind: Kind,
    help: &str,
) -> Result<Vec<u8>, Diagnostic> {
    confined
        .check(path)
        .map_err(|out| Diagnostic::error(path, 0, 0, out.message()).help(out.help()))?;
    read_file(path).map_err(|why| {
        let help = match why {
            ReadError::TooLarge(_) => kind.split_advice(),
            _ => help,
        };
        Diagnostic::error(path, 0, 0, why.to_string()).help(help)
    })
}

/// Reads a file that must be a regular file of at most [`MAX_FILE_BYTES`];
/// the error says what is wrong in the author's terms.
pub(crate) fn read_regular(path: &Path) -> Result<Vec<u8>, String> {
    read_file(path).map_err(|e| e.to_string())
}

/// Why a file was not read.
#[derive(Debug)]
enum ReadError {
    Missing,
    Folder,
    NotRegular,
    /// Larger than [`MAX_FILE_BYTES`]: this many bytes.
    TooLarge(u64),
    Io(std::io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Missing => f.write_str("no such file"),
            ReadError::Folder => f.write_str("this is a folder, not a file"),
            ReadError::NotRegular => {
                f.write_str("this is not a regular file (it is a FIFO, a device or a socket)")
            }
            ReadError::TooLarge(len) => write!(
                f,
                "the file is {} MB, more than the {} MB a draft file may have",
                len / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            ReadError::Io(e) => write!(f, "cannot read it: {e}"),
        }
    }
}

/// [`read_regular`], with the reason kept apart.
fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::Missing,
        _ => ReadError::Io(e),
    })?;
    if meta.is_dir() {
        return Err(ReadError::Folder);
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(meta.len()));
    }
    std::fs::read(path).map_err(ReadError::Io)
}

/// What a file is to the loader, for the advice its messages give: a file
/// too large is split differently, or not at all, by what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A draft file, or the `draft.yaml` of a draft folder.
    Draft,
    /// A part file a draft includes.
    Part,
    /// A comments file or the settings file.
    Other,
}

impl Kind {
    /// What to do about a file of this kind that is too large.
    pub(super) fn split_advice(self) -> &'static str {
        match self {
            Kind::Draft => {
                "split the draft into part files (a folder holding draft.yaml, whose `parts:` \
                 list `include:`s one file per part); the limits are in the README"
            }
            Kind::Part => {
                "split this part file: move some of its parts into a part file of their own, \
                 `include:`d from draft.yaml; a single part that large must be divided in its \
                 text; the limits are in the README"
            }
            Kind::Other => "the limits are in the README",
        }
    }

    /// What to do about a file of this kind that holds nothing.
    pub(super) fn empty_advice(self) -> &'static str {
        match self {
            Kind::Draft => {
                "a draft starts with `title: <the document's title>`; see the README for a \
                 complete example"
            }
            Kind::Part => {
                "a part file holds a part (`heading:` and `text:`, or `parts:`); write it, or \
                 remove the `include:` that names this file"
            }
            Kind::Other => {
                "delete the file, or write what it holds: a comments file starts with \
                 `comments:` and a list of comments"
            }
        }
    }
}

/// Resolves `include:` entries against the file system: only regular YAML
/// files inside the draft's own folder (links followed only when they stay
/// inside it: the rule of [`crate::paths`], with the draft file's folder as
/// the folder), refusing cycles.
pub(super) struct FileIncluder {
    /// The draft file's folder.
    pub(super) folder: Confined,
    pub(super) stack: Vec<PathBuf>,
    /// Every file read, the draft file first.
    pub(super) read: Vec<PathBuf>,
}

impl Includer for FileIncluder {
    fn include(
        &mut self,
        from: &SourceFile,
        target: &str,
        pos: Pos,
    ) -> Result<(SourceFile, Node), Vec<Diagnostic>> {
        let err = |message: String, help: String| {
            vec![
                Diagnostic::error(&from.path, pos.line, pos.column, message)
                    .help(help)
                    .with_source(&from.text),
            ]
        };
        let within = "a draft includes only part files inside its own folder, named relative to \
                      it (01-part.yaml, parts/02.yaml)";
        let target_path = Path::new(target);
        if target_path.is_absolute() || target.starts_with(['/', '\\']) {
            return Err(err(
                format!("`{target}` is an absolute path"),
                within.to_string(),
            ));
        }
        if !matches!(
            target_path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        ) {
            return Err(err(
                format!("`{target}` is not a YAML part file"),
                "include names a part file ending in .yaml".to_string(),
            ));
        }
        let path = schema::include_path(&from.path, target);
        if std::fs::metadata(&path).is_err() {
            return Err(err(
                format!("the included file `{target}` does not exist"),
                format!(
                    "create {} or correct the name (it is relative to this file's folder)",
                    shown(&path)
                ),
            ));
        }
        if let Err(out) = self.folder.check(&path) {
            let how = match &out.link {
                Some(link) => format!(
                    " (through the link {}, which leads to {})",
                    shown(link.strip_prefix(self.folder.folder()).unwrap_or(link)),
                    shown(&out.target)
                ),
                None => String::new(),
            };
            return Err(err(
                format!("`{target}` is outside the draft's folder{how}"),
                format!("{within}; copy the part file into the folder instead of linking to it"),
            ));
        }
        if self.stack.contains(&path) {
            return Err(err(
                format!("`{target}` includes itself"),
                "a part file cannot include the draft that includes it".to_string(),
            ));
        }
        let bytes = read_file(&path).map_err(|why| {
            let help = match why {
                ReadError::TooLarge(_) => Kind::Part.split_advice(),
                _ => within,
            };
            err(
                format!("cannot include `{target}`: {why}"),
                help.to_string(),
            )
        })?;
        self.read.push(path.clone());
        self.stack.push(path.clone());
        let parsed = parse_file(&path, &bytes, Kind::Part);
        self.stack.pop();
        parsed
    }
}
