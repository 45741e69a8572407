//! `gongwen new`: a first draft of a kind of document written, and what to
//! do next said.

use super::args::NewArgs;
use super::console::{Console, Outcome};
use gongwen::paths::shown;
use gongwen::save::KeyForm;
use gongwen::scaffold::{self, Kind};
use gongwen::tr;

/// `gongwen new <path> --kind …`: writes the draft, or says why not.
pub fn run(console: &mut Console, args: &NewArgs) -> Outcome {
    let Some(kind) = Kind::parse(&args.kind) else {
        console.err(tr!(
            "new-unknown-kind",
            kind = &args.kind,
            kinds = Kind::listed(gongwen::i18n::current())
        ));
        return Outcome::Trouble;
    };
    // The draft is a Chinese document whatever the machine's locale, so its
    // keys are Chinese unless asked otherwise (see `NewArgs::keys`).
    let form = match args.keys.as_str() {
        "en" => KeyForm::English,
        _ => KeyForm::Chinese,
    };
    match scaffold::create(&args.path, kind, form, scaffold::today()) {
        Ok(file) => {
            console.line(tr!(
                "new-wrote",
                kind = kind.chinese(),
                path = shown(&file).to_string()
            ));
            console.line(tr!("new-next", path = shown(&args.path).to_string()));
            Outcome::Ok
        }
        Err(e) => {
            console.err(tr!("new-error", error = e.to_string()));
            Outcome::Trouble
        }
    }
}
