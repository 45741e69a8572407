//! The fuzz targets (`fuzz/targets.rs`, run for millions of inputs by
//! `cargo fuzz`, see `fuzz/README.md`) run here briefly on every test run: on
//! their seeds, and on a few thousand mutations of them and random bytes.
//! `GONGWEN_FUZZ_CASES` sets how many.

mod targets {
    include!("../fuzz/targets.rs");
}

use crate::common;

use proptest::prelude::*;

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let seeds: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    assert!(!seeds.is_empty(), "no seeds in {}", dir.display());
    seeds
}

fn run(target: &str, data: &[u8]) {
    match target {
        "load" => targets::load(data),
        "import" => targets::import(data),
        "docx" => {
            targets::docx(data);
        }
        "feedback" => {
            targets::feedback(data);
        }
        _ => targets::diff(data),
    }
}

#[test]
fn every_seed_passes_its_target() {
    for target in ["load", "import", "diff", "docx", "feedback"] {
        for seed in seeds(target) {
            run(target, &seed);
        }
    }
}

/// The seeds of the Word and table targets are real files as Word, Excel,
/// LibreOffice, pandoc and openpyxl write them: each must be read, or the
/// fuzzer would start from inputs that never get past the package.
#[test]
fn the_word_and_table_seeds_are_read_not_refused() {
    for seed in seeds("docx") {
        assert!(targets::docx(&seed), "a Word seed is refused");
    }
    for seed in seeds("feedback") {
        assert!(targets::feedback(&seed), "a table seed is refused");
    }
}

/// An edit of a seed: at a place (a share of its length), delete some
/// bytes, insert some, or both.
#[derive(Debug, Clone)]
struct Edit {
    at: prop::sample::Index,
    delete: usize,
    insert: Vec<u8>,
}

/// Bytes of YAML and Markdown syntax, more likely to reach deep than random bytes.
const TEXT_TOKENS: &[&[u8]] = &[
    b"\n",
    b"  ",
    b"- ",
    b": ",
    b"\n  - ",
    b"\"",
    b"'",
    b"[",
    b"]",
    b"{",
    b"}",
    b"&a",
    b"*a",
    b"!!str ",
    b"|\n",
    b">\n",
    b"#",
    b"---\n",
    b"\t",
    b"include: ",
    b"parts:\n",
    b"text: ",
    b"heading: ",
    "（一）".as_bytes(),
    "第一条".as_bytes(),
    "一、".as_bytes(),
    b"**",
    b"\xFF",
];

/// WordprocessingML, for the Word importer's parts.
const WORD_TOKENS: &[&[u8]] = &[
    b"<w:p>",
    b"</w:p>",
    b"<w:r><w:t>",
    b"</w:t></w:r>",
    b"<w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>",
    b"<w:rPr><w:vanish/></w:rPr>",
    b"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>",
    b"</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    b"<w:tcPr><w:gridSpan w:val=\"9\"/><w:vMerge/></w:tcPr>",
    b"<w:ins w:id=\"1\" w:author=\"a\">",
    b"</w:ins>",
    b"<w:del w:id=\"2\" w:author=\"a\"><w:r><w:delText>",
    b"</w:delText></w:r></w:del>",
    b"<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>",
    b"<w:footnoteReference w:id=\"1\"/>",
    b"<w:txbxContent>",
    b"&amp;",
    b"\"",
    b"\xFF",
    "第一条".as_bytes(),
    "（一）".as_bytes(),
    "一、".as_bytes(),
];

/// Spreadsheet cells and text-table syntax, for the 意见反馈表 reader.
const TABLE_TOKENS: &[&[u8]] = &[
    b",",
    b"\t",
    b";",
    b"\"",
    b"\r\n",
    b"\r",
    b"\n",
    b"<c r=\"XFD1048576\" t=\"s\"><v>0</v></c>",
    b"<c r=\"C3\"><f>A1+1</f></c>",
    b"<c r=\"B2\" t=\"inlineStr\"><is><t>",
    b"</t></is></c>",
    b"<row r=\"2\">",
    b"</row>",
    b"<mergeCell ref=\"B2:B9\"/>",
    b"<si><t>",
    b"</t></si>",
    b" state=\"hidden\"",
    b"<v>45000</v>",
    "序号".as_bytes(),
    "单位".as_bytes(),
    "条款".as_bytes(),
    "意见内容".as_bytes(),
    "处理情况".as_bytes(),
    "采纳".as_bytes(),
    "未采纳".as_bytes(),
    "一、（二）".as_bytes(),
    "第三条".as_bytes(),
    b"\xFF",
];

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    edits_of(TEXT_TOKENS)
}

fn edits_of(tokens: &'static [&'static [u8]]) -> impl Strategy<Value = Vec<Edit>> {
    let insert = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..8),
        prop::sample::select(tokens).prop_map(|b| b.to_vec()),
    ];
    prop::collection::vec(
        (any::<prop::sample::Index>(), 0usize..6, insert).prop_map(|(at, delete, insert)| Edit {
            at,
            delete,
            insert,
        }),
        1..6,
    )
}

fn mutate(seed: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut data = seed.to_vec();
    for e in edits {
        let at = e.at.index(data.len() + 1);
        let end = (at + e.delete).min(data.len());
        data.splice(at..end, e.insert.iter().copied());
    }
    data
}

fn cases() -> u32 {
    std::env::var("GONGWEN_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600)
}

proptest! {
    #![proptest_config(common::proptest_config(cases()))]

    #[test]
    fn mutated_seeds_pass_the_loader(pick in any::<prop::sample::Index>(), edits in edits()) {
        let seeds = seeds("load");
        let seed: &Vec<u8> = pick.get(&seeds);
        run("load", &mutate(seed, &edits));
    }

    #[test]
    fn mutated_seeds_pass_the_importer(pick in any::<prop::sample::Index>(), edits in edits()) {
        let seeds = seeds("import");
        let seed: &Vec<u8> = pick.get(&seeds);
        run("import", &mutate(seed, &edits));
    }

    #[test]
    fn mutated_seeds_pass_the_diff(pick in any::<prop::sample::Index>(), edits in edits()) {
        let seeds = seeds("diff");
        let seed: &Vec<u8> = pick.get(&seeds);
        run("diff", &mutate(seed, &edits));
    }

    #[test]
    fn mutated_seeds_pass_the_word_importer(
        pick in any::<prop::sample::Index>(),
        edits in edits_of(WORD_TOKENS),
    ) {
        let seeds = seeds("docx");
        let seed: &Vec<u8> = pick.get(&seeds);
        run("docx", &mutate(seed, &edits));
    }

    #[test]
    fn mutated_seeds_pass_the_feedback_reader(
        pick in any::<prop::sample::Index>(),
        edits in edits_of(TABLE_TOKENS),
    ) {
        let seeds = seeds("feedback");
        let seed: &Vec<u8> = pick.get(&seeds);
        run("feedback", &mutate(seed, &edits));
    }

    #[test]
    fn random_bytes_pass_every_target(data in prop::collection::vec(any::<u8>(), 0..512)) {
        for target in ["load", "import", "diff", "docx", "feedback"] {
            run(target, &data);
        }
    }
}
