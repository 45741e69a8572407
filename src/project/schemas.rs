//! The JSON Schemas a build writes below its output folder
//! (`<out>/schema/draft.schema.json` …, see [`crate::json_schema`]), for an
//! editor to check the drafts with.
//!
//! Making them was a seventh of a short draft's build, and they change only
//! with the program (they hold their explanations in both languages). So
//! beside them a stamp says which program wrote them and the length and time
//! of each file as written; while all of that still holds, a build leaves
//! them be. A new program, or a schema edited or removed by hand, and they
//! are made and written again where they differ.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use super::{Event, Summary, write_output};
use crate::write;

/// The stamp's name, in the schemas' folder.
const STAMP: &str = ".schemas-written";

/// Whether the schemas below `out` are this program's, untouched since it
/// wrote them.
pub(super) fn fresh(out: &Path) -> bool {
    let (Some(now), Ok(written)) = (stamp(out), std::fs::read_to_string(stamp_path(out))) else {
        return false;
    };
    now == written
}

/// Writes the schemas `made`, each only where it is missing or holds
/// something else (so a build names them once), then the stamp.
pub(super) fn write(
    out: &Path,
    made: Vec<(PathBuf, String)>,
    summary: &mut Summary,
    on: &mut dyn FnMut(Event),
) {
    for (relative, text) in made {
        let current = write::inside(out, &relative)
            .ok()
            .and_then(|path| std::fs::read(path).ok());
        if current.as_deref() != Some(text.as_bytes()) {
            write_output(out, &relative, text.as_bytes(), summary, on);
        }
    }
    // Without a stamp the next build makes them again: no harm.
    if let Some(stamp) = stamp(out)
        && let Ok(path) = write::inside(out, &stamp_path(Path::new("")))
    {
        let _ = write::write_built(&path, stamp.as_bytes());
    }
}

fn stamp_path(out: &Path) -> PathBuf {
    out.join(crate::json_schema::FOLDER).join(STAMP)
}

/// What the stamp says now: the program (its path, length and time) and
/// each schema file's length and time; `None` where one of them cannot be
/// read (a schema missing).
fn stamp(out: &Path) -> Option<String> {
    let program = std::env::current_exe().ok()?;
    let mut stamp = format!("{} {}\n", program.display(), seen(&program)?);
    for relative in crate::json_schema::file_paths() {
        let path = out.join(&relative);
        stamp.push_str(&format!("{} {}\n", relative.display(), seen(&path)?));
    }
    Some(stamp)
}

/// A file's length and time of last change, to the nanosecond.
fn seen(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    let time = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some(format!("{} {}", meta.len(), time.as_nanos()))
}
