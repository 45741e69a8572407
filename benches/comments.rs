//! Comments at scale, whole process (release build), with peak memory:
//! figures printed by `cargo bench --bench comments`.
//!
//! - `gongwen comments import` of a 意见反馈表 of 1,000, 10,000 and 100,000
//!   rows, as CSV and as an Excel workbook, into a new comments file;
//! - `gongwen check` and `gongwen build --format md,html` of the reference
//!   document (v1 and v2) with 1,000 to 20,000 comments on v1.
//!
//! Each is run three times; the figures are the fastest and slowest run,
//! and the highest peak.

mod common;

use std::path::Path;
use std::time::Duration;

/// Runs the release `gongwen` with `args` in `dir` ([`common::run_measured`]),
/// saying why when it fails.
fn measure(args: &[&str], dir: &Path) -> (Duration, u64, Option<i32>) {
    let (elapsed, peak, code) = common::run_measured(args, dir);
    if !matches!(code, Some(0)) {
        eprintln!("gongwen {args:?} failed: {}", common::failure(dir));
    }
    (elapsed, peak, code)
}

/// Three runs of `args`, `before` run ahead of each: one table line.
fn report(what: &str, args: &[&str], dir: &Path, before: &dyn Fn()) {
    let mut times = Vec::new();
    let mut peak = 0;
    let mut failed = None;
    for _ in 0..3 {
        before();
        let (time, mb, code) = measure(args, dir);
        times.push(time.as_secs_f64());
        peak = peak.max(mb);
        if code != Some(0) {
            failed = Some(code);
        }
    }
    let (low, high) = times
        .iter()
        .fold((f64::MAX, 0f64), |(l, h), t| (l.min(*t), h.max(*t)));
    println!(
        "| {what} | {low:.2}–{high:.2} s | {peak} MB |{}",
        failed.map_or(String::new(), |c| format!(" FAILED: exit {c:?}"))
    );
}

/// Row `i` of a 意见反馈表, on one of v1's parts.
fn row(i: usize) -> [String; 6] {
    let on = ["（一）", "（三）", "二、", "总体", "（十）"][i % 5];
    [
        i.to_string(),
        format!("区单位{}", i % 37),
        on.to_string(),
        format!("建议明确第{i}项措施的完成时限。"),
        ["采纳", "未采纳"][i % 2].to_string(),
        format!("理由{i}。"),
    ]
}

const HEADER: [&str; 6] = ["序号", "单位", "条款", "意见内容", "处理情况", "理由"];

fn csv(rows: usize) -> String {
    let mut out = HEADER.join(",");
    for i in 1..=rows {
        out.push_str("\r\n");
        out.push_str(&row(i).join(","));
    }
    out
}

fn xlsx(rows: usize, path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for i in 1..=rows {
        let cells = row(i);
        sheet.write_number(i as u32, 0, i as f64).unwrap();
        for (c, cell) in cells.iter().enumerate().skip(1) {
            sheet.write_string(i as u32, c as u16, cell).unwrap();
        }
    }
    book.save(path).unwrap();
}

/// A comments file of `n` comments on v1.
fn comments_file(n: usize) -> String {
    let mut text = String::from("comments:\n");
    for i in 1..=n {
        let [id, from, on, said, disposition, reason] = row(i);
        text.push_str(&format!(
            "  - id: {id}\n    from: {from}\n    on: {on}\n    text: {said}\n    disposition: {disposition}\n    reason: {reason}\n"
        ));
    }
    text
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else if !entry.file_name().to_string_lossy().contains(".comments.") {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("drafts/doc");
    copy_tree(&root.join("drafts/chengdong-urbanization-2021"), &doc);
    let file = doc.join("v1.comments.yaml");
    println!(
        "comments at scale, release build, whole process, {} cores",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!("| what | time | peak memory |");
    println!("|---|---|---|");
    let fresh = || {
        let _ = std::fs::remove_file(&file);
    };
    for rows in [1_000, 10_000, 100_000] {
        std::fs::write(dir.path().join("t.csv"), csv(rows)).unwrap();
        report(
            &format!("comments import, {rows} rows, CSV"),
            &["comments", "import", "t.csv", "--draft", "drafts/doc/v1"],
            dir.path(),
            &fresh,
        );
        xlsx(rows, &dir.path().join("t.xlsx"));
        report(
            &format!("comments import, {rows} rows, .xlsx"),
            &["comments", "import", "t.xlsx", "--draft", "drafts/doc/v1"],
            dir.path(),
            &fresh,
        );
    }
    for n in [1_000, 5_000, 10_000, 20_000] {
        std::fs::write(&file, comments_file(n)).unwrap();
        report(
            &format!("check, {n} comments"),
            &["check", "drafts/doc"],
            dir.path(),
            &|| {},
        );
        report(
            &format!("build --format md,html, {n} comments"),
            &["build", "drafts/doc", "--format", "md,html", "--out", "out"],
            dir.path(),
            &|| {},
        );
    }
}
