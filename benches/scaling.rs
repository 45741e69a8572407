//! How `gongwen diff` grows with the number of changed parts: figures printed
//! (not asserted) by `cargo bench --bench scaling`.
//!
//! The old draft is made of the paragraphs of the texts in
//! `tests/corpus/`, one article each (real text, 4,000 articles or more). The new draft changes N of them, spread evenly:
//! "edited" changes a few characters of each (a word inserted, a figure
//! changed); "rewritten" replaces each text by an unrelated article of
//! another law. Times are whole process (`gongwen diff --format json`, release
//! build, as a user runs it); memory is the peak resident size of a process
//! doing the same diff in the library. Target: 2,000 changed parts under 2 s.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

mod common;

use common::{corpus_paragraphs, peak_rss_kb};
use gongwen::model::{Block, Draft, Level, Meta, Numbering, Part, Style};

fn draft(texts: &[String]) -> Draft {
    let parts = texts
        .iter()
        .map(|t| {
            let mut p = Part::new(Level::Article);
            p.body.push(Block::Para(t.clone()));
            p
        })
        .collect();
    Draft {
        meta: Meta {
            title: "汇编".into(),
            numbering: Numbering {
                style: Style::Articles,
                continuous: Vec::new(),
            },
            ..Meta::default()
        },
        parts,
        attachments: Vec::new(),
    }
}

/// A few characters changed in the middle of a text.
fn edit(text: &str, n: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mid = chars.len() / 2;
    let mut out: String = chars[..mid].iter().collect();
    out.push_str(&format!("（第{n}处修改）"));
    out.extend(&chars[mid..]);
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child-diff") {
        let d =
            gongwen::diff_drafts(Path::new(&args[i + 1]), Path::new(&args[i + 2])).expect("diff");
        println!("{} {}", d.changes.changes.len(), peak_rss_kb().unwrap_or(0));
        return;
    }
    // `cargo bench --bench scaling -- 250 1000` runs only those sizes.
    let sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() {
        vec![250, 500, 1000, 2000, 4000]
    } else {
        sizes
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = corpus_paragraphs(root);
    let largest = *sizes.iter().max().unwrap();
    // Keep back unrelated texts for the rewrites: the draft has at least as
    // many articles as the most changed, and what is left is spare.
    let keep = largest.max(texts.len() / 2).min(texts.len() - 1);
    let spare = texts.split_off(keep);
    // GONGWEN_BENCH_KEEP=DIR keeps the drafts there, to profile one diff.
    let temp = tempfile::tempdir().unwrap();
    let kept = std::env::var_os("GONGWEN_BENCH_KEEP").map(std::path::PathBuf::from);
    let dir = kept.as_deref().unwrap_or(temp.path());
    let old_path = dir.join("old.yaml");
    gongwen::save::save_checked(&draft(&texts), &old_path, false, &[]).unwrap();
    println!(
        "diff scaling, release build, {} cores; old draft: {} articles",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        texts.len()
    );
    println!("changed | mode      | whole process min / median | peak memory | changes");
    for &n in &sizes {
        for mode in ["edited", "rewritten"] {
            let n = n.min(texts.len());
            let step = texts.len() as f64 / n as f64;
            let mut new = texts.clone();
            for k in 0..n {
                let i = (k as f64 * step) as usize;
                new[i] = match mode {
                    "edited" => edit(&texts[i], k),
                    _ => spare[k % spare.len()].clone(),
                };
            }
            let new_path = dir.join(format!("new-{n}-{mode}.yaml"));
            gongwen::save::save_checked(&draft(&new), &new_path, false, &[]).unwrap();
            let out = dir.join("diff.json");
            let runs = if n >= 2000 { 2 } else { 3 };
            let mut times = Vec::new();
            for _ in 0..runs {
                let start = Instant::now();
                let status = Command::new(env!("CARGO_BIN_EXE_gongwen"))
                    .args(["diff", "--format", "json", "--out"])
                    .arg(&out)
                    .arg(&old_path)
                    .arg(&new_path)
                    .status()
                    .expect("run gongwen diff");
                assert_eq!(status.code(), Some(1), "the drafts differ");
                times.push(start.elapsed());
            }
            times.sort();
            let child = Command::new(std::env::current_exe().unwrap())
                .arg("--child-diff")
                .arg(&old_path)
                .arg(&new_path)
                .output()
                .expect("child");
            let report = String::from_utf8_lossy(&child.stdout);
            let mut fields = report.split_whitespace();
            let changes = fields.next().unwrap_or("?").to_string();
            let rss: u64 = fields.next().and_then(|f| f.parse().ok()).unwrap_or(0);
            let min: Duration = times[0];
            println!(
                "{n:>7} | {mode:<9} | {:>7.3} s / {:>7.3} s    | {:>6} MB   | {changes}",
                min.as_secs_f64(),
                times[times.len() / 2].as_secs_f64(),
                rss / 1024,
            );
        }
    }
}
