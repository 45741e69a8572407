//! Round trip through the importer on real texts: import, build Markdown,
//! and compare with the input after a documented normalisation. Every
//! remaining difference must sit on a line the importer warned about.
//!
//! The normalisation (see README, "Importing"):
//! - lines the importer reported as dropped noise are left out of the input
//!   (HTML comments, `---`, page numbers, a leading `> 来源` note, repeated titles);
//! - Markdown syntax is removed from both sides (`#` heading marks, emphasis);
//! - whitespace is removed (spaces, U+3000, zero-width characters): gongwen sets
//!   第一条 off with U+3000 where the input may use a space;
//! - number labels at the start of a line are compared in gongwen's form:
//!   half-width (一) as （一）, 1． and 1、 and ⒈ as 1.;
//! - a hard-wrapped input (a PDF extraction) is compared as one stream of text,
//!   since its line breaks are not the author's.

use crate::common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use gongwen::import::{ImportOptions, Imported, import_file};
use gongwen::render::{Format, RenderContext, View};
use gongwen::text::plain_of_markdown;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn normalise(line: &str) -> String {
    let mut s: String = line
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '\u{3000}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
                )
        })
        .collect();
    // Label forms at the start of a line.
    if let Some(rest) = s.strip_prefix('(')
        && let Some(close) = rest.find(')')
        && close <= 12
    {
        s = format!("（{}）{}", &rest[..close], &rest[close + 1..]);
    }
    if let Some(first) = s.chars().next()
        && ('\u{2488}'..='\u{249B}').contains(&first)
    {
        s = format!("{}.{}", first as u32 - 0x2487, &s[first.len_utf8()..]);
    }
    let digits = s.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && (s[digits..].starts_with('．') || s[digits..].starts_with('、')) {
        s = format!("{}.{}", &s[..digits], &s[digits + 3..]);
    }
    s
}

/// The input's lines after normalisation, with their line numbers.
fn input_lines(path: &Path, imported: &Imported) -> Vec<(usize, String)> {
    let dropped: BTreeSet<usize> = imported.dropped.iter().map(|d| d.number).collect();
    std::fs::read_to_string(path)
        .unwrap()
        .split('\n')
        .enumerate()
        .filter(|(i, _)| !dropped.contains(&(i + 1)))
        .map(|(i, l)| {
            let l = l.trim_start_matches('#');
            (
                i + 1,
                normalise(&plain_of_markdown(&l.replace('\\', "\\\\"))),
            )
        })
        .filter(|(_, l)| !l.is_empty())
        .collect()
}

fn output_lines(imported: &Imported) -> Vec<String> {
    let doc = gongwen::numbering::number(&imported.draft);
    let ctx = RenderContext::new(&doc);
    let md = common::renderer()
        .render(Format::Markdown, View::Draft(&ctx))
        .unwrap()
        .bytes;
    plain_of_markdown(&String::from_utf8(md).unwrap())
        .lines()
        .map(normalise)
        .filter(|l| !l.is_empty())
        .collect()
}

struct Report {
    name: String,
    style: String,
    parts: usize,
    articles: usize,
    warnings: usize,
    dropped: usize,
    joined: usize,
}

/// Imports a corpus file, checks the round trip and that the draft passes
/// `check` after going through YAML; returns the figures for the report.
fn round_trip(name: &str) -> (Imported, Report) {
    let path = corpus().join(name);
    let imported =
        import_file(&path, ImportOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let warned: BTreeSet<usize> = imported.warnings.iter().map(|w| w.line as usize).collect();
    let input = input_lines(&path, &imported);
    let output = output_lines(&imported);
    if imported.summary.lines_joined > 0 {
        let a: String = input.iter().map(|(_, l)| l.as_str()).collect();
        let b: String = output.concat();
        assert!(
            a == b,
            "{name}: text differs after joining wrapped lines\n{}",
            first_difference(&a, &b)
        );
    } else {
        let a: Vec<&str> = input.iter().map(|(_, l)| l.as_str()).collect();
        let b: Vec<&str> = output.iter().map(String::as_str).collect();
        let diff = similar::TextDiff::configure().diff_slices(&a, &b);
        let mut unexplained = Vec::new();
        // A line the same as a warned one (a 目录's chapter headings and the
        // chapters themselves): the diff may pair the output with either.
        let warned_texts: BTreeSet<&str> = input
            .iter()
            .filter(|(line, _)| warned.contains(line))
            .map(|(_, text)| text.as_str())
            .collect();
        for op in diff.ops() {
            for change in diff.iter_changes(op) {
                match change.tag() {
                    similar::ChangeTag::Equal => {}
                    similar::ChangeTag::Delete => {
                        let (line, text) = &input[change.old_index().unwrap()];
                        if !warned.contains(line) && !warned_texts.contains(text.as_str()) {
                            unexplained
                                .push(format!("input line {line} missing from output: {text}"));
                        }
                    }
                    similar::ChangeTag::Insert => {
                        // An inserted output line must replace a warned input line next to it.
                        let near = op.old_range();
                        let explained = input
                            [near.start.saturating_sub(1)..(near.end + 1).min(input.len())]
                            .iter()
                            .any(|(line, _)| warned.contains(line));
                        if !explained {
                            unexplained.push(format!(
                                "output has a line not in the input: {}",
                                change.value()
                            ));
                        }
                    }
                }
            }
        }
        assert!(
            unexplained.is_empty(),
            "{name}: {} unexplained differences:\n{}",
            unexplained.len(),
            unexplained.join("\n")
        );
    }
    // The draft goes through YAML and back unchanged, and `check` accepts it.
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("draft.yaml");
    gongwen::save::save_checked(&imported.draft, &yaml, false, &[])
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    gongwen::load::load_draft(&yaml).unwrap_or_else(|e| panic!("{name}: {e}"));
    let s = &imported.summary;
    let report = Report {
        name: name.to_string(),
        style: s.style.map_or("", |st| st.name()).to_string(),
        parts: s.parts,
        articles: s.articles,
        warnings: imported.warnings.len(),
        dropped: imported.dropped.len(),
        joined: s.lines_joined,
    };
    (imported, report)
}

fn first_difference(a: &str, b: &str) -> String {
    let i = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let show = |s: &str| {
        s.chars()
            .skip(i.saturating_sub(20))
            .take(60)
            .collect::<String>()
    };
    format!(
        "at character {i}:\n input: {}\noutput: {}",
        show(a),
        show(b)
    )
}

/// Counts `第X条` article lines in the input, as written.
fn article_lines(name: &str) -> usize {
    let text = std::fs::read_to_string(corpus().join(name)).unwrap();
    let re = regex::Regex::new(
        r"^第[零〇一二三四五六七八九十百千]+\s*条(之[一二三四五六七八九十]+)?(\s|$)",
    )
    .unwrap();
    text.lines()
        .filter(|l| re.is_match(l.trim_start_matches('\u{3000}')))
        .count()
}

#[test]
fn every_corpus_text_round_trips_with_no_unexplained_difference() {
    let mut names: Vec<String> = std::fs::read_dir(corpus())
        .expect("tests/corpus holds the corpus")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md") && n != "SOURCES.md")
        .collect();
    names.sort();
    assert!(names.len() >= 18, "{names:?}");
    let mut table =
        String::from("file | style | parts | articles | warnings | noise dropped | lines joined\n");
    for name in &names {
        let (_, r) = round_trip(name);
        table.push_str(&format!(
            "{} | {} | {} | {} | {} | {} | {}\n",
            r.name, r.style, r.parts, r.articles, r.warnings, r.dropped, r.joined
        ));
    }
    eprintln!("{table}");
}

#[test]
fn the_civil_code_comes_back_with_all_1260_articles_numbered_as_in_the_input() {
    let (imported, r) = round_trip("civil-code-2020.md");
    assert_eq!(r.articles, 1260);
    assert_eq!(article_lines("civil-code-2020.md"), 1260);
    let numbering: Vec<_> = imported
        .warnings
        .iter()
        .filter(|w| w.message.contains("numbers this part"))
        .collect();
    assert!(numbering.is_empty(), "{numbering:#?}");
    let doc = gongwen::numbering::number(&imported.draft);
    let last = doc
        .walk()
        .into_iter()
        .rfind(|s| s.level == gongwen::model::Level::Article)
        .unwrap();
    assert_eq!(last.label, "第一千二百六十条");
}

#[test]
fn the_criminal_law_keeps_every_zhi_article_number() {
    for name in [
        "criminal-law-pre-amendment12.md",
        "criminal-law-post-amendment12.md",
    ] {
        let (imported, r) = round_trip(name);
        assert_eq!(r.articles, article_lines(name), "{name}");
        let numbering: Vec<_> = imported
            .warnings
            .iter()
            .filter(|w| w.message.contains("numbers this part"))
            .collect();
        assert!(numbering.is_empty(), "{name}: {numbering:#?}");
        let doc = gongwen::numbering::number(&imported.draft);
        let labels: Vec<String> = doc.walk().iter().map(|s| s.label.clone()).collect();
        for label in [
            "第一百二十条之一",
            "第一百二十条之六",
            "第二百八十七条之二",
            "第四百五十二条",
        ] {
            assert!(labels.iter().any(|l| l == label), "{name}: {label} missing");
        }
    }
}

#[test]
fn known_article_counts_match_the_sources() {
    for (name, articles) in [
        ("company-law-2018.md", 218),
        ("company-law-2023.md", 266),
        ("administrative-reconsideration-law-2017.md", 43),
        ("administrative-reconsideration-law-2023.md", 90),
        ("legislation-law-2015.md", 105),
        ("legislation-law-2023.md", 120),
        ("spc-criminal-procedure-interpretation-2012.md", 548),
        ("spc-criminal-procedure-interpretation-2021.md", 655),
        ("internet-ad-measures-draft-2021.md", 31),
        ("supervision-law-2018.md", 69),
        ("supervision-law-2024.md", 78),
        ("oversight-law-2006.md", 48),
        ("oversight-law-2024.md", 65),
        ("deputies-law-2015.md", 52),
        ("deputies-law-2025.md", 65),
        ("npc-organic-law-1982.md", 46),
        ("npc-organic-law-2021.md", 49),
    ] {
        let path = corpus().join(name);
        let imported = import_file(&path, ImportOptions::default()).unwrap();
        assert_eq!(imported.summary.articles, articles, "{name}");
    }
}

/// What a law mirror wraps its text in is not the text: the 组织法 (2021) has
/// YAML front matter, its title twice, a `>` source note and a 目录 listing
/// its five chapters; the 监督法 (2006) repeats its title broken over two
/// lines, the 2024 text with a space; a decision quotes its adoption note
/// over two `>` paragraphs. None of it is a 引言, a warning or a `>`.
#[test]
fn front_matter_repeated_titles_quote_marks_and_a_contents_list_are_not_text() {
    let organic = import_file(
        &corpus().join("npc-organic-law-2021.md"),
        ImportOptions::default(),
    )
    .unwrap();
    let draft = &organic.draft;
    assert_eq!(draft.meta.title, "中华人民共和国全国人民代表大会组织法");
    assert!(draft.meta.preamble.is_empty(), "{:?}", draft.meta.preamble);
    assert!(organic.warnings.is_empty(), "{:?}", organic.warnings);
    let chapters: Vec<String> = draft
        .parts
        .iter()
        .map(|p| {
            p.heading
                .clone()
                .unwrap_or_default()
                .replace('\u{3000}', "")
        })
        .collect();
    assert_eq!(
        chapters,
        [
            "总则",
            "全国人民代表大会会议",
            "全国人民代表大会常务委员会",
            "全国人民代表大会各委员会",
            "全国人民代表大会代表"
        ]
    );
    for name in ["oversight-law-2006.md", "oversight-law-2024.md"] {
        let imported = import_file(&corpus().join(name), ImportOptions::default()).unwrap();
        let meta = &imported.draft.meta;
        assert_eq!(
            meta.title, "中华人民共和国各级人民代表大会常务委员会监督法",
            "{name}"
        );
        let broken = [
            "中华人民共和国各级人民代表大会",
            "常务委员会监督法",
            "中华人民共和国各级人民代表大会 常务委员会监督法",
        ];
        assert!(
            !meta.preamble.iter().any(|p| broken.contains(&p.as_str())),
            "{name}: {:?}",
            meta.preamble
        );
    }
    let decision = import_file(
        &corpus().join("legislation-law-decision-2023.md"),
        ImportOptions::default(),
    )
    .unwrap();
    let text = gongwen::save::to_string(&decision.draft);
    assert!(text.contains("第一次会议通过）"), "{text}");
    assert!(
        !text
            .lines()
            .any(|l| l.trim_start_matches([' ', '-']).starts_with('>') && l.contains('（')),
        "{text}"
    );
}

#[test]
fn stray_spaces_in_article_numbers_are_imported_and_warned() {
    let path = corpus().join("spc-criminal-procedure-interpretation-2021.md");
    let imported = import_file(&path, ImportOptions::default()).unwrap();
    let stray: Vec<u32> = imported
        .warnings
        .iter()
        .filter(|w| w.message.starts_with("stray space"))
        .map(|w| w.line)
        .collect();
    assert_eq!(stray.len(), 4, "{:#?}", imported.warnings);
}

#[test]
fn the_reference_draft_round_trips_to_the_golden_text() {
    let path = Path::new("tests/fixtures/chengdong-2021-consultation-draft.txt");
    let imported = import_file(path, ImportOptions::default()).unwrap();
    assert!(imported.warnings.is_empty(), "{:#?}", imported.warnings);
    assert_eq!(
        imported.draft.meta.numbering.continuous,
        [gongwen::model::Level::Outline(2)]
    );
    // Same Markdown as building the hand-kept YAML, apart from the ids the
    // YAML gives its parts (which Markdown does not show).
    let renderer = common::renderer();
    let ctx = RenderContext::new(&gongwen::numbering::number(&imported.draft));
    let from_import = renderer
        .render(Format::Markdown, View::Draft(&ctx))
        .unwrap()
        .bytes;
    let from_yaml = gongwen::build_draft(
        Path::new("drafts/chengdong-urbanization-2021/v1"),
        &renderer,
        &[Format::Markdown],
    )
    .unwrap()
    .outputs
    .remove(0)
    .1;
    assert_eq!(
        String::from_utf8(from_import).unwrap(),
        String::from_utf8(from_yaml).unwrap()
    );
}

// Issue 26: what `import` and `comments import` say, in Chinese under a
// Chinese locale and in English as before under `--lang en`.

/// Names kept in Latin letters in a Chinese message: programs, formats,
/// encodings.
const NAMES: &[&str] = &[
    "gongwen",
    "Word",
    "WPS",
    "Excel",
    "LibreOffice",
    "Markdown",
    "YAML",
    "GB18030",
    "UTF",
    "CSV",
    "docx",
    "xlsx",
    "MB",
];

/// The English words of the lines gongwen printed, outside what is placed
/// as written (code spans, file names and paths, `--flags`, a table's columns and
/// cells as Excel names them — `E列`, `E2` —, the names above) and the
/// frame every message shares (`error:`, `warning:`, `= help:`, the
/// `imported A → B:` of the summary), which src/diagnostic.rs and
/// src/main.rs make, not the importer.
pub(crate) fn english_words(output: &str) -> Vec<String> {
    let frame =
        regex::Regex::new(r"^\s*(?:(?:error|warning|note|= help):|imported .*? → \S+:)").unwrap();
    let placed = regex::Regex::new(
        r"`[^`]*`|[\w./-]*\.(?:txt|md|docx|doc|xlsx|csv|yaml)\b(?::\d+)*|U\+[0-9A-F]{4,}|[A-Z]{1,3}(?:\d+|列)|--[a-z][a-z-]*",
    )
    .unwrap();
    let word = regex::Regex::new(r"[A-Za-z][A-Za-z0-9-]*").unwrap();
    output
        .lines()
        .flat_map(|line| {
            let line = frame.replace(line, "");
            let line = placed.replace_all(&line, " ").into_owned();
            word.find_iter(&line)
                .map(|m| m.as_str().to_string())
                .filter(|w| !NAMES.contains(&w.as_str()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_check_for_english_words_finds_them_and_passes_the_frame() {
    assert_eq!(
        english_words("error: a.docx: 这不是能读取的 .docx 文件包（详情：`invalid Zip`）"),
        Vec::<String>::new()
    );
    assert_eq!(
        english_words("imported gb.txt → drafts/gb/v1.yaml: articles style，GB18030"),
        ["articles", "style"]
    );
    assert_eq!(
        english_words("第2行，处理情况（E列）：单元格 E2 is empty"),
        ["is", "empty"]
    );
}

/// Runs gongwen in `dir` in a language: `Some(locale)` as `LANG` (no other
/// locale variable set), `None` for `--lang en`. Exit code, and standard
/// output and error together.
pub(crate) fn gongwen_in(dir: &Path, locale: Option<&str>, args: &[&str]) -> (i32, String) {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_gongwen"));
    command.current_dir(dir);
    match locale {
        Some(locale) => common::in_locale(&mut command, locale).args(args),
        None => common::in_locale(&mut command, "C.UTF-8")
            .args(["--lang", "en"])
            .args(args),
    };
    let out = command.output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

/// Inputs that make the importers speak: each with the exit code, a
/// phrase of its Chinese message and one of its English message.
struct Case {
    file: &'static str,
    bytes: Vec<u8>,
    /// `comments import` into the draft `v1/`, not `import`.
    feedback: bool,
    code: i32,
    zh: &'static [&'static str],
    en: &'static [&'static str],
}

fn cases() -> Vec<Case> {
    let gb18030 = |text: &str| encoding_rs::GB18030.encode(text).0.into_owned();
    let csv = |rows: &[&[&str]]| {
        rows.iter()
            .map(|r| r.join(","))
            .collect::<Vec<_>>()
            .join("\r\n")
            .into_bytes()
    };
    let workbook = |rows: &[&[&str]]| {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                sheet.write_string(r as u32, c as u16, *cell).unwrap();
            }
        }
        book.add_worksheet().set_name("说明").unwrap();
        book.save_to_buffer().unwrap()
    };
    let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    encrypted.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    vec![
        Case {
            file: "损坏.docx",
            bytes: b"PK\x03\x04not a zip archive".to_vec(),
            feedback: false,
            code: 2,
            zh: &["这不是能读取的 .docx 文件包", "另存为 Word 文档"],
            en: &[
                "this is not a readable .docx package",
                "save it again as a Word Document (.docx)",
            ],
        },
        Case {
            file: "加密.docx",
            bytes: encrypted,
            feedback: false,
            code: 2,
            zh: &["这个 Word 文件已加密", "取消密码"],
            en: &["this Word file is encrypted", "remove the password"],
        },
        Case {
            file: "办法.txt",
            bytes: gb18030(
                "关于加强管理的办法\n第一条 为了规范管理，制定本办法。\n第二条 本办法适用于本市。\n第四条 本办法自公布之日起施行。\n第四条 本办法由市政府负责解释。\n",
            ),
            feedback: false,
            code: 0,
            zh: &[
                "原文中第四条不接在第二条之后；gongwen 编为“第三条”",
                "原文中第四条与上一条第四条序号重复",
                "条文式编号，共 4 个部分（其中 4 条），2 条提示",
                "原文为 GB18030 编码",
            ],
            en: &[
                "第四条 does not follow 第二条 in the input's numbering; gongwen numbers it 第三条",
                "articles style, 4 parts (4 articles), 2 warnings, 0 noise lines dropped, decoded from GB18030",
            ],
        },
        Case {
            file: "意见反馈表.csv",
            bytes: csv(&[
                &["序号", "单位", "条款", "意见内容", "办理结果", "理由"],
                &["1", "区教育局", "（一）", "建议写明数量。", "采纳", ""],
            ]),
            feedback: true,
            code: 2,
            zh: &[
                "表格中没有“处理情况”列（现有的列标题：序号、单位、条款、意见内容、办理结果、理由）",
            ],
            en: &[
                "the table has no 处理情况 column (its headers: 序号、单位、条款、意见内容、办理结果、理由)",
            ],
        },
        Case {
            file: "反馈.csv",
            bytes: csv(&[
                &["序号", "单位", "条款", "意见内容", "处理情况", "日期"],
                &[
                    "1",
                    "区教育局",
                    "（一）",
                    "建议写明数量。",
                    "再议",
                    "2021年13月1日",
                ],
            ]),
            feedback: true,
            code: 2,
            zh: &[
                "第2行，处理情况（E列）：`再议` 不是处理情况",
                "第2行，日期（F列）：`2021年13月1日` 不是日期",
            ],
            en: &[
                "row 2, column 处理情况 (E): `再议` is not a disposition",
                "row 2, column 日期 (F): `2021年13月1日` is not a date",
            ],
        },
        Case {
            file: "意见反馈表.xlsx",
            bytes: workbook(&[
                &["序号", "单位", "条款", "意见内容", "处理情况", "理由"],
                &["1", "", "（一）", "建议写明数量。", "未采纳", ""],
            ]),
            feedback: true,
            code: 2,
            zh: &[
                "第2行，单位（B列）：单元格是空的：每条意见都要填写“单位”",
                "第2行，理由（F列）：这条意见标为“未采纳”，需要说明理由",
            ],
            en: &[
                "row 2, column 单位 (B): the cell is empty: every comment needs its 单位",
                "row 2, column 理由 (F): the comment is marked 未采纳, which needs a reason",
            ],
        },
    ]
}

#[test]
fn import_and_comments_import_speak_chinese_under_a_chinese_locale_and_english_with_lang_en() {
    for case in cases() {
        for locale in [Some("zh_CN.UTF-8"), None] {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join(case.file), &case.bytes).unwrap();
            let args: Vec<&str> = if case.feedback {
                crate::common::copy_tree(
                    &common::root().join("drafts/chengdong-urbanization-2021/v1"),
                    &dir.path().join("v1"),
                );
                vec!["comments", "import", case.file, "--draft", "v1"]
            } else {
                vec!["import", case.file]
            };
            let (code, output) = gongwen_in(dir.path(), locale, &args);
            assert_eq!(code, case.code, "{} ({locale:?}): {output}", case.file);
            let expected = if locale.is_some() { case.zh } else { case.en };
            for phrase in expected {
                assert!(
                    output.contains(phrase),
                    "{} ({locale:?}): no {phrase:?} in:\n{output}",
                    case.file
                );
            }
            if locale.is_some() {
                let english = english_words(&output);
                assert!(
                    english.is_empty(),
                    "{}: English in the Chinese output: {english:?}\n{output}",
                    case.file
                );
            }
        }
    }
}

/// The Civil Code as a text taken from a PDF has it: two articles' cross
/// references wrapped onto a line of their own with a space after the
/// number, one to an earlier article (第三百二十七条 → 第二百四十五条) and one to
/// a later-looking one (第三百五十八条 → 第二百四十三条 … both behind, and
/// 第四百零二条 → 第三百九十五条). Each goes on with its article's paragraph,
/// warned of, and every article keeps the number the law gives it.
#[test]
fn a_reference_wrapped_onto_its_own_line_does_not_start_an_article() {
    let text = std::fs::read_to_string(corpus().join("civil-code-2020.md")).unwrap();
    let wraps = [
        (
            "用益物权人有权依据本法第二百四十三条、",
            "第二百四十五条的规定获得相应补偿。",
        ),
        ("应当依据本法", "第二百四十三条的规定对该土地上的房屋"),
        ("以本法", "第三百九十五条第一款第一项至第三项规定的财产"),
    ];
    let mut wrapped = text.clone();
    for (before, after) in wraps {
        let joined = format!("{before}{after}");
        assert!(wrapped.contains(&joined), "{joined}");
        let (label, rest) = after.split_once('条').unwrap();
        wrapped = wrapped.replacen(&joined, &format!("{before}\n{label}条 {rest}"), 1);
    }
    let options = gongwen::import::ImportOptions::default();
    let imported =
        gongwen::import::import_str(Path::new("civil-code-wrapped.md"), &wrapped, options).unwrap();
    let doc = gongwen::numbering::number(&imported.draft);
    let articles: Vec<_> = doc
        .walk()
        .into_iter()
        .filter(|s| s.level == gongwen::model::Level::Article)
        .collect();
    assert_eq!(articles.len(), 1260);
    let plain = gongwen::save::to_string(&imported.draft);
    for (before, after) in wraps {
        assert!(
            plain.contains(&format!("{before}{after}")),
            "{before}{after}"
        );
    }
    // Each wrap is said, with the article that was due.
    let said: Vec<&str> = imported
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .filter(|m| m.contains("was due"))
        .collect();
    assert_eq!(said.len(), 3, "{said:#?}");
    assert!(
        said[0].contains("第二百四十五条 where 第三百二十八条 was due"),
        "{}",
        said[0]
    );
    // The same text as it is: nothing wrapped, nothing said.
    let plain_import =
        gongwen::import::import_str(Path::new("civil-code-2020.md"), &text, Default::default())
            .unwrap();
    assert!(
        !plain_import
            .warnings
            .iter()
            .any(|w| w.message.contains("was due"))
    );
}
