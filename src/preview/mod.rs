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
mod views;
pub mod watch;
pub mod watcher;
mod wire;

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use typst_layout::PagedDocument;

use crate::diagnostic::Diagnostic;
use crate::render::Renderer;
use state::{Changes, Drafts};

/// Makes the renderer again (when a template override changes).
pub type MakeRenderer = Box<dyn Fn() -> Result<Renderer, Diagnostic> + Send + Sync>;

/// Whether any of `changed` is inside one of `folders`, both taken as
/// absolute paths (the watcher reports absolute ones; folders are as given).
pub fn touches(changed: &[PathBuf], folders: &[PathBuf]) -> bool {
    let absolute = |p: &PathBuf| std::path::absolute(p).unwrap_or_else(|_| p.clone());
    let folders: Vec<PathBuf> = folders.iter().map(absolute).collect();
    changed
        .iter()
        .any(|p| folders.iter().any(|f| absolute(p).starts_with(f)))
}

/// How many rounds of changes typst keeps what it laid out and nothing used since.
const KEPT_ROUNDS: usize = 8;

/// How many rounds of news are kept for a browser that missed some.
const KEPT_NEWS: usize = 32;

/// The drafts, their pages as last laid out, and the news of changes.
pub struct Preview {
    live: Mutex<Live>,
    make_renderer: MakeRenderer,
    /// The folders whose changes make the renderer again: the template
    /// overrides, the font folders.
    settings: Vec<PathBuf>,
    news: Mutex<News>,
    news_came: Condvar,
}

struct Live {
    drafts: Drafts,
    renderer: Result<Arc<Renderer>, Diagnostic>,
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
        settings: Vec<PathBuf>,
        make_renderer: MakeRenderer,
    ) -> Preview {
        let mut drafts = Drafts::new(paths, cwd);
        drafts.refresh();
        let renderer = make_renderer().map(Arc::new);
        Preview {
            live: Mutex::new(Live {
                drafts,
                renderer,
                renderer_round: 0,
                paged: HashMap::new(),
                stamp: 0,
            }),
            make_renderer,
            settings,
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
        // The pages of drafts gone are not kept.
        let Live { drafts, paged, .. } = &mut *live;
        paged.retain(|k, _| drafts.find(k).is_some());
        if touches(changed, &self.settings) {
            live.renderer = (self.make_renderer)().map(Arc::new);
            live.renderer_round += 1;
            changes.templates = true;
        }
        drop(live);
        if !changes.is_empty() {
            crate::render::pdf::Worlds::forget_unused(KEPT_ROUNDS);
            let mut keys = changes.drafts.clone();
            if changes.listing || changes.templates {
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
}
