//! A comments file (`v1.comments.yaml`): the comments received on a draft,
//! each checked with its place and a fix, like the draft itself.

use std::collections::HashMap;

use super::{Checker, KeyPlace, SourceFile, TextKey};
use crate::load::node::{Node, Pos, Value};
use crate::model::{Comment, Disposition, Origin, Target};

/// What `on:` may say for the whole text.
const GENERAL: [&str; 5] = ["general", "全文", "总体", "总体意见", "整体"];

/// YAML 1.1 reads a bare `on` as true; as a comment's key it is `on:`. The
/// key's place is found through the file's line starts (CR, LF or CRLF, as
/// the parser counts lines), not by reading the lines before it again for
/// every comment.
fn on_key(file: &SourceFile, key: &Node) -> Node {
    if key.value != Value::Bool(true) {
        return key.clone();
    }
    let written = file
        .lines()
        .offset(&file.text, key.pos.line, key.pos.column)
        .and_then(|at| file.text.get(at..at + 2));
    match written {
        Some(w) if w.eq_ignore_ascii_case("on") => Node {
            value: Value::Str("on".into()),
            pos: key.pos,
        },
        _ => key.clone(),
    }
}

impl Checker {
    /// Checks a comments file: a mapping with `comments:`, a list of comments.
    pub fn comments(&mut self, file: &SourceFile, root: &Node) -> Vec<Comment> {
        let shape = crate::tr!("load-comments-shape");
        let Value::Map(entries) = &root.value else {
            self.error(
                file,
                root.pos,
                crate::tr!("load-comments-not-mapping"),
                &shape,
            );
            return Vec::new();
        };
        let keys = self.keys(file, entries, KeyPlace::CommentsFile);
        let Some(list) = keys.get("comments") else {
            if self.diagnostics.is_empty() {
                self.error(file, root.pos, crate::tr!("load-comments-no-list"), &shape);
            }
            return Vec::new();
        };
        let Value::Seq(items) = &list.value else {
            self.type_error(
                file,
                list,
                "comments",
                &crate::tr!("load-expected-list"),
                &shape,
            );
            return Vec::new();
        };
        let mut seen: HashMap<String, Pos> = HashMap::new();
        let mut out = Vec::new();
        for item in items {
            if let Some(c) = self.comment(file, item, &mut seen) {
                out.push(c);
            }
        }
        out
    }

    fn comment(
        &mut self,
        file: &SourceFile,
        node: &Node,
        seen: &mut HashMap<String, Pos>,
    ) -> Option<Comment> {
        let Value::Map(entries) = &node.value else {
            self.type_error(
                file,
                node,
                "comments",
                &crate::tr!("load-expected-comments"),
                &crate::tr!("load-expected-comments-help"),
            );
            return None;
        };
        let before = self.diagnostics.len();
        let entries: Vec<(Node, Node)> = entries
            .iter()
            .map(|(k, v)| (on_key(file, k), v.clone()))
            .collect();
        let keys = self.keys(file, &entries, KeyPlace::Comment);
        // A missing key is not reported again after "did you mean" named it.
        let required = |checker: &mut Checker, key: &str| -> Option<&Node> {
            let found = keys.get(key).copied();
            if found.is_none() && !checker.suggested.contains(&key) {
                let help = match key {
                    "id" => crate::tr!("load-comment-no-id-help"),
                    "from" => crate::tr!("load-comment-no-from-help"),
                    "on" => crate::tr!("load-comment-no-on-help"),
                    "text" => crate::tr!("load-comment-no-text-help"),
                    _ => crate::tr!("load-comment-no-disposition-help"),
                };
                let shown = checker.shown(&format!("comment.{key}"));
                checker.error(
                    file,
                    node.pos,
                    crate::tr!("load-comment-missing-key", key = shown),
                    &help,
                );
            }
            found
        };
        let id_node = required(self, "id");
        let from_node = required(self, "from");
        let on_node = required(self, "on");
        let text_node = required(self, "text");
        let disposition_node = required(self, "disposition");
        let id = id_node.and_then(|n| match &n.value {
            Value::Int(i) => Some(i.to_string()),
            _ => self.text(file, n, TextKey::Comment("id")),
        });
        if let (Some(id), Some(n)) = (&id, id_node) {
            if let Some(first) = seen.get(id) {
                self.error(
                    file,
                    n.pos,
                    crate::tr!("load-comment-id-twice", id = id, line = first.line),
                    &crate::tr!("load-comment-id-twice-help"),
                );
            } else {
                seen.insert(id.clone(), n.pos);
            }
        }
        let from = from_node.and_then(|n| self.text(file, n, TextKey::Comment("from")));
        let text = text_node.and_then(|n| self.text(file, n, TextKey::Comment("text")));
        let received = keys
            .get("received")
            .and_then(|n| self.date(file, n, TextKey::Comment("received")));
        let on = on_node.map(|n| self.targets(file, n)).unwrap_or_default();
        let disposition = disposition_node.and_then(|n| self.disposition(file, n));
        let reason = keys
            .get("reason")
            .and_then(|n| self.text(file, n, TextKey::Comment("reason")));
        let note = keys
            .get("note")
            .and_then(|n| self.text(file, n, TextKey::Comment("note")));
        let quote = keys
            .get("quote")
            .and_then(|n| self.text(file, n, TextKey::Comment("quote")));
        if let Some(d) = disposition
            && d.needs_reason()
            && reason.is_none()
            && !keys.contains_key("reason")
        {
            self.error(
                file,
                disposition_node.map_or(node.pos, |n| n.pos),
                crate::tr!(
                    "load-comment-no-reason",
                    disposition = d.zh(),
                    reason = self.shown("comment.reason")
                ),
                &crate::tr!("load-comment-no-reason-help"),
            );
        }
        if self.diagnostics.len() > before {
            return None;
        }
        Some(Comment {
            id: id?,
            from: from?,
            received,
            on,
            quote,
            text: text?,
            disposition: disposition?,
            reason,
            note,
            origin: file.origin(node.pos),
        })
    }

    /// `on:`: one target or a list of them.
    fn targets(&mut self, file: &SourceFile, node: &Node) -> Vec<(Target, Origin)> {
        let mut out = Vec::new();
        for item in super::scalars::one_or_list(node) {
            let text = match &item.value {
                Value::Int(i) => Some(i.to_string()),
                _ => self.text(file, item, TextKey::Comment("on")),
            };
            let Some(text) = text else { continue };
            let text: String = text.split_whitespace().collect();
            let target = if GENERAL.contains(&text.to_lowercase().as_str()) {
                Target::General
            } else {
                Target::Part(text)
            };
            let origin = file.origin(item.pos);
            out.push((target, origin));
        }
        if out.is_empty() && matches!(node.value, Value::Seq(_)) {
            self.error(
                file,
                node.pos,
                crate::tr!("load-comment-on-empty", on = self.shown("comment.on")),
                &crate::tr!("load-comment-on-empty-help"),
            );
        }
        out
    }

    fn disposition(&mut self, file: &SourceFile, node: &Node) -> Option<Disposition> {
        let text = self.text(file, node, TextKey::Comment("disposition"))?;
        let d = Disposition::parse(&text);
        if d.is_none() {
            let names: Vec<&str> = Disposition::ALL.iter().map(|d| d.zh()).collect();
            self.error(
                file,
                node.pos,
                crate::tr!("load-bad-disposition", text = &text),
                &crate::tr!(
                    "load-bad-disposition-help",
                    names = names.join(&crate::tr!("load-list-separator"))
                ),
            );
        }
        d
    }
}
