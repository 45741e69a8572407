//! The fields of a block a template reads. A block's text comes in five
//! forms (`md`, `html`, `plain`, and `lead` and `text` in three forms each);
//! a template prints one or two of them, and making tera values of all of
//! them was a fifth of the Civil Code's HTML build. So a template is given the
//! fields it reads of the blocks it loops over (`{% for b in blocks %}` …
//! `{{ b.html }}`, `b["md"]`), and every field where it uses a block or the
//! list of blocks any other way: prints or filters one, passes it on, loops
//! over its keys, keeps the list under another name.

use std::collections::HashSet;

use std::sync::LazyLock;

use regex::Regex;

/// Which fields of a block a template may read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fields {
    /// Every field.
    All,
    /// The words of the template's source: every name it could read.
    Named(HashSet<String>),
}

/// A loop over a list of blocks: `for b in blocks`, `for b in a.blocks`.
static BLOCK_LOOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)\bfor\s+(\w+)\s+in\s+(?:\w+\.)*blocks\b").expect("a valid pattern")
});

/// A word, with what follows it: a field read by name (`.name`, `["name"]`,
/// `['name']`), or anything else.
static WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?-u)(\.?)\b([A-Za-z_]\w*)\b(?:\s*\.\s*([A-Za-z_]\w*)|\s*\[\s*(?:"(\w+)"|'(\w+)')\s*\])?"#,
    )
    .expect("a valid pattern")
});

impl Fields {
    /// The fields of a block a template with this source may read.
    pub fn named_in(source: &str) -> Fields {
        let tags = tags(source);
        // The names the blocks go by, where they are looped over.
        let mut names: HashSet<&str> = HashSet::new();
        let mut loops = 0;
        for tag in &tags {
            for each in BLOCK_LOOP.captures_iter(tag) {
                names.insert(each.get(1).map_or("", |m| m.as_str()));
                loops += 1;
            }
        }
        let mut read = HashSet::new();
        let mut blocks_seen = 0;
        for tag in &tags {
            for word in WORD.captures_iter(tag) {
                let after_dot = !word[1].is_empty();
                let name = &word[2];
                if name == "blocks" || word.get(3).is_some_and(|f| f.as_str() == "blocks") {
                    blocks_seen += 1;
                }
                if name == "blocks" {
                    continue;
                }
                if after_dot || !names.contains(name) {
                    continue;
                }
                // A block read by a field's name: that field; read any other
                // way (printed, filtered, passed on, looped over), whole.
                match (3..=5).find_map(|i| word.get(i)) {
                    Some(field) => {
                        read.insert(field.as_str().to_string());
                    }
                    None if is_loop_head(tag, word.get(2).map_or(0, |m| m.start())) => {}
                    None => return Fields::All,
                }
            }
        }
        // The blocks handed on other than to a loop (`set all = blocks`).
        if blocks_seen > loops {
            return Fields::All;
        }
        Fields::Named(read)
    }

    /// Whether a template may read the field `name`.
    pub fn wants(&self, name: &str) -> bool {
        match self {
            Fields::All => true,
            Fields::Named(words) => words.contains(name),
        }
    }
}

/// The tags of a template: `{{ … }}` and `{% … %}`, each to its end (or to
/// the end of the text, where tera will say it is not closed).
fn tags(source: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = source;
    while let Some(open) = rest.find('{') {
        let close = match rest[open + 1..].chars().next() {
            Some('{') => "}}",
            Some('%') => "%}",
            _ => {
                rest = &rest[open + 1..];
                continue;
            }
        };
        let body = &rest[open + 2..];
        let end = body.find(close).map_or(body.len(), |at| at + close.len());
        found.push(&body[..end]);
        rest = &body[end..];
    }
    found
}

/// Whether the word at `at` in `tag` is the name a `for` loop binds.
fn is_loop_head(tag: &str, at: usize) -> bool {
    tag[..at].trim_end().ends_with("for")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(fields: &[&str]) -> Fields {
        Fields::Named(fields.iter().map(|f| f.to_string()).collect())
    }

    #[test]
    fn a_template_is_given_the_fields_it_reads_of_a_block() {
        let source = ".lead { color: red }\n<title>{{ meta.title.plain }}</title>\n\
            {% for t in toc %}{{ t.label }}{{ t.depth }}{% endfor %}\n\
            {% for b in blocks %}{% if b.kind == \"heading\" %}<h{{ b.h }} id=\"{{ b.anchor }}\">\
            {{ b.html | safe }}</h{{ b.h }}>{% endif %}{% endfor %}\n\
            {% for a in appendices %}{% for c in a.blocks %}{{ c[\"md\"] }}{{ c['role'] }}{% endfor %}{% endfor %}";
        assert_eq!(
            Fields::named_in(source),
            named(&["kind", "h", "anchor", "html", "md", "role"])
        );
        // A tag over several lines; no loop over blocks, no field.
        assert_eq!(
            Fields::named_in("{% for b in\n  blocks %}{{\n  b.label\n}}{% endfor %}"),
            named(&["label"])
        );
        assert_eq!(Fields::named_in("{{ meta.title.md }}"), named(&[]));
    }

    #[test]
    fn a_template_that_uses_a_block_otherwise_is_given_every_field() {
        for source in [
            "{% for b in blocks %}{% for k, v in b %}{{ k }}{% endfor %}{% endfor %}",
            "{% for b in blocks %}{{ b | json_encode }}{% endfor %}",
            "{% for b in blocks %}{{ b | pairs | length }}{% endfor %}",
            "{% for b in blocks %}{{ b }}{% endfor %}",
            "{% for b in blocks %}{{ show(block=b) }}{% endfor %}",
            "{% for b in blocks %}{% set c = b %}{{ c.md }}{% endfor %}",
            "{% set all = blocks %}{% for b in all %}{{ b.md }}{% endfor %}",
            "{% set all = a.blocks %}{% for b in all %}{{ b.md }}{% endfor %}",
            "{{ blocks[0].md }}",
            "{{ blocks | map(attribute=\"md\") | join }}",
        ] {
            assert_eq!(Fields::named_in(source), Fields::All, "{source}");
        }
    }
}
