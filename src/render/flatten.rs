//! The body flattened into blocks in reading order, for the render context:
//! headings, paragraphs and tables, and the table of contents beside them.
//! A long body is flattened in two halves, the second on another core.

use super::context::{BlockKind, BlockView, TocEntry, heading_line};
use super::tables::TableView;
use crate::model::{Level, Role};
use crate::numbering::{Content, Section};
use crate::text::{Block, Text, escape, is_paragraph_of, strong_lead, to_markdown};
use crate::threads::joined;

/// The body's sections flattened: the first half here, the second on
/// another core (flattening a long draft was a fifth of its HTML build).
pub(super) fn flatten(sections: &[Section]) -> Flattener {
    let mut pieces = Vec::new();
    for section in sections {
        Piece::open(section, 1, 2, &mut pieces);
    }
    let weights: Vec<usize> = pieces.iter().map(Piece::weight).collect();
    let total: usize = weights.iter().sum();
    let mut before = 0;
    let half = weights
        .iter()
        .position(|w| {
            before += w;
            before * 2 >= total
        })
        .map_or(0, |i| i + 1);
    let (first, second) = pieces.split_at(half);
    let run = |pieces: &[Piece<'_>]| {
        let mut flat = Flattener::default();
        for piece in pieces {
            flat.piece(piece);
        }
        flat
    };
    std::thread::scope(|scope| {
        let later = (!second.is_empty()).then(|| scope.spawn(|| run(second)));
        let mut flat = run(first);
        if let Some(later) = later {
            let later = joined(later);
            flat.blocks.extend(later.blocks);
            flat.toc.extend(later.toc);
        }
        flat
    })
}

/// A piece of the body that flattens on its own: the pieces, flattened in
/// order one after another, give the blocks of the whole body.
enum Piece<'a> {
    /// A section, whole, at a depth.
    Section(&'a Section, usize),
    /// The heading line of a section whose contents are pieces of their own.
    Heading(&'a Section, usize),
    /// A paragraph or table of such a section.
    Loose(&'a Content, usize),
}

impl<'a> Piece<'a> {
    /// A section as pieces: whole, or, if it has a heading line of its own
    /// and `levels` is not yet 0, its heading and each of its contents.
    fn open(section: &'a Section, depth: usize, levels: usize, out: &mut Vec<Piece<'a>>) {
        let standalone = section.heading.is_some() && !section.run_in;
        if levels == 0 || !standalone {
            out.push(Piece::Section(section, depth));
            return;
        }
        // As [`Flattener::section`] does: contents at the section's depth,
        // sections one deeper.
        out.push(Piece::Heading(section, depth));
        for content in &section.body {
            match content {
                Content::Section(child) => Piece::open(child, depth + 1, levels - 1, out),
                other => out.push(Piece::Loose(other, depth)),
            }
        }
    }

    /// About how much flattening it takes: the parts it holds.
    fn weight(&self) -> usize {
        fn parts(section: &Section) -> usize {
            1 + section
                .body
                .iter()
                .map(|c| match c {
                    Content::Section(s) => parts(s),
                    _ => 1,
                })
                .sum::<usize>()
        }
        match self {
            Piece::Section(section, _) => parts(section),
            Piece::Heading(..) | Piece::Loose(..) => 1,
        }
    }
}

#[derive(Default)]
pub(super) struct Flattener {
    pub(super) blocks: Vec<BlockView>,
    pub(super) toc: Vec<TocEntry>,
}

impl Flattener {
    fn piece(&mut self, piece: &Piece<'_>) {
        match *piece {
            Piece::Section(section, depth) => self.section(section, depth),
            Piece::Heading(section, depth) => self.heading_block(section, depth),
            Piece::Loose(content, depth) => self.content(content, depth, depth + 1),
        }
    }

    pub(super) fn section(&mut self, section: &Section, depth: usize) {
        let standalone = section.heading.is_some() && !section.run_in;
        let mut body = section.body.iter().peekable();
        if standalone {
            self.heading_block(section, depth);
        } else {
            // The number (and a run-in heading) leads the first paragraph.
            let first = match body.peek() {
                Some(Content::Para(p)) => {
                    let p = p.clone();
                    body.next();
                    Some(p)
                }
                _ => None,
            };
            if first.is_some() || section.heading.is_some() || !section.label.is_empty() {
                self.lead_block(section, depth, first.as_deref());
            }
        }
        let child_depth = if section.heading.is_some() {
            depth + 1
        } else {
            depth
        };
        for content in body {
            self.content(content, depth, child_depth);
        }
    }

    /// A run of contents: paragraphs and tables at `depth`, sections at `child_depth`.
    pub(super) fn contents(&mut self, contents: &[Content], depth: usize, child_depth: usize) {
        for content in contents {
            self.content(content, depth, child_depth);
        }
    }

    fn content(&mut self, content: &Content, depth: usize, child_depth: usize) {
        match content {
            Content::Para(p) => self.plain_para(p, depth),
            Content::Section(s) => self.section(s, child_depth),
            Content::Table(t) => self.table(t, depth),
        }
    }

    fn table(&mut self, table: &crate::model::Table, depth: usize) {
        let Some(view) = TableView::new(table) else {
            return;
        };
        let block = loose(
            BlockKind::Table,
            depth,
            view.markdown(),
            view.html(),
            view.plain_rows().join("\n"),
        );
        self.blocks.push(BlockView {
            table: Some(view),
            ..block
        });
    }

    fn heading_block(&mut self, section: &Section, depth: usize) {
        let heading = section.heading.as_deref().unwrap_or("");
        let line = heading_line(section, heading);
        let text = Text::new(&line);
        let hashes = "#".repeat((depth + 1).min(6));
        self.toc.push(TocEntry {
            depth,
            label: section.label.clone(),
            heading: Text::new(heading),
            line: Text::toc(&line),
            anchor: section.anchor.clone(),
        });
        self.blocks.push(BlockView {
            kind: BlockKind::Heading,
            role: section.level.role(),
            depth,
            h: (depth + 1).min(6),
            anchor: Some(section.anchor.clone()),
            id: section.id.as_ref().map(|i| i.0.clone()),
            label: section.label.clone(),
            heading: Some(Text::new(heading)),
            lead: None,
            lead_strong: false,
            text: None,
            md: format!("{hashes} {}", to_markdown(&line, Block::Heading)),
            html: text.html,
            plain: text.plain,
            table: None,
        });
    }

    fn lead_block(&mut self, section: &Section, depth: usize, first: Option<&str>) {
        let rest = first.map(Text::new);
        let (lead, strong) = match (&section.heading, section.level) {
            (Some(h), _) => (format!("{}{h}", section.label), true),
            // 第一条 is set off from the article text by a full-width space (GB/T 9704 practice).
            (None, Level::Article) if !section.label.is_empty() => {
                (format!("{}\u{3000}", section.label), true)
            }
            (None, _) => (section.label.clone(), false),
        };
        if let Some(h) = &section.heading {
            self.toc.push(TocEntry {
                depth,
                label: section.label.clone(),
                heading: Text::new(h),
                line: Text::toc(&heading_line(section, h)),
                anchor: section.anchor.clone(),
            });
        }
        let rest_md = rest.as_ref().map_or("", |t| t.md.as_str());
        let rest_html = rest.as_ref().map_or("", |t| t.html.as_str());
        let rest_plain = rest.as_ref().map_or("", |t| t.plain.as_str());
        let lead_text = Text::new(&lead);
        let plain = format!("{}{rest_plain}", lead_text.plain);
        let (md, html) = if strong && !lead.trim().is_empty() {
            let lead_core = lead.trim_end_matches('\u{3000}');
            let gap = &lead[lead_core.len()..];
            (
                strong_lead(lead_core, &format!("{gap}{rest_md}")),
                format!(
                    "<span class=\"lead\">{}</span>{gap}{rest_html}",
                    lead_text.html.trim_end_matches('\u{3000}')
                ),
            )
        } else {
            (
                to_markdown(&format!("{lead}{}", first.unwrap_or("")), Block::Paragraph),
                format!("{}{rest_html}", lead_text.html),
            )
        };
        // The bold lead must not change what the paragraph says or is; if it
        // would (CommonMark cannot close `**` after a link before a letter),
        // the paragraph is written without the bold, then as plain text.
        let fits = |md: &str| is_paragraph_of(md, &plain);
        let md = if fits(&md) {
            md
        } else {
            let unbold = to_markdown(&format!("{lead}{}", first.unwrap_or("")), Block::Paragraph);
            if fits(&unbold) {
                unbold
            } else {
                escape(&plain, Block::Paragraph)
            }
        };
        self.blocks.push(BlockView {
            kind: BlockKind::Para,
            role: section.level.role(),
            depth,
            h: 0,
            anchor: Some(section.anchor.clone()),
            id: section.id.as_ref().map(|i| i.0.clone()),
            label: section.label.clone(),
            heading: section.heading.as_deref().map(Text::new),
            lead: (!lead.is_empty()).then(|| lead_text.clone()),
            lead_strong: strong,
            text: rest.clone(),
            md,
            html,
            plain,
            table: None,
        });
    }

    fn plain_para(&mut self, text: &str, depth: usize) {
        let t = Text::new(text);
        let block = loose(
            BlockKind::Para,
            depth,
            t.md.clone(),
            t.html.clone(),
            t.plain.clone(),
        );
        self.blocks.push(BlockView {
            text: Some(t),
            ..block
        });
    }
}

/// A block that opens no section: a further paragraph of one, or a table.
fn loose(kind: BlockKind, depth: usize, md: String, html: String, plain: String) -> BlockView {
    BlockView {
        kind,
        role: Role::Text,
        depth,
        h: 0,
        anchor: None,
        id: None,
        label: String::new(),
        heading: None,
        lead: None,
        lead_strong: false,
        text: None,
        md,
        html,
        plain,
        table: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbering::number;
    use std::path::Path;

    /// The body flattened in one run, section after section.
    fn in_one_run(sections: &[Section]) -> Flattener {
        let mut flat = Flattener::default();
        for section in sections {
            flat.section(section, 1);
        }
        flat
    }

    /// Flattened in two halves, the body gives the blocks and contents lines
    /// it gives in one run: on the sample drafts (outline style) and on real
    /// laws of books, chapters, sections and articles.
    #[test]
    fn two_halves_flatten_to_the_body_in_one_run() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut documents = Vec::new();
        for draft in [
            "drafts/chengdong-urbanization-2021/v1",
            "drafts/chengdong-vocational-education-2021/v2.yaml",
        ] {
            documents.push(number(&crate::load::load_draft(&root.join(draft)).unwrap()));
        }
        for law in ["civil-code-2020.md", "legislation-law-2023.md"] {
            let path = root.join("tests/corpus").join(law);
            let imported = crate::import::import_file(&path, Default::default()).unwrap();
            documents.push(number(&imported.draft));
        }
        for document in &documents {
            let (halves, whole) = (flatten(&document.sections), in_one_run(&document.sections));
            assert!(whole.blocks.len() > 10, "{}", document.meta.title);
            assert!(halves.blocks == whole.blocks, "{}", document.meta.title);
            assert!(halves.toc == whole.toc, "{}", document.meta.title);
        }
    }
}
