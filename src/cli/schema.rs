//! `gongwen schema`: the JSON Schema of a kind of file printed, or every
//! schema file written into a folder.

use std::path::Path;

use super::args::SchemaArgs;
use super::console::{Console, Outcome};
use gongwen::paths::shown;
use gongwen::write;

/// `gongwen schema`: one schema printed, or every schema file written.
pub fn run(console: &mut Console, args: &SchemaArgs) -> Outcome {
    let Some(out) = &args.out else {
        console.bytes(gongwen::json_schema::schema_text(args.kind).as_bytes());
        return Outcome::Ok;
    };
    let mut outcome = Outcome::Ok;
    for (relative, text) in gongwen::json_schema::files() {
        let name = relative.file_name().map(Path::new).unwrap_or(&relative);
        match write::inside(out, name).and_then(|dest| {
            write::write_atomic(&dest, text.as_bytes())?;
            Ok(dest)
        }) {
            Ok(dest) => console.line(format_args!("wrote   {}", shown(&dest))),
            Err(e) => {
                console.err(format_args!("error: {e}"));
                outcome = Outcome::Trouble;
            }
        }
    }
    outcome
}
