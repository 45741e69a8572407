//! Speed figures for the PDF stage, printed (not asserted): `cargo bench`.
//!
//! Whole process: the release `gongwen build --format pdf` run as a user runs
//! it, from start to the PDF on disk. In process: load, number and lay out with
//! typst's caches warm, as a long-running tool would. Targets (issue 4):
//! reference draft under 0.3 s whole process, the Civil Code under 5 s.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use gongwen::render::{Format, Renderer, Templates};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn whole_process(draft: &Path, out: &Path, runs: usize) -> (Duration, Duration) {
    let mut times = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_gongwen"))
            .args(["build", "--format", "pdf", "--out"])
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

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let reference = root.join("drafts/chengdong-urbanization-2021/v1");
    let civil_src = root.join("../shared/corpus/civil-code-2020.md");
    let civil = dir.path().join("civil-code.yaml");
    let imported = gongwen::import::import_file(&civil_src, Default::default())
        .expect("import the Civil Code");
    gongwen::save::save_checked(&imported.draft, &civil, false).unwrap();
    let renderer = Renderer {
        templates: Templates::load(None).unwrap(),
        pdf: Default::default(),
    };
    println!(
        "PDF, release build ({} cores)",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    for (name, draft, runs) in [
        ("reference draft", &reference, 10),
        ("Civil Code (1,260 articles)", &civil, 3),
    ] {
        let (wmin, wmed) = whole_process(draft, &dir.path().join("out"), runs);
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
}
