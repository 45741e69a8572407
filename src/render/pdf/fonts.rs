//! The faces the PDF is set in. gongwen bundles free faces for the four
//! GB/T 9704 roles (Fandol, in `fonts/fandol/`) and loads them by file, never by
//! scanning the system; a draft may name other faces (an office's 仿宋_GB2312),
//! which are looked for in the folders given and, only then, on the system.
//! Every family asked for must exist, and every character must have a glyph in
//! some face: typst itself would only warn, or print an empty box.

use std::collections::BTreeMap;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};

use serde::Serialize;
use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst_kit::fonts::FontStore;

use super::PdfSettings;
use crate::model::Fonts;
use crate::paths::shown;

/// The bundled faces: file name, and the role they fill.
pub const BUNDLED: [(&str, &str); 5] = [
    ("FandolFang-Regular.otf", "仿宋 body"),
    ("FandolKai-Regular.otf", "楷体 level-2 headings"),
    ("FandolHei-Regular.otf", "黑体 level-1 headings"),
    ("FandolSong-Bold.otf", "小标宋 title"),
    ("FandolSong-Regular.otf", "宋体 page numbers"),
];

/// Default family for each role, as typst names the bundled faces.
const DEFAULTS: Roles<&str> = Roles {
    body: "FandolFang R",
    kai: "FandolKai",
    hei: "FandolHei",
    title: "FandolSong",
    song: "FandolSong",
};

/// One value per GB/T 9704 role.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Roles<T> {
    /// 仿宋: body text.
    pub body: T,
    /// 楷体: level-2 headings, 节.
    pub kai: T,
    /// 黑体: level-1 headings, 章, 第一条.
    pub hei: T,
    /// 小标宋: the title.
    pub title: T,
    /// 宋体: page numbers.
    pub song: T,
}

/// The first of `candidates` that holds the bundled faces. The caller says
/// where to look (the CLI: `$GONGWEN_FONTS`, `fonts/fandol` in the working
/// folder, beside the executable's project, the source tree it was built
/// from); the library looks nowhere by itself.
pub fn find_bundled(candidates: impl IntoIterator<Item = PathBuf>) -> Option<PathBuf> {
    candidates
        .into_iter()
        .find(|d| d.join(BUNDLED[0].0).is_file())
}

/// The bundled faces in `dir`, read once per process and folder.
fn bundled(dir: Option<&Path>) -> Result<Arc<Vec<Font>>, String> {
    static FONTS: LazyLock<Mutex<HashMap<PathBuf, Arc<Vec<Font>>>>> =
        LazyLock::new(Default::default);
    let dir = dir.ok_or_else(|| {
        "the bundled fonts (fonts/fandol/*.otf) were not found; run gongwen from its project \
         folder or set GONGWEN_FONTS to the folder holding them"
            .to_string()
    })?;
    if let Some(fonts) = FONTS.lock().ok().and_then(|f| f.get(dir).cloned()) {
        return Ok(fonts);
    }
    let mut fonts = Vec::new();
    for (name, _) in BUNDLED {
        let path = dir.join(name);
        let data =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", shown(&path)))?;
        let font = Font::new(Bytes::new(data), 0)
            .ok_or_else(|| format!("{} is not a font typst can read", shown(&path)))?;
        fonts.push(font);
    }
    let fonts = Arc::new(fonts);
    if let Ok(mut cache) = FONTS.lock() {
        cache.insert(dir.to_path_buf(), Arc::clone(&fonts));
    }
    Ok(fonts)
}

/// Why the fonts could not be set up.
#[derive(Debug, Clone, PartialEq)]
pub enum FontError {
    /// The bundled faces are missing or unreadable.
    Bundled(String),
    /// A family named in the draft exists nowhere.
    UnknownFamily {
        /// `body`, `kai` … or `fallback.N` (the Nth fallback face).
        role: String,
        family: String,
        known: Vec<String>,
    },
}

/// The faces in use for one draft, with the family lists each role uses.
pub struct FontSet {
    pub store: FontStore,
    /// For each role, the families in order: the role's face, then the fallbacks.
    pub roles: Roles<Vec<String>>,
}

impl FontSet {
    /// The bundled faces plus what the draft names, found in the settings'
    /// folders or (if the settings allow) on the system.
    pub fn new(choice: &Fonts, settings: &PdfSettings) -> Result<FontSet, FontError> {
        let mut store = FontStore::new();
        for font in bundled(settings.bundled.as_deref())
            .map_err(FontError::Bundled)?
            .iter()
        {
            store.push((font.clone(), font.info().clone()));
        }
        let requested: Vec<(String, &str)> = [
            ("body", choice.body.as_deref()),
            ("kai", choice.kai.as_deref()),
            ("hei", choice.hei.as_deref()),
            ("title", choice.title.as_deref()),
            ("song", choice.song.as_deref()),
        ]
        .into_iter()
        .filter_map(|(role, f)| f.map(|f| (role.to_string(), f)))
        .chain(
            choice
                .fallback
                .iter()
                .enumerate()
                .map(|(i, f)| (format!("fallback.{i}"), f.as_str())),
        )
        .collect();
        let missing = |store: &FontStore| -> Vec<String> {
            requested
                .iter()
                .filter(|(_, f)| !store.book().contains_family(&f.to_lowercase()))
                .map(|(_, f)| f.to_lowercase())
                .collect()
        };
        let mut wanted = missing(&store);
        // Only faces of the families asked for join the book, so fallback
        // stays predictable; and only faces inside the folder: one reached
        // through a link that leads out of it is not read (see crate::paths).
        for dir in &settings.font_dirs {
            if wanted.is_empty() {
                break;
            }
            let confined = crate::paths::Confined::to(dir);
            store.extend(typst_kit::fonts::scan(dir).filter(|(face, info)| {
                wanted.contains(&info.family.to_lowercase()) && confined.check(&face.path).is_ok()
            }));
            wanted = missing(&store);
        }
        if !wanted.is_empty() && settings.system_fonts {
            // Scanning the system is slow (0.3–2 s); done only when a face is still missing.
            store.extend(
                typst_kit::fonts::system()
                    .filter(|(_, info)| wanted.contains(&info.family.to_lowercase())),
            );
        }
        if let Some((role, family)) = requested
            .iter()
            .find(|(_, f)| !store.book().contains_family(&f.to_lowercase()))
        {
            let known = store
                .book()
                .families()
                .map(|(name, _)| name.to_string())
                .collect();
            return Err(FontError::UnknownFamily {
                role: role.clone(),
                family: family.to_string(),
                known,
            });
        }
        let list = |role: Option<&String>, default: &str| -> Vec<String> {
            let mut families = vec![role.cloned().unwrap_or_else(|| default.to_string())];
            families.extend(choice.fallback.iter().cloned());
            if role.is_some() {
                // The bundled face stays behind a named one, for what it lacks.
                families.push(default.to_string());
            }
            families
        };
        let roles = Roles {
            body: list(choice.body.as_ref(), DEFAULTS.body),
            kai: list(choice.kai.as_ref(), DEFAULTS.kai),
            hei: list(choice.hei.as_ref(), DEFAULTS.hei),
            title: list(choice.title.as_ref(), DEFAULTS.title),
            song: list(choice.song.as_ref(), DEFAULTS.song),
        };
        Ok(FontSet { store, roles })
    }

    /// The book of every face in the set.
    pub fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    /// Characters no face in the set has a glyph for, from `text`. Each
    /// character is looked up once: a face's coverage is read run by run,
    /// and a long text repeats the few thousand characters it uses.
    pub fn missing_glyphs(&self, text: &str) -> Vec<char> {
        let infos: Vec<&FontInfo> = (0..).map_while(|i| self.store.book().info(i)).collect();
        let mut seen: HashSet<char> = HashSet::new();
        let mut missing: BTreeMap<char, ()> = BTreeMap::new();
        for c in text.chars() {
            if c.is_whitespace() || c.is_control() || !seen.insert(c) {
                continue;
            }
            if !infos.iter().any(|info| info.coverage.contains(c as u32)) {
                missing.insert(c, ());
            }
        }
        missing.into_keys().collect()
    }
}
