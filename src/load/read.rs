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
            _ => help.to_string(),
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
            ReadError::Missing => f.write_str(&crate::tr!("load-read-missing")),
            ReadError::Folder => f.write_str(&crate::tr!("load-read-folder")),
            ReadError::NotRegular => f.write_str(&crate::tr!("load-read-not-regular")),
            ReadError::TooLarge(len) => f.write_str(&crate::tr!(
                "load-read-too-large",
                // Rounded up: a file just over the limit is not "32 MB, more than 32 MB".
                size = len.div_ceil(1024 * 1024),
                most = MAX_FILE_BYTES / (1024 * 1024)
            )),
            ReadError::Io(e) => f.write_str(&crate::tr!("load-read-io", why = e.to_string())),
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
    pub(super) fn split_advice(self) -> String {
        match self {
            Kind::Draft => crate::tr!("load-split-draft"),
            Kind::Part => crate::tr!("load-split-part"),
            Kind::Other => crate::tr!("load-split-other"),
        }
    }

    /// What to do about a file of this kind that holds nothing.
    pub(super) fn empty_advice(self) -> String {
        match self {
            Kind::Draft => crate::tr!("load-empty-draft-help"),
            Kind::Part => crate::tr!("load-empty-part-file-help"),
            Kind::Other => crate::tr!("load-empty-comments-help"),
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
        let within = crate::tr!("load-include-within");
        let target_path = Path::new(target);
        if target_path.is_absolute() || target.starts_with(['/', '\\']) {
            return Err(err(
                crate::tr!("load-include-absolute", target = target),
                within,
            ));
        }
        if !matches!(
            target_path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        ) {
            return Err(err(
                crate::tr!("load-include-not-yaml", target = target),
                crate::tr!("load-include-not-yaml-help"),
            ));
        }
        let path = schema::include_path(&from.path, target);
        if std::fs::metadata(&path).is_err() {
            return Err(err(
                crate::tr!("load-include-missing", target = target),
                crate::tr!("load-include-missing-help", path = shown(&path).to_string()),
            ));
        }
        if let Err(out) = self.folder.check(&path) {
            let message = match &out.link {
                Some(link) => crate::tr!(
                    "load-include-outside-link",
                    target = target,
                    link =
                        shown(link.strip_prefix(self.folder.folder()).unwrap_or(link)).to_string(),
                    leads = shown(&out.target).to_string()
                ),
                None => crate::tr!("load-include-outside", target = target),
            };
            return Err(err(
                message,
                crate::tr!("load-include-outside-help", within = within),
            ));
        }
        if self.stack.contains(&path) {
            return Err(err(
                crate::tr!("load-include-itself", target = target),
                crate::tr!("load-include-itself-help"),
            ));
        }
        let bytes = read_file(&path).map_err(|why| {
            let help = match why {
                ReadError::TooLarge(_) => Kind::Part.split_advice(),
                _ => within.clone(),
            };
            err(
                crate::tr!(
                    "load-include-unread",
                    target = target,
                    why = why.to_string()
                ),
                help,
            )
        })?;
        self.read.push(path.clone());
        self.stack.push(path.clone());
        let parsed = parse_file(&path, &bytes, Kind::Part);
        self.stack.pop();
        parsed
    }
}
