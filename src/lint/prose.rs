//! What in a text is not prose, for the rules to pass over: URLs and e-mail
//! addresses, Markdown link targets and code, references by id, HTML tags
//! and entities. Read once, forward, whatever the text holds: an unclosed
//! `[[` or `<a` does not send each later one to the end of the text again.

use super::text::is_chinese_mark;

/// Characters that are not prose: URLs, e-mail addresses, Markdown link
/// targets, code spans, references by id and HTML tags.
pub(crate) fn protected(chars: &[char]) -> Vec<bool> {
    let n = chars.len();
    let mut mask = vec![false; n];
    let starts = |i: usize, s: &str| {
        s.chars()
            .enumerate()
            .all(|(k, c)| chars.get(i + k).is_some_and(|x| x.eq_ignore_ascii_case(&c)))
    };
    // An unclosed `[[` or `<a` looks ahead for its end; the next one would
    // look over the same characters again.
    let mut closing_brackets = Next::new(|k| starts(k, "]]"));
    let mut tag_end = Next::new(|k| chars[k] == '>' || !chars[k].is_ascii());
    let mut i = 0;
    while i < n {
        // Only these characters can start what is not prose.
        if !matches!(
            chars[i],
            'h' | 'H' | 'f' | 'F' | 'w' | 'W' | '&' | ']' | '[' | '`' | '<' | '@'
        ) {
            i += 1;
            continue;
        }
        let end = if starts(i, "http://")
            || starts(i, "https://")
            || starts(i, "ftp://")
            || starts(i, "www.")
        {
            // A URL may hold Chinese (/政策?id=1); it ends at a space or a
            // Chinese mark.
            (i..n)
                .find(|&k| chars[k].is_whitespace() || is_chinese_mark(chars[k]))
                .unwrap_or(n)
        } else if chars[i] == '&'
            && let Some(len) = entity(&chars[i..])
        {
            i + len
        } else if starts(i, "](") {
            (i + 2..n).find(|&k| chars[k] == ')').map_or(n, |k| k + 1)
        } else if starts(i, "[[") {
            closing_brackets.from(i + 2, n).map_or(i + 2, |k| k + 2)
        } else if chars[i] == '`' {
            (i + 1..n)
                .find(|&k| chars[k] == '`')
                .map_or(i + 1, |k| k + 1)
        } else if chars[i] == '<'
            && chars
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == '/')
        {
            tag_end.from(i + 1, n).map_or(i + 1, |k| k + 1)
        } else if chars[i] == '@' {
            // An e-mail address: the ASCII word around the @.
            let word = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
            let mut s = i;
            while s > 0 && word(chars[s - 1]) {
                s -= 1;
            }
            mask[s..i].iter_mut().for_each(|m| *m = true);
            (i + 1..n).find(|&k| !word(chars[k])).unwrap_or(n)
        } else {
            i + 1
        };
        if end > i + 1 || matches!(chars[i], '`' | '<' | '@' | '&') {
            mask[i..end.min(n)].iter_mut().for_each(|m| *m = true);
        }
        i = end.max(i + 1);
    }
    mask
}

/// The first place at or after a point where something holds, for points
/// that only move forward: each character is looked at once, whatever the
/// number of points.
struct Next<F> {
    /// Where the last search started, and what it found (`None`: nothing to the end).
    last: Option<(usize, Option<usize>)>,
    holds: F,
}

impl<F: Fn(usize) -> bool> Next<F> {
    fn new(holds: F) -> Self {
        Next { last: None, holds }
    }

    /// The first `k` in `from..n` where it holds.
    fn from(&mut self, from: usize, n: usize) -> Option<usize> {
        if let Some((start, found)) = self.last
            && start <= from
            && found.is_none_or(|k| k >= from)
        {
            return found;
        }
        let found = (from..n).find(|&k| (self.holds)(k));
        self.last = Some((from, found));
        found
    }
}

/// The length of an HTML entity (`&nbsp;`, `&#x4E2D;`) at the start, if one is.
fn entity(chars: &[char]) -> Option<usize> {
    let end = chars.iter().take(12).position(|c| *c == ';')?;
    let body = &chars[1..end];
    let named = !body.is_empty() && body.iter().all(|c| c.is_ascii_alphanumeric());
    let numeric = body.first() == Some(&'#')
        && body.len() > 1
        && body[1..]
            .iter()
            .all(|c| c.is_ascii_hexdigit() || *c == 'x' || *c == 'X');
    (named || numeric).then_some(end + 1)
}
