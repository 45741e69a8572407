//! Keys in Chinese (标题, 正文, 内容 …) as well as English: the same draft
//! either way, one form per key, messages in the form the file uses, and
//! `import --keys zh`.

use crate::common;

use gongwen::save::KeyForm;
use proptest::prelude::*;

fn load_text(yaml: &str) -> Result<gongwen::model::Draft, gongwen::diagnostic::Diagnostics> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.yaml");
    std::fs::write(&path, yaml).unwrap();
    gongwen::load::load_draft(&path).map(|mut d| {
        d.forget_origin();
        d
    })
}

proptest! {
    #![proptest_config(common::proptest_config(64))]

    /// A generated draft written with Chinese keys and with English keys
    /// loads to the same draft, as a file and as a folder.
    #[test]
    fn chinese_and_english_keys_load_to_the_same_draft(draft in common::draft()) {
        let en = gongwen::save::to_string_in(&draft, KeyForm::English);
        let zh = gongwen::save::to_string_in(&draft, KeyForm::Chinese);
        prop_assert!(!zh.contains("\ntitle:") && !zh.starts_with("title:"), "{zh}");
        let (a, b) = (load_text(&en), load_text(&zh));
        prop_assert!(b.is_ok(), "{zh}\n{:?}", b.err().map(|d| d.0[0].render()));
        prop_assert_eq!(a.unwrap(), b.unwrap());
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("v1");
        gongwen::save::save_checked_in(&draft, &folder, false, &[], KeyForm::Chinese)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let text = std::fs::read_to_string(folder.join("draft.yaml")).unwrap();
        prop_assert!(text.starts_with("标题:"), "{text}");
    }
}

#[test]
fn one_key_in_both_forms_is_an_error_naming_both() {
    let err = load_text("title: 甲\n标题: 乙\nparts:\n  - text: 正文。\n")
        .err()
        .unwrap();
    let text = err.0[0].render();
    assert!(
        text.contains("d.yaml:2:1") && text.contains("`标题` and `title` are the same key"),
        "{text}"
    );
    let err = load_text(
        "title: 甲\nparts:\n  - heading: 总体要求\n    标题: 总体要求\n    text: 正文。\n",
    )
    .err()
    .unwrap();
    assert!(
        err.0[0].render().contains("`标题` and `heading`"),
        "{}",
        err.0[0].render()
    );
}

#[test]
fn messages_name_keys_as_the_file_writes_them() {
    let err = load_text("标题: 甲\n正文:\n  - 标题: 总体要求\n    内容: ''\n")
        .err()
        .unwrap();
    let text = err.0[0].render();
    assert!(text.contains("`内容` is empty"), "{text}");
    let err = load_text("title: 甲\nparts:\n  - heading: 总体要求\n    text: ''\n")
        .err()
        .unwrap();
    assert!(err.0[0].render().contains("`text` is empty"));
}

#[test]
fn values_may_be_chinese_too() {
    let zh = load_text("标题: 办法\n编号方式: 条文\n正文:\n  - 标题: 总则\n    编号: 否\n    条目:\n      - 为了规范。\n").unwrap();
    let en = load_text("title: 办法\nstyle: articles\nparts:\n  - heading: 总则\n    numbered: false\n    parts:\n      - 为了规范。\n").unwrap();
    assert_eq!(zh, en);
}

#[test]
fn the_reference_second_draft_is_kept_in_chinese_keys() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("drafts/chengdong-urbanization-2021/v2.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\n标题: |") && text.contains("\n正文:") && text.contains("    内容: "));
    let mut zh = gongwen::load::load_draft(&path).unwrap();
    zh.forget_origin();
    let en = load_text(&gongwen::save::to_string(&zh)).unwrap();
    assert_eq!(zh, en);
}

#[test]
fn import_writes_chinese_keys_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("l.yaml");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(["import", "--keys", "zh", "--out"])
        .arg(&out)
        .arg(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/corpus/legislation-law-2023.md"),
        )
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.starts_with("标题: 中华人民共和国立法法\n编号方式: 条文\n前言:"),
        "{}",
        &text[..200]
    );
    let draft = gongwen::load::load_draft(&out).unwrap();
    let articles = gongwen::numbering::number(&draft)
        .walk()
        .iter()
        .filter(|s| s.level == gongwen::model::Level::Article)
        .count();
    assert_eq!(articles, 120);
}

#[test]
fn a_comments_file_may_use_the_columns_of_a_feedback_table() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en.comments.yaml");
    let zh = dir.path().join("zh.comments.yaml");
    std::fs::write(
        &en,
        "comments:\n  - id: 4\n    from: 区教育局\n    received: 2021-09-14\n    on: 二、（一）\n    text: 建议写明数量。\n    disposition: 未采纳\n    reason: 以年度计划为准。\n",
    )
    .unwrap();
    std::fs::write(
        &zh,
        "意见:\n  - 序号: 4\n    提出单位: 区教育局\n    收到日期: 2021-09-14\n    条款: 二、（一）\n    意见内容: 建议写明数量。\n    处理情况: 未采纳\n    理由: 以年度计划为准。\n",
    )
    .unwrap();
    let summary = |path: &std::path::Path| {
        gongwen::load::load_comments(path)
            .unwrap()
            .into_iter()
            .map(|c| {
                let on: Vec<_> = c.on.into_iter().map(|(t, _)| t).collect();
                (
                    c.id,
                    c.from,
                    c.received,
                    on,
                    c.text,
                    c.disposition,
                    c.reason,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(summary(&en), summary(&zh));
    // A missing reason is asked for by its Chinese name.
    std::fs::write(&zh, "意见:\n  - 序号: 4\n    提出单位: 区教育局\n    条款: 二、（一）\n    意见内容: 建议。\n    处理情况: 未采纳\n").unwrap();
    let err = gongwen::load::load_comments(&zh).err().unwrap();
    assert!(
        err.0
            .iter()
            .any(|d| d.render().contains("理由") || d.render().contains("reason")),
        "{:?}",
        err.0
    );
}
