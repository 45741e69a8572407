//! `gongwen serve` and `gongwen watch`: the live preview, and the outputs
//! written again on every change.

use std::path::PathBuf;
use std::sync::Arc;

use gongwen::paths::shown;
use gongwen::preview::http::Server;
use gongwen::preview::watch::Watch;
use gongwen::preview::watcher::Watcher;
use gongwen::preview::{MakeRenderer, Preview, touches};
use gongwen::tr;

use super::args::{RenderArgs, ServeArgs, TemplateArgs, WatchArgs};
use super::console::{Console, Outcome};

/// The folders named, or drafts/.
fn roots(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("drafts")]
    } else {
        paths.to_vec()
    }
}

/// What is watched: the drafts' folders and the template overrides.
fn watched(roots: &[PathBuf], settings: &[PathBuf]) -> Vec<PathBuf> {
    roots
        .iter()
        .cloned()
        .chain(settings.iter().cloned())
        .collect()
}

/// Makes the renderer from the arguments, again whenever asked.
fn maker<A: Clone + Send + Sync + 'static>(
    args: A,
    make: fn(A) -> Result<gongwen::render::Renderer, (gongwen::diagnostic::Diagnostic, u8)>,
) -> MakeRenderer {
    Box::new(move || make(args.clone()).map_err(|(d, _)| d))
}

pub fn serve(console: &mut Console, args: ServeArgs) -> Outcome {
    let roots = roots(&args.paths);
    // Drafts that cannot be listed at all (a folder mistyped) stop it here.
    if let Err(o) = super::drafts(console, &roots) {
        return o;
    }
    if let Err((d, _)) = args.render.clone().renderer() {
        console.diagnostic(&d);
        return Outcome::Trouble;
    }
    let settings = args.render.settings_dirs();
    let cwd = std::env::current_dir().unwrap_or_default();
    let preview = Arc::new(Preview::new(
        &roots,
        &cwd,
        settings.clone(),
        maker(args.render, TemplateArgs::renderer),
    ));
    let server = match Server::bind(
        Arc::clone(&preview),
        args.host,
        args.port,
        &args.allow_hosts,
    ) {
        Ok(s) => s,
        Err(d) => {
            console.diagnostic(&d);
            return Outcome::Trouble;
        }
    };
    let mut watcher = match Watcher::new(&watched(&roots, &settings), &[]) {
        Ok(w) => w,
        Err(d) => {
            console.diagnostic(&d);
            return Outcome::Trouble;
        }
    };
    if !args.host.is_loopback() {
        console.err(tr!("serve-open-to-all", host = args.host.to_string()));
    }
    let names: Vec<String> = roots.iter().map(|r| shown(r).to_string()).collect();
    match server.addr() {
        Some(addr) => console.line(tr!(
            "serve-serving-at",
            drafts = names.join(", "),
            address = addr.to_string()
        )),
        None => console.line(tr!("serve-serving", drafts = names.join(", "))),
    }
    let updates = Arc::clone(&preview);
    std::thread::spawn(move || {
        let mut console = Console::default();
        while let Some(changed) = watcher.wait() {
            let started = std::time::Instant::now();
            let changes = updates.refresh(&changed);
            if !changes.is_empty() {
                let mut what = changes.drafts.clone();
                if changes.templates {
                    what.push(tr!("serve-changed-templates"));
                }
                if changes.listing {
                    what.push(tr!("serve-changed-listing"));
                }
                let what = gongwen::paths::one_line(&what.join(", "));
                console.line(tr!(
                    "serve-changed",
                    what = what,
                    ms = started.elapsed().as_millis() as u64
                ));
            }
        }
    });
    server.run();
    Outcome::Ok
}

pub fn watch(console: &mut Console, args: WatchArgs) -> Outcome {
    let WatchArgs {
        paths,
        out,
        format: formats,
        render,
    } = args;
    let out = out.as_path();
    let roots = roots(&paths);
    if let Err(o) = super::drafts(console, &roots) {
        return o;
    }
    let settings = render.settings_dirs();
    let make = maker(render, RenderArgs::renderer);
    let mut renderer = match make() {
        Ok(r) => r,
        Err(d) => {
            console.diagnostic(&d);
            return Outcome::Trouble;
        }
    };
    // The outputs are written below `out`; if that is inside a watched
    // folder, writing them must not count as a change.
    let mut watcher = match Watcher::new(&watched(&roots, &settings), &[out.to_path_buf()]) {
        Ok(w) => w,
        Err(d) => {
            console.diagnostic(&d);
            return Outcome::Trouble;
        }
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut formats = formats.to_vec();
    formats.dedup();
    let mut watch = Watch::new(&roots, &cwd, out, &formats);
    let mut renderer_round = 0;
    // Everything the first time, and after a template changed; else what changed.
    let mut all = Some(true);
    loop {
        if let Some(all) = all {
            match watch.round(&renderer, all) {
                Ok(rebuilt) => {
                    for (_, problems) in &rebuilt.failed {
                        problems.iter().for_each(|d| console.diagnostic(d));
                    }
                    rebuilt.warnings.iter().for_each(|d| console.diagnostic(d));
                    if !rebuilt.drafts.is_empty()
                        || !rebuilt.failed.is_empty()
                        || !rebuilt.removed.is_empty()
                        || !rebuilt.kept.is_empty()
                        || !rebuilt.warnings.is_empty()
                    {
                        console.line(rebuilt.line());
                    }
                }
                Err(d) => console.diagnostic(&d),
            }
        }
        if all == Some(true) && renderer_round == 0 {
            console.line(tr!("watch-watching"));
        }
        let Some(changed) = watcher.wait() else {
            return Outcome::Trouble;
        };
        let settings_changed = touches(&changed, &settings);
        all = Some(settings_changed);
        if settings_changed {
            renderer_round += 1;
            match make() {
                Ok(r) => renderer = r,
                Err(d) => {
                    console.diagnostic(&d);
                    console.line(tr!("watch-settings-broken"));
                    all = None;
                }
            }
        }
    }
}
