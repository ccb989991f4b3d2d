//! Word boundaries (Unicode UAX #29), with a fast path for the characters news copy
//! is made of.
//!
//! `unicode-segmentation` looks up every character's word-break class in its
//! tables, which made it the single most expensive step of a run. Most of a news
//! text, though, is ASCII letters, digits and punctuation, with curly quotes,
//! dashes and accented Latin letters: characters whose classes are few and known.
//! Text is cut at ASCII whitespace (always a word boundary, see below) into chunks;
//! a chunk made only of those characters is segmented here by the UAX #29 rules
//! that can apply to them, and any other chunk is handed, with the whitespace
//! before it, to `unicode-segmentation`. The result is exactly the crate's, minus
//! whitespace segments; a differential test holds the two together.
//!
//! Why cutting at ASCII whitespace is exact: UAX #29 breaks on both sides of a
//! space, tab or line break except to keep whitespace runs together (WB3d, which
//! only joins whitespace, dropped anyway) and to attach a following combining mark
//! or format character to it (WB4). A chunk starting with such a mark is never on
//! the fast path, and slow chunks are segmented together with the whitespace
//! before them, so WB4 is applied there by the crate itself.

use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

/// The UAX #29 word-break classes of the characters the fast path handles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// ALetter: ASCII and Latin-1/Latin Extended letters.
    Letter,
    /// Numeric: ASCII digits.
    Digit,
    /// ExtendNumLet: the underscore.
    ExtendNumLet,
    /// MidLetter: the colon joins letters ("a:b") but not digits.
    MidLetter,
    /// MidNum: comma and semicolon join digits ("1,000").
    MidNum,
    /// MidNumLet and Single_Quote: full stop and apostrophes join letters and digits ("U.S", "don't", "1.5").
    MidNumLet,
    /// Everything else here: a segment of its own.
    Other,
}

/// The class of `c`, or `None` when only the full tables know it.
const fn class(c: char) -> Option<Class> {
    Some(match c {
        'a'..='z' | 'A'..='Z' => Class::Letter,
        '0'..='9' => Class::Digit,
        '_' => Class::ExtendNumLet,
        ':' => Class::MidLetter,
        ',' | ';' => Class::MidNum,
        '.' | '\'' | '\u{2018}' | '\u{2019}' => Class::MidNumLet,
        '!'..='~' => Class::Other,
        // Latin-1 Supplement and Latin Extended-A/B letters (not × and ÷).
        '\u{C0}'..='\u{24F}' if c as u32 != 0xD7 && c as u32 != 0xF7 => Class::Letter,
        // Dashes, double quotes, guillemets, ellipsis, bullet.
        '\u{2013}' | '\u{2014}' | '\u{201C}' | '\u{201D}' | '\u{AB}' | '\u{BB}' | '\u{2026}' | '\u{2022}' => {
            Class::Other
        }
        _ => return None,
    })
}

/// [`class`] of every ASCII byte, for chunks of printable ASCII (most of them).
const ASCII_CLASSES: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match class(b as u8 as char) {
            Some(class) => class,
            None => Class::Other,
        };
        b += 1;
    }
    table
};

fn joins_words(class: Class) -> bool {
    matches!(class, Class::Letter | Class::Digit | Class::ExtendNumLet)
}

/// Whether a middle character of class `mid` joins `before` and `after` (WB6/7, WB11/12).
fn joins_across(before: Class, mid: Class, after: Class) -> bool {
    match (before, after) {
        (Class::Letter, Class::Letter) => matches!(mid, Class::MidLetter | Class::MidNumLet),
        (Class::Digit, Class::Digit) => matches!(mid, Class::MidNum | Class::MidNumLet),
        _ => false,
    }
}

/// Applies the word-boundary rules to a chunk of `len` characters: `class_at(i)` is the
/// class of character `i` and `offset_at(i)` its byte offset (`offset_at(len)` the
/// chunk's length). Pushes each segment's byte range, shifted by `base`.
fn segment_classes(
    len: usize,
    class_at: impl Fn(usize) -> Class,
    offset_at: impl Fn(usize) -> usize,
    base: usize,
    out: &mut Vec<(usize, usize)>,
) {
    let mut i = 0;
    while i < len {
        let start = i;
        i = segment_end(start, len, &class_at);
        out.push((base + offset_at(start), base + offset_at(i)));
    }
}

/// Where the segment that starts at character `start` ends, among `len` characters of
/// classes `class_at(i)`: a word runs on through letters, digits and the characters
/// that join them (WB5–WB13a); anything else is a segment of its own.
#[inline]
fn segment_end(start: usize, len: usize, class_at: impl Fn(usize) -> Class) -> usize {
    let mut i = start + 1;
    if joins_words(class_at(start)) {
        loop {
            if i < len && joins_words(class_at(i)) {
                i += 1;
            } else if i + 1 < len && joins_across(class_at(i - 1), class_at(i), class_at(i + 1)) {
                i += 2;
            } else {
                break;
            }
        }
    }
    i
}

/// Where the word-bound segment that starts at `bytes[start]` ends, in a chunk of
/// printable ASCII that ends at `end`: [`segment_end`] with the ASCII class table, for
/// the tokenizer's path through most of a text.
pub(super) fn ascii_segment_end(bytes: &[u8], start: usize, end: usize) -> usize {
    segment_end(start, end, |i: usize| ASCII_CLASSES[usize::from(bytes[i] & 0x7f)])
}

/// A run of `bytes` between ASCII whitespace: always a word boundary (see the module
/// documentation), so each chunk is segmented on its own.
pub(super) struct Chunk {
    pub start: usize,
    pub end: usize,
    /// Printable ASCII only, so that [`ascii_segment_end`] applies (control characters
    /// are left to the tables).
    pub graphic: bool,
}

/// The first chunk of `bytes` at or after `pos`, or `None` when only whitespace is left.
/// One pass finds where the chunk ends and whether it is printable ASCII.
pub(super) fn next_chunk(bytes: &[u8], pos: usize) -> Option<Chunk> {
    let start = pos + bytes[pos..].iter().take_while(|b| b.is_ascii_whitespace()).count();
    if start == bytes.len() {
        return None;
    }
    let mut end = start;
    let mut graphic = true;
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii_whitespace() {
            break;
        }
        graphic &= b.is_ascii_graphic();
        end += 1;
    }
    Some(Chunk { start, end, graphic })
}

/// The non-whitespace word-bound segments of `text` with their byte offsets.
#[cfg(test)]
pub fn word_segments(text: &str) -> WordSegments<'_> {
    word_segments_in(text, Scratch::default())
}

/// The non-whitespace word-bound segments of `text` with their byte offsets, found in
/// the buffers of an earlier iterator ([`WordSegments::into_scratch`]): the tokenizer
/// takes this path for every chunk holding a curly quote or an accent.
pub fn word_segments_in(text: &str, scratch: Scratch) -> WordSegments<'_> {
    let Scratch { mut fast, mut classes } = scratch;
    fast.clear();
    classes.clear();
    WordSegments {
        text,
        pos: 0,
        fast,
        fast_next: 0,
        classes,
        slow: None,
    }
}

/// The buffers a [`WordSegments`] works in, kept from one text to the next.
#[derive(Debug, Clone, Default)]
pub struct Scratch {
    fast: Vec<(usize, usize)>,
    classes: Vec<(usize, Class)>,
}

impl WordSegments<'_> {
    /// The iterator's buffers, for [`word_segments_in`].
    pub fn into_scratch(self) -> Scratch {
        Scratch {
            fast: self.fast,
            classes: self.classes,
        }
    }
}

/// Iterator returned by [`word_segments_in`].
pub struct WordSegments<'a> {
    text: &'a str,
    /// Where the next chunk (or the whitespace before it) starts.
    pos: usize,
    /// The segments of the current fast chunk, as byte ranges.
    fast: Vec<(usize, usize)>,
    fast_next: usize,
    /// Scratch space for the classes of a chunk's characters.
    classes: Vec<(usize, Class)>,
    /// The crate's segmentation of the current slow chunk, and where it starts.
    slow: Option<(usize, UWordBoundIndices<'a>)>,
}

impl<'a> Iterator for WordSegments<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(&(start, end)) = self.fast.get(self.fast_next) {
                self.fast_next += 1;
                return Some((start, &self.text[start..end]));
            }
            if let Some((base, segments)) = &mut self.slow {
                match segments.next() {
                    Some((_, s)) if s.chars().all(char::is_whitespace) => continue,
                    Some((offset, s)) => return Some((*base + offset, s)),
                    None => self.slow = None,
                }
            }
            let space_start = self.pos;
            let Chunk { start, end, graphic } = next_chunk(self.text.as_bytes(), space_start)?;
            self.pos = end;
            let chunk = &self.text[start..end];
            self.fast.clear();
            self.fast_next = 0;
            if graphic {
                // One byte, one character: classes from the table, offsets as indices.
                let bytes = chunk.as_bytes();
                let class_at = |i: usize| ASCII_CLASSES[usize::from(bytes[i])];
                segment_classes(bytes.len(), class_at, |i| i, start, &mut self.fast);
            } else if !segment_fast(chunk, start, &mut self.classes, &mut self.fast) {
                self.fast.clear();
                self.slow = Some((space_start, self.text[space_start..end].split_word_bound_indices()));
            }
        }
    }
}

/// Segments one whitespace-free chunk into `out`; false when a character needs the full tables.
fn segment_fast(chunk: &str, base: usize, classes: &mut Vec<(usize, Class)>, out: &mut Vec<(usize, usize)>) -> bool {
    classes.clear();
    for (offset, c) in chunk.char_indices() {
        match class(c) {
            Some(class) => classes.push((offset, class)),
            None => return false,
        }
    }
    let offset_at = |i: usize| classes.get(i).map_or(chunk.len(), |&(offset, _)| offset);
    segment_classes(classes.len(), |i| classes[i].1, offset_at, base, out);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `unicode-segmentation` yields, minus whitespace: the reference.
    fn reference(text: &str) -> Vec<(usize, &str)> {
        text.split_word_bound_indices()
            .filter(|(_, s)| !s.chars().all(char::is_whitespace))
            .collect()
    }

    #[test]
    fn news_copy_is_segmented_like_the_full_tables() {
        for text in [
            "Erdoğan’s aides said 1,500.5 people—roughly—attended on 16 May 2025: “We’re done,” he said.",
            "U.S. officials, e.g. Gen. J. Smith, met at 10:30 a.m. in São Paulo (ibid.) re: COVID_19 rock'n'roll",
            "a:b 1:2 a,b 1,2 a.1 1.a __init__ x_1 ‘quoted’ «Ça va» … • end.",
            "",
            "   \n\t ",
        ] {
            assert_eq!(word_segments(text).collect::<Vec<_>>(), reference(text), "{text:?}");
        }
    }

    /// Random strings over an alphabet of fast-path characters, characters only the
    /// tables know (combining marks, format characters, no-break and em spaces,
    /// emoji with joiners, regional indicators, Hebrew, Katakana, Han) and whitespace.
    #[test]
    fn random_text_is_segmented_like_the_full_tables() {
        let mut alphabet: Vec<char> = (' '..='~').collect();
        alphabet.extend(['\n', '\t', '\r', '\u{0B}']);
        alphabet.extend(['é', 'ğ', 'Ç', 'ß', 'ſ', 'ƻ', 'ǀ', 'ɏ', '×', '÷', '\u{2018}', '\u{2019}']);
        alphabet.extend(['\u{2013}', '\u{2014}', '\u{201C}', '\u{201D}', '«', '»', '…', '•']);
        alphabet.extend(['\u{301}', '\u{AD}', '\u{A0}', '\u{2003}', '\u{200D}', '😀', '🇺', '🇸']);
        alphabet.extend(['א', '"', 'カ', '中', '\u{650}', '\u{2024}', '\u{FE50}', 'ª', '\u{250}']);
        // A small xorshift generator: deterministic, no dependency.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = (next() % 24) as usize;
            // Mostly letters and digits, as in prose, so that joins are exercised.
            let text: String = (0..len)
                .map(|_| match next() % 4 {
                    0 => ['a', 'Z', '1', '0', 'é'][(next() % 5) as usize],
                    _ => alphabet[(next() % alphabet.len() as u64) as usize],
                })
                .collect();
            assert_eq!(word_segments(&text).collect::<Vec<_>>(), reference(&text), "{text:?}");
        }
    }

    #[test]
    fn every_latin_letter_on_the_fast_path_is_a_letter_to_the_tables() {
        for c in ('\u{C0}'..='\u{24F}').filter(|c| class(*c).is_some()) {
            let text = format!("a{c}1{c}b");
            assert_eq!(reference(&text).len(), 1, "{c:?} is not ALetter");
            assert_eq!(word_segments(&text).count(), 1);
        }
    }
}
