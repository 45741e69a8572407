//! [`Draft`] → YAML, the inverse of the loader: `load(save(draft)) == draft`.
//! Used by the importer. A draft is written as one file, or as a folder with
//! `draft.yaml` and one file per top-level part. Keys that hold their default
//! value are left out, so the YAML reads like one written by hand.

mod destination;
mod keys;
pub mod modeline;
mod tables;

pub use keys::KeyForm;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::fields::{FieldValue, MetaField};
use crate::load::schema::{KeyPlace, default_run_in};
use crate::model::{Block, Date, Draft, Level, Meta, Part, Style};
use crate::paths::shown;
use crate::tr;
use crate::write::{Staging, WriteError};
use destination::{destination, replaceable_draft_folder};
use tables::{AttachmentOut, TableOut, attachments_out, table_out};

/// A draft's top mapping: the metadata fields a 公文 shows before the body,
/// the structure, the fields it shows after the body, then the faces — each
/// only when it holds something.
struct DraftOut<'a> {
    meta: &'a Meta,
    parts: Vec<PartOut<'a>>,
    attachments: Vec<AttachmentOut<'a>>,
}

impl Serialize for DraftOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let meta = self.meta;
        let mut map = serializer.serialize_map(None)?;
        let fields = |map: &mut S::SerializeMap, before: bool| -> Result<(), S::Error> {
            for field in MetaField::ALL
                .into_iter()
                .filter(|f| f.before_body() == before)
            {
                if field == MetaField::Attachments && !self.attachments.is_empty() {
                    map.serialize_entry(field.key(), &self.attachments)?;
                    continue;
                }
                match field.get(meta) {
                    Some(FieldValue::Text(t)) => map.serialize_entry(field.key(), &t)?,
                    Some(FieldValue::Date(d)) => map.serialize_entry(field.key(), &iso(d))?,
                    Some(FieldValue::List(l)) => map.serialize_entry(field.key(), &l)?,
                    None => {}
                }
            }
            Ok(())
        };
        fields(&mut map, true)?;
        if meta.numbering.style != Style::Outline {
            map.serialize_entry("style", meta.numbering.style.name())?;
        }
        if !meta.numbering.continuous.is_empty() {
            let names: Vec<String> = meta.numbering.continuous.iter().map(|l| l.name()).collect();
            map.serialize_entry("continuous", &names)?;
        }
        if !meta.preamble.is_empty() {
            map.serialize_entry("preamble", &meta.preamble)?;
        }
        if !self.parts.is_empty() {
            map.serialize_entry("parts", &self.parts)?;
        }
        if !meta.closing.is_empty() {
            map.serialize_entry("closing", &meta.closing)?;
        }
        fields(&mut map, false)?;
        if let Some(fonts) = fonts_out(&meta.fonts) {
            map.serialize_entry("fonts", &fonts)?;
        }
        if !meta.lint.is_empty() {
            let lint: Vec<(&str, &str)> = meta
                .lint
                .iter()
                .map(|s| (s.rule.as_str(), s.level.name()))
                .collect();
            map.serialize_entry("lint", &LintOut(&lint))?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct FontsOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kai: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hei: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    song: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    fallback: &'a [String],
}

/// A part: a bare paragraph when that is all it is, else a mapping.
#[derive(Serialize)]
#[serde(untagged)]
enum PartOut<'a> {
    Paragraph(&'a str),
    Full(Box<PartFull<'a>>),
    Include { include: String },
}

#[derive(Serialize)]
struct PartFull<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    heading: Option<&'a str>,
    #[serde(rename = "run-in", skip_serializing_if = "Option::is_none")]
    run_in: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    numbered: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sub: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<TextOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    parts: Vec<PartOut<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum TextOut<'a> {
    One(&'a str),
    Many(Vec<TextEntry<'a>>),
}

#[derive(Serialize)]
#[serde(untagged)]
enum TextEntry<'a> {
    Para(&'a str),
    Parts { parts: Vec<PartOut<'a>> },
    Table { table: TableOut<'a> },
}

/// A date as YAML holds it: 2021-09-01.
fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// The division a part with a heading defaults to under a parent (see the loader).
fn default_division(parent: Option<Level>) -> Level {
    match parent {
        Some(Level::Chapter) => Level::Section,
        _ => Level::Chapter,
    }
}

fn part_out<'a>(part: &'a Part, parent: Option<Level>) -> PartOut<'a> {
    let only_paragraph = part.id.is_none()
        && part.heading.is_none()
        && part.numbered
        && !part.sub
        && part.run_in == default_run_in(part.level)
        && !part.level.is_division();
    if only_paragraph && let [Block::Para(p)] = part.body.as_slice() {
        return PartOut::Paragraph(p);
    }
    // The loader takes a part with a heading for the default division and one
    // without for an article: a division says its kind unless both agree.
    let kind = (part.level.is_division()
        && (part.level != default_division(parent) || part.heading.is_none()))
    .then(|| part.level.name());
    let (text, parts) = body_out(&part.body, Some(part.level));
    PartOut::Full(Box::new(PartFull {
        id: part.id.as_ref().map(|i| i.0.as_str()),
        kind,
        heading: part.heading.as_deref(),
        run_in: (part.run_in != default_run_in(part.level)).then_some(part.run_in),
        numbered: (!part.numbered).then_some(false),
        sub: part.sub.then_some(true),
        text,
        parts,
    }))
}

/// A body as `text:` and `parts:`: paragraphs first, then the sub-parts,
/// is written as `text:` + `parts:`; paragraphs after sub-parts, or tables,
/// need the mixed `text:` list.
fn body_out(body: &[Block], level: Option<Level>) -> (Option<TextOut<'_>>, Vec<PartOut<'_>>) {
    let first_part = body.iter().position(|b| matches!(b, Block::Part(_)));
    let interleaved = first_part
        .is_some_and(|i| body[i..].iter().any(|b| !matches!(b, Block::Part(_))))
        || body.iter().any(|b| matches!(b, Block::Table(_)));
    let child = |p| part_out(p, level);
    if interleaved {
        let mut entries: Vec<TextEntry> = Vec::new();
        for block in body {
            match block {
                Block::Para(p) => entries.push(TextEntry::Para(p)),
                Block::Table(t) => entries.push(TextEntry::Table {
                    table: table_out(t),
                }),
                Block::Part(p) => match entries.last_mut() {
                    Some(TextEntry::Parts { parts }) => parts.push(child(p)),
                    _ => entries.push(TextEntry::Parts {
                        parts: vec![child(p)],
                    }),
                },
            }
        }
        return (Some(TextOut::Many(entries)), Vec::new());
    }
    let paras: Vec<&str> = body
        .iter()
        .filter_map(|b| match b {
            Block::Para(p) => Some(p.as_str()),
            _ => None,
        })
        .collect();
    let text = match paras.as_slice() {
        [] => None,
        [one] => Some(TextOut::One(one)),
        many => Some(TextOut::Many(
            many.iter().map(|p| TextEntry::Para(p)).collect(),
        )),
    };
    let parts = body
        .iter()
        .filter_map(|b| match b {
            Block::Part(p) => Some(child(p)),
            _ => None,
        })
        .collect();
    (text, parts)
}

fn draft_out<'a>(draft: &'a Draft, parts: Vec<PartOut<'a>>) -> DraftOut<'a> {
    DraftOut {
        meta: &draft.meta,
        parts,
        attachments: attachments_out(draft),
    }
}

/// The `lint:` mapping, in the order the draft wrote it.
struct LintOut<'a>(&'a [(&'a str, &'a str)]);

impl Serialize for LintOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (rule, level) in self.0 {
            map.serialize_entry(rule, level)?;
        }
        map.end()
    }
}

fn fonts_out(fonts: &crate::model::Fonts) -> Option<FontsOut<'_>> {
    let out = FontsOut {
        body: fonts.body.as_deref(),
        kai: fonts.kai.as_deref(),
        hei: fonts.hei.as_deref(),
        title: fonts.title.as_deref(),
        song: fonts.song.as_deref(),
        fallback: &fonts.fallback,
    };
    let empty = out.body.is_none()
        && out.kai.is_none()
        && out.hei.is_none()
        && out.title.is_none()
        && out.song.is_none()
        && out.fallback.is_empty();
    (!empty).then_some(out)
}

fn to_yaml<T: Serialize>(value: &T) -> String {
    // Our types serialise to plain maps, lists and strings, which cannot fail.
    serde_saphyr::to_string(value)
        .unwrap_or_else(|e| format!("# {}\n", tr!("save-unwritable", error = e.to_string())))
}

/// The draft as one YAML file.
pub fn to_string(draft: &Draft) -> String {
    to_string_in(draft, KeyForm::English)
}

/// The draft as YAML, its keys in English or in Chinese.
pub fn to_string_in(draft: &Draft, form: KeyForm) -> String {
    let parts = draft.parts.iter().map(|p| part_out(p, None)).collect();
    in_form(to_yaml(&draft_out(draft, parts)), form, KeyPlace::Draft)
}

fn in_form(text: String, form: KeyForm, place: KeyPlace) -> String {
    match form {
        KeyForm::English => text,
        KeyForm::Chinese => keys::to_chinese(&text, place),
    }
}

/// The draft as a folder: `draft.yaml` including one file per top-level part.
/// Returns (file name, contents) pairs, `draft.yaml` first.
pub fn to_folder(draft: &Draft) -> Vec<(String, String)> {
    to_folder_in(draft, KeyForm::English)
}

/// [`to_folder`], its keys in English or in Chinese.
pub fn to_folder_in(draft: &Draft, form: KeyForm) -> Vec<(String, String)> {
    let names: Vec<String> = draft
        .parts
        .iter()
        .enumerate()
        .map(|(i, p)| match &p.id {
            Some(id) if id.0.is_ascii() => format!("{:02}-{}.yaml", i + 1, id.0),
            _ => format!("{:02}.yaml", i + 1),
        })
        .collect();
    let includes = names
        .iter()
        .map(|n| PartOut::Include { include: n.clone() })
        .collect();
    let mut files = vec![(
        crate::load::DRAFT_FILE.to_string(),
        in_form(to_yaml(&draft_out(draft, includes)), form, KeyPlace::Draft),
    )];
    for (name, part) in names.iter().zip(&draft.parts) {
        let text = to_yaml(&part_out(part, None));
        files.push((name.clone(), in_form(text, form, KeyPlace::Part)));
    }
    files
}

/// Why a draft was not saved.
#[derive(Debug)]
pub enum SaveError {
    /// Something is already there and replacing was not asked for.
    Exists(PathBuf),
    /// Replacing was asked for, but what is there is not a draft gongwen may replace.
    NotADraft { path: PathBuf, why: String },
    /// The path is part of another draft (as its main file or a part file),
    /// which would be broken by a whole draft written there.
    PartOf {
        path: PathBuf,
        draft: PathBuf,
        how: Belonging,
    },
    /// A draft of the same name is beside it (`v1/` beside `v1.yaml`): the
    /// two would be one document's same draft, which `build` refuses.
    SameName { path: PathBuf, other: PathBuf },
    /// What would be written does not load back as the same draft.
    Invalid(String),
    /// Writing failed.
    Write(WriteError),
}

/// How a path belongs to a draft folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Belonging {
    /// The folder's `draft.yaml`.
    MainFile,
    /// A file the draft reads besides it.
    PartFile,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = |p: &Path| shown(p).to_string();
        let message = match self {
            SaveError::Exists(path) => tr!("save-exists", path = shown(path)),
            SaveError::NotADraft { path, why } => {
                tr!("save-not-a-draft", path = shown(path), why = why)
            }
            SaveError::PartOf { path, draft, how } => tr!(
                "save-part-of",
                path = shown(path),
                draft = shown(draft),
                how = match how {
                    Belonging::MainFile => "main",
                    Belonging::PartFile => "part",
                }
            ),
            SaveError::SameName { path, other } => {
                tr!("save-same-name", path = shown(path), other = shown(other))
            }
            SaveError::Invalid(why) => why.clone(),
            SaveError::Write(e) => return e.fmt(f),
        };
        f.write_str(&message)
    }
}

impl std::error::Error for SaveError {}

impl From<WriteError> for SaveError {
    fn from(e: WriteError) -> Self {
        SaveError::Write(e)
    }
}

/// Writes a draft as a file (a path ending in `.yaml`/`.yml`) or a folder, after
/// checking that what is written loads back as the same draft. A folder is
/// assembled beside its destination and renamed into place. With `replace`,
/// an existing draft there is replaced — only a draft: a `.yaml` file, or a
/// folder holding `draft.yaml` and nothing but YAML files, which neither is
/// nor holds any of `keep` (the file being imported, the working folder).
pub fn save_checked(
    draft: &Draft,
    path: &Path,
    replace: bool,
    keep: &[&Path],
) -> Result<(), SaveError> {
    save_checked_in(draft, path, replace, keep, KeyForm::English)
}

/// [`save_checked`], the keys in English or in Chinese.
///
/// Whatever `replace` says, nothing is written through a link, into a draft
/// folder or over a part file another draft includes, beside a draft of the
/// same name, or over one of `keep`; `path` is taken for what it names
/// (`d/.` is `d`).
pub fn save_checked_in(
    draft: &Draft,
    path: &Path,
    replace: bool,
    keep: &[&Path],
    form: KeyForm,
) -> Result<(), SaveError> {
    let path = &crate::paths::named(path);
    let exists = path.symlink_metadata().is_ok();
    if exists && !replace {
        return Err(SaveError::Exists(path.to_path_buf()));
    }
    let is_file = matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    );
    destination(path, exists)?;
    if is_file {
        let kept: Vec<PathBuf> = keep.iter().map(|k| k.to_path_buf()).collect();
        crate::write::not_an_input(path, &kept)?;
        let text = with_modeline(path, modeline::SchemaKind::Draft, to_string_in(draft, form));
        within_limits(&text, path, Advice::Folder)?;
        same_draft(draft, crate::load::load_draft_bytes(path, text.as_bytes()))
            .map_err(SaveError::Invalid)?;
        return Ok(crate::write::write_atomic(path, text.as_bytes())?);
    }
    if exists {
        replaceable_draft_folder(path, keep).map_err(|why| SaveError::NotADraft {
            path: path.to_path_buf(),
            why,
        })?;
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let io = |e: std::io::Error| {
        SaveError::Write(WriteError {
            path: path.to_path_buf(),
            problem: crate::write::Problem::Io(e),
        })
    };
    let files: Vec<(String, String)> = to_folder_in(draft, form)
        .into_iter()
        .map(|(name, text)| {
            let kind = match name.as_str() {
                crate::load::DRAFT_FILE => modeline::SchemaKind::Draft,
                _ => modeline::SchemaKind::Part,
            };
            let text = with_modeline(&path.join(&name), kind, text);
            (name, text)
        })
        .collect();
    for (name, text) in &files {
        within_limits(text, &path.join(name), Advice::SplitPart)?;
    }
    let staging = Staging::new_in(parent).map_err(io)?;
    for (name, text) in files {
        std::fs::write(staging.path().join(name), text).map_err(io)?;
    }
    let loaded = crate::load::load_draft(staging.path());
    same_draft(draft, loaded).map_err(SaveError::Invalid)?;
    staging.finish(path).map_err(io)
}

/// A file written into a project's `drafts/` starts with the line that points
/// an editor at the schema `build` writes (see [`modeline::modeline`]).
fn with_modeline(path: &Path, kind: modeline::SchemaKind, text: String) -> String {
    match modeline::modeline(path, kind) {
        Some(line) => line + &text,
        None => text,
    }
}

/// What would help when a file is too large to be loaded.
#[derive(Clone, Copy)]
enum Advice {
    /// The draft as one file: a folder keeps each top-level part apart.
    Folder,
    /// A file of a draft folder already: only a smaller part would do.
    SplitPart,
}

/// Whether YAML we are about to write can be loaded again: within the
/// loader's size and value limits. Every line holds at most three values
/// (`- key: value`), so the line count bounds the values.
fn within_limits(text: &str, path: &Path, advice: Advice) -> Result<(), SaveError> {
    let lines = text.lines().count();
    let too_big = text.len() as u64 > crate::load::MAX_FILE_BYTES
        || lines.saturating_mul(3) > crate::load::node::MAX_NODES;
    if !too_big {
        return Ok(());
    }
    let fix = match advice {
        Advice::Folder => tr!("save-too-large-folder"),
        Advice::SplitPart => tr!("save-too-large-split"),
    };
    Err(SaveError::Invalid(tr!(
        "save-too-large",
        path = shown(path).to_string(),
        mb = text.len() / (1024 * 1024),
        lines = lines,
        max_mb = crate::load::MAX_FILE_BYTES / (1024 * 1024),
        max_values = crate::load::node::MAX_NODES,
        fix = fix
    )))
}

/// The draft read back must equal the one written (source places aside).
fn same_draft(
    draft: &Draft,
    loaded: Result<Draft, crate::diagnostic::Diagnostics>,
) -> Result<(), String> {
    let mut loaded = loaded.map_err(|d| tr!("save-not-loaded-back", problems = d.to_string()))?;
    loaded.forget_origin();
    let mut expected = draft.clone();
    expected.forget_origin();
    if loaded == expected {
        Ok(())
    } else {
        Err(tr!("save-loaded-differently"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A draft whose one top-level part has more paragraphs than one file
    /// may hold values.
    fn one_huge_part() -> Draft {
        let mut part = Part::new(Level::Outline(1));
        part.heading = Some("总体要求".to_string());
        let paragraphs = crate::load::node::MAX_NODES / 3 + 10;
        part.body = (0..paragraphs)
            .map(|_| Block::Para("甲。".into()))
            .collect();
        let mut draft = Draft::default();
        draft.meta.title = "关于测试的通知".to_string();
        draft.parts.push(part);
        draft
    }

    #[test]
    fn finding_22a_the_folder_advice_is_given_only_where_it_helps() {
        let draft = one_huge_part();
        let dir = tempfile::tempdir().unwrap();
        let as_file = save_checked(&draft, &dir.path().join("v1.yaml"), false, &[])
            .unwrap_err()
            .to_string();
        assert!(as_file.contains("write the draft as a folder"), "{as_file}");
        // Already a folder: the one part is too large on its own.
        let as_folder = save_checked(&draft, &dir.path().join("v1"), false, &[])
            .unwrap_err()
            .to_string();
        assert!(!as_folder.contains("as a folder"), "{as_folder}");
        assert!(as_folder.contains("01"), "names the part file: {as_folder}");
        assert!(as_folder.contains("split it"), "{as_folder}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
