//! `house-spelling`: a spelling the newsroom's `[house-style]` says to avoid.

use std::collections::BTreeMap;
use std::ops::Range;

use super::{Corpus, Draft};
use crate::diagnostic::Label;

/// Whether `span` is a whole word in `text`: "Zelensky" in "Zelensky's", not in "Zelenskyy".
fn whole_word(text: &str, span: &Range<usize>) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

pub(super) fn check(corpus: &Corpus, drafts: &mut Vec<Draft>) {
    let style = &corpus.pack.house_style;
    let Some(matcher) = &style.matcher else { return };
    for (doc, document) in corpus.docs.iter().enumerate() {
        // Avoided form → where it is written, so each form is one finding per text.
        let mut found: BTreeMap<usize, Vec<Range<usize>>> = BTreeMap::new();
        for m in matcher.find_iter(&document.text) {
            let span = m.start()..m.end();
            if whole_word(&document.text, &span) {
                found.entry(m.pattern().as_usize()).or_default().push(span);
            }
        }
        for (pattern, spans) in found {
            let (spelling, form) = &style.forms[pattern];
            let spelling = &style.spellings[*spelling];
            let times = match spans.len() {
                1 => "once".to_string(),
                2 => "twice".to_string(),
                n => format!("{n} times"),
            };
            let labels = spans
                .into_iter()
                .enumerate()
                .map(|(i, span)| Label {
                    doc,
                    span,
                    message: if i == 0 {
                        format!("house style is \"{}\"", spelling.prefer)
                    } else {
                        "here too".to_string()
                    },
                })
                .collect();
            drafts.push(Draft {
                code: "house-spelling",
                vars: vec![
                    ("prefer", spelling.prefer.clone()),
                    ("found", form.clone()),
                    (
                        "summary",
                        format!(
                            "\"{form}\" is written {times} in {}; the house style set at {} prefers \"{}\"",
                            corpus.file_name(doc),
                            spelling.origin,
                            spelling.prefer
                        ),
                    ),
                ],
                labels,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::whole_word;

    #[test]
    fn matches_whole_words_only() {
        let text = "Zelensky's aide met Zelenskyy and AZelensky.";
        assert!(whole_word(text, &(0..8)));
        assert!(!whole_word(text, &(20..28)), "a prefix of the preferred form");
        assert!(!whole_word(text, &(35..43)), "inside a longer word");
    }
}
