//! Generators shared by the property tests: drafts of both styles with
//! awkward text.
#![allow(dead_code)]

use gongwen::model::{Block, Date, Draft, Fonts, Level, Meta, Numbering, Part, PartId, Style};
use proptest::prelude::*;

/// Text that YAML might misread if written carelessly, plus random text.
pub fn text() -> impl Strategy<Value = String> {
    let tricky = prop::sample::select(vec![
        "yes",
        "no",
        "true",
        "False",
        "null",
        "~",
        "1.50",
        "0x10",
        "1e3",
        "- a",
        "a: b",
        "#c",
        "[x]",
        "{y}",
        "'q'",
        "\"d\"",
        "&anchor",
        "*alias",
        "!tag",
        "%x",
        "@x",
        "`x`",
        "a\nb",
        " lead",
        "trail ",
        "第一条 甲",
        "（一）乙",
        "1. 丙",
        "> 引",
        "| 竖",
        "2021-09-01",
        "? q",
        "---",
        "...",
        "a #b",
        "：冒号",
        "include",
    ]);
    prop_oneof![
        tricky.prop_map(str::to_string),
        "[\\PC&&[^\t\r]]{1,16}",
        "[甲乙丙丁，。、；：“”（）《》0-9a-z ]{1,24}",
    ]
    .prop_filter("text must not be blank", |s| !s.trim().is_empty())
}

pub fn body(paras: Vec<String>, children: Vec<Part>, interleave: bool) -> Vec<Block> {
    let mut body: Vec<Block> = Vec::new();
    let mut paras = paras.into_iter();
    if let Some(first) = paras.next() {
        body.push(Block::Para(first));
    }
    body.extend(children.into_iter().map(Block::Part));
    // Paragraphs after the sub-parts exercise the mixed `text:` list.
    let rest = paras.map(Block::Para);
    if interleave {
        body.extend(rest);
    } else {
        let at = usize::from(!body.is_empty() && matches!(body[0], Block::Para(_)));
        let tail = body.split_off(at);
        body.extend(rest);
        body.extend(tail);
    }
    body
}

#[allow(clippy::too_many_arguments)]
pub fn part(
    level: Level,
    heading: Option<String>,
    paras: Vec<String>,
    children: Vec<Part>,
    run_in: bool,
    numbered: bool,
    sub: bool,
    interleave: bool,
) -> Part {
    let mut p = Part::new(level);
    p.heading = heading;
    p.run_in = run_in;
    p.numbered = numbered;
    p.sub = sub;
    p.body = body(paras, children, interleave);
    p
}

pub fn outline_part(level: u8) -> BoxedStrategy<Part> {
    let children = if level < 4 {
        prop::collection::vec(outline_part(level + 1), 0..3).boxed()
    } else {
        Just(Vec::new()).boxed()
    };
    (
        prop::option::of(text()),
        prop::collection::vec(text(), 0..3),
        children,
        any::<[bool; 4]>(),
    )
        .prop_filter("a part needs a heading or content", |(h, p, c, _)| {
            h.is_some() || !p.is_empty() || !c.is_empty()
        })
        .prop_map(move |(h, p, c, [run_in, numbered, sub, inter])| {
            part(Level::Outline(level), h, p, c, run_in, numbered, sub, inter)
        })
        .boxed()
}

/// Articles style: an article with items and sub-items.
pub fn article() -> BoxedStrategy<Part> {
    let sub_item = (text(), any::<[bool; 2]>()).prop_map(|(t, [numbered, sub])| {
        part(
            Level::SubItem,
            None,
            vec![t],
            vec![],
            false,
            numbered,
            sub,
            false,
        )
    });
    let item = (
        prop::collection::vec(text(), 1..3),
        prop::collection::vec(sub_item, 0..3),
        any::<bool>(),
    )
        .prop_map(|(p, c, inter)| part(Level::Item, None, p, c, false, true, false, inter));
    (
        prop::collection::vec(text(), 1..3),
        prop::collection::vec(item, 0..3),
        any::<[bool; 3]>(),
    )
        .prop_map(|(p, c, [sub, inter, run_in])| {
            part(Level::Article, None, p, c, run_in, true, sub, inter)
        })
        .boxed()
}

/// A division of the given rank or deeper, holding at least one part.
pub fn division(min_rank: usize) -> BoxedStrategy<Part> {
    let levels: Vec<Level> = Level::DIVISIONS[min_rank..].to_vec();
    prop::sample::select(levels)
        .prop_flat_map(|level| {
            let deeper = level.rank() as usize + 1;
            let child = if deeper < 4 {
                prop_oneof![3 => article(), 1 => division(deeper)].boxed()
            } else {
                article()
            };
            (
                Just(level),
                text(),
                prop::collection::vec(child, 1..3),
                prop::collection::vec(text(), 0..2),
                any::<bool>(),
            )
        })
        .prop_map(|(level, heading, children, paras, numbered)| {
            part(
                level,
                Some(heading),
                paras,
                children,
                false,
                numbered,
                false,
                false,
            )
        })
        .boxed()
}

pub fn date() -> impl Strategy<Value = Date> {
    (1900u16..2100, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

pub fn meta(style: Style) -> impl Strategy<Value = Meta> {
    let levels: Vec<Level> = match style {
        Style::Outline => (1..=4).map(Level::Outline).collect(),
        Style::Articles => vec![
            Level::Book,
            Level::SubBook,
            Level::Chapter,
            Level::Section,
            Level::Item,
            Level::SubItem,
        ],
    };
    (
        (
            text(),
            prop::option::of(text().prop_filter("no brackets", |s| {
                !s.trim().starts_with(['（', '(']) && s.trim() == s
            })),
            prop::option::of(text()),
            prop::option::of(date()),
        ),
        (
            prop::option::of(text()),
            prop::option::of(text()),
            prop::collection::vec(text(), 0..3),
            prop::collection::vec(text(), 0..2),
        ),
        (
            prop::collection::vec(text(), 0..2),
            prop::collection::vec(text(), 0..3),
            prop::option::of(text()),
            prop::option::of(date()),
        ),
        prop::sample::subsequence(levels.clone(), 0..=levels.len()),
        (
            prop::option::of(text()),
            prop::option::of(text()),
            prop::collection::vec(text(), 0..2),
        ),
    )
        .prop_filter("a title has no trailing line break", |((t, ..), ..)| {
            !t.ends_with('\n')
        })
        .prop_map(
            move |(
                (title, stage, organ, date),
                (number, to, preamble, closing),
                (attachments, cc, printer, printed),
                continuous,
                (body, title_face, fallback),
            )| Meta {
                title,
                stage,
                organ,
                date,
                number,
                to,
                preamble,
                closing,
                attachments,
                cc,
                printer,
                printed,
                numbering: Numbering { style, continuous },
                fonts: Fonts {
                    body,
                    title: title_face,
                    fallback,
                    ..Fonts::default()
                },
            },
        )
}

pub fn draft() -> impl Strategy<Value = Draft> {
    let outline = (
        meta(Style::Outline),
        prop::collection::vec(outline_part(1), 0..4),
    );
    let articles = (
        meta(Style::Articles),
        prop::collection::vec(prop_oneof![article(), division(0)], 0..4),
    );
    (prop_oneof![outline, articles], any::<u64>()).prop_map(|((meta, parts), id_bits)| {
        let mut draft = Draft { meta, parts };
        // Unique ids on some parts, chosen by the bits.
        let mut n = 0;
        fn assign(part: &mut Part, n: &mut u32, bits: u64) {
            if bits >> (*n % 64) & 1 == 1 {
                part.id = Some(PartId(format!("p{n}")));
            }
            *n += 1;
            for block in &mut part.body {
                if let Block::Part(p) = block {
                    assign(p, n, bits);
                }
            }
        }
        for p in &mut draft.parts {
            assign(p, &mut n, id_bits);
        }
        draft
    })
}
