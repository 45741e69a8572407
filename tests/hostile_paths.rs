//! Issue 23, "Safe with what others send" — paths: links that lead out, outputs that are inputs, names shown escaped (findings 1–8, 16, 19).
//! One test per finding, named for it: `finding_NN_…`.
//!
//! The links are made as a user (or a received archive) makes them: real
//! symbolic links in a temporary folder, and the real binary run on them.

#![cfg(unix)]

use crate::common;

use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// What a file outside the project holds: no message, page or output may
/// ever show it.
const SECRET: &str = "SECRET-7f3a";

fn gongwen(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("run gongwen")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn is_link(path: &Path) -> bool {
    path.symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink())
}

/// Every file below `dir`, with its text.
fn all_text_below(dir: &Path) -> String {
    let mut text = String::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                text.push_str(&all_text_below(&path));
            } else if let Ok(bytes) = std::fs::read(&path) {
                text.push_str(&String::from_utf8_lossy(&bytes));
            }
        }
    }
    text
}

const V1: &str = "title: 关于测试的通知\nparts:\n  - 第一段。\n";
const V2: &str = "title: 关于测试的通知\nparts:\n  - 第一段，改过。\n";

/// A project: `drafts/doc/v1.yaml`, `drafts/doc/v2.yaml`, a text to import,
/// and beside it, outside the project, `outside/` with a file of the user's.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("work/drafts/doc");
    std::fs::create_dir_all(&doc).unwrap();
    std::fs::write(doc.join("v1.yaml"), V1).unwrap();
    std::fs::write(doc.join("v2.yaml"), V2).unwrap();
    std::fs::write(
        dir.path().join("work/notes.txt"),
        "一、总体要求\n导入的正文。\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("outside")).unwrap();
    dir
}

fn work(dir: &tempfile::TempDir) -> std::path::PathBuf {
    dir.path().join("work")
}

// 1. Lost data.

#[test]
fn finding_01_import_force_writes_nothing_through_a_linked_draft() {
    let dir = project();
    let victim = dir.path().join("outside/system.conf");
    std::fs::write(&victim, "keep me\n").unwrap();
    let link = work(&dir).join("drafts/doc/v3.yaml");
    symlink(&victim, &link).unwrap();
    let out = gongwen(
        &work(&dir),
        &[
            "import",
            "notes.txt",
            "--out",
            "drafts/doc/v3.yaml",
            "--force",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me\n");
    assert!(is_link(&link));
    let said = text(&out);
    assert!(said.contains("drafts/doc/v3.yaml"), "{said}");
    assert!(said.contains("link"), "{said}");
    assert!(said.contains("system.conf"), "names where it leads: {said}");
}

/// `gongwen watch ARGS` in `dir`: the lines it prints, and the child,
/// killed when dropped.
fn watch(dir: &Path, args: &[&str]) -> (Receiver<String>, common::Killed) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .arg("watch")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gongwen watch");
    let (send, lines) = channel();
    for pipe in [
        Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
        Box::new(child.stderr.take().unwrap()),
    ] {
        let send = send.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                eprintln!("watch: {line}");
                let _ = send.send(line);
            }
        });
    }
    (lines, common::Killed(child))
}

/// The lines printed up to and including the next that starts a round's
/// report (`rebuilt`, `built nothing`, `nothing to build`), waiting at most 60 s.
fn round(lines: &Receiver<String>) -> Vec<String> {
    let mut seen = Vec::new();
    loop {
        match lines.recv_timeout(Duration::from_secs(60)) {
            Ok(line) => {
                let end = ["rebuilt", "built nothing", "nothing to build"]
                    .iter()
                    .any(|s| line.starts_with(s));
                seen.push(line);
                if end {
                    return seen;
                }
            }
            Err(e) => panic!("watch reported no round: {e}; saw {seen:?}"),
        }
    }
}

fn wait_for(lines: &Receiver<String>, wanted: &str) {
    loop {
        match lines.recv_timeout(Duration::from_secs(60)) {
            Ok(line) if line.contains(wanted) => return,
            Ok(_) => {}
            Err(e) => panic!("watch never printed {wanted:?}: {e}"),
        }
    }
}

#[test]
fn finding_02_watch_removes_nothing_through_a_linked_output_folder() {
    let dir = project();
    let (lines, _watching) = watch(&work(&dir), &["--format", "md"]);
    wait_for(&lines, "watching for changes");
    let out_doc = work(&dir).join("output/doc");
    assert!(out_doc.join("v2.md").is_file());
    // Someone else's folder, holding files of the same names — here even
    // the same bytes, so only the link can tell them apart.
    let other = dir.path().join("outside/reports");
    std::fs::create_dir_all(&other).unwrap();
    for name in ["v1.md", "v2.md", "v1-v2.redline.md"] {
        std::fs::copy(out_doc.join(name), other.join(name)).unwrap();
    }
    std::fs::remove_dir_all(&out_doc).unwrap();
    symlink(&other, &out_doc).unwrap();
    std::fs::remove_file(work(&dir).join("drafts/doc/v2.yaml")).unwrap();
    let said = round(&lines).join("\n");
    assert_eq!(
        crate::common::listing(&other),
        ["v1-v2.redline.md", "v1.md", "v2.md"],
        "{said}"
    );
}

#[test]
fn finding_06_watch_keeps_an_output_edited_by_hand() {
    let dir = project();
    let (lines, _watching) = watch(&work(&dir), &["--format", "md,docx"]);
    wait_for(&lines, "watching for changes");
    let out_doc = work(&dir).join("output/doc");
    // The .docx corrected in Word, and saved over the output.
    let docx = out_doc.join("v2.docx");
    let mut corrected = std::fs::read(&docx).unwrap();
    corrected.extend_from_slice(b"corrected in Word");
    std::fs::write(&docx, &corrected).unwrap();
    std::fs::rename(
        work(&dir).join("drafts/doc/v2.yaml"),
        work(&dir).join("drafts/doc/v3.yaml"),
    )
    .unwrap();
    let said = round(&lines).join("\n");
    let kept = std::fs::read(&docx).ok();
    assert!(kept.as_deref() == Some(&corrected[..]), "{said}");
    // What was not edited goes, as before.
    assert!(!out_doc.join("v2.md").exists(), "{said}");
    assert!(out_doc.join("v3.md").is_file(), "{said}");
    assert!(said.contains("v2.docx"), "the kept file is named: {said}");
}

#[test]
fn finding_03_diff_never_writes_onto_a_draft_it_compares() {
    let dir = project();
    let w = work(&dir);
    let out = gongwen(
        &w,
        &[
            "diff",
            "drafts/doc/v1.yaml",
            "drafts/doc/v2.yaml",
            "--format",
            "md",
            "--out",
            "drafts/doc/v2.yaml",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(
        std::fs::read_to_string(w.join("drafts/doc/v2.yaml")).unwrap(),
        V2
    );
    assert!(text(&out).contains("drafts/doc/v2.yaml"), "{}", text(&out));
    // A part file of a folder draft, and a link onto the older draft.
    let v3 = w.join("drafts/doc/v3");
    std::fs::create_dir_all(&v3).unwrap();
    std::fs::write(
        v3.join("draft.yaml"),
        "title: 关于测试的通知\nparts:\n  - include: 01.yaml\n",
    )
    .unwrap();
    std::fs::write(v3.join("01.yaml"), "第一段，又改过。\n").unwrap();
    symlink(w.join("drafts/doc/v1.yaml"), w.join("redline.md")).unwrap();
    for target in ["drafts/doc/v3/01.yaml", "redline.md"] {
        let out = gongwen(
            &w,
            &[
                "diff",
                "drafts/doc/v1.yaml",
                "drafts/doc/v3",
                "--format",
                "md",
                "--out",
                target,
            ],
        );
        assert_eq!(out.status.code(), Some(2), "{target}: {}", text(&out));
    }
    assert_eq!(
        std::fs::read_to_string(v3.join("01.yaml")).unwrap(),
        "第一段，又改过。\n"
    );
    assert_eq!(
        std::fs::read_to_string(w.join("drafts/doc/v1.yaml")).unwrap(),
        V1
    );
    // Nor does an import go over the file it reads.
    let out = gongwen(
        &w,
        &[
            "import",
            "drafts/doc/v2.yaml",
            "--out",
            "drafts/doc/v2.yaml",
            "--force",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(
        std::fs::read_to_string(w.join("drafts/doc/v2.yaml")).unwrap(),
        V2
    );
    // A new file is written as before.
    let out = gongwen(
        &w,
        &[
            "diff",
            "drafts/doc/v1.yaml",
            "drafts/doc/v3",
            "--format",
            "md",
            "--out",
            "v1-v3.md",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        std::fs::read_to_string(w.join("v1-v3.md"))
            .unwrap()
            .contains("又改过")
    );
}

#[test]
fn finding_04_import_force_never_replaces_a_part_file() {
    let dir = project();
    let w = work(&dir);
    let v3 = w.join("drafts/doc/v3");
    std::fs::create_dir_all(&v3).unwrap();
    std::fs::write(
        v3.join("draft.yaml"),
        "title: 关于测试的通知\nparts:\n  - include: 01.yaml\n",
    )
    .unwrap();
    std::fs::write(v3.join("01.yaml"), "第一段。\n").unwrap();
    for part in ["drafts/doc/v3/01.yaml", "drafts/doc/v3/draft.yaml"] {
        let out = gongwen(&w, &["import", "notes.txt", "--out", part, "--force"]);
        assert_eq!(out.status.code(), Some(2), "{part}: {}", text(&out));
        let said = text(&out);
        assert!(said.contains("drafts/doc/v3"), "{said}");
        assert!(
            said.contains("--out drafts/doc/v3"),
            "says what to do: {said}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(v3.join("01.yaml")).unwrap(),
        "第一段。\n"
    );
    assert_eq!(crate::common::listing(&v3), ["01.yaml", "draft.yaml"]);
    // A part file a draft file includes from beside it.
    let doc2 = w.join("drafts/doc2");
    std::fs::create_dir_all(doc2.join("parts")).unwrap();
    std::fs::write(
        doc2.join("v1.yaml"),
        "title: 乙\nparts:\n  - include: parts/one.yaml\n",
    )
    .unwrap();
    std::fs::write(doc2.join("parts/one.yaml"), "一段。\n").unwrap();
    let out = gongwen(
        &w,
        &[
            "import",
            "notes.txt",
            "--out",
            "drafts/doc2/parts/one.yaml",
            "--force",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("drafts/doc2/v1.yaml"), "{}", text(&out));
    assert_eq!(
        std::fs::read_to_string(doc2.join("parts/one.yaml")).unwrap(),
        "一段。\n"
    );
    // A whole draft is still replaced.
    let out = gongwen(
        &w,
        &["import", "notes.txt", "--out", "drafts/doc/v3", "--force"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

/// A draft whose text has a slip `lint --fix` corrects (a half-width comma).
const FIXABLE: &str = "title: 关于测试的通知\nparts:\n  - 第一段,内容。\n";

#[test]
fn finding_05_lint_fix_writes_nothing_through_a_draft_folder_linked_out() {
    let dir = project();
    let w = work(&dir);
    let elsewhere = dir.path().join("outside/v3");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::write(elsewhere.join("draft.yaml"), FIXABLE).unwrap();
    symlink(&elsewhere, w.join("drafts/doc/v3")).unwrap();
    let out = gongwen(&w, &["lint", "drafts", "--fix"]);
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        std::fs::read_to_string(elsewhere.join("draft.yaml")).unwrap(),
        FIXABLE
    );
    let said = text(&out);
    assert!(said.contains("drafts/doc/v3"), "names the link: {said}");
    assert!(said.contains("outside/v3"), "and where it leads: {said}");
}

// 2. Reading outside the project.

/// Lines like `/etc/passwd`'s, in a file outside the project.
fn secret_file(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let secret = dir.path().join("outside/passwd");
    std::fs::write(
        &secret,
        format!("root:x:0:0:{SECRET}:/root:/bin/bash\ndaemon:x:1:1::/:/bin/false\n"),
    )
    .unwrap();
    secret
}

#[test]
fn finding_07_check_prints_nothing_of_a_draft_linked_out() {
    let dir = project();
    let w = work(&dir);
    let secret = secret_file(&dir);
    symlink(&secret, w.join("drafts/doc/v3.yaml")).unwrap();
    let out = gongwen(&w, &["check"]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(!said.contains(SECRET), "{said}");
    assert!(said.contains("drafts/doc/v3.yaml"), "{said}");
    assert!(said.contains("outside/passwd"), "{said}");
    assert!(said.contains("copy"), "says what to do: {said}");
    // Named on the command line, or compared, it is refused the same way.
    for args in [
        &["check", "drafts/doc/v3.yaml"][..],
        &["diff", "drafts/doc/v1.yaml", "drafts/doc/v3.yaml"],
    ] {
        let out = gongwen(&w, args);
        let said = text(&out);
        assert_ne!(out.status.code(), Some(0), "{said}");
        assert!(!said.contains(SECRET), "{args:?}: {said}");
        assert!(said.contains("outside/passwd"), "{args:?}: {said}");
    }
}

#[test]
fn finding_07_a_comments_file_linked_out_is_not_read() {
    let dir = project();
    let w = work(&dir);
    let secret = secret_file(&dir);
    symlink(&secret, w.join("drafts/doc/v1.comments.yaml")).unwrap();
    for args in [
        &["check"][..],
        &["build", "--format", "md"],
        &[
            "diff",
            "drafts/doc/v1.yaml",
            "drafts/doc/v2.yaml",
            "--format",
            "md",
        ],
    ] {
        let out = gongwen(&w, args);
        let said = text(&out);
        assert_ne!(out.status.code(), Some(0), "{args:?}: {said}");
        assert!(!said.contains(SECRET), "{args:?}: {said}");
        assert!(said.contains("v1.comments.yaml"), "{args:?}: {said}");
    }
    assert!(!all_text_below(&w.join("output")).contains(SECRET));
}

#[test]
fn finding_07_build_copies_nothing_from_outside_into_output() {
    let dir = project();
    let w = work(&dir);
    // Outside YAML that is a valid draft, linked in as a file and as a folder.
    let outside = dir.path().join("outside");
    let secret_draft = format!("title: {SECRET}\nparts:\n  - {SECRET}。\n");
    std::fs::write(outside.join("private.yaml"), &secret_draft).unwrap();
    std::fs::create_dir_all(outside.join("private")).unwrap();
    std::fs::write(outside.join("private/draft.yaml"), &secret_draft).unwrap();
    symlink(outside.join("private.yaml"), w.join("drafts/doc/v3.yaml")).unwrap();
    symlink(outside.join("private"), w.join("drafts/doc/v4")).unwrap();
    let out = gongwen(&w, &["build", "--format", "md"]);
    let said = text(&out);
    assert_ne!(out.status.code(), Some(0), "{said}");
    assert!(!said.contains(SECRET), "{said}");
    assert!(
        !all_text_below(&w.join("output")).contains(SECRET),
        "{said}"
    );
    assert!(said.contains("drafts/doc/v3.yaml"), "{said}");
}

/// The body of `GET path` from a server on this machine.
fn http_get(port: u16, path: &str) -> String {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn finding_07_serve_shows_nothing_of_a_draft_linked_out() {
    let dir = project();
    let w = work(&dir);
    let secret = secret_file(&dir);
    // Linked in as a draft folder's main file.
    let v3 = w.join("drafts/doc/v3");
    std::fs::create_dir_all(&v3).unwrap();
    symlink(&secret, v3.join("draft.yaml")).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_gongwen"));
    command
        .args(["serve", "--port", "0"])
        .current_dir(&w)
        .stderr(Stdio::piped());
    let (_killed, port) = match common::serve(command) {
        Ok(served) => served,
        Err((child, first)) => {
            // Refusing to start at all is refusing too, if it says nothing of the file.
            let out = child.wait_with_output().unwrap();
            let said = format!("{first}{}", String::from_utf8_lossy(&out.stderr));
            assert!(!said.contains(SECRET), "{said}");
            assert!(said.contains("outside/passwd"), "{said}");
            return;
        }
    };
    let mut shown = String::new();
    for page in ["/", "/d/doc/v3", "/s/doc/v3", "/r/doc/v3", "/p/doc/v3"] {
        let body = http_get(port, page);
        assert!(!body.contains(SECRET), "{page}: {body}");
        assert!(!body.contains("daemon:x"), "{page}: {body}");
        shown.push_str(&body);
    }
    assert!(
        shown.contains("outside/passwd"),
        "the refusal is shown: {shown}"
    );
}

#[test]
fn a_project_reached_through_a_link_and_links_inside_it_still_work() {
    let dir = project();
    // The project lives in /data/work and is reached as /home/work; its
    // drafts folder is itself a link to a shared one; inside it a link to
    // another draft inside.
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    symlink(work(&dir), home.join("work")).unwrap();
    let shared = dir.path().join("shared-drafts");
    std::fs::rename(work(&dir).join("drafts"), &shared).unwrap();
    symlink(&shared, work(&dir).join("drafts")).unwrap();
    symlink("v2.yaml", shared.join("doc/latest.yaml")).unwrap();
    let through = home.join("work");
    let out = gongwen(&through, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let drafts = through.join("drafts");
    let out = gongwen(
        dir.path(),
        &["build", "--format", "md", "--out"]
            .into_iter()
            .chain([through.join("output").to_str().unwrap()])
            .chain([drafts.to_str().unwrap()])
            .collect::<Vec<_>>(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(work(&dir).join("output/doc/latest.md").is_file());
}

#[test]
fn finding_08_a_template_override_linked_out_is_not_read() {
    let dir = project();
    let w = work(&dir);
    let secret = secret_file(&dir);
    std::fs::create_dir_all(w.join("templates")).unwrap();
    symlink(&secret, w.join("templates/document.md.tera")).unwrap();
    let out = gongwen(&w, &["build", "--format", "md"]);
    let said = text(&out);
    assert_ne!(out.status.code(), Some(0), "{said}");
    assert!(!said.contains(SECRET), "{said}");
    assert!(said.contains("templates/document.md.tera"), "{said}");
    assert!(said.contains("outside/passwd"), "{said}");
    assert!(!all_text_below(&w.join("output")).contains(SECRET));
}

// 3. Injection.

#[test]
fn finding_16_file_names_reach_the_terminal_escaped() {
    let dir = project();
    let w = work(&dir);
    let doc = w.join("drafts/doc");
    // A name that colours the terminal and reverses the line, one that
    // forges a line of its own, both with a problem to report.
    let coloured = "v3\u{1b}[31m\u{202E}lmth.yaml";
    let forging = "v4\nerror: forged line.yaml";
    std::fs::write(doc.join(coloured), V1).unwrap();
    std::fs::write(doc.join(forging), "title: [\n").unwrap();
    std::fs::write(doc.join("v5\u{1b}]0;title\u{7}.yaml"), FIXABLE).unwrap();
    for args in [
        &["check"][..],
        &["build", "--format", "md"],
        &["lint", "drafts"],
        &["lint", "drafts", "--fix", "--dry-run"],
    ] {
        let out = gongwen(&w, args);
        let said = text(&out);
        assert!(!said.contains('\u{1b}'), "{args:?}: {said:?}");
        assert!(!said.contains('\u{202E}'), "{args:?}: {said:?}");
        assert!(!said.contains('\u{7}'), "{args:?}: {said:?}");
        assert!(
            !said.lines().any(|l| l.starts_with("error: forged")),
            "{args:?}: {said}"
        );
        assert!(said.contains("<U+001B>"), "{args:?}: {said}");
    }
    let out = gongwen(
        &w,
        &["import", "notes.txt", "--out", "drafts/new\u{202E}/v1.yaml"],
    );
    let said = text(&out);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(said.contains("drafts/new<U+202E>/v1.yaml"), "{said}");
}

// 4. Wrong output.

#[test]
fn finding_19a_import_beside_a_draft_folder_of_the_same_name_is_refused() {
    let dir = project();
    let w = work(&dir);
    let v3 = w.join("drafts/doc/v3");
    std::fs::create_dir_all(&v3).unwrap();
    std::fs::write(v3.join("draft.yaml"), V2).unwrap();
    for (out, other) in [
        ("drafts/doc/v3.yaml", "drafts/doc/v3"),
        ("drafts/doc/v1", "drafts/doc/v1.yaml"),
    ] {
        let done = gongwen(&w, &["import", "notes.txt", "--out", out]);
        let said = text(&done);
        assert_eq!(done.status.code(), Some(2), "{out}: {said}");
        assert!(said.contains(other), "{out}: {said}");
    }
    assert_eq!(
        crate::common::listing(&w.join("drafts/doc")),
        ["v1.yaml", "v2.yaml", "v3"]
    );
    let out = gongwen(&w, &["build", "--format", "md"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

#[test]
fn finding_19b_import_force_onto_a_folder_named_with_dots() {
    let dir = project();
    let w = work(&dir);
    let v3 = w.join("drafts/doc/v3");
    std::fs::create_dir_all(&v3).unwrap();
    std::fs::write(v3.join("draft.yaml"), V2).unwrap();
    std::fs::write(v3.join("07.yaml"), "旧的部分。\n").unwrap();
    let out = gongwen(
        &w,
        &["import", "notes.txt", "--out", "drafts/doc/v3/.", "--force"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(crate::common::listing(&v3), ["01.yaml", "draft.yaml"]);
    assert_eq!(
        crate::common::listing(&w.join("drafts/doc")),
        ["v1.yaml", "v2.yaml", "v3"]
    );
    // Named from inside with `..`: the folder the user is in is never replaced,
    // and nothing is left behind.
    let out = gongwen(
        &v3,
        &["import", "../../../notes.txt", "--out", ".", "--force"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let out = gongwen(
        &v3.join("."),
        &[
            "import",
            "../../../notes.txt",
            "--out",
            "../v3/..",
            "--force",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(crate::common::listing(&v3), ["01.yaml", "draft.yaml"]);
    assert_eq!(
        crate::common::listing(&w.join("drafts/doc")),
        ["v1.yaml", "v2.yaml", "v3"]
    );
}

#[test]
fn finding_19c_lint_fix_goes_on_past_a_draft_it_cannot_write() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project();
    let w = work(&dir);
    let doc = w.join("drafts/doc");
    for name in ["a.yaml", "b.yaml", "c.yaml"] {
        std::fs::write(doc.join(name), FIXABLE).unwrap();
    }
    std::fs::set_permissions(doc.join("b.yaml"), std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = gongwen(&w, &["lint", "drafts", "--fix"]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("drafts/doc/b.yaml"), "{said}");
    assert!(said.contains("read-only"), "{said}");
    let fixed = FIXABLE.replace(',', "，");
    for name in ["a.yaml", "c.yaml"] {
        assert_eq!(
            std::fs::read_to_string(doc.join(name)).unwrap(),
            fixed,
            "{name}: {said}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(doc.join("b.yaml")).unwrap(),
        FIXABLE
    );
}
