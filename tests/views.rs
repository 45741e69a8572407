//! Every view of a redline as a reviewed snapshot: the reference draft's
//! v1 → v2 in the terminal (no colour), JSON, Markdown and HTML, and a real
//! law revision (the Legislation Law, 2015 → 2023) in JSON. A change to a view
//! is then a snapshot diff someone reads, not a silent drift.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `gongwen diff` run in `dir`; its standard output (exit 1: the drafts differ).
fn diff(dir: &Path, old: &str, new: &str, format: &str) -> String {
    let out = Command::cargo_bin("gongwen")
        .unwrap()
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .args(["diff", old, new, "--format", format, "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const V1: &str = "drafts/chengdong-urbanization-2021/v1";
const V2: &str = "drafts/chengdong-urbanization-2021/v2.yaml";

#[test]
fn reference_redline_in_the_terminal() {
    insta::assert_snapshot!("reference_term", diff(&root(), V1, V2, "term"));
}

#[test]
fn reference_redline_as_json() {
    insta::assert_snapshot!("reference_json", diff(&root(), V1, V2, "json"));
}

#[test]
fn reference_redline_as_markdown() {
    insta::assert_snapshot!("reference_md", diff(&root(), V1, V2, "md"));
}

#[test]
fn reference_redline_as_html() {
    insta::assert_snapshot!("reference_html", diff(&root(), V1, V2, "html"));
}

#[test]
fn legislation_law_2015_to_2023_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = root().join("../shared/corpus");
    for (name, file) in [
        ("2015.yaml", "legislation-law-2015.md"),
        ("2023.yaml", "legislation-law-2023.md"),
    ] {
        let imported =
            gongwen::import::import_file(&corpus.join(file), Default::default()).unwrap();
        gongwen::save::save_checked(&imported.draft, &dir.path().join(name), false, &[]).unwrap();
    }
    insta::assert_snapshot!(
        "legislation_law_json",
        diff(dir.path(), "2015.yaml", "2023.yaml", "json")
    );
}

#[test]
fn the_summary_line_counts_what_the_views_show() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, first: &str, second: &str| {
        let yaml = format!(
            "title: 某某办法\nstyle: articles\nparts:\n  - 为了规范公共数据开放工作，{first}\n  - {second}\n"
        );
        std::fs::write(dir.path().join(name), yaml).unwrap();
    };
    write("a.yaml", "制定本办法。", "本办法自2024年5月1日起施行。");
    // A space added to the first article (hidden), a date changed in the second.
    write("b.yaml", "制定本办法 。", "本办法自2025年1月1日起施行。");
    let term = diff(dir.path(), "a.yaml", "b.yaml", "term");
    assert!(
        term.contains("：修改 1 处（另有仅空白的修改 1 处未列出）\n"),
        "{term}"
    );
    // One entry listed, printed as the article is printed.
    assert!(term.contains("\n1. 第二条"), "{term}");
    assert!(!term.contains("\n2. "), "{term}");
    assert!(term.contains("第二条\u{3000}本办法自"), "{term}");
}
