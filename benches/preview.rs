//! The live preview's speed, printed (not asserted): `cargo bench --bench preview`.
//!
//! From a one-paragraph edit saved on disk to the new page ready as SVG, in
//! the server's own code (no HTTP): the drafts loaded again and the changed
//! one found ([`Preview::refresh`]), its pages laid out again with typst's
//! caches warm ([`Preview::page`], the paged view), and the page of the edit
//! drawn as SVG ([`Preview::page_svg`]). The edit is to the paragraph in the
//! middle of the draft's file, and the page drawn is the middle page.
//! Targets: the reference draft under 150 ms, the Civil Code under 1 s.
//!
//! The first view is the paged view and its first page as SVG (a long
//! draft shows its beginning while the rest is laid out); "all pages" is
//! the time until the last page can be drawn. The serve of a 20,000-part
//! draft, whole process and memory, is `cargo bench --bench big`'s.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod common;

use gongwen::preview::pages::Tab;
use gongwen::preview::{MakeRenderer, Preview};
use gongwen::render::{Renderer, Templates};

/// Inserts a phrase into the middle line of `file` holding a sentence.
fn edit(file: &Path, round: usize) {
    let text = std::fs::read_to_string(file).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let sentences: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].contains('。'))
        .collect();
    let at = sentences[sentences.len() / 2];
    let line = lines[at].replacen('。', &format!("（第{round}次修改）。"), 1);
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    out[at] = line;
    std::fs::write(file, out.join("\n") + "\n").unwrap();
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Times edits of `file` (a file of the draft `key` under `root`).
fn measure(name: &str, root: &Path, key: &str, file: &Path, runs: usize) {
    let make: MakeRenderer = Box::new(|| {
        Ok(Renderer::new(
            Templates::load(None)?,
            common::pdf_settings(),
        ))
    });
    let preview = std::sync::Arc::new(Preview::new(&[root.to_path_buf()], root, Vec::new(), make));
    let started = Instant::now();
    let page = preview.page(Tab::Paged, key, true);
    assert_eq!(page.status, 200);
    assert_eq!(preview.page_svg(key, 1).status, 200);
    let first = started.elapsed();
    // A page past any beginning waits for all of them (and is not there).
    assert_eq!(preview.page_svg(key, usize::MAX).status, 404);
    let whole = started.elapsed();
    let page = preview.page(Tab::Paged, key, true);
    let pages = String::from_utf8_lossy(&page.body)
        .matches("<figure")
        .count();
    let middle = pages.div_ceil(2);
    let mut times = Vec::new();
    let mut stages = Vec::new();
    for round in 1..=runs {
        edit(file, round);
        let t = Instant::now();
        let changes = preview.refresh(&[file.to_path_buf()]);
        assert_eq!(changes.drafts, [key]);
        let loaded = t.elapsed();
        let page = preview.page(Tab::Paged, key, true);
        assert_eq!(page.status, 200, "{}", String::from_utf8_lossy(&page.body));
        let laid = t.elapsed();
        let svg = preview.page_svg(key, middle);
        assert_eq!(svg.status, 200);
        times.push(t.elapsed());
        stages.push((loaded, laid - loaded, t.elapsed() - laid));
    }
    let (l, y, s) = stages[stages.len() / 2];
    println!(
        "  {name} ({pages} pages): first view {:.0} ms, all pages {:.0} ms; edit → page {middle} as SVG: min {:.0} ms, median {:.0} ms \
         (one run: load {:.0} ms, layout {:.0} ms, SVG {:.0} ms)",
        first.as_secs_f64() * 1e3,
        whole.as_secs_f64() * 1e3,
        times.iter().min().unwrap().as_secs_f64() * 1e3,
        median(times).as_secs_f64() * 1e3,
        l.as_secs_f64() * 1e3,
        y.as_secs_f64() * 1e3,
        s.as_secs_f64() * 1e3,
    );
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    println!(
        "Live preview, release build ({} cores)",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );

    // The reference draft: a folder, one file per part; the largest part is edited.
    let reference = dir.path().join("reference");
    let v1 = reference.join("doc/v1");
    std::fs::create_dir_all(&v1).unwrap();
    for entry in std::fs::read_dir(root.join("drafts/chengdong-urbanization-2021/v1")).unwrap() {
        let from = entry.unwrap().path();
        std::fs::copy(&from, v1.join(from.file_name().unwrap())).unwrap();
    }
    let largest: PathBuf = std::fs::read_dir(reference.join("doc/v1"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .max_by_key(|p| std::fs::metadata(p).unwrap().len())
        .unwrap();
    measure("reference draft", &reference, "doc/v1", &largest, 20);

    // The Civil Code, imported into one file.
    let civil = dir.path().join("civil");
    std::fs::create_dir_all(civil.join("doc")).unwrap();
    let file = civil.join("doc/civil-code.yaml");
    let imported = gongwen::import::import_file(
        &root.join("tests/corpus/civil-code-2020.md"),
        Default::default(),
    )
    .expect("import the Civil Code");
    gongwen::save::save_checked(&imported.draft, &file, false, &[]).unwrap();
    measure(
        "Civil Code (1,260 articles)",
        &civil,
        "doc/civil-code",
        &file,
        5,
    );
}
