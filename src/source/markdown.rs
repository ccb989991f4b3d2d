//! Markdown bodies: keep the bytes of text events, blank all syntax, and cut prose blocks.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::canvas::Canvas;
use super::{Block, BlockKind};

/// Block-level containers that decide the kind of the prose inside them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Heading,
    Item,
    Quote,
    Row,
    Other,
}

/// Keeps the prose of `source[body]` in `canvas` and returns its blocks in file order.
///
/// The body is parsed on its own (front matter already cut off), so event offsets
/// are shifted by `body.start`.
pub(crate) fn analyse(source: &str, body: Range<usize>, canvas: &mut Canvas<'_>) -> Vec<Block> {
    let Some(text) = source.get(body.clone()) else {
        return Vec::new();
    };
    let offset = body.start;
    // Math stays off: "$5 million … $10" in news copy is not LaTeX.
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut b = Builder {
        blocks: Vec::new(),
        stack: Vec::new(),
        current: None,
    };
    // Text is dropped inside code blocks, HTML blocks, images and autolinks.
    let mut skip = 0usize;
    let mut link_skips: Vec<bool> = Vec::new();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let range = range.start + offset..range.end + offset;
        match event {
            Event::Start(tag) => match tag {
                Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Superscript | Tag::Subscript => {}
                Tag::Link { link_type, .. } => {
                    let is_auto = matches!(link_type, LinkType::Autolink | LinkType::Email);
                    skip += usize::from(is_auto);
                    link_skips.push(is_auto);
                }
                Tag::Image { .. } => skip += 1,
                Tag::TableCell => {}
                Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                    b.flush(canvas);
                    skip += 1;
                }
                Tag::Heading { .. } => b.open(canvas, Ctx::Heading),
                Tag::Item => b.open(canvas, Ctx::Item),
                Tag::BlockQuote(_) => b.open(canvas, Ctx::Quote),
                Tag::TableHead | Tag::TableRow => b.open(canvas, Ctx::Row),
                _ => b.open(canvas, Ctx::Other),
            },
            Event::End(tag) => match tag {
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::TableCell => {}
                TagEnd::Link => {
                    if link_skips.pop() == Some(true) {
                        skip = skip.saturating_sub(1);
                    }
                }
                TagEnd::Image => skip = skip.saturating_sub(1),
                TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {
                    skip = skip.saturating_sub(1);
                }
                _ => b.close(canvas),
            },
            Event::Text(_) if skip == 0 => {
                canvas.keep(range.clone());
                b.extend(range);
            }
            // Everything else is syntax or code: it stays blank.
            _ => {}
        }
    }
    b.flush(canvas);
    b.blocks
}

struct Builder {
    blocks: Vec<Block>,
    stack: Vec<Ctx>,
    /// The prose block being gathered: the extent of its kept text, and its kind.
    current: Option<(Range<usize>, BlockKind)>,
}

impl Builder {
    fn open(&mut self, canvas: &Canvas<'_>, ctx: Ctx) {
        // A nested block (a sub-list, a second paragraph) ends the prose before it.
        self.flush(canvas);
        self.stack.push(ctx);
    }

    fn close(&mut self, canvas: &Canvas<'_>) {
        self.flush(canvas);
        self.stack.pop();
    }

    fn extend(&mut self, range: Range<usize>) {
        match &mut self.current {
            Some((span, _)) => span.end = span.end.max(range.end),
            None => self.current = Some((range, self.kind())),
        }
    }

    fn kind(&self) -> BlockKind {
        for ctx in self.stack.iter().rev() {
            match ctx {
                Ctx::Heading => return BlockKind::Heading,
                Ctx::Item => return BlockKind::ListItem,
                Ctx::Quote => return BlockKind::BlockQuote,
                Ctx::Row => return BlockKind::Paragraph,
                Ctx::Other => {}
            }
        }
        BlockKind::Paragraph
    }

    fn flush(&mut self, canvas: &Canvas<'_>) {
        if let Some((span, kind)) = self.current.take() {
            let span = canvas.trim(span);
            if !span.is_empty() {
                self.blocks.push(Block { span, kind });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(src: &str) -> (String, Vec<(BlockKind, String)>) {
        let mut canvas = Canvas::blank_of(src);
        let blocks = analyse(src, 0..src.len(), &mut canvas);
        let text = canvas.finish();
        assert_eq!(text.len(), src.len());
        let shown = blocks
            .iter()
            .map(|b| (b.kind, text[b.span.clone()].to_string()))
            .collect();
        (text, shown)
    }

    use BlockKind::*;

    #[test]
    fn headings_and_emphasis() {
        let (text, blocks) = run("# Talks *falter*\n\nZelensky **did not** attend.\n");
        assert_eq!(text, "  Talks  falter \n\nZelensky   did not   attend.\n");
        assert_eq!(
            blocks,
            vec![
                (Heading, "Talks  falter".into()),
                (Paragraph, "Zelensky   did not   attend.".into())
            ]
        );
    }

    #[test]
    fn links_images_code_html() {
        let src = "See [the report](https://x.test/a \"t\") and ![a map](m.png) or `code` <b>bold</b> <https://x.test>.\n\n```\nlet x = 1;\n```\n\n    indented code\n\n<div>\nhtml block\n</div>\n";
        let (text, blocks) = run(src);
        assert_eq!(
            blocks,
            vec![(
                Paragraph,
                "See  the report                        and                 or           bold                     ."
                    .into()
            )]
        );
        assert!(!text.contains("let x"));
        assert!(!text.contains("indented"));
        assert!(!text.contains("html block"));
        assert!(!text.contains("https"));
    }

    #[test]
    fn nested_lists() {
        let src = "- first item\n  - nested *one*\n  - nested two\n- second\n\n1. numbered\n2) other\n";
        let (_, blocks) = run(src);
        assert_eq!(
            blocks,
            vec![
                (ListItem, "first item".into()),
                (ListItem, "nested  one".into()),
                (ListItem, "nested two".into()),
                (ListItem, "second".into()),
                (ListItem, "numbered".into()),
                (ListItem, "other".into()),
            ]
        );
    }

    #[test]
    fn loose_list_paragraphs_and_quotes() {
        let src = "- one\n\n  more\n\n> quoted line\n> goes on\n>\n> second para\n";
        let (text, blocks) = run(src);
        assert_eq!(
            blocks,
            vec![
                (ListItem, "one".into()),
                (ListItem, "more".into()),
                (BlockQuote, "quoted line\n  goes on".into()),
                (BlockQuote, "second para".into()),
            ]
        );
        assert!(!text.contains('>'));
    }

    #[test]
    fn tables_rows() {
        let src = "| Name | Role |\n|---|---|\n| Fidan | Minister |\n";
        let (text, blocks) = run(src);
        assert_eq!(
            blocks,
            vec![
                (Paragraph, "Name   Role".into()),
                (Paragraph, "Fidan   Minister".into())
            ]
        );
        assert!(!text.contains('|'));
    }

    #[test]
    fn entities_and_escapes_keep_source_bytes() {
        let src = "AT&amp;T said \\*not\\* so.\n";
        let (text, blocks) = run(src);
        assert_eq!(text.len(), src.len());
        assert_eq!(blocks.len(), 1);
        assert!(text.contains("AT&amp;T"));
    }

    #[test]
    fn setext_and_rules() {
        let src = "Title here\n==========\n\n---\n\nBody.\n";
        let (text, blocks) = run(src);
        assert_eq!(
            blocks,
            vec![(Heading, "Title here".into()), (Paragraph, "Body.".into())]
        );
        assert!(!text.contains('='));
    }
}
