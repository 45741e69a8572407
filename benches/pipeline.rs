//! Speed and memory figures, printed (not asserted): `cargo bench`.
//!
//! PDF — whole process: the release `gongwen build --format pdf` run as a user
//! runs it, from start to the PDF on disk; in process: load, number and lay
//! out with typst's caches warm. Targets: reference draft under 0.3 s whole
//! process, the Civil Code under 5 s.
//!
//! Diff — whole process: `gongwen diff --format json` on the criminal law
//! before and after its twelfth amendment, and on the Civil Code against a
//! copy with 50 scattered edits; peak memory of a process doing the same.
//! Target: under 200 ms each.
//!
//! Word — whole process: `gongwen build --format docx` of the reference draft
//! and the Civil Code, and `gongwen diff --format docx` of each pair above.
//! Target: the Civil Code's .docx and the criminal-law redline under 0.5 s.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

mod common;

use common::{import, median, peak_rss_kb};
use gongwen::render::{Format, Renderer, Templates};

fn whole_process(draft: &Path, out: &Path, runs: usize, format: &str) -> (Duration, Duration) {
    let mut times = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_gongwen"))
            .args(["build", "--format", format, "--out"])
            .arg(out)
            .arg(draft)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(std::process::Stdio::null())
            .status()
            .expect("run gongwen");
        assert!(status.success());
        times.push(start.elapsed());
    }
    (*times.iter().min().unwrap(), median(times))
}

fn in_process(draft: &Path, renderer: &Renderer, runs: usize) -> (Duration, Duration, usize) {
    let mut times = Vec::new();
    let mut size = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let built = gongwen::build_draft(draft, renderer, &[Format::Pdf]).expect("build");
        times.push(start.elapsed());
        size = built.outputs[0].1.len();
    }
    (*times.iter().min().unwrap(), median(times), size)
}

/// The Civil Code with 50 scattered edits: a phrase added to every 25th article.
fn edited(draft: &gongwen::model::Draft) -> gongwen::model::Draft {
    fn visit(parts: &mut [gongwen::model::Part], seen: &mut usize) {
        for p in parts {
            if p.level == gongwen::model::Level::Article {
                *seen += 1;
                if (*seen).is_multiple_of(25)
                    && let Some(gongwen::model::Block::Para(text)) = p.body.first_mut()
                {
                    let middle = text
                        .char_indices()
                        .nth(text.chars().count() / 2)
                        .map_or(text.len(), |(i, _)| i);
                    text.insert_str(middle, "（依照本次修改）");
                }
            }
            let mut kids: Vec<gongwen::model::Part> = p.children().cloned().collect();
            visit(&mut kids, seen);
            let mut it = kids.into_iter();
            for b in &mut p.body {
                if let gongwen::model::Block::Part(c) = b {
                    *c = it.next().unwrap();
                }
            }
        }
    }
    let mut copy = draft.clone();
    let mut seen = 0;
    visit(&mut copy.parts, &mut seen);
    copy
}

/// Where one diff's time goes, in process (the first diff of the process;
/// the word list is baked in, so nothing is built).
fn stages(a: &Path, b: &Path, renderer: &Renderer) {
    use gongwen::compare::align::{align, flatten};
    let t = Instant::now();
    let (old, new) = (
        gongwen::load::load_draft(a).unwrap(),
        gongwen::load::load_draft(b).unwrap(),
    );
    let load = t.elapsed();
    let t = Instant::now();
    let (old, new) = (
        gongwen::numbering::number(&old),
        gongwen::numbering::number(&new),
    );
    let number = t.elapsed();
    let t = Instant::now();
    let (fo, fnew) = (flatten(&old), flatten(&new));
    let m = align(&fo, &fnew);
    let aligned = t.elapsed();
    let t = Instant::now();
    let set = gongwen::compare::compare(&old, &new);
    let compared = t.elapsed();
    let t = Instant::now();
    let ctx = gongwen::render::redline::RedlineContext::for_formats(
        &[gongwen::render::Format::Html],
        &old,
        &new,
        ("a", "b"),
        &set,
        false,
    );
    let context = t.elapsed();
    let t = Instant::now();
    renderer
        .render(
            gongwen::render::Format::Html,
            gongwen::render::View::Redline {
                view: &ctx,
                old: &old,
                new: &new,
            },
        )
        .unwrap();
    let html = t.elapsed();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "    in process: load {:.1} ms, number {:.1} ms, align {:.1} ms ({} comparisons), \
         inline diffs with word segmentation {:.1} ms, view {:.1} ms, html {:.1} ms",
        ms(load),
        ms(number),
        ms(aligned),
        m.comparisons,
        ms(compared.saturating_sub(aligned)),
        ms(context),
        ms(html)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // Child mode: one diff, then report this process's peak memory.
    if let Some(i) = args.iter().position(|a| a == "--child-diff") {
        let d =
            gongwen::diff_drafts(Path::new(&args[i + 1]), Path::new(&args[i + 2])).expect("diff");
        let json = serde_json::to_string(&d.changes).unwrap();
        println!("{} {}", json.len(), peak_rss_kb().unwrap_or(0));
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let reference = root.join("drafts/chengdong-urbanization-2021/v1");
    let civil_src = root.join("tests/corpus/civil-code-2020.md");
    let civil = dir.path().join("civil-code.yaml");
    let civil_draft = import(&civil_src, &civil);
    let renderer = Renderer::new(Templates::load(None).unwrap(), common::pdf_settings());
    println!(
        "PDF, release build ({} cores)",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    for (name, draft, runs) in [
        ("reference draft", &reference, 10),
        ("Civil Code (1,260 articles)", &civil, 3),
    ] {
        let (wmin, wmed) = whole_process(draft, &dir.path().join("out"), runs, "pdf");
        let (imin, imed, size) = in_process(draft, &renderer, runs);
        println!(
            "  {name}: whole process min {:.3} s, median {:.3} s; in process (warm) min {:.3} s, median {:.3} s; {} KB",
            wmin.as_secs_f64(),
            wmed.as_secs_f64(),
            imin.as_secs_f64(),
            imed.as_secs_f64(),
            size / 1024
        );
    }

    println!("Word (.docx), release build");
    for (name, draft) in [
        ("reference draft", &reference),
        ("Civil Code (1,260 articles)", &civil),
    ] {
        let (wmin, wmed) = whole_process(draft, &dir.path().join("out"), 5, "docx");
        println!(
            "  {name}: whole process min {:.3} s, median {:.3} s",
            wmin.as_secs_f64(),
            wmed.as_secs_f64()
        );
    }

    println!("Diff, release build");
    let corpus = root.join("tests/corpus");
    let crim_a = dir.path().join("criminal-pre.yaml");
    let crim_b = dir.path().join("criminal-post.yaml");
    import(&corpus.join("criminal-law-pre-amendment12.md"), &crim_a);
    import(&corpus.join("criminal-law-post-amendment12.md"), &crim_b);
    let civil_b = dir.path().join("civil-code-edited.yaml");
    gongwen::save::save_checked(&edited(&civil_draft), &civil_b, false, &[]).unwrap();
    let company_a = dir.path().join("company-2018.yaml");
    let company_b = dir.path().join("company-2023.yaml");
    import(&corpus.join("company-law-2018.md"), &company_a);
    import(&corpus.join("company-law-2023.md"), &company_b);
    let pairs = [
        ("criminal law, 修正案（十二）", &crim_a, &crim_b),
        ("Civil Code, 50 scattered edits", &civil, &civil_b),
        ("company law 2018 → 2023", &company_a, &company_b),
    ];
    for (name, a, b) in pairs {
        for format in ["json", "html", "docx"] {
            let out = dir.path().join(format!("diff.{format}"));
            let mut times = Vec::new();
            for _ in 0..5 {
                let start = Instant::now();
                let status = Command::new(env!("CARGO_BIN_EXE_gongwen"))
                    .args(["diff", "--format", format, "--out"])
                    .arg(&out)
                    .arg(a)
                    .arg(b)
                    .status()
                    .expect("run gongwen diff");
                assert_eq!(status.code(), Some(1), "the drafts differ");
                times.push(start.elapsed());
            }
            println!(
                "  {name}, {format}: whole process min {:.3} s, median {:.3} s",
                times.iter().min().unwrap().as_secs_f64(),
                median(times).as_secs_f64(),
            );
        }
        stages(a, b, &renderer);
        // Peak memory from a process that does one diff and nothing else; the
        // summary from the JSON the timed runs wrote.
        let child = Command::new(std::env::current_exe().unwrap())
            .arg("--child-diff")
            .arg(a)
            .arg(b)
            .output()
            .expect("child");
        let report = String::from_utf8_lossy(&child.stdout);
        let mut fields = report.split_whitespace();
        let (_json, rss) = (fields.next().unwrap_or("0"), fields.next().unwrap_or("0"));
        let changes: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("diff.json")).unwrap()).unwrap();
        println!(
            "    peak memory {} MB; summary {}",
            rss.parse::<u64>().unwrap_or(0) / 1024,
            changes["summary"]
        );
    }
}
