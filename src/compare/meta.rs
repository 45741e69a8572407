//! Changes outside the body: metadata fields, and the paragraphs of the
//! preamble and closing.

use super::{Change, ChangeKind, PartRef, Place, inline, meta_fields};
use crate::model::{Meta, Role};

/// Changes in a list of paragraphs (preamble, closing): aligned by a diff of
/// whole paragraphs as written, a deleted and an inserted paragraph side by
/// side paired as a modification and shown as printed.
pub(super) fn paragraph_changes(
    place: Place,
    (old, old_written): (&[String], &[String]),
    (new, new_written): (&[String], &[String]),
) -> Vec<Change> {
    let ops = similar::capture_diff_slices(similar::Algorithm::Patience, old_written, new_written);
    let mut out = Vec::new();
    let para_ref = |text: &str, index: usize| {
        PartRef::text(Role::Paragraph, crate::text::to_plain(text), index)
    };
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal {
            continue;
        }
        let pairs = o.len().min(n.len());
        for k in 0..pairs {
            let (a, b) = (&old[o.start + k], &new[n.start + k]);
            let ops = inline::diff(&crate::text::to_plain(a), &crate::text::to_plain(b));
            let sides = (
                Some(para_ref(a, o.start + k)),
                Some(para_ref(b, n.start + k)),
            );
            out.push(Change::new(ChangeKind::Modified, place, sides.0, sides.1).with_inline(ops));
        }
        for k in pairs..o.len() {
            let side = Some(para_ref(&old[o.start + k], o.start + k));
            out.push(Change::new(ChangeKind::Deleted, place, side, None));
        }
        for k in pairs..n.len() {
            let side = Some(para_ref(&new[n.start + k], n.start + k));
            out.push(Change::new(ChangeKind::Inserted, place, None, side));
        }
    }
    out
}

/// Changes of the metadata fields, each naming its field.
pub(super) fn meta_changes(old: &Meta, new: &Meta) -> Vec<Change> {
    let value_ref = |v: &str| PartRef::text(Role::Meta, v.to_string(), 0);
    meta_fields(old)
        .into_iter()
        .zip(meta_fields(new))
        .filter(|((_, a), (_, b))| a != b)
        .map(|((field, a), (_, b))| {
            let sides = (a.as_deref().map(value_ref), b.as_deref().map(value_ref));
            let change = match (&a, &b) {
                (Some(x), Some(y)) => {
                    Change::new(ChangeKind::Modified, Place::Meta, sides.0, sides.1)
                        .with_inline(inline::diff(x, y))
                }
                (None, Some(_)) => Change::new(ChangeKind::Inserted, Place::Meta, sides.0, sides.1),
                _ => Change::new(ChangeKind::Deleted, Place::Meta, sides.0, sides.1),
            };
            Change {
                field: Some(field),
                ..change
            }
        })
        .collect()
}
