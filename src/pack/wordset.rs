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
    /// One bit per filter slot: set when some member falls in that slot. Sized to the
    /// set (about 16 slots per word) so that few non-members share a member's slot.
    filter: Vec<u64>,
    /// `64 - log2(slots)`: the shift that turns a sketch into a slot.
    shift: u32,
}

/// Sketch of a word: up to eight of its bytes (the first four and the last four) and
/// its length, mixed. Words sharing a sketch only cost a hash lookup, so collisions are
/// harmless. Reads are fixed-size, as in wyhash: no copy loop for a few bytes.
#[inline]
fn sketch(word: &str) -> u64 {
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

impl WordSet {
    pub fn new() -> WordSet {
        WordSet::default()
    }

    /// Whether `word` is in the set.
    #[inline]
    pub fn contains<Q: AsRef<str> + ?Sized>(&self, word: &Q) -> bool {
        let word = word.as_ref();
        if self.filter.is_empty() {
            return false;
        }
        let slot = sketch(word) >> self.shift;
        let bit = self.filter[(slot >> 6) as usize] & (1 << (slot & 63));
        bit != 0 && self.words.contains(word)
    }

    pub fn insert(&mut self, word: String) -> bool {
        let slot = sketch(&word);
        let added = self.words.insert(word);
        if added {
            if self.words.len() * 16 > self.filter.len() * 64 {
                // Doubled as the set grows: each rebuild pays for the insertions before it.
                self.rebuild();
            } else {
                self.set(slot);
            }
        }
        added
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.words.iter()
    }

    /// Sizes the filter to the set and sets each member's bit.
    fn rebuild(&mut self) {
        let slots = (self.words.len() * 16).next_power_of_two().clamp(256, 1 << 22);
        self.shift = 64 - slots.trailing_zeros();
        self.filter.clear();
        self.filter.resize(slots / 64, 0);
        let sketches: Vec<u64> = self.words.iter().map(|w| sketch(w)).collect();
        for sketch in sketches {
            self.set(sketch);
        }
    }

    fn set(&mut self, sketch: u64) {
        let slot = sketch >> self.shift;
        self.filter[(slot >> 6) as usize] |= 1 << (slot & 63);
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
        assert!(!WordSet::new().contains("is"));
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
        assert_eq!(at_once.len(), 5000);
        // Most non-members are turned away by the filter alone.
        let rejected = (0..5000)
            .map(|i| format!("v{i}y"))
            .filter(|w| {
                let slot = sketch(w) >> at_once.shift;
                at_once.filter[(slot >> 6) as usize] & (1 << (slot & 63)) == 0
            })
            .count();
        assert!(rejected > 4000, "{rejected}");
    }
}
