//! Messages that point into a source file: file, line, column, what is wrong
//! and how to fix it. Shared by the loader, the importer and the template
//! stage; drawn with the source line and a caret by `codespan-reporting`.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as ReportSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term;

use crate::chars::visible;
use crate::paths::{one_line, shown};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A message about a place in a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: PathBuf,
    /// 1-based line; 0 when the message is about the whole file.
    pub line: u32,
    /// 1-based column in characters; 0 when the message is about the whole file or line.
    pub column: u32,
    /// How many characters to underline (at least one).
    pub width: u32,
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// The text of the file, when it is text, for drawing the line.
    pub source: Option<Arc<str>>,
    /// The byte of the source the place is at, when the one who made the
    /// message knows it: the line is then found around it, not counted from
    /// the file's start (which, for thousands of messages on one large file,
    /// is most of the time spent).
    pub offset: Option<u32>,
}

impl Diagnostic {
    /// An error at a line and column of a file.
    pub fn error(file: &Path, line: u32, column: u32, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_path_buf(),
            line,
            column,
            width: 1,
            message: message.into(),
            help: None,
            source: None,
            offset: None,
        }
    }

    /// A warning at a line and column of a file.
    pub fn warning(file: &Path, line: u32, column: u32, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, line, column, message)
        }
    }

    /// Adds the advice on how to fix it.
    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Attaches the file's text so the line can be shown.
    pub fn with_source(mut self, source: &Arc<str>) -> Diagnostic {
        self.source = Some(Arc::clone(source));
        self
    }

    /// Says which byte of the source the place is at (see [`Diagnostic::offset`]).
    pub fn at(mut self, offset: usize) -> Diagnostic {
        // Files are far below 4 GB (the loader's limit is 32 MB).
        self.offset = u32::try_from(offset).ok();
        self
    }

    /// Sets how many characters to underline.
    pub fn width(mut self, width: usize) -> Diagnostic {
        self.width = width.clamp(1, u32::MAX as usize) as u32;
        self
    }

    /// `file:line:column`, the way compilers print a place (the file's name
    /// shown as [`shown`] shows every path).
    pub fn place(&self) -> String {
        let file = shown(&self.file);
        match (self.line, self.column) {
            (0, _) => file.to_string(),
            (line, 0) => format!("{file}:{line}"),
            (line, column) => format!("{file}:{line}:{column}"),
        }
    }

    /// The message with the source line and a caret under the place. Author
    /// text and file names are shown with invisible and bidi controls made
    /// visible (a line break too: the message and its help are one line
    /// each), and a very long line is cut to the part around the place.
    pub fn render(&self) -> String {
        let severity = match self.severity {
            Severity::Error => ReportSeverity::Error,
            Severity::Warning => ReportSeverity::Warning,
        };
        let head = format!("{}: {}", self.place(), one_line(&self.message));
        let mut report = Report::new(severity).with_message(head);
        if let Some(help) = &self.help {
            report = report.with_notes(vec![crate::tr!("diagnostic-help", help = one_line(help))]);
        }
        let name = shown(&self.file).to_string();
        let excerpt = self.source.as_deref().and_then(|s| self.excerpt(s));
        let Some((shown, range)) = excerpt else {
            return self.headed(emit(&SimpleFile::new(name, String::new()), &report));
        };
        let files = OneLine {
            name,
            line: shown,
            index: self.line as usize - 1,
            place: (range.start, self.column.max(1) as usize),
        };
        report = report.with_labels(vec![Label::primary((), range)]);
        self.headed(emit(&files, &report))
    }

    /// What codespan drew, its first line headed in the current language:
    /// codespan writes `error: ` and `warning: ` in English only, so the
    /// header is cut off and said again by the catalogue (the same bytes in
    /// English), the locator line and the caret left as drawn.
    fn headed(&self, drawn: String) -> String {
        let english = match self.severity {
            Severity::Error => "error: ",
            Severity::Warning => "warning: ",
        };
        let Some(rest) = drawn.strip_prefix(english) else {
            return drawn;
        };
        let (head, body) = rest.split_once('\n').unwrap_or((rest, ""));
        let head = match self.severity {
            Severity::Error => crate::tr!("diagnostic-error", message = head),
            Severity::Warning => crate::tr!("diagnostic-warning", message = head),
        };
        if rest.contains('\n') {
            format!("{head}\n{body}")
        } else {
            head
        }
    }

    /// The line of the place, made safe to print and cut to [`SHOWN_CHARS`]
    /// around the column; and the byte range to underline in it. Only the
    /// characters around the place are read: a whole law on one line, with
    /// a message every few characters, is not read again for each.
    fn excerpt(&self, source: &str) -> Option<(String, std::ops::Range<usize>)> {
        if self.line == 0 {
            return None;
        }
        let at = self.offset.map(|at| at as usize);
        let column = self.column.max(1) as usize - 1;
        // The characters around the place, the index in its line of the
        // first of them, and whether the line goes on after the last.
        let (chars, first, more) = match at.filter(|at| source.is_char_boundary(*at)) {
            Some(at) => {
                let breaks = |c: &char| matches!(c, '\n' | '\r');
                let mut before: Vec<char> = source[..at]
                    .chars()
                    .rev()
                    .take_while(|c| !breaks(c))
                    .take(SHOWN_CHARS + 1)
                    .collect();
                // Not back to the line's start: the column says where it is.
                let first = if before.len() > SHOWN_CHARS {
                    before.pop();
                    column.max(SHOWN_CHARS) - SHOWN_CHARS
                } else {
                    0
                };
                before.reverse();
                let mut after = source[at..].chars().take_while(|c| !breaks(c));
                let mut chars = before;
                let column_here = first + chars.len();
                chars.extend(after.by_ref().take(SHOWN_CHARS));
                let more = after.next().is_some();
                // The column of the place is where the offset is.
                return Some(cut_around(&chars, first, more, column_here, self.width));
            }
            None => {
                let line = source.split('\n').nth(self.line as usize - 1)?;
                let line = line.strip_suffix('\r').unwrap_or(line);
                (line.chars().collect::<Vec<char>>(), 0, false)
            }
        };
        let column = column.min(chars.len());
        Some(cut_around(&chars, first, more, column, self.width))
    }
}

/// Characters `first..` of a line (more after them if `more`), cut to
/// [`SHOWN_CHARS`] around `column` and made safe to print; and the byte
/// range of the `width` characters from `column` in what is shown.
fn cut_around(
    chars: &[char],
    first: usize,
    more: bool,
    column: usize,
    width: u32,
) -> (String, std::ops::Range<usize>) {
    // The line's length, when all of its end is at hand.
    let len = (!more).then_some(first + chars.len());
    let start = match len {
        Some(len) if len <= SHOWN_CHARS => 0,
        Some(len) => column
            .saturating_sub(SHOWN_CHARS / 3)
            .min(len - SHOWN_CHARS),
        None => column.saturating_sub(SHOWN_CHARS / 3),
    }
    .max(first);
    let end = (start + SHOWN_CHARS).min(first + chars.len());
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    let mut range = None;
    let width = width as usize;
    for (i, &c) in (start..end).zip(&chars[start - first..end - first]) {
        if i == column {
            range = Some(shown.len()..shown.len());
        }
        // What shows as itself is pushed as it is; the rest as `visible` writes it.
        if c.is_control() || crate::chars::is_bidi_control(c) {
            shown.push_str(&visible(c.encode_utf8(&mut [0; 4])));
        } else {
            shown.push(c);
        }
        if let Some(r) = &mut range
            && i < column + width
        {
            r.end = shown.len();
        }
    }
    let range = range.unwrap_or(shown.len()..shown.len());
    if more || end < first + chars.len() {
        shown.push('…');
    }
    (shown, range)
}

/// The most characters of a source line a message shows.
const SHOWN_CHARS: usize = 120;

/// A file of which only the line of the place is at hand, shown at its own
/// line number: codespan is not made to count the lines before it.
struct OneLine {
    name: String,
    line: String,
    /// The line's 0-based index in the file.
    index: usize,
    /// The byte of the place in `line`, and its column in the whole line:
    /// the locator under the message names the column the message does,
    /// not one counted in a line cut short.
    place: (usize, usize),
}

impl<'a> codespan_reporting::files::Files<'a> for OneLine {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(&self.line)
    }

    fn line_index(&'a self, (): (), _: usize) -> Result<usize, codespan_reporting::files::Error> {
        Ok(self.index)
    }

    fn column_number(
        &'a self,
        (): (),
        _: usize,
        byte_index: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        let (at, column) = self.place;
        Ok(if byte_index == at {
            column
        } else {
            self.line[..byte_index.min(self.line.len())].chars().count() + 1
        })
    }

    fn line_range(
        &'a self,
        (): (),
        line_index: usize,
    ) -> Result<std::ops::Range<usize>, codespan_reporting::files::Error> {
        // Lines around it, if asked for, are empty.
        Ok(match line_index.cmp(&self.index) {
            std::cmp::Ordering::Less => 0..0,
            std::cmp::Ordering::Equal => 0..self.line.len(),
            std::cmp::Ordering::Greater => self.line.len()..self.line.len(),
        })
    }
}

fn emit<'f>(
    files: &'f impl codespan_reporting::files::Files<'f, FileId = ()>,
    report: &Report<()>,
) -> String {
    let config = term::Config::default();
    term::emit_into_string(&config, files, report).unwrap_or_else(|_| {
        // The range did not fit the file; fall back to the bare message.
        report.message.clone()
    })
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (place, message) = (self.place(), one_line(&self.message));
        let line = match self.severity {
            Severity::Error => {
                crate::tr!("diagnostic-line-error", place = place, message = message)
            }
            Severity::Warning => {
                crate::tr!("diagnostic-line-warning", place = place, message = message)
            }
        };
        match &self.help {
            Some(help) => f.write_str(&crate::tr!(
                "diagnostic-line-help",
                line = line,
                help = one_line(help)
            )),
            None => f.write_str(&line),
        }
    }
}

impl std::error::Error for Diagnostic {}

/// Several diagnostics from one operation (all the problems of a draft at once).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Whether any of them is an error rather than a warning.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_points_at_the_character_column_in_chinese_text() {
        let source: Arc<str> = Arc::from("title: 标题\nstage: 征求意见稿\nparts: 5\n");
        let d = Diagnostic::error(Path::new("d.yaml"), 3, 8, "parts must be a list")
            .help("write each part on its own line starting with `- `")
            .with_source(&source);
        let text = d.render();
        assert!(text.contains("d.yaml:3:8: parts must be a list"), "{text}");
        assert!(text.contains("parts: 5"), "{text}");
        assert!(text.contains('^'), "{text}");
        assert!(text.contains("help: write each part"), "{text}");
    }

    #[test]
    fn a_long_line_is_cut_around_the_place_and_controls_are_shown() {
        let long = format!(
            "text: {}\u{202E}坏{}\n",
            "甲".repeat(30_000),
            "乙".repeat(26_000)
        );
        let source: Arc<str> = Arc::from(long.as_str());
        let d = Diagnostic::error(Path::new("d.yaml"), 1, 30_007, "bad `\u{202E}x`")
            .with_source(&source);
        let text = d.render();
        assert!(text.len() < 2_000, "{} bytes", text.len());
        assert!(text.contains("<U+202E>坏"), "{text}");
        assert!(text.contains("bad `<U+202E>x`"), "{text}");
        assert!(!text.contains('\u{202E}'), "{text}");
    }

    #[test]
    fn a_file_name_with_controls_cannot_colour_or_forge_a_line() {
        let source: Arc<str> = Arc::from("title: [\n");
        let name = Path::new("v1\u{1b}[31m\nerror: forged.yaml");
        let d = Diagnostic::error(name, 1, 8, "bad\nerror: also forged")
            .help("fix\nit")
            .with_source(&source);
        for text in [d.render(), d.to_string()] {
            assert!(!text.contains('\u{1b}'), "{text}");
            assert!(
                !text
                    .lines()
                    .any(|l| l.starts_with("error: forged") || l.starts_with("error: also")),
                "{text}"
            );
            assert!(
                text.contains("v1<U+001B>[31m<U+000A>error: forged.yaml:1:8"),
                "{text}"
            );
        }
    }

    #[test]
    fn a_place_given_by_its_byte_is_shown_as_the_whole_line_would_show_it() {
        for line in [
            "甲乙".repeat(20),
            format!("{}\u{202E}丙{}", "甲".repeat(300), "乙".repeat(300)),
            format!("{}丁", "甲".repeat(150)),
            format!("丁{}", "乙".repeat(150)),
        ] {
            let text = format!("title: 题\r\ntext: {line}\nnext: 下\n");
            let source: Arc<str> = Arc::from(text.as_str());
            let start = text.find("text: ").unwrap();
            for (column, (at, _)) in text[start..]
                .char_indices()
                .take_while(|(_, c)| *c != '\n')
                .enumerate()
            {
                let d = Diagnostic::error(Path::new("d.yaml"), 2, column as u32 + 1, "x")
                    .width(3)
                    .with_source(&source);
                let by_byte = d.clone().at(start + at);
                assert_eq!(by_byte.excerpt(&text), d.excerpt(&text), "column {column}");
            }
        }
    }

    #[test]
    fn render_survives_positions_outside_the_file() {
        let source: Arc<str> = Arc::from("a\n");
        let d = Diagnostic::error(Path::new("d.yaml"), 40, 9, "odd").with_source(&source);
        assert!(d.render().contains("d.yaml:40:9: odd"));
    }
}
