//! Errors raised while finding and reading article files.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use miette::{NamedSource, SourceSpan};

/// Why one input file could not be loaded; every variant names the file.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum LoadError {
    /// The file could not be opened or read (missing, permission denied, a directory…).
    #[error("{}: {error}", path.display())]
    #[diagnostic(
        code(factlint::load::io),
        help("check that the path exists, is a regular file and is readable by you")
    )]
    Io { path: PathBuf, error: std::io::Error },

    /// The file is not valid UTF-8.
    #[error("{}: invalid UTF-8 at byte {offset}", path.display())]
    #[diagnostic(
        code(factlint::load::invalid_utf8),
        help(
            "factlint reads UTF-8 only; convert the file first, e.g. `iconv -f WINDOWS-1252 -t UTF-8 in.txt > out.txt`"
        )
    )]
    InvalidUtf8 {
        path: PathBuf,
        /// Byte offset of the first byte that is not valid UTF-8.
        offset: usize,
    },

    /// The file looks like binary data rather than text.
    #[error("{}: looks like a binary file, not text", path.display())]
    #[diagnostic(
        code(factlint::load::binary),
        help("pass only .txt or .md articles; a UTF-16 text file must be converted to UTF-8 first")
    )]
    Binary { path: PathBuf },

    /// The file has no bytes, or only whitespace.
    #[error("{}: file is empty", path.display())]
    #[diagnostic(
        code(factlint::load::empty),
        help("add the article's text, or leave the file out of the inputs")
    )]
    Empty { path: PathBuf },

    /// The file is larger than the configured limit.
    #[error("{}: file is too large ({size} bytes; the limit is {limit} bytes)", path.display())]
    #[diagnostic(
        code(factlint::load::too_large),
        help("an article is rarely this large: check that this is the right file, or raise the size limit")
    )]
    TooLarge { path: PathBuf, size: u64, limit: u64 },

    /// The front matter is malformed, or one of its values is unusable.
    #[error("{}: invalid front matter: {message}", path.display())]
    #[diagnostic(
        code(factlint::load::front_matter),
        help(
            "front matter is YAML between `---` lines or TOML between `+++` lines at the top of the file; a `date` must look like 2025-05-15"
        )
    )]
    FrontMatter {
        path: PathBuf,
        message: String,
        #[source_code]
        /// Shared so that the error stays small; it holds the whole file.
        src: Arc<NamedSource<String>>,
        #[label("{label}")]
        span: SourceSpan,
        /// Short text shown at the labelled spot.
        label: String,
    },
}

impl LoadError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Io { path, .. }
            | LoadError::InvalidUtf8 { path, .. }
            | LoadError::Binary { path }
            | LoadError::Empty { path }
            | LoadError::TooLarge { path, .. }
            | LoadError::FrontMatter { path, .. } => path,
        }
    }

    pub(crate) fn io(path: &Path, error: std::io::Error) -> Self {
        LoadError::Io {
            path: path.to_path_buf(),
            error,
        }
    }
}
