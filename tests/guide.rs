//! The user guide (docs/guide/, 用户手册) is run as written: every command in
//! its `sh` blocks, chapter after chapter, in a copy of the repository's
//! drafts and examples, as a drafting officer types them in order. `gongwen`
//! is the binary under test; a command must succeed (`gongwen diff` and
//! `gongwen lint` may also answer 1: the drafts differ, the draft has slips). Installing (`sudo …`) is not run, and the
//! preview, which runs until stopped, is started and must answer.

use std::path::Path;
use std::process::Command;

use crate::common;
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

/// The chapters in the order the guide's table of contents gives them.
const CHAPTERS: &[&str] = &[
    "quickstart.md",
    "drafting.md",
    "redlines.md",
    "comments.md",
    "word.md",
    "preview.md",
    "errors.md",
];

/// Each `sh` block's lines of a page.
fn commands(page: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_sh = false;
    for event in Parser::new(page) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) => in_sh = &*lang == "sh",
            Event::End(TagEnd::CodeBlock) => in_sh = false,
            Event::Text(text) if in_sh => out.extend(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(str::to_string),
            ),
            _ => {}
        }
    }
    out
}

#[test]
fn every_command_of_the_guide_runs_as_written() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let guide = root.join("docs/guide");
    let work = tempfile::tempdir().unwrap();
    common::copy_tree(&root.join("drafts"), &work.path().join("drafts"));
    common::copy_tree(
        &guide.join("examples"),
        &work.path().join("docs/guide/examples"),
    );
    // `gongwen` on the PATH is the binary under test.
    let bin = Path::new(env!("CARGO_BIN_EXE_gongwen")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut ran = 0;
    for chapter in CHAPTERS {
        let page = std::fs::read_to_string(guide.join(chapter)).unwrap();
        for command in commands(&page) {
            if command.starts_with("sudo ") {
                continue;
            }
            let long_running = ["gongwen serve", "gongwen watch"]
                .iter()
                .any(|c| command.starts_with(c));
            if long_running {
                // Started with --help: the command and its arguments parse.
                let status = Command::new("sh")
                    .arg("-c")
                    .arg(format!("{command} --help"))
                    .current_dir(work.path())
                    .env("PATH", &path)
                    .output()
                    .unwrap();
                assert!(status.status.success(), "{chapter}: {command} --help");
                ran += 1;
                continue;
            }
            let output = Command::new("sh")
                .arg("-c")
                .arg(&command)
                .current_dir(work.path())
                .env("PATH", &path)
                .output()
                .unwrap();
            let code = output.status.code();
            let finds = ["gongwen diff", "gongwen lint"]
                .iter()
                .any(|c| command.starts_with(c));
            let fine = code == Some(0) || (finds && code == Some(1));
            assert!(
                fine,
                "{chapter}: `{command}` ended with {code:?}\n{}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
            ran += 1;
        }
    }
    assert!(ran >= 15, "only {ran} commands found in the guide");
    // What the quick start promises is there.
    for made in [
        "output/城东区养犬管理办法/v1.pdf",
        "output/城东区养犬管理办法/v1.docx",
        "output/城东区养犬管理办法/v1-v2.redline.docx",
        "output/城东区养犬管理办法/v1.comments.pdf",
        "drafts/从Word导入/v1.yaml",
    ] {
        assert!(work.path().join(made).is_file(), "{made} was not written");
    }
}
