//! Big inputs, whole process (release build), with peak memory: figures
//! printed by `cargo bench --bench big`.
//!
//! - a draft of 20,000 parts (articles and items of real text from
//!   `tests/corpus/`): `gongwen build` to md, html and pdf, each alone;
//! - its redline against a copy with 200 edits, as html and as pdf;
//! - `gongwen serve` of the two: the first view of each one's pages, all
//!   its pages, the HTML view, and the server's peak memory;
//! - `gongwen import` of a 20 MB text (the Civil Code, 66 times);
//! - the redline of one paragraph of 1.5 MB (the Civil Code's text run
//!   together) against itself with ten edits, and of 200,000 characters
//!   with an edit every ten, as html and as pdf.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;

use gongwen::model::{Block, Draft, Level, Meta, Numbering, Part, Style};

/// Runs the release `gongwen` with `args` in `dir` ([`common::run_measured`]),
/// saying why when it fails (exit 1, problems found, is an answer).
fn measure(args: &[&str], dir: &Path) -> (Duration, u64, Option<i32>) {
    let (elapsed, peak, code) = common::run_measured(args, dir);
    if !matches!(code, Some(0 | 1)) {
        eprintln!("gongwen {args:?} failed: {}", common::failure(dir));
    }
    (elapsed, peak, code)
}

/// `GET path` from a server on `port`: the status, the body and the time.
fn get(port: u16, path: &str) -> (u16, String, Duration) {
    use std::io::{Read, Write};
    let start = Instant::now();
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let text = String::from_utf8_lossy(&answer).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_string();
    (status, body, start.elapsed())
}

/// `gongwen serve` of `drafts/big` in `dir`, each draft's views asked for in
/// turn as a reader opens them; prints each step's time and the server's
/// peak memory after it.
fn serve(dir: &Path) {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(["serve", "--port", "0", "--allow-missing-glyphs"])
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run gongwen serve");
    let start = Instant::now();
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let pid = child.id();
    let Some(port) = first
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse::<u16>().ok())
    else {
        eprintln!("serve printed no address: {first}");
        let _ = child.kill();
        let _ = child.wait();
        return;
    };
    println!(
        "  serve: started (both drafts loaded) in {:.2} s, peak memory {} MB",
        start.elapsed().as_secs_f64(),
        common::peak_mb(pid)
    );
    for draft in ["v1", "v2"] {
        let (status, page, first) = get(port, &format!("/p/big/{draft}"));
        let shown = page.matches("<figure").count();
        println!(
            "  serve: {draft}'s pages, first view ({shown} pages): {:.2} s{}, peak memory {} MB",
            first.as_secs_f64(),
            if status == 200 {
                String::new()
            } else {
                format!(" (FAILED: {status})")
            },
            common::peak_mb(pid)
        );
        // A page past the last waits for all of them.
        let (_, _, whole) = get(port, &format!("/svg/99999/big/{draft}"));
        let (_, page, _) = get(port, &format!("/p/big/{draft}"));
        println!(
            "  serve: {draft}'s pages, all {} laid out after {:.2} s more, peak memory {} MB",
            page.matches("<figure").count(),
            whole.as_secs_f64(),
            common::peak_mb(pid)
        );
        let (_, _, html) = get(port, &format!("/d/big/{draft}"));
        println!(
            "  serve: {draft}'s HTML view {:.2} s, peak memory {} MB",
            html.as_secs_f64(),
            common::peak_mb(pid)
        );
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// A law of `parts` parts: chapters of 40 articles, every fourth article
/// with three items; texts taken in turn from `texts`.
fn law(texts: &[String], parts: usize) -> Draft {
    let mut next = texts.iter().cycle();
    let mut made = 0;
    let mut chapters = Vec::new();
    while made < parts {
        let mut chapter = Part::new(Level::Chapter);
        chapter.heading = Some(format!("第{}部分", chapters.len() + 1));
        made += 1;
        for a in 0..40 {
            if made >= parts {
                break;
            }
            let mut article = Part::new(Level::Article);
            article.body.push(Block::Para(next.next().unwrap().clone()));
            made += 1;
            if a % 4 == 0 {
                for _ in 0..3 {
                    if made >= parts {
                        break;
                    }
                    let mut item = Part::new(Level::Item);
                    item.body.push(Block::Para(next.next().unwrap().clone()));
                    article.body.push(Block::Part(item));
                    made += 1;
                }
            }
            chapter.body.push(Block::Part(article));
        }
        chapters.push(chapter);
    }
    Draft {
        meta: Meta {
            title: "二万条的汇编".into(),
            stage: Some("征求意见稿".into()),
            numbering: Numbering {
                style: Style::Articles,
                continuous: Vec::new(),
            },
            ..Meta::default()
        },
        parts: chapters,
        attachments: Vec::new(),
    }
}

/// The draft with `n` articles edited, spread evenly.
fn edited(draft: &Draft, n: usize) -> Draft {
    let mut copy = draft.clone();
    let total: usize = copy.parts.iter().map(|c| c.children().count()).sum();
    let every = (total / n).max(1);
    let mut k = 0;
    for chapter in &mut copy.parts {
        for block in &mut chapter.body {
            if let Block::Part(article) = block {
                k += 1;
                if k % every == 0
                    && let Some(Block::Para(text)) = article.body.first_mut()
                {
                    text.push_str("（本条修改）");
                }
            }
        }
    }
    copy
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let texts = common::corpus_paragraphs(root);
    let doc = dir.path().join("drafts/big");
    std::fs::create_dir_all(&doc).unwrap();
    let v1 = law(&texts, 20_000);
    gongwen::save::save_checked(&v1, &doc.join("v1"), false, &[]).unwrap();
    gongwen::save::save_checked(&edited(&v1, 200), &doc.join("v2"), false, &[]).unwrap();
    let size: u64 = std::fs::read_dir(doc.join("v1"))
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    println!(
        "big inputs, release build, whole process, {} cores; a draft of 20,000 parts ({} KB of YAML)",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        size / 1024
    );
    let report = |what: &str, (time, mb, code): (Duration, u64, Option<i32>), expected: i32| {
        println!(
            "  {what}: {:.2} s, peak memory {mb} MB{}",
            time.as_secs_f64(),
            if code == Some(expected) {
                String::new()
            } else {
                format!(" (FAILED: exit {code:?})")
            }
        );
    };
    // The corpus has a few characters the bundled faces lack (― U+2015, − U+2212),
    // and references (第二百一十九条之一) to articles the compilation does not
    // have: lint errors, so build ends with 1, its outputs written.
    for format in ["md", "html", "pdf"] {
        report(
            &format!("build --format {format}"),
            measure(
                &[
                    "build",
                    "drafts/big/v1",
                    "--format",
                    format,
                    "--allow-missing-glyphs",
                ],
                dir.path(),
            ),
            1,
        );
    }
    for format in ["html", "pdf"] {
        let out = format!("redline.{format}");
        report(
            &format!("diff v1 v2 --format {format} (200 edits)"),
            measure(
                &[
                    "diff",
                    "drafts/big/v1",
                    "drafts/big/v2",
                    "--format",
                    format,
                    "--out",
                    &out,
                    "--allow-missing-glyphs",
                ],
                dir.path(),
            ),
            1,
        );
    }
    serve(dir.path());
    // A 20 MB text: the Civil Code 66 times over.
    let civil = std::fs::read_to_string(root.join("tests/corpus/civil-code-2020.md")).unwrap();
    let big = civil.repeat(66);
    std::fs::write(dir.path().join("big.md"), &big).unwrap();
    report(
        &format!(
            "import of a {} MB text into a folder",
            big.len() / (1024 * 1024)
        ),
        measure(
            &["import", "big.md", "--out", "drafts/imported/v1"],
            dir.path(),
        ),
        0,
    );
    report(
        "import of the same text into one .yaml file",
        measure(
            &["import", "big.md", "--out", "drafts/imported/v1.yaml"],
            dir.path(),
        ),
        0,
    );
    // One paragraph: the Civil Code's Chinese run together.
    let prose: Vec<char> = civil
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::chars)
        .filter(|c| !c.is_ascii() && !c.is_whitespace())
        .collect();
    let paragraph = |chars: &[char], name: &str| {
        let text: String = chars.iter().collect();
        let yaml = format!("title: 关于大段文字的通知\nparts:\n  - text: \"{text}\"\n");
        std::fs::write(dir.path().join(name), yaml).unwrap();
    };
    let long: Vec<char> = prose.iter().copied().cycle().take(500_000).collect();
    paragraph(&long, "long1.yaml");
    let mut edited = long.clone();
    for k in (1..=10).rev() {
        let at = k * edited.len() / 11;
        edited.splice(at..at, "（修改）".chars());
    }
    paragraph(&edited, "long2.yaml");
    let dense: Vec<char> = prose.iter().copied().cycle().take(200_000).collect();
    paragraph(&dense, "dense1.yaml");
    let changed: Vec<char> = dense
        .iter()
        .enumerate()
        .map(|(i, c)| if i % 10 == 5 { '改' } else { *c })
        .collect();
    paragraph(&changed, "dense2.yaml");
    for (what, old, new) in [
        (
            "a 1.5 MB paragraph with 10 edits",
            "long1.yaml",
            "long2.yaml",
        ),
        (
            "200,000 characters, an edit every 10",
            "dense1.yaml",
            "dense2.yaml",
        ),
    ] {
        for format in ["html", "pdf"] {
            let out = format!("paragraph.{format}");
            report(
                &format!("diff of {what} --format {format}"),
                measure(
                    &[
                        "diff",
                        old,
                        new,
                        "--format",
                        format,
                        "--out",
                        &out,
                        "--allow-missing-glyphs",
                    ],
                    dir.path(),
                ),
                1,
            );
        }
    }
    report(
        "build of the 1.5 MB paragraph --format pdf",
        measure(
            &[
                "build",
                "long1.yaml",
                "--format",
                "pdf",
                "--out",
                "out",
                "--allow-missing-glyphs",
            ],
            dir.path(),
        ),
        0,
    );
}
