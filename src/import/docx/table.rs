//! A Word table as one line of HTML, which the text importer reads as a
//! table: merged cells (`gridSpan` across, `vMerge` down) become `colspan`
//! and `rowspan`, rows repeated on each page (`tblHeader`) the `<thead>`,
//! and a fixed layout's column widths `<col width>` in their ratios.

use roxmltree::Node;

use super::{attr, child, is_w};

/// One cell as Word writes it.
struct WordCell {
    /// The grid column it starts in.
    column: usize,
    /// Grid columns it spans.
    span: usize,
    /// Whether it continues a merge from the row above (and is not written).
    continues: bool,
    text: String,
}

/// A row: whether it is a header row, and its cells.
struct WordRow {
    header: bool,
    cells: Vec<WordCell>,
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// The table as HTML; `text` gives a paragraph's text.
pub(super) fn html<'a, 'i>(tbl: Node<'a, 'i>, text: impl Fn(Node<'a, 'i>) -> String) -> String {
    let rows: Vec<WordRow> = tbl
        .children()
        .filter(|c| is_w(c, "tr"))
        .map(|row| {
            let header = child(&row, "trPr").is_some_and(|p| child(&p, "tblHeader").is_some());
            let mut column = 0;
            let cells = row
                .children()
                .filter(|c| is_w(c, "tc"))
                .map(|cell| {
                    let props = child(&cell, "tcPr");
                    let span = props
                        .and_then(|p| child(&p, "gridSpan"))
                        .and_then(|g| attr(&g, "val"))
                        .and_then(|v| v.parse::<usize>().ok())
                        .filter(|n| (1..=1000).contains(n))
                        .unwrap_or(1);
                    let continues = props
                        .and_then(|p| child(&p, "vMerge"))
                        .is_some_and(|m| attr(&m, "val").is_none_or(|v| v == "continue"));
                    let paragraphs: Vec<String> = cell
                        .children()
                        .filter(|p| is_w(p, "p"))
                        .map(&text)
                        .collect();
                    let c = WordCell {
                        column,
                        span,
                        continues,
                        text: paragraphs.join("\n"),
                    };
                    column += span;
                    c
                })
                .collect();
            WordRow { header, cells }
        })
        .collect();
    let mut html = String::from("<table>");
    html.push_str(&widths(tbl));
    let heads = rows.iter().take_while(|r| r.header).count();
    for (r, row) in rows.iter().enumerate() {
        if r == 0 && heads > 0 {
            html.push_str("<thead>");
        }
        if r == heads {
            html.push_str("<tbody>");
        }
        html.push_str("<tr>");
        for cell in row.cells.iter().filter(|c| !c.continues) {
            // Rows below whose cell in this column continues this one.
            let down = rows[r + 1..]
                .iter()
                .take_while(|below| {
                    below
                        .cells
                        .iter()
                        .any(|c| c.column == cell.column && c.continues)
                })
                .count();
            let tag = if r < heads { "th" } else { "td" };
            html.push_str(&format!("<{tag}"));
            if down > 0 {
                html.push_str(&format!(" rowspan=\"{}\"", down + 1));
            }
            if cell.span > 1 {
                html.push_str(&format!(" colspan=\"{}\"", cell.span));
            }
            let text = crate::text::escape_html(&cell.text).replace('\n', "<br>");
            html.push_str(&format!(">{text}</{tag}>"));
        }
        html.push_str("</tr>");
        if r + 1 == heads {
            html.push_str("</thead>");
        }
    }
    if rows.len() > heads {
        html.push_str("</tbody>");
    }
    html.push_str("</table>");
    html
}

/// A fixed layout's column widths in their ratios (`<colgroup>`), or nothing.
fn widths(tbl: Node) -> String {
    let fixed = child(&tbl, "tblPr")
        .and_then(|p| child(&p, "tblLayout"))
        .is_some_and(|l| attr(&l, "type") == Some("fixed"));
    let grid: Vec<u64> = child(&tbl, "tblGrid")
        .map(|g| {
            g.children()
                .filter(|c| is_w(c, "gridCol"))
                .filter_map(|c| attr(&c, "w").and_then(|w| w.parse().ok()))
                .collect()
        })
        .unwrap_or_default();
    if !fixed || grid.is_empty() || grid.contains(&0) {
        return String::new();
    }
    let unit = grid.iter().copied().fold(0, gcd);
    let cols: String = grid
        .iter()
        .map(|w| format!("<col width=\"{}\">", w / unit))
        .collect();
    format!("<colgroup>{cols}</colgroup>")
}
