//! YAML → [`Draft`]: reads a draft file (or a draft folder with `draft.yaml`
//! and part files it includes), checks it against the schema and reports every
//! problem with file, line, column and a fix.
//!
//! ```no_run
//! let draft = gongwen::load::load_draft(std::path::Path::new("drafts/doc/v1")).unwrap();
//! println!("{}", draft.meta.title);
//! ```

pub mod node;
pub mod scalar;
pub mod schema;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Draft;
use node::{Node, Pos};
pub use schema::TextSite;
use schema::{Checker, Includer, SourceFile};

/// The main file of a draft kept as a folder.
pub const DRAFT_FILE: &str = "draft.yaml";

/// The largest draft file (or part file) read, in bytes. A draft of 20,000
/// parts is about 4 MB; the Civil Code about 0.4 MB.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Loads and checks one draft: a `.yaml` file, or a folder holding `draft.yaml`.
/// Part files it includes are read only from inside the folder the draft
/// file is in.
pub fn load_draft(path: &Path) -> Result<Draft, Diagnostics> {
    let main = if path.is_dir() {
        path.join(DRAFT_FILE)
    } else {
        path.to_path_buf()
    };
    let help = if path.is_dir() {
        format!("a draft folder must hold a `{DRAFT_FILE}` with the title and the list of parts")
    } else {
        "check the path".to_string()
    };
    let bytes = read_regular(&main)
        .map_err(|message| Diagnostic::error(&main, 0, 0, message).help(help))?;
    load_draft_bytes(&main, &bytes)
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
    draft_location(draft).with_file_name(format!("{}.comments.yaml", crate::draft_name(draft)))
}

/// Whether a file is a comments file rather than a draft.
pub fn is_comments_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".comments.yaml") || n.ends_with(".comments.yml"))
}

/// Loads and checks a comments file.
pub fn load_comments(path: &Path) -> Result<Vec<crate::model::Comment>, Diagnostics> {
    let bytes = read_regular(path).map_err(|message| {
        Diagnostic::error(path, 0, 0, message)
            .help("a comments file is `<draft>.comments.yaml` beside the draft")
    })?;
    load_comments_bytes(path, &bytes)
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
    let (file, root) = parse_file(path, bytes).map_err(Diagnostics)?;
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
    let bytes = read_regular(&path).map_err(|m| Diagnostic::error(&path, 0, 0, m))?;
    check_file(&path, &bytes, Checker::settings)
}

/// Reads a file that must be a regular file of at most [`MAX_FILE_BYTES`];
/// the error says what is wrong in the author's terms.
pub(crate) fn read_regular(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        _ => format!("cannot read it: {e}"),
    })?;
    if meta.is_dir() {
        return Err("this is a folder, not a file".into());
    }
    if !meta.is_file() {
        return Err("this is not a regular file (it is a FIFO, a device or a socket)".into());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "the file is {} MB, more than the {} MB a draft file may have; split the draft \
             into part files (a folder with draft.yaml and `include:`)",
            meta.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    std::fs::read(path).map_err(|e| format!("cannot read it: {e}"))
}

/// Checks a draft given as bytes, as if read from `path` (includes resolve
/// next to it, and only inside its folder).
pub fn load_draft_bytes(path: &Path, bytes: &[u8]) -> Result<Draft, Diagnostics> {
    load_checked(path, bytes, Checker::new()).map(|(draft, _)| draft)
}

/// Loads a draft as [`load_draft`] does, with every text value of it and
/// where it is written (for `lint`), in reading order.
pub fn load_draft_with_texts(path: &Path) -> Result<(Draft, Vec<TextSite>), Diagnostics> {
    let main = if path.is_dir() {
        path.join(DRAFT_FILE)
    } else {
        path.to_path_buf()
    };
    let bytes = read_regular(&main)
        .map_err(|message| Diagnostic::error(&main, 0, 0, message).help("check the path"))?;
    let mut checker = Checker::new();
    checker.sites = Some(Vec::new());
    load_checked(&main, &bytes, checker)
}

fn load_checked(
    path: &Path,
    bytes: &[u8],
    mut checker: Checker,
) -> Result<(Draft, Vec<TextSite>), Diagnostics> {
    let (file, root) = parse_file(path, bytes).map_err(Diagnostics)?;
    let folder = path.parent().unwrap_or(Path::new("."));
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let mut includer = FileIncluder {
        folder: std::fs::canonicalize(folder).ok(),
        stack: vec![path.to_path_buf()],
    };
    let draft = checker.draft(&file, &root, &mut includer);
    match draft {
        Some(d) if checker.diagnostics.is_empty() => Ok((d, checker.sites.unwrap_or_default())),
        _ => Err(Diagnostics(checker.diagnostics)),
    }
}

/// Decodes and parses one YAML file, with text-level checks first (encoding, tabs).
fn parse_file(path: &Path, bytes: &[u8]) -> Result<(SourceFile, Node), Vec<Diagnostic>> {
    let text = decode(path, bytes)?;
    let text: Arc<str> = Arc::from(text);
    let file = SourceFile::new(path.to_path_buf(), Arc::clone(&text));
    let tabs = tab_indentation(&file);
    if !tabs.is_empty() {
        return Err(tabs);
    }
    if text.trim().is_empty() {
        return Err(vec![
            Diagnostic::error(path, 0, 0, "the file is empty")
                .help("a draft starts with `title: <the document's title>`; see the README for a complete example"),
        ]);
    }
    match Node::parse(&text) {
        Ok(root) => Ok((file, root)),
        Err(e) => Err(vec![yaml_error(&file, &e)]),
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
            Diagnostic::error(path, 0, 0, "the file is UTF-16 text, not UTF-8").help(
                "save it as UTF-8: in Notepad, Save As → Encoding: UTF-8; or convert it with \
                       `iconv -f UTF-16 -t UTF-8 old.yaml > new.yaml`",
            ),
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
            let message = if gbk_errors {
                format!("the file is not UTF-8 text (byte 0x{byte:02X} cannot be read as UTF-8)")
            } else {
                format!(
                    "the file is not UTF-8 text: it reads as GBK/GB18030, what older Chinese \
                     Windows saves (byte 0x{byte:02X} is where UTF-8 fails)"
                )
            };
            Err(vec![
                Diagnostic::error(path, line as u32, column as u32, message).help(
                    "save the file as UTF-8 (your editor's \"save with encoding\"), or convert it \
                     with `iconv -f GB18030 -t UTF-8 old.yaml > new.yaml`",
                ),
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
                    "a tab is used for indentation",
                )
                .help("YAML indents with spaces only: replace the tab with spaces (two per level is usual)")
                .with_source(&file.text),
            );
        }
    }
    found
}

/// A YAML error in our own words, with its place and the fix.
fn yaml_error(file: &SourceFile, error: &serde_saphyr::Error) -> Diagnostic {
    use serde_saphyr::Error as E;
    use serde_saphyr::budget::BudgetBreach as B;
    use serde_saphyr::granit_parser::ErrorKind as ScanKind;
    use serde_saphyr::localizer::ExternalMessageSource;
    let (line, column) = error
        .location()
        .map_or((0, 0), |l| (l.line() as u32, l.column() as u32));
    let split = "split the draft into part files (a folder holding draft.yaml, whose `parts:` \
                 list `include:`s one file per part); the limits are in the README";
    // An error met while replaying an alias comes wrapped, with the alias's
    // places; what went wrong is inside.
    let mut inner = error.without_snippet();
    while let E::AliasError { error, .. } | E::WithSnippet { error, .. } = inner {
        inner = error;
    }
    let too_many_aliases = "the file's aliases (`*name`) repeat its anchors (`&name`) into \
                            more values than a draft can hold";
    let aliases = "a draft needs no anchors (`&name`) or aliases (`*name`): write each value out \
                   where it is used";
    // The parser's own nesting limit (for `[[[…`) and our budget's say the same.
    let too_deep = || {
        (
            "the file is nested too deeply: its lists and mappings open inside one another \
             more levels than a draft ever needs"
                .to_string(),
            format!(
                "a draft nests about 20 levels, and gongwen reads up to {}: close the brackets \
                 (`[`, `{{`) opened before this place, or indent less",
                node::MAX_DEPTH
            ),
        )
    };
    let (message, help) = match inner {
        E::DuplicateMappingKey { key, .. } => (
            match key {
                Some(k) => format!("the key `{k}` appears a second time in this mapping"),
                None => "a key appears a second time in this mapping".to_string(),
            },
            "keep one of them: each key is written once (join the two values if both are wanted)"
                .to_string(),
        ),
        E::MultipleDocuments { .. } => (
            "a line `---` here starts a second YAML document in the file".to_string(),
            "a draft is one document: remove the `---` line, or put the second draft in a file \
             of its own"
                .to_string(),
        ),
        E::Budget { breach, .. } => match breach {
            B::Nodes { .. } | B::Events { .. } => (
                format!(
                    "the file is too large: it holds more than {} values",
                    node::MAX_NODES
                ),
                split.to_string(),
            ),
            B::Depth { .. } => too_deep(),
            B::ScalarBytes { .. } => (
                "the file holds too much text in its values".to_string(),
                split.to_string(),
            ),
            B::Documents { .. } => (
                "the file holds more than one YAML document".to_string(),
                split.to_string(),
            ),
            _ => (too_many_aliases.to_string(), aliases.to_string()),
        },
        E::AliasReplayCounterOverflow { .. }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. } => {
            (too_many_aliases.to_string(), aliases.to_string())
        }
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
            "`!!binary` marks this value as base64-encoded binary data, which a draft never holds"
                .to_string(),
            "remove the `!!binary` tag and write the text itself".to_string(),
        ),
        E::Eof { .. } => (
            "the file ends in the middle of a value".to_string(),
            "close the quote or bracket that is still open".to_string(),
        ),
        other => {
            let raw = other.to_string();
            // The library appends " at line X, column Y"; we print the place ourselves.
            let message = match raw.find(" at line ") {
                Some(i) => raw[..i].to_string(),
                None => raw,
            };
            (
                format!("YAML syntax error: {message}"),
                "check the indentation (spaces, the same amount for entries of one list), that \
                 every key ends with `: `, and that text containing `: ` or starting with a quote \
                 or `[` is quoted"
                    .to_string(),
            )
        }
    };
    Diagnostic::error(&file.path, line, column, message)
        .help(help)
        .with_source(&file.text)
}

/// Resolves `include:` entries against the file system: only regular YAML
/// files inside the draft's own folder (links followed only when they stay
/// inside it), refusing cycles.
struct FileIncluder {
    /// The draft file's folder, resolved; `None` when it cannot be resolved
    /// (then nothing can be included).
    folder: Option<PathBuf>,
    stack: Vec<PathBuf>,
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
        let Some(folder) = &self.folder else {
            return Err(err(
                format!("cannot resolve the draft's folder to include `{target}`"),
                within.to_string(),
            ));
        };
        match std::fs::canonicalize(&path) {
            Ok(real) if !real.starts_with(folder) => {
                return Err(err(
                    format!("`{target}` is outside the draft's folder"),
                    within.to_string(),
                ));
            }
            Ok(_) => {}
            Err(_) => {
                return Err(err(
                    format!("the included file `{target}` does not exist"),
                    format!(
                        "create {} or correct the name (it is relative to this file's folder)",
                        path.display()
                    ),
                ));
            }
        }
        if self.stack.contains(&path) {
            return Err(err(
                format!("`{target}` includes itself"),
                "a part file cannot include the draft that includes it".to_string(),
            ));
        }
        let bytes = read_regular(&path).map_err(|why| {
            err(
                format!("cannot include `{target}`: {why}"),
                within.to_string(),
            )
        })?;
        self.stack.push(path.clone());
        let parsed = parse_file(&path, &bytes);
        self.stack.pop();
        parsed
    }
}
