//! Plain-text bodies: lines become blocks, hard-wrapped lines are joined, bullets are blanked.

use std::ops::Range;

use super::canvas::{Canvas, trim_range};
use super::dates::date_only_line;
use super::{Block, BlockKind};

/// Single-character bullets seen at the start of lines in pasted or scraped text.
const BULLETS: [char; 7] = ['•', '-', '*', '–', '·', '◦', '▪'];

/// One non-blank line, trimmed.
struct Line {
    span: Range<usize>,
    /// Starts with a bullet marker (already blanked).
    bullet: bool,
    /// The line is only a bullet marker.
    lone_marker: bool,
}

/// Cuts `source[body]` into blocks, blanking bullet markers in `canvas`.
///
/// When `first_line_title` is set, a first line without final punctuation is the headline.
pub(crate) fn analyse(source: &str, body: Range<usize>, canvas: &mut Canvas<'_>, first_line_title: bool) -> Vec<Block> {
    let mut lines: Vec<Option<Line>> = Vec::new();
    let mut pos = body.start;
    while pos < body.end {
        let end = source[pos..body.end].find('\n').map_or(body.end, |i| pos + i);
        lines.push(classify(source, pos..end, canvas));
        pos = end + 1;
    }

    let mut blocks = Vec::new();
    // (span, kind, number of lines, whether the last line ended a sentence)
    let mut current: Option<(Range<usize>, BlockKind, usize, bool)> = None;
    let mut pending_item = false;
    let mut first_line: Option<usize> = None;
    for line in &lines {
        let Some(line) = line else {
            flush(source, &mut current, &mut blocks);
            continue;
        };
        first_line.get_or_insert(line.span.start);
        if line.lone_marker {
            flush(source, &mut current, &mut blocks);
            pending_item = true;
            continue;
        }
        let text = &source[line.span.clone()];
        let item = line.bullet || pending_item;
        pending_item = false;
        let joins =
            !item && text.chars().next().is_some_and(char::is_lowercase) && current.as_ref().is_some_and(|c| !c.3);
        if let (true, Some(c)) = (joins, current.as_mut()) {
            c.0.end = line.span.end;
            c.2 += 1;
            c.3 = ends_sentence(text);
            continue;
        }
        flush(source, &mut current, &mut blocks);
        let kind = if item {
            BlockKind::ListItem
        } else {
            BlockKind::Paragraph
        };
        current = Some((line.span.clone(), kind, 1, ends_sentence(text)));
        // The headline decision needs to know whether the next line joins, so it is made
        // once the first block is complete (below).
    }
    flush(source, &mut current, &mut blocks);

    if first_line_title && let Some(first) = blocks.first_mut() {
        let text = &source[first.span.clone()];
        if first.kind == BlockKind::Paragraph
            && Some(first.span.start) == first_line
            && !text.contains('\n')
            && !ends_sentence(text)
            && date_only_line(text).is_none()
        {
            first.kind = BlockKind::Title;
        }
    }
    blocks
}

fn flush(source: &str, current: &mut Option<(Range<usize>, BlockKind, usize, bool)>, blocks: &mut Vec<Block>) {
    if let Some((span, kind, _, _)) = current.take() {
        let span = trim_range(source, span);
        // A line of symbols ("* * *", "———") separates sections; it is no prose.
        if source[span.clone()].chars().any(char::is_alphanumeric) {
            blocks.push(Block { span, kind });
        }
    }
}

/// Trims a line and blanks its bullet marker; `None` for a blank line.
fn classify(source: &str, raw: Range<usize>, canvas: &mut Canvas<'_>) -> Option<Line> {
    let span = trim_range(source, raw);
    if span.is_empty() {
        return None;
    }
    let text = &source[span.clone()];
    let Some(marker_len) = bullet_marker(text) else {
        return Some(Line {
            span,
            bullet: false,
            lone_marker: false,
        });
    };
    let rest = trim_range(source, span.start + marker_len..span.end);
    // "* * *" is a section break, not a bullet: leave it as it is.
    if !rest.is_empty() && !source[rest.clone()].chars().any(char::is_alphanumeric) {
        return Some(Line {
            span,
            bullet: false,
            lone_marker: false,
        });
    }
    canvas.blank(span.start..span.start + marker_len);
    Some(Line {
        lone_marker: rest.is_empty(),
        span: if rest.is_empty() { span } else { rest },
        bullet: true,
    })
}

/// Length of a bullet marker ("•", "-", "1.", "2)") at the start of a trimmed line,
/// when it is followed by whitespace or ends the line.
fn bullet_marker(line: &str) -> Option<usize> {
    let mut chars = line.char_indices();
    let (_, first) = chars.next()?;
    let len = if BULLETS.contains(&first) {
        first.len_utf8()
    } else if first.is_ascii_digit() {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        match line.as_bytes().get(digits) {
            Some(b'.' | b')') if digits <= 3 => digits + 1,
            _ => return None,
        }
    } else {
        return None;
    };
    let after = &line[len..];
    (after.is_empty() || after.starts_with(char::is_whitespace)).then_some(len)
}

/// Whether a line ends with sentence-final punctuation, possibly followed by closing quotes.
pub(crate) fn ends_sentence(line: &str) -> bool {
    let core = line.trim_end().trim_end_matches(['"', '\'', '”', '’', '»', ')', ']']);
    core.ends_with(['.', '!', '?', '…'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use BlockKind::*;

    fn run(src: &str) -> (String, Vec<(BlockKind, String)>) {
        let mut canvas = Canvas::blank_of(src);
        canvas.keep(0..src.len());
        let blocks = analyse(src, 0..src.len(), &mut canvas, true);
        let text = canvas.finish();
        assert_eq!(text.len(), src.len());
        let shown = blocks
            .iter()
            .map(|b| (b.kind, text[b.span.clone()].to_string()))
            .collect();
        (text, shown)
    }

    #[test]
    fn headline_and_wrapped_paragraph() {
        let src = "Talks falter in Istanbul\n\nISTANBUL — Ukrainian and Russian officials met\nfor the first time in years.\nThe meeting ended early.\n";
        let (_, blocks) = run(src);
        assert_eq!(
            blocks,
            vec![
                (Title, "Talks falter in Istanbul".into()),
                (
                    Paragraph,
                    "ISTANBUL — Ukrainian and Russian officials met\nfor the first time in years.".into()
                ),
                (Paragraph, "The meeting ended early.".into()),
            ]
        );
    }

    #[test]
    fn no_title_when_first_line_is_a_sentence() {
        let (_, blocks) = run("The talks ended.\nNothing else.\n");
        assert_eq!(blocks[0].0, Paragraph);
        let (_, blocks) = run("May 15, 2025\nThe talks ended.\n");
        assert_eq!(blocks[0].0, Paragraph);
        // A first line that wraps into a lowercase line is a paragraph, not a headline.
        let (_, blocks) = run("The talks in Istanbul ended\nwithout a deal.\n");
        assert_eq!(
            blocks,
            vec![(Paragraph, "The talks in Istanbul ended\nwithout a deal.".into())]
        );
    }

    #[test]
    fn bullets() {
        let src = "Who came\n• Hakan Fidan, foreign minister\n- Rustem Umerov\n* Marco Rubio\n– Vladimir Medinsky\n· Someone\n1. First\n2) Second\n-5 degrees is no bullet.\n";
        let (text, blocks) = run(src);
        assert_eq!(
            blocks,
            vec![
                (Title, "Who came".into()),
                (ListItem, "Hakan Fidan, foreign minister".into()),
                (ListItem, "Rustem Umerov".into()),
                (ListItem, "Marco Rubio".into()),
                (ListItem, "Vladimir Medinsky".into()),
                (ListItem, "Someone".into()),
                (ListItem, "First".into()),
                (ListItem, "Second".into()),
                (Paragraph, "-5 degrees is no bullet.".into()),
            ]
        );
        assert!(!text.contains('•'));
        assert!(text.contains("   Hakan"));
    }

    #[test]
    fn lone_markers() {
        let src = "Headline\n-\nZelensky stayed in Ankara\n•\n\nUmerov led the delegation\nPlain line.\n";
        let (text, blocks) = run(src);
        assert_eq!(
            blocks,
            vec![
                (Title, "Headline".into()),
                (ListItem, "Zelensky stayed in Ankara".into()),
                (ListItem, "Umerov led the delegation".into()),
                (Paragraph, "Plain line.".into()),
            ]
        );
        assert!(!text.contains('-') && !text.contains('•'));
    }

    #[test]
    fn wrapped_bullet_and_quotes() {
        let src = "- the first point runs\n  over two lines\n\"He will not come,\" she said.\nand this starts lower.\n";
        let (_, blocks) = run(src);
        assert_eq!(
            blocks,
            vec![
                (ListItem, "the first point runs\n  over two lines".into()),
                (Paragraph, "\"He will not come,\" she said.".into()),
                (Paragraph, "and this starts lower.".into()),
            ]
        );
    }

    #[test]
    fn crlf_and_separators() {
        let src = "Headline here\r\n\r\n* * *\r\nBody text goes\r\non here.\r\n";
        let (_, blocks) = run(src);
        assert_eq!(
            blocks,
            vec![
                (Title, "Headline here".into()),
                (Paragraph, "Body text goes\r\non here.".into())
            ]
        );
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("It ended."));
        assert!(ends_sentence("“It ended.”"));
        assert!(ends_sentence("Why?)"));
        assert!(ends_sentence("And then…"));
        assert!(!ends_sentence("Talks falter"));
        assert!(!ends_sentence("He said:"));
    }
}
