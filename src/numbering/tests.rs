use super::*;
use crate::model::{Numbering, Style};

fn part(level: Level, heading: &str, children: Vec<Part>) -> Part {
    let mut p = Part::new(level);
    if !heading.is_empty() {
        p.heading = Some(heading.into());
    }
    p.body = children.into_iter().map(Block::Part).collect();
    p
}

fn para(level: Level, text: &str) -> Part {
    let mut p = Part::new(level);
    p.body.push(Block::Para(text.into()));
    p
}

fn article(text: &str) -> Part {
    para(Level::Article, text)
}

fn draft(style: Style, continuous: Vec<Level>, parts: Vec<Part>) -> Draft {
    Draft {
        meta: Meta {
            title: "t".into(),
            numbering: Numbering { style, continuous },
            ..Meta::default()
        },
        parts,
        attachments: Vec::new(),
    }
}

/// An articles-style document of `parts`, numbered.
fn articles(continuous: Vec<Level>, parts: Vec<Part>) -> Document {
    number(&draft(Style::Articles, continuous, parts))
}

fn labels(doc: &Document) -> Vec<String> {
    doc.walk().iter().map(|s| s.label.clone()).collect()
}

/// Every label in reading order, a space apart.
fn printed(doc: &Document) -> String {
    labels(doc).join(" ")
}

/// Every anchor in reading order, a space apart.
fn anchors(doc: &Document) -> String {
    let anchors: Vec<&str> = doc.walk().iter().map(|s| s.anchor.as_str()).collect();
    anchors.join(" ")
}

fn outline_doc(continuous: Vec<Level>) -> Document {
    let o = Level::Outline;
    let parts = vec![
        part(o(1), "总体要求", vec![]),
        part(
            o(1),
            "甲",
            vec![
                part(o(2), "一", vec![para(o(3), "a"), para(o(3), "b")]),
                part(o(2), "二", vec![para(o(3), "c")]),
            ],
        ),
        part(
            o(1),
            "乙",
            vec![part(
                o(2),
                "三",
                vec![part(o(3), "", vec![para(o(4), "x"), para(o(4), "y")])],
            )],
        ),
    ];
    number(&draft(Style::Outline, continuous, parts))
}

#[test]
fn outline_levels_restart_under_their_parent_by_default() {
    let doc = outline_doc(vec![]);
    assert_eq!(
        printed(&doc),
        "一、 二、 （一） 1. 2. （二） 1. 三、 （一） 1. （1） （2）"
    );
}

#[test]
fn outline_level_two_can_run_on_through_the_whole_document() {
    // The reference draft numbers （一）…（十二） straight through its six parts.
    let doc = outline_doc(vec![Level::Outline(2)]);
    assert_eq!(
        printed(&doc),
        "一、 二、 （一） 1. 2. （二） 1. 三、 （三） 1. （1） （2）"
    );
}

#[test]
fn articles_run_on_through_chapters_and_chapters_restart_in_each_book() {
    let a = article;
    let chapter = |heading: &str, children: Vec<Part>| part(Level::Chapter, heading, children);
    let parts = vec![
        part(
            Level::Book,
            "总则",
            vec![
                chapter("基本规定", vec![a("1"), a("2")]),
                chapter(
                    "自然人",
                    vec![
                        part(Level::Section, "能力", vec![a("3")]),
                        part(Level::Section, "监护", vec![a("4")]),
                    ],
                ),
            ],
        ),
        part(
            Level::Book,
            "物权",
            vec![
                part(
                    Level::SubBook,
                    "通则",
                    vec![chapter("一般规定", vec![a("5")])],
                ),
                part(
                    Level::SubBook,
                    "所有权",
                    vec![chapter("一般规定", vec![a("6")])],
                ),
            ],
        ),
    ];
    assert_eq!(
        printed(&articles(vec![], parts)),
        "第一编 第一章 第一条 第二条 第二章 第一节 第三条 第二节 第四条 \
         第二编 第一分编 第一章 第五条 第二分编 第二章 第六条"
    );
}

#[test]
fn chapters_can_be_made_continuous_across_books() {
    let book = |heading: &str, chapter: &str, text: &str| {
        part(
            Level::Book,
            heading,
            vec![part(Level::Chapter, chapter, vec![article(text)])],
        )
    };
    let doc = articles(
        vec![Level::Chapter],
        vec![book("甲", "一", "1"), book("乙", "二", "2")],
    );
    assert_eq!(printed(&doc), "第一编 第一章 第一条 第二编 第二章 第二条");
}

#[test]
fn articles_can_be_made_to_restart_only_by_not_being_articles() {
    // Articles never restart: the whole document counts them.
    let doc = articles(vec![], (0..1260).map(|_| article("x")).collect());
    let l = labels(&doc);
    assert_eq!(l[104], "第一百零五条");
    assert_eq!(l[109], "第一百一十条");
    assert_eq!(l[1000], "第一千零一条");
    assert_eq!(l[1009], "第一千零一十条");
    assert_eq!(l[1259], "第一千二百六十条");
}

#[test]
fn sub_articles_take_the_previous_number_with_zhi() {
    let mut parts: Vec<Part> = (0..3).map(|_| article("x")).collect();
    let mut s1 = article("inserted");
    s1.sub = true;
    let mut s2 = s1.clone();
    s2.sub = true;
    parts.insert(2, s1);
    parts.insert(3, s2);
    let doc = articles(vec![], parts);
    assert_eq!(printed(&doc), "第一条 第二条 第二条之一 第二条之二 第三条");
    assert_eq!(doc.sections[2].anchor, "art2z1");
}

#[test]
fn items_restart_in_each_article_and_after_a_paragraph() {
    let mut art = article("有下列情形之一的：");
    art.body.push(Block::Part(para(Level::Item, "甲；")));
    art.body.push(Block::Part(para(Level::Item, "乙。")));
    art.body
        .push(Block::Para("有下列情形之一的，也适用：".into()));
    let mut item = para(Level::Item, "丙：");
    item.body.push(Block::Part(para(Level::SubItem, "子")));
    art.body.push(Block::Part(item));
    let mut art2 = article("另：");
    art2.body.push(Block::Part(para(Level::Item, "丁。")));
    let doc = articles(vec![], vec![art, art2]);
    assert_eq!(
        printed(&doc),
        "第一条 （一） （二） （一） 1. 第二条 （一）"
    );
    assert_eq!(
        anchors(&doc),
        "art1 art1-i1 art1-i2 art1-i1_2 art1-i1_2-j1 art2 art2-i1"
    );
}

#[test]
fn unnumbered_parts_take_no_number_and_author_ids_win_anchors() {
    let chapter = |heading: &str, text: &str| part(Level::Chapter, heading, vec![article(text)]);
    let mut book = part(Level::Book, "物权编", vec![chapter("一般规定", "x")]);
    book.numbered = false;
    let mut second = chapter("其他", "y");
    second.id = Some(PartId("ch1".into()));
    let doc = articles(vec![], vec![book, second]);
    // A chapter is counted among the chapters of its 编; one outside every
    // 编 among those outside every 编.
    assert_eq!(labels(&doc), ["", "第一章", "第一条", "第一章", "第二条"]);
    assert_eq!(anchors(&doc), "bx1 bx1-ch1 art1 ch1 art2");
}
