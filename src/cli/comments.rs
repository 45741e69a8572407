//! `gongwen comments import`: a 意见反馈表 into a draft's comments file.

use super::args::CommentsCommand;
use super::console::{Console, Outcome};
use gongwen::paths::shown;

pub fn run(console: &mut Console, command: &CommentsCommand) -> Outcome {
    let CommentsCommand::Import { table, draft } = command;
    match gongwen::project::comments::import_feedback(table, draft) {
        Ok(done) => {
            for note in &done.notes {
                console.err(format_args!("note: {}: {note}", shown(table)));
            }
            done.warnings.iter().for_each(|w| console.diagnostic(w));
            if !done.unknown_headers.is_empty() {
                console.err(format_args!(
                    "warning: {}: columns not read: {}",
                    shown(table),
                    done.unknown_headers.join("、")
                ));
            }
            console.line(format_args!(
                "imported {} → {}: {} comments added, {} already there",
                shown(table),
                shown(&done.file),
                done.added,
                done.already
            ));
            Outcome::Ok
        }
        Err(diags) => {
            diags.iter().for_each(|d| console.diagnostic(d));
            Outcome::Trouble
        }
    }
}
