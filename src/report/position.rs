//! Converts byte offsets into the 1-based line and column numbers that people and tools read.
//!
//! The core works in byte offsets only; this is the one place that turns them into
//! positions. Lines end at `\n`, so a `\r\n` ending needs no special case: the `\r`
//! belongs to the line it ends. Columns count characters (Unicode scalar values), not
//! bytes, so "Erdoğan" is seven columns wide.

use std::ops::Range;

/// The start offsets of every line in one file, built once and queried many times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset where each line starts; the first entry is always 0.
    starts: Vec<usize>,
    /// Length of the source in bytes, used to clamp out-of-range offsets.
    len: usize,
}

impl LineIndex {
    /// Indexes the line starts of `source`.
    pub fn new(source: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            source
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex {
            starts,
            len: source.len(),
        }
    }

    /// The number of lines; a trailing newline starts one last, empty line.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line that contains byte `offset` (clamped to the end of the source).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        // `starts[0] == 0`, so at least one start is <= offset.
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The byte range of 0-based line `line`, without its `\n` or `\r\n` ending.
    ///
    /// A line past the end yields an empty range at the end of the source.
    pub fn line_range(&self, source: &str, line: usize) -> Range<usize> {
        let Some(&start) = self.starts.get(line) else {
            return self.len..self.len;
        };
        let mut end = self.starts.get(line + 1).map_or(self.len, |&next| next - 1);
        if end > start && source.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        start..end
    }

    /// The 1-based line and 1-based character column of byte `offset` in `source`.
    ///
    /// `source` must be the text the index was built from. An offset past the end is
    /// clamped to the end, and one inside a multi-byte character counts as that
    /// character, so this never panics.
    pub fn line_col(&self, source: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(source, offset.min(self.len));
        let line = self.line_of(offset);
        let start = self.starts[line].min(offset);
        let column = source.get(start..offset).map_or(0, |s| s.chars().count());
        (line + 1, column + 1)
    }
}

/// The largest char boundary of `s` at or before `offset` (clamped to `s.len()`).
pub(crate) fn floor_char_boundary(s: &str, offset: usize) -> usize {
    let mut offset = offset.min(s.len());
    while !s.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The smallest char boundary of `s` at or after `offset` (clamped to `s.len()`).
pub(crate) fn ceil_char_boundary(s: &str, offset: usize) -> usize {
    let mut offset = offset.min(s.len());
    while !s.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_character_is_line_1_column_1() {
        let src = "abc\ndef";
        let index = LineIndex::new(src);
        assert_eq!(index.line_col(src, 0), (1, 1));
        assert_eq!(index.line_col(src, 2), (1, 3));
        assert_eq!(index.line_col(src, 3), (1, 4), "the newline itself");
        assert_eq!(index.line_col(src, 4), (2, 1));
    }

    #[test]
    fn crlf_endings_do_not_shift_the_next_line() {
        let src = "one\r\ntwo\r\nthree";
        let index = LineIndex::new(src);
        assert_eq!(index.line_count(), 3);
        assert_eq!(index.line_col(src, 5), (2, 1));
        assert_eq!(index.line_col(src, 10), (3, 1));
        assert_eq!(index.line_col(src, 3), (1, 4), "the \\r ends line 1");
        assert_eq!(index.line_range(src, 0), 0..3);
        assert_eq!(index.line_range(src, 1), 5..8);
        assert_eq!(&src[index.line_range(src, 2)], "three");
    }

    #[test]
    fn last_line_without_newline() {
        let src = "first\nlast";
        let index = LineIndex::new(src);
        assert_eq!(index.line_count(), 2);
        assert_eq!(index.line_col(src, 9), (2, 4));
        assert_eq!(index.line_range(src, 1), 6..10);
    }

    #[test]
    fn offset_at_and_past_end_of_file() {
        let src = "first\nlast";
        let index = LineIndex::new(src);
        assert_eq!(index.line_col(src, src.len()), (2, 5));
        assert_eq!(index.line_col(src, src.len() + 10), (2, 5));

        let src = "ends with newline\n";
        let index = LineIndex::new(src);
        assert_eq!(index.line_col(src, src.len()), (2, 1));
        assert_eq!(index.line_range(src, 1), 18..18);
        assert_eq!(index.line_range(src, 7), 18..18, "past the last line");
    }

    #[test]
    fn empty_source() {
        let index = LineIndex::new("");
        assert_eq!(index.line_count(), 1);
        assert_eq!(index.line_col("", 0), (1, 1));
        assert_eq!(index.line_range("", 0), 0..0);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let src = "“Erdoğan” said";
        let index = LineIndex::new(src);
        let said = src.find("said").unwrap();
        assert_eq!(said, 15, "curly quotes are 3 bytes, ğ is 2");
        assert_eq!(index.line_col(src, said), (1, 11));
    }

    #[test]
    fn offset_inside_a_character_counts_as_that_character() {
        let src = "aé";
        let index = LineIndex::new(src);
        assert_eq!(index.line_col(src, 2), (1, 2));
    }
}
