//! WordprocessingML paragraphs and runs, written as text. Every string that
//! reaches the XML goes through [`escape`]; tabs and line breaks in a run
//! become `w:tab` and `w:br`, as Word writes them.

use std::fmt::Write as _;

use crate::word_styles::WordStyle;

/// The main WordprocessingML namespace and the relationships namespace.
pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Escapes text for an XML attribute or element, dropping the characters
/// XML 1.0 does not allow (C0 controls other than tab, line feed, return).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

/// How a run or a paragraph mark is tracked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Plain,
    Inserted,
    Deleted,
    /// Moved away from here (shown struck; Reject All keeps it here).
    MovedFrom,
    /// Moved to here.
    MovedTo,
}

impl Mark {
    /// The revision element of this mark, if it has one.
    fn tag(self) -> Option<&'static str> {
        match self {
            Mark::Plain => None,
            Mark::Inserted => Some("w:ins"),
            Mark::Deleted => Some("w:del"),
            Mark::MovedFrom => Some("w:moveFrom"),
            Mark::MovedTo => Some("w:moveTo"),
        }
    }
}

/// A run of text in one character style.
#[derive(Debug, Clone)]
pub struct Run {
    pub text: String,
    /// A character style, if the run has one.
    pub style: Option<WordStyle>,
    /// Direct run properties after the style (already XML, in schema order).
    pub format: &'static str,
    pub mark: Mark,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            style: None,
            format: "",
            mark: Mark::Plain,
        }
    }

    pub fn styled(text: impl Into<String>, style: WordStyle) -> Run {
        Run {
            style: Some(style),
            ..Run::plain(text)
        }
    }

    pub fn marked(mut self, mark: Mark) -> Run {
        self.mark = mark;
        self
    }
}

/// One paragraph: its style, direct paragraph properties, and runs.
#[derive(Debug, Clone)]
pub struct Para {
    pub style: WordStyle,
    /// Extra `w:pPr` children written after the style (already XML).
    pub props: String,
    pub runs: Vec<Run>,
    /// Whether the paragraph mark itself is inserted or deleted.
    pub mark: Mark,
    /// A bookmark at the start of the paragraph (a part's `id:`).
    pub bookmark: Option<String>,
    /// A comment on the whole paragraph.
    pub comment: Option<String>,
}

impl Para {
    pub fn new(style: WordStyle, runs: Vec<Run>) -> Para {
        Para {
            style,
            props: String::new(),
            runs,
            mark: Mark::Plain,
            bookmark: None,
            comment: None,
        }
    }

    pub fn with_props(mut self, props: impl Into<String>) -> Para {
        self.props = props.into();
        self
    }
}

/// Who made tracked changes, and when (`2021-09-01T00:00:00Z`).
#[derive(Debug, Clone, Default)]
pub struct Revisions {
    pub author: String,
    pub date: Option<String>,
    /// The id of the next revision mark; ids are unique in the file.
    next_id: u32,
}

impl Revisions {
    pub fn new(author: &str, date: Option<String>) -> Revisions {
        Revisions {
            author: author.to_string(),
            date,
            next_id: 1,
        }
    }

    /// An id no other mark or bookmark of the file has.
    fn take_id(&mut self) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// `w:id="…" w:author="…" w:date="…"` for the next revision mark.
    fn attributes(&mut self) -> String {
        let id = self.take_id();
        self.attributes_of(id)
    }

    /// The attributes of the revision mark with this id.
    fn attributes_of(&self, id: u32) -> String {
        let mut out = format!(r#"w:id="{id}" w:author="{}""#, escape(&self.author));
        if let Some(date) = &self.date {
            write!(out, r#" w:date="{}""#, escape(date)).unwrap();
        }
        out
    }

    /// How many revision marks have been written.
    #[cfg(test)]
    pub fn count(&self) -> u32 {
        self.next_id.saturating_sub(1)
    }
}

/// Writes paragraphs into a document body.
pub struct Body {
    pub xml: String,
    pub revisions: Revisions,
    /// The comments' own XML (`w:comment` elements), in id order.
    pub comments: Vec<String>,
}

impl Body {
    pub fn new(revisions: Revisions) -> Body {
        Body {
            xml: String::new(),
            revisions,
            comments: Vec::new(),
        }
    }

    /// Appends a paragraph.
    pub fn para(&mut self, p: &Para) {
        self.xml.push_str("<w:p><w:pPr>");
        if p.style != WordStyle::Normal {
            write!(self.xml, r#"<w:pStyle w:val="{}"/>"#, p.style.id()).unwrap();
        }
        self.xml.push_str(&p.props);
        if let Some(tag) = p.mark.tag() {
            let a = self.revisions.attributes();
            write!(self.xml, "<w:rPr><{tag} {a}/></w:rPr>").unwrap();
        }
        self.xml.push_str("</w:pPr>");
        if let Some(name) = &p.bookmark {
            let id = self.revisions.take_id();
            write!(
                self.xml,
                r#"<w:bookmarkStart w:id="{id}" w:name="{}"/><w:bookmarkEnd w:id="{id}"/>"#,
                escape(name)
            )
            .unwrap();
        }
        let comment = p.comment.as_ref().map(|text| {
            let id = self.add_comment(text);
            write!(self.xml, r#"<w:commentRangeStart w:id="{id}"/>"#).unwrap();
            id
        });
        // Neighbouring runs with the same mark share one w:ins or w:del.
        let mut i = 0;
        while i < p.runs.len() {
            let mark = p.runs[i].mark;
            let end = p.runs[i..]
                .iter()
                .position(|r| r.mark != mark)
                .map_or(p.runs.len(), |n| i + n);
            let open = mark.tag();
            if let Some(tag) = open {
                let a = self.revisions.attributes();
                write!(self.xml, "<{tag} {a}>").unwrap();
            }
            for run in &p.runs[i..end] {
                run_xml(&mut self.xml, run);
            }
            if let Some(tag) = open {
                write!(self.xml, "</{tag}>").unwrap();
            }
            i = end;
        }
        if let Some(id) = comment {
            write!(
                self.xml,
                r#"<w:commentRangeEnd w:id="{id}"/><w:r><w:commentReference w:id="{id}"/></w:r>"#
            )
            .unwrap();
        }
        self.xml.push_str("</w:p>");
    }

    /// The revision element of a table row tracked as `mark` (`w:trPr`'s
    /// `w:ins` or `w:del`), empty for a row not tracked.
    pub fn row_mark(&mut self, mark: Mark) -> String {
        match mark.tag() {
            Some(tag) => format!("<{tag} {}/>", self.revisions.attributes()),
            None => String::new(),
        }
    }

    /// A comment by the revisions' author, on its date: its `w:comment` for
    /// `comments.xml`, and its id.
    fn add_comment(&mut self, text: &str) -> usize {
        let id = self.comments.len();
        let mut attrs = format!(
            r#"w:id="{id}" w:author="{}""#,
            escape(&self.revisions.author)
        );
        if let Some(date) = &self.revisions.date {
            write!(attrs, r#" w:date="{}""#, escape(date)).unwrap();
        }
        self.comments.push(format!(
            r#"<w:comment {attrs}><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:comment>"#,
            escape(text)
        ));
        id
    }

    /// `comments.xml`, if any paragraph has a comment.
    pub fn comments_part(&self) -> Option<String> {
        (!self.comments.is_empty()).then(|| {
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="{W}">{}</w:comments>"#,
                self.comments.concat()
            )
        })
    }

    /// Whether moves can be written: their range markers must carry a date.
    pub fn can_move(&self) -> bool {
        self.revisions.date.is_some()
    }

    /// Writes paragraphs moved away from here (`from`) or to here, whole,
    /// between the range markers that tie the two ends together by `name`.
    pub fn moved<'p>(&mut self, name: &str, from: bool, paras: impl Iterator<Item = &'p Para>) {
        let (range, mark) = if from {
            ("w:moveFromRange", Mark::MovedFrom)
        } else {
            ("w:moveToRange", Mark::MovedTo)
        };
        let id = self.revisions.take_id();
        let a = self.revisions.attributes_of(id);
        write!(self.xml, r#"<{range}Start {a} w:name="{}"/>"#, escape(name)).unwrap();
        for p in paras {
            let p = Para {
                mark,
                runs: p.runs.iter().map(|r| r.clone().marked(mark)).collect(),
                ..p.clone()
            };
            self.para(&p);
        }
        write!(self.xml, r#"<{range}End w:id="{id}"/>"#).unwrap();
    }
}

impl Body {
    /// The attributes (`w:id`, `w:author`, `w:date`) of a revision mark the
    /// caller writes itself, such as a table row's `w:trPr/w:ins`: its id
    /// taken from the same count as every other mark of the file.
    pub fn revision_attributes(&mut self) -> String {
        self.revisions.attributes()
    }

    /// Appends a paragraph of a table row inserted or deleted whole
    /// (`mark`). Its comment, if any, is anchored at a point, by a reference
    /// run tracked like the row's other runs: LibreOffice keeps a tracked
    /// row, emptied, when it accepts or rejects it if a comment's range or
    /// an untracked run is in it.
    pub fn para_of_tracked_row(&mut self, p: &Para, mark: Mark) {
        let (Some(tag), Some(text)) = (mark.tag(), &p.comment) else {
            self.para(p);
            return;
        };
        self.para(&Para {
            comment: None,
            ..p.clone()
        });
        let id = self.add_comment(text);
        self.xml.truncate(self.xml.len() - "</w:p>".len());
        let a = self.revisions.attributes();
        write!(
            self.xml,
            r#"<{tag} {a}><w:r><w:commentReference w:id="{id}"/></w:r></{tag}></w:p>"#
        )
        .unwrap();
    }
}

/// One run: its style, then its text with tabs and breaks as elements.
fn run_xml(out: &mut String, run: &Run) {
    if run.text.is_empty() {
        return;
    }
    out.push_str("<w:r>");
    if run.style.is_some() || !run.format.is_empty() {
        out.push_str("<w:rPr>");
        if let Some(style) = run.style {
            write!(out, r#"<w:rStyle w:val="{}"/>"#, style.id()).unwrap();
        }
        out.push_str(run.format);
        out.push_str("</w:rPr>");
    }
    let text_tag = if run.mark == Mark::Deleted {
        "w:delText"
    } else {
        "w:t"
    };
    let mut piece = String::new();
    let flush = |out: &mut String, piece: &mut String| {
        if !piece.is_empty() {
            let space = if piece.contains(' ') {
                r#" xml:space="preserve""#
            } else {
                ""
            };
            write!(out, "<{text_tag}{space}>{}</{text_tag}>", escape(piece)).unwrap();
            piece.clear();
        }
    };
    for c in run.text.chars() {
        match c {
            '\t' => {
                flush(out, &mut piece);
                out.push_str("<w:tab/>");
            }
            '\n' => {
                flush(out, &mut piece);
                out.push_str("<w:br/>");
            }
            '\r' => {}
            c => piece.push(c),
        }
    }
    flush(out, &mut piece);
    out.push_str("</w:r>");
}

/// The hidden bookmark that carries a part's `id:` through Word:
/// `_gw_` and the id with `-` as `_d`, `_` as `_u` and any other character
/// that is not an ASCII letter or digit as `_x` + its hex code + `_`. Word
/// keeps bookmarks of up to 40 characters; a longer one is not written.
pub fn bookmark_name(id: &str) -> Option<String> {
    let mut name = String::from("_gw_");
    for c in id.chars() {
        match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' => name.push(c),
            '-' => name.push_str("_d"),
            '_' => name.push_str("_u"),
            c => write!(name, "_x{:x}_", c as u32).unwrap(),
        }
    }
    (name.chars().count() <= 40).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_ids_become_bookmark_names_word_keeps_and_the_importer_reads_back() {
        for (id, name) in [
            ("public-services", "_gw_public_dservices"),
            ("a_b", "_gw_a_ub"),
            ("总则", "_gw__x603b__x5219_"),
        ] {
            assert_eq!(bookmark_name(id).as_deref(), Some(name));
            assert_eq!(crate::import::docx::part_id(name).as_deref(), Some(id));
        }
        assert_eq!(bookmark_name(&"x".repeat(37)), None);
    }

    #[test]
    fn text_is_escaped_and_controls_dropped() {
        assert_eq!(escape("a<b>&\"c\u{1}"), "a&lt;b&gt;&amp;&quot;c");
    }

    #[test]
    fn a_tracked_rows_comment_is_a_point_whose_reference_is_tracked_with_the_row() {
        let mut body = Body::new(Revisions::new("甲", Some("2021-09-01T00:00:00Z".into())));
        let mut p = Para::new(
            WordStyle::Caption,
            vec![Run::plain("15").marked(Mark::Deleted)],
        );
        p.comment = Some("本行移至新稿第17行".into());
        body.para_of_tracked_row(&p, Mark::Deleted);
        assert!(!body.xml.contains("commentRange"), "{}", body.xml);
        assert!(body.xml.ends_with(
            r#"<w:del w:id="2" w:author="甲" w:date="2021-09-01T00:00:00Z"><w:r><w:commentReference w:id="0"/></w:r></w:del></w:p>"#
        ));
        assert_eq!(body.comments.len(), 1);
        assert!(body.comments[0].contains("本行移至新稿第17行"));
        // In a row of both drafts, the comment keeps its range.
        let mut plain = Body::new(Revisions::new("甲", None));
        plain.para_of_tracked_row(&p, Mark::Plain);
        assert!(plain.xml.contains(r#"<w:commentRangeStart w:id="0"/>"#));
    }

    #[test]
    fn runs_with_one_mark_share_one_revision_and_ids_are_unique() {
        let mut body = Body::new(Revisions::new("甲", Some("2021-09-01T00:00:00Z".into())));
        let p = Para {
            mark: Mark::Inserted,
            ..Para::new(
                WordStyle::Normal,
                vec![
                    Run::plain("前").marked(Mark::Inserted),
                    Run::styled("第一条", WordStyle::ArticleNo).marked(Mark::Inserted),
                    Run::plain("旧 ").marked(Mark::Deleted),
                    Run::plain("a\tb\nc"),
                ],
            )
        };
        body.para(&p);
        assert_eq!(body.revisions.count(), 3);
        assert!(body.xml.contains(
            r#"<w:rPr><w:ins w:id="1" w:author="甲" w:date="2021-09-01T00:00:00Z"/></w:rPr>"#
        ));
        assert!(body.xml.contains(r#"<w:ins w:id="2" "#));
        assert!(
            body.xml
                .contains(r#"<w:delText xml:space="preserve">旧 </w:delText>"#)
        );
        assert!(
            body.xml
                .contains("<w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t>")
        );
    }
}
