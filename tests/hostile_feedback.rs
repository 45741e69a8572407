//! Issue 23, "Safe with what others send" — the 意见反馈表 (.xlsx, .csv) and comments files: bounds, hidden sheets, columns, messages (findings 10, 12, 14, 18, 21, 22).
//! One test per finding, named for it: `finding_NN_…`.
//!
//! Every table is imported by the real binary under [`bounded`]'s limits
//! (500 MB, 10 s), as an office would run it on a table someone sent.

use std::io::{Read, Write};
use std::path::Path;

use crate::common::{bounded, root};

use gongwen::model::{Comment, Disposition};

/// A folder holding a copy of the reference document's v1 (a draft folder,
/// `v1/`), without a comments file.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    crate::common::copy_tree(
        &root().join("drafts/chengdong-urbanization-2021/v1"),
        &dir.path().join("v1"),
    );
    dir
}

/// The columns offices write.
const HEADER: [&str; 6] = ["序号", "单位", "条款", "意见内容", "处理情况", "理由"];

/// Row `i` of a table: a comment on an item of v1, not adopted.
fn comment_row(i: usize) -> Vec<String> {
    vec![
        i.to_string(),
        format!("区教育局{}", i % 7),
        "（一）".into(),
        format!("建议写明幼儿园数量，并明确开工时间（第{i}条意见）。"),
        "未采纳".into(),
        "以年度计划为准。".into(),
    ]
}

/// The header and `n` rows.
fn table(n: usize) -> Vec<Vec<String>> {
    let mut rows = vec![HEADER.iter().map(|s| s.to_string()).collect()];
    rows.extend((1..=n).map(comment_row));
    rows
}

/// The rows as CSV, every cell quoted, with `sep` between cells.
fn csv(rows: &[Vec<String>], sep: &str) -> String {
    rows.iter()
        .map(|r| {
            r.iter()
                .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(sep)
        })
        .collect::<Vec<_>>()
        .join("\r\n")
}

/// How a sheet is shown in Excel.
#[derive(Clone, Copy, PartialEq)]
enum Shown {
    Visible,
    Hidden,
    VeryHidden,
}

/// A sheet of a workbook: its name, how it is shown, its rows from A1.
struct Sheet<'a> {
    name: &'a str,
    shown: Shown,
    rows: Vec<Vec<String>>,
}

/// Writes a workbook (as Excel writes it: shared strings, a number in 序号).
/// `more` is called on each sheet after its rows are written.
fn workbook(path: &Path, sheets: &[Sheet], more: impl Fn(usize, &mut rust_xlsxwriter::Worksheet)) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let first_visible = sheets.iter().position(|s| s.shown == Shown::Visible);
    for (i, s) in sheets.iter().enumerate() {
        let sheet = book.add_worksheet();
        sheet.set_name(s.name).unwrap();
        for (r, row) in s.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                match cell.parse::<f64>() {
                    Ok(n) if c == 0 => sheet.write_number(r as u32, c as u16, n).unwrap(),
                    _ if cell.is_empty() => sheet,
                    _ => sheet.write_string(r as u32, c as u16, cell).unwrap(),
                };
            }
        }
        more(i, sheet);
        match s.shown {
            Shown::Visible if Some(i) == first_visible => {
                sheet.set_active(true);
            }
            Shown::Visible => {}
            Shown::Hidden => {
                sheet.set_hidden(true);
            }
            Shown::VeryHidden => {
                sheet.set_very_hidden(true);
            }
        }
    }
    book.save(path).unwrap();
}

/// A workbook of one visible sheet holding `rows`.
fn one_sheet(path: &Path, rows: Vec<Vec<String>>) {
    workbook(
        path,
        &[Sheet {
            name: "意见",
            shown: Shown::Visible,
            rows,
        }],
        |_, _| {},
    );
}

/// The parts of a zip package, in order.
fn parts(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().unwrap().to_string(), bytes)
        })
        .collect()
}

/// What writes a part's bytes.
type Writes = Box<dyn Fn(&mut dyn Write)>;

/// Writes `parts` as a zip package; a part's bytes are written by its
/// function, so a part of hundreds of megabytes is never held whole.
fn package(path: &Path, parts: Vec<(String, Writes)>) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, write) in parts {
        zip.start_file(name, options).unwrap();
        write(&mut zip);
    }
    zip.finish().unwrap();
}

/// Rewrites a workbook with one part replaced.
fn replace_part(path: &Path, name: &str, write: Writes) {
    let mut write = Some(write);
    let mut found = false;
    let all = parts(path)
        .into_iter()
        .map(|(n, bytes)| {
            let w: Writes = if n == name {
                found = true;
                write.take().unwrap()
            } else {
                Box::new(move |out: &mut dyn Write| out.write_all(&bytes).unwrap())
            };
            (n, w)
        })
        .collect();
    assert!(found, "no part {name}");
    package(path, all);
}

/// The text of one part of a workbook.
fn part_text(path: &Path, name: &str) -> String {
    let (_, bytes) = parts(path).into_iter().find(|(n, _)| n == name).unwrap();
    String::from_utf8(bytes).unwrap()
}

/// `gongwen comments import TABLE --draft v1`, bounded.
fn import(dir: &Path, table: &str) -> bounded::Bounded {
    bounded::gongwen(dir, &["comments", "import", table, "--draft", "v1"])
}

/// The comments file of v1 in `dir`, loaded and checked.
fn comments(dir: &Path) -> Vec<Comment> {
    gongwen::load::load_comments(&dir.join("v1.comments.yaml")).unwrap()
}

/// Imports and expects success; returns standard error (warnings, notes).
fn imported(dir: &Path, table: &str) -> String {
    let run = import(dir, table);
    run.refused_with(0);
    run.stderr
}

/// A sheet's XML without its `<dimension ref="A1:F3"/>`.
fn without_dimension(sheet: &str) -> String {
    let start = sheet.find("<dimension ").unwrap();
    let end = start + sheet[start..].find("/>").unwrap() + 2;
    format!("{}{}", &sheet[..start], &sheet[end..])
}

// Finding 10: a sheet's extent made calamine allocate every cell up to its
// farthest one (8.5 GB for one cell at ZZ200000).

#[test]
fn finding_10_a_cell_far_out_allocates_nothing_for_the_cells_between() {
    // ZZ200000 and XFD1048576, the last cell Excel has.
    for (row, column) in [(199_999, 701), (1_048_575, 16_383)] {
        let dir = project();
        let path = dir.path().join("t.xlsx");
        workbook(
            &path,
            &[Sheet {
                name: "意见",
                shown: Shown::Visible,
                rows: table(3),
            }],
            |_, sheet| {
                sheet.write_string(row, column, "备注").unwrap();
            },
        );
        imported(dir.path(), "t.xlsx");
        assert_eq!(comments(dir.path()).len(), 3);
    }
}

#[test]
fn finding_10_a_dimension_that_lies_is_not_believed() {
    let dir = project();
    let path = dir.path().join("t.xlsx");
    one_sheet(&path, table(2));
    let sheet = without_dimension(&part_text(&path, "xl/worksheets/sheet1.xml"));
    let lying = sheet.replace(
        "<sheetData>",
        "<dimension ref=\"A1:XFD1048576\"/><sheetData>",
    );
    replace_part(
        &path,
        "xl/worksheets/sheet1.xml",
        Box::new(move |out| out.write_all(lying.as_bytes()).unwrap()),
    );
    imported(dir.path(), "t.xlsx");
    assert_eq!(comments(dir.path()).len(), 2);
}

#[test]
fn finding_10_a_sheet_of_too_many_cells_is_refused_with_the_count() {
    let dir = project();
    let path = dir.path().join("t.xlsx");
    one_sheet(&path, table(1));
    let sheet = without_dimension(&part_text(&path, "xl/worksheets/sheet1.xml"));
    let head = sheet[..sheet.find("<sheetData>").unwrap() + "<sheetData>".len()].to_string();
    // 100,001 rows of ten numbers: 1,000,010 cells, some 30 MB of XML.
    replace_part(
        &path,
        "xl/worksheets/sheet1.xml",
        Box::new(move |out| {
            out.write_all(head.as_bytes()).unwrap();
            for r in 1..=100_001 {
                let mut row = format!("<row r=\"{r}\">");
                for c in b'A'..=b'J' {
                    row.push_str(&format!("<c r=\"{}{r}\"><v>{r}</v></c>", c as char));
                }
                row.push_str("</row>");
                out.write_all(row.as_bytes()).unwrap();
            }
            out.write_all(b"</sheetData></worksheet>").unwrap();
        }),
    );
    let run = import(dir.path(), "t.xlsx");
    let err = run.refused_with(2);
    assert!(err.contains("1,000,000 cells"), "{err}");
    assert!(err.contains("xl/worksheets/sheet1.xml"), "{err}");
    assert!(!dir.path().join("v1.comments.yaml").exists());
}

// Finding 12b: no part of the package had a cap on its unpacked size.

#[test]
fn finding_12b_a_part_that_unpacks_too_large_is_refused_by_name() {
    let dir = project();
    let path = dir.path().join("t.xlsx");
    one_sheet(&path, table(1));
    // Shared strings of 600 MB, a few hundred KB packed.
    replace_part(
        &path,
        "xl/sharedStrings.xml",
        Box::new(|out| {
            out.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>")
                .unwrap();
            let chunk = vec![b'x'; 1 << 20];
            for _ in 0..600 {
                out.write_all(&chunk).unwrap();
            }
            out.write_all(b"</t></si></sst>").unwrap();
        }),
    );
    assert!(std::fs::metadata(&path).unwrap().len() < 3 << 20);
    let run = import(dir.path(), "t.xlsx");
    let err = run.refused_with(2);
    assert!(err.contains("xl/sharedStrings.xml"), "{err}");
    assert!(err.contains("64 MB"), "{err}");
    assert!(err.contains("600 MB"), "{err}");
}

#[test]
fn finding_12b_a_part_larger_than_it_says_is_refused_by_name() {
    let dir = project();
    let path = dir.path().join("t.xlsx");
    one_sheet(&path, table(1));
    let sheet = part_text(&path, "xl/worksheets/sheet1.xml");
    let at = sheet.find("<sheetData>").unwrap();
    let (head, tail) = (sheet[..at].to_string(), sheet[at..].to_string());
    // 100 MB of white space in the sheet, which then says it is 1 KB.
    replace_part(
        &path,
        "xl/worksheets/sheet1.xml",
        Box::new(move |out| {
            out.write_all(head.as_bytes()).unwrap();
            let chunk = vec![b' '; 1 << 20];
            for _ in 0..100 {
                out.write_all(&chunk).unwrap();
            }
            out.write_all(tail.as_bytes()).unwrap();
        }),
    );
    let mut bytes = std::fs::read(&path).unwrap();
    declare_size(&mut bytes, "xl/worksheets/sheet1.xml", 1024);
    std::fs::write(&path, bytes).unwrap();
    let run = import(dir.path(), "t.xlsx");
    let err = run.refused_with(2);
    assert!(err.contains("xl/worksheets/sheet1.xml"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn finding_12b_a_text_longer_than_excel_holds_is_refused_before_it_is_copied() {
    let dir = project();
    let path = dir.path().join("t.xlsx");
    one_sheet(&path, table(1));
    // One shared string of 60 MB (20 million characters), which every cell
    // of ten rows shows: a copy per cell would be gigabytes.
    let heads: Vec<String> = HEADER
        .iter()
        .map(|h| format!("<si><t>{h}</t></si>"))
        .collect();
    let heads = heads.concat();
    replace_part(
        &path,
        "xl/sharedStrings.xml",
        Box::new(move |out| {
            out.write_all(
                b"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
            )
            .unwrap();
            out.write_all(heads.as_bytes()).unwrap();
            out.write_all("<si><t>未采纳</t></si><si><t>".as_bytes())
                .unwrap();
            let chunk = "意".repeat(1 << 18);
            for _ in 0..80 {
                out.write_all(chunk.as_bytes()).unwrap();
            }
            out.write_all(b"</t></si></sst>").unwrap();
        }),
    );
    let mut rows = String::from("<row r=\"1\">");
    for (c, column) in "ABCDEF".chars().enumerate() {
        rows.push_str(&format!("<c r=\"{column}1\" t=\"s\"><v>{c}</v></c>"));
    }
    rows.push_str("</row>");
    for r in 2..12 {
        rows.push_str(&format!("<row r=\"{r}\">"));
        for column in "BCDEF".chars() {
            let string = if column == 'E' { 6 } else { 7 };
            rows.push_str(&format!("<c r=\"{column}{r}\" t=\"s\"><v>{string}</v></c>"));
        }
        rows.push_str("</row>");
    }
    let sheet = format!(
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{rows}</sheetData></worksheet>"
    );
    replace_part(
        &path,
        "xl/worksheets/sheet1.xml",
        Box::new(move |out| out.write_all(sheet.as_bytes()).unwrap()),
    );
    let err = import(dir.path(), "t.xlsx").refused_with(2).to_string();
    assert!(err.contains("32,767 characters"), "{err}");
    assert!(err.contains("xl/sharedStrings.xml"), "{err}");
}

/// Makes a zip package say its part `name` unpacks to `size` bytes, in its
/// local header and in the central directory.
fn declare_size(zip: &mut [u8], name: &str, size: u32) {
    let mut patched = 0;
    let mut i = 0;
    while i + 46 < zip.len() {
        let (at_name, size_at) = match &zip[i..i + 4] {
            b"PK\x03\x04" => (i + 30, i + 22),
            b"PK\x01\x02" => (i + 46, i + 24),
            _ => {
                i += 1;
                continue;
            }
        };
        let len_at = if at_name == i + 30 { i + 26 } else { i + 28 };
        let len = u16::from_le_bytes([zip[len_at], zip[len_at + 1]]) as usize;
        if zip.get(at_name..at_name + len) == Some(name.as_bytes()) {
            let old = u32::from_le_bytes(zip[size_at..size_at + 4].try_into().unwrap());
            if old != u32::MAX {
                zip[size_at..size_at + 4].copy_from_slice(&size.to_le_bytes());
                patched += 1;
            }
        }
        i += 4;
    }
    assert!(patched >= 1, "{name} not found");
}

// Finding 14: comments import, check and build took time quadratic in the
// number of comments (20,000: over 20 s).

#[test]
fn finding_14a_importing_20000_rows_takes_linear_time() {
    let dir = project();
    std::fs::write(dir.path().join("t.csv"), csv(&table(20_000), ",")).unwrap();
    let err = imported(dir.path(), "t.csv");
    assert!(!err.contains("error"), "{err}");
    assert_eq!(comments(dir.path()).len(), 20_000);
}

/// A comments file of `n` comments on v1's items.
fn comments_file(n: usize) -> String {
    let mut text = String::from("comments:\n");
    for i in 1..=n {
        let on = ["（一）", "（三）", "二、", "总体", "（十）"][i % 5];
        let disposition = ["采纳", "未采纳"][i % 2];
        text.push_str(&format!(
            "  - id: {i}\n    from: 区单位{}\n    on: {on}\n    text: 建议第{i}条。\n    disposition: {disposition}\n    reason: 理由{i}。\n",
            i % 13
        ));
    }
    text
}

#[test]
fn finding_14b_check_and_build_with_20000_comments_take_linear_time() {
    let dir = project();
    std::fs::write(dir.path().join("v1.comments.yaml"), comments_file(20_000)).unwrap();
    let run = bounded::gongwen(dir.path(), &["check", "v1"]);
    run.refused_with(0);
    let run = bounded::gongwen(
        dir.path(),
        &["build", "v1", "--format", "md,html", "--out", "out"],
    );
    run.refused_with(0);
    let table = std::fs::read_to_string(dir.path().join("out/v1.comments.md")).unwrap();
    assert!(table.contains("意见20000条"), "{}", &table[..500]);
}

// Finding 18: the workbook read as Excel shows it.

#[test]
fn finding_18_a_hidden_first_sheet_is_skipped_for_the_visible_one() {
    for shown in [Shown::Hidden, Shown::VeryHidden] {
        let dir = project();
        let path = dir.path().join("t.xlsx");
        let mut old = table(2);
        old[1][3] = "旧表中的意见。".into();
        workbook(
            &path,
            &[
                Sheet {
                    name: "旧表",
                    shown,
                    rows: old,
                },
                Sheet {
                    name: "意见",
                    shown: Shown::Visible,
                    rows: table(3),
                },
            ],
            |_, _| {},
        );
        let err = imported(dir.path(), "t.xlsx");
        let read = comments(dir.path());
        assert_eq!(read.len(), 3);
        assert!(read.iter().all(|c| c.text != "旧表中的意见。"));
        assert!(err.contains("旧表"), "the skipped sheet is named: {err}");
        assert!(err.contains("意见"), "{err}");
    }
}

#[test]
fn finding_18_two_columns_for_the_comment_text_are_both_kept() {
    let dir = project();
    let path = dir.path().join("t.xlsx");
    let mut rows = table(2);
    rows[0].push("意见".into());
    rows[1].push("第二栏的意见。".into());
    one_sheet(&path, rows);
    let err = imported(dir.path(), "t.xlsx");
    assert!(
        err.contains("意见内容") && err.contains("意见 (G)"),
        "both columns named: {err}"
    );
    let read = comments(dir.path());
    assert!(read[0].text.contains("第二栏的意见。"), "{}", read[0].text);
    assert!(read[0].text.contains("第1条意见"), "{}", read[0].text);
    assert!(!read[1].text.contains("第二栏"), "{}", read[1].text);
}

#[test]
fn finding_18_two_columns_for_the_sender_are_refused_by_name() {
    let dir = project();
    let path = dir.path().join("t.xlsx");
    let mut rows = table(2);
    rows[0].push("提出人".into());
    rows[1].push("张三".into());
    one_sheet(&path, rows);
    let run = import(dir.path(), "t.xlsx");
    let err = run.refused_with(2);
    assert!(
        err.contains("单位 (B)") && err.contains("提出人 (G)"),
        "{err}"
    );
    assert!(!dir.path().join("v1.comments.yaml").exists());
}

#[test]
fn finding_18_a_repeated_xuhao_is_refused_with_its_rows() {
    let dir = project();
    let mut rows = table(3);
    rows[3][0] = "2".into();
    std::fs::write(dir.path().join("t.csv"), csv(&rows, ",")).unwrap();
    let run = import(dir.path(), "t.csv");
    let err = run.refused_with(2);
    assert!(err.contains("row 4, column 序号 (A)"), "{err}");
    assert!(
        err.contains("row 3"),
        "the first row with it is named: {err}"
    );
    assert!(!dir.path().join("v1.comments.yaml").exists());
}

#[test]
fn finding_18_a_xuhao_the_file_already_has_is_refused_with_its_row() {
    let dir = project();
    std::fs::write(dir.path().join("a.csv"), csv(&table(3), ",")).unwrap();
    imported(dir.path(), "a.csv");
    let before = std::fs::read_to_string(dir.path().join("v1.comments.yaml")).unwrap();
    // A second batch, numbered from 1 again.
    let mut second = table(2);
    second[1][3] = "第二批第一条。".into();
    second[2][3] = "第二批第二条。".into();
    std::fs::write(dir.path().join("b.csv"), csv(&second, ",")).unwrap();
    let run = import(dir.path(), "b.csv");
    let err = run.refused_with(2);
    assert!(err.contains("row 2, column 序号 (A)"), "{err}");
    assert!(err.contains("row 3, column 序号 (A)"), "{err}");
    let after = std::fs::read_to_string(dir.path().join("v1.comments.yaml")).unwrap();
    assert_eq!(before, after);
    // Without 序号 they are numbered on from the file's last, and said so.
    for row in &mut second[1..] {
        row[0].clear();
    }
    std::fs::write(dir.path().join("b.csv"), csv(&second, ",")).unwrap();
    imported(dir.path(), "b.csv");
    let ids: Vec<String> = comments(dir.path()).into_iter().map(|c| c.id).collect();
    assert_eq!(ids, ["1", "2", "3", "4", "5"]);
}

// Finding 21: comments import appends to every comments file check accepts,
// and names the table's row and column for a bad row.

#[test]
fn finding_21_import_appends_to_every_comments_file_check_accepts() {
    let one = "id: a1, from: 区财政局, on: 总体, text: 建议明确资金来源。, disposition: 采纳";
    let files = [
        "comments: []\n".to_string(),
        "comments: []   # 尚无意见\n".to_string(),
        format!("comments: [{{{one}}}]\n"),
        format!("comments: [\n  {{{one}}},   # 第一条\n]\n"),
        format!("{{comments: [{{{one}}}]}}\n"),
        "comments:\n    - id: a1\n      from: 区财政局\n      on: 总体\n      text: 建议明确资金来源。\n      disposition: 采纳\n"
            .to_string(),
        "comments:\n- id: a1\n  from: 区财政局\n  on: 总体\n  text: 建议明确资金来源。\n  disposition: 采纳\n"
            .to_string(),
        "---\n# 第一批\ncomments:\n  - id: a1\n    from: 区财政局\n    on: 总体\n    disposition: 采纳\n    text: |+\n      建议明确资金来源。\n\n...\n# 完\n"
            .to_string(),
        "comments:\r\n  - id: a1\r\n    from: 区财政局\r\n    on: 总体\r\n    text: 建议明确资金来源。\r\n    disposition: 采纳"
            .to_string(),
    ];
    for file in files {
        let dir = project();
        let path = dir.path().join("v1.comments.yaml");
        std::fs::write(&path, &file).unwrap();
        let check = bounded::gongwen(dir.path(), &["check", "v1"]);
        check.refused_with(0);
        let before = gongwen::load::load_comments(&path).unwrap();
        std::fs::write(dir.path().join("t.csv"), csv(&table(2), ",")).unwrap();
        let run = import(dir.path(), "t.csv");
        assert_eq!(run.code, Some(0), "{file}\n{}", run.stderr);
        let after = gongwen::load::load_comments(&path).unwrap();
        assert_eq!(after.len(), before.len() + 2, "{file}");
        // What the author wrote reads back as it was, where it was.
        assert_eq!(after[..before.len()], before[..], "{file}");
        let text = std::fs::read_to_string(&path).unwrap();
        for remark in file
            .lines()
            .filter_map(|l| l.split_once('#').map(|(_, r)| r))
        {
            assert!(text.contains(remark), "{remark} kept in\n{text}");
        }
        bounded::gongwen(dir.path(), &["check", "v1"]).refused_with(0);
    }
}

#[test]
fn finding_21_a_bad_row_is_named_by_its_row_and_column() {
    let dir = project();
    let mut rows = table(4);
    // 未采纳 without a reason, and a comment with a right-to-left override.
    rows[2][5].clear();
    rows[4][3] = "建议\u{202E}调整。".into();
    let path = dir.path().join("t.xlsx");
    one_sheet(&path, rows);
    let run = import(dir.path(), "t.xlsx");
    let err = run.refused_with(2);
    assert!(err.contains("t.xlsx: row 3, column 理由 (F)"), "{err}");
    assert!(err.contains("t.xlsx: row 5, column 意见内容 (D)"), "{err}");
    assert!(!err.contains("comments.yaml"), "{err}");
    assert!(!dir.path().join("v1.comments.yaml").exists());
}

/// Found by fuzzing the reader with the comments file it adds to: a table
/// with its header and no comment under it was read as no rows, and the
/// comments file made of them (`comments:` and nothing) was refused as the
/// file's line 2, a file the user never wrote.
#[test]
fn a_table_with_a_header_and_no_comments_is_refused_in_the_tables_terms() {
    let dir = project();
    let mut rows = table(0);
    // A remark far to the right of the table is no comment either.
    rows.push(vec!["".into(); 8]);
    rows[1][7] = "（此处以下无意见）".into();
    one_sheet(&dir.path().join("t.xlsx"), rows);
    std::fs::write(dir.path().join("t.csv"), csv(&table(0), ",")).unwrap();
    for (name, header) in [
        ("t.xlsx", "row 1, with nothing below it in the columns"),
        ("t.csv", "row 1, with nothing below it"),
    ] {
        let run = import(dir.path(), name);
        let err = run.refused_with(2);
        assert!(
            err.contains(&format!("{name}: the table holds no comments")),
            "{err}"
        );
        assert!(err.contains(header), "{err}");
        assert!(err.contains("意见内容"), "{err}");
        assert!(!err.contains("comments.yaml"), "{err}");
        assert!(!dir.path().join("v1.comments.yaml").exists());
    }
}

// Finding 22: what offices send, read or named for what it is.

/// The start of an OLE compound file, as Excel 97–2003 and an encrypted
/// .xlsx begin, with `streams` named in its directory.
fn compound(streams: &[&str]) -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(512, 0);
    for s in streams {
        let mut entry: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let length = (entry.len() as u16 + 2).to_le_bytes();
        entry.resize(128, 0);
        // The name's length in bytes, its final NUL counted.
        entry[64..66].copy_from_slice(&length);
        bytes.extend(entry);
    }
    bytes.resize(4096, 0);
    bytes
}

#[test]
fn finding_22_an_old_xls_is_named_as_such() {
    let dir = project();
    std::fs::write(
        dir.path().join("t.xls"),
        compound(&["Root Entry", "Workbook", "\u{5}SummaryInformation"]),
    )
    .unwrap();
    let err = import(dir.path(), "t.xls").refused_with(2).to_string();
    assert!(err.contains("old-format .xls"), "{err}");
    assert!(err.contains("save it as .xlsx"), "{err}");
}

#[test]
fn finding_22_a_password_protected_workbook_is_named_as_such() {
    let dir = project();
    std::fs::write(
        dir.path().join("t.xlsx"),
        compound(&["Root Entry", "EncryptionInfo", "EncryptedPackage"]),
    )
    .unwrap();
    let err = import(dir.path(), "t.xlsx").refused_with(2).to_string();
    assert!(err.contains("password-protected"), "{err}");
    assert!(err.contains("remove the password"), "{err}");
}

#[test]
fn finding_22_unicode_text_and_other_separators_are_read() {
    let rows = table(3);
    // Excel's "Unicode text": UTF-16 with its mark, tab-separated.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(csv(&rows, "\t").encode_utf16().flat_map(u16::to_le_bytes));
    let mut big_endian = vec![0xFE, 0xFF];
    big_endian.extend(csv(&rows, "\t").encode_utf16().flat_map(u16::to_be_bytes));
    let semicolons = csv(&rows, ";");
    let (gbk, _, _) = encoding_rs::GB18030.encode(&semicolons);
    let tables: [(&str, Vec<u8>); 5] = [
        ("utf16.txt", utf16),
        ("utf16be.txt", big_endian),
        ("semicolons.csv", csv(&rows, ";").into_bytes()),
        ("tabs.csv", csv(&rows, "\t").into_bytes()),
        ("gbk-semicolons.csv", gbk.into_owned()),
    ];
    for (name, bytes) in tables {
        let dir = project();
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let run = import(dir.path(), name);
        assert_eq!(run.code, Some(0), "{name}: {}", run.stderr);
        let read = comments(dir.path());
        assert_eq!(read.len(), 3, "{name}");
        assert_eq!(read[2].from, "区教育局3", "{name}");
        assert_eq!(read[2].disposition, Disposition::NotAdopted, "{name}");
    }
}

#[test]
fn finding_22_a_unit_merged_down_its_rows_fills_them() {
    let dir = project();
    let path = dir.path().join("t.xlsx");
    let mut rows = table(4);
    for row in &mut rows[2..4] {
        row[1].clear();
    }
    workbook(
        &path,
        &[Sheet {
            name: "意见",
            shown: Shown::Visible,
            rows,
        }],
        |_, sheet| {
            let format = rust_xlsxwriter::Format::new();
            // B2:B4, as a reader sees it: 区教育局1 for rows 2 to 4.
            sheet.merge_range(1, 1, 3, 1, "区教育局1", &format).unwrap();
        },
    );
    imported(dir.path(), "t.xlsx");
    let from: Vec<String> = comments(dir.path()).into_iter().map(|c| c.from).collect();
    assert_eq!(from, ["区教育局1", "区教育局1", "区教育局1", "区教育局4"]);
}

#[test]
fn finding_22_a_formula_without_its_value_is_named() {
    let dir = project();
    let path = dir.path().join("t.xlsx");
    let mut rows = table(3);
    rows[2][2].clear();
    rows[3][1].clear();
    workbook(
        &path,
        &[Sheet {
            name: "意见",
            shown: Shown::Visible,
            rows,
        }],
        |_, sheet| {
            // C3: a formula never calculated; B4: one whose value Excel kept.
            sheet
                .write_formula(2, 2, rust_xlsxwriter::Formula::new("=C2"))
                .unwrap();
            sheet
                .write_formula(
                    3,
                    1,
                    rust_xlsxwriter::Formula::new("=B2").set_result("区教育局1"),
                )
                .unwrap();
        },
    );
    let sheet = part_text(&path, "xl/worksheets/sheet1.xml");
    let uncalculated = sheet.replace("<f>C2</f><v>0</v>", "<f>C2</f>");
    assert_ne!(sheet, uncalculated);
    replace_part(
        &path,
        "xl/worksheets/sheet1.xml",
        Box::new(move |out| out.write_all(uncalculated.as_bytes()).unwrap()),
    );
    let run = import(dir.path(), "t.xlsx");
    let err = run.refused_with(2);
    assert!(err.contains("cell C3"), "{err}");
    assert!(err.contains("formula"), "{err}");
    assert!(!err.contains("row 3 has no"), "{err}");
    // Calculated, it reads as its value.
    let sheet = part_text(&path, "xl/worksheets/sheet1.xml")
        .replace("<f>C2</f>", "<f>C2</f><v>（一）</v>")
        .replace("<c r=\"C3\">", "<c r=\"C3\" t=\"str\">");
    replace_part(
        &path,
        "xl/worksheets/sheet1.xml",
        Box::new(move |out| out.write_all(sheet.as_bytes()).unwrap()),
    );
    imported(dir.path(), "t.xlsx");
    let read = comments(dir.path());
    assert_eq!(read[2].from, "区教育局1");
}

#[test]
fn finding_22_a_comments_file_with_lone_cr_line_ends_reads_on_as_a_key() {
    let dir = project();
    let file = "comments:\r  - id: 1\r    from: 区教育局\r    on: （一）\r    text: 建议写明幼儿园数量。\r    disposition: 采纳\r";
    std::fs::write(dir.path().join("v1.comments.yaml"), file).unwrap();
    let run = bounded::gongwen(dir.path(), &["check", "v1"]);
    run.refused_with(0);
    let read = comments(dir.path());
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].on.len(), 1);
    // And a table imported into it keeps its line ends.
    let mut rows = table(1);
    rows[1][0].clear();
    std::fs::write(dir.path().join("t.csv"), csv(&rows, ",")).unwrap();
    imported(dir.path(), "t.csv");
    let text = std::fs::read_to_string(dir.path().join("v1.comments.yaml")).unwrap();
    assert!(!text.contains('\n'), "{text:?}");
    assert_eq!(comments(dir.path()).len(), 2);
}

// Read as Excel shows it, beyond the findings: dates, however formatted.

#[test]
fn a_date_reads_as_the_date_excel_shows() {
    let dir = project();
    let path = dir.path().join("t.xlsx");
    let mut rows = table(3);
    rows[0].push("收到日期".into());
    workbook(
        &path,
        &[Sheet {
            name: "意见",
            shown: Shown::Visible,
            rows,
        }],
        |_, sheet| {
            let day = rust_xlsxwriter::ExcelDateTime::from_ymd(2021, 9, 13).unwrap();
            let formats = [
                rust_xlsxwriter::Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\""),
                rust_xlsxwriter::Format::new().set_num_format_index(14),
            ];
            for (r, format) in formats.iter().enumerate() {
                sheet
                    .write_date_with_format(r as u32 + 1, 6, &day, format)
                    .unwrap();
            }
            // Or written as text.
            sheet.write_string(3, 6, "2021年9月15日").unwrap();
        },
    );
    imported(dir.path(), "t.xlsx");
    let days: Vec<String> = comments(dir.path())
        .iter()
        .map(|c| c.received.unwrap().to_string())
        .collect();
    assert_eq!(days, ["2021年9月13日", "2021年9月13日", "2021年9月15日"]);
}

// Whatever a table holds: a table or an error, never a panic.

/// Pieces of sheet XML a damaged or hostile workbook may hold.
const PIECES: &[&str] = &[
    "<c r=\"XFD1048576\" t=\"s\"><v>99999999</v></c>",
    "<c r=\"A0\"><v>1</v></c>",
    "<c r=\"ZZZZ9\"><v>1</v></c>",
    "<c t=\"s\"><v>-1</v></c>",
    "<c r=\"B2\" s=\"99999\"><v>1e308</v></c>",
    "<c r=\"C2\" t=\"e\"><v>#REF!</v></c>",
    "<c r=\"D2\"><f>A1</f></c>",
    "<c r=\"D3\" t=\"inlineStr\"><is><r><t>a</t></r><rPh><t>b</t></rPh></is></c>",
    "<c r=\"E2\" t=\"d\"><v>2021-09-13T00:00:00</v></c>",
    "<c r=\"E3\" t=\"b\"><v>1</v></c>",
    "<row r=\"0\">",
    "<row r=\"4294967296\">",
    "<row>",
    "</row>",
    "</sheetData>",
    "<mergeCells><mergeCell ref=\"A1:XFD1048576\"/><mergeCell ref=\"B2\"/></mergeCells>",
    "<mergeCell ref=\"B3:B1\"/>",
    "&#0;",
    "&unknown;",
    "_x0000__x202E_",
    "<![CDATA[x]]>",
    "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>",
    "<",
];

proptest::proptest! {
    #![proptest_config(crate::common::proptest_config(48))]

    #[test]
    fn a_damaged_workbook_reads_as_a_table_or_an_error(
        edits in proptest::collection::vec((0.0f64..1.0, 0..PIECES.len()), 1..6),
        cut in proptest::option::of(0.0f64..1.0),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.xlsx");
        one_sheet(&path, table(3));
        let mut sheet = part_text(&path, "xl/worksheets/sheet1.xml");
        for (at, piece) in edits {
            let mut at = (at * sheet.len() as f64) as usize;
            while !sheet.is_char_boundary(at) {
                at -= 1;
            }
            sheet.insert_str(at, PIECES[piece]);
        }
        replace_part(
            &path,
            "xl/worksheets/sheet1.xml",
            Box::new(move |out| out.write_all(sheet.as_bytes()).unwrap()),
        );
        let mut bytes = std::fs::read(&path).unwrap();
        if let Some(cut) = cut {
            bytes.truncate((cut * bytes.len() as f64) as usize);
        }
        let _ = gongwen::import::feedback::read_feedback_bytes(&path, &bytes);
    }

    #[test]
    fn any_text_reads_as_a_table_or_an_error(
        bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400),
        header in proptest::sample::select(vec![
            "序号,单位,条款,意见内容,处理情况,理由\n",
            "\u{FEFF}序号;单位;条款;意见内容;处理情况\n",
            "",
        ]),
    ) {
        let mut table = header.as_bytes().to_vec();
        table.extend(bytes);
        let _ = gongwen::import::feedback::read_feedback_bytes(std::path::Path::new("t.csv"), &table);
    }
}

/// A comments file of `n` comments as an author may write it.
#[allow(clippy::too_many_arguments)]
fn written(
    n: usize,
    flow: bool,
    indent: usize,
    eol: &str,
    start: bool,
    end: bool,
    remark: bool,
    kept_block: bool,
    final_eol: bool,
) -> String {
    let mut lines: Vec<String> = Vec::new();
    if start {
        lines.push("---".into());
    }
    if remark {
        lines.push("# 征求意见".into());
    }
    let entry = |i: usize| {
        format!("id: a{i}, from: 区财政局{i}, on: 总体, text: 建议{i}。, disposition: 采纳")
    };
    if flow || n == 0 {
        let entries: Vec<String> = (0..n).map(|i| format!("{{{}}}", entry(i))).collect();
        lines.push(format!("comments: [{}]", entries.join(", ")));
    } else {
        lines.push("comments:".into());
        let pad = " ".repeat(indent);
        for i in 0..n {
            lines.push(format!("{pad}- id: a{i}"));
            lines.push(format!("{pad}  from: 区财政局{i}"));
            lines.push(format!("{pad}  on: 总体"));
            lines.push(format!("{pad}  disposition: 采纳"));
            if kept_block && i + 1 == n {
                lines.push(format!("{pad}  text: |+"));
                lines.push(format!("{pad}    建议{i}。"));
                lines.push(String::new());
            } else {
                lines.push(format!("{pad}  text: 建议{i}。"));
            }
        }
    }
    if end {
        lines.push("...".into());
    }
    if remark {
        lines.push("# 完".into());
    }
    let mut text = lines.join(eol);
    if final_eol {
        text.push_str(eol);
    }
    text
}

proptest::proptest! {
    #![proptest_config(crate::common::proptest_config(48))]

    #[test]
    fn an_import_keeps_every_comments_file_as_written(
        n in 0usize..3,
        flow: bool,
        indent in proptest::sample::select(vec![0usize, 2, 4]),
        eol in proptest::sample::select(vec!["\n", "\r\n", "\r"]),
        start: bool,
        end: bool,
        remark: bool,
        kept_block: bool,
        final_eol: bool,
    ) {
        let file = written(n, flow, indent, eol, start, end, remark, kept_block, final_eol);
        let dir = project();
        let path = dir.path().join("v1.comments.yaml");
        std::fs::write(&path, &file).unwrap();
        let before = gongwen::load::load_comments(&path);
        proptest::prop_assume!(before.is_ok(), "check refuses {:?}", file);
        let before = before.unwrap();
        let table = dir.path().join("t.csv");
        std::fs::write(&table, csv(&table_of(2), ",")).unwrap();
        let done = gongwen::project::comments::import_feedback(&table, &dir.path().join("v1"), None);
        proptest::prop_assert!(done.is_ok(), "{:?}\n{:?}", file, done.err());
        let after = gongwen::load::load_comments(&path).unwrap();
        proptest::prop_assert_eq!(after.len(), before.len() + 2);
        proptest::prop_assert_eq!(&after[..before.len()], &before[..]);
        let text = std::fs::read_to_string(&path).unwrap();
        for remark in ["# 征求意见", "# 完"].iter().filter(|r| file.contains(*r)) {
            proptest::prop_assert!(text.contains(remark));
        }
        let other_ends = match eol {
            "\n" => text.contains('\r'),
            "\r\n" => text.replace("\r\n", "").contains(['\r', '\n']),
            _ => text.contains('\n'),
        };
        // A file of one line, without its end, says nothing of its line ends.
        let says = file.contains(['\n', '\r']);
        proptest::prop_assert!(!(says && other_ends), "line ends mixed: {:?}", text);
    }
}

/// The header and `n` rows without 序号, numbered by the import.
fn table_of(n: usize) -> Vec<Vec<String>> {
    let mut rows = table(n);
    for row in &mut rows[1..] {
        row[0].clear();
    }
    rows
}
