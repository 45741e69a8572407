//! A reviewed Word file: the comments (批注) reviewers left in it, each with
//! the passage it is anchored to and the paragraph that passage starts in;
//! the tracked changes (修订) they made, each author's in a paragraph as one
//! proposed edit written as an office writes one; and the file's paragraphs
//! in reading order (table cells included), each with the part id of a
//! gongwen bookmark it holds. Which part of a draft a
//! paragraph is, is the caller's to find (`project::review`).

use std::collections::HashMap;
use std::path::Path;

use roxmltree::Node;

use super::package::Package;
use super::{Refusal, attr, is_w, part_id, revision, with_body};
use crate::diagnostic::Diagnostic;
use crate::model::Date;

mod proposals;

/// Word 2010's namespace, of the paragraph ids replies are linked by.
const W14: &str = "http://schemas.microsoft.com/office/word/2010/wordml";
/// Word 2013's namespace, of the links from replies to their comments.
const W15: &str = "http://schemas.microsoft.com/office/word/2012/wordml";

/// A paragraph of the reviewed file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Paragraph {
    /// Its text as it stood before the reviewer's tracked changes: deleted
    /// text kept, inserted text left out.
    pub text: String,
    /// The part id of a gongwen bookmark (`_gw_…`) in it.
    pub part_id: Option<String>,
    /// Its text in order, as kept, deleted or inserted text.
    segments: Vec<Segment>,
    /// Who deleted its paragraph mark, running it on into the next, if anyone did.
    joined: Option<Change>,
}

/// A stretch of a paragraph's text and what a tracked change did to it.
#[derive(Debug, Clone, PartialEq)]
struct Segment {
    text: String,
    /// Who deleted or inserted it, and when; none for text kept.
    change: Option<Change>,
}

#[derive(Debug, Clone, PartialEq)]
struct Change {
    inserted: bool,
    author: String,
    date: Option<Date>,
    /// For moved text, the name Word gives the move: its two ends share it.
    moved: Option<String>,
}

/// A comment and the replies to it.
#[derive(Debug, Clone, PartialEq)]
pub struct WordComment {
    pub author: String,
    pub date: Option<Date>,
    /// Its paragraphs, a line each.
    pub text: String,
    /// The replies, in order: who, and what.
    pub replies: Vec<(String, String)>,
    /// The text it is anchored to (as it stood before tracked changes);
    /// empty for a comment on a point.
    pub quote: String,
    /// The paragraph its anchor starts in, by index into
    /// [`Review::paragraphs`].
    pub paragraph: usize,
}

/// What a reviewed file holds for the consultation.
#[derive(Debug, Clone, Default)]
pub struct Review {
    pub paragraphs: Vec<Paragraph>,
    /// The comments, and each author's tracked changes in a paragraph as
    /// one proposed edit (建议将“A”修改为“B”), in the order of the text.
    pub comments: Vec<WordComment>,
    /// Comments the text points to nowhere, by their authors: no word
    /// processor shows them, and they are not read.
    pub unanchored: Vec<String>,
}

/// Reads the comments and paragraphs of a .docx package.
/// The most comments one reviewed file may hold. A unit's answer to a
/// consultation holds dozens; ten thousand is a file made to flood the
/// comments file, which would hold more than a draft's files may.
const MAX_COMMENTS: usize = 10_000;

pub fn read(path: &Path, bytes: &[u8]) -> Result<Review, Diagnostic> {
    read_package(bytes).map_err(|r| r.diagnostic(path))
}

fn read_package(bytes: &[u8]) -> Result<Review, Refusal> {
    let mut package = Package::open(bytes)?;
    let (main, related) = package.main()?;
    let mut comments: Vec<(String, Comment)> = Vec::new();
    if let Some(name) = &related.comments
        && let Some(xml) = package.read(name)?
    {
        comments = read_comments(&package.parse(name, &xml)?);
        if comments.len() > MAX_COMMENTS {
            return Err(Refusal::too_much(crate::tr!(
                "import-review-too-many-comments",
                count = comments.len(),
                max = MAX_COMMENTS
            )));
        }
    }
    // Replies: a comment whose last paragraph's id has a parent's.
    let mut parent_of: HashMap<String, String> = HashMap::new();
    if let Some(name) = &related.comments_extended
        && let Some(xml) = package.read(name)?
    {
        let doc = package.parse(name, &xml)?;
        for ex in doc
            .descendants()
            .filter(|n| n.has_tag_name((W15, "commentEx")))
        {
            if let (Some(own), Some(parent)) = (
                ex.attribute((W15, "paraId")),
                ex.attribute((W15, "paraIdParent")),
            ) {
                parent_of.insert(own.to_string(), parent.to_string());
            }
        }
    }
    let anchors = with_body(&mut package, &main, walk)?;
    let mut review = Review {
        paragraphs: anchors.paragraphs,
        comments: Vec::new(),
        unanchored: Vec::new(),
    };
    let by_para_id: HashMap<&str, &str> = comments
        .iter()
        .filter_map(|(id, c)| Some((c.para_id.as_deref()?, id.as_str())))
        .collect();
    let reply_to = |c: &Comment| -> Option<String> {
        let parent = parent_of.get(c.para_id.as_deref()?)?;
        by_para_id.get(parent.as_str()).map(|id| id.to_string())
    };
    // Each reply's comment: as Word 2013 and later link them, or, in a file
    // without the links (LibreOffice saves none), the first comment on the
    // same passage, by date.
    let mut parent: HashMap<String, String> = HashMap::new();
    if related.comments_extended.is_some() {
        for (id, c) in &comments {
            if let Some(p) = reply_to(c) {
                parent.insert(id.clone(), p);
            }
        }
    } else {
        let mut threads: HashMap<(usize, &str), Vec<(Rank, &str)>> = HashMap::new();
        for (order, (id, c)) in comments.iter().enumerate() {
            if let Some((paragraph, quote)) = anchors.ranges.get(id.as_str())
                && !quote.trim().is_empty()
            {
                threads
                    .entry((*paragraph, quote.as_str()))
                    .or_default()
                    .push(((c.date, order), id.as_str()));
            }
        }
        for mut thread in threads.into_values() {
            thread.sort();
            for (_, id) in &thread[1..] {
                parent.insert(id.to_string(), thread[0].1.to_string());
            }
        }
    }
    let mut replies: HashMap<String, Vec<(Rank, &Comment)>> = HashMap::new();
    for (order, (id, c)) in comments.iter().enumerate() {
        if let Some(p) = parent.get(id) {
            replies
                .entry(p.clone())
                .or_default()
                .push(((c.date, order), c));
        }
    }
    let mut placed: Vec<(usize, usize, WordComment)> = Vec::new();
    for (order, (id, c)) in comments.iter().enumerate() {
        if parent.contains_key(id) {
            continue;
        }
        // A comment the text does not point to is shown by no word
        // processor; it is left out, and counted.
        let Some((paragraph, quote)) = anchors.ranges.get(id.as_str()) else {
            review.unanchored.push(c.author.clone());
            continue;
        };
        placed.push((
            *paragraph,
            order,
            WordComment {
                author: c.author.clone(),
                date: c.date,
                text: c.text.clone(),
                replies: {
                    let mut thread = replies.remove(id).unwrap_or_default();
                    thread.sort_by_key(|(rank, _)| *rank);
                    thread
                        .into_iter()
                        .map(|(_, r)| (r.author.clone(), r.text.clone()))
                        .collect()
                },
                quote: quote.trim().to_string(),
                paragraph: *paragraph,
            },
        ));
    }
    // Each author's tracked changes in a paragraph, as one proposed edit,
    // after the paragraph's comments.
    // Where each moved passage went, said as a proposal says it.
    let destinations: HashMap<String, String> = review
        .paragraphs
        .iter()
        .flat_map(Paragraph::destinations)
        .collect();
    for (i, p) in review.paragraphs.iter().enumerate() {
        let mut proposals = p.proposals(&destinations);
        if let Some(joined) = &p.joined {
            let next = review.paragraphs.get(i + 1).map_or("", |n| n.text.as_str());
            proposals::add_join(&mut proposals, joined, &p.text, next);
        }
        for (change, proposal) in proposals {
            placed.push((
                i,
                usize::MAX,
                WordComment {
                    author: change.author,
                    date: change.date,
                    text: proposal,
                    replies: Vec::new(),
                    quote: String::new(),
                    paragraph: i,
                },
            ));
        }
    }
    placed.sort_by_key(|(paragraph, order, _)| (*paragraph, *order));
    review.comments = placed.into_iter().map(|(_, _, c)| c).collect();
    Ok(review)
}

/// Where a comment stands among the comments on its passage: its date,
/// then its place in the file.
type Rank = (Option<Date>, usize);

/// A comment as `comments.xml` has it.
struct Comment {
    author: String,
    date: Option<Date>,
    text: String,
    /// The `w14:paraId` of its last paragraph, which replies point to.
    para_id: Option<String>,
}

fn read_comments(doc: &roxmltree::Document) -> Vec<(String, Comment)> {
    doc.descendants()
        .filter(|n| is_w(n, "comment"))
        .filter_map(|n| {
            let id = attr(&n, "id")?.to_string();
            let paragraphs: Vec<Node> = n.descendants().filter(|p| is_w(p, "p")).collect();
            let text = paragraphs
                .iter()
                .map(|p| text_of(*p).trim().to_string())
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join("\n");
            let para_id = paragraphs
                .last()
                .and_then(|p| p.attribute((W14, "paraId")))
                .map(str::to_string);
            Some((
                id,
                Comment {
                    author: attr(&n, "author").unwrap_or("").trim().to_string(),
                    date: day_of(n),
                    text,
                    para_id,
                },
            ))
        })
        .collect()
}

/// The text of an element as it stood before tracked changes.
fn text_of(node: Node) -> String {
    let mut out = String::new();
    for n in node.descendants() {
        if let Some(t) = original_text(n) {
            out.push_str(t);
        }
    }
    out
}

/// The text a node adds to the original (the text before tracked
/// changes): `w:t` outside an insertion, `w:delText`; a tab or a break as a
/// space.
fn original_text<'a>(n: Node<'a, '_>) -> Option<&'a str> {
    if is_w(&n, "delText") {
        return n.text();
    }
    if is_w(&n, "tab") || is_w(&n, "br") {
        return Some(" ");
    }
    if !is_w(&n, "t") {
        return None;
    }
    let inserted = n.ancestors().any(|a| revision(&a) == Some(true));
    if inserted { None } else { n.text() }
}

/// The day a comment or a tracked change was made: `w:date`
/// (`2021-09-13T10:30:00Z`) without its time.
fn day_of(n: Node) -> Option<Date> {
    attr(&n, "date").and_then(|d| Date::parse(d.get(..10)?))
}

/// The tracked change a text node is inside, if any: `w:ins`/`w:moveTo`
/// inserted, `w:del`/`w:moveFrom` deleted.
fn change_of(n: Node, moves: &[(String, String, bool)]) -> Option<Change> {
    let (mark, inserted) = n
        .ancestors()
        .find_map(|a| revision(&a).map(|inserted| (a, inserted)))?;
    let moved = (is_w(&mark, "moveTo") || is_w(&mark, "moveFrom"))
        .then(|| {
            moves
                .iter()
                .rev()
                .find(|(_, _, to)| *to == inserted)
                .map(|(_, name, _)| name.clone())
        })
        .flatten();
    Some(Change {
        inserted,
        author: attr(&mark, "author").unwrap_or("").trim().to_string(),
        date: day_of(mark),
        moved,
    })
}

/// The body's paragraphs, and where each comment's range starts and what
/// text it spans.
struct Anchors {
    paragraphs: Vec<Paragraph>,
    /// By comment id: the paragraph its range starts in, and its text.
    ranges: HashMap<String, (usize, String)>,
}

fn walk(body: Node) -> Anchors {
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut ranges: HashMap<String, (usize, String)> = HashMap::new();
    let mut open: Vec<String> = Vec::new();
    // Moves whose range has begun and not ended: id, name, and whether it
    // is where the text went.
    let mut moves: Vec<(String, String, bool)> = Vec::new();
    for n in body.descendants() {
        // A paragraph in a text box inside a paragraph reads as part of it.
        if is_w(&n, "p") && !n.ancestors().skip(1).any(|a| is_w(&a, "p")) {
            paragraphs.push(Paragraph::default());
            continue;
        }
        // The paragraph's own mark deleted (`w:pPr/w:rPr/w:del`): it runs
        // on into the next.
        if is_w(&n, "del")
            && n.parent()
                .is_some_and(|r| is_w(&r, "rPr") && r.parent().is_some_and(|p| is_w(&p, "pPr")))
        {
            if let Some(p) = paragraphs.last_mut() {
                p.joined = Some(Change {
                    inserted: false,
                    author: attr(&n, "author").unwrap_or("").trim().to_string(),
                    date: day_of(n),
                    moved: None,
                });
            }
            continue;
        }
        // A range may start between paragraphs: it starts in the next one.
        let here = paragraphs.len().saturating_sub(1);
        let next = paragraphs.len();
        if is_w(&n, "commentRangeStart") {
            if let Some(id) = attr(&n, "id") {
                let starts = if n.ancestors().any(|a| is_w(&a, "p")) {
                    here
                } else {
                    next
                };
                ranges.insert(id.to_string(), (starts, String::new()));
                open.push(id.to_string());
            }
        } else if is_w(&n, "commentRangeEnd") {
            if let Some(id) = attr(&n, "id") {
                open.retain(|o| o != id);
            }
        } else if is_w(&n, "commentReference") {
            // A comment on a point, without a range.
            if let Some(id) = attr(&n, "id") {
                ranges
                    .entry(id.to_string())
                    .or_insert_with(|| (here, String::new()));
            }
        } else if is_w(&n, "bookmarkStart") {
            if let Some(id) = attr(&n, "name").and_then(part_id)
                && let Some(p) = paragraphs.last_mut()
            {
                p.part_id.get_or_insert(id);
            }
        } else if is_w(&n, "moveFromRangeStart") || is_w(&n, "moveToRangeStart") {
            if let (Some(id), Some(name)) = (attr(&n, "id"), attr(&n, "name")) {
                let to = is_w(&n, "moveToRangeStart");
                moves.push((id.to_string(), name.to_string(), to));
            }
        } else if is_w(&n, "moveFromRangeEnd") || is_w(&n, "moveToRangeEnd") {
            if let Some(id) = attr(&n, "id") {
                moves.retain(|(open, _, _)| open != id);
            }
        } else if is_w(&n, "t")
            && let Some(change) = change_of(n, &moves).filter(|c| c.inserted)
        {
            if let Some(p) = paragraphs.last_mut() {
                p.push(n.text().unwrap_or(""), Some(change));
            }
        } else if let Some(text) = original_text(n) {
            if let Some(p) = paragraphs.last_mut() {
                p.text.push_str(text);
                p.push(text, change_of(n, &moves));
            }
            for id in &open {
                if let Some((_, quote)) = ranges.get_mut(id) {
                    quote.push_str(text);
                }
            }
        }
    }
    Anchors { paragraphs, ranges }
}

impl Paragraph {
    /// Adds text to the paragraph's segments, joined to the last one where
    /// the same change (or none) made both.
    fn push(&mut self, text: &str, change: Option<Change>) {
        match self.segments.last_mut() {
            Some(last) if last.change == change => last.text.push_str(text),
            _ => self.segments.push(Segment {
                text: text.to_string(),
                change,
            }),
        }
    }
}
