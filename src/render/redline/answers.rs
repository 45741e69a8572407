//! The comments a redline's changes answer: each change to a part (or
//! insertion into it) that a comment on the older draft is about lists that
//! comment, and the summary counts them.

use serde::Serialize;

use super::{RedlineContext, change_key};
use crate::comments::{Resolved, answered_part};

/// A comment as a change lists it: 意见6（东川工业园区管委会，采纳）.
#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    pub id: String,
    pub from: String,
    pub disposition: &'static str,
}

/// A comment and the changes (indices in the change set) that answer it.
#[derive(Debug, Clone, Serialize)]
pub struct CommentLink {
    pub id: String,
    pub from: String,
    pub disposition: &'static str,
    pub changes: Vec<usize>,
}

impl RedlineContext {
    /// Ties the comments on the older draft to the changes that answer them.
    pub fn with_comments(mut self, resolved: &[Resolved]) -> RedlineContext {
        let mut links: Vec<CommentLink> = resolved
            .iter()
            .map(|r| CommentLink {
                id: r.comment.id.clone(),
                from: r.comment.from.clone(),
                disposition: r.comment.disposition.zh(),
                changes: Vec::new(),
            })
            .collect();
        let mut answering = 0;
        for (i, c) in self.changes.changes.iter().enumerate() {
            let Some(part) = answered_part(c) else {
                continue;
            };
            let mut answered = false;
            for (r, link) in resolved.iter().zip(&mut links) {
                if r.places.iter().any(|p| p.anchor.as_deref() == Some(part)) {
                    link.changes.push(i);
                    answered = true;
                    let entry = change_key(c).and_then(|k| self.entry_of.get(&k).copied());
                    if let Some(e) =
                        entry.and_then(|n| self.entries.iter_mut().find(|e| e.number == n))
                    {
                        e.comments.push(Answer {
                            id: r.comment.id.clone(),
                            from: r.comment.from.clone(),
                            disposition: r.comment.disposition.zh(),
                        });
                    }
                }
            }
            answering += usize::from(answered);
        }
        let answered = links.iter().filter(|l| !l.changes.is_empty()).count();
        self.summary.comments = Some(format!(
            "意见{}条，其中{answered}条由本次修改答复（涉及修改{answering}处）",
            links.len()
        ));
        self.comments = links;
        self
    }
}
