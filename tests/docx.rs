//! Word files: the draft's .docx and the redline's tracked changes.
//!
//! The redline is checked two ways against the drafts' own .docx files:
//! Accept All and Reject All done here on the XML, paragraph by paragraph,
//! and pandoc's `--track-changes=accept|reject` reader. Every file written is
//! validated with openxml-audit; LibreOffice lays the reference draft out.

use crate::common::{self, reference, root};

use std::collections::{BTreeSet, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};

use common::edits::{apply_edit, edit};
use gongwen::model::Draft;
use gongwen::numbering::{Document, number};
use gongwen::render::{Format, RedlineContext, RenderContext, View};
use proptest::prelude::*;
use proptest::strategy::ValueTree;

fn draft_docx(doc: &Document) -> Vec<u8> {
    let ctx = RenderContext::new(doc);
    common::renderer()
        .render(Format::Docx, View::Draft(&ctx))
        .unwrap()
        .bytes
}

fn redline_docx(old: &Document, new: &Document) -> Vec<u8> {
    let changes = gongwen::compare::compare(old, new);
    let ctx =
        RedlineContext::for_formats(&[Format::Docx], old, new, ("old", "new"), &changes, false);
    render_redline(&ctx, old, new)
}

/// The redline with the 修改对照表 after its text.
fn side_by_side_docx(old: &Document, new: &Document) -> Vec<u8> {
    let changes = gongwen::compare::compare(old, new);
    let ctx =
        RedlineContext::for_formats(&[Format::Docx], old, new, ("old", "new"), &changes, false)
            .side_by_side(new, false);
    render_redline(&ctx, old, new)
}

fn render_redline(view: &RedlineContext, old: &Document, new: &Document) -> Vec<u8> {
    common::renderer()
        .render(Format::Docx, View::Redline { view, old, new })
        .unwrap()
        .bytes
}

/// One part of the package, as text.
pub(crate) fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Which side of the tracked changes to keep.
#[derive(Clone, Copy, PartialEq)]
enum Keep {
    Accept,
    Reject,
}

/// The body's paragraphs after Accept All or Reject All: content of the
/// dropped kind removed, and a paragraph whose mark is dropped joined to
/// the next, as Word does. A table is a line per row kept (a row whose
/// `w:trPr` holds the dropped kind is removed whole), its cells set apart
/// by ｜, a cell that continues a merge from above as ↑ and one spanning
/// columns led by its span: so the merges are compared too.
fn paragraphs(docx: &[u8], keep: Keep) -> Vec<String> {
    let xml = part(docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let (dropped, kept) = match keep {
        Keep::Accept => (["del", "moveFrom"], ["ins", "moveTo"]),
        Keep::Reject => (["ins", "moveTo"], ["del", "moveFrom"]),
    };
    let is = |n: &roxmltree::Node, names: &[&str]| {
        n.tag_name().namespace() == Some(W) && names.contains(&n.tag_name().name())
    };
    let body = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "body")))
        .unwrap();
    // A paragraph's text after the change, and whether its mark is dropped.
    let text_of = |p: roxmltree::Node| -> (String, bool) {
        let mut text = String::new();
        let mut mark_dropped = false;
        for n in p.descendants() {
            let in_ppr = n.ancestors().any(|a| a.has_tag_name((W, "pPr")));
            if in_ppr {
                if is(&n, &dropped) {
                    mark_dropped = true;
                }
                continue;
            }
            if n.ancestors().any(|a| is(&a, &dropped)) {
                continue;
            }
            match n.tag_name().name() {
                "t" | "delText" if n.tag_name().namespace() == Some(W) => {
                    if n.tag_name().name() == "delText" {
                        assert!(
                            n.ancestors().any(|a| is(&a, &kept[..1])),
                            "delText outside a deletion"
                        );
                    }
                    text.push_str(n.text().unwrap_or(""));
                }
                "tab" => text.push('\t'),
                "br" => text.push('\n'),
                _ => {}
            }
        }
        (text, mark_dropped)
    };
    let mut out = Vec::new();
    let mut carried = String::new();
    for element in body.children() {
        if element.has_tag_name((W, "tbl")) {
            for row in element.children().filter(|n| n.has_tag_name((W, "tr"))) {
                let marks: Vec<&str> = row
                    .children()
                    .filter(|n| n.has_tag_name((W, "trPr")))
                    .flat_map(|pr| pr.children())
                    .filter(|n| is(n, &["ins", "del"]))
                    .map(|n| n.tag_name().name())
                    .collect();
                assert!(marks.len() <= 1, "a row inserted and deleted");
                if let Some(&mark) = marks.first() {
                    // Every run of a tracked row (a comment's reference
                    // too) tracked the same way, so that a processor that
                    // reads no row marks keeps an empty row, and LibreOffice
                    // removes the row (it keeps one with an untracked run).
                    for r in row.descendants().filter(|n| is(n, &["r"])) {
                        assert!(
                            r.ancestors().any(|a| is(&a, &[mark])),
                            "{:?} in a row marked {mark}",
                            r.descendants().filter_map(|t| t.text()).collect::<String>()
                        );
                    }
                    if dropped.contains(&mark) {
                        continue;
                    }
                }
                let cells: Vec<String> = row
                    .children()
                    .filter(|n| n.has_tag_name((W, "tc")))
                    .map(|tc| {
                        let props = tc.children().find(|n| n.has_tag_name((W, "tcPr")));
                        let prop = |name: &str| {
                            props.and_then(|p| p.children().find(|n| n.has_tag_name((W, name))))
                        };
                        let mut cell = String::new();
                        if let Some(span) = prop("gridSpan") {
                            cell.push_str(&format!("⇥{}", span.attribute((W, "val")).unwrap()));
                        }
                        if prop("vMerge")
                            .is_some_and(|m| m.attribute((W, "val")) != Some("restart"))
                        {
                            cell.push('↑');
                        }
                        let paras: Vec<String> = tc
                            .children()
                            .filter(|n| n.has_tag_name((W, "p")))
                            .map(|p| {
                                let (text, mark_dropped) = text_of(p);
                                assert!(!mark_dropped, "a cell's paragraph mark tracked");
                                text
                            })
                            .collect();
                        cell.push_str(&paras.join("¶"));
                        cell
                    })
                    .collect();
                out.push(format!("▦{}", cells.join("｜")));
            }
            continue;
        }
        if !element.has_tag_name((W, "p")) {
            continue;
        }
        let (text, mark_dropped) = text_of(element);
        let text = std::mem::take(&mut carried) + &text;
        if mark_dropped {
            carried = text;
        } else {
            out.push(text);
        }
    }
    if !carried.is_empty() {
        out.push(carried);
    }
    out
}

/// Every revision id (ins, del, moves, paragraph marks, move ranges) and
/// the names of the two ends of each move.
fn revision_ids(docx: &[u8]) -> (Vec<String>, BTreeSet<String>, BTreeSet<String>) {
    let xml = part(docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let mut ids = Vec::new();
    let (mut from, mut to) = (BTreeSet::new(), BTreeSet::new());
    for n in doc.descendants() {
        let name = n.tag_name().name();
        if matches!(
            name,
            "ins" | "del" | "moveFrom" | "moveTo" | "moveFromRangeStart" | "moveToRangeStart"
        ) {
            ids.push(n.attribute((W, "id")).unwrap().to_string());
            assert!(
                n.attribute((W, "author")).is_some(),
                "{name} without author"
            );
        }
        if name == "moveFromRangeStart" {
            from.insert(n.attribute((W, "name")).unwrap().to_string());
        }
        if name == "moveToRangeStart" {
            to.insert(n.attribute((W, "name")).unwrap().to_string());
        }
    }
    (ids, from, to)
}

/// Accept All gives the new draft's paragraphs and Reject All the old
/// draft's, exactly; ids are unique and every move has both ends.
fn check_redline(old: &Document, new: &Document) -> Vec<u8> {
    let red = redline_docx(old, new);
    assert_eq!(
        paragraphs(&red, Keep::Accept),
        paragraphs(&draft_docx(new), Keep::Accept),
        "accept all"
    );
    assert_eq!(
        paragraphs(&red, Keep::Reject),
        paragraphs(&draft_docx(old), Keep::Accept),
        "reject all"
    );
    let (ids, from, to) = revision_ids(&red);
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "revision ids repeat");
    assert_eq!(from, to, "a move without both ends");
    red
}

/// A corpus law, imported, dated so that its moves are Word moves.
fn corpus(name: &str) -> Document {
    let path = root().join("tests/corpus").join(name);
    let mut draft = gongwen::import::import_file(&path, Default::default())
        .unwrap()
        .draft;
    draft.meta.date = gongwen::model::Date::new(2023, 12, 29);
    number(&draft)
}

#[test]
fn the_draft_docx_has_the_gbt9704_page_grid_styles_and_footers() {
    let v1 = reference("v1");
    let docx = draft_docx(&v1);
    assert_eq!(docx, draft_docx(&v1), "the same draft gives the same bytes");
    let document = part(&docx, "word/document.xml");
    for expected in [
        r#"<w:pgSz w:w="11906" w:h="16838"/>"#,
        r#"w:top="2098" w:right="1474" w:bottom="1984" w:left="1588""#,
        r#"<w:docGrid w:type="lines" w:linePitch="579"/>"#,
        r#"<w:footerReference w:type="default""#,
        r#"<w:footerReference w:type="even""#,
    ] {
        assert!(document.contains(expected), "{expected}");
    }
    assert!(part(&docx, "word/settings.xml").contains("<w:evenAndOddHeaders/>"));
    let styles = part(&docx, "word/styles.xml");
    for name in [
        "标题",
        "稿别",
        "一级标题",
        "二级标题",
        "三级标题",
        "四级标题",
        "章",
        "节",
        "条",
        "条号",
    ] {
        assert!(
            styles.contains(&format!(r#"<w:name w:val="{name}"/>"#)),
            "style {name}"
        );
    }
    assert!(styles.contains(r#"<w:sz w:val="32"/>"#), "defaults at 3号");
    assert!(styles.contains(r#"w:eastAsia="仿宋_GB2312""#));
    let odd = part(&docx, "word/footer1.xml");
    let even = part(&docx, "word/footer2.xml");
    assert!(odd.contains(r#"<w:jc w:val="right"/>"#) && odd.contains(" PAGE "));
    assert!(even.contains(r#"<w:jc w:val="left"/>"#) && even.contains(" PAGE "));
    // The draft's text, paragraph by paragraph, as the PDF sets it.
    let ctx = RenderContext::new(&v1);
    let paras = paragraphs(&docx, Keep::Accept);
    for block in &ctx.blocks {
        assert!(paras.contains(&block.plain), "{}", block.plain);
    }
    assert!(paras.contains(&"（征求意见稿）".to_string()));
}

/// Each kind of style as gongwen has always written it: an indent in cells
/// and in twips, off the grid, a face of its own.
#[test]
fn the_styles_part_keeps_its_bytes() {
    let styles = part(&draft_docx(&reference("v1")), "word/styles.xml");
    for expected in [
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="630"/></w:pPr><w:rPr><w:spacing w:val="-5"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="GwAttachment"><w:name w:val="附件说明"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:leftChars="500" w:left="1575" w:hangingChars="300" w:hanging="945"/></w:pPr><w:rPr></w:rPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="GwDate"><w:name w:val="成文日期"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:rightChars="400" w:right="1260" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/></w:pPr><w:rPr></w:rPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="GwImprint"><w:name w:val="版记"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="280" w:right="280" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="GwCaption"><w:name w:val="表格"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="400" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:spacing w:val="0"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="GwSection"><w:name w:val="节"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:ascii="楷体_GB2312" w:hAnsi="楷体_GB2312" w:eastAsia="楷体_GB2312" w:cs="楷体_GB2312"/></w:rPr></w:style>"#,
        r#"<w:style w:type="character" w:customStyle="1" w:styleId="GwLead1"><w:name w:val="一级小标题"/><w:qFormat/><w:rPr><w:rFonts w:ascii="黑体" w:hAnsi="黑体" w:eastAsia="黑体" w:cs="黑体"/></w:rPr></w:style>"#,
    ] {
        assert!(styles.contains(expected), "{expected}");
    }
}

#[test]
fn article_numbers_are_a_black_run_then_a_full_width_space() {
    let law = corpus("legislation-law-2023.md");
    let document = part(&draft_docx(&law), "word/document.xml");
    assert!(document.contains(
        r#"<w:pStyle w:val="GwArticle"/></w:pPr><w:r><w:rPr><w:rStyle w:val="GwArticleNo"/></w:rPr><w:t>第一条</w:t></w:r><w:r><w:t>　</w:t></w:r>"#
    ));
    assert!(document.contains(r#"<w:pStyle w:val="GwChapter"/>"#));
}

#[test]
fn a_draft_names_its_own_faces() {
    let mut draft = gongwen::load::load_draft(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts/chengdong-urbanization-2021/v1"),
    )
    .unwrap();
    draft.meta.fonts.body = Some("方正仿宋_GBK".into());
    let styles = part(&draft_docx(&number(&draft)), "word/styles.xml");
    assert!(styles.contains(r#"w:eastAsia="方正仿宋_GBK""#));
}

#[test]
fn the_reference_redline_accepts_to_v2_and_rejects_to_v1() {
    let red = check_redline(&reference("v1"), &reference("v2.yaml"));
    let document = part(&red, "word/document.xml");
    assert!(document.contains("<w:ins ") && document.contains("<w:del "));
    assert_eq!(red, redline_docx(&reference("v1"), &reference("v2.yaml")));
}

/// The vocational plan: its 分工表 an attachment's table with merged
/// 牵头单位 cells, a row added, one moved and a column renamed in v2.
fn vocational(version: &str) -> Document {
    number(
        &gongwen::load::load_draft(
            &root()
                .join("drafts/chengdong-vocational-education-2021")
                .join(version),
        )
        .unwrap(),
    )
}

#[test]
fn the_task_tables_rows_are_tracked_rows_paired_as_the_comparison_pairs_them() {
    let (v1, v2) = (vocational("v1"), vocational("v2.yaml"));
    let red = check_redline(&v1, &v2);
    let document = part(&red, "word/document.xml");
    let xml = roxmltree::Document::parse(&document).unwrap();
    let row_text = |tr: &roxmltree::Node| -> String {
        tr.descendants()
            .filter(|n| n.has_tag_name((W, "t")) || n.has_tag_name((W, "delText")))
            .filter_map(|n| n.text())
            .collect()
    };
    let row_mark = |tr: &roxmltree::Node| -> Option<String> {
        tr.children()
            .find(|n| n.has_tag_name((W, "trPr")))?
            .children()
            .find(|n| n.has_tag_name((W, "ins")) || n.has_tag_name((W, "del")))
            .map(|n| n.tag_name().name().to_string())
    };
    let rows: Vec<(Option<String>, String)> = xml
        .descendants()
        .filter(|n| n.has_tag_name((W, "tr")))
        .map(|tr| (row_mark(&tr), row_text(&tr)))
        .collect();
    let marked: Vec<(&str, &str)> = rows
        .iter()
        .filter_map(|(m, t)| Some((m.as_deref()?, t.as_str())))
        .collect();
    // Row 8 added; 宣传… deleted where it stood (old row 15) and inserted
    // where it went (new row 17); row 18 added. Nothing else is a row change:
    // the rows renumbered by the added one keep their place.
    let starts =
        |(mark, text): &(&str, &str), m: &str, start: &str| *mark == m && text.starts_with(start);
    assert_eq!(marked.len(), 4, "{marked:#?}");
    assert!(
        starts(&marked[0], "ins", "8开展企业新型学徒制培训"),
        "{marked:#?}"
    );
    assert!(
        starts(&marked[1], "del", "15宣传职业教育改革"),
        "{marked:#?}"
    );
    assert!(
        starts(&marked[2], "ins", "17宣传职业教育改革"),
        "{marked:#?}"
    );
    assert!(
        starts(&marked[3], "ins", "18建立职业教育改革工作调度机制"),
        "{marked:#?}"
    );
    let comments = part(&red, "word/comments.xml");
    assert!(comments.contains("本行移至新稿第17行"), "{comments}");
    assert!(comments.contains("本行由原稿第15行移来"), "{comments}");
    // The renamed column a tracked edit in the header row, which still
    // repeats on every page.
    let header = xml
        .descendants()
        .find(|n| {
            n.has_tag_name((W, "tr")) && n.descendants().any(|d| d.has_tag_name((W, "tblHeader")))
        })
        .unwrap();
    let tracked = |tag: &str| -> String {
        header
            .descendants()
            .filter(|n| n.has_tag_name((W, tag)))
            .flat_map(|n| n.descendants())
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect()
    };
    assert_eq!(
        (tracked("del"), tracked("ins")),
        ("责任".into(), "配合".into())
    );
    // An edited cell: 5家 → 8家, and the renumbered 序号 tracked too.
    assert!(document.contains("<w:delText>5</w:delText>"));
    assert!(
        rows.iter()
            .any(|(m, t)| m.is_none() && t.starts_with("89支持职业技术学校"))
    );
    // The table's merges kept: 区教育局 over three rows, as in both drafts.
    assert!(document.contains(r#"<w:vMerge w:val="restart"/>"#));
}

/// A table with a column added (its merged cell kept) and its caption
/// reworded, and in the next part a table whose columns are renamed and
/// whose caption is dropped.
fn columns_changed() -> (Document, Document) {
    let load = |columns: &str, rows: [&str; 2], other: &str| {
        let (caption, dropped) = match other {
            "项目, 金额" => ("重点任务表", "\n          caption: 资金表"),
            _ => ("重点任务分工表", ""),
        };
        let yaml = format!(
            "title: 方案\nparts:\n  - heading: 任务\n    text:\n      - 见下表。\n      - table:\n          caption: {caption}\n          header: [{columns}]\n          rows:\n            - [{}]\n            - [{}]\n      - 其他。\n  - heading: 资金\n    text:\n      - table:{dropped}\n          header: [{other}]\n          rows:\n            - [道路改造, 1200万元]\n      - 以上。\n",
            rows[0], rows[1]
        );
        number(&gongwen::load::load_draft_bytes(Path::new("d.yaml"), yaml.as_bytes()).unwrap())
    };
    (
        load(
            "任务, 牵头单位",
            ["推进城市更新, {text: 区住建局, rows: 2}", "完善基础设施"],
            "项目, 金额",
        ),
        load(
            "任务, 牵头单位, 时限",
            [
                "推进城市更新, {text: 区住建局, rows: 2}, 年底前",
                "完善基础设施, 持续推进",
            ],
            "事项, 经费来源",
        ),
    )
}

#[test]
fn a_table_whose_columns_changed_is_its_old_rows_deleted_and_its_new_ones_inserted() {
    let (old, new) = columns_changed();
    let red = check_redline(&old, &new);
    let document = part(&red, "word/document.xml");
    let xml = roxmltree::Document::parse(&document).unwrap();
    let marks: Vec<&str> = xml
        .descendants()
        .filter(|n| n.has_tag_name((W, "trPr")))
        .filter_map(|pr| {
            pr.children()
                .find(|n| n.has_tag_name((W, "ins")) || n.has_tag_name((W, "del")))
        })
        .map(|n| n.tag_name().name())
        .collect();
    // Three rows each way for the first table; the second keeps its
    // columns, renamed: an edit in its header row.
    assert_eq!(marks, ["del", "del", "del", "ins", "ins", "ins"]);
    assert!(document.contains("<w:delText>项目</w:delText>"));
    // The captions: one edited (分工 inserted), one deleted with its mark.
    assert!(document.contains("<w:t>分工</w:t>"));
    assert!(document.contains("<w:delText>资金表</w:delText>"));
}

#[test]
fn the_side_by_side_table_follows_the_tracked_text() {
    let (v1, v2) = (reference("v1"), reference("v2.yaml"));
    let docx = side_by_side_docx(&v1, &v2);
    let document = part(&docx, "word/document.xml");
    let xml = roxmltree::Document::parse(&document).unwrap();
    let rows = xml
        .descendants()
        .filter(|n| n.has_tag_name((W, "tr")))
        .count();
    let changes = gongwen::compare::compare(&v1, &v2);
    let ctx = RedlineContext::for_formats(&[Format::Docx], &v1, &v2, ("a", "b"), &changes, false)
        .side_by_side(&v2, false);
    assert_eq!(
        rows,
        1 + ctx.side_by_side.unwrap().rows.len(),
        "a header and a row per part"
    );
    assert!(document.contains("修改前") && !document.contains("同左"));
    assert!(document.contains("<w:strike/>") && document.contains(r#"<w:u w:val="single"/>"#));
    // The tracked text before the table is the redline's.
    let heading = document.find("修改对照表").unwrap();
    let tracked = &document[..document[..heading].rfind("<w:p>").unwrap()];
    assert!(part(&redline_docx(&v1, &v2), "word/document.xml").starts_with(tracked));
}

/// The reference drafts without their dates: a move cannot be a Word move.
fn undated(version: &str) -> Document {
    let mut draft = gongwen::load::load_draft(
        &root()
            .join("drafts/chengdong-urbanization-2021")
            .join(version),
    )
    .unwrap();
    draft.meta.date = None;
    number(&draft)
}

#[test]
fn without_a_date_a_move_is_a_deletion_and_an_insertion_with_comments() {
    let red = check_redline(&undated("v1"), &undated("v2.yaml"));
    let document = part(&red, "word/document.xml");
    assert!(!document.contains("moveFrom") && !document.contains("moveTo"));
    let comments = part(&red, "word/comments.xml");
    assert!(comments.contains("本部分移至新稿（五）处"), "{comments}");
    assert!(comments.contains("本部分由原稿（十）处移来"), "{comments}");
    assert_eq!(document.matches("<w:commentReference ").count(), 2);
    // Dated, the same change is a Word move and there are no comments.
    let dated = redline_docx(&reference("v1"), &reference("v2.yaml"));
    assert!(part(&dated, "word/document.xml").contains("<w:moveFromRangeStart "));
}

#[test]
fn real_law_redlines_accept_and_reject_exactly() {
    for (a, b) in common::CORPUS_REVISIONS {
        let (old, new) = (corpus(a), corpus(b));
        let red = check_redline(&old, &new);
        let (ids, from, _) = revision_ids(&red);
        eprintln!("{a} → {b}: {} revisions, {} moves", ids.len(), from.len());
    }
}

/// pandoc's reading of a file, whitespace removed (its plain writer wraps
/// and spaces paragraphs its own way).
fn pandoc(path: &Path, track: &str) -> String {
    let program = common::tool("pandoc").unwrap();
    let text = common::run(
        &program,
        &[
            "-f",
            "docx",
            &format!("--track-changes={track}"),
            "-t",
            "plain",
            "--wrap=none",
            path.to_str().unwrap(),
        ],
    );
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn pandoc_accepts_and_rejects_the_redlines_to_the_drafts() {
    if common::tool("pandoc").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut pairs = vec![(
        reference("v1"),
        reference("v2.yaml"),
        "reference".to_string(),
    )];
    for (a, b) in common::CORPUS_REVISIONS {
        pairs.push((corpus(a), corpus(b), a.to_string()));
    }
    pairs.push((
        vocational("v1"),
        vocational("v2.yaml"),
        "vocational".to_string(),
    ));
    let (old, new) = columns_changed();
    pairs.push((old, new, "columns changed".to_string()));
    for (old, new, name) in pairs {
        let red = write(dir.path(), "red.docx", &redline_docx(&old, &new));
        let old_file = write(dir.path(), "old.docx", &draft_docx(&old));
        let new_file = write(dir.path(), "new.docx", &draft_docx(&new));
        // A table whose columns changed is its old rows deleted and its new
        // ones inserted: the emptied rows pandoc keeps of the old header
        // change where its plain writer draws the rules. Cell by cell, below,
        // it reads right.
        if name != "columns changed" {
            assert_eq!(
                pandoc(&red, "accept"),
                pandoc(&new_file, "accept"),
                "{name}: accept"
            );
            assert_eq!(
                pandoc(&red, "reject"),
                pandoc(&old_file, "accept"),
                "{name}: reject"
            );
        }
        assert_eq!(
            pandoc_tables(&red, "accept"),
            pandoc_tables(&new_file, "accept"),
            "{name}: the tables accepted"
        );
        assert_eq!(
            pandoc_tables(&red, "reject"),
            pandoc_tables(&old_file, "accept"),
            "{name}: the tables rejected"
        );
    }
}

/// The tables pandoc reads from a file, cell by cell (each cell's words
/// without spaces). pandoc 2.17's reader reads no row marks (`w:trPr/w:ins`,
/// `w:trPr/w:del`): a row the change removes is left in its reading as a
/// row of empty cells, whose words are all tracked; such rows (and tables
/// left with no other row) are left out.
fn pandoc_tables(path: &Path, track: &str) -> Vec<Vec<Vec<String>>> {
    fn words(v: &serde_json::Value, out: &mut String) {
        match v {
            serde_json::Value::Object(o) => {
                if o.get("t").and_then(|t| t.as_str()) == Some("Str") {
                    out.push_str(o["c"].as_str().unwrap_or(""));
                } else if let Some(c) = o.get("c") {
                    words(c, out);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| words(x, out)),
            _ => {}
        }
    }
    // A row is [attr, cells]; a cell [attr, alignment, rows, columns, blocks].
    fn rows(list: &serde_json::Value, out: &mut Vec<Vec<String>>) {
        for row in list.as_array().into_iter().flatten() {
            let cells: Vec<String> = row[1]
                .as_array()
                .into_iter()
                .flatten()
                .map(|cell| {
                    let mut text = String::new();
                    words(&cell[4], &mut text);
                    text.chars().filter(|c| !c.is_whitespace()).collect()
                })
                .collect();
            if cells.iter().any(|c| !c.is_empty()) {
                out.push(cells);
            }
        }
    }
    fn tables(v: &serde_json::Value, out: &mut Vec<Vec<Vec<String>>>) {
        match v {
            serde_json::Value::Object(o)
                if o.get("t").and_then(|t| t.as_str()) == Some("Table") =>
            {
                // [attr, caption, columns, head, bodies, foot]
                let c = &o["c"];
                let mut table = Vec::new();
                rows(&c[3][1], &mut table);
                for b in c[4].as_array().into_iter().flatten() {
                    rows(&b[2], &mut table);
                    rows(&b[3], &mut table);
                }
                rows(&c[5][1], &mut table);
                // A table every row of which the change removes.
                if !table.is_empty() {
                    out.push(table);
                }
            }
            serde_json::Value::Object(o) => o.values().for_each(|x| tables(x, out)),
            serde_json::Value::Array(a) => a.iter().for_each(|x| tables(x, out)),
            _ => {}
        }
    }
    let program = common::tool("pandoc").unwrap();
    let json = common::run(
        &program,
        &[
            "-f",
            "docx",
            &format!("--track-changes={track}"),
            "-t",
            "json",
            path.to_str().unwrap(),
        ],
    );
    let mut out = Vec::new();
    tables(&serde_json::from_str(&json).unwrap(), &mut out);
    out
}

#[test]
fn openxml_audit_finds_no_errors_in_any_file_written() {
    let Some(audit) = common::tool("openxml-audit") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (v1, v2) = (reference("v1"), reference("v2.yaml"));
    let (law_a, law_b) = (corpus("company-law-2018.md"), corpus("company-law-2023.md"));
    let fixture = number(
        &gongwen::load::load_draft(&root().join("tests/fixtures/full-articles.yaml")).unwrap(),
    );
    let mut files = vec![
        write(dir.path(), "v1.docx", &draft_docx(&v1)),
        write(dir.path(), "v1-v2.redline.docx", &redline_docx(&v1, &v2)),
        write(dir.path(), "company.docx", &draft_docx(&law_b)),
        write(
            dir.path(),
            "company.redline.docx",
            &redline_docx(&law_a, &law_b),
        ),
        // Every metadata field: signature, attachments, the 版记 in its frame.
        write(dir.path(), "full-articles.docx", &draft_docx(&fixture)),
        write(
            dir.path(),
            "full-articles.redline.docx",
            &redline_docx(&fixture, &v1),
        ),
    ];
    // Tables with merged cells and an attachment from a new page.
    let tasks = |v: &str| {
        number(
            &gongwen::load::load_draft(
                &root()
                    .join("drafts/chengdong-vocational-education-2021")
                    .join(v),
            )
            .unwrap(),
        )
    };
    let (tasks_v1, tasks_v2) = (tasks("v1"), tasks("v2.yaml"));
    let tasks_docx = draft_docx(&tasks_v2);
    let document = part(&tasks_docx, "word/document.xml");
    assert!(
        document.contains(r#"<w:vMerge w:val="restart"/>"#) && document.contains("<w:vMerge/>")
    );
    assert!(document.contains("<w:tblHeader/>") && document.contains("<w:pageBreakBefore/>"));
    files.push(write(dir.path(), "tasks.docx", &tasks_docx));
    files.push(write(
        dir.path(),
        "tasks.redline.docx",
        &redline_docx(&tasks_v1, &tasks_v2),
    ));
    let (old, new) = columns_changed();
    files.push(write(
        dir.path(),
        "columns.redline.docx",
        &redline_docx(&old, &new),
    ));
    // The 意见采纳情况表 in Word: landscape, a header row on every page.
    let comments = gongwen::load::load_comments(
        &root().join("drafts/chengdong-urbanization-2021/v1.comments.yaml"),
    )
    .unwrap();
    let resolved = gongwen::comments::resolve(&comments, &v1).unwrap();
    let changes = gongwen::compare::compare(&v1, &v2);
    let view = gongwen::render::comments::CommentsView::new(
        &v1,
        "v1",
        &resolved,
        Some(("v2", &changes, &v2)),
    );
    let table = common::renderer()
        .render(Format::Docx, View::Comments(&view))
        .unwrap()
        .bytes;
    let document = part(&table, "word/document.xml");
    assert!(document.contains(r#"w:orient="landscape""#));
    assert_eq!(document.matches("<w:tr>").count(), 1 + comments.len());
    assert!(document.contains("<w:tblHeader/>") && document.contains("（十）（修改后为（五））"));
    files.push(write(dir.path(), "v1.comments.docx", &table));
    // Generated drafts with random edits, as the property test makes them.
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for i in 0..50 {
        let (old, new) = edited().new_tree(&mut runner).unwrap().current();
        let (old, new) = (number(&old), number(&new));
        files.push(write(
            dir.path(),
            &format!("generated-{i}.docx"),
            &draft_docx(&new),
        ));
        files.push(write(
            dir.path(),
            &format!("generated-{i}.redline.docx"),
            &redline_docx(&old, &new),
        ));
    }
    // One run over the folder: the validator starts once.
    let report = common::run(&audit, &["-r", "-m", "50", dir.path().to_str().unwrap()]);
    for file in &files {
        let name = file.to_str().unwrap();
        let at = report
            .find(&format!("File: {name}\n"))
            .unwrap_or_else(|| panic!("{name} not validated:\n{report}"));
        let verdict = report[at..]
            .lines()
            .find(|l| l.starts_with("Errors: "))
            .unwrap();
        assert_eq!(verdict, "Errors: 0", "{name}:\n{}", &report[at..]);
    }
}

/// A temporary home whose font folder holds the bundled faces, so
/// LibreOffice draws Chinese without any system font.
fn libreoffice_pdf(docx: &[u8], dir: &Path) -> PathBuf {
    let fonts = dir.join("home/.fonts");
    std::fs::create_dir_all(&fonts).unwrap();
    for entry in
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/fandol")).unwrap()
    {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "otf") {
            std::fs::copy(&path, fonts.join(path.file_name().unwrap())).unwrap();
        }
    }
    let file = write(dir, "draft.docx", docx);
    common::soffice_convert(&file, "pdf", dir, &dir.join("home"), &[]);
    dir.join("draft.pdf")
}

#[test]
fn libreoffice_lays_the_reference_draft_out_on_a4_with_22_lines_a_page() {
    if common::tool("soffice").is_none() || common::tool("pdftotext").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let v1 = reference("v1");
    let pdf = libreoffice_pdf(&draft_docx(&v1), dir.path());
    let layout = common::pdf_layout(&pdf);
    for (w, h) in &layout.pages {
        assert!(
            (w - 210.0).abs() < 0.5 && (h - 297.0).abs() < 0.5,
            "{w} × {h}"
        );
    }
    // The text block ends 35 mm above the foot; below it, the page number.
    let block_end = 297.0 - 35.0;
    let mut full = 0;
    let mut pages: HashMap<usize, Vec<&common::Line>> = HashMap::new();
    for line in &layout.lines {
        pages.entry(line.page).or_default().push(line);
    }
    for page in 1..=layout.pages.len() {
        let lines = &pages[&page];
        let (body, foot): (Vec<&common::Line>, Vec<&common::Line>) =
            lines.iter().copied().partition(|l| l.y1 < block_end + 1.0);
        assert_eq!(foot.len(), 1, "page {page}: one page number");
        let number = foot[0];
        assert_eq!(number.text, format!("—{page}—"), "page {page}");
        if page % 2 == 1 {
            assert!(number.x1 > 150.0, "odd page {page}: number on the right");
        } else {
            assert!(number.x0 < 60.0, "even page {page}: number on the left");
        }
        // Every line on the grid of 22 rows, 225 mm / 22 apart (an empty
        // line, such as the one under the title, is a row with no text).
        let pitch = 225.0 / 22.0;
        let first = body[0].y1;
        let mut rows = Vec::new();
        for l in &body {
            let row = ((l.y1 - first) / pitch).round();
            assert!(
                (l.y1 - first - row * pitch).abs() < 2.0,
                "page {page}: {} is off the grid",
                l.text
            );
            rows.push(row as usize);
        }
        let last = *rows.last().unwrap();
        assert!(last < 22, "page {page}: {} rows", last + 1);
        // A page whose last line reaches the foot of the block is full.
        if body.last().is_some_and(|l| l.y1 > block_end - pitch) {
            assert_eq!(last + 1, 22, "full page {page}");
            full += 1;
        }
    }
    assert!(full >= 2, "{full} full pages");
    // The draft's words, in order, with page numbers and line ends taken out.
    let text: String = layout
        .lines
        .iter()
        .filter(|l| l.y1 < block_end + 1.0)
        .flat_map(|l| l.text.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    let ctx = RenderContext::new(&v1);
    for block in &ctx.blocks {
        let plain: String = block.plain.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(text.contains(&plain), "{plain}");
    }
}

/// LibreOffice's own Accept All or Reject All (`what`: `Accept`, `Reject`)
/// of a file, saved as .docx: a Basic macro in a throwaway profile under
/// `dir`. The document is disposed of, not closed: LibreOffice 7.4 aborts
/// on closing a hidden document with comments.
fn libreoffice_tracked(file: &Path, what: &str, dir: &Path) -> PathBuf {
    let soffice = common::tool("soffice").unwrap();
    let profile = dir.join("profile");
    let installation = format!("-env:UserInstallation=file://{}", profile.display());
    let module = profile.join("user/basic/Standard/Module1.xba");
    let soffice_with = |args: &[&str]| {
        let output = std::process::Command::new(&soffice)
            .env("HOME", dir)
            .arg("--headless")
            .arg(&installation)
            .args(args)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "soffice {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    if !module.exists() {
        // The profile made, then its standard library's module replaced.
        soffice_with(&["--terminate_after_init"]);
        std::fs::write(
            &module,
            r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Track(inPath As String, outPath As String, what As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), &quot;_blank&quot;, 0, args())
  dispatcher = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  dispatcher.executeDispatch(doc.getCurrentController().getFrame(), &quot;.uno:&quot; &amp; what &amp; &quot;AllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  Dim save(0) As New com.sun.star.beans.PropertyValue
  save(0).Name = &quot;FilterName&quot;
  save(0).Value = &quot;MS Word 2007 XML&quot;
  doc.storeToURL(ConvertToURL(outPath), save())
  doc.dispose()
End Sub
</script:module>
"#,
        )
        .unwrap();
    }
    let out = dir.join(format!("{what}.docx"));
    let _ = std::fs::remove_file(&out);
    soffice_with(&[&format!(
        "macro:///Standard.Module1.Track(\"{}\",\"{}\",\"{what}\")",
        file.display(),
        out.display()
    )]);
    assert!(out.exists(), "LibreOffice wrote no {what}.docx");
    out
}

/// LibreOffice removes the rows a change removes: its Accept All of a
/// redline with tables reads (in pandoc) as the new draft, its Reject All
/// as the old one, exactly.
#[test]
fn libreoffice_accepts_and_rejects_the_tables_to_the_drafts() {
    if common::tool("soffice").is_none() || common::tool("pandoc").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (old_cols, new_cols) = columns_changed();
    for (old, new, name) in [
        (vocational("v1"), vocational("v2.yaml"), "vocational"),
        (old_cols, new_cols, "columns changed"),
    ] {
        let red = write(dir.path(), "red.docx", &redline_docx(&old, &new));
        let old_file = write(dir.path(), "old.docx", &draft_docx(&old));
        let new_file = write(dir.path(), "new.docx", &draft_docx(&new));
        for (what, draft) in [("Accept", &new_file), ("Reject", &old_file)] {
            let done = libreoffice_tracked(&red, what, dir.path());
            assert_eq!(
                pandoc(&done, "accept"),
                pandoc(draft, "accept"),
                "{name}: {what}"
            );
            assert_eq!(
                pandoc_tables(&done, "accept"),
                pandoc_tables(draft, "accept"),
                "{name}: {what}, cell by cell"
            );
        }
    }
}

/// A generated draft, half the time with tables, and the same draft after
/// a few edits: to its parts, and to its tables' rows (added, deleted,
/// moved, edited) and column names.
fn edited() -> impl Strategy<Value = (Draft, Draft)> {
    (
        prop_oneof![common::draft(), common::tables::draft()],
        prop::collection::vec(edit(), 1..6),
        prop::collection::vec(common::tables::edit(), 0..5),
    )
        .prop_map(|(draft, edits, table_edits)| {
            let mut new = draft.clone();
            for e in &edits {
                apply_edit(&mut new, e);
            }
            for e in &table_edits {
                common::tables::apply(&mut new, e);
            }
            (draft, new)
        })
}

proptest! {
    #![proptest_config(common::proptest_config(200))]

    #[test]
    fn every_redline_accepts_to_the_new_draft_and_rejects_to_the_old((old, new) in edited()) {
        check_redline(&number(&old), &number(&new));
    }
}
