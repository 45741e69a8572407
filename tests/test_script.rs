//! Issue 24: `scripts/test` finds the outside programs the tests need, and
//! names each one missing with the package that provides it; it knows every
//! program a test asks for; and nothing the tests, benches or scripts read
//! lies outside the repository (the corpus is in `tests/corpus/`).

use crate::common;

use std::collections::BTreeSet;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::Command;

/// What the script itself runs from PATH to say what is there.
const SCRIPT_NEEDS: &[&str] = &["bash", "dirname"];

/// Programs the tests run that come with bash wherever it is (coreutils,
/// POSIX sh): the script does not check them.
const WITH_BASH: &[&str] = &["sh", "mknod", "mkfifo"];

/// The names the tests ask for (`tool("…")`, `missing("…")`) and the
/// programs they run by name (`Command::new("…")`), from their sources.
fn asked_for_by_the_tests() -> BTreeSet<String> {
    let mut files = Vec::new();
    common::rust_files(&common::root().join("tests"), &mut files);
    let call = regex::Regex::new(r#"\b(?:tool|missing|Command::new)\("([^"/]+)"\)"#).unwrap();
    let mut names = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for found in call.captures_iter(&text) {
            names.insert(found[1].to_string());
        }
    }
    for name in WITH_BASH {
        names.remove(*name);
    }
    // This file's own regex and comments are not a test asking.
    names.remove("…");
    names
}

/// A folder to be the whole PATH: links to what the script runs, and a
/// stand-in that does nothing for each of `present`.
fn path_with(present: &[&str], python_has_docx: bool) -> tempfile::TempDir {
    let bin = tempfile::tempdir().unwrap();
    for name in SCRIPT_NEEDS {
        let real = common::on_path(name).unwrap_or_else(|| panic!("{name} is not on PATH"));
        symlink(real, bin.path().join(name)).unwrap();
    }
    let stub = |name: &str, body: &str| {
        let path = bin.path().join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    };
    for name in present {
        stub(name, "exit 0");
    }
    // The python3 the script asks whether it has python-docx.
    stub("python3", if python_has_docx { "exit 0" } else { "exit 1" });
    bin
}

/// `scripts/test --check` with only `bin` as PATH: its exit code and output.
/// The script runs from a copy in a folder of its own, so that no
/// `target/test-venv` of this clone's (which it puts on PATH) is seen.
fn check(bin: &Path) -> (Option<i32>, String) {
    let clone = tempfile::tempdir().unwrap();
    std::fs::create_dir(clone.path().join("scripts")).unwrap();
    let script = clone.path().join("scripts/test");
    std::fs::copy(common::root().join("scripts/test"), &script).unwrap();
    let out = Command::new(&script)
        .arg("--check")
        .env_clear()
        .env("PATH", bin)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "{stderr}");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// The line the check gives `name`, split into its words.
fn line_of<'a>(out: &'a str, name: &str) -> &'a str {
    out.lines()
        .find(|l| l.split_whitespace().nth(1) == Some(name))
        .unwrap_or_else(|| panic!("no line for {name} in\n{out}"))
}

/// Whether `line` says `words` as words (`apt-get install chromium`, and
/// not `… chromium-browser`).
fn says(line: &str, words: &str) -> bool {
    let split = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (line, words) = (split(line), split(words));
    line.windows(words.len()).any(|w| w == words.as_slice())
}

/// The names the check reports, found and missing.
fn reported(out: &str) -> BTreeSet<String> {
    out.lines()
        .filter(|l| l.starts_with("  found ") || l.starts_with("  MISSING "))
        .map(|l| l.split_whitespace().nth(1).unwrap().to_string())
        .collect()
}

/// Whether the system's Python has python-docx: the script, like the tests,
/// asks it before the python3 on PATH, and a PATH cannot hide it.
fn system_python_has_docx() -> bool {
    Command::new("/usr/bin/python3")
        .args(["-c", "import docx"])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn has_dejavu() -> bool {
    Path::new("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").is_file()
}

#[test]
fn the_check_names_each_missing_program_and_the_package_that_provides_it() {
    let asked = asked_for_by_the_tests();
    // Everything is hidden but what the script itself needs, and cargo.
    let bin = path_with(&["cargo"], false);
    let (code, out) = check(bin.path());
    assert_eq!(code, Some(1), "{out}");
    let mut named = 0;
    for name in &asked {
        let line = line_of(&out, name);
        let here = match name.as_str() {
            "python-docx" => system_python_has_docx(),
            "fonts-dejavu-core" => has_dejavu(),
            _ => false,
        };
        if here {
            assert!(line.starts_with("  found "), "{line}");
            continue;
        }
        assert!(line.starts_with("  MISSING "), "{line}");
        // The package, as the test that needs it says it when it fails.
        let hint = common::tools::install_hint(name);
        assert_ne!(
            hint, "install it",
            "tests/common/tools.rs has no package for {name}"
        );
        assert!(says(line, hint), "{name}: `{line}` does not say `{hint}`");
        named += 1;
    }
    assert!(named >= 9, "{out}");
    assert!(line_of(&out, "cargo").starts_with("  found "), "{out}");
    assert!(
        out.contains("scripts/test installs what is missing"),
        "{out}"
    );
}

#[test]
fn with_everything_present_the_check_names_nothing_missing() {
    let asked = asked_for_by_the_tests();
    let mut present: Vec<&str> = asked.iter().map(String::as_str).collect();
    present.push("cargo");
    let bin = path_with(&present, true);
    let (code, out) = check(bin.path());
    let missing: Vec<&str> = out.lines().filter(|l| l.contains("MISSING")).collect();
    // A font is a file, not a program: no PATH brings it.
    if has_dejavu() {
        assert!(missing.is_empty(), "{out}");
        assert_eq!(code, Some(0), "{out}");
    } else {
        assert_eq!(missing.len(), 1, "{out}");
        assert!(missing[0].contains("fonts-dejavu-core"), "{out}");
    }
    assert!(reported(&out).len() > asked.len(), "{out}");
}

#[test]
fn the_script_checks_exactly_what_the_tests_ask_for() {
    let asked = asked_for_by_the_tests();
    for name in ["pdftotext", "chromium", "soffice", "python-docx", "prlimit"] {
        assert!(asked.contains(name), "the scan missed {name}: {asked:?}");
    }
    let bin = path_with(&[], false);
    let (_, out) = check(bin.path());
    let mut checked = reported(&out);
    checked.remove("cargo");
    assert_eq!(
        checked, asked,
        "scripts/test's requirements and the names the tests ask for differ"
    );
}

/// What tools leave in the folders searched, which no test reads: the
/// fuzzer's build, findings and coverage.
const LEFT_BY_TOOLS: &[&str] = &[
    "fuzz/target",
    "fuzz/corpus",
    "fuzz/artifacts",
    "fuzz/coverage",
];

/// Files under `dir`, except [`LEFT_BY_TOOLS`].
fn files_under(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if !LEFT_BY_TOOLS.iter().any(|left| path == root.join(left)) {
                files_under(root, &path, out);
            }
        } else {
            out.push(path);
        }
    }
}

#[test]
fn nothing_in_tests_benches_fuzz_scripts_src_or_ci_reaches_outside_the_repository() {
    let root = common::root();
    let mut files = Vec::new();
    for dir in ["tests", "benches", "fuzz", "scripts", "src", ".ci"] {
        files_under(root, &root.join(dir), &mut files);
    }
    assert!(files.len() > 100, "{}", files.len());
    assert!(files.iter().any(|f| f.ends_with("tests/corpus/SOURCES.md")));
    // A folder beside the clone, and absolute paths into the machine that
    // made it; written with \x2f for `/` so that this file does not name them.
    let outside =
        regex::Regex::new(r"\.\.\x2fshared(?:/|\b)|(?:^|[^\w.~/-])\x2fwork(?:/|\b)").unwrap();
    let mut found = Vec::new();
    for file in &files {
        let text = String::from_utf8_lossy(&std::fs::read(file).unwrap()).into_owned();
        for (n, line) in text.lines().enumerate() {
            if outside.is_match(line) {
                let rel = file.strip_prefix(root).unwrap().display();
                found.push(format!("{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "outside the repository:\n{}",
        found.join("\n")
    );
}
