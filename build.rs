//! Bakes the word list the inline diff segments Chinese with into the binary
//! as a perfect-hash map, so no process spends time building a dictionary;
//! and links the `gongwen` binary at a fixed address.

use std::collections::BTreeMap;
use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

const DICTIONARY: &str = "src/compare/words.txt";

fn main() {
    println!("cargo::rerun-if-changed={DICTIONARY}");
    // A position-independent gongwen has some 180,000 pointers in its
    // tables (typst's, the word list's) that the loader fixes up, copying
    // 3.5 MB of pages, at every start: 3 ms of each command, a third of a
    // short build. Linked at a fixed address it has none. The libraries,
    // heap and stack are placed at random as before; only the program's own
    // image is not. Linux only (elsewhere the platform's default stands).
    if env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
    let text = fs::read_to_string(DICTIONARY).expect("the word list is in the repository");
    let mut entries: BTreeMap<&str, u32> = BTreeMap::new();
    let mut total: u64 = 0;
    for (number, line) in text.lines().enumerate() {
        let mut fields = line.split_whitespace();
        let (Some(word), Some(freq)) = (fields.next(), fields.next()) else {
            panic!("{DICTIONARY}:{}: expected `word frequency`", number + 1);
        };
        let freq: u32 = freq
            .parse()
            .unwrap_or_else(|_| panic!("{DICTIONARY}:{}: bad frequency", number + 1));
        total += u64::from(freq);
        entries.insert(word, freq);
    }
    // Every proper prefix of a word goes in too, with frequency 0, so a walk
    // along a sentence stops at the first string that starts no word.
    let words: Vec<&str> = entries.keys().copied().collect();
    for word in words {
        for (end, _) in word.char_indices().skip(1) {
            entries.entry(&word[..end]).or_insert(0);
        }
    }
    let mut map = phf_codegen::Map::new();
    for (word, freq) in &entries {
        map.entry(*word, freq.to_string());
    }
    let mut out = String::new();
    writeln!(out, "/// Total frequency of every word in the list.").unwrap();
    writeln!(out, "const TOTAL: u64 = {total};").unwrap();
    writeln!(
        out,
        "/// Each word's frequency; 0 for a string that only starts words."
    )
    .unwrap();
    writeln!(
        out,
        "static WORDS: phf::Map<&'static str, u32> = {};",
        map.build()
    )
    .unwrap();
    let path = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("words.rs");
    fs::write(path, out).expect("OUT_DIR is writable");
}
