//! The pages the preview answers with. What a request needs of the drafts
//! is taken under the lock ([`Snapshot`]) and rendered after it is let go,
//! so a long layout or a PDF does not hold up the other requests or the
//! next refresh.
//!
//! A version of a draft is laid out once, whoever asks: a request that
//! finds its layout under way waits for it. A long draft laid out for the
//! first time shows its beginning at once (its first pages, laid out alone)
//! while the whole is laid out behind it; the page is told when the whole
//! is ready, as of a change, and swaps it in.

use std::sync::Arc;

use typst_layout::PagedDocument;

use super::http::Reply;
use super::pages::{self, Sheet, Sheets, Tab};
use super::state::key;
use super::{Laying, Of, Paged, Preview, as_new, keep_within_budget, make_room};
use crate::diagnostic::Diagnostic;
use crate::load::draft_name;
use crate::numbering::Document;
use crate::project::DraftEntry;
use crate::project::redline::{Comments, Options, Redline, Side};
use crate::render::context::BlockKind;
use crate::render::{Format, RenderContext, Renderer, View};
use crate::tr;

type Loaded = Result<Arc<Document>, Arc<[Diagnostic]>>;

/// About how many characters of a draft's body its beginning holds: some
/// twenty pages.
const BEGINNING_CHARS: usize = 12_000;

/// A draft's pages as a request gets them.
enum Pages {
    /// All of them, with the stamp of their layout.
    Whole(u64, Result<Arc<PagedDocument>, Vec<Diagnostic>>),
    /// The first `.2` of these, while the rest are laid out.
    Beginning(u64, Arc<PagedDocument>, usize),
}

/// What a request needs of a draft's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    /// To show them: the beginning will do while the rest are laid out.
    View,
    /// Page n (from 1).
    Page(usize),
}

/// The key under which the news says a draft's pages are all laid out (a
/// key of a draft never starts with `/`).
fn laid_out_key(key: &str) -> String {
    format!("/{key}")
}

/// What a request needs of one draft, as of one moment.
#[derive(Clone)]
struct Snapshot {
    key: String,
    entry: DraftEntry,
    result: Loaded,
    version: u64,
    previous: Option<(DraftEntry, Loaded)>,
    renderer: Result<Arc<Renderer>, Diagnostic>,
    renderer_round: u64,
    /// The round of news the page is as of (a page listening from it misses nothing).
    round: u64,
}

impl Snapshot {
    fn title(&self) -> String {
        match &self.result {
            Ok(doc) => doc.meta.title.replace('\n', ""),
            Err(_) => draft_name(&self.entry.path),
        }
    }
}

impl Preview {
    /// The draft with this key, as it is now.
    fn snapshot(&self, wanted: &str) -> Option<Snapshot> {
        // Read before the drafts: a change after this is news to the page.
        let round = self.news().round;
        let live = self.live();
        let (entry, loaded) = live.drafts.find(wanted)?;
        let previous = live
            .drafts
            .previous(entry)
            .map(|(e, l)| (e.clone(), l.result.clone()));
        Some(Snapshot {
            key: wanted.to_string(),
            entry: entry.clone(),
            result: loaded.result.clone(),
            version: loaded.version,
            previous,
            renderer: live.renderer.clone(),
            renderer_round: live.renderer_round,
            round,
        })
    }

    /// The index of documents and drafts.
    pub fn index(&self) -> Reply {
        let round = self.news().round;
        let live = self.live();
        let rows: Vec<_> = live
            .drafts
            .entries
            .iter()
            .map(|e| {
                let (title, problems) = match live.drafts.loaded(e).map(|l| &l.result) {
                    Some(Ok(doc)) => (doc.meta.title.replace('\n', ""), None),
                    Some(Err(d)) => (String::new(), Some(d.len())),
                    None => (String::new(), Some(0)),
                };
                (key(e), title, live.drafts.previous(e).is_some(), problems)
            })
            .collect();
        let meta = pages::watch_meta(&["*"], round);
        Reply::html(
            200,
            pages::index(&meta, &rows, live.drafts.listing.as_ref()),
        )
    }

    /// A view of a draft as a page: its HTML, its pages, both side by side,
    /// or its redline against the draft before it.
    pub fn page(self: &Arc<Self>, tab: Tab, wanted: &str, bare: bool) -> Reply {
        let Some(snap) = self.snapshot(wanted) else {
            return unknown(wanted);
        };
        let title = snap.title();
        let bar = pages::bar(wanted, &title, tab, snap.previous.is_some());
        let before = snap.previous.as_ref().map(|(e, _)| key(e));
        let mut keys = vec![wanted];
        if tab == Tab::Redline {
            keys.extend(before.as_deref());
        }
        let meta = pages::watch_meta(&keys, snap.round);
        // The side-by-side page is always the two panes, each showing
        // problems of its own; on a change it swaps in only its bar.
        let split = || Reply::html(200, pages::split(&bar, &meta, wanted, &title));
        if tab == Tab::Split {
            return split();
        }
        // Inside the side-by-side view's panes, no bar of their own.
        let shown_bar = if bare { "" } else { bar.as_str() };
        let problems = |heading: &str, problems: &[Diagnostic]| {
            Reply::html(200, pages::problems(shown_bar, &meta, heading, problems))
        };
        let renderer = match &snap.renderer {
            Ok(r) => r,
            Err(d) => return problems(&tr!("preview-template-problems"), std::slice::from_ref(d)),
        };
        let doc = match &snap.result {
            Ok(doc) => doc,
            Err(found) => {
                let heading = tr!(
                    "preview-draft-problems",
                    path = snap.entry.path.display().to_string(),
                    count = found.len()
                );
                return problems(&heading, found);
            }
        };
        let page = |bytes: &[u8]| {
            let html = String::from_utf8_lossy(bytes);
            Reply::html(200, pages::around(&html, &bar, &meta, bare))
        };
        match tab {
            Tab::Html => {
                let ctx = RenderContext::new(doc);
                match renderer.render(Format::Html, View::Draft(&ctx)) {
                    Ok(r) => page(&r.bytes),
                    Err(d) => problems(&tr!("preview-html-template-problems"), &[d]),
                }
            }
            Tab::Split => split(),
            Tab::Paged => {
                let sheets = |document: &PagedDocument, shown: usize| -> Vec<Sheet> {
                    document
                        .pages()
                        .iter()
                        .take(shown)
                        .map(|p| Sheet {
                            width_pt: p.frame.width().to_pt(),
                            height_pt: p.frame.height().to_pt(),
                            printed: p.number,
                        })
                        .collect()
                };
                match self.pages(&snap, Need::View) {
                    Pages::Whole(stamp, Ok(document)) => {
                        let laid = Sheets {
                            sheets: sheets(&document, usize::MAX),
                            stamp,
                            more: false,
                        };
                        let html = pages::paged(&bar, &meta, wanted, &title, &laid, bare);
                        Reply::html(200, html)
                    }
                    Pages::Whole(_, Err(found)) => {
                        problems(&tr!("preview-layout-problems"), &found)
                    }
                    Pages::Beginning(stamp, document, shown) => {
                        // The page is told when the rest is laid out.
                        let rest = laid_out_key(wanted);
                        let meta = pages::watch_meta(&[wanted, &rest], snap.round);
                        let laid = Sheets {
                            sheets: sheets(&document, shown),
                            stamp,
                            more: true,
                        };
                        let html = pages::paged(&bar, &meta, wanted, &title, &laid, bare);
                        Reply::html(200, html)
                    }
                }
            }
            Tab::Redline => {
                let Some((before, old)) = &snap.previous else {
                    return Reply::refused(404, &tr!("preview-first-draft", key = wanted));
                };
                let old = match old {
                    Ok(old) => old,
                    Err(found) => {
                        let heading = tr!(
                            "preview-previous-problems",
                            path = before.path.display().to_string(),
                            count = found.len()
                        );
                        return problems(&heading, found);
                    }
                };
                let old = Side::new(&before.path, old);
                // The comments on the older draft, by the changes that answer
                // them; a comments file with problems is shown without them,
                // its problems above the redline.
                let comments = Comments::of(&old);
                let redline =
                    Redline::new(old, Side::new(&snap.entry.path, doc), comments.resolved());
                let notice = pages::notice(&tr!("preview-comments-problems"), &comments.problems);
                let page = |bytes: &[u8]| {
                    let html = String::from_utf8_lossy(bytes);
                    Reply::html(
                        200,
                        pages::around(&html, &format!("{bar}{notice}"), &meta, bare),
                    )
                };
                match redline.render(renderer, Format::Html, &Options::default()) {
                    Ok(r) => page(&r.bytes),
                    Err(d) => problems(&tr!("preview-redline-template-problems"), &[d]),
                }
            }
        }
    }

    /// Page `n` (from 1) of a draft, as SVG.
    pub fn page_svg(self: &Arc<Self>, wanted: &str, n: usize) -> Reply {
        let Some(snap) = self.snapshot(wanted) else {
            return unknown(wanted);
        };
        let document = match self.pages(&snap, Need::Page(n)) {
            Pages::Whole(_, Ok(document)) | Pages::Beginning(_, document, _) => document,
            Pages::Whole(_, Err(_)) => {
                return Reply::refused(409, &tr!("preview-no-layout", key = wanted));
            }
        };
        match n
            .checked_sub(1)
            .and_then(|i| crate::render::pdf::page_svg(&document, i))
        {
            Some(svg) => Reply::svg(svg.into_bytes()),
            None => Reply::refused(404, &tr!("preview-no-page", key = wanted, page = n)),
        }
    }

    /// A draft's PDF.
    pub fn pdf(&self, wanted: &str) -> Reply {
        let Some(snap) = self.snapshot(wanted) else {
            return unknown(wanted);
        };
        let (Ok(renderer), Ok(doc)) = (&snap.renderer, &snap.result) else {
            return Reply::refused(409, &tr!("preview-no-pdf", key = wanted));
        };
        let ctx = RenderContext::new(doc);
        let rendered = renderer.render(Format::Pdf, View::Draft(&ctx));
        // Typst keeps no more than this compile used.
        crate::render::pdf::Worlds::forget_unused(1);
        match rendered {
            Ok(r) => Reply::pdf(r.bytes),
            Err(d) => Reply::refused(409, &d.render()),
        }
    }

    /// A draft's pages, laid out again only if the draft or the renderer
    /// changed, and once whoever asks; the layout runs without holding the
    /// drafts. The first time a long draft is shown, its beginning comes
    /// back at once and the whole is laid out behind it.
    fn pages(self: &Arc<Self>, snap: &Snapshot, need: Need) -> Pages {
        let of: Of = (snap.version, snap.renderer_round);
        let laying_key = (snap.key.clone(), of);
        let mut live = self.live();
        loop {
            live.used += 1;
            let used = live.used;
            if let Some(p) = live.paged.get_mut(&snap.key).filter(|p| as_new(p.of, of)) {
                p.used = used;
                return Pages::Whole(p.stamp, p.result.clone());
            }
            let Some(laying) = live.laying.get(&laying_key) else {
                break;
            };
            if let Some((stamp, document, shown)) = &laying.beginning
                && match need {
                    Need::View => true,
                    Need::Page(n) => n <= *shown,
                }
            {
                return Pages::Beginning(*stamp, Arc::clone(document), *shown);
            }
            live = self
                .laid
                .wait_while(live, |l| l.laying.contains_key(&laying_key))
                .unwrap_or_else(|p| p.into_inner());
        }
        // No one lays this version out: this request does.
        let first_time = need == Need::View && !live.paged.contains_key(&snap.key);
        live.laying.insert(laying_key.clone(), Laying::default());
        // Another draft than the last: what was kept for the others makes
        // room, and typst's memory of their layouts goes with their pages.
        let another = live.last_laid.as_ref() != Some(&snap.key);
        let forget = another && make_room(&mut live.paged, &snap.key);
        live.last_laid = Some(snap.key.clone());
        drop(live);
        if forget {
            crate::render::pdf::Worlds::forget_unused(0);
        }
        let laying = Finishing {
            preview: Arc::clone(self),
            key: laying_key,
        };
        if first_time && let Some(Ok(begun)) = layout_beginning(snap) {
            // The last of the beginning's pages may end otherwise in the whole.
            let shown = begun.pages().len().saturating_sub(1);
            if shown > 0 {
                let mut live = self.live();
                live.stamp += 1;
                let stamp = live.stamp;
                if let Some(l) = live.laying.get_mut(&laying.key) {
                    l.beginning = Some((stamp, Arc::clone(&begun), shown));
                }
                drop(live);
                self.laid.notify_all();
                let snap = snap.clone();
                std::thread::spawn(move || {
                    let whole = layout(&snap);
                    laying.done(whole);
                    laying.preview.publish(vec![laid_out_key(&laying.key.0)]);
                });
                return Pages::Beginning(stamp, begun, shown);
            }
        }
        let whole = layout(snap);
        let stamp = laying.done(whole.clone());
        Pages::Whole(stamp, whole)
    }
}

/// A layout under way, ended when dropped (if [`Finishing::done`] was not
/// reached, as when typst panicked), so no request waits for it for ever.
struct Finishing {
    preview: Arc<Preview>,
    key: (String, Of),
}

impl Finishing {
    /// Keeps the pages laid out (unless pages of a newer version are kept
    /// already), lets typst forget what this layout did not use, and tells
    /// the requests waiting. Returns the pages' stamp.
    fn done(&self, result: Result<Arc<PagedDocument>, Vec<Diagnostic>>) -> u64 {
        let mut live = self.preview.live();
        live.stamp += 1;
        live.used += 1;
        let (stamp, used) = (live.stamp, live.used);
        let (key, of) = &self.key;
        if live
            .paged
            .get(key)
            .is_none_or(|p| !as_new(p.of, *of) || p.of == *of)
        {
            let paged = Paged {
                of: *of,
                stamp,
                used,
                result,
            };
            live.paged.insert(key.clone(), paged);
        }
        keep_within_budget(&mut live.paged);
        live.laying.remove(&self.key);
        drop(live);
        self.preview.laid.notify_all();
        // What typst remembers is what this layout used, and no more: the
        // next edit of this draft lays out again only what it touched.
        crate::render::pdf::Worlds::forget_unused(1);
        stamp
    }
}

impl Drop for Finishing {
    fn drop(&mut self) {
        let mut live = self.preview.live();
        if live.laying.remove(&self.key).is_some() {
            drop(live);
            self.preview.laid.notify_all();
        }
    }
}

/// Lays out the beginning of a long draft: its first blocks, about
/// [`BEGINNING_CHARS`] of text and ending with a paragraph, without what
/// follows the body. `None` for a draft short enough to lay out whole.
fn layout_beginning(snap: &Snapshot) -> Option<Result<Arc<PagedDocument>, Vec<Diagnostic>>> {
    let renderer = snap.renderer.as_ref().ok()?;
    let doc = snap.result.as_ref().ok()?;
    let mut ctx = RenderContext::new(doc);
    let lengths: Vec<usize> = ctx.blocks.iter().map(|b| b.plain.chars().count()).collect();
    if lengths.iter().sum::<usize>() < 4 * BEGINNING_CHARS {
        return None;
    }
    let mut sum = 0;
    let cut = ctx.blocks.iter().zip(&lengths).position(|(b, n)| {
        sum += n;
        sum >= BEGINNING_CHARS && b.kind != BlockKind::Heading
    })?;
    ctx.blocks.truncate(cut + 1);
    // What follows the body is not in the first pages.
    ctx.closing.clear();
    ctx.appendices.clear();
    let m = &mut ctx.meta;
    m.attachments.clear();
    (m.organ, m.date, m.cc_line, m.printer, m.printed) = (None, None, None, None, None);
    Some(
        renderer
            .layout(View::Draft(&ctx))
            .map(|laid| Arc::new(laid.document))
            .map_err(|d| vec![d]),
    )
}

/// Lays a draft out in the PDF's pages.
fn layout(snap: &Snapshot) -> Result<Arc<PagedDocument>, Vec<Diagnostic>> {
    let renderer = snap.renderer.as_ref().map_err(|d| vec![d.clone()])?;
    let doc = snap.result.as_ref().map_err(|d| d.to_vec())?;
    let ctx = RenderContext::new(doc);
    renderer
        .layout(View::Draft(&ctx))
        .map(|laid| Arc::new(laid.document))
        .map_err(|d| vec![d])
}

fn unknown(wanted: &str) -> Reply {
    Reply::refused(404, &tr!("preview-unknown-draft", key = wanted))
}
