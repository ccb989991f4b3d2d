//! Builds the one source text miette draws a finding from: windowed excerpts of several files.
//!
//! miette draws a diagnostic from a single [`SourceCode`] and prints every labelled line
//! in full. A finding can point into several files, and scraped articles have
//! 1,000-character paragraphs on one line, so neither fits as is. [`Excerpts`] lays the
//! labelled lines of every file one after another in a private text, each cut down to a
//! window around its labels with "…" marking what was left out, and answers miette's
//! reads with the original file name, line number and character column. miette then
//! draws one box per file (or per distant group of lines), each headed
//! `file:line:column` as in the original file.

use std::ops::Range;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use super::{FileLabel, Positions, SourceFile};

/// At most this many characters of context are kept on each side of a label.
const MAX_CONTEXT: usize = 60;
/// Excerpt lines never get narrower than this, however small the width.
const MIN_BUDGET: usize = 40;
/// Gaps shorter than this are shown rather than replaced by "…".
const MIN_GAP: usize = 8;
/// How far a cut may move to land on a word boundary.
const SNAP: usize = 12;

/// Marks text left out at the start of an excerpt line.
const LEAD: &str = "… ";
/// Marks text left out between two kept parts of a line.
const GAP: &str = " … ";
/// Marks text left out at the end of an excerpt line.
const TRAIL: &str = " …";

/// Windowed excerpts of the labelled lines of one finding, served to miette as one source.
#[derive(Debug, Default)]
pub(crate) struct Excerpts {
    text: String,
    regions: Vec<Region>,
}

/// A run of consecutive lines of one file, as laid out in `Excerpts::text`.
#[derive(Debug)]
struct Region {
    name: String,
    /// Bytes of `Excerpts::text`, including the `\n` after the last line.
    range: Range<usize>,
    lines: Vec<ExcerptLine>,
}

/// One original line as shown: the kept parts with "…" between them.
#[derive(Debug)]
struct ExcerptLine {
    /// 0-based line number in the original file.
    line: usize,
    /// Bytes of `Excerpts::text`, without the `\n` that follows.
    range: Range<usize>,
    pieces: Vec<Piece>,
}

/// A part of an original line copied verbatim into the excerpt text.
#[derive(Debug)]
struct Piece {
    /// Bytes of the original file.
    orig: Range<usize>,
    /// Where the copy starts in `Excerpts::text`.
    start: usize,
    /// 0-based character column of `orig.start` in its original line.
    column: usize,
}

impl Piece {
    fn end(&self) -> usize {
        self.start + self.orig.len()
    }
}

/// A label placed in the excerpt text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlacedLabel {
    /// Position of the label in `Finding::labels`.
    pub index: usize,
    pub span: SourceSpan,
}

impl Excerpts {
    /// Lays out the labelled lines of every group, in group order, fitting lines into `width` columns.
    ///
    /// Returns the excerpts and where each label landed in them.
    pub fn build(
        files: &[SourceFile<'_>],
        positions: &Positions<'_, '_>,
        groups: &[(usize, Vec<FileLabel<'_>>)],
        width: usize,
    ) -> (Excerpts, Vec<PlacedLabel>) {
        let mut excerpts = Excerpts::default();
        let mut placed = Vec::new();
        for (doc, labels) in groups {
            let (Some(file), Some(index)) = (files.get(*doc), positions.index(*doc)) else {
                continue;
            };
            // Each label covers lines first..=last; a span that ends with a line's
            // `\n` stays on that line.
            let spans: Vec<(usize, usize)> = labels
                .iter()
                .map(|l| {
                    let first = index.line_of(l.span.start);
                    let last = index.line_of(l.span.end.saturating_sub(1).max(l.span.start));
                    (first, last)
                })
                .collect();
            for block in line_blocks(&spans) {
                let members: Vec<usize> = (0..labels.len())
                    .filter(|&i| spans[i].0 >= block.start && spans[i].1 < block.end)
                    .collect();
                let multi_line = members.iter().any(|&i| spans[i].0 != spans[i].1);
                // Room left by miette's gutter: " 18 │ " plus a margin, more when
                // multi-line spans draw their own gutter.
                let gutter = digits(block.end) + 4 + if multi_line { 4 } else { 1 };
                let budget = width.saturating_sub(gutter).max(MIN_BUDGET);

                let region_start = excerpts.text.len();
                let mut lines = Vec::with_capacity(block.len());
                for line in block.clone() {
                    let content = index.line_range(file.source, line);
                    let marks: Vec<Range<usize>> = members
                        .iter()
                        .filter(|&&i| spans[i].0 <= line && line <= spans[i].1)
                        .map(|&i| {
                            let s = labels[i].span.start.clamp(content.start, content.end);
                            let e = labels[i].span.end.clamp(s, content.end);
                            s..e
                        })
                        .collect();
                    lines.push(excerpts.push_line(file.source, line, content, &marks, budget));
                }
                let region = Region {
                    name: file.name.to_string(),
                    range: region_start..excerpts.text.len(),
                    lines,
                };
                for &i in &members {
                    let label = &labels[i];
                    let (first, last) = spans[i];
                    let content_end = index.line_range(file.source, last).end;
                    let start = region.place(first, label.span.start);
                    let end = region.place(last, label.span.end.min(content_end)).max(start);
                    placed.push(PlacedLabel {
                        index: label.index,
                        span: SourceSpan::new(start.into(), end - start),
                    });
                }
                excerpts.regions.push(region);
            }
        }
        (excerpts, placed)
    }

    /// Appends the window of one original line, followed by `\n`.
    fn push_line(
        &mut self,
        source: &str,
        line: usize,
        content: Range<usize>,
        marks: &[Range<usize>],
        budget: usize,
    ) -> ExcerptLine {
        let text = &source[content.clone()];
        // Byte offset (within the line) of every char, plus the end.
        let mut bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bounds.push(text.len());
        let char_at = |byte: usize| bounds.partition_point(|&b| b < byte - content.start);
        let char_marks: Vec<Range<usize>> = marks.iter().map(|m| char_at(m.start)..char_at(m.end)).collect();
        let chars: Vec<char> = text.chars().collect();
        let kept = window(&chars, &char_marks, budget);

        let start = self.text.len();
        let mut pieces = Vec::with_capacity(kept.len());
        for (k, range) in kept.iter().enumerate() {
            if k > 0 {
                self.text.push_str(GAP);
            } else if range.start > 0 {
                self.text.push_str(LEAD);
            }
            let orig = content.start + bounds[range.start]..content.start + bounds[range.end];
            pieces.push(Piece {
                start: self.text.len(),
                column: range.start,
                orig: orig.clone(),
            });
            self.text.push_str(&source[orig]);
        }
        if kept.last().is_some_and(|r| r.end < chars.len()) {
            self.text.push_str(TRAIL);
        }
        let range = start..self.text.len();
        self.text.push('\n');
        ExcerptLine { line, range, pieces }
    }
}

impl Region {
    /// Where byte `offset` of original line `line` appears in the excerpt text.
    ///
    /// Offsets that were cut out land at the start of the next kept piece; windowing
    /// keeps every label boundary, so that only happens for bad input.
    fn place(&self, line: usize, offset: usize) -> usize {
        let Some(shown) = self.lines.iter().find(|l| l.line == line) else {
            return self.range.start;
        };
        for piece in &shown.pieces {
            if offset < piece.orig.start {
                return piece.start;
            }
            if offset <= piece.orig.end {
                return piece.start + (offset - piece.orig.start);
            }
        }
        shown.range.end
    }
}

impl ExcerptLine {
    /// The 0-based character column in the original line of excerpt byte `at`.
    fn column(&self, text: &str, at: usize) -> usize {
        for piece in &self.pieces {
            if at < piece.start {
                return piece.column;
            }
            if at <= piece.end() {
                let copied = text.get(piece.start..at).unwrap_or("");
                return piece.column + copied.chars().count();
            }
        }
        self.pieces.last().map_or(0, |p| {
            p.column + text.get(p.start..p.end()).unwrap_or("").chars().count()
        })
    }
}

impl SourceCode for Excerpts {
    /// Returns the excerpt lines covering `span` (context lines are not supported: the
    /// renderer asks for none), named and numbered as in the original file.
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        _context_lines_before: usize,
        _context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let start = span.offset();
        let end = start + span.len();
        let region = self
            .regions
            .iter()
            // A region ends with a `\n` that no label starts on, so `start` is strictly inside.
            .find(|r| r.range.start <= start && start < r.range.end && end <= r.range.end)
            .ok_or(MietteError::OutOfBounds)?;
        // A line owns the `\n` after it; the last byte of the span decides where it ends.
        let last_byte = if end > start { end - 1 } else { start };
        let first = region
            .lines
            .iter()
            .position(|l| start <= l.range.end)
            .ok_or(MietteError::OutOfBounds)?;
        let last = region
            .lines
            .iter()
            .position(|l| last_byte <= l.range.end)
            .ok_or(MietteError::OutOfBounds)?;
        let from = region.lines[first].range.start;
        let to = region.lines[last].range.end + 1;
        let data = self.text.get(from..to).ok_or(MietteError::OutOfBounds)?.as_bytes();
        Ok(Box::new(MietteSpanContents::new_named(
            region.name.clone(),
            data,
            SourceSpan::new(from.into(), data.len()),
            region.lines[first].line,
            region.lines[first].column(&self.text, start),
            last - first + 1,
        )))
    }
}

/// Merges the line ranges `(first, last)` of labels into blocks of consecutive lines.
fn line_blocks(spans: &[(usize, usize)]) -> Vec<Range<usize>> {
    let mut sorted = spans.to_vec();
    sorted.sort_unstable();
    let mut blocks: Vec<Range<usize>> = Vec::new();
    for (first, last) in sorted {
        match blocks.last_mut() {
            // Adjacent lines share a block, so miette draws them in one box.
            Some(block) if first <= block.end => block.end = block.end.max(last + 1),
            _ => blocks.push(first..last + 1),
        }
    }
    blocks
}

fn digits(mut n: usize) -> usize {
    let mut count = 1;
    while n >= 10 {
        n /= 10;
        count += 1;
    }
    count
}

/// Chooses which characters of a line to show so that every mark fits in about `budget` columns.
///
/// `marks` are character ranges that must stay visible (their ends at least: a mark
/// longer than three quarters of the budget keeps its head and tail). Context is added
/// evenly around the kept parts, at most [`MAX_CONTEXT`] characters a side plus what the
/// other side could not use, and cuts move to word boundaries. Returns sorted,
/// disjoint character ranges; the text between them is replaced by "…".
fn window(chars: &[char], marks: &[Range<usize>], budget: usize) -> Vec<Range<usize>> {
    let n = chars.len();
    if n <= budget {
        return std::iter::once(0..n).collect();
    }
    if marks.is_empty() {
        return std::iter::once(0..budget).collect();
    }

    let long = budget * 3 / 4;
    let keep = budget / 4;
    let mut pieces: Vec<Range<usize>> = Vec::new();
    for mark in marks {
        if mark.len() > long {
            pieces.push(mark.start..mark.start + keep);
            pieces.push(mark.end - keep..mark.end);
        } else {
            pieces.push(mark.clone());
        }
    }
    let pieces = merge(pieces);

    let shown: usize = pieces.iter().map(|p| p.len()).sum();
    let marks_len = (pieces.len() - 1) * GAP.chars().count() + LEAD.chars().count() + TRAIL.chars().count();
    let spare = budget.saturating_sub(shown + marks_len);
    let per_side = (spare / (2 * pieces.len())).min(MAX_CONTEXT);

    let expanded = pieces
        .iter()
        .map(|p| {
            let left_room = p.start;
            let right_room = n - p.end;
            let left = per_side.min(left_room);
            let right = per_side.min(right_room);
            // Give what one side cannot use to the other.
            let right = (right + per_side - left).min(right_room);
            let left = (left + per_side - per_side.min(right_room)).min(left_room);
            let mut start = p.start - left;
            let mut end = p.end + right;
            if start > 0 {
                start = snap_start(chars, start, p.start);
            }
            if end < n {
                end = snap_end(chars, end, p.end);
            }
            start..end
        })
        .collect();
    merge(expanded)
}

/// Moves a cut at `start` forward to the next word start, without passing `limit`.
fn snap_start(chars: &[char], start: usize, limit: usize) -> usize {
    let reach = (start + SNAP).min(limit);
    let mut s = (start..reach)
        .find(|&i| chars[i].is_whitespace())
        .map_or(start, |i| i + 1);
    while s < limit && chars[s].is_whitespace() {
        s += 1;
    }
    s
}

/// Moves a cut at `end` back to the previous word end, without passing `limit`.
fn snap_end(chars: &[char], end: usize, limit: usize) -> usize {
    let reach = end.saturating_sub(SNAP).max(limit);
    let mut e = (reach..end).rev().find(|&i| chars[i].is_whitespace()).unwrap_or(end);
    while e > limit && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    e
}

/// Sorts ranges and merges those that overlap or are separated by less than [`MIN_GAP`].
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start < last.end + MIN_GAP => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

#[cfg(test)]
// Marks are lists of character ranges; a list of one range is what the tests mean.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn shown(line: &str, marks: &[Range<usize>], budget: usize) -> String {
        let chars: Vec<char> = line.chars().collect();
        let kept = window(&chars, marks, budget);
        let mut out = String::new();
        for (k, r) in kept.iter().enumerate() {
            if k > 0 {
                out.push_str(GAP);
            } else if r.start > 0 {
                out.push_str(LEAD);
            }
            out.extend(&chars[r.clone()]);
        }
        if kept.last().is_some_and(|r| r.end < chars.len()) {
            out.push_str(TRAIL);
        }
        out
    }

    #[test]
    fn short_lines_are_shown_whole() {
        assert_eq!(shown("Zelensky was there.", &[0..8], 40), "Zelensky was there.");
    }

    #[test]
    fn long_lines_keep_the_mark_with_context_cut_at_words() {
        let line = "word ".repeat(40) + "TARGET" + &" more".repeat(40);
        let at = line.find("TARGET").unwrap();
        let out = shown(&line, &[at..at + 6], 40);
        assert!(out.starts_with("… word"), "{out}");
        assert!(out.ends_with("more …"), "{out}");
        assert!(out.contains("TARGET"));
        assert!(out.chars().count() <= 40, "{out}");
    }

    #[test]
    fn a_mark_at_the_line_start_gets_all_context_on_the_right() {
        let line = "TARGET".to_string() + &" more".repeat(40);
        let out = shown(&line, &[0..6], 40);
        assert!(out.starts_with("TARGET more"), "{out}");
        assert!(out.chars().count() >= 30, "{out}");
    }

    #[test]
    fn distant_marks_are_joined_by_an_ellipsis() {
        let line = "AAA".to_string() + &" x".repeat(200) + " BBB";
        let b = line.find("BBB").unwrap();
        let out = shown(&line, &[0..3, b..b + 3], 40);
        assert!(out.starts_with("AAA"), "{out}");
        assert!(out.ends_with("BBB"), "{out}");
        assert!(out.contains(" … "), "{out}");
    }

    #[test]
    fn a_long_mark_keeps_its_head_and_tail() {
        let mark = "HEAD".to_string() + &" y".repeat(100) + " TAIL";
        let line = "x ".repeat(100) + &mark + &" z".repeat(100);
        let s = line.find("HEAD").unwrap();
        let e = line.find("TAIL").unwrap() + 4;
        let out = shown(&line, &[s..e], 60);
        assert!(out.contains("HEAD") && out.contains("TAIL"), "{out}");
        assert!(out.chars().count() <= 70, "{out}");
    }

    #[test]
    fn line_blocks_merge_adjacent_lines_only() {
        assert_eq!(line_blocks(&[(3, 3), (4, 4), (9, 10), (0, 0)]), vec![0..1, 3..5, 9..11]);
    }
}
