//! Chinese word segmentation for the inline diff: jieba's dictionary method
//! (the most probable split of a run into listed words, weighing each word by
//! how often it occurs; a character no listed word starts with stands alone),
//! over a word list that `build.rs` bakes into the binary as a perfect-hash
//! map, with every prefix of its words so a walk along a run stops at the
//! first string that starts no word. Nothing is built at run time, so a process that diffs one paragraph
//! pays for one paragraph.
//!
//! The list is jieba's dictionary cut to the words it saw at least 50 times
//! (52,178 of 349,045); the words a diff of policy and legal text splits on
//! are all there (新型/城镇化, 立法/规划/和/年度). Made from jieba-rs 0.11's
//! `src/data/dict.txt` (MIT) with `awk '$2 >= 50 {print $1" "$2}'`.

include!(concat!(env!("OUT_DIR"), "/words.rs"));

/// Splits `run` (Chinese characters, no punctuation or spaces) into words and
/// appends them to `out`; their concatenation is `run`.
pub fn segment<'a>(run: &'a str, out: &mut Vec<&'a str>) {
    let bounds: Vec<usize> = run
        .char_indices()
        .map(|(i, _)| i)
        .chain([run.len()])
        .collect();
    let chars = bounds.len() - 1;
    let log_total = (TOTAL as f64).ln();
    // best[i]: log probability of the best split of the characters from i on,
    // and where its first word ends. Ties go to the longer word, as in jieba.
    let mut best = vec![(0.0f64, chars); chars + 1];
    for start in (0..chars).rev() {
        let mut choice: Option<(f64, usize)> = None;
        for end in start + 1..=chars {
            let Some(&freq) = WORDS.get(&run[bounds[start]..bounds[end]]) else {
                break;
            };
            if freq == 0 {
                continue;
            }
            let p = f64::from(freq).ln() - log_total + best[end].0;
            if choice.is_none_or(|(q, e)| p > q || (p == q && end > e)) {
                choice = Some((p, end));
            }
        }
        best[start] = choice.unwrap_or((best[start + 1].0 - log_total, start + 1));
    }
    let mut start = 0;
    while start < chars {
        let end = best[start].1;
        out.push(&run[bounds[start]..bounds[end]]);
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(run: &str) -> Vec<&str> {
        let mut out = Vec::new();
        segment(run, &mut out);
        out
    }

    #[test]
    fn unlisted_characters_stand_alone_and_the_empty_run_has_no_words() {
        assert!(words("").is_empty());
        assert_eq!(words("犇"), ["犇"]);
        assert_eq!(words("犇犇"), ["犇", "犇"]);
    }

    #[test]
    fn the_most_probable_split_wins_over_the_longest_first_word() {
        // 研究生命 is 研究/生命, not 研究生/命: 研究生 is a word, but the
        // split through it leaves 命 alone and is less probable.
        assert_eq!(words("研究生命起源"), ["研究", "生命", "起源"]);
    }
}
