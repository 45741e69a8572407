//! `gongwen comments import`: a 意见反馈表 into a draft's comments file.

use super::args::CommentsCommand;
use super::console::{Console, Outcome};
use gongwen::paths::shown;
use gongwen::tr;

pub fn run(console: &mut Console, command: &CommentsCommand) -> Outcome {
    let CommentsCommand::Import { table, draft, from } = command;
    match gongwen::project::comments::import_feedback(table, draft, from.as_deref()) {
        Ok(done) => {
            for note in &done.notes {
                console.err(tr!(
                    "comments-import-note",
                    file = shown(table).to_string(),
                    note = note
                ));
            }
            done.warnings.iter().for_each(|w| console.diagnostic(w));
            if !done.unknown_headers.is_empty() {
                console.err(tr!(
                    "comments-import-columns-not-read",
                    file = shown(table).to_string(),
                    columns = done.unknown_headers.join("、")
                ));
            }
            console.line(tr!(
                "comments-imported",
                table = shown(table).to_string(),
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
