//! How the redline marks what a reviewer must not miss: a part moved is
//! marked where it left (移至…) and where it arrived (由原…移来) in every
//! view; the 新旧对照表 strikes a changed number and marks the new one; the
//! PDF prints a change bar in the margin beside every changed line.

use gongwen::compare::{ChangeSet, compare};
use gongwen::model::{Draft, Level, Part};
use gongwen::numbering::{Document, number};
use gongwen::render::redline::RedlineContext;
use gongwen::render::{Format, View};

use crate::common::edits::{part_at, paths, take};
use crate::common::{self, root};

fn import(name: &str) -> Draft {
    gongwen::import::import_file(&root().join("tests/corpus").join(name), Default::default())
        .unwrap()
        .draft
}

/// The Legislation Law (2023) and the same law with its 第十七条 (the first
/// of 第二章第二节) moved to after its 第二十四条, word for word: 第十八条 to
/// 第二十四条 become 第十七条 to 第二十三条, and the moved article 第二十四条.
fn moved_seventeenth() -> (Document, Document, ChangeSet) {
    let old = import("legislation-law-2023.md");
    let mut new = old.clone();
    let articles: Vec<Vec<usize>> = paths(&new.parts)
        .into_iter()
        .filter(|p| part_at(&mut new.parts, p).is_some_and(|part| part.level == Level::Article))
        .collect();
    // Both in the same chapter, so the move is among siblings.
    let (tenth, twentieth) = (&articles[16], &articles[23]);
    assert_eq!(tenth[..tenth.len() - 1], twentieth[..twentieth.len() - 1]);
    let moved: Part = take(&mut new.parts, tenth).unwrap();
    let parent = part_at(&mut new.parts, &tenth[..tenth.len() - 1]).unwrap();
    let at = parent
        .body
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, gongwen::model::Block::Part(_)))
        .map(|(i, _)| i)
        .nth(twentieth[twentieth.len() - 1] - 1)
        .unwrap();
    parent
        .body
        .insert(at + 1, gongwen::model::Block::Part(moved));
    let (old, new) = (number(&old), number(&new));
    let changes = compare(&old, &new);
    (old, new, changes)
}

fn context(
    formats: &[Format],
    (old, new, changes): &(Document, Document, ChangeSet),
) -> RedlineContext {
    RedlineContext::for_formats(formats, old, new, ("2023", "moved"), changes, false)
}

#[test]
fn a_moved_article_is_marked_where_it_left_and_where_it_arrived() {
    let pair = moved_seventeenth();
    let moved: Vec<_> = pair.2.changes.iter().filter(|c| c.moved).collect();
    assert_eq!(moved.len(), 1, "{moved:#?}");
    let (from, to) = (
        moved[0].old.as_ref().unwrap(),
        moved[0].new.as_ref().unwrap(),
    );
    assert_eq!(
        (from.label.as_str(), to.label.as_str()),
        ("第十七条", "第二十四条")
    );
    // It left from right after the heading of its 节, which stayed.
    let section = pair
        .1
        .sections
        .iter()
        .flat_map(all)
        .find(|s| {
            s.heading
                .as_ref()
                .is_some_and(|h| h.contains("全国人民代表大会立法程序"))
        })
        .unwrap();
    assert_eq!(moved[0].after.as_deref(), Some(section.anchor.as_str()));

    // HTML: where it left, its number and opening struck as a move, and
    // where it went; where it arrived, where it came from. In that order.
    let html = context(&[Format::Html], &pair);
    let texts: Vec<&str> = html.blocks.iter().map(|b| b.html.as_str()).collect();
    let left = texts
        .iter()
        .position(|h| h.contains("<del class=\"moved\">第十七条　"))
        .unwrap_or_else(|| panic!("{texts:#?}"));
    assert!(
        texts[left].contains("〔移至第二十四条〕"),
        "{}",
        texts[left]
    );
    assert!(
        texts[left - 1].contains("全国人民代表大会立法程序"),
        "{}",
        texts[left - 1]
    );
    let arrived = texts
        .iter()
        .position(|h| h.contains("〔由原第十七条移来〕"))
        .unwrap();
    assert!(arrived > left);
    assert!(texts[arrived].contains("第二十四条"), "{}", texts[arrived]);
    assert_eq!(texts.iter().filter(|h| h.contains("移至")).count(), 1);

    // Markdown: the same two marks, as CriticMarkup.
    let md = context(&[Format::Markdown], &pair);
    let marks: Vec<&str> = md
        .blocks
        .iter()
        .map(|b| b.md.as_str())
        .filter(|m| m.contains("移至") || m.contains("移来"))
        .collect();
    assert_eq!(marks.len(), 2, "{marks:#?}");
    assert!(
        marks[0].starts_with("{--第十七条　") && marks[0].ends_with("{>>移至第二十四条<<}"),
        "{}",
        marks[0]
    );
    assert!(marks[1].ends_with("{>>由原第十七条移来<<}"), "{}", marks[1]);
}

#[test]
fn the_side_by_side_table_strikes_old_numbers_and_marks_both_ends_of_a_move() {
    let pair = moved_seventeenth();
    let sbs = context(&[Format::Html], &pair).side_by_side(&pair.1, false);
    let rows = &sbs.side_by_side.as_ref().unwrap().rows;
    // 第十八条 … 第二十四条 renumbered one down: the old number struck, the new marked.
    let eleventh = rows
        .iter()
        .find(|r| r.old_html.starts_with("<del>第十八条</del>"))
        .unwrap_or_else(|| {
            panic!(
                "{:#?}",
                rows.iter().map(|r| &r.old_html).collect::<Vec<_>>()
            )
        });
    assert!(
        eleventh.new_html.starts_with("<ins>第十七条</ins>　"),
        "{}",
        eleventh.new_html
    );
    // The move: a row where it left (移至) before the renumbered ones, and
    // its own row where it arrived (由原…移来) after them.
    let left = rows
        .iter()
        .position(|r| r.note.as_deref() == Some("移至第二十四条"))
        .unwrap();
    assert!(rows[left].new_segments.is_empty());
    assert!(
        rows[left]
            .old_html
            .contains("<del class=\"moved\">第十七条　")
    );
    assert!(
        rows[left].old_html.ends_with("〔移至第二十四条〕</span>"),
        "{}",
        rows[left].old_html
    );
    let arrived = rows
        .iter()
        .position(|r| r.note.as_deref() == Some("由原第十七条移来"))
        .unwrap();
    assert!(arrived > left + 6, "{left} {arrived}");
    assert!(rows[arrived].new_html.starts_with("<ins>第二十四条</ins>"));
    // The Word table says the same.
    let docx = common::renderer()
        .render(
            Format::Docx,
            View::Redline {
                view: &sbs,
                old: &pair.0,
                new: &pair.1,
            },
        )
        .unwrap()
        .bytes;
    let xml = crate::docx::part(&docx, "word/document.xml");
    assert!(xml.contains("〔移至第二十四条〕") && xml.contains("〔由原第十七条移来〕"));
}

/// Every section of a part, itself first.
fn all(s: &gongwen::numbering::Section) -> Vec<&gongwen::numbering::Section> {
    let mut out = vec![s];
    for c in s.children() {
        out.extend(all(c));
    }
    out
}

mod bars {
    use typst::layout::{Abs, Frame, FrameItem, Point};
    use typst::visualize::{Color, Geometry, Paint};

    /// On one page: each vertical rule in the left margin (x, top,
    /// bottom) and each run of
    /// text (baseline y, its colour), in page coordinates.
    #[derive(Default)]
    pub struct Page {
        pub rules: Vec<(Abs, Abs, Abs)>,
        pub texts: Vec<(Abs, Color, String)>,
    }

    pub fn read(frame: &Frame, at: Point, page: &mut Page) {
        for (pos, item) in frame.items() {
            let pos = at + *pos;
            match item {
                FrameItem::Group(g) => {
                    let shift = Point::new(g.transform.tx, g.transform.ty);
                    read(&g.frame, pos + shift, page);
                }
                FrameItem::Shape(shape, _) => {
                    // Vertical, and left of the text block (28 mm): not
                    // a table's border.
                    if let Geometry::Line(to) = shape.geometry
                        && to.x.abs() < Abs::pt(0.01)
                        && to.y > Abs::zero()
                        && pos.x < Abs::mm(27.0)
                    {
                        page.rules.push((pos.x, pos.y, pos.y + to.y));
                    }
                }
                FrameItem::Text(text) => {
                    if let Paint::Solid(color) = &text.fill {
                        let s: String = text.text.to_string();
                        page.texts.push((pos.y, color.clone(), s));
                    }
                }
                _ => {}
            }
        }
    }
}

#[test]
fn the_pdf_prints_a_change_bar_beside_every_changed_line_and_nowhere_else() {
    use typst::layout::{Abs, Point};
    use typst::visualize::Color;
    let old = common::reference("v1");
    let new = common::reference("v2.yaml");
    let changes = compare(&old, &new);
    let ctx =
        RedlineContext::for_formats(&[Format::Pdf], &old, &new, ("v1", "v2"), &changes, false);
    let laid = common::renderer()
        .layout(View::Redline {
            view: &ctx,
            old: &old,
            new: &new,
        })
        .unwrap();
    let red = Color::from_u8(0xb0, 0x00, 0x00, 0xff);
    let green = Color::from_u8(0x00, 0x6b, 0x3c, 0xff);
    let (mut rules, mut barred_lines) = (0, 0);
    for (n, page) in laid.document.pages().iter().enumerate() {
        let mut seen = bars::Page::default();
        bars::read(&page.frame, Point::zero(), &mut seen);
        // The marked-up draft ends where the 修改对照表 begins, on a page
        // of its own: its cells mark changes without bars.
        if seen.texts.iter().any(|(_, _, t)| t == "修改对照表") {
            assert!(
                seen.rules.is_empty(),
                "page {}: bars in the 修改对照表",
                n + 1
            );
            break;
        }
        // Rules stand 6 mm left of the text block (28 mm), nowhere else.
        for &(x, _, _) in &seen.rules {
            assert!(
                (x - Abs::mm(22.0)).abs() < Abs::pt(0.1),
                "page {}: a rule at {x:?}",
                n + 1
            );
        }
        rules += seen.rules.len();
        let beside = |y: Abs| seen.rules.iter().any(|&(_, top, foot)| top < y && y < foot);
        // Each inserted or deleted run has a rule beside its line …
        let changed: Vec<&(Abs, Color, String)> = seen
            .texts
            .iter()
            .filter(|(_, c, _)| *c == red || *c == green)
            .collect();
        for (y, _, text) in &changed {
            assert!(beside(*y), "page {}: {text} at {y:?} has no bar", n + 1);
        }
        barred_lines += changed.len();
        // … and each rule stands beside coloured text: no bar beside a
        // line that did not change.
        for &(_, top, foot) in &seen.rules {
            assert!(
                seen.texts
                    .iter()
                    .any(|(y, c, _)| top < *y && *y < foot && *c != Color::BLACK),
                "page {}: a bar from {top:?} to {foot:?} beside no change",
                n + 1
            );
        }
    }
    assert!(
        rules >= 10 && barred_lines >= rules,
        "{rules} rules, {barred_lines} runs"
    );
}
