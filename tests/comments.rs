//! Comments on a draft: the reference document's comments file, tied to
//! v1's parts and consistent with v2; bad comments files, each with its
//! place and message.

use crate::common::{self, reference, root};

use std::path::{Path, PathBuf};

use gongwen::render::comments::CommentsView;
use proptest::prelude::*;

use gongwen::comments::{check_against_next, resolve};
use gongwen::model::Disposition;
use gongwen::numbering::number;

const COMMENTS: &str = "drafts/chengdong-urbanization-2021/v1.comments.yaml";

#[test]
fn the_reference_comments_tie_to_v1_and_agree_with_v2() {
    let path = root().join(COMMENTS);
    assert_eq!(
        gongwen::load::comments_path(&root().join("drafts/chengdong-urbanization-2021/v1")),
        path
    );
    let comments = gongwen::load::load_comments(&path).unwrap();
    assert!(comments.len() >= 15);
    // Every decision, and all of them decided.
    for d in Disposition::ALL {
        let held = comments.iter().any(|c| c.disposition == d);
        assert_eq!(held, d != Disposition::Pending, "{}", d.zh());
    }
    let units: std::collections::BTreeSet<&str> = comments
        .iter()
        .map(|c| c.from.as_str())
        .filter(|f| !f.starts_with("公众"))
        .collect();
    assert!(units.len() >= 5, "{units:?}");
    assert!(comments.iter().any(|c| c.from.starts_with("公众")));
    let v1 = reference("v1");
    let resolved = resolve(&comments, &v1).unwrap();
    let labels: Vec<&str> = resolved
        .iter()
        .flat_map(|r| r.places.iter().map(|p| p.label.as_str()))
        .collect();
    // Every level: the whole text, level-1 parts, items (written 二、（一） or （一）).
    for label in ["总体意见", "一、", "四、", "（一）", "（十）", "（十二）"] {
        assert!(labels.contains(&label), "{label} in {labels:?}");
    }
    // In reading order: the whole text first, then by part.
    assert_eq!(resolved[0].places[0].label, "总体意见");
    let changes = gongwen::compare::compare(&v1, &reference("v2.yaml"));
    let labels = gongwen::comments::Labels::new(&v1);
    let warnings = check_against_next(&resolved, &changes, &labels, Path::new("v2.yaml"));
    assert!(warnings.is_empty(), "{warnings:?}");
}

/// Writes a comments file beside a copy of the reference v1 and checks it.
fn check_with(
    comments: &str,
) -> (
    Vec<gongwen::diagnostic::Diagnostic>,
    PathBuf,
    tempfile::TempDir,
) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("v1.comments.yaml");
    std::fs::write(&file, comments).unwrap();
    let errors = match gongwen::load::load_comments(&file) {
        Err(d) => d.0,
        Ok(c) => match resolve(&c, &reference("v1")) {
            Err(d) => d,
            Ok(_) => Vec::new(),
        },
    };
    (errors, file, dir)
}

fn one(comment: &str) -> String {
    format!("comments:\n  - id: 1\n    from: 区教育局\n{comment}")
}

#[test]
fn bad_comments_files_say_where_and_what() {
    let cases: [(&str, String, u32, u32, &str); 7] = [
        (
            "unknown target",
            one("    on: （二十）\n    text: 意见。\n    disposition: 采纳\n"),
            4,
            9,
            "no part of the draft is numbered （二十）",
        ),
        (
            "a target only v2 has",
            one("    on: （十三）\n    text: 意见。\n    disposition: 采纳\n"),
            4,
            9,
            "no part of the draft is numbered （十三）",
        ),
        (
            "bad disposition",
            one("    on: （一）\n    text: 意见。\n    disposition: 研究采纳\n"),
            6,
            18,
            "`研究采纳` is not a disposition",
        ),
        (
            "no reason",
            one("    on: （一）\n    text: 意见。\n    disposition: 未采纳\n"),
            6,
            18,
            "a comment marked 未采纳 needs a `reason`",
        ),
        (
            "duplicate id",
            format!(
                "{}  - id: 1\n    from: 区财政局\n    on: general\n    text: 意见。\n    disposition: 采纳\n",
                one("    on: （一）\n    text: 意见。\n    disposition: 采纳\n")
            ),
            7,
            9,
            "the id `1` is used a second time (first at line 2)",
        ),
        (
            "a mistyped key",
            one("    on: （一）\n    txet: 意见。\n    disposition: 采纳\n"),
            5,
            5,
            "unknown key `txet` in a comment",
        ),
        (
            "broken YAML",
            "comments:\n  - id: 1\n    from: [区教育局\n".to_string(),
            0,
            0,
            "",
        ),
    ];
    for (what, text, line, column, message) in cases {
        let (errors, file, _dir) = check_with(&text);
        assert!(!errors.is_empty(), "{what}: no error");
        let e = &errors[0];
        assert_eq!(e.file, file, "{what}");
        if message.is_empty() {
            assert!(e.line > 0, "{what}: {e:?}");
            continue;
        }
        assert_eq!((e.line, e.column), (line, column), "{what}: {e:?}");
        assert_eq!(e.message, message, "{what}");
        assert!(e.help.is_some(), "{what}: a fix is offered");
    }
    let (errors, _, _dir) = check_with(&one(
        "    on: （二十）\n    text: 意见。\n    disposition: 采纳\n",
    ));
    assert!(errors[0].help.as_deref().unwrap().contains("did you mean"));
    let (errors, _, _dir) = check_with(&one(
        "    on: （三）\n    text: 意见。\n    disposition: 采纳\n    reason: 无\n",
    ));
    assert!(
        errors.is_empty(),
        "（三） is unique in v1 (continuous numbering): {errors:?}"
    );
}

#[test]
fn check_warns_of_an_adopted_comment_on_a_part_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("doc");
    std::fs::create_dir(&doc).unwrap();
    std::fs::copy(
        root().join("drafts/chengdong-urbanization-2021/v2.yaml"),
        doc.join("v2.yaml"),
    )
    .unwrap();
    let copy = |from: &Path, to: &Path| {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    };
    copy(
        &root().join("drafts/chengdong-urbanization-2021/v1"),
        &doc.join("v1"),
    );
    std::fs::write(
        doc.join("v1.comments.yaml"),
        one("    on: （一）\n    text: 建议写明幼儿园数量。\n    disposition: 采纳\n"),
    )
    .unwrap();
    let out = assert_cmd::Command::cargo_bin("gongwen")
        .unwrap()
        .arg("check")
        .arg(&doc)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "a warning, not a problem");
    let text = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("comment 1 is marked 采纳, but （一） is unchanged in v2"),
        "{text}"
    );
    // Changed parts no comment is about are listed in a note.
    assert!(
        text.contains("parts changed in v2 have no comment on them"),
        "{text}"
    );
}

#[test]
fn the_reference_table_counts_what_the_file_holds() {
    let (v1, v2) = (reference("v1"), reference("v2.yaml"));
    let comments = gongwen::load::load_comments(&root().join(COMMENTS)).unwrap();
    let resolved = resolve(&comments, &v1).unwrap();
    let changes = gongwen::compare::compare(&v1, &v2);
    let view = CommentsView::new(&v1, "v1", &resolved, Some(("v2", &changes, &v2)));
    assert_eq!(view.rows.len(), comments.len());
    for d in Disposition::ALL {
        let n = comments.iter().filter(|c| c.disposition == d).count();
        let shown = view
            .counts
            .iter()
            .find(|c| c.disposition == d.zh())
            .unwrap()
            .count;
        assert_eq!(shown, n, "{}", d.zh());
        if n > 0 {
            assert!(
                view.summary.contains(&format!("{}{n}条", d.zh())),
                "{}",
                view.summary
            );
        }
    }
    assert!(
        view.summary.starts_with("共收到16个单位（个人）意见18条"),
        "{}",
        view.summary
    );
    assert_eq!(
        view.title.plain,
        "《城东区贯彻落实〈西宁市2021年新型城镇化建设及城乡融合发展工作要点〉工作措施》征求意见采纳情况表"
    );
    // The part v2 moved, and one it only renumbered, with their numbers there.
    let target = |id: &str| {
        view.rows
            .iter()
            .find(|r| r.id == id)
            .unwrap()
            .target
            .plain
            .clone()
    };
    assert_eq!(target("6"), "（十）（修改后为（五））");
    assert_eq!(target("8"), "（七）（修改后为（九））");
    assert_eq!(target("1"), "一、");
    // The whole-text comments come first, then by part, in reading order.
    assert_eq!(view.rows[0].target.plain, "总体意见");
    let md = common::renderer()
        .render(
            gongwen::render::Format::Markdown,
            gongwen::render::View::Comments(&view),
        )
        .unwrap()
        .bytes;
    let md = String::from_utf8(md).unwrap();
    assert_eq!(
        md.lines().filter(|l| l.starts_with("| ")).count(),
        1 + comments.len()
    );
}

#[test]
fn a_comment_has_one_number_in_the_table_the_redline_and_the_json() {
    let (v1, v2) = (reference("v1"), reference("v2.yaml"));
    let comments = gongwen::load::load_comments(&root().join(COMMENTS)).unwrap();
    let resolved = resolve(&comments, &v1).unwrap();
    let changes = gongwen::compare::compare(&v1, &v2);
    let view = CommentsView::new(&v1, "v1", &resolved, Some(("v2", &changes, &v2)));
    let ctx = gongwen::render::RedlineContext::new(&v1, &v2, ("v1", "v2"), &changes, true)
        .with_comments(&resolved);
    // The office's own 序号: the table's first column, and the number the
    // redline's 答复意见 and its JSON give the same comment (issue 29).
    let number_of = |from: &str, text: &str| -> String {
        let row = view
            .rows
            .iter()
            .find(|r| r.from.plain == from && r.text.plain == text)
            .unwrap();
        row.cells[0].text.plain.clone()
    };
    let mut answers = 0;
    for entry in &ctx.entries {
        for a in &entry.comments {
            let c = comments.iter().find(|c| c.id == a.id).unwrap();
            assert_eq!(number_of(&c.from, &c.text), a.id);
            answers += 1;
        }
    }
    assert!(answers >= 9, "{answers}");
    for link in &ctx.comments {
        let c = comments.iter().find(|c| c.id == link.id).unwrap();
        assert_eq!(number_of(&c.from, &c.text), link.id);
    }
    // 东川工业园区管委会's comment: 6 in the file, so 6 in the table too.
    let moved = comments
        .iter()
        .find(|c| c.from == "东川工业园区管委会")
        .unwrap();
    assert_eq!(number_of(&moved.from, &moved.text), "6");
}

#[test]
fn a_comment_not_yet_decided_is_pending_needs_no_reason_and_is_counted_apart() {
    for written in ["待处理", "待定", "pending"] {
        let (errors, _, _) = check_with(&one(&format!(
            "    on: 一、\n    text: 建议补充。\n    disposition: {written}\n"
        )));
        assert!(errors.is_empty(), "{written}: {errors:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("v1.comments.yaml");
    let pending = "  - id: 2\n    from: 区财政局\n    on: general\n    text: 建议明确资金来源。\n    disposition: 待处理\n";
    let text = one("    on: 一、\n    text: 建议补充。\n    disposition: 采纳\n") + pending;
    std::fs::write(&file, text).unwrap();
    let comments = gongwen::load::load_comments(&file).unwrap();
    assert_eq!(comments[1].disposition, Disposition::Pending);
    let v1 = reference("v1");
    let resolved = resolve(&comments, &v1).unwrap();
    let view = CommentsView::new(&v1, "v1", &resolved, None);
    assert_eq!(
        view.summary,
        "共收到2个单位（个人）意见2条，其中采纳1条，部分采纳0条，未采纳0条，待处理1条。"
    );
    let md = render_table(&view, gongwen::render::Format::Markdown, &[]);
    let row = md.lines().find(|l| l.contains("建议明确资金来源")).unwrap();
    assert!(row.contains("| 待处理 |"), "{row}");
}

/// The 意见采纳情况表 as an office's own templates wrote it before the table
/// had a list of columns: six columns by name, the cells by field.
const OLD_MD: &str = "# {{ title.md }}\n\n{{ summary }}\n\n| 序号 | 提出单位 | 条款 | 意见内容 | 采纳情况 | 理由及说明 |\n|---|---|---|---|---|---|\n{% for r in rows %}| {{ r.md[0] }} | {{ r.md[1] }} | {{ r.md[2] }} | {{ r.md[3] }} | {{ r.md[4] }} | {{ r.md[5] }} |\n{% endfor %}\n";
const OLD_HTML: &str = "<table><thead><tr><th>序号</th><th>提出单位</th><th>条款</th><th>意见内容</th><th>采纳情况</th><th>理由及说明</th></tr></thead>\n<tbody>\n{% for r in rows %}<tr id=\"comment-{{ r.id }}\" class=\"{{ r.kind }}\"><td class=\"n\">{{ r.number }}</td><td>{{ r.from.html | safe }}</td><td class=\"t\">{{ r.target.html | safe }}</td><td>{{ r.text.html | safe }}</td><td class=\"d\">{{ r.disposition }}</td><td>{{ r.reason.html | safe }}</td></tr>\n{% endfor %}</tbody></table>\n";
const NEW_HTML: &str = "<table><thead><tr>{% for c in columns %}<th>{{ c.header }}</th>{% endfor %}</tr></thead>\n<tbody>\n{% for r in rows %}<tr id=\"comment-{{ r.id }}\" class=\"{{ r.kind }}\">{% for c in r.cells %}<td{% if c.class %} class=\"{{ c.class }}\"{% endif %}>{{ c.html | safe }}</td>{% endfor %}</tr>\n{% endfor %}</tbody></table>\n";

/// Renders the reference table in a format with these templates in place
/// of the built-in ones (none: the built-in ones).
fn render_table(
    view: &CommentsView,
    format: gongwen::render::Format,
    templates: &[(&str, &str)],
) -> String {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in templates {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let renderer = gongwen::render::Renderer::new(
        gongwen::render::Templates::load(Some(dir.path())).unwrap(),
        common::pdf_settings(),
    );
    let bytes = renderer
        .render(format, gongwen::render::View::Comments(view))
        .unwrap()
        .bytes;
    String::from_utf8(bytes).unwrap()
}

#[test]
fn the_table_is_its_list_of_columns_and_an_offices_old_template_still_renders_it() {
    use gongwen::model::comment_columns::{CommentField, TABLE_COLUMNS};
    use gongwen::render::Format;
    let (v1, v2) = (reference("v1"), reference("v2.yaml"));
    let comments = gongwen::load::load_comments(&root().join(COMMENTS)).unwrap();
    let resolved = resolve(&comments, &v1).unwrap();
    let changes = gongwen::compare::compare(&v1, &v2);
    let view = CommentsView::new(&v1, "v1", &resolved, Some(("v2", &changes, &v2)));
    let headers: Vec<&str> = view.columns.iter().map(|c| c.header).collect();
    let listed: Vec<&str> = TABLE_COLUMNS.iter().map(|c| c.header).collect();
    assert_eq!(headers, listed);
    for r in &view.rows {
        assert_eq!(r.cells.len(), TABLE_COLUMNS.len());
        assert_eq!(r.md.len(), TABLE_COLUMNS.len());
        for (column, cell) in TABLE_COLUMNS.iter().zip(&r.cells) {
            let shown = match column.field {
                CommentField::Id => r.id.clone(),
                CommentField::From => r.from.plain.clone(),
                CommentField::On => r.target.plain.clone(),
                CommentField::Text => r.text.plain.clone(),
                CommentField::Disposition => r.disposition.to_string(),
                CommentField::Reason => r.reason.plain.clone(),
                other => panic!("{other:?} is not a column of the table"),
            };
            assert_eq!(cell.text.plain, shown, "{}", column.header);
            assert_eq!(cell.class, column.class);
        }
    }
    // The built-in Markdown: a header of the list's columns, a row each.
    let md = render_table(&view, Format::Markdown, &[]);
    assert!(
        md.contains(&format!("\n| {} |\n", listed.join(" | "))),
        "{md}"
    );
    // An office's template of before reads the same fields as ever.
    assert_eq!(
        render_table(&view, Format::Markdown, &[("comments.md.tera", OLD_MD)]),
        md
    );
    assert_eq!(
        render_table(&view, Format::Html, &[("comments.html.tera", OLD_HTML)]),
        render_table(&view, Format::Html, &[("comments.html.tera", NEW_HTML)]),
    );
}

proptest! {
    #![proptest_config(common::proptest_config(200))]

    /// A comment on any part, by the number it has in the draft: after any
    /// edits, the table names the same part in the next draft — the number
    /// it shows there finds a part with the same text.
    #[test]
    fn a_comment_follows_its_part_into_the_next_draft(
        draft in common::draft(),
        pick in any::<prop::sample::Index>(),
        edits in prop::collection::vec(common::edits::edit(), 1..5),
    ) {
        let doc = number(&draft);
        let labels = gongwen::comments::Labels::new(&doc);
        let sections = doc.walk();
        prop_assume!(!sections.is_empty());
        let part = pick.get(&sections);
        let Some(label) = labels.display(&part.anchor) else { return Ok(()) };
        prop_assume!(!label.is_empty());
        let comment = gongwen::model::Comment {
            id: "1".into(),
            from: "区教育局".into(),
            received: None,
            on: vec![(gongwen::model::Target::Part(label.clone()), Default::default())],
            quote: None,
            text: "意见。".into(),
            disposition: Disposition::NotAdopted,
            reason: Some("理由。".into()),
            note: None,
            origin: Default::default(),
        };
        let resolved = resolve(&[comment], &doc).unwrap();
        prop_assert_eq!(resolved[0].places[0].anchor.as_deref(), Some(part.anchor.as_str()));
        let mut next = draft.clone();
        for e in &edits {
            common::edits::apply_edit(&mut next, e);
        }
        let next_doc = number(&next);
        let changes = gongwen::compare::compare(&doc, &next_doc);
        let view = CommentsView::new(&doc, "v1", &resolved, Some(("v2", &changes, &next_doc)));
        // The redline lists the comment at every change to its part.
        let ctx = gongwen::render::RedlineContext::new(&doc, &next_doc, ("v1", "v2"), &changes, true)
            .with_comments(&resolved);
        for (i, c) in changes.changes.iter().enumerate() {
            let own = c.old.as_ref().is_some_and(|o| o.anchor == part.anchor);
            if own && (c.modified || c.moved || c.kind == gongwen::compare::ChangeKind::Deleted) {
                prop_assert!(ctx.comments[0].changes.contains(&i), "change {} to the part is not linked", i);
            }
        }
        for &i in &ctx.comments[0].changes {
            let c = &changes.changes[i];
            let own = c.old.as_ref().is_some_and(|o| o.anchor == part.anchor);
            let into = c.new.as_ref().and_then(|n| n.parent.as_ref()?.other_anchor.clone());
            prop_assert!(own || (c.old.is_none() && into.as_deref() == Some(part.anchor.as_str())));
        }
        let shown = &view.rows[0].target.plain;
        prop_assert!(shown.starts_with(&label), "{} does not start with {}", shown, label);
        if let Some(later) = shown[label.len()..].strip_prefix("（修改后为").and_then(|t| t.strip_suffix('）')) {
            let place = gongwen::comments::Labels::new(&next_doc).find(later);
            prop_assert!(place.is_ok(), "{} is not a part of the next draft", later);
            // The change set pairs the part with the one the table names.
            let anchor = place.unwrap().anchor.unwrap();
            let paired = changes.changes.iter().any(|c| {
                c.old.as_ref().is_some_and(|o| o.anchor == part.anchor)
                    && c.new.as_ref().is_some_and(|n| n.anchor == anchor)
            });
            prop_assert!(paired, "{} → {} is not the part's own move", label, later);
        }
    }
}

/// A copy of the reference document's v1, without its comments file.
fn reference_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let v1 = dir.path().join("v1");
    std::fs::create_dir(&v1).unwrap();
    for e in std::fs::read_dir(root().join("drafts/chengdong-urbanization-2021/v1")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), v1.join(e.file_name())).unwrap();
    }
    (dir, v1)
}

/// A feedback table: header row and comments, as an office fills it in.
const TABLE: [[&str; 8]; 4] = [
    [
        "序号",
        "提出单位",
        "条款",
        "意见内容",
        "处理情况",
        "理由",
        "备注",
        "联系人",
    ],
    [
        "1",
        "区教育局",
        "（一）",
        "建议写明幼儿园数量，并明确开工时间。",
        "未采纳",
        "以年度计划为准。",
        "",
        "张三",
    ],
    [
        "2",
        "区财政局",
        "总体",
        "建议明确资金来源。",
        "不采纳",
        "按预算程序办理。",
        "",
        "",
    ],
    [
        "3",
        "公众（李某）",
        "（三）、（四）",
        "建议增加\"生态\"协同内容。",
        "部分采纳",
        "部分已有规定。",
        "见（八）",
        "",
    ],
];

fn csv_of(rows: &[[&str; 8]]) -> String {
    rows.iter()
        .map(|r| {
            r.iter()
                .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect::<Vec<_>>()
        .join("\r\n")
}

fn xlsx_of(rows: &[[&str; 8]], path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                sheet.write_string(r as u32, c as u16, *cell).unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

#[test]
fn a_csv_and_an_xlsx_feedback_table_give_the_same_comments_file_once() {
    use gongwen::project::comments::import_feedback;
    let (dir_a, draft_a) = reference_copy();
    let (dir_b, draft_b) = reference_copy();
    let csv = dir_a.path().join("反馈.csv");
    std::fs::write(&csv, csv_of(&TABLE)).unwrap();
    let xlsx = dir_b.path().join("反馈.xlsx");
    xlsx_of(&TABLE, &xlsx);
    let a = import_feedback(&csv, &draft_a, None).unwrap();
    let b = import_feedback(&xlsx, &draft_b, None).unwrap();
    assert_eq!((a.added, a.already), (3, 0));
    assert_eq!(a.unknown_headers, ["联系人"]);
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    let text_a = std::fs::read_to_string(&a.file).unwrap();
    assert_eq!(text_a, std::fs::read_to_string(&b.file).unwrap());
    // What was written loads as the table says.
    let comments = gongwen::load::load_comments(&a.file).unwrap();
    assert_eq!(comments.len(), 3);
    assert_eq!(comments[1].disposition, Disposition::NotAdopted);
    assert_eq!(
        comments[1].on,
        [(gongwen::model::Target::General, comments[1].on[0].1.clone())]
    );
    assert_eq!(comments[2].on.len(), 2);
    assert_eq!(comments[2].text, "建议增加\"生态\"协同内容。");
    assert_eq!(comments[2].note.as_deref(), Some("见（八）"));
    // Twice: nothing added, the file unchanged.
    let again = import_feedback(&csv, &draft_a, None).unwrap();
    assert_eq!((again.added, again.already), (0, 3));
    assert_eq!(std::fs::read_to_string(&a.file).unwrap(), text_a);
    // An edited file keeps its edits; a new row is appended after them.
    let edited = text_a.replace("comments:\n", "# 第二批\ncomments:\n");
    std::fs::write(&a.file, &edited).unwrap();
    let mut more = TABLE.to_vec();
    more.push([
        "",
        "区民政局",
        "（十二）",
        "建议增加困境儿童内容。",
        "已有规定",
        "已有表述。",
        "",
        "",
    ]);
    std::fs::write(&csv, csv_of(&more)).unwrap();
    let third = import_feedback(&csv, &draft_a, None).unwrap();
    assert_eq!((third.added, third.already), (1, 3));
    let now = std::fs::read_to_string(&a.file).unwrap();
    assert!(now.starts_with(&edited), "{now}");
    assert!(now.contains("id: \"4\""), "{now}");
}

#[test]
fn bad_feedback_tables_say_which_row_and_column() {
    use gongwen::project::comments::import_feedback;
    let (dir, draft) = reference_copy();
    let csv = dir.path().join("t.csv");
    // A row with a cell too many (an unquoted comma).
    std::fs::write(
        &csv,
        format!(
            "{}\n4,区民政局,（一）,意见,有逗号,采纳,理由,,\n",
            csv_of(&TABLE)
        ),
    )
    .unwrap();
    let e = &import_feedback(&csv, &draft, None).unwrap_err()[0];
    assert_eq!(e.file.as_path(), csv.as_path());
    assert_eq!(
        e.message,
        "row 5, column I: this row has 9 cells where the first row has 8"
    );
    // A disposition the table invented.
    let mut bad = TABLE.to_vec();
    bad[2][4] = "研究后再定";
    std::fs::write(&csv, csv_of(&bad)).unwrap();
    let e = &import_feedback(&csv, &draft, None).unwrap_err()[0];
    assert_eq!(
        e.message,
        "row 3, column 处理情况 (E): `研究后再定` is not a disposition"
    );
    // A workbook whose columns gongwen cannot place.
    let xlsx = dir.path().join("t.xlsx");
    xlsx_of(
        &[
            ["甲", "乙", "丙", "丁", "", "", "", ""],
            ["1", "2", "3", "4", "", "", "", ""],
        ],
        &xlsx,
    );
    let e = &import_feedback(&xlsx, &draft, None).unwrap_err()[0];
    assert_eq!(e.file.as_path(), xlsx.as_path());
    assert!(e.message.contains("no column header"), "{}", e.message);
    // A workbook without the 意见内容 column.
    xlsx_of(
        &[
            ["序号", "单位", "条款", "处理情况", "", "", "", ""],
            ["1", "区教育局", "（一）", "采纳", "", "", "", ""],
        ],
        &xlsx,
    );
    let e = &import_feedback(&xlsx, &draft, None).unwrap_err()[0];
    assert!(e.message.contains("no 意见内容 column"), "{}", e.message);
    // Nothing was written by any of them.
    assert!(!gongwen::load::comments_path(&draft).exists());
}
