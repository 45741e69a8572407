//! Where gongwen may read, and how it shows a path: the reading half of its
//! path policy ([`crate::write`] is the writing half).
//!
//! **Reading.** A project someone sent can hold symbolic links, and links
//! survive a copy, a `git clone` or an archive. One that leads out of the
//! project would let `check` print, `serve` show or `build` copy any file the
//! user can read. So every file gongwen reads on a project's behalf — a draft,
//! its part files, a draft folder, a comments file, the settings file, a
//! template override, a face from a font folder — is read only when no link
//! on the way to it leads out of the folder it belongs to, its [`Confined`]:
//!
//! - a draft, and its comments file: the nearest folder named `drafts` at or
//!   above it, else the folder the draft is in ([`Confined::project_of_draft`]);
//! - a folder named on the command line (`gongwen build copy/`): the nearest
//!   `drafts` folder at or above it, else that folder
//!   ([`Confined::project_of_folder`]);
//! - a part file a draft includes: the draft file's own folder;
//! - a template override: the templates folder; a face: its font folder; the
//!   settings file `.gongwen.yaml`: the folder it is in.
//!
//! That folder may itself be reached through links (`/home/me/work` →
//! `/data/work`, a `drafts` that links to a shared drive): only a link inside
//! it that leads out of it is refused, with where it leads and what to do.
//!
//! **Showing.** A file name may hold anything but `/` and NUL: an escape that
//! colours or clears the terminal, a bidi control that reverses the line, a
//! line break that forges a line of its own. Every path gongwen prints goes
//! through [`shown`], which writes such characters as `<U+001B>`, the way
//! messages show them in author text.

use std::fmt;
use std::path::{Component, Path, PathBuf};

use crate::chars;

/// A folder that reading stays inside: nothing is read through a link that
/// leads out of it.
#[derive(Debug, Clone)]
pub struct Confined {
    /// The folder, absolute, with `.` and `..` taken lexically.
    folder: PathBuf,
    /// The folder as the file system resolves it, once asked (`None`: it
    /// does not exist). A draft of thousands of part files checks each
    /// against it.
    real: std::sync::OnceLock<Option<PathBuf>>,
}

impl Confined {
    /// Reading confined to `folder` itself (which may be reached through links).
    pub fn to(folder: &Path) -> Confined {
        Confined::new(absolute(folder))
    }

    /// The project of a draft (file, or folder holding `draft.yaml`: the
    /// folder, not its `draft.yaml`) or of its comments file: the nearest
    /// folder named `drafts` at or above it, else the folder it is in.
    pub fn project_of_draft(path: &Path) -> Confined {
        let location = absolute(path);
        let holder = location.parent().unwrap_or(&location);
        Confined::new(drafts_at_or_above(holder).unwrap_or(holder).to_path_buf())
    }

    /// The project of a folder named on the command line: the nearest folder
    /// named `drafts` at or above it, else that folder.
    pub fn project_of_folder(path: &Path) -> Confined {
        let folder = absolute(path);
        Confined::new(
            drafts_at_or_above(&folder)
                .map(Path::to_path_buf)
                .unwrap_or(folder),
        )
    }

    fn new(folder: PathBuf) -> Confined {
        Confined {
            folder,
            real: std::sync::OnceLock::new(),
        }
    }

    /// The folder reading stays inside.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Whether `path` may be read: `Ok` when it is inside the folder as the
    /// file system resolves it (or does not exist: reading it will say so),
    /// else the link that leads out and where.
    pub fn check(&self, path: &Path) -> Result<(), LeadsOut> {
        let real_folder = self
            .real
            .get_or_init(|| std::fs::canonicalize(&self.folder).ok());
        let Some(real_folder) = real_folder else {
            // No folder, so nothing inside it to read.
            return Ok(());
        };
        let Ok(real) = std::fs::canonicalize(path) else {
            return Ok(());
        };
        if real.starts_with(real_folder) {
            return Ok(());
        }
        let outside =
            |p: &Path| std::fs::canonicalize(p).is_ok_and(|r| !r.starts_with(real_folder));
        // The first link below the folder whose target is outside it.
        let link = absolute(path)
            .strip_prefix(&self.folder)
            .ok()
            .and_then(|rest| {
                let mut at = self.folder.clone();
                rest.components().find_map(|c| {
                    at.push(c);
                    let is_link = at
                        .symlink_metadata()
                        .is_ok_and(|m| m.file_type().is_symlink());
                    (is_link && outside(&at)).then(|| for_people(&at))
                })
            });
        let target = link
            .as_deref()
            .and_then(|l| std::fs::canonicalize(l).ok())
            .unwrap_or(real);
        Err(LeadsOut {
            path: path.to_path_buf(),
            link,
            target,
            folder: self.folder.clone(),
        })
    }
}

/// A file that is reached through a link leading out of the folder it is
/// read in (or named with `..` out of it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeadsOut {
    /// The path that was to be read.
    pub path: PathBuf,
    /// The link on the way that leads out (relative to the working folder
    /// when below it); `None` when no link does (the path climbs out with `..`).
    pub link: Option<PathBuf>,
    /// Where it leads, resolved.
    pub target: PathBuf,
    /// The folder it leads out of.
    pub folder: PathBuf,
}

impl LeadsOut {
    /// What is wrong, for a message about reading `path`.
    pub fn message(&self) -> String {
        match self.link {
            Some(_) => crate::tr!("paths-link-leads-out", what = self.what()),
            None => crate::tr!("paths-outside", what = self.what()),
        }
    }

    /// The link and where it leads (or where the path is), outside which
    /// folder, for a message about `path`.
    pub fn what(&self) -> String {
        let target = shown(&self.target).to_string();
        let folder = shown(&for_people(&self.folder)).to_string();
        match &self.link {
            Some(link) if absolute(link) == absolute(&self.path) => {
                crate::tr!("paths-is-link-to", target = target, folder = folder)
            }
            Some(link) => crate::tr!(
                "paths-link-to",
                link = shown(link).to_string(),
                target = target,
                folder = folder
            ),
            None => crate::tr!("paths-is-outside", target = target, folder = folder),
        }
    }

    /// What to do about it.
    pub fn help(&self) -> String {
        crate::tr!(
            "paths-leads-out-help",
            folder = shown(&for_people(&self.folder)).to_string()
        )
    }
}

impl fmt::Display for LeadsOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message(), self.help())
    }
}

impl std::error::Error for LeadsOut {}

/// What the operating system said, in the current language: the common
/// refusals said in words, anything else as the system said it (in English,
/// always as the system said it).
pub fn io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let error = e.to_string();
    match e.kind() {
        ErrorKind::PermissionDenied => crate::tr!("io-permission-denied", error = error),
        ErrorKind::NotFound => crate::tr!("io-not-found", error = error),
        ErrorKind::StorageFull => crate::tr!("io-storage-full", error = error),
        ErrorKind::ReadOnlyFilesystem => crate::tr!("io-read-only-filesystem", error = error),
        ErrorKind::InvalidData => crate::tr!("io-invalid-data", error = error),
        ErrorKind::IsADirectory => crate::tr!("io-is-a-directory", error = error),
        ErrorKind::NotADirectory => crate::tr!("io-not-a-directory", error = error),
        _ => error,
    }
}

/// The nearest folder named `drafts` at or above `folder`.
fn drafts_at_or_above(folder: &Path) -> Option<&Path> {
    folder
        .ancestors()
        .find(|a| a.file_name().is_some_and(|n| n == "drafts"))
}

/// `path` made absolute against the working folder, `.` dropped and `..`
/// taken lexically (`doc/../v1.yaml` is `v1.yaml`): which folder a path
/// belongs to is decided by how it is written; the file system has its say
/// in [`Confined::check`].
pub fn absolute(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(c);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// A path as a person gave it: relative to the working folder when it is
/// below it.
fn for_people(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| path.to_path_buf())
}

/// The path named by `path` once its `.` and `..` are resolved, so that its
/// last component is a real name: `d/.` is `d`, and `d/..` is the folder
/// above `d` as the file system finds it. A folder named `d/.` cannot be
/// renamed or replaced under that name (the system answers "busy").
pub fn named(path: &Path) -> PathBuf {
    let components: Vec<Component> = path.components().collect();
    let last_up = components
        .iter()
        .rposition(|c| matches!(c, Component::ParentDir));
    // `components` has already dropped every `.` but a leading one.
    let rebuilt = |cs: &[Component]| -> PathBuf {
        cs.iter()
            .filter(|c| !matches!(c, Component::CurDir))
            .collect()
    };
    match last_up {
        Some(at) => {
            let head: PathBuf = components[..=at].iter().collect();
            let head = std::fs::canonicalize(&head).unwrap_or(head);
            head.join(rebuilt(&components[at + 1..]))
        }
        None => {
            let p = rebuilt(&components);
            if p.as_os_str().is_empty() {
                // `.` itself: the working folder, by its name.
                std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
            } else {
                p
            }
        }
    }
}

/// A path as gongwen prints it: see [`shown`].
pub struct Shown<'a>(&'a Path);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&one_line(&self.0.to_string_lossy()))
    }
}

/// A path for the terminal: like [`Path::display`], with every control
/// character (escape, line break, tab …) and bidi control written as
/// `<U+001B>`, so a file's name can neither drive the terminal, reorder
/// the line nor start a line of its own.
pub fn shown(path: &Path) -> Shown<'_> {
    Shown(path)
}

/// Text that must stay on one line, made visible as [`shown`] makes a
/// path: every control and bidi character written as `<U+…>`.
pub fn one_line(text: &str) -> String {
    chars::escaped_where(text, |c| c.is_control() || chars::is_bidi_control(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_shown_without_controls_on_one_line() {
        let name = Path::new("drafts/v1\u{1b}[31m\u{202E}\nerror: x.yaml");
        assert_eq!(
            shown(name).to_string(),
            "drafts/v1<U+001B>[31m<U+202E><U+000A>error: x.yaml"
        );
        assert_eq!(
            shown(Path::new("drafts/第一稿.yaml")).to_string(),
            "drafts/第一稿.yaml"
        );
    }

    #[test]
    fn the_project_of_a_draft_is_its_drafts_folder_or_its_own_folder() {
        let p = Confined::project_of_draft(Path::new("/p/drafts/doc/v1.yaml"));
        assert_eq!(p.folder(), Path::new("/p/drafts"));
        let p = Confined::project_of_draft(Path::new("/tmp/mail/v1.yaml"));
        assert_eq!(p.folder(), Path::new("/tmp/mail"));
        let p = Confined::project_of_draft(Path::new("/tmp/mail/v1"));
        assert_eq!(p.folder(), Path::new("/tmp/mail"));
        let p = Confined::project_of_folder(Path::new("/tmp/copy"));
        assert_eq!(p.folder(), Path::new("/tmp/copy"));
        let p = Confined::project_of_folder(Path::new("/p/drafts/doc/../other"));
        assert_eq!(p.folder(), Path::new("/p/drafts"));
        let p = Confined::project_of_draft(Path::new("/p/drafts/../elsewhere/v1.yaml"));
        assert_eq!(p.folder(), Path::new("/p/elsewhere"));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_inside_that_leads_out_is_named_with_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("proj/drafts");
        std::fs::create_dir_all(root.join("doc")).unwrap();
        std::fs::create_dir_all(dir.path().join("outside/doc")).unwrap();
        std::fs::write(dir.path().join("outside/doc/v1.yaml"), "x").unwrap();
        std::fs::write(root.join("doc/v2.yaml"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("outside/doc"), root.join("linked")).unwrap();
        std::os::unix::fs::symlink("v2.yaml", root.join("doc/latest.yaml")).unwrap();
        let confined = Confined::to(&root);
        assert_eq!(confined.check(&root.join("doc/latest.yaml")), Ok(()));
        assert_eq!(confined.check(&root.join("doc/missing.yaml")), Ok(()));
        let err = confined.check(&root.join("linked/v1.yaml")).unwrap_err();
        assert_eq!(err.link.as_deref(), Some(root.join("linked").as_path()));
        let real = std::fs::canonicalize(dir.path().join("outside/doc")).unwrap();
        assert_eq!(err.target, real);
        assert!(err.message().contains("is a link to"), "{err}");
        // The project reached through a link of its own is fine.
        std::os::unix::fs::symlink(dir.path().join("proj"), dir.path().join("home")).unwrap();
        let through = Confined::to(&dir.path().join("home/drafts"));
        assert_eq!(
            through.check(&dir.path().join("home/drafts/doc/v2.yaml")),
            Ok(())
        );
    }

    #[test]
    fn dots_are_resolved_to_the_name_they_stand_for() {
        let dir = tempfile::tempdir().unwrap();
        let real = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir_all(real.join("d/e")).unwrap();
        assert_eq!(named(&real.join("d/.")), real.join("d"));
        assert_eq!(named(&real.join("d/e/..")), real.join("d"));
        assert_eq!(named(&real.join("d/e/../x.yaml")), real.join("d/x.yaml"));
        assert_eq!(named(Path::new("d/./v1.yaml")), Path::new("d/v1.yaml"));
        assert!(named(Path::new(".")).is_absolute());
    }
}
