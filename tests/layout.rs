//! The shape of the code the README's "How the code is laid out" promises: data
//! flows one way (no module uses one further along the pipeline) and no source
//! file grows past what one person reads in a sitting.

use crate::common;
use std::path::{Path, PathBuf};

/// Each top-level module and its place in the pipeline: a module may use those
/// at its own place or before, never one after.
const ORDER: &[(&str, u32)] = &[
    ("chars", 0),
    ("model", 0),
    ("text", 0),
    ("paths", 0),
    ("write", 0),
    ("word_styles", 0),
    ("diagnostic", 1),
    ("fields", 1),
    ("load", 2),
    ("numbering", 3),
    ("save", 3),
    ("import", 4),
    ("compare", 5),
    ("comments", 5),
    ("lint", 5),
    ("json_schema", 5),
    ("render", 6),
    ("project", 7),
    ("preview", 8),
    ("cli", 8),
];

const MAX_LINES: usize = 600;

fn rank(module: &str) -> Option<u32> {
    ORDER.iter().find(|(m, _)| *m == module).map(|(_, r)| *r)
}

fn sources() -> Vec<(String, PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    common::rust_files(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(&src).unwrap();
            let first = rel.components().next().unwrap().as_os_str();
            let module = first.to_string_lossy().trim_end_matches(".rs").to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            (module, path, text)
        })
        .collect()
}

/// The top-level modules a file names as `crate::module`.
fn uses(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
            .collect();
        if !name.is_empty() && !found.contains(&name) {
            found.push(name);
        }
    }
    found
}

#[test]
fn every_module_has_a_place_in_the_pipeline() {
    for (module, path, _) in sources() {
        if ["lib", "main"].contains(&module.as_str()) {
            continue;
        }
        assert!(
            rank(&module).is_some(),
            "{} is in a module `{module}` that tests/layout.rs does not place in the pipeline",
            path.display()
        );
    }
}

#[test]
fn no_module_uses_one_further_along_the_pipeline() {
    let mut wrong = Vec::new();
    for (module, path, text) in sources() {
        let Some(own) = rank(&module) else { continue };
        for used in uses(&text) {
            if rank(&used).is_some_and(|r| r > own) {
                wrong.push(format!("{} uses crate::{used}", path.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "upward imports:\n{}", wrong.join("\n"));
}

#[test]
fn no_source_file_is_over_six_hundred_lines() {
    let long: Vec<String> = sources()
        .into_iter()
        .filter_map(|(_, path, text)| {
            let lines = text.lines().count();
            (lines > MAX_LINES).then(|| format!("{}: {lines} lines", path.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "split these along their seams:\n{}",
        long.join("\n")
    );
}

#[test]
fn main_stays_thin() {
    let main = sources()
        .into_iter()
        .find(|(module, _, _)| module == "main")
        .expect("src/main.rs");
    assert!(
        main.2.lines().count() < 250,
        "src/main.rs has grown past 250 lines"
    );
}

#[test]
fn the_checks_see_an_upward_import() {
    assert_eq!(
        uses("use crate::render::x; crate::model::Y"),
        ["render", "model"]
    );
    assert!(rank("compare") < rank("render"));
}
