//! Loading article files into documents whose analysed text lines up byte for byte with the file.
//!
//! `Document::text` has the same length as `Document::source`: everything that is not
//! prose (front matter, Markdown syntax, code, bullet markers) is replaced by spaces,
//! line breaks excepted, so a span found in `text` is directly a span in the user's file.

mod canvas;
mod dates;
mod discover;
mod error;
mod frontmatter;
mod markdown;
mod plain;

use std::io::{Read, Seek, SeekFrom};
use std::ops::Range;
use std::path::{Path, PathBuf};

pub use dates::find_dates;
pub(crate) use dates::{is_full_name, month_number, weekday};
pub use discover::{discover, has_article_extension};
pub use error::LoadError;

use canvas::{Canvas, trim_range};

/// Index of a document within one run (position in the sorted input list).
pub type DocId = usize;

/// How a file is read: as Markdown or as plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
}

/// What kind of prose unit a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Title,
    Heading,
    Paragraph,
    ListItem,
    BlockQuote,
}

/// A unit of prose: a headline, a paragraph, a list item. Sentences never cross blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Byte range in both `text` and `source`, trimmed of surrounding whitespace.
    pub span: Range<usize>,
    pub kind: BlockKind,
}

/// Where the publication date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrigin {
    /// A `date` (or `published`, `pubDate`, …) key in the front matter.
    FrontMatter,
    /// A date near the top of the article, such as "ISTANBUL, May 15, 2025 —".
    Dateline,
    /// A line that is only a date, such as a blog footer's "Published May 16, 2025".
    DateLine,
    /// The `--date` option or the configuration.
    CommandLine,
}

/// The date an article was published, and where it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PubDate {
    pub date: jiff::civil::Date,
    pub origin: DateOrigin,
    /// The date's bytes in the file; `None` when it came from the command line.
    pub span: Option<Range<usize>>,
}

/// What is known about an article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub date: Option<PubDate>,
}

/// One loaded article file.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as discovered (display this).
    pub path: PathBuf,
    pub format: Format,
    /// The original file contents, unmodified.
    pub source: String,
    /// The analysed text: same byte length as `source`, non-prose bytes blanked.
    pub text: String,
    /// Prose units in `text`, in file order.
    pub blocks: Vec<Block>,
    pub meta: Metadata,
}

/// Settings for loading files.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Files larger than this are refused (default 8 MiB).
    pub max_bytes: u64,
    /// Publication date used when a file gives none (`--date`).
    pub fallback_date: Option<jiff::civil::Date>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_bytes: 8 * 1024 * 1024,
            fallback_date: None,
        }
    }
}

const BOM: &str = "\u{feff}";
/// How much of the file the binary sniffing looks at.
const SNIFF_BYTES: usize = 8 * 1024;
/// The dateline search covers the first lines or the first bytes, whichever reaches further.
const DATELINE_LINES: usize = 12;
const DATELINE_BYTES: usize = 1500;

/// Reads one file. Never panics; never modifies the file.
pub fn load(path: &Path, opts: &LoadOptions) -> Result<Document, LoadError> {
    let file = std::fs::File::open(path).map_err(|e| LoadError::io(path, e))?;
    let meta = file.metadata().map_err(|e| LoadError::io(path, e))?;
    if meta.is_dir() {
        let error = std::io::Error::new(std::io::ErrorKind::IsADirectory, "is a directory");
        return Err(LoadError::io(path, error));
    }
    // The size is checked before reading so that a huge file costs nothing.
    if meta.len() > opts.max_bytes {
        return Err(too_large(path, meta.len(), opts));
    }
    // A regular file is read in one call of the size its metadata gives, without the
    // further read that would only confirm its end: a system call less for each of
    // thousands of files. One that grows meanwhile is read as it was measured.
    let mut file = file;
    let size = usize::try_from(meta.len()).unwrap_or(0);
    let mut bytes = vec![0; size];
    let measured = meta.is_file() && size > 0 && file.read_exact(&mut bytes).is_ok();
    if !measured {
        // Pipes and special files (size 0), or a file that shrank: read to the end, as
        // far as the limit.
        bytes.clear();
        if meta.is_file() {
            file.seek(SeekFrom::Start(0)).map_err(|e| LoadError::io(path, e))?;
        }
        file.take(opts.max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| LoadError::io(path, e))?;
    }
    load_vec(path, bytes, opts)
}

/// Same as [`load`] but from bytes already in memory (used by tests and by rule-pack examples).
pub fn load_bytes(path: &Path, bytes: &[u8], opts: &LoadOptions) -> Result<Document, LoadError> {
    load_vec(path, bytes.to_vec(), opts)
}

/// [`load_bytes`] taking the bytes over: valid UTF-8 becomes the document's text
/// without a copy.
fn load_vec(path: &Path, bytes: Vec<u8>, opts: &LoadOptions) -> Result<Document, LoadError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > opts.max_bytes {
        return Err(too_large(path, size, opts));
    }
    if bytes.is_empty() {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
        });
    }
    // Validated once: a text file's sample is then sniffed without validating it again.
    let source = String::from_utf8(bytes);
    let binary = match &source {
        Ok(text) => text_looks_binary(text),
        Err(e) => looks_binary(e.as_bytes()),
    };
    if binary {
        return Err(LoadError::Binary {
            path: path.to_path_buf(),
        });
    }
    let source = match source {
        Ok(text) => text,
        Err(e) => {
            return Err(LoadError::InvalidUtf8 {
                path: path.to_path_buf(),
                offset: e.utf8_error().valid_up_to(),
            });
        }
    };
    let bom = if source.starts_with(BOM) { BOM.len() } else { 0 };
    if source[bom..].trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
        });
    }
    let format = format_of(path);
    analyse(path, format, source, bom, opts)
}

fn analyse(path: &Path, format: Format, source: String, bom: usize, opts: &LoadOptions) -> Result<Document, LoadError> {
    let front = frontmatter::parse(&source, bom, format == Format::Markdown)
        .map_err(|e| front_matter_error(path, &source, e))?;
    let body_start = front.as_ref().map_or(bom, |f| f.range.end);

    let mut canvas = Canvas::blank_of(&source);
    let mut blocks = Vec::new();
    let title_block = front
        .as_ref()
        .and_then(|f| f.title.as_ref())
        .map(|(_, range)| trim_range(&source, range.clone()))
        .filter(|span| !span.is_empty());
    if let Some(span) = &title_block {
        canvas.keep(span.clone());
        blocks.push(Block {
            span: span.clone(),
            kind: BlockKind::Title,
        });
    }
    match format {
        Format::Markdown => {
            let mut body = markdown::analyse(&source, body_start..source.len(), &mut canvas);
            if title_block.is_none()
                && let Some(first) = body.iter_mut().find(|b| b.kind == BlockKind::Heading)
            {
                first.kind = BlockKind::Title;
            }
            blocks.extend(body);
        }
        Format::Text => {
            canvas.keep(body_start..source.len());
            let body = plain::analyse(&source, body_start..source.len(), &mut canvas, title_block.is_none());
            blocks.extend(body);
        }
    }
    blocks.sort_by_key(|b| b.span.start);
    let text = canvas.finish();

    let mut meta = Metadata::default();
    let mut front_date = None;
    if let Some(front) = front {
        meta.title = front.title.map(|(title, _)| title);
        meta.outlet = front.outlet;
        meta.url = front.url;
        front_date = front.date;
    }
    if meta.title.is_none() {
        meta.title = blocks
            .iter()
            .find(|b| b.kind == BlockKind::Title)
            .map(|b| text[b.span.clone()].split_whitespace().collect::<Vec<_>>().join(" "));
    }
    meta.date = match front_date {
        Some((date, span)) => Some(PubDate {
            date,
            origin: DateOrigin::FrontMatter,
            span: Some(span),
        }),
        None => publication_date(&text, opts),
    };

    Ok(Document {
        path: path.to_path_buf(),
        format,
        source,
        text,
        blocks,
        meta,
    })
}

/// The publication date from the text: a dateline near the top, else a line that
/// is only a date anywhere, else the fallback.
fn publication_date(text: &str, opts: &LoadOptions) -> Option<PubDate> {
    let limit = dateline_limit(text);
    // A little slack so that a date straddling the limit is still seen whole.
    let mut window = (limit + 64).min(text.len());
    while !text.is_char_boundary(window) {
        window += 1;
    }
    if let Some((span, date)) = find_dates(&text[..window])
        .into_iter()
        .find(|(span, _)| span.start < limit)
    {
        return Some(PubDate {
            date,
            origin: DateOrigin::Dateline,
            span: Some(span),
        });
    }
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some((span, date)) = dates::date_only_line(line) {
            return Some(PubDate {
                date,
                origin: DateOrigin::DateLine,
                span: Some(span.start + offset..span.end + offset),
            });
        }
        offset += line.len();
    }
    opts.fallback_date.map(|date| PubDate {
        date,
        origin: DateOrigin::CommandLine,
        span: None,
    })
}

/// End of the dateline search: the end of the 12th non-blank line or 1,500 bytes,
/// whichever is further (scraped pages put many short menu lines before the date).
fn dateline_limit(text: &str) -> usize {
    let mut offset = 0;
    let mut non_blank = 0;
    let mut lines_end = text.len();
    for line in text.split_inclusive('\n') {
        offset += line.len();
        if !line.trim().is_empty() {
            non_blank += 1;
            if non_blank == DATELINE_LINES {
                lines_end = offset;
                break;
            }
        }
    }
    lines_end.max(DATELINE_BYTES).min(text.len())
}

fn format_of(path: &Path) -> Format {
    let is_markdown = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    if is_markdown { Format::Markdown } else { Format::Text }
}

fn too_large(path: &Path, size: u64, opts: &LoadOptions) -> LoadError {
    LoadError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit: opts.max_bytes,
    }
}

fn front_matter_error(path: &Path, source: &str, e: frontmatter::FmError) -> LoadError {
    let mut start = e.span.start.min(source.len());
    while !source.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = e.span.end.clamp(start, source.len());
    while !source.is_char_boundary(end) {
        end += 1;
    }
    LoadError::FrontMatter {
        path: path.to_path_buf(),
        message: e.message,
        src: std::sync::Arc::new(miette::NamedSource::new(path.display().to_string(), source.to_string())),
        span: (start, end - start).into(),
        label: e.label,
    }
}

/// Whether the start of the file is a NUL-bearing or mostly non-text blob.
///
/// A few bad bytes (a Latin-1 "é") make an invalid-UTF-8 error, which is more
/// helpful; random data has well over 30% control or undecodable bytes.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if sample.contains(&0) {
        return true;
    }
    let mut bad = 0usize;
    let mut rest = sample;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                bad += count_controls(s);
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                bad += count_controls(std::str::from_utf8(valid).unwrap_or_default());
                match e.error_len() {
                    Some(n) => {
                        bad += n;
                        rest = &after[n..];
                    }
                    // A character cut by the end of the sample is not evidence.
                    None => break,
                }
            }
        }
    }
    bad * 10 > sample.len() * 3
}

/// [`looks_binary`] for bytes known to be UTF-8.
fn text_looks_binary(text: &str) -> bool {
    let sample = &text.as_bytes()[..text.len().min(SNIFF_BYTES)];
    if sample.contains(&0) {
        return true;
    }
    // A character cut by the end of the sample is not evidence.
    let mut cut = sample.len();
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    count_controls(&text[..cut]) * 10 > sample.len() * 3
}

/// The control characters of `s` other than tab, line feed, carriage return and form
/// feed. Counted on bytes: in UTF-8 the C0 controls and DEL are single bytes and the
/// C1 controls (U+0080–U+009F) are 0xC2 followed by 0x80–0x9F.
fn count_controls(s: &str) -> usize {
    let bytes = s.as_bytes();
    // In blocks of 64 bytes with a byte-sized count and no short-circuit, so that the
    // compiler compares 32 bytes at a time: this reads every byte of every file.
    let c0: usize = bytes
        .chunks(64)
        .map(|block| {
            let n: u8 = block
                .iter()
                .map(|&b| u8::from((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0c) | (b == 0x7f)))
                .sum();
            usize::from(n)
        })
        .sum();
    let c1 = memchr::memchr_iter(0xc2, bytes)
        .filter(|&i| bytes.get(i + 1).is_some_and(|b| (0x80..=0x9f).contains(b)))
        .count();
    c0 + c1
}

#[cfg(test)]
mod tests;
