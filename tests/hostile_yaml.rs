//! Issue 23, "Safe with what others send" — the YAML loader's messages for a
//! hostile draft (finding 22): each in the author's terms with the fix, never
//! the parser's own names for its limits and options.

use std::path::Path;

use crate::common::bounded;

/// `check` on one draft file holding `yaml`, under the bounds for bombs;
/// returns the message, which must be a refusal (exit 1) naming the file.
fn refused(name: &str, yaml: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), yaml).unwrap();
    let run = bounded::gongwen(dir.path(), &["check", name]);
    let stderr = run.refused_with(1).to_string();
    assert!(stderr.contains(&format!("error: {name}:")), "{stderr}");
    for jargon in [
        "budget",
        "Budget",
        "recursion limit",
        "ignore_binary_tag_for_string",
        "Options",
        "check the indentation",
    ] {
        assert!(!stderr.contains(jargon), "`{jargon}` in: {stderr}");
    }
    stderr
}

fn billion_laughs() -> String {
    let mut yaml = String::from(
        "title: 甲\na0: &a0 [\"哈\", \"哈\", \"哈\", \"哈\", \"哈\", \"哈\", \"哈\", \"哈\", \"哈\"]\n",
    );
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        yaml.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    yaml.push_str("parts:\n  - 第一段。\n");
    yaml
}

#[test]
fn finding_22_billion_laughs_is_named_as_aliases_with_the_fix() {
    let stderr = refused("laughs.yaml", &billion_laughs());
    assert!(stderr.contains("aliases (`*name`)"), "{stderr}");
    assert!(
        stderr.contains("help: a draft needs no anchors"),
        "{stderr}"
    );
}

#[test]
fn finding_22_five_thousand_nested_flow_lists_are_named_as_nesting() {
    let yaml = format!(
        "title: 甲\nparts: {}{}\n",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let stderr = refused("nested.yaml", &yaml);
    assert!(stderr.contains("nested too deeply"), "{stderr}");
    assert!(stderr.contains("close the brackets"), "{stderr}");
    // The place is on the line of the brackets.
    assert!(stderr.contains("nested.yaml:2:"), "{stderr}");
}

#[test]
fn finding_22_deep_block_nesting_gets_the_same_message() {
    let mut yaml = String::from("title: 甲\nparts:\n");
    for level in 1..80 {
        yaml.push_str(&"  ".repeat(level));
        yaml.push_str("- parts:\n");
    }
    let stderr = refused("deep.yaml", &yaml);
    assert!(stderr.contains("nested too deeply"), "{stderr}");
    assert!(!stderr.contains("split the draft"), "{stderr}");
}

#[test]
fn finding_22_binary_tag_that_is_not_text_says_to_remove_the_tag() {
    let stderr = refused(
        "binary.yaml",
        "title: !!binary \"/w==\"\nparts:\n  - 第一段。\n",
    );
    assert!(stderr.contains("binary.yaml:1:"), "{stderr}");
    assert!(
        stderr.contains("help: remove the `!!binary` tag and write the text itself"),
        "{stderr}"
    );
    let stderr = refused(
        "base64.yaml",
        "title: !!binary \"不是base64\"\nparts:\n  - 第一段。\n",
    );
    assert!(stderr.contains("`!!binary`"), "{stderr}");
}

/// A folder draft `v1/` whose one part is the file `01.yaml` (not written).
fn folder_draft() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("v1");
    std::fs::create_dir(&draft).unwrap();
    std::fs::write(
        draft.join("draft.yaml"),
        "title: 甲\nparts:\n  - include: 01.yaml\n",
    )
    .unwrap();
    (dir, draft)
}

#[test]
fn finding_22_a_draft_folder_part_with_laughs_names_the_part_file() {
    let (dir, draft) = folder_draft();
    let part = billion_laughs()
        .replace("title: 甲\n", "")
        .replace("parts:\n  - 第一段。\n", "text: 正文。\n");
    std::fs::write(draft.join("01.yaml"), part).unwrap();
    let run = bounded::gongwen(dir.path(), &["check", "v1"]);
    let stderr = run.refused_with(1);
    assert!(
        stderr.contains(&format!("{}:", Path::new("v1").join("01.yaml").display())),
        "{stderr}"
    );
    assert!(stderr.contains("aliases (`*name`)"), "{stderr}");
}

#[test]
fn finding_22_an_empty_comments_or_part_file_is_told_what_it_should_hold() {
    let (dir, draft) = folder_draft();
    std::fs::write(draft.join("01.yaml"), "\n").unwrap();
    std::fs::write(dir.path().join("v1.comments.yaml"), "").unwrap();
    let run = bounded::gongwen(dir.path(), &["check", "v1"]);
    let stderr = run.refused_with(1);
    assert!(
        stderr.contains("help: a part file holds a part"),
        "{stderr}"
    );
    assert!(!stderr.contains("a draft starts with `title:"), "{stderr}");
    std::fs::write(draft.join("01.yaml"), "heading: 总则\ntext: 正文。\n").unwrap();
    let run = bounded::gongwen(dir.path(), &["check", "v1"]);
    let stderr = run.refused_with(1);
    assert!(
        stderr.contains("help: delete the file, or write what it holds: a comments file"),
        "{stderr}"
    );
}
