//! Where new comments go in a comments file: after its list's last entry,
//! found with the YAML parser's own spans, as the file writes its list.

use granit_parser::{Event, Parser, StructureStyle};

/// Where new comments go in a comments file.
#[derive(Debug, PartialEq)]
pub(super) enum Spot {
    /// A block list: at `at`, where it ends, each with its dash at `indent`.
    Block { at: usize, indent: usize },
    /// An empty flow list `[]` (`open..close`) under a block mapping's key:
    /// it becomes a block list, dashes at `indent`.
    EmptyFlow {
        open: usize,
        close: usize,
        indent: usize,
    },
    /// A flow list: before its `]` at `close`, each entry at `indent`, after a
    /// comma at `comma` (the end of its last entry) when it has none.
    Flow {
        close: usize,
        comma: Option<usize>,
        indent: usize,
    },
}

/// Finds the list of comments in a comments file `check` accepts (a mapping
/// whose only key is `comments`) with the YAML parser's own spans.
pub(super) fn spot(text: &str) -> Option<Spot> {
    let mut depth = 0usize;
    let mut root_flow = false;
    let mut key_column = None;
    let mut list: Option<(StructureStyle, usize, usize)> = None;
    let mut last_item_end = None;
    // Where the first entry starts, if on a line of its own: new flow
    // entries line up with it.
    let mut first_item: Option<usize> = None;
    let mut first_seen = false;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.ok()?;
        let start = span.start.byte_offset()?;
        let end = span.end.byte_offset()?;
        let entry_starts = depth == 2
            && list.is_some()
            && matches!(event, Event::MappingStart(..) | Event::Scalar(..));
        if entry_starts && !first_seen {
            first_seen = true;
            let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
            if text[line_start..start].trim().is_empty() {
                first_item = Some(span.start.col());
            }
        }
        match event {
            Event::MappingStart(style, ..) => {
                if depth == 0 {
                    root_flow = style == StructureStyle::Flow;
                }
                depth += 1;
            }
            Event::SequenceStart(style, ..) => {
                if depth == 1 && key_column.is_some() && list.is_none() {
                    list = Some((style, start, span.start.col()));
                }
                depth += 1;
            }
            Event::Scalar(..) if depth == 1 && key_column.is_none() => {
                key_column = Some(span.start.col());
            }
            Event::Scalar(..) | Event::Alias(..) if depth == 2 && list.is_some() => {
                last_item_end = Some(end);
            }
            Event::MappingEnd | Event::SequenceEnd => {
                depth = depth.checked_sub(1)?;
                if depth == 2 && list.is_some() {
                    last_item_end = Some(end);
                }
                if depth == 1
                    && matches!(event, Event::SequenceEnd)
                    && let Some((style, open, column)) = list
                {
                    let key_column = key_column?;
                    return Some(match style {
                        StructureStyle::Block => Spot::Block {
                            at: start,
                            indent: dash_column(text, open, column)?,
                        },
                        StructureStyle::Flow if last_item_end.is_none() && !root_flow => {
                            Spot::EmptyFlow {
                                open,
                                close: end,
                                indent: key_column + 2,
                            }
                        }
                        StructureStyle::Flow => Spot::Flow {
                            close: start,
                            comma: last_item_end.filter(|after| !has_comma(&text[*after..start])),
                            indent: first_item.unwrap_or(key_column + 2),
                        },
                    });
                }
            }
            _ => {}
        }
    }
    None
}

/// The column of a block list's first dash: at `at` (column `column`), or,
/// for a list written `- id:` under its key, before the entry the parser
/// points at.
fn dash_column(text: &str, at: usize, column: usize) -> Option<usize> {
    if text[at..].starts_with('-') {
        return Some(column);
    }
    let dash = text[..at].trim_end_matches([' ', '\t', '\n', '\r']);
    let dash = dash.strip_suffix('-').map(str::len)?;
    let line_start = text[..dash].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    Some(text[line_start..dash].chars().count())
}

/// Whether the text between a flow list's last entry and its `]` (space,
/// line breaks and remarks only) holds a comma.
fn has_comma(between: &str) -> bool {
    between
        .split(['\n', '\r'])
        .any(|line| line.split('#').next().unwrap_or("").contains(','))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remarks_hold_no_comma() {
        assert!(!has_comma(" # a, b\n "));
        assert!(has_comma(" ,# a\n"));
    }
}
