//! What the benches share: real text from the corpus, and memory readings.
#![allow(dead_code)]

use std::path::Path;

use gongwen::model::Part;

/// Every paragraph of the texts in `tests/corpus/` of 12 characters or
/// more, each once, in the order of the files' names.
pub fn corpus_paragraphs(root: &Path) -> Vec<String> {
    let corpus = root.join("tests/corpus");
    let mut names: Vec<_> = std::fs::read_dir(&corpus)
        .expect("tests/corpus")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    names.sort();
    let mut seen = std::collections::HashSet::new();
    let mut texts = Vec::new();
    fn visit(parts: &[Part], out: &mut Vec<String>) {
        for p in parts {
            out.extend(p.paragraphs().map(str::to_string));
            let kids: Vec<Part> = p.children().cloned().collect();
            visit(&kids, out);
        }
    }
    for path in names {
        if let Ok(imported) = gongwen::import::import_file(&path, Default::default()) {
            let mut all = Vec::new();
            visit(&imported.draft.parts, &mut all);
            texts.extend(
                all.into_iter()
                    .filter(|t| t.chars().count() >= 12 && seen.insert(t.clone())),
            );
        }
    }
    texts
}

/// Imports a corpus text and saves it as a draft.
pub fn import(src: &Path, dest: &Path) -> gongwen::model::Draft {
    let imported = gongwen::import::import_file(src, Default::default()).expect("import");
    gongwen::save::save_checked(&imported.draft, dest, false, &[]).unwrap();
    imported.draft
}

/// The median of some durations.
pub fn median(mut v: Vec<std::time::Duration>) -> std::time::Duration {
    v.sort();
    v[v.len() / 2]
}

/// Peak resident memory of this process, in KB, from /proc (Linux).
pub fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// PDF settings for benches: the repository's bundled faces.
pub fn pdf_settings() -> gongwen::render::pdf::PdfSettings {
    gongwen::render::pdf::PdfSettings {
        bundled: Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/fandol")),
        ..Default::default()
    }
}

/// Runs the release `gongwen` with `args` in `dir`, its output thrown away
/// and its messages kept in `dir/stderr.log` (a pipe nobody reads would
/// stall a chatty run); returns its wall time, peak resident memory in MB
/// (its high-water mark, read from /proc while it runs) and exit code.
pub fn run_measured(args: &[&str], dir: &Path) -> (std::time::Duration, u64, Option<i32>) {
    use std::process::{Command, Stdio};
    let start = std::time::Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(dir.join("stderr.log")).expect("a log file"))
        .spawn()
        .expect("run gongwen");
    let mut peak = 0;
    let status = loop {
        peak = peak.max(peak_mb(child.id()));
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    };
    (start.elapsed(), peak, status.code())
}

/// The first error line of the last [`run_measured`] in `dir`, for a report
/// of a run that failed.
pub fn failure(dir: &Path) -> String {
    let log = std::fs::read_to_string(dir.join("stderr.log")).unwrap_or_default();
    let line = log
        .lines()
        .find(|l| l.contains("error"))
        .or(log.lines().next());
    line.unwrap_or("").to_string()
}

/// Peak resident memory of a process so far, in MB (0 once it has gone).
pub fn peak_mb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}
