//! YAML → [`Draft`]: reads a draft file (or a draft folder with `draft.yaml`
//! and part files it includes), checks it against the schema and reports every
//! problem with file, line, column and a fix.
//!
//! ```no_run
//! let draft = gongwen::load::load_draft(std::path::Path::new("drafts/doc/v1")).unwrap();
//! println!("{}", draft.meta.title);
//! ```

pub mod node;
mod read;
pub mod scalar;
pub mod schema;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Draft;
use crate::paths::Confined;
use node::Node;
pub(crate) use read::read_regular;
use read::{FileIncluder, Kind, read_confined};
pub use schema::TextSite;
use schema::{Checker, SourceFile};

/// The main file of a draft kept as a folder.
pub const DRAFT_FILE: &str = "draft.yaml";

/// The largest draft file (or part file) read, in bytes. A draft of 20,000
/// parts is about 4 MB; the Civil Code about 0.4 MB.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Loads and checks one draft: a `.yaml` file, or a folder holding `draft.yaml`.
/// Part files it includes are read only from inside the folder the draft
/// file is in.
///
/// Nothing is read through a link that leads out of the draft's project
/// (see [`crate::paths`]): such a draft is refused, naming the link.
pub fn load_draft(path: &Path) -> Result<Draft, Diagnostics> {
    load_draft_reading(path).0
}

/// Loads a draft as [`load_draft`] does, and says which files were read
/// for it (the draft file and every part file it includes), whether or not
/// it loaded: what a command writing an output must not write over.
pub fn load_draft_reading(path: &Path) -> (Result<Draft, Diagnostics>, Vec<PathBuf>) {
    let main = main_file(path);
    let bytes = match read_draft_file(path, &main) {
        Ok(bytes) => bytes,
        Err(d) => return (Err(d.into()), vec![main]),
    };
    let (loaded, read) = load_checked(&main, &bytes, Checker::new());
    (loaded.map(|(draft, _)| draft), read)
}

/// The file a draft's text starts in: `draft.yaml` of a draft folder, else
/// the draft file itself.
fn main_file(path: &Path) -> PathBuf {
    if path.is_dir() {
        path.join(DRAFT_FILE)
    } else {
        path.to_path_buf()
    }
}

/// Reads a draft's main file, inside the draft's project.
fn read_draft_file(path: &Path, main: &Path) -> Result<Vec<u8>, Diagnostic> {
    let help = if path.is_dir() {
        crate::tr!("load-folder-without-draft", file = DRAFT_FILE)
    } else {
        crate::tr!("load-check-path")
    };
    let project = Confined::project_of_draft(draft_location(path));
    read_confined(main, &project, Kind::Draft, &help)
}

/// Where a draft is: the folder for `v1/draft.yaml`, else the path itself.
pub fn draft_location(path: &Path) -> &Path {
    if path.file_name().is_some_and(|n| n == DRAFT_FILE) {
        path.parent().unwrap_or(path)
    } else {
        path
    }
}

/// The comments file of a draft: `v1.comments.yaml` beside the draft
/// `v1.yaml` or the draft folder `v1/`.
pub fn comments_path(draft: &Path) -> PathBuf {
    draft_location(draft).with_file_name(format!("{}.comments.yaml", draft_name(draft)))
}

/// What a user calls a draft: its file name without extension, or its folder name.
pub fn draft_name(path: &Path) -> String {
    let path = draft_location(path);
    let name = if path.is_dir() {
        path.file_name()
    } else {
        path.file_stem()
    };
    name.map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Whether a path is a draft by itself: a draft file, or a folder holding
/// `draft.yaml`.
pub fn is_draft(path: &Path) -> bool {
    if path.is_dir() {
        path.join(DRAFT_FILE).is_file()
    } else {
        is_draft_file(path)
    }
}

/// Whether a file's name makes it a draft: a YAML file that is not a
/// comments file (`v1.comments.yaml`).
pub fn is_draft_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    ) && !is_comments_file(path)
}

/// Whether a file is a comments file rather than a draft.
pub fn is_comments_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".comments.yaml") || n.ends_with(".comments.yml"))
}

/// Loads and checks a comments file.
/// Like a draft, it is not read through a link that leads out of its project.
pub fn load_comments(path: &Path) -> Result<Vec<crate::model::Comment>, Diagnostics> {
    let bytes = read_comments(path)?;
    load_comments_bytes(path, &bytes)
}

/// The bytes of a comments file, read as [`load_comments`] reads them.
pub(crate) fn read_comments(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    read_confined(
        path,
        &Confined::project_of_draft(path),
        Kind::Other,
        &crate::tr!("load-comments-file-help"),
    )
}

/// Checks a comments file given as bytes, as if read from `path`.
pub fn load_comments_bytes(
    path: &Path,
    bytes: &[u8],
) -> Result<Vec<crate::model::Comment>, Diagnostics> {
    check_file(path, bytes, Checker::comments)
}

/// Parses one file and checks it with `check`: its value, or every problem.
fn check_file<T>(
    path: &Path,
    bytes: &[u8],
    check: impl FnOnce(&mut Checker, &SourceFile, &Node) -> T,
) -> Result<T, Diagnostics> {
    let (file, root) = parse_file(path, bytes, Kind::Other).map_err(Diagnostics)?;
    let mut checker = Checker::new();
    let value = check(&mut checker, &file, &root);
    if checker.diagnostics.is_empty() {
        Ok(value)
    } else {
        Err(Diagnostics(checker.diagnostics))
    }
}

/// The project settings file, found in a draft's folder or any folder above it.
pub const SETTINGS_FILE: &str = ".gongwen.yaml";

/// The project settings that apply to a draft: the lint levels of the nearest
/// [`SETTINGS_FILE`] above it (none when there is none).
pub fn project_lint_settings(draft: &Path) -> Result<Vec<crate::model::LintSetting>, Diagnostics> {
    let start =
        std::fs::canonicalize(draft_location(draft)).unwrap_or_else(|_| draft.to_path_buf());
    let Some(path) = start
        .ancestors()
        .map(|d| d.join(SETTINGS_FILE))
        .find(|p| p.is_file())
    else {
        return Ok(Vec::new());
    };
    // Settings are looked for above the project too; the file found must
    // still be itself, not a link out of its folder.
    let folder = path.parent().unwrap_or(Path::new("/"));
    let bytes = read_confined(
        &path,
        &Confined::to(folder),
        Kind::Other,
        &crate::tr!("load-check-file"),
    )?;
    check_file(&path, &bytes, Checker::settings)
}

/// Checks a draft given as bytes, as if read from `path` (includes resolve
/// next to it, and only inside its folder).
pub fn load_draft_bytes(path: &Path, bytes: &[u8]) -> Result<Draft, Diagnostics> {
    load_checked(path, bytes, Checker::new())
        .0
        .map(|(draft, _)| draft)
}

/// Loads a draft as [`load_draft`] does, with every text value of it and
/// where it is written (for `lint`), in reading order.
pub fn load_draft_with_texts(path: &Path) -> Result<(Draft, Vec<TextSite>), Diagnostics> {
    let main = main_file(path);
    let bytes = read_draft_file(path, &main)?;
    let mut checker = Checker::new();
    checker.sites = Some(Vec::new());
    load_checked(&main, &bytes, checker).0
}

/// The draft in `bytes` checked, with every file read for it (`path` and the
/// part files it includes).
#[allow(clippy::type_complexity)]
fn load_checked(
    path: &Path,
    bytes: &[u8],
    mut checker: Checker,
) -> (Result<(Draft, Vec<TextSite>), Diagnostics>, Vec<PathBuf>) {
    let (file, root) = match parse_file(path, bytes, Kind::Draft) {
        Ok(parsed) => parsed,
        Err(d) => return (Err(Diagnostics(d)), vec![path.to_path_buf()]),
    };
    let folder = path.parent().unwrap_or(Path::new("."));
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let mut includer = FileIncluder {
        folder: Confined::to(folder),
        stack: vec![path.to_path_buf()],
        read: vec![path.to_path_buf()],
    };
    let draft = checker.draft(&file, &root, &mut includer);
    let loaded = match draft {
        Some(d) if checker.diagnostics.is_empty() => Ok((d, checker.sites.unwrap_or_default())),
        _ => Err(Diagnostics(checker.diagnostics)),
    };
    (loaded, includer.read)
}

/// A YAML file of the project's own that is neither a draft nor comments
/// (the `--units` list): its nodes with their places, or the first thing
/// wrong with it, said as a draft's YAML errors are (in the reader's
/// language, at its line and column, with the fix).
pub(crate) fn parse_yaml(path: &Path, bytes: &[u8]) -> Result<Node, Diagnostic> {
    parse_file(path, bytes, Kind::Other)
        .map(|(_, node)| node)
        .map_err(|mut found| found.remove(0))
}

/// Decodes and parses one YAML file, with text-level checks first (encoding, tabs).
fn parse_file(
    path: &Path,
    bytes: &[u8],
    kind: Kind,
) -> Result<(SourceFile, Node), Vec<Diagnostic>> {
    let text = decode(path, bytes)?;
    let text: Arc<str> = Arc::from(text);
    let file = SourceFile::new(path.to_path_buf(), Arc::clone(&text));
    let tabs = tab_indentation(&file);
    if !tabs.is_empty() {
        return Err(tabs);
    }
    if text.trim().is_empty() {
        return Err(vec![
            Diagnostic::error(path, 0, 0, crate::tr!("load-file-empty")).help(kind.empty_advice()),
        ]);
    }
    match Node::parse(&text) {
        Ok(root) => Ok((file, root)),
        Err(e) => Err(vec![yaml_error(&file, &e, kind)]),
    }
}

/// UTF-8 text without a byte-order mark, or an error naming the encoding
/// the file seems to be in, or where the bad byte is.
fn decode<'b>(path: &Path, bytes: &'b [u8]) -> Result<&'b str, Vec<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let utf16 = bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        // UTF-16 without a mark: a NUL byte beside every ASCII character.
        || (bytes.len() >= 4 && bytes.iter().filter(|b| **b == 0).count() * 4 >= bytes.len());
    if utf16 {
        return Err(vec![
            Diagnostic::error(path, 0, 0, crate::tr!("load-utf16"))
                .help(crate::tr!("load-utf16-help")),
        ]);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
            // The valid prefix is UTF-8, so this cannot fail.
            let column =
                std::str::from_utf8(&good[line_start..]).map_or(0, |s| s.chars().count()) + 1;
            let (_, gbk_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            let byte = bytes[e.valid_up_to()];
            let byte = format!("0x{byte:02X}");
            let message = if gbk_errors {
                crate::tr!("load-not-utf8", byte = byte)
            } else {
                crate::tr!("load-gbk", byte = byte)
            };
            Err(vec![
                Diagnostic::error(path, line as u32, column as u32, message)
                    .help(crate::tr!("load-not-utf8-help")),
            ])
        }
    }
}

/// YAML forbids tabs for indentation; say so plainly, for every such line.
fn tab_indentation(file: &SourceFile) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (index, line) in file.text.lines().enumerate() {
        let indent: String = line
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        if let Some(column) = indent.chars().position(|c| c == '\t') {
            found.push(
                Diagnostic::error(
                    &file.path,
                    index as u32 + 1,
                    column as u32 + 1,
                    crate::tr!("load-tab"),
                )
                .help(crate::tr!("load-tab-help"))
                .with_source(&file.text),
            );
        }
    }
    found
}

/// A YAML error in our own words, with its place and the fix.
fn yaml_error(file: &SourceFile, error: &serde_saphyr::Error, kind: Kind) -> Diagnostic {
    use serde_saphyr::Error as E;
    use serde_saphyr::budget::BudgetBreach as B;
    use serde_saphyr::granit_parser::ErrorKind as ScanKind;
    use serde_saphyr::localizer::ExternalMessageSource;
    let (line, column) = error
        .location()
        .map_or((0, 0), |l| (l.line() as u32, l.column() as u32));
    let split = kind.split_advice();
    // An error met while replaying an alias comes wrapped, with the alias's
    // places; what went wrong is inside.
    let mut inner = error.without_snippet();
    while let E::AliasError { error, .. } | E::WithSnippet { error, .. } = inner {
        inner = error;
    }
    let too_many_aliases = crate::tr!("load-yaml-aliases");
    let aliases = crate::tr!("load-yaml-aliases-help");
    // The parser's own nesting limit (for `[[[…`) and our budget's say the same.
    let too_deep = || {
        (
            crate::tr!("load-yaml-too-deep"),
            crate::tr!("load-yaml-too-deep-help", most = node::MAX_DEPTH),
        )
    };
    let (message, help) = match inner {
        E::DuplicateMappingKey { key, .. } => (
            match key {
                Some(k) => crate::tr!("load-yaml-key-twice", key = k),
                None => crate::tr!("load-yaml-a-key-twice"),
            },
            crate::tr!("load-yaml-key-twice-help"),
        ),
        E::MultipleDocuments { .. } => (
            crate::tr!("load-yaml-second-document"),
            crate::tr!("load-yaml-second-document-help"),
        ),
        E::Budget { breach, .. } => match breach {
            B::Nodes { .. } | B::Events { .. } => (
                crate::tr!("load-yaml-too-many-values", most = node::MAX_NODES),
                split.clone(),
            ),
            B::Depth { .. } => too_deep(),
            B::ScalarBytes { .. } => (crate::tr!("load-yaml-too-much-text"), split.clone()),
            B::Documents { .. } => (crate::tr!("load-yaml-documents"), split.clone()),
            _ => (too_many_aliases, aliases),
        },
        E::AliasReplayCounterOverflow { .. }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. } => (too_many_aliases, aliases),
        E::ExternalMessage { source, .. }
            if matches!(
                &**source,
                ExternalMessageSource::Parser(scan)
                    if matches!(scan.kind(), ScanKind::RecursionLimitExceeded)
            ) =>
        {
            too_deep()
        }
        E::BinaryNotUtf8 { .. } | E::InvalidBinaryBase64 { .. } => (
            crate::tr!("load-yaml-binary"),
            crate::tr!("load-yaml-binary-help"),
        ),
        E::Eof { .. } => (
            crate::tr!("load-yaml-eof"),
            crate::tr!("load-yaml-eof-help"),
        ),
        other => {
            let raw = other.to_string();
            // The library appends " at line X, column Y"; we print the place ourselves.
            let message = match raw.find(" at line ") {
                Some(i) => raw[..i].to_string(),
                None => raw,
            };
            (
                crate::tr!("load-yaml-syntax", detail = message),
                crate::tr!("load-yaml-syntax-help"),
            )
        }
    };
    Diagnostic::error(&file.path, line, column, message)
        .help(help)
        .with_source(&file.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file larger than the loader reads, made sparse so it costs nothing.
    fn too_large(path: &Path) {
        std::fs::File::create(path)
            .unwrap()
            .set_len(MAX_FILE_BYTES + 1)
            .unwrap();
    }

    #[test]
    fn finding_22a_only_a_draft_too_large_is_told_to_become_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let v1 = dir.path().join("v1");
        std::fs::create_dir(&v1).unwrap();
        std::fs::write(
            v1.join("draft.yaml"),
            "title: 标题\nparts:\n  - include: 01.yaml\n",
        )
        .unwrap();
        too_large(&v1.join("01.yaml"));
        let part = load_draft(&v1).unwrap_err().to_string();
        assert!(part.contains("split this part file"), "{part}");
        assert!(!part.contains("a folder holding draft.yaml"), "{part}");
        too_large(&dir.path().join("v2.yaml"));
        let draft = load_draft(&dir.path().join("v2.yaml"))
            .unwrap_err()
            .to_string();
        assert!(draft.contains("a folder holding draft.yaml"), "{draft}");
        too_large(&dir.path().join("v2.comments.yaml"));
        let comments = load_comments(&dir.path().join("v2.comments.yaml"))
            .unwrap_err()
            .to_string();
        assert!(!comments.contains("folder"), "{comments}");
    }
}
