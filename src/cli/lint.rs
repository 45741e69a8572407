//! `gongwen lint [--fix [--dry-run]] [--rule ID]`: typing slips in drafts,
//! and the safe fixes written back into the YAML.

use super::args::LintArgs;
use super::console::{Console, Outcome};
use gongwen::lint::{self, Rule, fix};
use gongwen::paths::shown;
use gongwen::tr;

pub fn run(console: &mut Console, args: &LintArgs) -> Outcome {
    if args.list {
        for rule in Rule::ALL {
            console.line(format_args!("{:<22} {}", rule.id(), rule.explanation()));
        }
        return Outcome::Ok;
    }
    let mut only = Vec::new();
    for id in &args.rules {
        match Rule::parse(id) {
            Some(rule) => only.push(rule),
            None => {
                console.err(format_args!("{}", tr!("lint-cli-not-a-rule", rule = id)));
                return Outcome::Trouble;
            }
        }
    }
    let entries = match super::drafts(console, &args.paths) {
        Ok(e) => e,
        Err(o) => return o,
    };
    let mut outcome = Outcome::Ok;
    for entry in &entries {
        let report = match lint::lint_draft(&entry.path, &only) {
            Ok(r) => r,
            Err(diags) => {
                diags.0.iter().for_each(|d| console.diagnostic(d));
                console.line(format_args!(
                    "{}",
                    tr!("lint-failed-load", path = shown(&entry.path).to_string())
                ));
                if outcome == Outcome::Ok {
                    outcome = Outcome::Problems;
                }
                continue;
            }
        };
        if !args.fix {
            show(console, &entry.path, &report, &mut outcome);
            continue;
        }
        let fixes = fix::plan(&report);
        for f in &fixes {
            console.text(&f.diff());
            for pos in &f.skipped {
                let place = format!("{}:{}:{}", shown(&f.file), pos.line, pos.column);
                console.err(format_args!("{}", tr!("lint-fix-skipped", place = place)));
            }
        }
        if args.dry_run {
            console.line(format_args!(
                "{}",
                tr!("lint-dry-run", summary = summary(&entry.path, &report))
            ));
            found(&report, &mut outcome);
            continue;
        }
        // A draft that cannot be written is reported, and the others are
        // fixed all the same; the command then ends in trouble.
        let mut unwritten = false;
        for f in fixes.iter().filter(|f| *f.old != f.new) {
            match fix::write(&entry.path, f) {
                Ok(()) => console.line(format_args!(
                    "{}",
                    tr!("lint-fixed", path = shown(&f.file).to_string())
                )),
                Err(e) => {
                    console.err(format_args!("{}", tr!("lint-error", error = e.to_string())));
                    unwritten = true;
                }
            }
        }
        if unwritten {
            outcome = Outcome::Trouble;
            console.line(format_args!(
                "{}",
                tr!(
                    "lint-failed-unwritten",
                    path = shown(&entry.path).to_string()
                )
            ));
            continue;
        }
        // What is left after the fixes.
        match lint::lint_draft(&entry.path, &only) {
            Ok(after) => show(console, &entry.path, &after, &mut outcome),
            Err(diags) => {
                diags.0.iter().for_each(|d| console.diagnostic(d));
                outcome = Outcome::Trouble;
            }
        }
    }
    outcome
}

/// Prints a report's findings and its summary; findings make the outcome problems.
fn show(
    console: &mut Console,
    path: &std::path::Path,
    report: &lint::Report,
    outcome: &mut Outcome,
) {
    report.diagnostics().for_each(|d| console.diagnostic(&d));
    console.line(format_args!("{}", summary(path, report)));
    found(report, outcome);
}

/// Findings left make the outcome problems (unless it is already worse).
fn found(report: &lint::Report, outcome: &mut Outcome) {
    if !report.findings.is_empty() && *outcome == Outcome::Ok {
        *outcome = Outcome::Problems;
    }
}

fn summary(path: &std::path::Path, report: &lint::Report) -> String {
    if report.findings.is_empty() {
        tr!("lint-clean", path = shown(path).to_string())
    } else {
        tr!("lint-findings", summary = report.summary(path))
    }
}
