//! The outside programs and files some tests need (poppler, Chromium, pandoc,
//! LibreOffice, python-docx, openxml-audit …), and what a test does when one
//! is missing: fail naming it and its package, or, when `GONGWEN_SKIP_TOOLS`
//! names it, check nothing and say so. `scripts/test` installs them, and sets
//! `GONGWEN_SKIP_TOOLS` to what it could not install.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;

/// How to install what a test needs, by the name the tests ask for it by.
/// `scripts/test` says the same: tests/test_script.rs checks they agree.
pub fn install_hint(name: &str) -> &'static str {
    match name {
        "pdftotext" | "pdffonts" | "pdfinfo" | "pdftoppm" => "apt-get install poppler-utils",
        "chromium" => "apt-get install chromium",
        "pandoc" => "apt-get install pandoc",
        "soffice" => "apt-get install libreoffice-writer-nogui",
        "script" => "apt-get install bsdutils",
        "prlimit" => "apt-get install util-linux",
        "strace" => "apt-get install strace",
        "openxml-audit" => "pip install openxml-audit",
        "python-docx" => "apt-get install python3-docx",
        "python-docx-1.2" => "pip install python-docx>=1.2",
        "fonts-dejavu-core" => "apt-get install fonts-dejavu-core",
        _ => "install it",
    }
}

/// The program `name` on PATH, if there is one; nothing is said when not.
pub fn on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// The path of an outside program a test needs (pdftotext, chromium …); when
/// it is missing, see [`missing`].
pub fn tool(name: &str) -> Option<PathBuf> {
    let found = on_path(name);
    if found.is_none() {
        missing(name);
    }
    found
}

/// Whether `GONGWEN_SKIP_TOOLS` names `name`: it is `1` (everything) or a
/// comma-separated list of the names the tests ask for
/// (`GONGWEN_SKIP_TOOLS=chromium,soffice`).
pub fn skipped(name: &str) -> bool {
    std::env::var("GONGWEN_SKIP_TOOLS")
        .is_ok_and(|list| list.trim() == "1" || list.split(',').any(|skip| skip.trim() == name))
}

/// Something a test needs from outside is not installed: fails the test with
/// its name and how to install it, unless `GONGWEN_SKIP_TOOLS` names it. Then
/// the caller returns having checked nothing, and that is said straight to
/// standard error, where `cargo test` shows it, and added to the file
/// `GONGWEN_SKIP_LOG` names, if any, for `scripts/test` to count.
pub fn missing(name: &str) {
    let install = install_hint(name);
    if !skipped(name) {
        panic!(
            "this test needs {name}, which is not installed: {install} (scripts/test \
             installs what it can), or set GONGWEN_SKIP_TOOLS={name} to skip it"
        );
    }
    // libtest runs each test on a thread named after it.
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    // Said once for each test and name: a property test asks in every case.
    static SAID: std::sync::Mutex<BTreeSet<(String, String)>> =
        std::sync::Mutex::new(BTreeSet::new());
    let first = match SAID.lock() {
        Ok(mut said) => said.insert((test.to_string(), name.to_string())),
        Err(_) => true,
    };
    if !first {
        return;
    }
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED: {name} is not installed and GONGWEN_SKIP_TOOLS names it; {test} checked nothing"
    );
    if let Some(log) = std::env::var_os("GONGWEN_SKIP_LOG") {
        let appended = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            // One write per line: the tests append from many threads.
            .and_then(|mut file| file.write_all(format!("{test}\t{name}\n").as_bytes()));
        if let Err(e) = appended {
            let _ = writeln!(
                std::io::stderr(),
                "cannot note the skip in GONGWEN_SKIP_LOG: {e}"
            );
        }
    }
}
