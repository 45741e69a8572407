//! gongwen as a careless or hostile user meets it: one test per finding of the
//! safety review (issue "Never lose a user's files, never read outside the
//! project, never panic, never hang"), each named for its finding.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use assert_cmd::Command;

fn gongwen() -> Command {
    let mut cmd = Command::cargo_bin("gongwen").unwrap();
    cmd.env_remove("SOURCE_DATE_EPOCH").env_remove("NO_COLOR");
    cmd.timeout(Duration::from_secs(120));
    cmd
}

fn bin() -> std::process::Command {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("gongwen"))
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A project with two documents, the second of two drafts.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("drafts/a");
    let b = dir.path().join("drafts/b");
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    std::fs::write(a.join("v1.yaml"), "title: 甲\nparts:\n  - 第一段。\n").unwrap();
    std::fs::write(b.join("v1.yaml"), "title: 乙\nparts:\n  - 第一段。\n").unwrap();
    std::fs::write(b.join("v2.yaml"), "title: 乙\nparts:\n  - 第一段，改。\n").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "一、总体要求\n正文。\n").unwrap();
    dir
}

// 1. Data loss.

#[test]
fn finding_01_import_force_into_the_working_folder_deletes_nothing() {
    let dir = project();
    let before = crate::common::listing(dir.path());
    let out = gongwen()
        .current_dir(dir.path())
        .args(["import", "notes.txt", "--out", ".", "--force"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("will not replace"),
        "{}",
        stderr(&out)
    );
    assert_eq!(crate::common::listing(dir.path()), before);
    assert!(dir.path().join("notes.txt").is_file());
}

#[test]
fn finding_01_import_force_onto_drafts_keeps_every_other_document() {
    let dir = project();
    let out = gongwen()
        .current_dir(dir.path())
        .args(["import", "notes.txt", "--out", "drafts", "--force"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("no draft.yaml"), "{}", stderr(&out));
    assert_eq!(
        crate::common::listing(&dir.path().join("drafts")),
        ["a", "b"]
    );
    assert_eq!(
        crate::common::listing(&dir.path().join("drafts/b")),
        ["v1.yaml", "v2.yaml"]
    );
}

#[test]
fn finding_01_import_force_replaces_the_one_draft_named() {
    let dir = project();
    let target = dir.path().join("drafts/c/v1");
    std::fs::create_dir_all(&target).unwrap();
    std::fs::write(target.join("draft.yaml"), "title: 旧\n").unwrap();
    std::fs::write(target.join("01-old.yaml"), "heading: 旧\n").unwrap();
    gongwen()
        .current_dir(dir.path())
        .args(["import", "notes.txt", "--out", "drafts/c/v1", "--force"])
        .assert()
        .code(0);
    assert_eq!(crate::common::listing(&target), ["01.yaml", "draft.yaml"]);
    // A folder that holds anything else is not a draft to replace.
    std::fs::write(target.join("minutes.docx"), "x").unwrap();
    let out = gongwen()
        .current_dir(dir.path())
        .args(["import", "notes.txt", "--out", "drafts/c/v1", "--force"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("minutes.docx"), "{}", stderr(&out));
    assert!(target.join("minutes.docx").is_file());
    assert_eq!(crate::common::listing(&dir.path().join("drafts/c")), ["v1"]);
}

// 2. Reading any file.

fn check_draft(dir: &Path, yaml: &str) -> std::process::Output {
    let draft = dir.join("drafts/doc/v1");
    std::fs::create_dir_all(&draft).unwrap();
    std::fs::write(draft.join("draft.yaml"), yaml).unwrap();
    gongwen().arg("check").arg(&draft).output().unwrap()
}

#[test]
fn finding_02_an_include_outside_the_draft_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("secret.yaml"), "heading: 机密\n").unwrap();
    for (target, expected) in [
        ("../../../secret.yaml", "is outside the draft's folder"),
        ("/etc/passwd", "is an absolute path"),
        ("/proc/self/environ", "is an absolute path"),
        (
            "../../../../../../../../etc/passwd",
            "is not a YAML part file",
        ),
    ] {
        let out = check_draft(
            dir.path(),
            &format!("title: 标题\nparts:\n  - include: {target}\n"),
        );
        assert_eq!(out.status.code(), Some(1), "{target}");
        let err = stderr(&out);
        assert!(err.contains(expected), "{target}: {err}");
        assert!(!err.contains("机密") && !err.contains("root:"), "{err}");
    }
}

#[test]
fn finding_02_include_prints_no_file_contents_in_its_messages() {
    let dir = tempfile::tempdir().unwrap();
    let out = gongwen()
        .env("GONGWEN_SECRET_FOR_TEST", "s3cr3t-value")
        .arg("check")
        .arg({
            let draft = dir.path().join("v1");
            std::fs::create_dir_all(&draft).unwrap();
            std::fs::write(
                draft.join("draft.yaml"),
                "title: 标题\nparts:\n  - include: /proc/self/environ\n",
            )
            .unwrap();
            draft
        })
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!stderr(&out).contains("s3cr3t-value"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn finding_02_a_link_may_not_lead_an_include_outside() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("secret.yaml"), "heading: 机密\n").unwrap();
    let draft = dir.path().join("drafts/doc/v1");
    std::fs::create_dir_all(&draft).unwrap();
    std::os::unix::fs::symlink(dir.path().join("secret.yaml"), draft.join("01.yaml")).unwrap();
    let out = check_draft(dir.path(), "title: 标题\nparts:\n  - include: 01.yaml\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("outside the draft's folder"),
        "{}",
        stderr(&out)
    );
    // A link that stays inside is followed.
    std::fs::write(draft.join("real.yaml"), "heading: 总体要求\ntext: 正文。\n").unwrap();
    std::fs::remove_file(draft.join("01.yaml")).unwrap();
    std::os::unix::fs::symlink("real.yaml", draft.join("01.yaml")).unwrap();
    let out = check_draft(dir.path(), "title: 标题\nparts:\n  - include: 01.yaml\n");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

// 3. Panics on closed or full output.

fn build_into_closed_pipe(args: &[&str], dir: &Path) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    bin()
        .args(args)
        .current_dir(dir)
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

#[test]
fn finding_03_a_closed_pipe_ends_printing_quietly_and_the_build_goes_on() {
    let dir = project();
    let out = build_into_closed_pipe(&["build", "--format", "md,html"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    for f in ["a/v1.md", "b/v1.html", "b/v2.md", "b/v1-v2.redline.html"] {
        assert!(dir.path().join("output").join(f).is_file(), "{f}");
    }
    let out = build_into_closed_pipe(&["check"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = build_into_closed_pipe(&["import", "notes.txt"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(dir.path().join("drafts/notes/v1.yaml").is_file());
    // diff keeps its own exit code (1: the drafts differ) and says nothing.
    let out = build_into_closed_pipe(
        &["diff", "drafts/b/v1.yaml", "drafts/b/v2.yaml"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[cfg(target_os = "linux")]
#[test]
fn finding_03_a_full_disk_on_standard_output_is_an_error_with_a_message() {
    let dir = project();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = bin()
        .args(["build", "--format", "md"])
        .current_dir(dir.path())
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains("cannot write to standard output"), "{err}");
    assert!(dir.path().join("output/b/v2.md").is_file());
}

// 4. Replacing what --out points at.

#[cfg(unix)]
#[test]
fn finding_04_out_naming_a_link_writes_its_target() {
    let dir = project();
    let target = dir.path().join("report.json");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    gongwen()
        .current_dir(dir.path())
        .args([
            "diff",
            "drafts/b/v1.yaml",
            "drafts/b/v2.yaml",
            "--format",
            "json",
            "--out",
            "link.json",
        ])
        .assert()
        .code(1);
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("\"summary\"")
    );
}

#[cfg(target_os = "linux")]
#[test]
fn finding_04_out_naming_a_device_or_fifo_writes_into_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = project();
    // A "full" device of the test's own where it may make one (as root), so
    // that a gongwen that replaces devices damages nothing but the test's.
    let own = dir.path().join("full");
    let made = std::process::Command::new("mknod")
        .args([own.to_str().unwrap(), "c", "1", "7"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let full = if made { own } else { "/dev/full".into() };
    let out = gongwen()
        .current_dir(dir.path())
        .args(["diff", "drafts/b/v1.yaml", "drafts/b/v2.yaml", "--out"])
        .arg(&full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("No space left"), "{}", stderr(&out));
    assert!(full.metadata().unwrap().file_type().is_char_device());
    let fifo = dir.path().join("pipe");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    gongwen()
        .current_dir(dir.path())
        .args(["diff", "drafts/b/v1.yaml", "drafts/b/v2.yaml", "--out"])
        .arg(&fifo)
        .assert()
        .code(1);
    assert!(reader.join().unwrap().contains("第一段"));
    assert!(fifo.metadata().unwrap().file_type().is_fifo());
}

#[cfg(unix)]
#[test]
fn finding_04_a_link_inside_the_output_folder_is_never_written_through() {
    let dir = project();
    let outside = dir.path().join("outside.md");
    std::fs::write(&outside, "mine").unwrap();
    std::fs::create_dir_all(dir.path().join("output/a")).unwrap();
    std::os::unix::fs::symlink(&outside, dir.path().join("output/a/v1.md")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("output/b")).unwrap();
    let out = gongwen()
        .current_dir(dir.path())
        .args(["build", "--format", "md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("it is a symbolic link"), "{err}");
    assert!(err.contains("leads outside the output folder"), "{err}");
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "mine");
    assert!(!dir.path().join("v1.md").exists());
}

// 5. Hangs.

#[cfg(unix)]
#[test]
fn finding_05_symlink_loops_in_drafts_are_walked_once() {
    let dir = project();
    let drafts = dir.path().join("drafts");
    std::os::unix::fs::symlink(&drafts, drafts.join("a/loop")).unwrap();
    std::os::unix::fs::symlink(drafts.join("b"), drafts.join("b/again")).unwrap();
    let out = gongwen()
        .current_dir(dir.path())
        .args(["check"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("ok")).count(),
        3,
        "{stdout}"
    );
}

// 8. Bidi and control characters.

#[test]
fn finding_08_bidi_controls_are_a_check_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = check_draft(
        dir.path(),
        "title: 标题\nparts:\n  - heading: 总体\u{202E}要求\n    text: 正文。\n",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("U+202E (RIGHT-TO-LEFT OVERRIDE)"), "{err}");
    assert!(err.contains("总体<U+202E>要求"), "{err}");
    assert!(
        !err.contains('\u{202E}'),
        "the message itself must not reorder: {err}"
    );
}

// 9. Outputs that overwrite each other.

#[test]
fn finding_09_drafts_that_would_share_an_output_are_refused_before_writing() {
    let dir = project();
    let b = dir.path().join("drafts/b");
    std::fs::write(b.join("v1.yml"), "title: 乙\n").unwrap();
    std::fs::create_dir_all(b.join("v1")).unwrap();
    std::fs::write(b.join("v1/draft.yaml"), "title: 乙\n").unwrap();
    let out = gongwen()
        .current_dir(dir.path())
        .args(["build", "--format", "md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("would all be written as b/v1.*"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("output").exists());
}

// 10. Leftovers.

#[test]
fn finding_10_leftover_temporary_files_are_removed_by_the_next_build() {
    let dir = project();
    let out_dir = dir.path().join("output/b");
    std::fs::create_dir_all(&out_dir).unwrap();
    let leftover = out_dir.join(".gongwen-Xy12ab.tmp");
    std::fs::write(&leftover, vec![0u8; 1024]).unwrap();
    let old = std::time::SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&leftover)
        .unwrap()
        .set_modified(old)
        .unwrap();
    gongwen()
        .current_dir(dir.path())
        .args(["build", "--format", "md"])
        .assert()
        .code(0);
    assert_eq!(
        crate::common::listing(&out_dir),
        ["v1-v2.redline.md", "v1.md", "v2.md"]
    );
}

#[test]
fn finding_10_a_failed_import_leaves_no_staging_folder() {
    let dir = project();
    let target = dir.path().join("drafts/c");
    std::fs::create_dir_all(&target).unwrap();
    std::fs::write(target.join("readme.txt"), "x").unwrap();
    gongwen()
        .current_dir(dir.path())
        .args(["import", "notes.txt", "--out", "drafts/c", "--force"])
        .assert()
        .code(2);
    assert_eq!(
        crate::common::listing(&dir.path().join("drafts")),
        ["a", "b", "c"]
    );
    assert_eq!(crate::common::listing(&target), ["readme.txt"]);
}

// 11. Permissions.

#[cfg(unix)]
#[test]
fn finding_11_outputs_get_the_umask_and_keep_their_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project();
    let mode = |p: &Path| p.metadata().unwrap().permissions().mode() & 0o777;
    let run = || {
        std::process::Command::new("sh")
            .arg("-c")
            .arg("umask 022 && exec \"$0\" build --format md")
            .arg(assert_cmd::cargo::cargo_bin("gongwen"))
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    assert_eq!(run().status.code(), Some(0));
    let v1 = dir.path().join("output/a/v1.md");
    assert_eq!(mode(&v1), 0o644);
    std::fs::set_permissions(&v1, std::fs::Permissions::from_mode(0o640)).unwrap();
    assert_eq!(run().status.code(), Some(0));
    assert_eq!(mode(&v1), 0o640);
    // A file the user made read-only is not replaced.
    let v2 = dir.path().join("output/b/v2.md");
    std::fs::write(&v2, "kept").unwrap();
    std::fs::set_permissions(&v2, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = run();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&v2).unwrap(), "kept");
}

// 14. Messages a person can act on.

fn check_message(yaml: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.yaml");
    std::fs::write(&path, yaml).unwrap();
    let out = gongwen().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    stderr(&out)
}

#[test]
fn finding_14_messages_speak_the_authors_language() {
    let cases: Vec<(Vec<u8>, &str, &[&str])> = vec![
        (
            b"title: a\ntitle: b\n".to_vec(),
            "the key `title` appears a second time",
            &["DuplicateKeyPolicy"],
        ),
        (
            b"title: a\n---\ntitle: b\n".to_vec(),
            "starts a second YAML document",
            &["from_str_multiple"],
        ),
        (
            b"title: a\nparts:\n  - heading: 1e999999\n".to_vec(),
            "`heading` must be text, but here it is a number",
            &["policy", "non-finite"],
        ),
        (
            format!("title: a\nparts: {}{}\n", "[".repeat(80), "]".repeat(80)).into_bytes(),
            "nested too deeply",
            &["budget", "Depth"],
        ),
        (
            {
                let mut b = vec![0xFF, 0xFE];
                for unit in "title: 标题\n".encode_utf16() {
                    b.extend(unit.to_le_bytes());
                }
                b
            },
            "the file is UTF-16 text",
            &["0xFF cannot start"],
        ),
    ];
    for (yaml, expected, never) in cases {
        let err = check_message(&yaml);
        assert!(err.contains(expected), "{expected}: {err}");
        for n in never {
            assert!(!err.contains(n), "{n}: {err}");
        }
    }
}

#[test]
fn finding_14_a_long_line_is_not_echoed_whole() {
    let yaml = format!("title: [{}\n", "很长的一行".repeat(11_000));
    let err = check_message(yaml.as_bytes());
    assert!(err.len() < 4_000, "{} bytes of message", err.len());
}

#[cfg(unix)]
#[test]
fn finding_14_including_a_folder_or_fifo_says_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("v1");
    std::fs::create_dir_all(draft.join("sub.yaml")).unwrap();
    let out = check_draft_at(&draft, "title: 标题\nparts:\n  - include: sub.yaml\n");
    assert!(out.contains("this is a folder, not a file"), "{out}");
    assert!(!out.contains("does not exist"), "{out}");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(draft.join("p.yaml"))
            .status()
            .unwrap()
            .success()
    );
    let out = check_draft_at(&draft, "title: 标题\nparts:\n  - include: p.yaml\n");
    assert!(out.contains("not a regular file"), "{out}");
}

fn check_draft_at(draft: &Path, yaml: &str) -> String {
    std::fs::write(draft.join("draft.yaml"), yaml).unwrap();
    let out = gongwen().arg("check").arg(draft).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    stderr(&out)
}

#[test]
fn finding_14_an_unknown_fallback_face_is_reported_at_its_own_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.yaml");
    std::fs::write(
        &path,
        "title: 标题\nfonts:\n  body: FandolFang R\n  fallback:\n    - FandolKai\n    - 没有这种字体\nparts:\n  - 正文。\n",
    )
    .unwrap();
    let out = gongwen().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{}:6:7: unknown font family `没有这种字体`",
            path.display()
        )),
        "{err}"
    );
}

#[test]
fn finding_14_a_font_folder_that_does_not_exist_is_an_error() {
    let dir = project();
    for command in ["build", "check"] {
        let out = gongwen()
            .current_dir(dir.path())
            .args([command, "--font-dir", "/nonexistent/fonts"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{command}");
        assert!(stderr(&out).contains("does not exist"), "{}", stderr(&out));
    }
}

#[test]
fn finding_14_check_refuses_what_build_would_refuse_for_missing_glyphs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.yaml");
    std::fs::write(&path, "title: 标题\nparts:\n  - 起草人：王䶮。\n").unwrap();
    let out = gongwen().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("䶮 (U+4DAE)"), "{}", stderr(&out));
    gongwen()
        .arg("check")
        .arg(&path)
        .arg("--allow-missing-glyphs")
        .assert()
        .code(0);
}

// 7. Markdown output injection.

/// Every block-level element and raw HTML the Markdown parses into, and every
/// link target.
fn markdown_shape(md: &str) -> (Vec<String>, Vec<String>) {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let mut blocks = Vec::new();
    let mut links = Vec::new();
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
            Event::Start(
                t @ (Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock
                | Tag::List(_)
                | Tag::Table(_)),
            ) => blocks.push(
                format!("{t:?}")
                    .split(['(', ' '])
                    .next()
                    .unwrap()
                    .to_string(),
            ),
            Event::Html(h) | Event::InlineHtml(h) => blocks.push(format!("html {h}")),
            Event::Rule => blocks.push("rule".into()),
            _ => {}
        }
    }
    (blocks, links)
}

const HOSTILE: &str = r##"title: "标题<script>alert(1)</script>[x](javascript:alert(1))"
stage: "征求意见稿 <b>"
organ: "# 机关"
number: "<!-- 号 -->"
to: "[ref]: http://evil.example"
preamble:
  - "___"
  - "\t缩进的一段"
parts:
  - heading: "<script>"
    text: "第一段 [点我](javascript:alert(1)) 与 [ref]。"
  - heading: 推进**重点**工作
    parts:
      - heading: 推进**重点**工作。
        text: 正文见[链接](https://gov.cn)。
      - "&lt;script&gt;alert(2)&lt;/script&gt;"
      - "[ref]: http://x"
      - "- 不是列表\n1. 也不是\n---"
closing:
  - "</div>特此通知。"
cc: ["<i>甲</i>", "乙"]
printer: "| 表 |"
"##;

#[test]
fn finding_07_author_text_never_changes_the_structure_of_the_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc/v1.yaml");
    std::fs::create_dir_all(dir.path().join("doc")).unwrap();
    std::fs::write(&path, HOSTILE).unwrap();
    let out_dir = dir.path().join("out");
    gongwen()
        .arg("build")
        .arg(&path)
        .args(["--format", "md", "--out"])
        .arg(&out_dir)
        .assert()
        .code(0);
    let md = std::fs::read_to_string(out_dir.join("doc/v1.md")).unwrap();
    let (blocks, links) = markdown_shape(&md);
    assert!(
        !blocks.iter().any(|b| b.starts_with("html")),
        "{blocks:?}\n{md}"
    );
    assert!(
        !blocks
            .iter()
            .any(|b| b == "rule" || b.starts_with("CodeBlock") || b.starts_with("List")),
        "{blocks:?}\n{md}"
    );
    assert_eq!(links, ["https://gov.cn"], "{md}");
    // title, stage, number, to, 2 preamble, 2 headings, 1 run-in paragraph,
    // 3 item paragraphs, the paragraph of part 1, closing, signature, 抄送, 印发
    let headings = blocks.iter().filter(|b| b.starts_with("Heading")).count();
    assert_eq!(headings, 3, "title and two 一、 headings: {blocks:?}\n{md}");
    // Every author string is there, as text.
    let plain = gongwen::text::plain_of_markdown(&md);
    for text in [
        "标题<script>alert(1)</script>x",
        "（征求意见稿 <b>）",
        "<!-- 号 -->",
        "[ref]: http://evil.example：",
        "___",
        "一、<script>",
        "<script>alert(2)</script>",
        "- 不是列表",
        "</div>特此通知。",
        "| 表 |",
    ] {
        assert!(plain.contains(text), "{text} missing from\n{plain}");
    }
}

#[test]
fn finding_07_the_redline_markdown_keeps_entities_as_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("v1.yaml"),
        "title: 甲\nparts:\n  - 第一段。\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("v2.yaml"),
        "title: 甲\nparts:\n  - \"第一段&lt;script&gt;alert(1)&lt;/script&gt;{++x++}。\"\n  - \"<script>新</script>\"\n",
    )
    .unwrap();
    let out = gongwen()
        .arg("diff")
        .arg(dir.path().join("v1.yaml"))
        .arg(dir.path().join("v2.yaml"))
        .args(["--format", "md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let md = String::from_utf8(out.stdout).unwrap();
    let (blocks, _) = markdown_shape(&md);
    assert!(
        !blocks.iter().any(|b| b.starts_with("html")),
        "{blocks:?}\n{md}"
    );
    // `&lt;` in author Markdown is the character `<`: shown as text, as the HTML shows it.
    let plain = gongwen::text::plain_of_markdown(&md);
    assert!(plain.contains("<script>alert(1)</script>"), "{plain}");
    // The author's `{++` is not taken for an insertion mark.
    assert!(md.contains("\\{++x++\\}"), "{md}");
}

// 12. Run-in headings with inline Markdown.

#[test]
fn finding_12_a_run_in_heading_with_markup_stays_one_bold_lead_and_the_toc_has_no_nested_links() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc/v1.yaml");
    std::fs::create_dir_all(dir.path().join("doc")).unwrap();
    std::fs::write(
        &path,
        "title: 标题\nparts:\n  - heading: 总体[要求](https://gov.cn)\n    parts:\n      - heading: 推进**重点**[工作](https://gov.cn)。\n        text: 正文。\n",
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    gongwen()
        .arg("build")
        .arg(&path)
        .args(["--format", "md,html", "--out"])
        .arg(&out_dir)
        .assert()
        .code(0);
    let md = std::fs::read_to_string(out_dir.join("doc/v1.md")).unwrap();
    assert!(
        md.contains("**（一）推进重点[工作](<https://gov.cn>)**。正文。"),
        "{md}"
    );
    let html = std::fs::read_to_string(out_dir.join("doc/v1.html")).unwrap();
    let page = scraper::Html::parse_document(&html);
    let nested = scraper::Selector::parse("a a").unwrap();
    assert_eq!(page.select(&nested).count(), 0, "{html}");
    let toc = scraper::Selector::parse("nav.toc a").unwrap();
    let entries: Vec<String> = page.select(&toc).map(|a| a.text().collect()).collect();
    assert_eq!(entries, ["一、总体要求", "（一）推进重点工作。"]);
}

// 6. Quadratic diff.

/// Calls `f` with the first paragraph of every article, in reading order.
fn each_article(parts: &mut [gongwen::model::Part], f: &mut impl FnMut(&mut String)) {
    use gongwen::model::{Block, Level};
    for p in parts {
        if p.level == Level::Article
            && let Some(Block::Para(t)) = p.body.first_mut()
        {
            f(t);
        }
        for b in &mut p.body {
            if let Block::Part(c) = b {
                each_article(std::slice::from_mut(c), f);
            }
        }
    }
}

/// The Civil Code with `k` of its articles changed, spread evenly: a few
/// characters each, or (rewritten) reversed whole.
fn civil_code_changed(
    k: usize,
    rewrite: bool,
) -> (gongwen::numbering::Document, gongwen::numbering::Document) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/civil-code-2020.md");
    let draft = gongwen::import::import_file(&path, Default::default())
        .unwrap()
        .draft;
    let mut changed = draft.clone();
    let mut total = 0;
    each_article(&mut changed.parts, &mut |_| total += 1);
    let step = total / k;
    let (mut seen, mut done) = (0, 0);
    each_article(&mut changed.parts, &mut |t| {
        if seen % step == 0 && done < k {
            *t = if rewrite {
                t.chars().rev().collect()
            } else {
                format!("{t}（第{done}处修改）")
            };
            done += 1;
        }
        seen += 1;
    });
    (
        gongwen::numbering::number(&draft),
        gongwen::numbering::number(&changed),
    )
}

#[test]
fn finding_06_the_work_of_a_diff_grows_linearly_with_the_parts_changed() {
    use gongwen::compare::align::{align, flatten};
    for rewrite in [false, true] {
        let mut seen = Vec::new();
        for k in [100, 300, 600, 1200] {
            let (old, new) = civil_code_changed(k, rewrite);
            let m = align(&flatten(&old), &flatten(&new));
            seen.push((k, m.comparisons));
            eprintln!(
                "{k} changed (rewritten: {rewrite}): {} comparisons",
                m.comparisons
            );
            // Comparing every changed part with every other would be k² pairs
            // (1,440,000 for 1,200); the alignment does a bounded amount per part.
            assert!(
                m.comparisons <= 50_000 + 120 * k,
                "{k} parts changed (rewritten: {rewrite}): {} comparisons; all: {seen:?}",
                m.comparisons
            );
        }
    }
}

// 13. Big inputs.

#[test]
fn finding_13_a_text_over_the_limit_is_refused_up_front() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let limit = gongwen::load::MAX_FILE_BYTES as usize;
    let line = "第一条 为了规范某事，制定本办法。\n";
    std::fs::write(&big, line.repeat(limit / line.len() + 1)).unwrap();
    let out = gongwen()
        .current_dir(dir.path())
        .args(["import", "big.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("more than the 32 MB a draft file may have"),
        "{err}"
    );
    assert!(!dir.path().join("drafts").exists());
}

#[test]
fn finding_13_a_draft_of_20000_parts_builds_and_diffs() {
    use gongwen::model::{Block, Draft, Level, Meta, Numbering, Part, Style};
    let mut chapters = Vec::new();
    for c in 0..400 {
        let mut chapter = Part::new(Level::Chapter);
        chapter.heading = Some(format!("第{c}部分的规定"));
        for a in 0..49 {
            let mut article = Part::new(Level::Article);
            article.body.push(Block::Para(format!(
                "本部分第{a}项规定适用于编号为{c}-{a}的事项，有关部门应当依法办理。"
            )));
            chapter.body.push(Block::Part(article));
        }
        chapters.push(chapter);
    }
    let draft = Draft {
        meta: Meta {
            title: "两万条".into(),
            numbering: Numbering {
                style: Style::Articles,
                continuous: Vec::new(),
            },
            ..Meta::default()
        },
        parts: chapters,
        attachments: Vec::new(),
    };
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("drafts/big");
    gongwen::save::save_checked(&draft, &doc.join("v1"), false, &[]).unwrap();
    let mut edited = draft.clone();
    if let Block::Part(a) = &mut edited.parts[100].body[3]
        && let Some(Block::Para(t)) = a.body.first_mut()
    {
        t.push_str("（修改）");
    }
    gongwen::save::save_checked(&edited, &doc.join("v2"), false, &[]).unwrap();
    gongwen()
        .current_dir(dir.path())
        .args(["build", "--format", "md,html"])
        .timeout(Duration::from_secs(600))
        .assert()
        .code(0);
    let md = std::fs::read_to_string(dir.path().join("output/big/v1.md")).unwrap();
    assert!(
        md.contains("**第一万九千六百条**"),
        "the last article is numbered"
    );
    let redline = std::fs::read_to_string(dir.path().join("output/big/v1-v2.redline.md")).unwrap();
    assert!(
        redline.contains("v1 → v2：修改 1 处"),
        "{}",
        &redline[..300]
    );
}
