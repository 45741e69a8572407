//! YAML → [`Draft`]: reads a draft file (or a draft folder with `draft.yaml`
//! and part files it includes), checks it against the schema and reports every
//! problem with file, line, column and a fix.
//!
//! ```no_run
//! let draft = gongwen::load::load_draft(std::path::Path::new("drafts/doc/v1")).unwrap();
//! println!("{}", draft.meta.title);
//! ```

pub mod node;
pub mod schema;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Draft;
use node::{Node, Pos};
use schema::{Checker, Includer, SourceFile};

/// The main file of a draft kept as a folder.
pub const DRAFT_FILE: &str = "draft.yaml";

/// Loads and checks one draft: a `.yaml` file, or a folder holding `draft.yaml`.
pub fn load_draft(path: &Path) -> Result<Draft, Diagnostics> {
    let main = if path.is_dir() {
        path.join(DRAFT_FILE)
    } else {
        path.to_path_buf()
    };
    let bytes = std::fs::read(&main).map_err(|e| {
        Diagnostic::error(&main, 0, 0, format!("cannot read the draft: {e}")).help(
            if path.is_dir() {
                format!(
                    "a draft folder must hold a `{DRAFT_FILE}` with the title and the list of parts"
                )
            } else {
                "check the path".to_string()
            },
        )
    })?;
    load_draft_bytes(&main, &bytes)
}

/// Checks a draft given as bytes, as if read from `path` (includes resolve next to it).
pub fn load_draft_bytes(path: &Path, bytes: &[u8]) -> Result<Draft, Diagnostics> {
    let (file, root) = parse_file(path, bytes).map_err(Diagnostics)?;
    let mut checker = Checker::new();
    let mut includer = FileIncluder {
        stack: vec![path.to_path_buf()],
    };
    let draft = checker.draft(&file, &root, &mut includer);
    match draft {
        Some(d) if checker.diagnostics.is_empty() => Ok(d),
        _ => Err(Diagnostics(checker.diagnostics)),
    }
}

/// Decodes and parses one YAML file, with text-level checks first (encoding, tabs).
fn parse_file(path: &Path, bytes: &[u8]) -> Result<(SourceFile, Node), Vec<Diagnostic>> {
    let text = decode(path, bytes)?;
    let text: Arc<str> = Arc::from(text);
    let file = SourceFile {
        path: path.to_path_buf(),
        text: Arc::clone(&text),
    };
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

/// UTF-8 text without a byte-order mark, or an error naming where the bad byte is.
fn decode<'b>(path: &Path, bytes: &'b [u8]) -> Result<&'b str, Vec<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
            // The valid prefix is UTF-8, so this cannot fail.
            let column =
                std::str::from_utf8(&good[line_start..]).map_or(0, |s| s.chars().count()) + 1;
            let byte = bytes[e.valid_up_to()];
            Err(vec![
                Diagnostic::error(
                    path,
                    line as u32,
                    column as u32,
                    format!("the file is not UTF-8 text (byte 0x{byte:02X} cannot start a UTF-8 character)"),
                )
                .help(
                    "save the file as UTF-8; a file from an older Chinese Windows is often GBK/GB18030: \
                     convert it with `iconv -f GB18030 -t UTF-8 old.yaml > new.yaml` or your editor's \
                     \"save with encoding\"",
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

/// A YAML syntax error in our own words where we can, with its place.
fn yaml_error(file: &SourceFile, error: &serde_saphyr::Error) -> Diagnostic {
    let (line, column) = error
        .location()
        .map_or((0, 0), |l| (l.line() as u32, l.column() as u32));
    let raw = error.to_string();
    // The library appends " at line X, column Y"; we print the place ourselves.
    let message = match raw.find(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw,
    };
    Diagnostic::error(&file.path, line, column, format!("YAML syntax error: {message}"))
        .help(
            "check the indentation (spaces, the same amount for entries of one list), that every key \
             ends with `: `, and that text containing `: ` or starting with a quote or `[` is quoted",
        )
        .with_source(&file.text)
}

/// Resolves `include:` entries against the file system, refusing cycles.
struct FileIncluder {
    stack: Vec<PathBuf>,
}

impl Includer for FileIncluder {
    fn include(
        &mut self,
        from: &SourceFile,
        target: &str,
        pos: Pos,
    ) -> Result<(SourceFile, Node), Vec<Diagnostic>> {
        let path = schema::include_path(&from.path, target);
        let err = |message: String, help: &str| {
            vec![
                Diagnostic::error(&from.path, pos.line, pos.column, message)
                    .help(help)
                    .with_source(&from.text),
            ]
        };
        if self.stack.contains(&path) {
            return Err(err(
                format!("`{target}` includes itself"),
                "a part file cannot include the draft that includes it",
            ));
        }
        if !path.is_file() {
            return Err(err(
                format!("the included file `{target}` does not exist"),
                &format!(
                    "create {} or correct the name (it is relative to this file's folder)",
                    path.display()
                ),
            ));
        }
        let bytes = std::fs::read(&path).map_err(|e| {
            err(
                format!("cannot read `{target}`: {e}"),
                "check the file's permissions",
            )
        })?;
        self.stack.push(path.clone());
        let parsed = parse_file(&path, &bytes);
        self.stack.pop();
        parsed
    }
}
