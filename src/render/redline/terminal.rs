//! The change list on a terminal, like `git diff --word-diff`.

use super::RedlineContext;
use super::segments::SegmentKind;
use crate::compare::align::PARAGRAPH_BREAK;

/// The change list for a terminal, like `git diff --word-diff`: `[-deleted-]`
/// and `{+inserted+}`, coloured red and green when `color`, unchanged text
/// shortened to the words around each change.
pub fn terminal(ctx: &RedlineContext, color: bool) -> String {
    let paint = |code: &str, s: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    out.push_str(&paint(
        "1",
        &format!(
            "{}{}",
            ctx.new.title.plain,
            ctx.new
                .stage_label
                .as_ref()
                .map_or("", |s| s.plain.as_str())
        ),
    ));
    out.push_str(&format!(
        "\n{} → {}：{}\n",
        ctx.old.name.plain, ctx.new.name.plain, ctx.summary.line
    ));
    for e in &ctx.entries {
        out.push('\n');
        out.push_str(&paint("36", &format!("{}. {}", e.number, e.headline.plain)));
        out.push('\n');
        if e.unified.is_empty() {
            continue;
        }
        out.push_str("    ");
        let last = e.unified.len() - 1;
        for (i, seg) in e.unified.iter().enumerate() {
            let text = seg.text.replace(PARAGRAPH_BREAK, "¶");
            match seg.kind {
                SegmentKind::Del => out.push_str(&paint("31", &format!("[-{text}-]"))),
                SegmentKind::Ins => out.push_str(&paint("32", &format!("{{+{text}+}}"))),
                // A reference renumbered with its target: dim.
                SegmentKind::RefDel => out.push_str(&paint("2;31", &format!("[-{text}-]"))),
                SegmentKind::RefIns => out.push_str(&paint("2;32", &format!("{{+{text}+}}"))),
                _ => out.push_str(&context_of(&text, i == 0, i == last)),
            }
        }
        out.push('\n');
    }
    out
}

/// Unchanged text around a change, cut to a few characters on each side.
fn context_of(text: &str, first: bool, last: bool) -> String {
    const KEEP: usize = 12;
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= KEEP * 2 + 1 {
        return text.to_string();
    }
    let head: String = chars[..KEEP].iter().collect();
    let tail: String = chars[chars.len() - KEEP..].iter().collect();
    match (first, last) {
        (true, true) => format!("{head}…"),
        (true, false) => format!("…{tail}"),
        (false, true) => format!("{head}…"),
        (false, false) => format!("{head}…{tail}"),
    }
}
