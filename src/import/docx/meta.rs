//! What a .docx gongwen wrote says in its own styles: the head (标题,
//! 稿别, 发文字号), the tail (署名, 日期, 附件说明, 版记), and the part ids its
//! bookmarks carry.

use crate::word_styles::WordStyle;

/// The styles whose paragraphs go to [`super::DocxText::meta`].
pub(super) const META_STYLES: [WordStyle; 5] = [
    WordStyle::Signature,
    WordStyle::Date,
    WordStyle::Attachment,
    WordStyle::To,
    WordStyle::Imprint,
];

/// The part id a gongwen bookmark carries (see the writer's
/// `bookmark_name`): `_gw_public_dservices` → `public-services`.
pub fn part_id(name: &str) -> Option<String> {
    let rest = name.strip_prefix("_gw_")?;
    let mut id = String::new();
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        if c != '_' {
            id.push(c);
            continue;
        }
        match chars.next()? {
            'd' => id.push('-'),
            'u' => id.push('_'),
            'x' => {
                let hex: String = chars.by_ref().take_while(|&h| h != '_').collect();
                id.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
            }
            _ => return None,
        }
    }
    // A bookmark renamed by hand (or by another program) may decode to what
    // the loader would refuse as an id: then it carries none.
    (!id.is_empty() && id.chars().all(crate::text::links::is_id_char)).then_some(id)
}

/// The styles of the head (标题, 稿别, 发文字号): their paragraphs open the
/// text in the order the recogniser reads a head, whatever their order in
/// the file (GB/T 9704 puts the document number above the title).
pub(super) const HEAD_STYLES: [WordStyle; 3] =
    [WordStyle::Title, WordStyle::Stage, WordStyle::Number];

/// Fills the metadata a gongwen .docx holds in its own styles.
pub fn apply_meta(meta: &mut crate::model::Meta, paragraphs: &[(WordStyle, String)]) {
    for (style, raw) in paragraphs {
        let text = raw.trim();
        match style {
            WordStyle::Signature => meta.organ = Some(text.to_string()),
            WordStyle::Date => meta.date = crate::model::Date::parse(text).or(meta.date),
            WordStyle::To => meta.to = Some(text.trim_end_matches(['：', ':']).to_string()),
            WordStyle::Attachment => {
                let item = text.strip_prefix("附件：").unwrap_or(text);
                // 1.名称 when there are several.
                let item = match item.split_once(['.', '．']) {
                    Some((n, rest)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => {
                        rest
                    }
                    _ => item,
                };
                meta.attachments.push(item.to_string());
            }
            WordStyle::Imprint => {
                if let Some(cc) = text.strip_prefix("抄送：") {
                    meta.cc = cc
                        .trim_end_matches('。')
                        .split(['，', '、'])
                        .map(str::to_string)
                        .collect();
                } else {
                    // 印发机关, a tab, then the date印发.
                    let (printer, printed) = raw.split_once('\u{3000}').unwrap_or((raw, ""));
                    let printer = printer.trim();
                    if !printer.is_empty() {
                        meta.printer = Some(printer.to_string());
                    }
                    meta.printed =
                        crate::model::Date::parse(printed.trim().trim_end_matches("印发"));
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names gongwen writes read back in the writer's test; these are
    /// names it does not write.
    #[test]
    fn other_bookmarks_carry_no_part_id() {
        for name in ["_Toc123", "_gw_a_q", "_gw_fund_x3001_ng", "_gw_"] {
            assert_eq!(part_id(name), None, "{name}");
        }
    }
}
