//! `gongwen schema`: the JSON Schema of a kind of file printed, or every
//! schema file written into a folder.

use std::path::Path;

use super::args::SchemaArgs;
use super::console::{Console, Outcome};
use gongwen::paths::shown;
use gongwen::tr;
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
            write::write_built(&dest, text.as_bytes())?;
            Ok(dest)
        }) {
            Ok(dest) => console.line(tr!("run-wrote", path = shown(&dest).to_string())),
            Err(e) => {
                console.err(tr!("run-error", error = e.to_string()));
                outcome = Outcome::Trouble;
            }
        }
    }
    outcome
}
