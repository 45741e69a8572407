//! `gongwen comments import`: 意见反馈表 and reviewed Word files into a
//! draft's comments file.

use std::path::Path;

use super::args::CommentsCommand;
use super::console::{Console, Outcome};
use gongwen::paths::shown;
use gongwen::project::comments::{Imported, import_feedback, import_reviewed, is_word};
use gongwen::project::review::Senders;
use gongwen::tr;

/// Imports each table in turn, then the Word files together (their
/// comments merged in the order of the draft's text).
pub fn run(console: &mut Console, command: &CommentsCommand) -> Outcome {
    let CommentsCommand::Import {
        table,
        draft,
        from,
        units,
    } = command;
    let from = from.as_deref();
    let (words, tables): (Vec<&Path>, Vec<&Path>) =
        table.iter().map(|p| p.as_path()).partition(|p| is_word(p));
    let mut outcome = Outcome::Ok;
    for table in tables {
        let done = import_feedback(table, draft, from);
        if report(console, &shown(table).to_string(), done) == Outcome::Trouble {
            outcome = Outcome::Trouble;
        }
    }
    if !words.is_empty() {
        let named: Vec<String> = words.iter().map(|w| shown(w).to_string()).collect();
        let mut senders = Senders::of_unit(from);
        if let Some(units) = units {
            match Senders::read_units(units) {
                Ok(map) => senders.units = map,
                Err(d) => {
                    console.diagnostic(&d);
                    return Outcome::Trouble;
                }
            }
        }
        let done = import_reviewed(&words, draft, &senders);
        if report(console, &named.join(&tr!("load-list-separator")), done) == Outcome::Trouble {
            outcome = Outcome::Trouble;
        }
    }
    outcome
}

fn report(
    console: &mut Console,
    table: &str,
    done: Result<Imported, Vec<gongwen::diagnostic::Diagnostic>>,
) -> Outcome {
    match done {
        Ok(done) => {
            for note in &done.notes {
                console.err(tr!("comments-import-note", file = table, note = note));
            }
            done.warnings.iter().for_each(|w| console.diagnostic(w));
            if !done.unknown_headers.is_empty() {
                console.err(tr!(
                    "comments-import-columns-not-read",
                    file = table,
                    columns = done.unknown_headers.join(&tr!("load-list-separator"))
                ));
            }
            console.line(tr!(
                "comments-imported",
                table = table,
                file = shown(&done.file).to_string(),
                added = done.added,
                already = done.already
            ));
            Outcome::Ok
        }
        Err(diags) => {
            diags.iter().for_each(|d| console.diagnostic(d));
            Outcome::Trouble
        }
    }
}
