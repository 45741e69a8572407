//! HTML tables in Markdown, read as a browser reads them: their cells with
//! their spans, header rows and caption, the cells' text as text (HTML's
//! text is not Markdown), and their nesting bounded before a tree is built.

use crate::model::{Cell, Row, ShapeError, Table};

use super::tables::{normalise, relative};

/// How deep an HTML table's elements may nest. A browser's tree builder
/// walks the elements left open for each tag, so a table nested a hundred
/// thousand deep takes minutes; a table as people write it nests a few
/// levels in a cell.
pub(super) const MAX_DEPTH: usize = 256;

/// How deep an HTML fragment's elements nest, counting only those whose
/// end tag HTML requires: a void element (`<br>`) and one whose end tag may
/// be left out (`<td>`, `<tr>`, `<p>`, `<li>`) are closed by the tree
/// builder without being counted, and `<div/>` opens a div (HTML ignores
/// the slash). Comments and quoted attribute values are skipped; anything
/// else is counted as it looks.
pub(super) fn depth(html: &str) -> usize {
    const UNCOUNTED: [&str; 33] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "param", "td", "th", "tr", "thead", "tbody", "tfoot", "colgroup",
        "caption", "p", "li", "dt", "dd", "option", "optgroup", "rb", "rt", "rp", "rtc",
        "basefont",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while let Some(at) = bytes
        .get(i..)
        .and_then(|b| b.iter().position(|&c| c == b'<'))
    {
        i += at + 1;
        if bytes[i..].starts_with(b"!--") {
            i = html[i..].find("-->").map_or(bytes.len(), |e| i + e + 3);
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let name_len = bytes[start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        let name = html[start..start + name_len].to_ascii_lowercase();
        // To the tag's end, past quoted values.
        let mut quote = None;
        let mut end = start + name_len;
        while let Some(&c) = bytes.get(end) {
            match (quote, c) {
                (Some(q), _) if c == q => quote = None,
                (None, b'"' | b'\'') => quote = Some(c),
                (None, b'>') => break,
                _ => {}
            }
            end += 1;
        }
        i = end;
        if name.is_empty() || UNCOUNTED.contains(&name.as_str()) {
            continue;
        }
        // `<div/>` opens a div all the same: HTML ignores the slash.
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// An HTML table: its caption, header rows (in `<thead>`, or leading rows
/// of `<th>` only) and body rows, cells with their spans. Text only: markup
/// inside a cell is dropped, a `<br>` read as a line break.
pub(super) fn table(html: &str) -> Result<Option<Table>, ShapeError> {
    let doc = scraper::Html::parse_fragment(html);
    let select = |s: &str| scraper::Selector::parse(s).ok();
    let (Some(table_sel), Some(row_sel), Some(cell_sel)) =
        (select("table"), select("tr"), select("th, td"))
    else {
        return Ok(None);
    };
    let Some(table) = doc.select(&table_sel).next() else {
        return Ok(None);
    };
    let caption = select("caption")
        .and_then(|s| table.select(&s).next())
        .map(|c| text_of(c))
        .filter(|c| !c.is_empty());
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
                // As a browser reads them: at most 1000 columns and 65534
                // rows; 0 or nonsense is 1.
                let span = |name: &str, most: u32| {
                    c.value()
                        .attr(name)
                        .and_then(|v| v.trim().parse::<u32>().ok())
                        .map_or(1, |n| n.clamp(1, most))
                };
                Cell {
                    text: text_of(c),
                    rows: span("rowspan", 65_534),
                    cols: span("colspan", 1_000),
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
    normalise(Table {
        caption,
        widths: relative(widths),
        header,
        rows,
        ..Table::default()
    })
}

/// A cell's text as author text: its text nodes, whitespace runs as one
/// space, `<br>` as a line break. HTML's text is not Markdown: it shows as
/// written.
fn text_of(cell: scraper::ElementRef) -> String {
    let mut out = String::new();
    for node in cell.descendants() {
        if let Some(t) = node.value().as_text() {
            out.push_str(t);
        } else if node.value().as_element().is_some_and(|e| e.name() == "br") {
            out.push('\n');
        }
    }
    let text = out
        .split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n");
    crate::text::from_plain(text.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_nesting_counts_the_elements_a_tree_builder_keeps_open() {
        assert_eq!(depth("<table><tr><td><div><b>x</b></div><br><td>y"), 3);
        assert_eq!(
            depth("<table><!-- <div><div> --><div a='>' b=\"<\"/></table>"),
            2
        );
        assert_eq!(depth(&"<div/>".repeat(300)), 300);
        assert_eq!(depth("<TABLE><DIV><Div></div></div></table>"), 3);
        for cut in ["<", "</", "<!--", "<div a='", "<table><div"] {
            depth(cut);
        }
    }
}
