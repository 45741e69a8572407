//! `gongwen watch` as someone with the output open in a viewer uses it: the
//! outputs of an edited draft (and the redlines beside it) are written again
//! with one line saying what and how long; a broken draft is reported and
//! its outputs from before are left in place; a fix writes them again.

use crate::common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

const DOC: &str = "chengdong-urbanization-2021";

/// The next line printed that contains `wanted`, waiting at most 60 s.
fn line_with(lines: &Receiver<String>, wanted: &str) -> String {
    loop {
        match lines.recv_timeout(Duration::from_secs(60)) {
            Ok(line) if line.contains(wanted) => return line,
            Ok(_) => {}
            Err(e) => panic!("watch never printed a line with {wanted:?}: {e}"),
        }
    }
}

/// `gongwen watch --format FORMATS` in `dir`: the lines it prints (standard
/// output and error, each echoed), and the child, killed when dropped.
fn watch(dir: &std::path::Path, formats: &str) -> (Receiver<String>, common::Killed) {
    watch_with(dir, &["--format", formats])
}

/// `gongwen watch ARGS` in `dir`, as [`watch`].
fn watch_with(dir: &std::path::Path, args: &[&str]) -> (Receiver<String>, common::Killed) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .arg("watch")
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gongwen watch");
    let (send, lines) = channel();
    for pipe in [
        Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
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

#[test]
fn watch_writes_what_changed_and_keeps_the_outputs_of_a_broken_draft() {
    let dir = common::sample_copy(DOC);
    let (lines, killer) = watch(dir.path(), "md,html");

    let first = line_with(&lines, "rebuilt");
    assert!(first.starts_with("rebuilt 2 drafts in "), "{first}");
    line_with(&lines, "watching for changes");
    let out = dir.path().join("output").join(DOC);
    let html = out.join("v2.html");
    assert!(html.is_file() && out.join("v1-v2.redline.html").is_file());

    // An edit of v2: its outputs and the redline against v1 are written again.
    let draft = dir.path().join("drafts").join(DOC).join("v2.yaml");
    let original = std::fs::read_to_string(&draft).unwrap();
    let added = "（监视测试新增的一句。）";
    let edited = original.replacen(
        "提出如下年度工作要点。",
        &format!("提出如下年度工作要点。{added}"),
        1,
    );
    assert_ne!(edited, original);
    std::fs::write(&draft, &edited).unwrap();
    let line = line_with(&lines, "rebuilt");
    assert!(line.starts_with(&format!("rebuilt {DOC}/v2 in ")), "{line}");
    assert!(
        line.contains(" ms: wrote ") && line.contains("v2.md") && line.contains("v2.html"),
        "{line}"
    );
    assert!(std::fs::read_to_string(&html).unwrap().contains(added));
    assert!(
        std::fs::read_to_string(out.join("v1-v2.redline.html"))
            .unwrap()
            .contains(added)
    );

    // A break: the problem is printed with its place, and v2.html is the one from before.
    std::fs::write(
        &draft,
        edited.replacen("稿别: 征求意见稿", "稿别: \"征求意见稿", 1),
    )
    .unwrap();
    // The problem (standard error) and the round's line (standard output), in either order.
    let (mut problem, mut line) = (None, None);
    while problem.is_none() || line.is_none() {
        let next = line_with(&lines, "");
        if next.contains("unclosed quote") {
            problem = Some(next);
        } else if next.contains("its outputs left as they were") {
            line = Some(next);
        }
    }
    let (problem, line) = (problem.unwrap(), line.unwrap());
    let at = edited.lines().position(|l| l.starts_with("稿别:")).unwrap() + 1;
    assert!(problem.contains(&format!("v2.yaml:{at}:5")), "{problem}");
    assert!(line.starts_with("built nothing in "), "{line}");
    assert!(line.contains("v2.yaml has 1 problem"), "{line}");
    assert!(std::fs::read_to_string(&html).unwrap().contains(added));

    // The fix: written again; v1's outputs are the same as they were.
    std::fs::write(&draft, &original).unwrap();
    let line = line_with(&lines, "rebuilt");
    assert!(line.starts_with(&format!("rebuilt {DOC}/v2 in ")), "{line}");
    assert!(
        line.contains("unchanged") && !line.contains("problem"),
        "{line}"
    );
    assert!(!std::fs::read_to_string(&html).unwrap().contains(added));
    drop(killer);
}

#[test]
fn a_templates_folder_made_while_watching_is_taken_up() {
    let dir = common::sample_copy(DOC);
    let (lines, _killer) = watch(dir.path(), "md");
    line_with(&lines, "watching for changes");
    let v1 = dir.path().join("output").join(DOC).join("v1.md");
    let marker = "（本地模板）";
    assert!(!std::fs::read_to_string(&v1).unwrap().contains(marker));

    // The folder first, empty (the built-in templates still), then an override in it.
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    line_with(&lines, "rebuilt");
    let builtin = gongwen::render::Templates::load(None).unwrap();
    let (_, source) = builtin.source("document.md.tera").unwrap();
    std::fs::write(
        templates.join("document.md.tera"),
        format!("{marker}\n{source}"),
    )
    .unwrap();
    let line = line_with(&lines, "wrote");
    assert!(line.contains("v1.md"), "{line}");
    assert!(std::fs::read_to_string(&v1).unwrap().starts_with(marker));
}

/// With `--lang zh`, each round's line is Chinese, paths and keys as written.
#[test]
fn watch_says_what_it_did_in_chinese() {
    let dir = common::sample_copy(DOC);
    let (lines, _killer) = watch_with(dir.path(), &["--format", "md,html", "--lang", "zh"]);
    let first = line_with(&lines, "已重新生成");
    assert!(first.starts_with("已重新生成 2 份草稿，用时 "), "{first}");
    assert!(
        first.contains(" 毫秒：写出 ") && first.contains("、"),
        "{first}"
    );

    let draft = dir.path().join("drafts").join(DOC).join("v2.yaml");
    let original = std::fs::read_to_string(&draft).unwrap();
    std::fs::write(
        &draft,
        original.replacen("稿别: 征求意见稿", "稿别: \"征求意见稿", 1),
    )
    .unwrap();
    let line = line_with(&lines, "未生成任何文稿");
    assert!(
        line.starts_with("未生成任何文稿，用时 ")
            && line.contains("v2.yaml 有 1 处问题，它的输出文件保持原样"),
        "{line}"
    );

    std::fs::write(&draft, &original).unwrap();
    let line = line_with(&lines, "已重新生成");
    assert!(
        line.starts_with(&format!("已重新生成 {DOC}/v2，用时 "))
            && line.contains("个文件内容未变）"),
        "{line}"
    );
}
