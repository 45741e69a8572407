//! The pages the preview answers with. What a request needs of the drafts
//! is taken under the lock ([`Snapshot`]) and rendered after it is let go,
//! so a long layout or a PDF does not hold up the other requests or the
//! next refresh.

use std::sync::Arc;

use typst_layout::PagedDocument;

use super::http::Reply;
use super::pages::{self, Sheet, Tab};
use super::state::key;
use super::{Paged, Preview};
use crate::diagnostic::Diagnostic;
use crate::draft_name;
use crate::numbering::Document;
use crate::project::DraftEntry;
use crate::render::{Format, RedlineContext, RenderContext, Renderer, View};

type Loaded = Result<Arc<Document>, Arc<[Diagnostic]>>;

/// What a request needs of one draft, as of one moment.
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
    pub fn page(&self, tab: Tab, wanted: &str, bare: bool) -> Reply {
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
            Err(d) => return problems("模板有问题", std::slice::from_ref(d)),
        };
        let doc = match &snap.result {
            Ok(doc) => doc,
            Err(found) => {
                let heading = format!("{} 有 {} 处问题", snap.entry.path.display(), found.len());
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
                    Err(d) => problems("HTML 模板有问题", &[d]),
                }
            }
            Tab::Split => split(),
            Tab::Paged => match self.paged(&snap) {
                (stamp, Ok(document)) => {
                    let sheets: Vec<Sheet> = document
                        .pages()
                        .iter()
                        .map(|p| Sheet {
                            width_pt: p.frame.width().to_pt(),
                            height_pt: p.frame.height().to_pt(),
                            printed: p.number,
                        })
                        .collect();
                    let html = pages::paged(&bar, &meta, wanted, &title, &sheets, stamp, bare);
                    Reply::html(200, html)
                }
                (_, Err(found)) => problems("排版出了问题", &found),
            },
            Tab::Redline => {
                let Some((before, old)) = &snap.previous else {
                    return Reply::refused(
                        404,
                        &format!("{wanted} 是该文件的第一稿，没有上一稿可比较"),
                    );
                };
                let old = match old {
                    Ok(old) => old,
                    Err(found) => {
                        let heading =
                            format!("上一稿 {} 有 {} 处问题", before.path.display(), found.len());
                        return problems(&heading, found);
                    }
                };
                let changes = crate::compare::compare(old, doc);
                let names = (draft_name(&before.path), draft_name(&snap.entry.path));
                let mut ctx = RedlineContext::new(old, doc, (&names.0, &names.1), &changes, false)
                    .with_paths(&before.path, &snap.entry.path);
                // The comments on the older draft, by the changes that answer them.
                if let Ok(Some(resolved)) = crate::project::comments::comments_of(&before.path, old)
                {
                    ctx = ctx.with_comments(&resolved);
                }
                match renderer.render(Format::Html, View::Redline(&ctx)) {
                    Ok(r) => page(&r.bytes),
                    Err(d) => problems("修改对照模板有问题", &[d]),
                }
            }
        }
    }

    /// Page `n` (from 1) of a draft, as SVG.
    pub fn page_svg(&self, wanted: &str, n: usize) -> Reply {
        let Some(snap) = self.snapshot(wanted) else {
            return unknown(wanted);
        };
        match self.paged(&snap).1 {
            Ok(document) => match n
                .checked_sub(1)
                .and_then(|i| crate::render::pdf::page_svg(&document, i))
            {
                Some(svg) => Reply::svg(svg.into_bytes()),
                None => Reply::refused(404, &format!("{wanted} 没有第 {n} 页")),
            },
            Err(_) => Reply::refused(409, &format!("{wanted} 有问题，排不出版面")),
        }
    }

    /// A draft's PDF.
    pub fn pdf(&self, wanted: &str) -> Reply {
        let Some(snap) = self.snapshot(wanted) else {
            return unknown(wanted);
        };
        let (Ok(renderer), Ok(doc)) = (&snap.renderer, &snap.result) else {
            return Reply::refused(409, &format!("{wanted} 有问题，生成不了 PDF"));
        };
        let ctx = RenderContext::new(doc);
        match renderer.render(Format::Pdf, View::Draft(&ctx)) {
            Ok(r) => Reply::pdf(r.bytes),
            Err(d) => Reply::refused(409, &d.render()),
        }
    }

    /// A draft's pages, laid out again only if the draft or the renderer
    /// changed; the layout runs without holding the drafts.
    fn paged(&self, snap: &Snapshot) -> (u64, Result<Arc<PagedDocument>, Vec<Diagnostic>>) {
        let of = (snap.version, snap.renderer_round);
        if let Some(p) = self.live().paged.get(&snap.key).filter(|p| p.of == of) {
            return (p.stamp, p.result.clone());
        }
        let result = layout(snap);
        let mut live = self.live();
        live.stamp += 1;
        let stamp = live.stamp;
        let paged = Paged {
            of,
            stamp,
            result: result.clone(),
        };
        // A slower layout of an older version does not replace a newer one.
        if live.paged.get(&snap.key).is_none_or(|p| p.of <= of) {
            live.paged.insert(snap.key.clone(), paged);
        }
        (stamp, result)
    }
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
    Reply::refused(404, &format!("没有名为 {wanted} 的文稿"))
}
