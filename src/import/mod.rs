//! Plain text or Markdown → [`Draft`]: the on-ramp for documents that exist
//! only as text copied out of Word, a web page or a PDF. Recognises the title,
//! stage label, document number, preamble and the structure (outline or
//! articles style), decides which levels run on, and reports every place where
//! the input's own numbers differ from the ones gongwen derives.
//!
//! ```
//! let text = "关于某事的办法\n第一条 为了规范。\n第二条 本办法自公布之日起施行。\n";
//! let imported = gongwen::import::import_str(std::path::Path::new("a.txt"), text, Default::default()).unwrap();
//! assert_eq!(imported.draft.meta.title, "关于某事的办法");
//! assert_eq!(imported.summary.articles, 2);
//! ```

mod attachments;
pub mod docx;
mod encoding;
pub mod feedback;
mod header;
mod html;
pub mod lines;
mod links;
pub mod parse;
mod tables;

use std::collections::HashMap;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::model::{Draft, Level, Meta, Numbering, Part, Style};
use crate::word_styles::WordStyle;
use lines::{Dropped, Line};

/// Which numbering style to read the input as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StyleChoice {
    /// Articles when the text has 第X条 lines, outline otherwise.
    #[default]
    Auto,
    Outline,
    Articles,
}

/// Options of an import.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    pub style: StyleChoice,
    /// What to do with tracked changes in a Word file.
    pub changes: docx::TrackedChanges,
    /// Turn typed references to articles of the text (依照本法第十二条) into
    /// references by id (`[[art-12]]`), giving the articles ids.
    pub link_references: bool,
}

/// The result of an import: the draft and what the importer noticed.
#[derive(Debug, Clone)]
pub struct Imported {
    pub draft: Draft,
    /// Anomalies in the input (wrong numbers, stray spaces, no structure), with line numbers.
    pub warnings: Vec<Diagnostic>,
    /// Input lines left out as noise, with the reason.
    pub dropped: Vec<Dropped>,
    pub summary: Summary,
    /// The input line each part starts on, parts in document order (depth first).
    pub part_lines: Vec<usize>,
}

impl Imported {
    /// The import in one line: style, parts, warnings, noise dropped, encoding.
    pub fn report_line(&self) -> String {
        let s = &self.summary;
        let mut line = crate::tr!(
            "import-report",
            style = s.style.map_or("", |st| st.name()),
            parts = s.parts,
            articles = s.articles,
            warnings = self.warnings.len(),
            dropped = self.dropped.len(),
        );
        if let Some(encoding) = s.decoded_from {
            line += &crate::tr!("import-report-decoded", encoding = encoding);
        } else if let Some((numbered, changes)) = s.word {
            line += &crate::tr!("import-report-word", numbered = numbered, changes = changes);
        }
        if s.linked_references > 0 {
            line += &crate::tr!("import-report-linked", count = s.linked_references);
        }
        line
    }
}

/// Counts for the import report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub style: Option<Style>,
    /// Every part recognised (divisions, articles, items, outline parts).
    pub parts: usize,
    /// Articles (条) recognised.
    pub articles: usize,
    /// Zero-width and control characters removed.
    pub invisible_removed: usize,
    /// Input lines joined into the line before them (hard-wrapped text).
    pub lines_joined: usize,
    /// The encoding the input was decoded from, when not UTF-8 (GB18030,
    /// UTF-16).
    pub decoded_from: Option<&'static str>,
    /// For a Word file: paragraphs numbered by Word's lists, and tracked
    /// changes accepted or rejected.
    pub word: Option<(usize, usize)>,
    /// Typed references turned into references by id (`--link-references`).
    pub linked_references: usize,
}

/// Reads and imports a file: a Word file (.docx), or text in UTF-8, UTF-16
/// or GB18030 (see [`encoding`]; decoding other than UTF-8 is noted).
pub fn import_file(path: &Path, options: ImportOptions) -> Result<Imported, Diagnostic> {
    // The draft written is about as large as the text: refuse up front what
    // could not be loaded back as one draft file.
    let bytes = crate::load::read_regular(path).map_err(|why| {
        Diagnostic::error(path, 0, 0, crate::tr!("import-cannot-read", why = why))
            .help(crate::tr!("import-cannot-read-help"))
    })?;
    import_bytes(path, &bytes, options)
}

/// Imports a file's bytes, already read, as [`import_file`] does: `path`
/// names the file in messages, and its extension says whether text is
/// Markdown.
pub fn import_bytes(
    path: &Path,
    bytes: &[u8],
    options: ImportOptions,
) -> Result<Imported, Diagnostic> {
    let link = options.link_references;
    let mut imported = import_any(path, bytes, options)?;
    if link {
        imported.summary.linked_references = links::link_references(&mut imported.draft);
    }
    Ok(imported)
}

fn import_any(path: &Path, bytes: &[u8], options: ImportOptions) -> Result<Imported, Diagnostic> {
    if docx::is_compound(bytes) {
        return Err(docx::compound_error(path, bytes));
    }
    if docx::is_package(bytes) {
        return import_docx(path, bytes, options);
    }
    let (text, encoding) = encoding::decode(path, bytes)?;
    let mut imported = import_str(path, &text, options)?;
    imported.summary.decoded_from = encoding;
    Ok(imported)
}

/// Visits parts depth first, each before its sub-parts.
fn visit_parts(parts: &mut [Part], f: &mut dyn FnMut(&mut Part)) {
    for part in parts {
        f(part);
        for block in &mut part.body {
            if let crate::model::Block::Part(child) = block {
                visit_parts(std::slice::from_mut(child), f);
            }
        }
    }
}

/// Imports a Word file: its paragraphs as lines, then as any text.
fn import_docx(path: &Path, bytes: &[u8], options: ImportOptions) -> Result<Imported, Diagnostic> {
    let word = docx::read(path, bytes, options.changes)?;
    // Each table on the empty line that stands for it.
    let mut tables = tables::Tables::for_text(&word.text);
    let mut lines: Vec<String> = word.text.split('\n').map(str::to_string).collect();
    for (line, table) in word.tables {
        if let Some(slot) = lines.get_mut(line - 1) {
            *slot = tables.place(table);
        }
    }
    let mut imported = import_lines(
        path,
        &lines.join("\n"),
        Source::Text,
        &tables,
        Vec::new(),
        options,
    )?;
    imported.warnings.extend(
        word.warnings
            .into_iter()
            .map(|(line, note)| Diagnostic::warning(path, line as u32, 0, note)),
    );
    // The 附件说明 comes from its paragraphs' style: the attachments written
    // out in full take their places in it by title.
    let draft = &mut imported.draft;
    let titles: Vec<String> = draft
        .attachments
        .iter()
        .map(|a| {
            draft
                .meta
                .attachments
                .get(a.index)
                .cloned()
                .unwrap_or_default()
        })
        .collect();
    // Only a 附件说明 in gongwen's style replaces the one the text gave.
    if word
        .meta
        .iter()
        .any(|(style, _)| *style == WordStyle::Attachment)
    {
        draft.meta.attachments.clear();
    }
    // The names of the 附件说明 are author text; the other values plain.
    let word_meta: Vec<(WordStyle, String)> = word
        .meta
        .iter()
        .map(|(style, text)| match style {
            WordStyle::Attachment => (*style, crate::text::from_plain(text)),
            _ => (*style, text.clone()),
        })
        .collect();
    docx::apply_meta(&mut draft.meta, &word_meta);
    for (a, title) in draft.attachments.iter_mut().zip(titles) {
        a.index = match draft.meta.attachments.iter().position(|n| *n == title) {
            Some(i) => i,
            None => {
                draft.meta.attachments.push(title);
                draft.meta.attachments.len() - 1
            }
        };
    }
    // Part ids from gongwen's bookmarks, by the line each part starts on.
    let ids: HashMap<usize, &String> = word.ids.iter().map(|(l, id)| (*l, id)).collect();
    let mut lines = imported.part_lines.iter();
    visit_parts(&mut imported.draft.parts, &mut |part| {
        if let Some(id) = lines.next().and_then(|l| ids.get(l)) {
            part.id = Some(crate::model::PartId((*id).clone()));
        }
    });
    imported.warnings.sort_by_key(|w| w.line);
    imported.summary.word = Some((word.numbered, word.changes));
    Ok(imported)
}

/// What a text to import is written in, which decides what its
/// characters mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// Markdown (`.md`): its marks mean what Markdown says, its tables are
    /// tables, and its text is kept as the inline Markdown a draft holds.
    Markdown,
    /// Plain text, or a Word file's paragraphs: every character is what
    /// the reader sees, and is written so that the draft shows it.
    Text,
}

impl Source {
    /// By the file's name: Markdown by its extensions, anything else text.
    fn of(path: &Path) -> Source {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match extension.as_str() {
            "md" | "markdown" | "mdown" | "mkd" | "mkdn" | "mdwn" => Source::Markdown,
            _ => Source::Text,
        }
    }
}

/// Imports text already in memory; `path` names it in messages and, by
/// its extension, says whether it is Markdown (`.md`) or plain text.
pub fn import_str(path: &Path, text: &str, options: ImportOptions) -> Result<Imported, Diagnostic> {
    // Line ends of every system: \r\n (Windows), \r (old Macs), \n.
    let unified;
    let text = if text.contains('\r') {
        unified = text.replace("\r\n", "\n").replace('\r', "\n");
        &unified
    } else {
        text
    };
    match Source::of(path) {
        Source::Markdown => {
            let (text, tables, dropped) = tables::extract(text).map_err(|e| e.diagnostic(path))?;
            import_lines(path, &text, Source::Markdown, &tables, dropped, options)
        }
        Source::Text => {
            let none = tables::Tables::none();
            import_lines(path, text, Source::Text, &none, Vec::new(), options)
        }
    }
}

/// Imports a text whose tables stand in it as placeholder lines.
fn import_lines(
    path: &Path,
    text: &str,
    source: Source,
    tables: &tables::Tables,
    mut dropped: Vec<Dropped>,
    options: ImportOptions,
) -> Result<Imported, Diagnostic> {
    let (mut body, cleaned, invisible) = lines::clean(text, source == Source::Markdown);
    dropped.extend(cleaned);
    dropped.sort_by_key(|d| d.number);
    if body.is_empty() {
        return Err(Diagnostic::error(path, 0, 0, crate::tr!("import-no-text"))
            .help(crate::tr!("import-no-text-help")));
    }
    let style = match options.style {
        StyleChoice::Auto => parse::detect_style(&body),
        StyleChoice::Outline => Style::Outline,
        StyleChoice::Articles => Style::Articles,
    };
    let mut meta = Meta::default();
    // A table before the title (a 版头 laid out as one) is not the title.
    let leading = body
        .iter()
        .take_while(|l| tables.placed(&l.text).is_some())
        .count();
    let tables_first: Vec<Line> = body
        .drain(..leading.min(body.len().saturating_sub(1)))
        .collect();
    header::take_header(&mut body, &mut meta, &mut dropped, style);
    // The header's plain values (stage, number) are taken; the rest is
    // author text from here on, each line written so it shows as typed: a
    // text's every character, and Markdown's `[[…]]`, which is text there
    // but a reference by id in a draft.
    let as_author_text = match source {
        Source::Text => crate::text::from_plain,
        Source::Markdown => crate::text::links::escape_links,
    };
    meta.title = as_author_text(&meta.title);
    for line in &mut body {
        line.text = as_author_text(&line.text);
    }
    body.splice(0..0, tables_first);
    let (names, sections) = attachments::split(&mut body, tables);

    let before = body.len();
    // A table's placeholder stands alone, as a heading does.
    let structure = |t: &str| parse::is_structure(t, style) || tables.placed(t).is_some();
    if lines::is_hard_wrapped(&body, structure) {
        body = lines::join_wrapped(body, structure);
    }
    let lines_joined = before - body.len();

    let mut tree = parse::build(&body, style);
    tables::restore(&mut tree.parts, tables);
    let mut warnings: Vec<Diagnostic> = tree
        .anomalies
        .iter()
        .map(|a| Diagnostic::warning(path, a.line as u32, 0, a.message.clone()))
        .collect();
    // A table before the first part: the preamble holds text only.
    meta.preamble = Vec::new();
    for (line, t) in &tree.preamble {
        match tables.placed(t) {
            Some(table) => {
                warnings.push(
                    Diagnostic::warning(
                        path,
                        *line as u32,
                        0,
                        crate::tr!("import-table-before-parts"),
                    )
                    .help(crate::tr!("import-table-before-parts-help")),
                );
                meta.preamble.extend(table.all_rows().map(|r| {
                    r.cells
                        .iter()
                        .map(|c| c.text.as_str())
                        .collect::<Vec<_>>()
                        .join("｜")
                }));
            }
            None => meta.preamble.push(t.clone()),
        }
    }
    meta.numbering = Numbering {
        style,
        continuous: continuous_levels(&tree, style),
    };
    meta.attachments = names;
    let attachments = sections
        .into_iter()
        .filter_map(|s| attachments::read(s, tables, &mut meta.attachments))
        .collect();
    let draft = Draft {
        meta,
        parts: tree.parts,
        attachments,
    };
    let doc = crate::numbering::number(&draft);
    let derived: Vec<String> = doc.walk().iter().map(|s| s.label.clone()).collect();
    for ((line, input), derived) in tree.labels.iter().zip(&derived) {
        if let Some(input) = input
            && input != derived
        {
            let line = *line as u32;
            // One warning per line: add the derived number to what was already said there.
            match warnings.iter_mut().find(|w| w.line == line) {
                Some(w) => {
                    w.message = crate::tr!(
                        "import-numbered-also",
                        message = &w.message,
                        derived = derived
                    )
                }
                None => warnings.push(Diagnostic::warning(
                    path,
                    line,
                    0,
                    crate::tr!(
                        "import-numbered-differently",
                        input = input,
                        derived = derived
                    ),
                )),
            }
        }
    }
    let walk = doc.walk();
    let summary = Summary {
        style: Some(style),
        parts: walk.len(),
        articles: walk.iter().filter(|s| s.level == Level::Article).count(),
        invisible_removed: invisible,
        lines_joined,
        decoded_from: None,
        word: None,
        linked_references: 0,
    };
    if walk.is_empty() {
        warnings.push(
            Diagnostic::warning(path, 0, 0, crate::tr!("import-no-structure"))
                .help(crate::tr!("import-no-structure-help")),
        );
    }
    warnings.sort_by_key(|w| w.line);
    Ok(Imported {
        draft,
        warnings,
        dropped,
        summary,
        part_lines: tree.labels.iter().map(|(line, _)| *line).collect(),
    })
}

/// Levels whose input numbers run on where gongwen's default restarts them:
/// the first such part after a new parent-level part (the level it restarts
/// under) continues the count instead of starting at one, in most cases.
fn continuous_levels(tree: &parse::Tree, style: Style) -> Vec<Level> {
    fn visit<'a>(
        part: &Part,
        labels: &mut impl Iterator<Item = Option<&'a str>>,
        seen: &mut HashMap<Level, usize>,
        scope_of_last: &mut HashMap<Level, usize>,
        votes: &mut HashMap<Level, (usize, usize)>,
    ) {
        let label = labels.next().flatten();
        *seen.entry(part.level).or_default() += 1;
        if let Some(under) = part.level.restarts_under() {
            let scope = seen.get(&under).copied().unwrap_or(0);
            if let Some(previous) = scope_of_last.insert(part.level, scope)
                && previous != scope
                && let Some(label) = label
            {
                let vote = votes.entry(part.level).or_default();
                vote.1 += 1;
                if !label_is_one(label) {
                    vote.0 += 1;
                }
            }
        }
        for child in part.children() {
            visit(child, labels, seen, scope_of_last, votes);
        }
    }
    let mut labels = tree.labels.iter().map(|(_, l)| l.as_deref());
    let (mut seen, mut scope_of_last, mut votes) = (HashMap::new(), HashMap::new(), HashMap::new());
    for part in &tree.parts {
        visit(part, &mut labels, &mut seen, &mut scope_of_last, &mut votes);
    }
    let candidates: &[Level] = match style {
        Style::Outline => &[Level::Outline(2), Level::Outline(3), Level::Outline(4)],
        Style::Articles => &[Level::SubBook, Level::Chapter, Level::Section],
    };
    candidates
        .iter()
        .copied()
        .filter(|level| {
            votes
                .get(level)
                .is_some_and(|(run_on, total)| run_on * 2 > *total)
        })
        .collect()
}

/// Whether an input label is the number one (一、 （一） 1. 第一章 …).
fn label_is_one(label: &str) -> bool {
    let inner: String = label
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '第' | '、' | '（' | '）' | '.' | '编' | '分' | '章' | '节' | '条'
            )
        })
        .collect();
    inner == "一" || inner == "1"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn import(text: &str) -> Imported {
        import_str(Path::new("in.txt"), text, ImportOptions::default()).unwrap()
    }

    #[test]
    fn outline_with_continuous_second_level_and_run_in_headings() {
        let im = import(
            "标题\n(征求意见稿)\n前言。\n一、总体要求\n正文。\n二、甲\n(一)乙。丙。\n(二)丁。戊。\n三、己\n(三)庚。辛。\n",
        );
        assert_eq!(im.draft.meta.title, "标题");
        assert_eq!(im.draft.meta.stage.as_deref(), Some("征求意见稿"));
        assert_eq!(im.draft.meta.preamble, ["前言。"]);
        assert_eq!(im.draft.meta.numbering.continuous, [Level::Outline(2)]);
        assert!(im.warnings.is_empty(), "{:?}", im.warnings);
        let p = &im.draft.parts[1].children().next().unwrap();
        assert_eq!(p.heading.as_deref(), Some("乙。"));
        assert!(p.run_in);
        assert_eq!(im.summary.parts, 6);
    }

    #[test]
    fn numbering_gaps_and_repeats_are_warned_with_their_line() {
        let im = import("办法\n第一条 甲。\n第二条 乙。\n第四条 丙。\n第四条 丁。\n");
        let w: Vec<(u32, &str)> = im
            .warnings
            .iter()
            .map(|w| (w.line, w.message.as_str()))
            .collect();
        assert_eq!(w.len(), 2, "{w:?}");
        assert_eq!(w[0].0, 4);
        assert_eq!(
            w[0].1,
            "第四条 does not follow 第二条 in the input's numbering; gongwen numbers it 第三条"
        );
        assert_eq!(w[1], (5, "第四条 repeats 第四条 in the input's numbering"));
        assert_eq!(im.summary.articles, 4);
    }

    #[test]
    fn text_without_structure_becomes_preamble_with_a_warning() {
        let im = import("一段话。\n又一段话。\n");
        assert_eq!(im.draft.meta.title, "一段话。");
        assert_eq!(im.draft.meta.preamble, ["又一段话。"]);
        assert!(
            im.warnings
                .iter()
                .any(|w| w.message.starts_with("no structure recognised"))
        );
    }
}
