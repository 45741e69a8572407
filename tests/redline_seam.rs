//! One redline seam and one load per draft, as a user sees them: `build`
//! and `check` read each draft file once (counted with strace, which sees
//! every file the process opens), and a comments file with a problem is
//! reported by `diff`, `build` and `serve` alike while the redline is still
//! made.

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// How many times each file below `drafts/` was opened by `gongwen ARGS`
/// run in `dir`, as strace saw it; `None` when strace is missing and
/// `GONGWEN_SKIP_TOOLS` allows that.
fn opens(dir: &Path, args: &[&str]) -> Option<BTreeMap<String, usize>> {
    let strace = common::tools::tool("strace")?;
    let log = dir.join("strace.log");
    let status = Command::new(strace)
        .args(["-f", "-qq", "-e", "trace=open,openat,openat2", "-o"])
        .arg(&log)
        .arg(env!("CARGO_BIN_EXE_gongwen"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run gongwen under strace");
    assert!(
        status.status.code().is_some_and(|c| c < 2),
        "gongwen {args:?} failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let mut counts = BTreeMap::new();
    for line in std::fs::read_to_string(&log).unwrap().lines() {
        // 1234  openat(AT_FDCWD, "drafts/doc/v1/draft.yaml", O_RDONLY|O_CLOEXEC) = 3
        let Some(start) = line.find("\"drafts/") else {
            continue;
        };
        let path = &line[start + 1..];
        let path = &path[..path.find('"').unwrap()];
        // Folders are opened to be listed; only files count here.
        if dir.join(path).is_file() && !line.contains("= -1") {
            *counts.entry(path.to_string()).or_default() += 1;
        }
    }
    Some(counts)
}

/// Every draft file of the sample drafts (draft files and the part files
/// they include; not the comments files).
fn draft_files(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    common::yaml_files(&dir.join("drafts"), &mut files);
    files
        .into_iter()
        .map(|p| p.strip_prefix(dir).unwrap().display().to_string())
        .filter(|p| !p.ends_with(".comments.yaml"))
        .collect()
}

fn sample_drafts() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&common::root().join("drafts"), &dir.path().join("drafts"));
    dir
}

#[test]
fn build_and_check_read_each_draft_file_once() {
    let dir = sample_drafts();
    let files = draft_files(dir.path());
    assert!(
        files.len() >= 11,
        "the sample drafts and their parts: {files:?}"
    );
    for args in [
        &[
            "build", "--out", "out", "--format", "md", "--format", "html", "--format", "docx",
        ][..],
        &["check"][..],
    ] {
        let Some(counts) = opens(dir.path(), args) else {
            return;
        };
        let wrong: Vec<String> = files
            .iter()
            .filter(|f| counts.get(*f).copied().unwrap_or(0) != 1)
            .map(|f| format!("{f}: opened {} times", counts.get(f).copied().unwrap_or(0)))
            .collect();
        assert!(wrong.is_empty(), "gongwen {args:?}:\n{}", wrong.join("\n"));
        // And each comments file once too: the redline and the table share it.
        let comments = "drafts/chengdong-urbanization-2021/v1.comments.yaml";
        assert_eq!(
            counts.get(comments),
            Some(&1),
            "gongwen {args:?} and {comments}"
        );
    }
}

/// The sample document with a comments file that names a part v1 does not have.
fn broken_comments() -> (tempfile::TempDir, String) {
    let dir = common::sample_copy("chengdong-urbanization-2021");
    let file = dir
        .path()
        .join("drafts/chengdong-urbanization-2021/v1.comments.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let broken = text.replacen("disposition: 采纳", "disposition: 大概采纳", 1);
    assert_ne!(text, broken);
    std::fs::write(&file, broken).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("disposition: 采纳"))
        .unwrap()
        + 1;
    (dir, format!("v1.comments.yaml:{line}:"))
}

#[test]
fn a_broken_comments_file_is_reported_by_diff_build_and_serve_alike() {
    let (dir, place) = broken_comments();
    let doc = "drafts/chengdong-urbanization-2021";
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_gongwen"))
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // diff: the problem on standard error, the redline still written, exit 1.
    let (code, stderr) = run(&[
        "diff",
        "--format",
        "html",
        "--out",
        "redline.html",
        &format!("{doc}/v1"),
        &format!("{doc}/v2.yaml"),
    ]);
    assert!(stderr.contains(&place), "diff names the place: {stderr}");
    assert_eq!(code, Some(1));
    let html = std::fs::read_to_string(dir.path().join("redline.html")).unwrap();
    assert!(
        html.contains("修改对照") && !html.contains("答复意见"),
        "no answers listed"
    );
    // build: the same problem, the redline still written, exit 1.
    let (code, stderr) = run(&["build", "--format", "html", "--out", "out"]);
    assert!(stderr.contains(&place), "build names the place: {stderr}");
    assert_eq!(code, Some(1));
    let redline = dir
        .path()
        .join("out/chengdong-urbanization-2021/v1-v2.redline.html");
    assert_eq!(std::fs::read_to_string(redline).unwrap(), html);
}
