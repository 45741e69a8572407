// The fuzz targets' bodies, shared by the cargo-fuzz targets in
// `fuzz/fuzz_targets/` and the smoke run in `tests/fuzz_smoke.rs` (both
// `include!` this file). Each takes arbitrary bytes and checks what must
// hold for every input: no panic, and the invariants named below.

use std::path::Path;
use std::sync::OnceLock;

use gongwen::compare::apply::{apply, outline};
use gongwen::numbering::number;
use gongwen::render::redline::RedlineContext;
use gongwen::render::{Format, RenderContext, Renderer, Templates, View};

/// A draft read from memory, in a folder that does not exist, so no
/// `include:` can reach a file.
const NOWHERE: &str = "/nonexistent/gongwen-fuzz/draft.yaml";

fn renderer() -> &'static Renderer {
    static R: OnceLock<Renderer> = OnceLock::new();
    R.get_or_init(|| {
        Renderer::new(
            Templates::load(None).expect("built-in templates"),
            Default::default(),
        )
    })
}

fn without_places(mut d: gongwen::model::Draft) -> gongwen::model::Draft {
    d.forget_origin();
    d
}

/// The YAML loader: any bytes either load or are refused with diagnostics;
/// a loaded draft numbers, renders to Markdown and HTML, and written back as
/// YAML loads again as the same draft.
pub fn load(data: &[u8]) {
    let Ok(draft) = gongwen::load::load_draft_bytes(Path::new(NOWHERE), data) else {
        return;
    };
    let doc = number(&draft);
    let ctx = RenderContext::new(&doc);
    for format in [Format::Markdown, Format::Html] {
        renderer()
            .render(format, View::Draft(&ctx))
            .expect("a loaded draft renders");
    }
    let yaml = gongwen::save::to_string(&draft);
    let again = gongwen::load::load_draft_bytes(Path::new(NOWHERE), yaml.as_bytes())
        .unwrap_or_else(|d| panic!("a saved draft does not load: {d}\n{yaml}"));
    assert_eq!(without_places(again), without_places(draft), "{yaml}");
}

/// The importer: any text either imports or is refused; an imported draft,
/// written as YAML, loads back as the same draft.
pub fn import(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(imported) = gongwen::import::import_str(Path::new("fuzz.txt"), &text, Default::default())
    else {
        return;
    };
    let yaml = gongwen::save::to_string(&imported.draft);
    let loaded = gongwen::load::load_draft_bytes(Path::new(NOWHERE), yaml.as_bytes())
        .unwrap_or_else(|d| panic!("an imported draft does not load: {d}\n{yaml}"));
    assert_eq!(without_places(loaded), without_places(imported.draft), "{yaml}");
}

/// The comparison: two drafts (the bytes split at the first 0xFF, which
/// UTF-8 never holds) that load are compared; replaying the change set on the
/// old draft gives the new one, and every view of it renders.
pub fn diff(data: &[u8]) {
    let at = data.iter().position(|b| *b == 0xFF).unwrap_or(data.len() / 2);
    let (a, b) = (&data[..at], data.get(at + 1..).unwrap_or_default());
    let load = |bytes| gongwen::load::load_draft_bytes(Path::new(NOWHERE), bytes).ok();
    let (Some(old), Some(new)) = (load(a), load(b)) else {
        return;
    };
    let (old, new) = (number(&old), number(&new));
    let changes = gongwen::compare::compare(&old, &new);
    let replayed = apply(&old, &changes).expect("the change set applies");
    assert_eq!(replayed, outline(&new), "replaying the change set");
    for show_whitespace in [false, true] {
        let ctx = RedlineContext::new(&old, &new, ("a", "b"), &changes, show_whitespace);
        for format in [Format::Term, Format::Json, Format::Markdown, Format::Html] {
            renderer()
                .render(format, View::Redline(&ctx))
                .expect("the redline renders");
        }
    }
    serde_json::to_string(&changes).expect("the change set serialises");
}
