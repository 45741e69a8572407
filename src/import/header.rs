//! The head of an imported text: the title, the stage label （征求意见稿）
//! and the document number (国办发〔2018〕128号), taken off its first lines,
//! and the repeats of the title a concatenated text carries dropped.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::{Dropped, Line};
use super::parse::{Marker, classify};
use crate::model::{Meta, Style};

static STAGE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[（(]([^（）()]*(?:稿|草案))[）)]$").unwrap());
static STAGE_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.+?)[（(]([^（）()]*(?:稿|草案))[）)]$").unwrap());
static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\S{1,20}[〔\[［【(（]\d{4}[〕\]］】)）]\s*\d{1,5}\s*号$").unwrap()
});

/// Takes the title, stage label and document number off the top of the text.
/// The title is the first Markdown heading, or the lines before a stage label
/// or document number found among the first lines, or else the first line.
/// Lines that repeat the title later (a concatenation's headers) are dropped.
pub(super) fn take_header(
    body: &mut Vec<Line>,
    meta: &mut Meta,
    dropped: &mut Vec<Dropped>,
    style: Style,
) {
    let is_structure = |l: &Line| !matches!(classify(&l.text, style), Marker::Text);
    let head_len = body.iter().take(6).take_while(|l| !is_structure(l)).count();
    let stop = body[..head_len]
        .iter()
        .position(|l| STAGE_LINE.is_match(&l.text) || DOC_NUMBER.is_match(&l.text));
    let title_lines = if body[0].heading_depth > 0 {
        1
    } else {
        match stop {
            Some(0) | None => 1,
            Some(n) => n,
        }
    };
    if head_len == 0 && body[0].heading_depth == 0 {
        // The text opens with structure: there is no title line to take.
        meta.title = "（无标题）".to_string();
        return;
    }
    let mut title: Vec<String> = body.drain(..title_lines).map(|l| l.text).collect();
    if title.len() == 1
        && let Some(c) = STAGE_SUFFIX.captures(&title[0])
    {
        meta.stage = Some(crate::model::stage_name(&c[2]).to_string());
        title[0] = c[1].trim().to_string();
    }
    meta.title = title.join("\n");
    // Stage label and document number right below the title.
    while let Some(first) = body.first() {
        if let Some(c) = STAGE_LINE.captures(&first.text) {
            if meta
                .stage
                .as_deref()
                .is_some_and(|s| s == crate::model::stage_name(&c[1]))
            {
                dropped.push(Dropped {
                    number: first.number,
                    reason: "stage label repeated",
                });
            } else if meta.stage.is_none() {
                meta.stage = Some(crate::model::stage_name(&c[1]).to_string());
            } else {
                break;
            }
        } else if meta.number.is_none() && DOC_NUMBER.is_match(&first.text) {
            meta.number = Some(first.text.clone());
        } else if first.text == meta.title.replace('\n', "") || first.text == title_with_stage(meta)
        {
            dropped.push(Dropped {
                number: first.number,
                reason: "title repeated",
            });
        } else {
            break;
        }
        body.remove(0);
    }
    // Before the first part, the title again as a line or broken over a few
    // (a web page's or a PDF's header, 中华人民共和国…大会 / 常务委员会监督法):
    // its words are already the title, and as text they would be a 引言.
    let squeezed_title = squeeze(&meta.title);
    let head = body.iter().take_while(|l| !is_structure(l)).count();
    let mut i = 0;
    let mut repeats = Vec::new();
    while i < head {
        let mut joined = String::new();
        let run = (i..head.min(i + 3)).find(|&j| {
            joined.push_str(&squeeze(&body[j].text));
            joined == squeezed_title || !squeezed_title.starts_with(&joined)
        });
        match run {
            Some(j) if joined == squeezed_title && !joined.is_empty() => {
                repeats.extend(i..=j);
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    for &r in repeats.iter().rev() {
        dropped.push(Dropped {
            number: body[r].number,
            reason: "title repeated",
        });
        body.remove(r);
    }
    // A 目录: its heading and the division lines listed under it, each of
    // which the text has again where the division begins.
    if let Some(at) = body
        .iter()
        .take(head + 1)
        .position(|l| squeeze(&l.text) == "目录")
    {
        // The entries: division lines, each found again further on (the
        // first division not found again is where the text begins).
        let squeezed: Vec<String> = body.iter().map(|l| squeeze(&l.text)).collect();
        let listed_again = |i: usize| squeezed[i + 1..].contains(&squeezed[i]);
        let entries = (at + 1..body.len())
            .take_while(|&i| {
                matches!(classify(&body[i].text, style), Marker::Division { .. }) && listed_again(i)
            })
            .count();
        if entries > 0 {
            for l in body.drain(at..at + 1 + entries) {
                dropped.push(Dropped {
                    number: l.number,
                    reason: "table of contents",
                });
            }
        }
    }
    // Later headings that repeat the title are the headers of concatenated parts.
    let flat_title = meta.title.replace('\n', "");
    body.retain(|l| {
        let repeat = l.heading_depth > 0 && l.text == flat_title;
        if repeat {
            dropped.push(Dropped {
                number: l.number,
                reason: "title repeated",
            });
        }
        !repeat
    });
    dropped.sort_by_key(|d| d.number);
}

fn title_with_stage(meta: &Meta) -> String {
    match &meta.stage {
        Some(s) => format!("{}（{s}）", meta.title.replace('\n', "")),
        None => meta.title.replace('\n', ""),
    }
}

/// A text without its spaces (ASCII, full-width, line breaks): a title
/// broken or spaced out reads the same.
fn squeeze(text: &str) -> String {
    // U+3000 is whitespace to Rust as to Unicode.
    text.chars().filter(|c| !c.is_whitespace()).collect()
}
