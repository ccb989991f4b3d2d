//! TEMPORARY stub; replaced by the real loader.
use std::ops::Range;
use std::path::{Path, PathBuf};

pub type DocId = usize;
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Title,
    Heading,
    Paragraph,
    ListItem,
    BlockQuote,
}
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub span: Range<usize>,
    pub kind: BlockKind,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrigin {
    FrontMatter,
    Dateline,
    DateLine,
    CommandLine,
}
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PubDate {
    pub date: jiff::civil::Date,
    pub origin: DateOrigin,
    pub span: Option<Range<usize>>,
}
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub date: Option<PubDate>,
}
#[derive(Debug, Clone)]
pub struct Document {
    pub path: PathBuf,
    pub format: Format,
    pub source: String,
    pub text: String,
    pub blocks: Vec<Block>,
    pub meta: Metadata,
}
pub struct LoadOptions {
    pub max_bytes: u64,
    pub fallback_date: Option<jiff::civil::Date>,
}
impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_bytes: 8 << 20,
            fallback_date: None,
        }
    }
}
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum LoadError {
    #[error("{0}: {1}")]
    Io(PathBuf, String),
}
pub fn discover(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    (inputs.to_vec(), vec![])
}
pub fn load(path: &Path, opts: &LoadOptions) -> Result<Document, LoadError> {
    let b = std::fs::read(path).map_err(|e| LoadError::Io(path.into(), e.to_string()))?;
    load_bytes(path, &b, opts)
}
pub fn load_bytes(path: &Path, bytes: &[u8], opts: &LoadOptions) -> Result<Document, LoadError> {
    let s = String::from_utf8(bytes.to_vec()).map_err(|e| LoadError::Io(path.into(), e.to_string()))?;
    let mut blocks = vec![];
    let mut pos = 0;
    for line in s.split_inclusive('\n') {
        let t = line.trim();
        if !t.is_empty() {
            let st = pos + line.find(t).unwrap();
            blocks.push(Block {
                span: st..st + t.len(),
                kind: if blocks.is_empty() {
                    BlockKind::Title
                } else {
                    BlockKind::Paragraph
                },
            });
        }
        pos += line.len();
    }
    Ok(Document {
        path: path.into(),
        format: Format::Text,
        text: s.clone(),
        source: s,
        blocks,
        meta: Metadata {
            date: opts.fallback_date.map(|d| PubDate {
                date: d,
                origin: DateOrigin::CommandLine,
                span: None,
            }),
            ..Default::default()
        },
    })
}
pub fn find_dates(_text: &str) -> Vec<(Range<usize>, jiff::civil::Date)> {
    vec![]
}
