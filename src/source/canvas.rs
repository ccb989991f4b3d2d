//! The analysed text under construction: same length as the source, prose kept, the rest blanked.

use std::ops::Range;

/// A byte copy of the source in which ranges are kept or blanked.
///
/// Line breaks (`\n` and `\r`) survive blanking so that line numbers and the line
/// structure of `text` match the source.
pub(crate) struct Canvas<'a> {
    source: &'a str,
    bytes: Vec<u8>,
}

impl<'a> Canvas<'a> {
    /// Starts fully blanked: only line breaks are there.
    pub(crate) fn blank_of(source: &'a str) -> Self {
        let bytes = source.bytes().map(blank_byte).collect();
        Canvas { source, bytes }
    }

    /// Copies the source bytes of `range` back in.
    pub(crate) fn keep(&mut self, range: Range<usize>) {
        if let Some(r) = self.checked(range) {
            self.bytes[r.clone()].copy_from_slice(&self.source.as_bytes()[r]);
        }
    }

    /// Replaces `range` with spaces, line breaks excepted.
    pub(crate) fn blank(&mut self, range: Range<usize>) {
        if let Some(r) = self.checked(range) {
            for b in &mut self.bytes[r] {
                *b = blank_byte(*b);
            }
        }
    }

    /// The text as it stands.
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes).unwrap_or_default()
    }

    /// [`trim_range`] of the canvas text, validating only the range rather than the
    /// whole canvas: a document is trimmed block by block.
    pub(crate) fn trim(&self, range: Range<usize>) -> Range<usize> {
        match self.bytes.get(range.clone()).map(std::str::from_utf8) {
            Some(Ok(slice)) => {
                let trimmed = trim_range(slice, 0..slice.len());
                range.start + trimmed.start..range.start + trimmed.end
            }
            _ => trim_range(self.as_str(), range),
        }
    }

    pub(crate) fn finish(self) -> String {
        match String::from_utf8(self.bytes) {
            Ok(text) => text,
            // Unreachable while every range sits on character boundaries (checked above);
            // a fully blank text still keeps the length invariant if that ever breaks.
            Err(_) => self.source.bytes().map(|b| blank_byte(b) as char).collect(),
        }
    }

    /// Clamps to the source and refuses ranges that would split a character,
    /// so the canvas always stays valid UTF-8.
    fn checked(&self, range: Range<usize>) -> Option<Range<usize>> {
        let end = range.end.min(self.source.len());
        let start = range.start.min(end);
        (self.source.is_char_boundary(start) && self.source.is_char_boundary(end)).then_some(start..end)
    }
}

fn blank_byte(b: u8) -> u8 {
    if b == b'\n' || b == b'\r' { b } else { b' ' }
}

/// `range` shrunk to exclude surrounding whitespace in `text`.
pub(crate) fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let Some(slice) = text.get(range.clone()) else {
        return range.start..range.start;
    };
    if slice.trim().is_empty() {
        return range.start..range.start;
    }
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_length_and_utf8() {
        let src = "é—x\r\ny";
        let mut c = Canvas::blank_of(src);
        assert_eq!(c.as_str(), "      \r\n ");
        c.keep(0..2);
        c.keep(1..3); // splits a character: refused
        c.keep(6..99);
        let text = c.finish();
        assert_eq!(text.len(), src.len());
        assert_eq!(text, "é    \r\ny");
    }

    #[test]
    fn trims() {
        assert_eq!(trim_range("  ab  ", 0..6), 2..4);
        assert_eq!(trim_range("    ", 0..4), 0..0);
    }

    #[test]
    fn trimming_a_range_of_the_canvas_matches_trimming_its_text() {
        let src = "  é — x \u{a0}\n\n  ü  \u{3000}y  ";
        let mut canvas = Canvas::blank_of(src);
        canvas.keep(2..12);
        canvas.keep(15..src.len());
        for start in 0..=src.len() {
            for end in start..=src.len() + 2 {
                assert_eq!(
                    canvas.trim(start..end),
                    trim_range(canvas.as_str(), start..end),
                    "{start}..{end}"
                );
            }
        }
    }
}
