//! gongwen against pandoc, side by side in one run: `gongwen build --format
//! html` of the reference draft and of the Civil Code, and `pandoc -s` of the
//! same text as Markdown, run in turn (one of each, again and again, so a
//! machine busy for a while slows both alike), whole processes as a user runs
//! them. Then `gongwen check` of the Civil Code. Prints medians and the
//! ratio; asserts nothing (`cargo bench --bench versus_pandoc`).
//!
//! Targets (issue 25): the HTML build at least 5× faster than `pandoc -s` on
//! both, `check` of the Civil Code under 100 ms.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;

use common::median;

const RUNS: usize = 31;

/// One whole process, timed; it must succeed.
fn timed(command: &mut Command) -> Duration {
    let start = Instant::now();
    let status = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run");
    let elapsed = start.elapsed();
    assert!(status.success(), "{command:?} failed");
    elapsed
}

fn gongwen(args: &[&str], dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gongwen"));
    command.args(args).current_dir(dir);
    command
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// gongwen's HTML build of `draft` and pandoc's of `markdown`, alternating.
fn race(name: &str, draft: &Path, markdown: &Path, dir: &Path) {
    let out = dir.join("out");
    let html = dir.join("pandoc.html");
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let draft = draft.to_str().unwrap();
        let out = out.to_str().unwrap();
        ours.push(timed(&mut gongwen(
            &["build", "--format", "html", "--out", out, draft],
            dir,
        )));
        theirs.push(timed(
            Command::new("pandoc")
                .args(["-s", "--metadata", "title=t", "-o"])
                .arg(&html)
                .arg(markdown),
        ));
    }
    let (ours, theirs) = (median(ours), median(theirs));
    println!(
        "{name}: gongwen build --format html {} | pandoc -s {} | {:.1}× faster (target 5×)",
        ms(ours),
        ms(theirs),
        theirs.as_secs_f64() / ours.as_secs_f64()
    );
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if Command::new("pandoc").arg("--version").output().is_err() {
        println!("pandoc is not installed (apt-get install pandoc): nothing to compare with");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // The reference draft, and itself as Markdown for pandoc.
    let reference = root.join("drafts/chengdong-urbanization-2021/v1");
    let md_out = dir.path().join("md");
    timed(&mut gongwen(
        &[
            "build",
            "--format",
            "md",
            "--out",
            md_out.to_str().unwrap(),
            reference.to_str().unwrap(),
        ],
        dir.path(),
    ));
    let reference_md = md_out.join("chengdong-urbanization-2021/v1.md");
    assert!(reference_md.is_file(), "{}", reference_md.display());
    // The Civil Code, imported; pandoc reads the corpus text it came from.
    let civil_md = root.join("tests/corpus/civil-code-2020.md");
    let civil = dir.path().join("civil-code.yaml");
    common::import(&civil_md, &civil);

    race(
        "reference draft (7 pages)",
        &reference,
        &reference_md,
        dir.path(),
    );
    race("Civil Code (1,260 articles)", &civil, &civil_md, dir.path());
    let checks: Vec<Duration> = (0..RUNS)
        .map(|_| {
            timed(&mut gongwen(
                &["check", civil.to_str().unwrap()],
                dir.path(),
            ))
        })
        .collect();
    println!(
        "Civil Code: gongwen check {} (target under 100 ms)",
        ms(median(checks))
    );
}
