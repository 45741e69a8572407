//! Tables in an imported text: Markdown pipe tables and HTML `<table>`s
//! (with `rowspan` and `colspan`) are taken out of the text before its lines
//! are read, each replaced by a placeholder line, and put back as tables
//! where the placeholder lands in the part tree.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Block, Cell, Part, Row, Table};

/// What a placeholder line starts with: a private-use character no
/// document holds, then the table's number.
const MARK: char = '\u{F8FF}';

static DELIMITER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$").unwrap());

/// The text with its tables taken out, and the tables in order.
pub fn extract(text: &str) -> (String, Vec<Table>) {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut tables = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        // A pipe table: a header line, a delimiter line, then rows.
        // (GFM: the delimiter row has as many cells as the header.)
        if line.contains('|')
            && lines.get(i + 1).is_some_and(|next| {
                DELIMITER.is_match(next.trim())
                    && next.contains('-')
                    && pipe_cells(next).len() == pipe_cells(line).len()
            })
        {
            let mut end = i + 2;
            while end < lines.len() && lines[end].trim().contains('|') {
                end += 1;
            }
            if let Some(table) = pipe_table(&lines[i..end]) {
                placeholder(&mut out, &mut tables, table, end - i);
                i = end;
                continue;
            }
        }
        // An HTML table, to its closing tag.
        if line.to_ascii_lowercase().starts_with("<table") {
            let close =
                (i..lines.len()).find(|&j| lines[j].to_ascii_lowercase().contains("</table>"));
            if let Some(end) = close {
                let html = lines[i..=end].join("\n");
                if let Some(table) = html_table(&html) {
                    placeholder(&mut out, &mut tables, table, end + 1 - i);
                    i = end + 1;
                    continue;
                }
            }
        }
        out.push(lines[i].to_string());
        i += 1;
    }
    (out.join("\n"), tables)
}

/// Writes a placeholder for a table that took `count` lines, then blank
/// lines for the rest, so later lines keep their numbers.
fn placeholder(out: &mut Vec<String>, tables: &mut Vec<Table>, table: Table, count: usize) {
    out.push(format!("{MARK}{}", tables.len()));
    tables.push(table);
    for _ in 1..count {
        out.push(String::new());
    }
}

/// The table a placeholder paragraph stands for.
pub fn placed(text: &str) -> Option<usize> {
    text.strip_prefix(MARK)?.parse().ok()
}

/// The cells of a pipe-table line: split at `|` not escaped, outer pipes dropped.
fn pipe_cells(line: &str) -> Vec<String> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let line = line
        .strip_suffix('|')
        .filter(|l| !l.ends_with('\\'))
        .unwrap_or(line);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '|' if !escaped => cells.push(std::mem::take(&mut cell)),
            '|' => {
                cell.pop();
                cell.push('|');
            }
            _ => cell.push(c),
        }
        escaped = c == '\\' && !escaped;
    }
    cells.push(cell);
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

fn pipe_table(lines: &[&str]) -> Option<Table> {
    let header = pipe_cells(lines[0]);
    let width = header.len();
    if width == 0 {
        return None;
    }
    // As GFM reads a row: cells past the header's are dropped, missing ones empty.
    let row = |line: &str| {
        let mut cells = pipe_cells(line);
        cells.resize(width, String::new());
        Row::of(cells)
    };
    Some(Table {
        header: vec![Row::of(header)],
        rows: lines[2..].iter().map(|l| row(l)).collect(),
        ..Table::default()
    })
}

/// An HTML table: its caption, header rows (in `<thead>`, or leading rows
/// of `<th>` only) and body rows, cells with their spans. Text only: markup
/// inside a cell is dropped, a `<br>` read as a line break.
fn html_table(html: &str) -> Option<Table> {
    let doc = scraper::Html::parse_fragment(html);
    let select = |s: &str| scraper::Selector::parse(s).ok();
    let table_sel = select("table")?;
    let table = doc.select(&table_sel).next()?;
    let caption = select("caption")
        .and_then(|s| table.select(&s).next())
        .map(|c| text_of(c))
        .filter(|c| !c.is_empty());
    let row_sel = select("tr")?;
    let cell_sel = select("th, td")?;
    let mut header = Vec::new();
    let mut rows = Vec::new();
    for tr in table.select(&row_sel) {
        // Rows of a nested table belong to it, not to this one.
        if tr
            .ancestors()
            .filter_map(scraper::ElementRef::wrap)
            .find(|a| a.value().name() == "table")
            != Some(table)
        {
            continue;
        }
        let in_head = tr
            .ancestors()
            .filter_map(scraper::ElementRef::wrap)
            .any(|a| a.value().name() == "thead");
        let mut all_th = true;
        let cells: Vec<Cell> = tr
            .select(&cell_sel)
            .filter(|c| c.parent().and_then(scraper::ElementRef::wrap) == Some(tr))
            .map(|c| {
                all_th &= c.value().name() == "th";
                let span = |name: &str| {
                    c.value()
                        .attr(name)
                        .and_then(|v| v.trim().parse::<u32>().ok())
                        .filter(|n| (1..=1000).contains(n))
                        .unwrap_or(1)
                };
                Cell {
                    text: text_of(c),
                    rows: span("rowspan"),
                    cols: span("colspan"),
                }
            })
            .collect();
        if cells.is_empty() {
            continue;
        }
        if in_head || (all_th && rows.is_empty()) {
            header.push(Row { cells });
        } else {
            rows.push(Row { cells });
        }
    }
    // Relative widths written as whole numbers (`<col width="3">`).
    let widths: Vec<u32> = select("col")
        .map(|s| {
            table
                .select(&s)
                .map(|c| c.value().attr("width").and_then(|w| w.trim().parse().ok()))
                .collect::<Option<Vec<u32>>>()
                .unwrap_or_default()
        })
        .unwrap_or_default();
    let mut table = Table {
        caption,
        widths: relative(widths),
        header,
        rows,
        ..Table::default()
    };
    if table.layout().is_err() {
        // Spans that run out of the table (HTML forgives them): cut them to fit.
        clip_spans(&mut table);
    }
    // Rows shorter than the first (a browser leaves the rest empty): padded.
    while let Err(crate::model::ShapeError::Width {
        row,
        width,
        expected,
    }) = table.layout()
    {
        if width >= expected {
            break;
        }
        let header = table.header.len();
        let target = if row < header {
            &mut table.header[row]
        } else {
            &mut table.rows[row - header]
        };
        target
            .cells
            .extend((width..expected).map(|_| Cell::new("")));
    }
    if table.layout().is_err() {
        // Widths that do not fit the columns are left out.
        table.widths.clear();
    }
    table.layout().ok()?;
    Some(table)
}

/// Widths as a draft keeps them: whole numbers from 1, the largest at most
/// 100 (twips from Word become their ratio); none if any is 0.
fn relative(widths: Vec<u32>) -> Vec<u32> {
    let most = widths.iter().copied().max().unwrap_or(0);
    if widths.contains(&0) {
        return Vec::new();
    }
    if most <= 100 {
        return widths;
    }
    widths
        .iter()
        .map(|&w| ((u64::from(w) * 100 + u64::from(most) / 2) / u64::from(most)).max(1) as u32)
        .collect()
}

/// A cell's text: its text nodes, whitespace runs as one space, `<br>` as a
/// line break.
fn text_of(cell: scraper::ElementRef) -> String {
    let mut out = String::new();
    for node in cell.descendants() {
        if let Some(t) = node.value().as_text() {
            out.push_str(t);
        } else if node.value().as_element().is_some_and(|e| e.name() == "br") {
            out.push('\n');
        }
    }
    out.split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// Cuts row spans at the end of the header or the table, as a browser draws them.
fn clip_spans(table: &mut Table) {
    let header = table.header.len();
    let total = header + table.rows.len();
    let rows = table.header.iter_mut().chain(table.rows.iter_mut());
    for (r, row) in rows.enumerate() {
        let limit = if r < header { header } else { total };
        for cell in &mut row.cells {
            cell.rows = cell.rows.min((limit - r) as u32).max(1);
        }
    }
}

/// Puts each table back where its placeholder paragraph landed.
pub fn restore(parts: &mut [Part], tables: &[Table]) {
    super::visit_parts(parts, &mut |part| {
        for block in &mut part.body {
            if let Block::Para(p) = block
                && let Some(table) = placed(p).and_then(|n| tables.get(n))
            {
                *block = Block::Table(table.clone());
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_table_keeps_escaped_pipes_and_pads_short_rows() {
        let (text, tables) =
            extract("前文。\n\n| 序号 | 任务 |\n|---|:---:|\n| 1 | 甲 \\| 乙 |\n| 2 |\n\n后文。");
        assert_eq!(tables.len(), 1);
        let grid = tables[0].grid().unwrap();
        assert_eq!(grid[1], ["1", "甲 | 乙"]);
        assert_eq!(grid[2], ["2", ""]);
        // The line count is kept: 后文 is still on line 8.
        assert_eq!(text.split('\n').nth(7), Some("后文。"));
        assert_eq!(placed(text.split('\n').nth(2).unwrap()), Some(0));
    }

    #[test]
    fn a_short_html_row_is_padded_and_a_mismatched_delimiter_is_no_table() {
        let (_, tables) =
            extract("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>");
        assert_eq!(tables[0].grid().unwrap()[1], ["c", ""]);
        let (text, tables) = extract("甲|乙\n---\n");
        assert!(tables.is_empty());
        assert!(text.starts_with("甲|乙"));
    }

    #[test]
    fn an_html_table_keeps_its_spans_and_header() {
        let html = "<table><caption>分工</caption><thead><tr><th>序号</th><th>任务</th><th>牵头单位</th></tr></thead>\n<tbody><tr><td>1</td><td>甲</td><td rowspan=\"2\">发改局</td></tr>\n<tr><td>2</td><td>乙<br>丙</td></tr></tbody></table>";
        let (_, tables) = extract(html);
        let t = &tables[0];
        assert_eq!(t.caption.as_deref(), Some("分工"));
        assert_eq!(t.header.len(), 1);
        assert_eq!(t.rows[0].cells[2].rows, 2);
        assert_eq!(t.grid().unwrap()[2], ["2", "乙\n丙", "发改局"]);
    }
}
