//! The baked-in segmenter splits Chinese exactly as jieba-rs does with the
//! same word list (jieba's `cut` without its HMM), on every run of Chinese in
//! the corpus's real laws and policies.

use std::fs;
use std::path::Path;

use gongwen::compare::words::segment;
use jieba_rs::Jieba;

#[test]
fn segmentation_equals_jieba_on_the_whole_corpus() {
    let list = include_str!("../src/compare/words.txt");
    let jieba = Jieba::with_dict(&mut list.as_bytes()).expect("the word list parses");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut runs = 0;
    let mut words = 0;
    for entry in fs::read_dir(&corpus).expect("tests/corpus holds the corpus") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        for run in text.split(|c: char| !('\u{4E00}'..='\u{9FFF}').contains(&c)) {
            if run.is_empty() {
                continue;
            }
            let mut ours = Vec::new();
            segment(run, &mut ours);
            let theirs: Vec<&str> = jieba.cut(run, false).iter().map(|t| t.word).collect();
            assert_eq!(ours, theirs, "{}: {run}", path.display());
            runs += 1;
            words += ours.len();
        }
    }
    assert!(
        runs > 10_000 && words > 100_000,
        "{runs} runs, {words} words"
    );
    eprintln!("{runs} runs, {words} words: identical");
}
