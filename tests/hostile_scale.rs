//! Issue 23, "Safe with what others send" — scale and serve: linear where it was quadratic, serve's HTTP as its README says (findings 13, 14, 20).
//! One test per finding, named for it: `finding_NN_…`.
//!
//! Time and memory are the bounded runs' (500 MB of address space, 10 s of
//! wall clock, in a debug build): what took minutes or gigabytes once must
//! end inside them. The figures (how the time grows with the size) are the
//! benches' (`cargo bench --bench lint`, `--bench big`, `--bench preview`).

use crate::common::bounded;

use std::path::Path;

/// A one-paragraph draft holding `text` as a plain one-line scalar.
fn one_paragraph(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(
        &path,
        format!("title: 关于大段文字的通知\nparts:\n  - text: \"{text}\"\n"),
    )
    .unwrap();
    path
}

// ---------------------------------------------------------------------------
// Finding 14c: lint was quadratic in the findings of one text.

#[test]
fn finding_14c_lint_of_100000_half_width_commas_in_one_paragraph_ends_in_bounds() {
    let dir = tempfile::tempdir().unwrap();
    one_paragraph(dir.path(), "d.yaml", &"中,".repeat(100_000));
    let run = bounded::gongwen(dir.path(), &["lint", "d.yaml"]);
    run.refused_with(1);
    assert!(
        run.stdout.contains("100000 lint findings"),
        "{}",
        run.stdout.lines().last().unwrap_or("")
    );
    // Each finding is placed at its own column, counted in characters.
    assert!(
        run.stderr.contains("d.yaml:3:200011:"),
        "{}",
        &run.stderr[run.stderr.len().saturating_sub(600)..]
    );
}

/// `lint --fix` wrote each fix into the file by moving all that follows it:
/// 200,000 fixes before a million characters moved them 200,000 times.
#[test]
fn finding_14c_lint_fix_of_200000_commas_in_a_long_paragraph_ends_in_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{}{}", "中,".repeat(200_000), "文".repeat(1_000_000));
    let path = one_paragraph(dir.path(), "d.yaml", &text);
    let run = bounded::gongwen(dir.path(), &["lint", "d.yaml", "--fix"]);
    run.refused_with(0);
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert!(
        fixed.contains(&format!(
            "{}{}",
            "中，".repeat(200_000),
            "文".repeat(1_000_000)
        )) && !fixed.contains(','),
        "not fixed"
    );
}

/// Texts where each finding (or each mark read) once looked again at the
/// whole text around it, and where each line and column was counted from the
/// start of the line: every shape of one text that made lint quadratic.
#[test]
fn finding_14c_lint_is_linear_in_every_shape_of_one_long_text() {
    const N: usize = 40_000;
    let shapes: Vec<(&str, String)> = vec![
        // Nested parentheses: each pair looked for Chinese inside it.
        (
            "nested parentheses",
            format!("{}中{}", "中(".repeat(N), ")".repeat(N)),
        ),
        // Openers closed by another mark: each closer searched every opener.
        (
            "crossed marks",
            format!("{}{}", "《".repeat(N), "）".repeat(N)),
        ),
        // An unclosed [[ or <a: each looked to the end of the text.
        ("unclosed references", format!("中{}", "[[".repeat(N))),
        ("unclosed tags", format!("中{}", "<a".repeat(N))),
        // Emphasis and spaces skipped to find the character after a mark.
        ("emphasis marks", format!("中{}", "* ".repeat(N))),
        // Dates, each counted from the start of the text.
        (
            "numeric dates",
            format!("2021年9月1日{}", "于2021-9-1，".repeat(N / 4)),
        ),
        // Ellipses and dashes typed wrong, one after another.
        ("ellipses", "中...".repeat(N / 2)),
        ("half-width quotes", "中\\\"文\\\"".repeat(N / 2)),
    ];
    let mut failed = Vec::new();
    for (what, text) in &shapes {
        let dir = tempfile::tempdir().unwrap();
        one_paragraph(dir.path(), "d.yaml", text);
        let run = bounded::gongwen(dir.path(), &["lint", "d.yaml"]);
        if run.timed_out || !matches!(run.code, Some(0 | 1)) {
            failed.push(format!(
                "{what}: {:?} after {:?}{}",
                run.code,
                run.elapsed,
                if run.timed_out { " (killed)" } else { "" }
            ));
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}

/// A typed number before a part's text (一、一、一、…) was stripped one at a
/// time, each time copying the rest of the text.
#[test]
fn finding_14c_a_long_run_of_typed_numbers_is_linted_in_bounds() {
    let dir = tempfile::tempdir().unwrap();
    one_paragraph(
        dir.path(),
        "d.yaml",
        &format!("{}内容", "一、".repeat(100_000)),
    );
    let run = bounded::gongwen(dir.path(), &["lint", "d.yaml"]);
    run.refused_with(1);
    assert!(run.stderr.contains("typed-number"), "{}", run.stderr);
}

/// References to articles, each counted from the start of the text.
#[test]
fn finding_14c_many_references_in_one_article_are_linted_in_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.yaml");
    std::fs::write(
        &path,
        format!(
            "title: 关于引用的办法\nstyle: articles\nparts:\n  - text: 第一条内容。\n  - text: \"依照{}执行。\"\n",
            "第九十九条、".repeat(30_000)
        ),
    )
    .unwrap();
    let run = bounded::gongwen(dir.path(), &["lint", "d.yaml"]);
    run.refused_with(1);
    assert!(run.stderr.contains("missing-reference"), "{}", run.stdout);
}
