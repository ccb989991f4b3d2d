//! The extractors' built-in word and phrase tables, indexed for lookup at a token.
//!
//! The tables stay plain `const` slices next to the code that reads them, where they
//! are easy to review; an index built once per process answers "which entries start
//! at this token" with one hash lookup instead of a scan of the whole table, which
//! ran for every token of every sentence.

use rustc_hash::FxHashMap;

use crate::pack::{Probe, WordFilter};
use crate::text::Token;

/// Whether the tokens from `i` on are `words`.
pub fn norms_at(tokens: &[Token], i: usize, words: &[&str]) -> bool {
    words
        .iter()
        .enumerate()
        .all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.is(w)))
}

/// A table of phrases with a value each, indexed by first word.
pub struct PhraseIndex<T: 'static> {
    /// Entries in table order, by their first word.
    by_first: FxHashMap<&'static str, Vec<(&'static [&'static str], T)>>,
    /// The first words, filtered: asked at nearly every token, nearly always in vain.
    firsts: WordFilter,
}

impl<T: Copy> PhraseIndex<T> {
    pub fn new(table: &'static [(&'static [&'static str], T)]) -> Self {
        let mut by_first: FxHashMap<&'static str, Vec<(&'static [&'static str], T)>> = FxHashMap::default();
        for &(words, value) in table {
            if let Some(first) = words.first() {
                by_first.entry(first).or_default().push((words, value));
            }
        }
        let firsts = WordFilter::of(by_first.keys().copied());
        PhraseIndex { by_first, firsts }
    }

    fn starting_at<'a>(
        &'a self,
        tokens: &'a [Token],
        i: usize,
    ) -> impl Iterator<Item = &'a (&'static [&'static str], T)> + 'a {
        let entries = tokens.get(i).and_then(|t| self.by_first.get(t.norm.as_str()));
        entries
            .into_iter()
            .flatten()
            .filter(move |(words, _)| norms_at(tokens, i, words))
    }

    /// Whether some entry may start at token `i`: false for nearly every token, so it
    /// is inlined into the callers and the lookup proper is called only when it passes.
    #[inline]
    fn may_start_at(&self, tokens: &[Token], i: usize) -> bool {
        tokens.get(i).is_some_and(|t| self.firsts.may_contain(&t.norm))
    }

    /// The first entry of the table whose words start at token `i`, with its length in words.
    #[inline]
    pub fn first_at(&self, tokens: &[Token], i: usize) -> Option<(T, usize)> {
        if !self.may_start_at(tokens, i) {
            return None;
        }
        self.starting_at(tokens, i).next().map(|&(words, v)| (v, words.len()))
    }

    /// The longest entry whose words start at token `i`, with its length in words;
    /// of equally long entries, the last in the table.
    #[inline]
    pub fn longest_at(&self, tokens: &[Token], i: usize) -> Option<(T, usize)> {
        if !self.may_start_at(tokens, i) {
            return None;
        }
        self.longest_from(tokens, i)
    }

    #[inline(never)]
    fn longest_from(&self, tokens: &[Token], i: usize) -> Option<(T, usize)> {
        self.starting_at(tokens, i)
            .max_by_key(|(words, _)| words.len())
            .map(|&(words, v)| (v, words.len()))
    }
}

/// A table of single words with a value each; the first entry of a word wins.
pub struct WordIndex<T: 'static>(FxHashMap<&'static str, T>, WordFilter);

impl<T: Copy> WordIndex<T> {
    pub fn new(table: &'static [(&'static str, T)]) -> Self {
        let mut map = FxHashMap::default();
        for &(word, value) in table {
            map.entry(word).or_insert(value);
        }
        let filter = WordFilter::of(map.keys().copied());
        WordIndex(map, filter)
    }

    pub fn get<P: Probe + ?Sized>(&self, word: &P) -> Option<T> {
        if !self.1.may_contain(word) {
            return None;
        }
        self.0.get(word.word()).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize_str;

    const TABLE: &[(&[&str], u8)] = &[
        (&["rose"], 1),
        (&["rose", "to"], 2),
        (&["rose", "from"], 3),
        (&["rose", "to"], 4),
        (&["fell"], 5),
    ];

    #[test]
    fn entries_are_found_as_a_scan_of_the_table_would() {
        let index = PhraseIndex::new(TABLE);
        let tokens = tokenize_str("it rose to 30 and fell");
        assert_eq!(index.first_at(&tokens, 1), Some((1, 1)), "the first listed entry");
        assert_eq!(index.longest_at(&tokens, 1), Some((4, 2)), "the last of the longest");
        assert_eq!(index.longest_at(&tokens, 5), Some((5, 1)));
        assert_eq!(index.longest_at(&tokens, 0), None);
        assert_eq!(index.longest_at(&tokens, 9), None, "past the end");
    }

    #[test]
    fn the_first_entry_of_a_word_wins() {
        let index = WordIndex::new(&[("one", 1), ("two", 2), ("one", 3)]);
        assert_eq!(index.get("one"), Some(1));
        assert_eq!(index.get("three"), None);
    }
}
