//! `gongwen lint` on the imported Civil Code (1,260 articles) and on the
//! reference draft: in process (load, number, every rule, the fixes worked
//! out) and as a whole process. Target: the Civil Code under 100 ms in
//! process.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let civil = dir.path().join("civil-code.yaml");
    let imported = gongwen::import::import_file(
        &root.join("../shared/corpus/civil-code-2020.md"),
        Default::default(),
    )
    .expect("import");
    gongwen::save::save_checked(&imported.draft, &civil, false, &[]).unwrap();
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
}
