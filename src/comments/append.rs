//! Comments from a 意见反馈表 added to a draft's comments file: inserted
//! where the file's list of comments ends and written as the file writes
//! it — a block list at its own indentation, a flow list `[…]` as flow
//! entries, with the file's own line ends — so what the author wrote (the
//! entries, their remarks, `---` and `...`) stays as it was. Each row is
//! added once however often the table is imported; a 序号 is kept as the
//! office wrote it, or refused with its row when the file already has it.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::import::feedback::{Feedback, FeedbackRow};
use crate::load::schema::{KeyPlace, chinese_name, english_key};
use crate::model::Comment;
use spot::{Spot, spot};

mod spot;

/// What an import adds: the new file text and how many rows were new.
pub struct Appended {
    pub text: String,
    pub added: usize,
    /// Rows already in the file (the same sender and text).
    pub already: usize,
    /// Each added row (its number in the table) and the lines of the new
    /// text its comment is written on, first and last.
    pub lines: Vec<(usize, u32, u32)>,
}

impl Appended {
    /// The table row whose comment is written on `line`.
    pub fn row_at(&self, line: u32) -> Option<usize> {
        let i = self.lines.partition_point(|(_, first, _)| *first <= line);
        let (row, _, last) = self.lines.get(i.checked_sub(1)?)?;
        (line <= *last).then_some(*row)
    }
}

/// The first line of a new comments file.
const HEADING: &str = "# 征求意见记录：gongwen comments import 从意见反馈表导入，可直接编辑。";
/// The first line of a new comments file made from a Word file's comments.
const HEADING_WORD: &str = "# 征求意见记录：gongwen comments import 从 Word 批注导入，可直接编辑。";

/// Whether a comments file names its keys in Chinese: its list under
/// `意见:`, or an entry's key such as `提出单位:`.
fn chinese_keys(text: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim_start().trim_start_matches("- ").trim_start();
        if line.starts_with('#') {
            return false;
        }
        let Some((key, _)) = line.split_once(':') else {
            return false;
        };
        let key = key.trim();
        english_key(key, KeyPlace::CommentsFile) == Some("comments")
            || english_key(key, KeyPlace::Comment).is_some()
    })
}

/// A YAML scalar: a double-quoted string (JSON's form, which YAML reads).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
}

/// Appends the rows not yet in `existing` to the file text `current` (empty
/// for a new file). `separated` puts a blank line before each new comment,
/// as a person would; it is left out where a blank line would change the
/// text before it (the last value a block kept with its blank lines, `|+`).
pub fn append(
    current: &str,
    existing: &[Comment],
    feedback: &Feedback,
    table: &Path,
    separated: bool,
) -> Result<Appended, Vec<Diagnostic>> {
    let (new, already) = plan(existing, feedback, table)?;
    let bom = if current.starts_with('\u{FEFF}') {
        "\u{FEFF}".len()
    } else {
        0
    };
    let body = &current[bom..];
    let eol = line_end(body);
    let mut writer = Writer {
        text: String::with_capacity(current.len() + new.len() * 256),
        eol,
        lines: Vec::with_capacity(new.len()),
        line: 1,
        separated,
        chinese: chinese_keys(body),
    };
    let heading = if feedback.from_word {
        HEADING_WORD
    } else {
        HEADING
    };
    if body.trim().is_empty() && new.is_empty() {
        // `comments:` with nothing under it would be no list at all.
        writer.push(&format!("{heading}{eol}comments: []{eol}"));
    } else if body.trim().is_empty() {
        writer.separated = true;
        writer.push(&format!("{heading}{eol}comments:{eol}"));
        for (row, id) in &new {
            writer.block(row, id, 2);
        }
    } else {
        let Some(spot) = spot(body) else {
            return Err(vec![unplaceable(existing, table)]);
        };
        writer.push(&current[..bom]);
        match spot {
            Spot::Block { at, indent } => {
                writer.push(&body[..at]);
                if !writer.text.ends_with(['\n', '\r']) {
                    writer.push(eol);
                }
                for (row, id) in &new {
                    writer.block(row, id, indent);
                }
                writer.push(&body[at..]);
            }
            Spot::EmptyFlow {
                open,
                close,
                indent,
            } => {
                let line_end = body[close..]
                    .find(['\n', '\r'])
                    .map_or(body.len(), |i| close + i);
                writer.push(body[..open].trim_end_matches([' ', '\t']));
                let remark = body[close..line_end].trim();
                if !remark.is_empty() {
                    writer.push(&format!(" {remark}"));
                }
                writer.push(eol);
                for (row, id) in &new {
                    writer.block(row, id, indent);
                }
                let rest = &body[line_end..];
                let rest = rest
                    .strip_prefix("\r\n")
                    .or_else(|| rest.strip_prefix(['\n', '\r']))
                    .unwrap_or(rest);
                writer.push(rest);
            }
            Spot::Flow {
                close,
                comma,
                indent,
            } => {
                // The `]` alone on its line stays there, below the new entries.
                let line_start = body[..close].rfind(['\n', '\r']).map_or(0, |i| i + 1);
                let own_line = body[line_start..close].trim().is_empty();
                let before = if own_line { line_start } else { close };
                match comma {
                    Some(after) => {
                        writer.push(&body[..after]);
                        writer.push(",");
                        writer.push(&body[after..before]);
                    }
                    None => writer.push(&body[..before]),
                }
                if !writer.text.ends_with(['\n', '\r']) {
                    writer.push(eol);
                }
                for (i, (row, id)) in new.iter().enumerate() {
                    writer.flow(row, id, indent, i + 1 < new.len());
                }
                if !own_line {
                    writer.push(&" ".repeat(indent.saturating_sub(2)));
                }
                writer.push(&body[before..]);
            }
        }
    }
    Ok(Appended {
        text: writer.text,
        added: new.len(),
        already,
        lines: writer.lines,
    })
}

/// The error for a file whose list of comments gongwen cannot find.
fn unplaceable(existing: &[Comment], table: &Path) -> Diagnostic {
    let file = existing
        .first()
        .map_or_else(|| table.to_path_buf(), |c| c.origin.file.clone());
    Diagnostic::error(&file, 0, 0, crate::tr!("comments-list-end-unknown"))
        .help(crate::tr!("comments-list-end-unknown-help"))
}

/// The line end a text uses: its first one, or `\n`.
fn line_end(text: &str) -> &'static str {
    match text.find(['\n', '\r']) {
        Some(i) if text[i..].starts_with("\r\n") => "\r\n",
        Some(i) if text.as_bytes()[i] == b'\r' => "\r",
        _ => "\n",
    }
}

/// The rows to add, each with its id, and how many rows the file already has.
type Plan<'f> = (Vec<(&'f FeedbackRow, String)>, usize);

/// The rows to add, each with its id, and how many rows the file already
/// has; or every row whose 序号 the file already gives another comment.
fn plan<'f>(
    existing: &[Comment],
    feedback: &'f Feedback,
    table: &Path,
) -> Result<Plan<'f>, Vec<Diagnostic>> {
    // A comment is the same one when the same sender says the same about
    // the same passage.
    let mut seen: HashSet<(&str, &str, Option<&str>)> = existing
        .iter()
        .map(|c| (c.from.as_str(), c.text.as_str(), c.quote.as_deref()))
        .collect();
    let mut new = Vec::new();
    let mut already = 0;
    for row in &feedback.rows {
        if seen.insert((row.from.as_str(), row.text.as_str(), row.quote.as_deref())) {
            new.push(row);
        } else {
            already += 1;
        }
    }
    let by_id: HashMap<&str, &Comment> = existing.iter().map(|c| (c.id.as_str(), c)).collect();
    let last = existing
        .iter()
        .filter_map(|c| c.id.parse::<u64>().ok())
        .max();
    let column = feedback.column("id").unwrap_or("序号");
    let clashes: Vec<Diagnostic> = new
        .iter()
        .filter_map(|row| {
            let id = row.id.as_deref()?;
            let other = by_id.get(id)?;
            let file = other.origin.file.file_name().map_or_else(
                || other.origin.file.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let help = match last {
                Some(n) => crate::tr!(
                    "comments-id-clash-help-from",
                    next = (n + 1).to_string(),
                    last = n.to_string()
                ),
                None => crate::tr!("comments-id-clash-help"),
            };
            Some(
                Diagnostic::error(
                    table,
                    0,
                    0,
                    crate::tr!(
                        "comments-id-clash",
                        row = row.row.to_string(),
                        column = column,
                        id = id,
                        file = file,
                        line = other.origin.line,
                        from = other.from.as_str()
                    ),
                )
                .help(help),
            )
        })
        .collect();
    if !clashes.is_empty() {
        return Err(clashes);
    }
    // Rows without a 序号 are numbered on from the highest number in use.
    let mut used: HashSet<String> = existing.iter().map(|c| c.id.clone()).collect();
    used.extend(new.iter().filter_map(|r| r.id.clone()));
    let mut next = used
        .iter()
        .filter_map(|id| id.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    let numbered = new
        .into_iter()
        .map(|row| {
            let id = row.id.clone().unwrap_or_else(|| {
                loop {
                    next += 1;
                    if !used.contains(&next.to_string()) {
                        break next.to_string();
                    }
                }
            });
            (row, id)
        })
        .collect();
    Ok((numbered, already))
}

/// The new text, written piece by piece, with the lines each comment is on.
struct Writer {
    text: String,
    eol: &'static str,
    lines: Vec<(usize, u32, u32)>,
    /// The line the text has reached.
    line: u32,
    separated: bool,
    /// Whether the file names its keys in Chinese (提出单位, 意见内容 …):
    /// new comments are written so too.
    chinese: bool,
}

impl Writer {
    /// Where a comment came from, remarked beside it.
    fn remark(&self, row: &FeedbackRow) -> String {
        match &row.remark {
            Some(remark) => remark.clone(),
            None => format!("意见反馈表第 {} 行", row.row),
        }
    }

    fn push(&mut self, piece: &str) {
        let bytes = piece.as_bytes();
        let breaks = bytes
            .iter()
            .enumerate()
            .filter(|(i, b)| **b == b'\n' || (**b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
            .count();
        // A CR ending the text so far and an LF starting the piece are one line end.
        let joined = self.text.ends_with('\r') && piece.starts_with('\n');
        self.line += breaks as u32 - u32::from(joined);
        self.text.push_str(piece);
    }

    /// The keys of a comment, each as `key: value`, named as the file
    /// names them.
    fn keys(&self, row: &FeedbackRow, id: &str) -> Vec<String> {
        let keys = Self::english_keys(row, id);
        if !self.chinese {
            return keys;
        }
        keys.into_iter()
            .map(|k| {
                let (key, value) = k.split_once(": ").expect("key: value");
                let name = chinese_name(key, KeyPlace::Comment).unwrap_or(key);
                format!("{name}: {value}")
            })
            .collect()
    }

    /// The keys of a comment in English, each as `key: value`.
    fn english_keys(row: &FeedbackRow, id: &str) -> Vec<String> {
        let mut keys = vec![
            format!("id: {}", quoted(id)),
            format!("from: {}", quoted(&row.from)),
        ];
        if let Some(d) = row.received {
            keys.push(format!(
                "received: {:04}-{:02}-{:02}",
                d.year, d.month, d.day
            ));
        }
        let on: Vec<String> = row.on.iter().map(|o| quoted(o)).collect();
        keys.push(match on.as_slice() {
            [one] => format!("on: {one}"),
            many => format!("on: [{}]", many.join(", ")),
        });
        if let Some(q) = &row.quote {
            keys.push(format!("quote: {}", quoted(q)));
        }
        keys.push(format!("text: {}", quoted(&row.text)));
        keys.push(format!("disposition: {}", row.disposition.zh()));
        if let Some(r) = &row.reason {
            keys.push(format!("reason: {}", quoted(r)));
        }
        if let Some(n) = &row.note {
            keys.push(format!("note: {}", quoted(n)));
        }
        keys
    }

    /// A comment as a block list entry, its dash at `indent`.
    fn block(&mut self, row: &FeedbackRow, id: &str, indent: usize) {
        if self.separated {
            self.push(self.eol);
        }
        let pad = " ".repeat(indent);
        let mut entry = String::new();
        for (i, key) in self.keys(row, id).iter().enumerate() {
            let dash = if i == 0 { "- " } else { "  " };
            let _ = write!(entry, "{pad}{dash}{key}{}", self.eol);
        }
        let _ = write!(entry, "{pad}  # {}{}", self.remark(row), self.eol);
        let first = self.line;
        self.push(&entry);
        self.lines.push((row.row, first, self.line - 1));
        self.separated = true;
    }

    /// A comment as a flow list entry at `indent`, its row remarked above it.
    fn flow(&mut self, row: &FeedbackRow, id: &str, indent: usize, more: bool) {
        let pad = " ".repeat(indent);
        let entry = format!(
            "{pad}# {}{eol}{pad}{{{}}}{}{eol}",
            self.remark(row),
            self.keys(row, id).join(", "),
            if more { "," } else { "" },
            eol = self.eol
        );
        let first = self.line;
        self.push(&entry);
        self.lines.push((row.row, first, self.line - 1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_found_however_it_is_written() {
        assert_eq!(
            spot("comments:\n    - id: 1\n...\n"),
            Some(Spot::Block { at: 22, indent: 4 })
        );
        assert_eq!(
            spot("comments:\n- id: 1\n  on: x"),
            Some(Spot::Block { at: 25, indent: 0 })
        );
        assert_eq!(
            spot("comments:\n  -\n    id: 1\n"),
            Some(Spot::Block { at: 24, indent: 2 })
        );
        assert_eq!(
            spot("comments: []  # none\n"),
            Some(Spot::EmptyFlow {
                open: 10,
                close: 12,
                indent: 2
            })
        );
        assert_eq!(
            spot("comments: [{id: 1}, ]\n"),
            Some(Spot::Flow {
                close: 20,
                comma: None,
                indent: 2
            })
        );
        assert_eq!(
            spot("{comments: [\n    {id: 1}]}"),
            Some(Spot::Flow {
                close: 24,
                comma: Some(24),
                indent: 4
            })
        );
        assert_eq!(
            spot("{comments: [{id: \"a]\"}]}"),
            Some(Spot::Flow {
                close: 22,
                comma: Some(22),
                indent: 3
            })
        );
    }

    #[test]
    fn no_rows_into_no_file_is_still_a_list() {
        for separated in [true, false] {
            let appended =
                append("", &[], &Feedback::default(), Path::new("t.csv"), separated).unwrap();
            assert_eq!(appended.added, 0);
            let read = crate::load::load_comments_bytes(
                Path::new("v1.comments.yaml"),
                appended.text.as_bytes(),
            )
            .unwrap();
            assert!(read.is_empty(), "{}", appended.text);
        }
    }

    #[test]
    fn line_ends_are_the_files_own() {
        assert_eq!(line_end("a\r\nb"), "\r\n");
        assert_eq!(line_end("a\rb\n"), "\r");
        assert_eq!(line_end("a"), "\n");
    }
}
