//! The text values of a draft as the checker meets them: recorded with their
//! place for `lint` (when asked), and searched for references by id
//! (`[[id]]`), which must name a part of the draft.

use std::sync::Arc;

use super::{Checker, SourceFile};
use crate::diagnostic::Diagnostic;
use crate::fields::{FieldForm, MetaField};
use crate::load::node::{Node, Pos};
use crate::load::scalar;
use crate::model::{Block, Draft, Part};
use crate::text::links::links;

/// A text value of a draft and where it is written, for `lint`.
#[derive(Debug, Clone)]
pub struct TextSite {
    pub file: std::path::PathBuf,
    pub source: Arc<str>,
    pub pos: Pos,
    /// What it is: the key it is the value of, whatever language the file
    /// names keys in.
    pub key: TextKey,
    pub value: String,
    /// The part it belongs to, by its place in reading order (depth first).
    pub part: Option<usize>,
    /// Where the lines of its file start.
    pub lines: Arc<scalar::LineStarts>,
}

/// What a text value of a draft (or of a comments file) is: the key it is
/// the value of, at its place. The loader says it where it reads the value;
/// `lint` tells its texts apart by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextKey {
    /// A field of the draft's top: `title`, `organ`, `date`, `cc`, the
    /// attachments' names …
    Field(MetaField),
    /// A paragraph before the first part.
    Preamble,
    /// A paragraph after the last part.
    Closing,
    /// A part's `heading`.
    Heading,
    /// A paragraph of a part's or an attachment's `text`.
    Text,
    /// A table's `caption`.
    Caption,
    /// A table's cell.
    Cell,
    /// The `title` of an attachment written out in full.
    AttachmentTitle,
    /// A font family in `fonts:` (`body`, `kai` … `fallback`).
    Font(&'static str),
    /// A value of a comments file (`from`, `text`, `received` …).
    Comment(&'static str),
}

impl TextKey {
    /// The key in English, as messages name it.
    pub fn key(self) -> &'static str {
        match self {
            TextKey::Field(field) => field.key(),
            TextKey::Preamble => "preamble",
            TextKey::Closing => "closing",
            TextKey::Heading => "heading",
            TextKey::Text => "text",
            TextKey::Caption => "caption",
            TextKey::Cell => "cell",
            TextKey::AttachmentTitle => "title",
            TextKey::Font(key) | TextKey::Comment(key) => key,
        }
    }

    /// Whether it is a date of the draft (`date`, `printed`): a value the
    /// rules for prose leave alone.
    pub fn is_date(self) -> bool {
        matches!(self, TextKey::Field(f) if f.form() == FieldForm::Date)
    }
}

impl TextSite {
    /// The byte the value starts at in its file.
    pub fn start(&self) -> Option<usize> {
        self.lines
            .offset(&self.source, self.pos.line, self.pos.column)
    }

    /// The line and column of a byte of its file.
    pub fn line_column(&self, at: usize) -> (u32, u32) {
        self.lines.line_column(&self.source, at)
    }

    /// The value mapped onto its file, if it can be.
    pub fn map(&self) -> Option<scalar::Mapped> {
        scalar::map(&self.source, self.start()?, &self.value)
    }
}

/// A reference by id met in a text, checked once every id is known.
pub(super) struct PendingLink {
    file: std::path::PathBuf,
    source: Arc<str>,
    pos: Pos,
    width: usize,
    id: String,
    clause: Option<u32>,
}

/// Where a character of a value is written: its byte `at` in the value,
/// mapped onto the file, or the value's own start when it cannot be.
fn place_in_value(file: &SourceFile, pos: Pos, value: &str, at: usize) -> Pos {
    let index = value[..at].chars().count();
    let lines = file.lines();
    lines
        .offset(&file.text, pos.line, pos.column)
        .and_then(|start| scalar::map(&file.text, start, value))
        .and_then(|m| m.spans.get(index).map(|s| s.range().start))
        .map_or(pos, |byte| {
            let (line, column) = lines.line_column(&file.text, byte);
            Pos { line, column }
        })
}

impl Checker {
    /// Notes a text value that passed its checks.
    pub(super) fn note_text(&mut self, file: &SourceFile, node: &Node, key: TextKey, value: &str) {
        if let Some(sites) = &mut self.sites {
            sites.push(TextSite {
                file: file.path.clone(),
                source: Arc::clone(&file.text),
                pos: node.pos,
                key,
                value: value.to_string(),
                part: self.current_part,
                lines: Arc::clone(file.lines()),
            });
        }
        if !value.contains("[[") {
            return;
        }
        for link in links(value) {
            match link {
                Ok(link) => {
                    let pos = place_in_value(file, node.pos, value, link.start);
                    self.links.push(PendingLink {
                        file: file.path.clone(),
                        source: Arc::clone(&file.text),
                        pos,
                        width: value[link.start..link.end].chars().count(),
                        id: link.id.to_string(),
                        clause: link.clause,
                    });
                }
                Err(bad) => {
                    let pos = place_in_value(file, node.pos, value, bad.start);
                    let d = Diagnostic::error(
                        &file.path,
                        pos.line,
                        pos.column,
                        crate::tr!("load-bad-reference", text = &value[bad.start..bad.end]),
                    )
                    .help(crate::tr!(
                        "load-bad-reference-help",
                        why = bad.why.say(),
                        id = self.shown("id")
                    ))
                    .with_source(&file.text)
                    .width(value[bad.start..bad.end].chars().count());
                    self.diagnostics.push(d);
                }
            }
        }
    }

    /// Checks every reference by id against the parts of the finished draft.
    pub(super) fn check_links(&mut self, draft: &Draft) {
        if self.links.is_empty() {
            return;
        }
        let mut paragraphs = std::collections::HashMap::new();
        fn visit<'p>(part: &'p Part, out: &mut std::collections::HashMap<&'p str, &'p Part>) {
            if let Some(id) = &part.id {
                out.insert(id.0.as_str(), part);
            }
            for block in &part.body {
                if let Block::Part(p) = block {
                    visit(p, out);
                }
            }
        }
        for part in &draft.parts {
            visit(part, &mut paragraphs);
        }
        for link in std::mem::take(&mut self.links) {
            let problem = match (paragraphs.get(link.id.as_str()), link.clause) {
                (Some(part), _) if !part.numbered && part.heading.is_none() => Some((
                    crate::tr!("load-reference-to-nothing", id = &link.id),
                    crate::tr!(
                        "load-reference-to-nothing-help",
                        heading = self.shown("heading")
                    ),
                )),
                (Some(part), Some(_)) if part.level != crate::model::Level::Article => Some((
                    crate::tr!("load-clause-not-article", id = &link.id),
                    crate::tr!("load-clause-not-article-help"),
                )),
                (None, _) => {
                    let known: Vec<&str> = paragraphs.keys().copied().collect();
                    let near = known
                        .iter()
                        .map(|k| (strsim::jaro_winkler(&link.id, k), *k))
                        .filter(|(score, _)| *score >= 0.8)
                        .max_by(|a, b| a.0.total_cmp(&b.0))
                        .map(|(_, k)| k);
                    Some((
                        crate::tr!("load-dangling-reference", id = &link.id),
                        match near {
                            Some(k) => crate::tr!(
                                "load-dangling-reference-help-near",
                                near = k,
                                id = self.shown("id")
                            ),
                            None => {
                                crate::tr!("load-dangling-reference-help", id = self.shown("id"))
                            }
                        },
                    ))
                }
                (Some(part), Some(clause)) if clause as usize > part.paragraphs().count() => {
                    let count = part.paragraphs().count();
                    Some((
                        crate::tr!(
                            "load-clause-missing",
                            id = &link.id,
                            count = count,
                            clause = clause
                        ),
                        crate::tr!("load-clause-missing-help", text = self.shown("text")),
                    ))
                }
                _ => None,
            };
            if let Some((message, help)) = problem {
                let d = Diagnostic::error(&link.file, link.pos.line, link.pos.column, message)
                    .help(help)
                    .with_source(&link.source)
                    .width(link.width);
                self.diagnostics.push(d);
            }
        }
    }
}
