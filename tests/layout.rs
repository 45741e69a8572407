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
    ("i18n", 0),
    // `crate::tr!`, the message macro i18n exports at the crate's root.
    ("tr", 0),
    ("threads", 0),
    ("diagnostic", 1),
    ("fields", 1),
    ("load", 2),
    ("numbering", 3),
    ("save", 3),
    ("import", 4),
    ("scaffold", 4),
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

/// The names a file reaches at the crate's root: `crate::module…` paths
/// anywhere, and each name of a `use crate::{a, b::c, d::{…}}` group.
fn uses(text: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut found = Vec::new();
    let mut add = |name: String| {
        if !name.is_empty() && !found.contains(&name) {
            found.push(name);
        }
    };
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let Some(group) = rest.strip_prefix('{') else {
            add(ident(rest));
            continue;
        };
        // The first name of each element at the group's own depth.
        let mut depth = 0;
        let mut element_start = true;
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => element_start = true,
                c if c.is_whitespace() => {}
                _ if element_start && depth == 0 => {
                    add(ident(&group[i..]));
                    element_start = false;
                }
                _ => {}
            }
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
            match rank(&used) {
                Some(r) if r > own => wrong.push(format!("{} uses crate::{used}", path.display())),
                Some(_) => {}
                // What lib.rs holds is re-exported from the modules, for
                // programs using the library; inside it, the module that
                // defines an item is the one to name.
                None => wrong.push(format!(
                    "{} uses crate::{used}, which is not a module: name the module that defines it",
                    path.display()
                )),
            }
        }
    }
    assert!(wrong.is_empty(), "upward imports:\n{}", wrong.join("\n"));
}

/// lib.rs declares the modules and re-exports the pipeline's entries, and
/// holds no code of its own: code there would sit above every module and
/// below none, out of the pipeline's order.
#[test]
fn lib_holds_modules_and_re_exports_only() {
    let lib = sources()
        .into_iter()
        .find(|(module, _, _)| module == "lib")
        .expect("src/lib.rs");
    let code: Vec<&str> = lib
        .2
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .filter(|l| !l.starts_with("pub mod ") && !l.starts_with("pub use "))
        .collect();
    assert!(
        code.is_empty(),
        "src/lib.rs holds code; move it into the module it belongs to:\n{}",
        code.join("\n")
    );
    for used in uses(&lib.2) {
        assert!(
            rank(&used).is_some(),
            "src/lib.rs re-exports from crate::{used}, not a module"
        );
    }
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
    assert_eq!(
        uses(
            "use crate::{\n    diagnostic::Diagnostic,\n    draft_name,\n    render::{Format, View},\n    BuildError,\n};"
        ),
        ["diagnostic", "draft_name", "render", "BuildError"]
    );
    assert_eq!(uses("let n = crate::draft_name(p);"), ["draft_name"]);
    assert!(rank("compare") < rank("render"));
    assert!(rank("draft_name").is_none());
}
