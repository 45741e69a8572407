//! Second pass of the importer: recognises the structure of clean lines and
//! builds the draft tree. Numbers in the input are read only to recognise
//! structure and to report anomalies; the draft keeps none of them.

mod markers;

pub use markers::{Form, Marker, classify, detect_style, is_structure, split_heading};

use super::lines::Line;
use crate::model::{Block, Level, Part, Style};
use crate::numbering::Number;
use crate::numbering::numerals::chinese;

/// A part being built, with the number the input gave it.
#[derive(Debug)]
pub struct Built {
    pub part: Part,
    /// The input's own label, normalised (（一）, 1., 第五条之一), for comparing.
    pub input_label: Option<String>,
    pub line: usize,
}

/// An anomaly found while reading structure.
#[derive(Debug, Clone, PartialEq)]
pub struct Anomaly {
    pub line: usize,
    pub message: String,
}

/// Everything the structure pass produces.
#[derive(Debug, Default)]
pub struct Tree {
    pub preamble: Vec<(usize, String)>,
    pub parts: Vec<Part>,
    /// Input labels in document order (depth first), None for unnumbered parts.
    pub labels: Vec<(usize, Option<String>)>,
    pub anomalies: Vec<Anomaly>,
}

/// Builds the part tree from the body lines.
pub fn build(lines: &[Line], style: Style) -> Tree {
    let mut builder = Builder {
        style,
        stack: Vec::new(),
        tree: Tree::default(),
        md_levels: Vec::new(),
        last_article: None,
    };
    for (i, line) in lines.iter().enumerate() {
        builder.line(line, &lines[i + 1..]);
    }
    builder.close_to(0);
    builder.tree
}

struct Builder {
    style: Style,
    /// Open parts, outermost first.
    stack: Vec<Built>,
    tree: Tree,
    /// Levels seen for Markdown heading depths, for unnumbered headings.
    md_levels: Vec<(usize, Level)>,
    /// The input's number of the last article read.
    last_article: Option<u32>,
}

impl Builder {
    /// Reads one line; `following` are the lines after it (an article number
    /// out of sequence is weighed by what comes next).
    fn line(&mut self, line: &Line, following: &[Line]) {
        let marker = classify(&line.text, self.style);
        // A division line without a title ("第一章" alone) takes its title
        // from the next line, when that is a short line of plain text.
        if let Some(top) = self.stack.last_mut()
            && top.part.level.is_division()
            && top.part.heading.is_none()
            && top.part.body.is_empty()
            && matches!(marker, Marker::Text)
            && line.heading_depth == 0
            && line.text.chars().count() <= 40
            && !line.text.ends_with('。')
        {
            top.part.heading = Some(line.text.clone());
            return;
        }
        match marker {
            Marker::Division {
                level,
                number,
                title,
            } => {
                if line.heading_depth > 0 {
                    self.md_levels.retain(|(d, _)| *d != line.heading_depth);
                    self.md_levels.push((line.heading_depth, level));
                }
                self.division(line, level, number, title);
            }
            Marker::Text if line.heading_depth > 0 && self.style == Style::Articles => {
                // A Markdown heading without a number: a division that takes none (民法典's 物权编).
                let level = self
                    .md_levels
                    .iter()
                    .find(|(d, _)| *d == line.heading_depth)
                    .map(|(_, l)| *l)
                    .unwrap_or(if line.heading_depth <= 1 {
                        Level::Book
                    } else {
                        Level::Chapter
                    });
                self.division(line, level, None, line.text.clone());
            }
            Marker::Article {
                number,
                sub,
                spaced,
                separated,
                rest,
            } => {
                let next = self.last_article.map_or(1, |n| n + 1);
                let in_sequence = if sub > 0 {
                    Some(number) == self.last_article
                } else {
                    number == next
                };
                if !separated && !in_sequence {
                    // "第二百四十六条规定的……" opening a paragraph is a reference, not an article.
                    self.paragraph(line, line.text.clone());
                    return;
                }
                // Out of sequence even with a space after it: an article
                // where the numbering goes on from it (the input skipped or
                // repeated a number), else a reference the text wrapped onto
                // a new line (…依照本法\n第五十二条 以及…), which continues
                // the paragraph before it.
                if !in_sequence && sub == 0 && self.wrapped_reference(number, next, following) {
                    self.anomaly(
                        line.number,
                        crate::tr!(
                            "import-article-wrapped",
                            number = chinese(number as u64),
                            next = chinese(next as u64)
                        ),
                    );
                    // Joined as written, less the space the break left.
                    let label: String = line.text.chars().take_while(|c| *c != '条').collect();
                    let label: String = label.chars().filter(|c| !c.is_whitespace()).collect();
                    self.continue_paragraph(line, format!("{label}条{rest}"));
                    return;
                }
                if spaced {
                    let label: String = line.text.chars().take_while(|c| *c != '条').collect();
                    self.anomaly(line.number, crate::tr!("import-stray-space", label = label));
                }
                if sub == 0 && number != next {
                    let written = chinese(number as u64);
                    let message = match self.last_article {
                        None => crate::tr!("import-article-not-first", number = written),
                        Some(previous) if previous == number => crate::tr!(
                            "import-article-repeats",
                            number = written,
                            previous = chinese(previous as u64)
                        ),
                        Some(previous) => crate::tr!(
                            "import-article-out-of-order",
                            number = written,
                            previous = chinese(previous as u64)
                        ),
                    };
                    self.anomaly(line.number, message);
                }
                self.last_article = Some(number);
                self.close_while(|l| !l.is_division());
                let mut part = Part::new(Level::Article);
                part.sub = sub > 0;
                if !rest.is_empty() {
                    part.body.push(Block::Para(rest));
                }
                let label = crate::numbering::label(
                    Level::Article,
                    Number {
                        ordinal: number,
                        sub,
                    },
                );
                self.open(part, Some(label), line.number);
            }
            Marker::Numbered {
                level,
                number,
                form,
                rest,
            } => self.numbered(line, level, number, form, rest),
            Marker::Text => self.paragraph(line, line.text.clone()),
        }
    }

    fn division(&mut self, line: &Line, level: Level, number: Option<u32>, title: String) {
        self.close_while(|l| l.rank() >= level.rank());
        let mut part = Part::new(level);
        // An empty title is looked for on the next line (see `line`).
        part.heading = (!title.is_empty()).then_some(title);
        part.numbered = number.is_some();
        let label = number.map(|n| crate::numbering::label(level, Number { ordinal: n, sub: 0 }));
        self.open(part, label, line.number);
    }

    fn numbered(&mut self, line: &Line, level: Level, number: u32, form: Form, rest: String) {
        let level = match self.style {
            Style::Articles => {
                // Items live in articles, sub-items in items.
                let parent = if level == Level::Item {
                    Level::Article
                } else {
                    Level::Item
                };
                if !self.stack.iter().any(|b| b.part.level == parent) {
                    self.paragraph(line, line.text.clone());
                    return;
                }
                self.close_while(|l| l != parent);
                level
            }
            Style::Outline => {
                let want = match level {
                    Level::Outline(n) => n,
                    _ => 1,
                };
                self.close_while(|l| matches!(l, Level::Outline(n) if n >= want));
                let depth = self.stack.len() as u8 + 1;
                if depth != want {
                    self.anomaly(
                        line.number,
                        crate::tr!(
                            "import-level-skipped",
                            form = form.example(),
                            depth = u32::from(depth)
                        ),
                    );
                }
                Level::Outline(depth.min(4))
            }
        };
        let mut part = Part::new(level);
        // The input's label in its own form, to compare with the derived one.
        let input_label = Some(form.label(number));
        match level {
            Level::Outline(_) => {
                let (heading, text, run_in) = split_heading(&rest, level);
                part.heading = heading;
                part.run_in = run_in;
                if let Some(t) = text {
                    part.body.push(Block::Para(t));
                }
            }
            _ => {
                if !rest.is_empty() {
                    part.body.push(Block::Para(rest));
                }
            }
        }
        self.open(part, input_label, line.number);
    }

    /// Whether article number `number`, out of sequence where `next` was
    /// due, is a reference the text wrapped onto a line of its own: the next
    /// line that is an article (a number with a space after it, or `next`)
    /// goes on with the sequence as if this line were not there, and not from
    /// this number. With no article after it, a number before the last
    /// article's is a reference; the last's again or a later one, an article.
    fn wrapped_reference(&self, number: u32, next: u32, following: &[Line]) -> bool {
        const LOOK: usize = 400;
        for line in following.iter().take(LOOK) {
            if let Marker::Article {
                number: n,
                separated,
                ..
            } = classify(&line.text, self.style)
                && (separated || n == next)
            {
                return n == next && n != number + 1;
            }
        }
        self.last_article.is_some_and(|last| number < last)
    }

    /// A line that goes on with the paragraph before it, joined to it as the
    /// text's own line break would have been (Chinese runs on without a space).
    fn continue_paragraph(&mut self, line: &Line, text: String) {
        let last = self
            .stack
            .last_mut()
            .and_then(|top| match top.part.body.last_mut() {
                Some(Block::Para(para)) => Some(para),
                _ => None,
            });
        match last {
            Some(para) => para.push_str(&text),
            None => self.paragraph(line, text),
        }
    }

    fn paragraph(&mut self, line: &Line, text: String) {
        if self.style == Style::Articles {
            // A paragraph after sub-items (目) belongs to their item ("本项规定的……");
            // a paragraph after items (项) is the article's next paragraph (款).
            if self
                .stack
                .last()
                .is_some_and(|b| b.part.level == Level::SubItem)
            {
                self.close_while(|l| l == Level::SubItem);
            } else {
                self.close_while(|l| l == Level::Item);
            }
        }
        match self.stack.last_mut() {
            Some(top) => top.part.body.push(Block::Para(text)),
            None => self.tree.preamble.push((line.number, text)),
        }
    }

    fn anomaly(&mut self, line: usize, message: String) {
        self.tree.anomalies.push(Anomaly { line, message });
    }

    fn open(&mut self, part: Part, input_label: Option<String>, line: usize) {
        self.tree.labels.push((line, input_label.clone()));
        self.stack.push(Built {
            part,
            input_label,
            line,
        });
    }

    /// Closes open parts while the innermost one's level satisfies `pred`.
    fn close_while(&mut self, pred: impl Fn(Level) -> bool) {
        while let Some(top) = self.stack.last() {
            if !pred(top.part.level) {
                break;
            }
            self.close_top();
        }
    }

    fn close_to(&mut self, depth: usize) {
        while self.stack.len() > depth {
            self.close_top();
        }
    }

    fn close_top(&mut self) {
        let Some(built) = self.stack.pop() else {
            return;
        };
        let mut part = built.part;
        if part.level.is_division() && part.body.is_empty() {
            // A 章 with nothing under it (a text cut short, two headings in a
            // row) is no part a draft can hold: left out, with a warning.
            let name = format!(
                "{}{}",
                built.input_label.as_deref().unwrap_or(""),
                part.heading.as_deref().unwrap_or("")
            );
            self.anomaly(
                built.line,
                crate::tr!(
                    "import-division-empty",
                    name = name,
                    level = part.level.name()
                ),
            );
            // Nothing was opened after it (it is empty), so its label is the last.
            self.tree.labels.pop();
            return;
        }
        if part.level.is_division() && part.heading.is_none() {
            // A division is a heading: with no title found, its number is its
            // title, and gongwen does not number it again.
            let label = built.input_label.clone().unwrap_or_default();
            self.anomaly(
                built.line,
                crate::tr!("import-division-untitled", label = &label),
            );
            part.heading = Some(if label.is_empty() {
                part.level.name()
            } else {
                label
            });
            part.numbered = false;
        }
        if part.heading.is_none() && part.body.is_empty() {
            // A bare number with nothing after it: keep the number's place with its label as text.
            part.body
                .push(Block::Para(built.input_label.clone().unwrap_or_default()));
            self.anomaly(built.line, crate::tr!("import-number-without-text"));
        }
        match self.stack.last_mut() {
            Some(parent) => parent.part.body.push(Block::Part(part)),
            None => self.tree.parts.push(part),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_skipped_level_is_named_by_the_form_and_the_input_label_kept() {
        let (lines, _, _) = crate::import::lines::clean("一、总则\n(1)甲项内容\n", false);
        let tree = build(&lines, Style::Outline);
        assert_eq!(
            tree.anomalies[0].message,
            "`（1）`-style number at outline level 2: a level is skipped, so gongwen numbers it as level 2"
        );
        let labels: Vec<Option<&str>> = tree.labels.iter().map(|(_, l)| l.as_deref()).collect();
        assert_eq!(labels, [Some("一、"), Some("（1）")]);
    }
}
