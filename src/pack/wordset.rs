//! A set of folded words that rejects most non-members without hashing them.
//!
//! The extractors ask a dozen word lists about nearly every token ("is this a leader
//! verb? an auxiliary? the start of a name?"), and nearly every answer is no. A small
//! bit filter keyed by a word's first bytes and length answers most of those noes in a
//! few instructions; only words that pass it are looked up in the hash set.

use std::fmt;

use rustc_hash::FxHashSet;

/// Folded words ([`crate::text::fold`]) with a one-hash bit filter in front of the set.
#[derive(Clone, Default)]
pub struct WordSet {
    words: FxHashSet<String>,
    filter: WordFilter,
}

/// The bit filter alone, for tables keyed otherwise (the extractors' phrase indexes):
/// [`WordFilter::may_contain`] is false for most words never added, and true for
/// every word added.
#[derive(Clone, Default)]
pub struct WordFilter {
    /// One bit per slot: set when some word added falls in that slot. Sized to the
    /// words (about 16 slots each) so that few other words share a word's slot.
    bits: Vec<u64>,
    /// `64 - log2(slots)`: the shift that turns a sketch into a slot.
    shift: u32,
}

/// A word to look up: a string, or a token's folded form, which carries its sketch so
/// that the dozen tables asked about one token do not each compute it again.
pub trait Probe {
    fn word(&self) -> &str;

    #[inline]
    fn sketch(&self) -> u64 {
        sketch(self.word())
    }
}

impl Probe for str {
    #[inline]
    fn word(&self) -> &str {
        self
    }
}

impl Probe for String {
    #[inline]
    fn word(&self) -> &str {
        self
    }
}

impl<P: Probe + ?Sized> Probe for &P {
    #[inline]
    fn word(&self) -> &str {
        (**self).word()
    }

    #[inline]
    fn sketch(&self) -> u64 {
        (**self).sketch()
    }
}

/// Sketch of a word: up to eight of its bytes (the first four and the last four) and
/// its length, mixed. Words sharing a sketch only cost a hash lookup, so collisions are
/// harmless. Reads are fixed-size, as in wyhash: no copy loop for a few bytes.
#[inline]
pub fn sketch(word: &str) -> u64 {
    let b = word.as_bytes();
    let n = b.len();
    // One bounds check and one load for each four bytes.
    let read4 = |four: &[u8]| u64::from(u32::from_le_bytes(four.try_into().unwrap_or_default()));
    let bytes = if n >= 4 {
        read4(&b[..4]) | (read4(&b[n - 4..]) << 32)
    } else if n > 0 {
        u64::from(b[0]) | (u64::from(b[n / 2]) << 8) | (u64::from(b[n - 1]) << 16)
    } else {
        0
    };
    (bytes ^ (n as u64).rotate_right(8)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl WordFilter {
    /// A filter for `words`.
    pub fn of<'a>(words: impl IntoIterator<Item = &'a str>) -> WordFilter {
        let sketches: Vec<u64> = words.into_iter().map(sketch).collect();
        let mut filter = WordFilter::default();
        filter.resize(sketches.len(), &sketches);
        filter
    }

    /// False when `word` was surely never added.
    #[inline]
    pub fn may_contain<P: Probe + ?Sized>(&self, word: &P) -> bool {
        // An empty filter has no bits (and a shift of 0): every slot is out of range.
        let slot = word.sketch() >> self.shift;
        self.bits
            .get((slot >> 6) as usize)
            .is_some_and(|bits| bits & (1 << (slot & 63)) != 0)
    }

    /// Whether the filter has room for `words` words without filling up.
    fn fits(&self, words: usize) -> bool {
        words * 16 <= self.bits.len() * 64
    }

    /// Sizes the filter for `words` words and sets the bits of `sketches`.
    fn resize(&mut self, words: usize, sketches: &[u64]) {
        let slots = (words * 16).next_power_of_two().clamp(256, 1 << 22);
        self.shift = 64 - slots.trailing_zeros();
        self.bits.clear();
        self.bits.resize(slots / 64, 0);
        for &sketch in sketches {
            self.set(sketch);
        }
    }

    fn set(&mut self, sketch: u64) {
        let slot = sketch >> self.shift;
        self.bits[(slot >> 6) as usize] |= 1 << (slot & 63);
    }
}

impl WordSet {
    pub fn new() -> WordSet {
        WordSet::default()
    }

    /// Whether `word` is in the set.
    #[inline]
    pub fn contains<P: Probe + ?Sized>(&self, word: &P) -> bool {
        self.filter.may_contain(word) && self.words.contains(word.word())
    }

    pub fn insert(&mut self, word: String) -> bool {
        let slot = sketch(&word);
        let added = self.words.insert(word);
        if added {
            if self.filter.fits(self.words.len()) {
                self.filter.set(slot);
            } else {
                // Doubled as the set grows: each rebuild pays for the insertions before it.
                let sketches: Vec<u64> = self.words.iter().map(|w| sketch(w)).collect();
                self.filter.resize(self.words.len(), &sketches);
            }
        }
        added
    }
}

impl Extend<String> for WordSet {
    fn extend<I: IntoIterator<Item = String>>(&mut self, words: I) {
        for word in words {
            self.insert(word);
        }
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> WordSet {
        let mut set = WordSet::new();
        set.extend(words);
        set
    }
}

impl fmt::Debug for WordSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(&self.words).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_found_and_others_are_not() {
        let words = [
            "is",
            "was",
            "has been",
            "a",
            "",
            "internationally",
            "internationalist",
            "é",
        ];
        let set: WordSet = words.iter().map(|w| w.to_string()).collect();
        for w in words {
            assert!(set.contains(w), "{w:?}");
        }
        for w in ["i", "wa", "has", "internationall", "internationalists", "e", "b", "isx"] {
            assert!(!set.contains(w), "{w:?}");
        }
        // Nothing is in an empty set, whatever slot its sketch points to.
        for w in words.iter().chain(&["i", "wa", "internationall", "isx"]) {
            assert!(!WordSet::new().contains(*w), "{w:?}");
            assert!(!WordFilter::default().may_contain(*w), "{w:?}");
        }
    }

    #[test]
    fn a_filter_passes_every_word_it_was_made_of() {
        let words: Vec<String> = (0..3000).map(|i| format!("{i}th")).collect();
        let filter = WordFilter::of(words.iter().map(String::as_str));
        assert!(words.iter().all(|w| filter.may_contain(w)));
        let passed = (0..3000).filter(|i| filter.may_contain(&format!("{i}st"))).count();
        assert!(passed < 600, "{passed} of 3000 others pass");
        assert!(!WordFilter::default().may_contain("th"));
    }

    #[test]
    fn every_member_passes_the_filter_whatever_the_size() {
        // Filters from 256 slots up, each grown one insertion at a time or all at once.
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}x")).collect();
        let mut one_by_one = WordSet::new();
        for (n, w) in words.iter().enumerate() {
            one_by_one.insert(w.clone());
            if n % 997 == 0 {
                assert!(words[..=n].iter().all(|w| one_by_one.contains(w)));
            }
        }
        let at_once: WordSet = words.iter().cloned().collect();
        assert!(words.iter().all(|w| at_once.contains(w) && one_by_one.contains(w)));
        assert_eq!(at_once.words.len(), 5000);
        // Most non-members are turned away by the filter alone.
        let rejected = (0..5000)
            .map(|i| format!("v{i}y"))
            .filter(|w| !at_once.filter.may_contain(w))
            .count();
        assert!(rejected > 4000, "{rejected}");
    }
}
