//! `gongwen new`: a first draft of a kind of document (通知, 实施方案, 意见,
//! 办法) that checks and builds as it is written: the metadata keys, each
//! with its meaning in a comment, and the skeleton of parts typical of the
//! kind, the text to replace marked plainly. Written as one file, or as a
//! document folder holding `v1.yaml` (the first of the drafts `diff` later
//! compares); never over anything that exists.

mod kinds;
mod yaml;

pub use kinds::Kind;

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::model::Date;
use crate::paths::shown;
use crate::save::KeyForm;
use crate::save::modeline::{SchemaKind, modeline};
use crate::write::{TEMP_PREFIX, TEMP_SUFFIX};

/// The name of the first draft in a document folder `gongwen new` makes.
pub const FIRST_DRAFT: &str = "v1.yaml";

/// The text of a first draft of `kind`, its keys in `form`, dated `today`.
pub fn draft_text(kind: Kind, form: KeyForm, today: Date) -> String {
    yaml::draft(kind, form, today)
}

/// The file a draft at `path` is written to: `path` itself when it names a
/// YAML file, else `v1.yaml` in the document folder `path`.
pub fn draft_file(path: &Path) -> PathBuf {
    if is_yaml_file(path) {
        path.to_path_buf()
    } else {
        path.join(FIRST_DRAFT)
    }
}

fn is_yaml_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// Why no draft was written.
#[derive(Debug)]
pub enum NewError {
    /// Something (a file, a folder, a link) is already at the path.
    Exists(PathBuf),
    /// The operating system refused to create the folder or the file.
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for NewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NewError::Exists(path) => {
                f.write_str(&crate::tr!("new-exists", path = shown(path).to_string()))
            }
            NewError::Io(path, e) => {
                use std::io::ErrorKind;
                // The reasons a drafting officer meets, said in their words;
                // any other as the operating system puts it.
                let reason = match e.kind() {
                    ErrorKind::PermissionDenied => crate::tr!("new-no-permission"),
                    ErrorKind::ReadOnlyFilesystem => crate::tr!("new-read-only"),
                    ErrorKind::StorageFull => crate::tr!("new-disk-full"),
                    _ => e.to_string(),
                };
                f.write_str(&crate::tr!(
                    "new-cannot-write",
                    path = shown(path).to_string(),
                    reason = reason
                ))
            }
        }
    }
}

impl std::error::Error for NewError {}

/// Writes a first draft of `kind` at `path` (see [`draft_file`]) and returns
/// the file written. Nothing that exists is written over, not even an empty
/// folder: the folder is created by this call or not at all, and the file
/// appears whole (written beside it, then linked into place only if its name
/// is still free).
pub fn create(path: &Path, kind: Kind, form: KeyForm, today: Date) -> Result<PathBuf, NewError> {
    if path.symlink_metadata().is_ok() {
        return Err(NewError::Exists(path.to_path_buf()));
    }
    let file = draft_file(path);
    let io = |at: &Path| {
        let at = at.to_path_buf();
        move |e: std::io::Error| match e.kind() {
            std::io::ErrorKind::AlreadyExists => NewError::Exists(at),
            _ => NewError::Io(at, e),
        }
    };
    let made_folder = file != path;
    // The folder the new file or folder goes in (drafts/) may not exist yet.
    let within = if made_folder { path } else { &file };
    if let Some(parent) = within.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    if made_folder {
        std::fs::create_dir(path).map_err(io(path))?;
    }
    let mut text = draft_text(kind, form, today);
    if let Some(line) = modeline(&file, SchemaKind::Draft) {
        text.insert_str(0, &line);
    }
    let written = write_new(&file, text.as_bytes()).map_err(io(&file));
    if written.is_err() && made_folder {
        // The folder was made by this call and holds nothing: take it back.
        let _ = std::fs::remove_dir(path);
    }
    written.map(|()| file)
}

/// Writes `bytes` to a new file at `path`, failing with `AlreadyExists` if
/// anything is there by the time it is ready.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    // The permissions a file the user made gets (the umask applies), not a
    // temporary file's owner-only ones.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(folder)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist_noclobber(path).map(drop).map_err(|e| e.error)
}

/// Today's date (UTC), for the draft's 成文日期.
pub fn today() -> Date {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    let (y, m, d) = Date::civil_from_days(days);
    Date::new(y as u16, m, d).unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error, ErrorKind};

    #[test]
    fn why_a_draft_was_not_written_is_said_in_the_users_words() {
        let path = PathBuf::from("drafts/doc/v1.yaml");
        let said = |kind| NewError::Io(path.clone(), Error::from(kind)).to_string();
        assert_eq!(
            said(ErrorKind::PermissionDenied),
            "cannot write drafts/doc/v1.yaml: you may not write in that folder; \
             choose a folder of your own"
        );
        assert!(said(ErrorKind::StorageFull).ends_with(": the disk is full"));
        assert!(said(ErrorKind::ReadOnlyFilesystem).ends_with(": the disk is read-only"));
        let zh = crate::i18n::text_in(
            crate::i18n::Lang::Zh,
            "new-cannot-write",
            &[
                ("path", "drafts/doc/v1.yaml".into()),
                (
                    "reason",
                    crate::i18n::text_in(crate::i18n::Lang::Zh, "new-disk-full", &[]).into(),
                ),
            ],
        );
        assert_eq!(zh, "无法写入 `drafts/doc/v1.yaml`：磁盘已满");
    }
}
