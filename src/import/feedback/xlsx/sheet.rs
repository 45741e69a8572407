//! What the cells of a sheet show: the shared strings they point into, the
//! styles that make a number a date, and the sheet's own cells and merged
//! areas, read one at a time and counted as they come.

use std::collections::HashMap;
use std::sync::Arc;

use quick_xml::events::Event;

use super::super::table::{
    Cell, LAST_COLUMN, LAST_ROW, MAX_CELL_CHARS, MAX_CELLS, Merge, Table, cell_name, parse_cell,
};
use super::super::{Refusal, excel_date};
use super::part::{
    Many, Zip, attribute, excel_unescape, next, open, reference, save_again, text_until, too_long,
    too_many,
};

/// The workbook's shared strings, at most [`MAX_CELLS`] of them: a sheet
/// cannot use more.
pub fn shared_strings(zip: &mut Zip, path: &str) -> Result<Vec<Arc<str>>, Refusal> {
    let Some(mut xml) = open(zip, path)? else {
        return Ok(Vec::new());
    };
    let mut strings = Vec::new();
    let mut buf = Vec::new();
    loop {
        match next(&mut xml, &mut buf, path)? {
            Event::Start(e) if e.local_name().as_ref() == "si" => {
                if strings.len() >= MAX_CELLS {
                    return Err(too_many(path, Many::Strings));
                }
                strings.push(Arc::from(text_until(&mut xml, "si", path)?));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(strings)
}

/// For each cell style (`s="3"`), whether it shows a number as a date.
pub fn date_styles(zip: &mut Zip, path: &str) -> Result<Vec<bool>, Refusal> {
    let Some(mut xml) = open(zip, path)? else {
        return Ok(Vec::new());
    };
    let mut custom: HashMap<u32, bool> = HashMap::new();
    let mut formats: Vec<u32> = Vec::new();
    let mut in_cell_xfs = false;
    let mut buf = Vec::new();
    loop {
        match next(&mut xml, &mut buf, path)? {
            Event::Start(e) => match e.local_name().as_ref() {
                "numFmt" => {
                    if let (Some(id), Some(code)) = (
                        attribute(&e, "numFmtId").and_then(|i| i.parse().ok()),
                        attribute(&e, "formatCode"),
                    ) {
                        custom.insert(id, is_date_format(&code));
                    }
                }
                "cellXfs" => in_cell_xfs = true,
                "xf" if in_cell_xfs => formats.push(
                    attribute(&e, "numFmtId")
                        .and_then(|i| i.parse().ok())
                        .unwrap_or(0),
                ),
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "cellXfs" => in_cell_xfs = false,
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(formats
        .into_iter()
        .map(|id| {
            custom.get(&id).copied().unwrap_or(matches!(
                id,
                // Excel's built-in date formats, with the Chinese ones (27–36, 50–58).
                14..=17 | 22 | 27..=36 | 50..=58
            ))
        })
        .collect())
}

/// Whether a number format shows a date: it has a day or a year outside
/// quoted text and `[…]` (colours, locales, `[DBNum1]`).
fn is_date_format(code: &str) -> bool {
    let (mut quoted, mut bracket, mut escaped) = (false, false, false);
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            'y' | 'Y' | 'd' | 'D' if !quoted && !bracket => return true,
            _ => {}
        }
    }
    false
}

/// A number as Excel's General format shows it: 12, not 12.0.
fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// What a sheet is read with.
pub struct Context<'a> {
    pub strings: &'a [Arc<str>],
    pub dates: &'a [bool],
    pub date1904: bool,
    /// The sheet's part name, for messages.
    pub part: &'a str,
}

/// What a cell's `t` says its value is.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
enum Kind {
    /// An index into the shared strings.
    Shared,
    /// Text in the cell itself, `<is>`.
    Inline,
    /// A formula's text result.
    FormulaText,
    Boolean,
    /// An error Excel shows: #REF!, #N/A …
    Error,
    /// An ISO 8601 date.
    Date,
    #[default]
    Number,
}

impl Kind {
    fn of(t: &str) -> Kind {
        match t {
            "s" => Kind::Shared,
            "inlineStr" => Kind::Inline,
            "str" => Kind::FormulaText,
            "b" => Kind::Boolean,
            "e" => Kind::Error,
            "d" => Kind::Date,
            _ => Kind::Number,
        }
    }
}

/// One `<c>` being read.
#[derive(Default)]
struct Pending {
    row: u32,
    column: u32,
    kind: Kind,
    style: usize,
    formula: bool,
    value: Option<String>,
    inline: Option<String>,
}

impl Pending {
    /// What the cell shows; `None` for an empty one.
    fn finish(self, context: &Context) -> Result<Option<Cell>, Refusal> {
        let value = self.value.filter(|v| !v.is_empty());
        if value
            .as_ref()
            .is_some_and(|v| v.len() > MAX_CELL_CHARS && v.chars().count() > MAX_CELL_CHARS)
        {
            let cell = cell_name(self.row, self.column);
            return Err(too_long(context.part, Some(&cell)));
        }
        if value.is_none() && self.inline.is_none() {
            return Ok(self.formula.then_some(Cell::Uncalculated));
        }
        let text: Arc<str> = match self.kind {
            Kind::Shared => {
                let index = value
                    .as_deref()
                    .and_then(|v| v.trim().parse::<usize>().ok());
                match index.and_then(|i| context.strings.get(i)) {
                    Some(s) => Arc::clone(s),
                    None => {
                        return Err(Refusal::new(
                            crate::tr!(
                                "import-feedback-missing-string",
                                cell = cell_name(self.row, self.column),
                                part = context.part
                            ),
                            save_again(),
                        ));
                    }
                }
            }
            Kind::Inline => Arc::from(self.inline.unwrap_or_default()),
            Kind::FormulaText => Arc::from(excel_unescape(&value.unwrap_or_default())),
            Kind::Boolean => Arc::from(match value.as_deref() {
                Some("1" | "true") => "TRUE",
                _ => "FALSE",
            }),
            Kind::Error => return Ok(Some(Cell::Error(value.unwrap_or_default()))),
            // An ISO 8601 date and time: the date.
            Kind::Date => {
                let v = value.unwrap_or_default();
                Arc::from(v.split('T').next().unwrap_or_default())
            }
            Kind::Number => {
                let v = value.unwrap_or_default();
                match v.trim().parse::<f64>() {
                    Ok(n) if context.dates.get(self.style).copied().unwrap_or(false) => {
                        Arc::from(excel_date(n, context.date1904))
                    }
                    Ok(n) => Arc::from(number_text(n)),
                    Err(_) => Arc::from(v),
                }
            }
        };
        Ok((!text.trim().is_empty()).then_some(Cell::Text(text)))
    }
}

/// Reads a sheet's cells and merged areas.
pub fn sheet(zip: &mut Zip, context: &Context) -> Result<Table, Refusal> {
    let part = context.part;
    let Some(mut xml) = open(zip, part)? else {
        return Err(Refusal::new(
            crate::tr!("import-feedback-no-sheet-part", part = part),
            save_again(),
        ));
    };
    let bad_reference = |r: &str| {
        Refusal::new(
            crate::tr!(
                "import-feedback-bad-reference",
                part = part,
                reference = r,
                last = cell_name(LAST_ROW, LAST_COLUMN - 1)
            ),
            save_again(),
        )
    };
    let mut cells: Vec<(u32, u32, Cell)> = Vec::new();
    let mut merges = Vec::new();
    let (mut row, mut next_column) = (0u32, 0u32);
    let mut pending: Option<Pending> = None;
    let mut in_value = false;
    let mut buf = Vec::new();
    loop {
        match next(&mut xml, &mut buf, part)? {
            Event::Start(e) => match e.local_name().as_ref() {
                "row" => {
                    row = match attribute(&e, "r") {
                        Some(r) => r
                            .trim()
                            .parse()
                            .ok()
                            .filter(|r| (1..=LAST_ROW).contains(r))
                            .ok_or_else(|| bad_reference(&r))?,
                        None => row + 1,
                    };
                    next_column = 0;
                }
                "c" => {
                    // One pass over the attributes: a sheet has a million cells.
                    let (mut reference, mut kind, mut style) = (None, Kind::Number, 0);
                    for a in e.attributes().with_checks(false).flatten() {
                        match a.key.local_name().as_ref() {
                            "r" => {
                                reference = Some(
                                    parse_cell(&a.value).ok_or_else(|| bad_reference(&a.value))?,
                                );
                            }
                            "t" => kind = Kind::of(&a.value),
                            "s" => style = a.value.trim().parse().unwrap_or(0),
                            _ => {}
                        }
                    }
                    let (r, c) = match reference {
                        Some(at) => at,
                        None if next_column < LAST_COLUMN => (row.max(1), next_column),
                        None => return Err(bad_reference(&cell_name(row, next_column))),
                    };
                    row = r;
                    next_column = c + 1;
                    pending = Some(Pending {
                        row: r,
                        column: c,
                        kind,
                        style,
                        ..Pending::default()
                    });
                }
                "v" => in_value = true,
                "f" => {
                    if let Some(p) = &mut pending {
                        p.formula = true;
                    }
                }
                "is" => {
                    let text = text_until(&mut xml, "is", part)?;
                    if let Some(p) = &mut pending {
                        p.inline = Some(text);
                    }
                }
                "mergeCell" => {
                    let reference = attribute(&e, "ref").unwrap_or_default();
                    let merge = match reference.split_once(':') {
                        Some((a, b)) => (parse_cell(a), parse_cell(b)),
                        None => continue,
                    };
                    let (Some(a), Some(b)) = merge else {
                        return Err(bad_reference(&reference));
                    };
                    if merges.len() >= MAX_CELLS {
                        return Err(too_many(part, Many::MergedAreas));
                    }
                    merges.push(Merge {
                        first_row: a.0.min(b.0),
                        last_row: a.0.max(b.0),
                        first_column: a.1.min(b.1),
                        last_column: a.1.max(b.1),
                    });
                }
                _ => {}
            },
            Event::Text(t) if in_value => {
                if let Some(p) = &mut pending {
                    p.value.get_or_insert_default().push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_value => {
                if let (Some(p), Some(c)) = (&mut pending, reference(&r)) {
                    p.value.get_or_insert_default().push(c);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "v" => in_value = false,
                "c" => {
                    if let Some(cell) = pending.take().map(|p| (p.row, p.column, p.finish(context)))
                    {
                        let (r, c, shown) = cell;
                        if let Some(shown) = shown? {
                            if cells.len() >= MAX_CELLS {
                                return Err(too_many(part, Many::Cells));
                            }
                            cells.push((r, c, shown));
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    let mut table = Table::from_cells(cells);
    table.merges = merges;
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_formats_are_told_from_number_formats() {
        for date in [
            "yyyy-mm-dd",
            "yyyy\"年\"m\"月\"d\"日\"",
            "[$-804]yyyy年m月d日",
            "d-mmm",
        ] {
            assert!(is_date_format(date), "{date}");
        }
        for number in ["0.00", "General", "[Red]0", "\"day\"0", "#,##0"] {
            assert!(!is_date_format(number), "{number}");
        }
    }

    #[test]
    fn numbers_read_as_excel_shows_them() {
        assert_eq!(number_text(12.0), "12");
        assert_eq!(number_text(1.5), "1.5");
        assert_eq!(number_text(-3.0), "-3");
    }
}
