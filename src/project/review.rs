//! A reviewed Word file's comments (批注) as comments on the draft it was
//! made from: each tied to the part its anchored passage lies in — by the
//! part's bookmark where gongwen's bookmarks survived the reviewer's word
//! processor, else by finding the paragraph's text among the draft's
//! paragraphs (a reviewer's own small edits do not stop the match), else to
//! the whole text with a warning naming the paragraph. A file of which
//! fewer than half the paragraphs are the draft's is refused.

use std::collections::HashMap;
use std::path::Path;

use similar::{Algorithm, DiffTag, TextDiff, capture_diff_slices};

use crate::comments::Labels;
use crate::diagnostic::Diagnostic;
use crate::import::docx::review::{Review, WordComment};
use crate::import::feedback::{Feedback, FeedbackRow};
use crate::model::Disposition;
use crate::numbering::Document;
use crate::render::context::RenderContext;

/// What a paragraph of the draft is, for tying comments to it.
#[derive(Debug, Clone, PartialEq)]
enum Place {
    /// A part, by its anchor.
    Part(String),
    /// The title, the preamble, the signature …: the whole text.
    Whole,
    /// An attachment written out in full, or a row of its tables, by the
    /// name the comments file gives it: 附件1, 附件1第8行.
    Named(String),
}

/// How much of two paragraphs' characters must agree for one to be taken
/// for the other, edited.
const SIMILAR: f32 = 0.6;

/// The most pairs of paragraphs compared for likeness in one stretch the
/// alignment left unmatched: a reviewer's edits leave short stretches; a
/// long one on both sides is another text (refused), whose every pair,
/// compared character by character, would take minutes.
const SIMILAR_PAIRS: usize = 10_000;

/// The text compared: letters and digits only, so that a reviewer's
/// punctuation, spaces and line breaks do not count.
fn key(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The draft's paragraphs in reading order, as its .docx has them, each
/// with what it is.
fn paragraphs(doc: &Document) -> Vec<(String, Place)> {
    let ctx = RenderContext::new(doc);
    let mut out: Vec<(String, Place)> = Vec::new();
    let whole = |out: &mut Vec<(String, Place)>, text: &str| out.push((key(text), Place::Whole));
    for line in &ctx.meta.title_lines {
        whole(&mut out, line);
    }
    if let Some(stage) = &ctx.meta.stage_label {
        whole(&mut out, &stage.plain);
    }
    for p in &ctx.preamble {
        whole(&mut out, &p.plain);
    }
    let blocks = |out: &mut Vec<(String, Place)>, blocks: &[crate::render::context::BlockView]| {
        let mut part = Place::Whole;
        for b in blocks {
            if let Some(anchor) = &b.anchor {
                part = Place::Part(anchor.clone());
            }
            match &b.table {
                Some(table) => {
                    for row in table.header.iter().chain(&table.rows) {
                        for cell in row {
                            for line in cell.text.plain.lines() {
                                out.push((key(line), part.clone()));
                            }
                        }
                    }
                }
                None => out.push((key(&b.plain), part.clone())),
            }
        }
    };
    blocks(&mut out, &ctx.blocks);
    for p in &ctx.closing {
        whole(&mut out, &p.plain);
    }
    for a in &ctx.appendices {
        let attachment = Place::Named(a.label.clone());
        for line in &a.title_lines {
            out.push((key(line), attachment.clone()));
        }
        // Its tables' rows below the header, counted on from one table to
        // the next, as `comments::Labels` names them.
        let mut row = 0;
        for b in &a.blocks {
            let Some(table) = &b.table else {
                out.push((key(&b.plain), attachment.clone()));
                continue;
            };
            for cells in &table.header {
                for cell in cells {
                    for line in cell.text.plain.lines() {
                        out.push((key(line), attachment.clone()));
                    }
                }
            }
            for cells in &table.rows {
                row += 1;
                let place = Place::Named(format!("{}第{row}行", a.label));
                for cell in cells {
                    for line in cell.text.plain.lines() {
                        out.push((key(line), place.clone()));
                    }
                }
            }
        }
    }
    out.retain(|(k, _)| !k.is_empty());
    out
}

/// Each paragraph of the reviewed file tied to a paragraph of the draft:
/// the two aligned in order, equal texts first, then in each stretch
/// between them the most similar draft paragraph, if similar enough.
fn tie(review: &Review, draft: &[(String, Place)]) -> Vec<Option<(usize, Place)>> {
    let theirs: Vec<String> = review.paragraphs.iter().map(|p| key(&p.text)).collect();
    let ours: Vec<&str> = draft.iter().map(|(k, _)| k.as_str()).collect();
    let theirs_ref: Vec<&str> = theirs.iter().map(String::as_str).collect();
    let mut tied: Vec<Option<(usize, Place)>> = vec![None; theirs.len()];
    for op in capture_diff_slices(Algorithm::Myers, &theirs_ref, &ours) {
        let (tag, a, b) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                for (i, j) in a.zip(b) {
                    tied[i] = Some((j, draft[j].1.clone()));
                }
            }
            _ if a.len() * b.len() > SIMILAR_PAIRS => {}
            _ => {
                for i in a {
                    if theirs[i].is_empty() {
                        continue;
                    }
                    let best = b
                        .clone()
                        .map(|j| {
                            let ratio = TextDiff::configure()
                                .algorithm(Algorithm::Myers)
                                .diff_chars(theirs[i].as_str(), ours[j])
                                .ratio();
                            (ratio, j)
                        })
                        .max_by(|x, y| x.0.total_cmp(&y.0));
                    if let Some((ratio, j)) = best
                        && ratio >= SIMILAR
                    {
                        tied[i] = Some((j, draft[j].1.clone()));
                    }
                }
            }
        }
    }
    tied
}

/// The comments of reviewed files as the rows of one 意见反馈表, in the
/// order of the draft's text (a file's comments on one paragraph in the
/// order of the files): each from `from`, else its author; the part as the
/// draft numbers it; 待处理. Warnings for comments tied to no part; errors
/// for a file that is not a copy of the draft.
pub fn merged(
    reviews: &[(&Path, Review)],
    doc: &Document,
    from: &Senders,
) -> Result<(Feedback, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut rows: Vec<(usize, usize, usize, FeedbackRow)> = Vec::new();
    let (mut warnings, mut errors) = (Vec::new(), Vec::new());
    // The draft's side, made once for every file.
    let draft = paragraphs(doc);
    let labels = Labels::new(doc);
    for (f, (path, review)) in reviews.iter().enumerate() {
        match of_file(path, review, &draft, &labels, from) {
            Ok((file_rows, file_warnings)) => {
                let numbered = file_rows.into_iter().enumerate();
                rows.extend(numbered.map(|(n, (order, row))| (order, f, n, row)));
                warnings.extend(file_warnings);
            }
            Err(e) => errors.extend(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    rows.sort_by_key(|(order, f, n, _)| (*order, *f, *n));
    let feedback = Feedback {
        rows: rows.into_iter().map(|(.., row)| row).collect(),
        from_word: true,
        ..Feedback::default()
    };
    Ok((feedback, warnings))
}

/// One file's comments, each with where it is in the draft's text.
#[allow(clippy::type_complexity)]
fn of_file(
    path: &Path,
    review: &Review,
    draft: &[(String, Place)],
    labels: &Labels,
    from: &Senders,
) -> Result<(Vec<(usize, FeedbackRow)>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut tied = tie(review, draft);
    // A surviving bookmark says which part its paragraph is, whatever the
    // text now reads. Where each part starts among the draft's paragraphs.
    let mut starts: HashMap<&str, usize> = HashMap::new();
    for (j, (_, p)) in draft.iter().enumerate() {
        if let Place::Part(a) = p {
            starts.entry(a.as_str()).or_insert(j);
        }
    }
    for (i, p) in review.paragraphs.iter().enumerate() {
        if let Some(id) = &p.part_id
            && let Ok(place) = labels.find(id)
            && let Some(anchor) = place.anchor
            && let Some(&j) = starts.get(anchor.as_str())
        {
            tied[i] = Some((j, Place::Part(anchor)));
        }
    }
    // A copy of this draft is mostly the draft's paragraphs, whatever the
    // reviewer edited; another document of its kind shares a heading or two.
    let written = review
        .paragraphs
        .iter()
        .filter(|p| !key(&p.text).is_empty())
        .count();
    let found = tied.iter().filter(|t| t.is_some()).count();
    if found * 2 < written || !tied.iter().any(|t| matches!(t, Some((_, Place::Part(_))))) {
        return Err(vec![
            Diagnostic::error(path, 0, 0, crate::tr!("review-not-this-draft"))
                .help(crate::tr!("review-not-this-draft-help")),
        ]);
    }
    let mut warnings = Vec::new();
    if !review.unanchored.is_empty() {
        warnings.push(Diagnostic::warning(
            path,
            0,
            0,
            crate::tr!("review-unanchored", count = review.unanchored.len()),
        ));
    }
    let rows = review
        .comments
        .iter()
        .enumerate()
        .map(|(n, c)| {
            let at = tied.get(c.paragraph).cloned().flatten();
            let order = at.as_ref().map_or(0, |(j, _)| *j);
            let on = match at.map(|(_, place)| place) {
                Some(Place::Part(anchor)) => labels
                    .display(&anchor)
                    .unwrap_or_else(|| "general".to_string()),
                Some(Place::Whole) => "general".to_string(),
                Some(Place::Named(name)) => name,
                None => {
                    let text = review
                        .paragraphs
                        .get(c.paragraph)
                        .map_or("", |p| p.text.as_str());
                    warnings.push(Diagnostic::warning(
                        path,
                        0,
                        0,
                        crate::tr!(
                            "review-paragraph-not-found",
                            number = n + 1,
                            paragraph = opening(text)
                        ),
                    ));
                    "general".to_string()
                }
            };
            (order, row(path, n + 1, c, on, from))
        })
        .collect();
    Ok((rows, warnings))
}

/// The first words of a paragraph, to name it by.
fn opening(text: &str) -> String {
    let text = text.trim();
    let mut words: String = text.chars().take(20).collect();
    if text.chars().count() > 20 {
        words.push('…');
    }
    words
}

/// Who sent a reviewed file's comments: one unit for them all (`--from`),
/// else each comment's author as the unit a mapping file names for that
/// Word user (`--units`), else the author as Word recorded it.
#[derive(Debug, Clone, Default)]
pub struct Senders {
    pub unit: Option<String>,
    pub units: HashMap<String, String>,
}

impl Senders {
    /// One unit for every comment, if given.
    pub fn of_unit(unit: Option<&str>) -> Senders {
        Senders {
            unit: unit.map(str::to_string).filter(|u| !u.trim().is_empty()),
            units: HashMap::new(),
        }
    }

    /// Reads a mapping file of Word user names to units, a YAML mapping
    /// (`张三: 区教育局`); a value that is not text is an error at its place.
    pub fn read_units(path: &Path) -> Result<HashMap<String, String>, Diagnostic> {
        use crate::load::node::{Node, Value};
        let text = crate::load::read_regular(path).map_err(|why| {
            Diagnostic::error(path, 0, 0, crate::tr!("import-cannot-read", why = why))
        })?;
        let node = crate::load::parse_yaml(path, &text)?;
        // Refused at the place that is not a mapping entry, with how to write one.
        let refused = |at: &Node, message: String| {
            Diagnostic::error(path, at.pos.line, at.pos.column, message)
                .help(crate::tr!("review-units-help"))
        };
        let Value::Map(entries) = &node.value else {
            return Err(refused(&node, crate::tr!("review-units-not-a-mapping")));
        };
        let scalar = |n: &Node| match &n.value {
            Value::Str(s) => Some(s.trim().to_string()),
            Value::Int(i) => Some(i.to_string()),
            _ => None,
        };
        let mut units = HashMap::new();
        for (key, value) in entries {
            match (scalar(key), scalar(value)) {
                (Some(user), Some(unit)) if !unit.is_empty() => {
                    units.insert(user, unit);
                }
                _ => return Err(refused(value, crate::tr!("review-units-not-a-unit"))),
            }
        }
        Ok(units)
    }

    /// Who sent a comment by `author`.
    fn of(&self, author: &str) -> String {
        self.unit
            .clone()
            .or_else(|| self.units.get(author.trim()).cloned())
            .unwrap_or_else(|| author.to_string())
    }
}

fn row(path: &Path, number: usize, c: &WordComment, on: String, from: &Senders) -> FeedbackRow {
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut text = c.text.clone();
    for (who, reply) in &c.replies {
        text.push('\n');
        // The file's words, in the document's language whatever the
        // officer's.
        text.push_str(&format!("回复（{who}）：{reply}"));
    }
    let from = from.of(&c.author);
    FeedbackRow {
        row: number,
        id: None,
        from,
        received: c.date,
        on: vec![on],
        quote: (!c.quote.is_empty()).then(|| c.quote.clone()),
        text,
        disposition: Disposition::Pending,
        reason: None,
        note: None,
        remark: Some(format!("{file} 第 {number} 条")),
    }
}
