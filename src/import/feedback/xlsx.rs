//! An Excel workbook (.xlsx) read as Excel shows it: the first sheet it
//! shows (hidden ones skipped), its cells one at a time — nothing is set
//! aside for the cells between them, whatever the sheet says its extent is —
//! numbers and dates as they are displayed, merged areas kept for the
//! table to fill, and a formula Excel never calculated told apart from an
//! empty cell. Every part is read through a cap on what it unpacks to.

mod part;
mod sheet;

use std::collections::HashMap;
use std::io::Cursor;

use quick_xml::events::Event;

use super::Refusal;
use super::table::Table;
use part::{Zip, attribute, next, open, save_again};
use sheet::{Context, date_styles, shared_strings, sheet};

/// Reads the first visible worksheet of a workbook.
pub fn read(bytes: &[u8]) -> Result<Table, Refusal> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        Refusal::new(
            crate::tr!("import-feedback-not-package", error = e.to_string()),
            save_again(),
        )
    })?;
    if let Some(refusal) = another_kind(&zip) {
        return Err(refusal);
    }
    let book_path = office_document(&mut zip)?;
    let book = workbook(&mut zip, &book_path)?;
    let rels = relationships(&mut zip, &book_path)?;
    let target = |kind: &str| {
        rels.values()
            .find(|(t, _)| t.ends_with(kind))
            .map(|(_, target)| target.clone())
    };
    let strings = match target("/sharedStrings") {
        Some(path) => shared_strings(&mut zip, &path)?,
        None => Vec::new(),
    };
    let dates = match target("/styles") {
        Some(path) => date_styles(&mut zip, &path)?,
        None => Vec::new(),
    };
    let worksheets: Vec<(&Sheet, &str)> = book
        .sheets
        .iter()
        .filter_map(|s| {
            let (kind, target) = rels.get(&s.relationship)?;
            kind.ends_with("/worksheet").then_some((s, target.as_str()))
        })
        .collect();
    let Some(&(chosen, path)) = worksheets.iter().find(|(s, _)| s.visible) else {
        let hidden: Vec<String> = worksheets.iter().map(|(s, _)| quoted(&s.name)).collect();
        return Err(Refusal::new(
            if hidden.is_empty() {
                crate::tr!("import-feedback-no-worksheet")
            } else {
                crate::tr!("import-feedback-all-hidden", sheets = hidden.join("、"))
            },
            crate::tr!("import-feedback-all-hidden-help"),
        ));
    };
    let context = Context {
        strings: &strings,
        dates: &dates,
        date1904: book.date1904,
        part: path,
    };
    let mut table = sheet(&mut zip, &context)?;
    if book.sheets.len() > 1 {
        let others: Vec<&Sheet> = book
            .sheets
            .iter()
            .filter(|s| s.name != chosen.name)
            .collect();
        let named: Vec<String> = others
            .iter()
            .take(10)
            .map(|s| match s.visible {
                true => quoted(&s.name),
                false => crate::tr!("import-feedback-sheet-hidden", sheet = quoted(&s.name)),
            })
            .collect();
        let not_read = named.join("、");
        table.notes.push(match others.len() {
            n if n > 10 => crate::tr!(
                "import-feedback-sheet-chosen-more",
                sheet = quoted(&chosen.name),
                others = not_read,
                more = n - 10
            ),
            _ => crate::tr!(
                "import-feedback-sheet-chosen",
                sheet = quoted(&chosen.name),
                others = not_read
            ),
        });
    }
    Ok(table)
}

fn quoted(name: &str) -> String {
    format!("“{name}”")
}

/// A package that is not an Excel workbook, named for what it is.
fn another_kind(zip: &Zip) -> Option<Refusal> {
    let has = |name: &str| zip.index_for_name(name).is_some();
    if has("mimetype") || has("content.xml") {
        Some(Refusal::new(
            crate::tr!("import-feedback-ods"),
            crate::tr!("import-feedback-ods-help"),
        ))
    } else if has("xl/workbook.bin") {
        Some(Refusal::new(
            crate::tr!("import-feedback-xlsb"),
            crate::tr!("import-feedback-xlsb-help"),
        ))
    } else if has("word/document.xml") {
        Some(Refusal::new(
            crate::tr!("import-feedback-word"),
            crate::tr!("import-feedback-word-help"),
        ))
    } else {
        None
    }
}

/// The workbook part, as the package's relationships name it.
fn office_document(zip: &mut Zip) -> Result<String, Refusal> {
    let rels = read_relationships(zip, "_rels/.rels", "")?;
    Ok(rels
        .into_values()
        .find(|(kind, _)| kind.ends_with("/officeDocument"))
        .map(|(_, target)| target)
        .unwrap_or_else(|| "xl/workbook.xml".to_string()))
}

/// A sheet as the workbook lists it.
struct Sheet {
    name: String,
    visible: bool,
    relationship: String,
}

struct Book {
    sheets: Vec<Sheet>,
    /// Dates count from 1904 (old Mac workbooks), not 1900.
    date1904: bool,
}

fn workbook(zip: &mut Zip, path: &str) -> Result<Book, Refusal> {
    let Some(mut xml) = open(zip, path)? else {
        return Err(Refusal::new(
            crate::tr!("import-feedback-no-workbook", part = path),
            save_again(),
        ));
    };
    let mut book = Book {
        sheets: Vec::new(),
        date1904: false,
    };
    let mut buf = Vec::new();
    loop {
        match next(&mut xml, &mut buf, path)? {
            Event::Start(e) if e.local_name().as_ref() == "workbookPr" => {
                book.date1904 = matches!(attribute(&e, "date1904").as_deref(), Some("1" | "true"));
            }
            Event::Start(e) if e.local_name().as_ref() == "sheet" => {
                let state = attribute(&e, "state").unwrap_or_default();
                book.sheets.push(Sheet {
                    name: attribute(&e, "name").unwrap_or_default(),
                    visible: !matches!(state.as_str(), "hidden" | "veryHidden"),
                    relationship: attribute(&e, "id").unwrap_or_default(),
                });
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(book)
}

/// The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`).
fn relationships(zip: &mut Zip, part: &str) -> Result<HashMap<String, (String, String)>, Refusal> {
    let (folder, file) = part.rsplit_once('/').unwrap_or(("", part));
    let rels = match folder {
        "" => format!("_rels/{file}.rels"),
        _ => format!("{folder}/_rels/{file}.rels"),
    };
    read_relationships(zip, &rels, folder)
}

/// Relationship id → (type, target as a part name), targets taken from `folder`.
fn read_relationships(
    zip: &mut Zip,
    path: &str,
    folder: &str,
) -> Result<HashMap<String, (String, String)>, Refusal> {
    let mut out = HashMap::new();
    let Some(mut xml) = open(zip, path)? else {
        return Ok(out);
    };
    let mut buf = Vec::new();
    loop {
        match next(&mut xml, &mut buf, path)? {
            Event::Start(e) if e.local_name().as_ref() == "Relationship" => {
                if attribute(&e, "TargetMode").as_deref() == Some("External") {
                    continue;
                }
                let (Some(id), Some(kind), Some(target)) = (
                    attribute(&e, "Id"),
                    attribute(&e, "Type"),
                    attribute(&e, "Target"),
                ) else {
                    continue;
                };
                out.insert(id, (kind, resolve(folder, &target)));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// A relationship's target as a part name: `worksheets/sheet1.xml` from
/// `xl` is `xl/worksheets/sheet1.xml`; `/xl/…` is from the package's root.
fn resolve(folder: &str, target: &str) -> String {
    let mut parts: Vec<&str> = match target.strip_prefix('/') {
        Some(_) => Vec::new(),
        None => folder.split('/').filter(|p| !p.is_empty()).collect(),
    };
    for piece in target.trim_start_matches('/').split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_from_their_folder() {
        assert_eq!(
            resolve("xl", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            resolve("xl", "/xl/sharedStrings.xml"),
            "xl/sharedStrings.xml"
        );
        assert_eq!(
            resolve("xl/worksheets", "../sharedStrings.xml"),
            "xl/sharedStrings.xml"
        );
        assert_eq!(resolve("", "xl/workbook.xml"), "xl/workbook.xml");
    }
}
