//! Live preview while drafting: `gongwen serve` shows each draft as its HTML
//! page, as the PDF's own pages (laid out by the same typst template, shown
//! as SVG) and as the redline against the draft before it, and updates open
//! browsers when a draft changes on disk; `gongwen watch` ([`watch`]) writes
//! the outputs again instead.
//!
//! A [`Preview`] holds the drafts as last loaded ([`state`]) and lays pages
//! out on demand, once per version of a draft, through a [`Renderer`] that
//! keeps its typst worlds: an edit of one paragraph lays out again only what
//! it touched. The server ([`http`]) answers only for drafts it found: an
//! address is looked up among them, never joined to a path on disk, and
//! nothing it does writes to a draft.

pub mod http;
pub mod pages;
pub mod state;
pub mod watch;
pub mod watcher;

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use typst_layout::PagedDocument;

use crate::diagnostic::Diagnostic;
use crate::draft_name;
use crate::render::{Format, RedlineContext, RenderContext, Renderer, View};
use http::Reply;
use pages::{Sheet, Tab};
use state::{Changes, Drafts, Loaded, key};

/// Makes the renderer again (when a template override changes).
pub type MakeRenderer = Box<dyn Fn() -> Result<Renderer, Diagnostic> + Send + Sync>;

/// How many rounds of changes typst keeps what it laid out and nothing used since.
const KEPT_ROUNDS: usize = 8;

/// How many rounds of news are kept for a browser that missed some.
const KEPT_NEWS: usize = 32;

/// The drafts, their pages as last laid out, and the news of changes.
pub struct Preview {
    live: Mutex<Live>,
    make_renderer: MakeRenderer,
    /// The template overrides' folder, whose changes reload the renderer.
    templates: Option<PathBuf>,
    news: Mutex<News>,
    news_came: Condvar,
}

struct Live {
    drafts: Drafts,
    renderer: Result<Renderer, Diagnostic>,
    /// Moves each time the renderer is made again.
    renderer_round: u64,
    /// Each draft's pages, by key, as of a version of the draft and renderer.
    paged: HashMap<String, Paged>,
    /// Moves with each layout; pages' addresses carry it, so a browser's
    /// copy of a page is never mistaken for the new one.
    stamp: u64,
}

struct Paged {
    of: (u64, u64),
    stamp: u64,
    result: Result<Arc<PagedDocument>, Vec<Diagnostic>>,
}

/// What changed, round by round, for the browsers listening.
#[derive(Default)]
pub struct News {
    pub round: u64,
    log: VecDeque<(u64, Vec<String>)>,
    /// Set when the server stops: listeners end.
    pub closed: bool,
}

impl News {
    /// The keys changed after round `seen` (`*` for all, when the log no longer reaches back).
    pub fn since(&self, seen: u64) -> Vec<String> {
        if self.log.front().is_none_or(|(first, _)| *first > seen + 1) {
            return vec!["*".to_string()];
        }
        let mut keys: Vec<String> = self
            .log
            .iter()
            .filter(|(round, _)| *round > seen)
            .flat_map(|(_, keys)| keys.iter().cloned())
            .collect();
        keys.sort();
        keys.dedup();
        keys
    }
}

impl Preview {
    /// A preview of the drafts under `paths`, loaded once now.
    pub fn new(
        paths: &[PathBuf],
        cwd: &Path,
        templates: Option<PathBuf>,
        make_renderer: MakeRenderer,
    ) -> Preview {
        let mut drafts = Drafts::new(paths, cwd);
        drafts.refresh();
        let renderer = make_renderer();
        Preview {
            live: Mutex::new(Live {
                drafts,
                renderer,
                renderer_round: 0,
                paged: HashMap::new(),
                stamp: 0,
            }),
            make_renderer,
            templates: templates.map(|t| std::path::absolute(&t).unwrap_or(t)),
            news: Mutex::new(News::default()),
            news_came: Condvar::new(),
        }
    }

    fn live(&self) -> MutexGuard<'_, Live> {
        // A panic in one request leaves the drafts as they were loaded: still whole.
        self.live.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The news, for a listener.
    pub fn news(&self) -> MutexGuard<'_, News> {
        self.news.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Waits up to `timeout` for news after round `seen`.
    pub fn wait_news(&self, seen: u64, timeout: Duration) -> MutexGuard<'_, News> {
        let news = self.news();
        self.news_came
            .wait_timeout_while(news, timeout, |n| n.round <= seen && !n.closed)
            .map(|(n, _)| n)
            .unwrap_or_else(|p| p.into_inner().0)
    }

    /// Tells every listener to end.
    pub fn close(&self) {
        self.news().closed = true;
        self.news_came.notify_all();
    }

    /// Loads the drafts again after `changed` paths changed on disk, and
    /// tells the browsers which drafts now show something else.
    pub fn refresh(&self, changed: &[PathBuf]) -> Changes {
        let mut live = self.live();
        let mut changes = live.drafts.refresh();
        let templates_changed = self.templates.as_ref().is_some_and(|t| {
            changed
                .iter()
                .any(|p| std::path::absolute(p).is_ok_and(|p| p.starts_with(t)))
        });
        if templates_changed {
            live.renderer = (self.make_renderer)();
            live.renderer_round += 1;
            changes.listing = true;
        }
        drop(live);
        crate::render::pdf::Worlds::forget_unused(KEPT_ROUNDS);
        if !changes.is_empty() {
            let mut keys = changes.drafts.clone();
            if changes.listing {
                keys.push("*".to_string());
            }
            let mut news = self.news();
            news.round += 1;
            let round = news.round;
            news.log.push_back((round, keys));
            if news.log.len() > KEPT_NEWS {
                news.log.pop_front();
            }
            drop(news);
            self.news_came.notify_all();
        }
        changes
    }

    /// The index of documents and drafts.
    pub fn index(&self) -> Reply {
        let live = self.live();
        let rows: Vec<_> = live
            .drafts
            .entries
            .iter()
            .map(|e| {
                let loaded = live.drafts.loaded(e);
                let (title, problems) = match loaded.map(|l| &l.result) {
                    Some(Ok(doc)) => (doc.meta.title.clone(), None),
                    Some(Err(d)) => (String::new(), Some(d.len())),
                    None => (String::new(), Some(0)),
                };
                (key(e), title, live.drafts.previous(e).is_some(), problems)
            })
            .collect();
        Reply::html(200, pages::index(&rows, live.drafts.listing.as_ref()))
    }

    /// A view of a draft as a page: its HTML, its pages, both side by side,
    /// or its redline against the draft before it.
    pub fn page(&self, tab: Tab, wanted: &str, bare: bool) -> Reply {
        let mut live = self.live();
        let live = &mut *live;
        // Laid out first: the layout is kept in `live`, which the rest only reads.
        let laid = (tab == Tab::Paged).then(|| paged(live, wanted));
        let Some((entry, loaded)) = live.drafts.find(wanted) else {
            return unknown(wanted);
        };
        let previous = live.drafts.previous(entry);
        let title = loaded
            .result
            .as_ref()
            .map_or_else(|_| draft_name(&entry.path), |d| d.meta.title.clone());
        let bar = pages::bar(wanted, &title, tab, previous.is_some());
        let renderer = match &live.renderer {
            Ok(r) => r,
            Err(d) => {
                let html = pages::problems(&bar, "*", "模板有问题", std::slice::from_ref(d));
                return Reply::html(200, html);
            }
        };
        let doc = match &loaded.result {
            Ok(doc) => doc,
            Err(problems) => {
                let heading = format!("{} 有 {} 处问题", entry.path.display(), problems.len());
                return Reply::html(200, pages::problems(&bar, wanted, &heading, problems));
            }
        };
        match tab {
            Tab::Html => {
                let ctx = RenderContext::new(doc);
                match renderer.render(Format::Html, View::Draft(&ctx)) {
                    Ok(r) => Reply::html(
                        200,
                        pages::around(&String::from_utf8_lossy(&r.bytes), &bar, wanted, bare),
                    ),
                    Err(d) => {
                        Reply::html(200, pages::problems(&bar, wanted, "HTML 模板有问题", &[d]))
                    }
                }
            }
            Tab::Split => Reply::html(200, pages::split(&bar, wanted, &title)),
            Tab::Paged => {
                let (stamp, result) = laid.unwrap_or((0, Err(Vec::new())));
                match result {
                    Ok(document) => {
                        let sheets: Vec<Sheet> = document
                            .pages()
                            .iter()
                            .map(|p| Sheet {
                                width_pt: p.frame.width().to_pt(),
                                height_pt: p.frame.height().to_pt(),
                                printed: p.number,
                            })
                            .collect();
                        Reply::html(
                            200,
                            pages::paged(&bar, wanted, &title, &sheets, stamp, bare),
                        )
                    }
                    Err(problems) => Reply::html(
                        200,
                        pages::problems(&bar, wanted, "排版出了问题", &problems),
                    ),
                }
            }
            Tab::Redline => {
                let Some((before, old)) = previous else {
                    return Reply::refused(
                        404,
                        &format!("{wanted} 是该文件的第一稿，没有上一稿可比较"),
                    );
                };
                let watched = format!("{} {wanted}", key(before));
                let old = match &old.result {
                    Ok(old) => old,
                    Err(problems) => {
                        let heading = format!(
                            "上一稿 {} 有 {} 处问题",
                            before.path.display(),
                            problems.len()
                        );
                        return Reply::html(
                            200,
                            pages::problems(&bar, &watched, &heading, problems),
                        );
                    }
                };
                let changes = crate::compare::compare(old, doc);
                let names = (draft_name(&before.path), draft_name(&entry.path));
                let mut ctx = RedlineContext::new(old, doc, (&names.0, &names.1), &changes, false)
                    .with_paths(&before.path, &entry.path);
                // The comments on the older draft, by the changes that answer them.
                if let Ok(Some(resolved)) = crate::project::comments::comments_of(&before.path, old)
                {
                    ctx = ctx.with_comments(&resolved);
                }
                match renderer.render(Format::Html, View::Redline(&ctx)) {
                    Ok(r) => Reply::html(
                        200,
                        pages::around(&String::from_utf8_lossy(&r.bytes), &bar, &watched, bare),
                    ),
                    Err(d) => Reply::html(
                        200,
                        pages::problems(&bar, &watched, "修改对照模板有问题", &[d]),
                    ),
                }
            }
        }
    }

    /// Page `n` (from 1) of a draft, as SVG.
    pub fn page_svg(&self, wanted: &str, n: usize) -> Reply {
        let mut live = self.live();
        if live.drafts.find(wanted).is_none() {
            return unknown(wanted);
        }
        match paged(&mut live, wanted).1 {
            Ok(document) => match n
                .checked_sub(1)
                .and_then(|i| crate::render::pdf::page_svg(&document, i))
            {
                Some(svg) => Reply::svg(svg.into_bytes()),
                None => Reply::refused(404, &format!("{wanted} 没有第 {n} 页")),
            },
            Err(_) => Reply::refused(
                409,
                &format!("{wanted} 有问题，排不出版面；请看 /p/{wanted}"),
            ),
        }
    }

    /// A draft's PDF.
    pub fn pdf(&self, wanted: &str) -> Reply {
        let live = self.live();
        let Some((_, loaded)) = live.drafts.find(wanted) else {
            return unknown(wanted);
        };
        let (Ok(renderer), Ok(doc)) = (&live.renderer, &loaded.result) else {
            return Reply::refused(
                409,
                &format!("{wanted} 有问题，生成不了 PDF；请看 /d/{wanted}"),
            );
        };
        let ctx = RenderContext::new(doc);
        match renderer.render(Format::Pdf, View::Draft(&ctx)) {
            Ok(r) => Reply::pdf(r.bytes),
            Err(d) => Reply::refused(409, &d.render()),
        }
    }
}

/// A draft's pages, laid out again only if the draft or the renderer changed.
fn paged(live: &mut Live, wanted: &str) -> (u64, Result<Arc<PagedDocument>, Vec<Diagnostic>>) {
    let Some((_, loaded)) = live.drafts.find(wanted) else {
        return (0, Err(Vec::new()));
    };
    let of = (loaded.version, live.renderer_round);
    if let Some(p) = live.paged.get(wanted).filter(|p| p.of == of) {
        return (p.stamp, p.result.clone());
    }
    let result = layout(&live.renderer, loaded);
    live.stamp += 1;
    let stamp = live.stamp;
    live.paged.insert(
        wanted.to_string(),
        Paged {
            of,
            stamp,
            result: result.clone(),
        },
    );
    (stamp, result)
}

/// Lays a loaded draft out in the PDF's pages.
pub fn layout(
    renderer: &Result<Renderer, Diagnostic>,
    loaded: &Loaded,
) -> Result<Arc<PagedDocument>, Vec<Diagnostic>> {
    let renderer = renderer.as_ref().map_err(|d| vec![d.clone()])?;
    let doc = loaded.result.as_ref().map_err(|d| d.to_vec())?;
    let ctx = RenderContext::new(doc);
    renderer
        .layout(View::Draft(&ctx))
        .map(|laid| Arc::new(laid.document))
        .map_err(|d| vec![d])
}

fn unknown(wanted: &str) -> Reply {
    Reply::refused(404, &format!("没有名为 {wanted} 的文稿"))
}
