//! `gongwen lint` on the imported Civil Code (1,260 articles) and on the
//! reference draft: in process (load, number, every rule, the fixes worked
//! out) and as a whole process. Target: the Civil Code under 100 ms in
//! process.
//!
//! Then how it grows with the findings of one text: a paragraph of 10,000,
//! 100,000 and 1,000,000 half-width commas (each a finding), `lint` (every
//! finding printed with its line) and `lint --fix`, whole process, with
//! peak memory. Each should take ten times the one before, not a hundred.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

mod common;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let civil = dir.path().join("civil-code.yaml");
    common::import(&root.join("tests/corpus/civil-code-2020.md"), &civil);
    let reference = root.join("drafts/chengdong-urbanization-2021/v1");
    // 20,000 articles with three slips each: 60,000 findings, each printed
    // with its line (what once took a minute, counting lines from the start).
    let slips = dir.path().join("slips.yaml");
    let mut yaml = String::from("title: 大文件\nstyle: articles\nparts:\n");
    for i in 0..20_000 {
        yaml.push_str(&format!(
            "  - 第{i}项内容,依照本办法第五条规定执行 (试行)\n"
        ));
    }
    std::fs::write(&slips, yaml).unwrap();
    println!("lint, release build");
    for (name, draft) in [
        ("reference draft", reference.as_path()),
        ("Civil Code", civil.as_path()),
        ("20,000 articles, 3 slips each", slips.as_path()),
    ] {
        let mut inside = Vec::new();
        let mut findings = 0;
        for _ in 0..10 {
            let start = Instant::now();
            let report = gongwen::lint::lint_draft(draft, &[]).expect("lint");
            let fixed = report.fixed_values();
            inside.push(start.elapsed());
            findings = report.findings.len();
            assert_eq!(fixed.len(), report.sites.len());
        }
        let mut whole = Vec::new();
        for _ in 0..5 {
            let start = Instant::now();
            Command::new(env!("CARGO_BIN_EXE_gongwen"))
                .arg("lint")
                .arg(draft)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()
                .expect("run gongwen");
            whole.push(start.elapsed());
        }
        println!(
            "  {name}: {findings} findings; in process min {:.1} ms, median {:.1} ms; whole process median {:.1} ms",
            inside.iter().min().unwrap().as_secs_f64() * 1e3,
            median(inside).as_secs_f64() * 1e3,
            median(whole).as_secs_f64() * 1e3,
        );
    }
    println!("lint of one paragraph with n half-width commas, whole process");
    for n in [10_000, 100_000, 1_000_000] {
        let yaml = format!(
            "title: 关于大段文字的通知\nparts:\n  - text: \"{}\"\n",
            "中,".repeat(n)
        );
        std::fs::write(dir.path().join("commas.yaml"), &yaml).unwrap();
        let (time, mb, code) = common::run_measured(&["lint", "commas.yaml"], dir.path());
        let (fix_time, fix_mb, fix_code) =
            common::run_measured(&["lint", "commas.yaml", "--fix"], dir.path());
        let fixed = std::fs::read_to_string(dir.path().join("commas.yaml")).unwrap();
        println!(
            "  {n} findings ({} KB): lint {:.2} s, peak memory {mb} MB{}; --fix {:.2} s, peak memory {fix_mb} MB{}",
            yaml.len() / 1024,
            time.as_secs_f64(),
            if code == Some(1) { "" } else { " (FAILED)" },
            fix_time.as_secs_f64(),
            if fix_code == Some(0) && !fixed.contains(',') {
                ""
            } else {
                " (FAILED)"
            },
        );
    }
}
