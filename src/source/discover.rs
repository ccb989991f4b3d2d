//! Expanding command-line inputs into the list of article files.

use std::collections::HashSet;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use ignore::WalkState;

use rayon::prelude::*;

use super::LoadError;

/// Extensions of article files found inside directories, compared case-insensitively.
const EXTENSIONS: [&str; 3] = ["txt", "md", "markdown"];

/// Expands files and directories (recursively) into a sorted, de-duplicated list of article files.
///
/// Files named explicitly are kept whatever their extension; inside directories only
/// `.txt`, `.md` and `.markdown` files are taken, hidden entries are skipped, and
/// `.gitignore`/`.ignore` files are honoured even outside a git repository. A path
/// that does not exist yields an error for that path and the rest still proceeds.
pub fn discover(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        let meta = match std::fs::metadata(input) {
            Ok(meta) => meta,
            Err(e) => {
                errors.push(LoadError::io(input, e));
                continue;
            }
        };
        if !meta.is_dir() {
            files.push(input.clone());
            continue;
        }
        // Walked on every thread: at 100,000 files the walk is a serial step of its own.
        let walker = ignore::WalkBuilder::new(input)
            .hidden(true)
            .require_git(false)
            .git_ignore(true)
            .ignore(true)
            .threads(rayon::current_num_threads())
            .build_parallel();
        let found = Mutex::new((Vec::new(), Vec::new()));
        walker.run(|| {
            Box::new(|entry| {
                let mut found = found.lock().unwrap_or_else(PoisonError::into_inner);
                match entry {
                    Ok(entry) => {
                        let is_file = entry.file_type().is_some_and(|t| t.is_file());
                        if is_file && has_article_extension(entry.path()) {
                            found.0.push(entry.into_path());
                        }
                    }
                    // A malformed line in an ignore file is not a reason to skip articles.
                    Err(e) if e.is_partial() => {}
                    Err(e) => {
                        let path = error_path(&e).unwrap_or_else(|| input.clone());
                        let message = e.to_string();
                        let error = e.into_io_error().unwrap_or_else(|| io::Error::other(message));
                        found.1.push(LoadError::io(&path, error));
                    }
                }
                WalkState::Continue
            })
        });
        let (mut walked, mut walk_errors) = found.into_inner().unwrap_or_else(PoisonError::into_inner);
        files.append(&mut walked);
        // The threads found them in any order; the report lists them by path.
        walk_errors.sort_by_cached_key(|e| (e.path().to_path_buf(), e.to_string()));
        errors.append(&mut walk_errors);
    }
    sort_paths(&mut files);
    files.dedup();
    // "dir/a.md" named directly and found again through "./dir" is one file. One walk
    // yields each file once (it follows no links), so only several inputs can repeat a
    // file, and only then is each path resolved: a syscall per path component, which
    // is most of the time of discovering 100,000 files.
    if inputs.len() > 1 {
        let identities: Vec<PathBuf> = files.par_iter().map(|p| identity(p)).collect();
        let mut seen = HashSet::new();
        let mut identities = identities.into_iter();
        files.retain(|_| identities.next().is_some_and(|id| seen.insert(id)));
    }
    (files, errors)
}

/// Sorts paths in `Path`'s order (component by component) by one byte key per path:
/// comparing two `Path`s splits both into components at every comparison, which made
/// sorting 100,000 files most of the time of discovering them.
fn sort_paths(paths: &mut [PathBuf]) {
    paths.par_sort_by_cached_key(|path| path_key(path));
}

/// A key whose byte order is `Path`'s order: each component as its kind (in the order
/// of [`Component`]'s variants) and its bytes, closed by a zero byte, which no path
/// holds and which sorts a component before the longer ones it begins.
fn path_key(path: &Path) -> Vec<u8> {
    let mut key = Vec::with_capacity(path.as_os_str().len() + 8);
    for component in path.components() {
        key.push(match component {
            Component::Prefix(_) => 1,
            Component::RootDir => 2,
            Component::CurDir => 3,
            Component::ParentDir => 4,
            Component::Normal(_) => 5,
        });
        key.extend_from_slice(component.as_os_str().as_encoded_bytes());
        key.push(0);
    }
    key
}

/// Whether a file name has one of the extensions factlint reads (.md, .markdown, .txt).
pub fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The key two spellings of one file share: its canonical path when it exists,
/// else the path without `.` components.
fn identity(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.components().filter(|c| *c != Component::CurDir).collect())
}

fn error_path(e: &ignore::Error) -> Option<PathBuf> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => error_path(err),
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn write(root: &Path, rel: &str, text: &str) {
        let path = root.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create dirs");
        }
        fs::write(path, text).expect("write file");
    }

    #[test]
    fn walks_filters_and_ignores() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        for rel in [
            "a.md",
            "b.TXT",
            "c.Markdown",
            "notes.html",
            "nested/deep/d.md",
            "nested/e.txt",
            ".hidden.md",
            ".drafts/f.md",
            "build/out.md",
            "nested/skip.md",
            "other/x.md",
        ] {
            write(root, rel, "Body.\n");
        }
        write(root, ".gitignore", "build/\n");
        write(root, "nested/.ignore", "skip.md\n");
        let explicit = root.join("notes.html");
        let (files, errors) = discover(&[
            root.to_path_buf(),
            explicit.clone(),
            root.join("a.md"),
            root.join("missing.md"),
        ]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            matches!(&errors[0], LoadError::Io { path, error } if path.ends_with("missing.md") && error.kind() == io::ErrorKind::NotFound)
        );
        assert!(errors[0].to_string().contains("missing.md"));
        let rel: Vec<String> = files
            .iter()
            .map(|p| {
                p.strip_prefix(root)
                    .expect("under root")
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        assert_eq!(
            rel,
            vec![
                "a.md",
                "b.TXT",
                "c.Markdown",
                "nested/deep/d.md",
                "nested/e.txt",
                "notes.html",
                "other/x.md",
            ]
        );
    }

    #[test]
    fn paths_sort_as_path_orders_them() {
        let names = [
            "a", "a-b", "a.b", "a b", "ab", "a/b", "a/b/c", "a//b", "a/./b", "./a", "../a", "/a", "/a/b", "/", "a/",
            "b", "A", "é", "e\u{301}", "z/a", "a/z", "0", "a0/b", "a/0", "..", ".", "a/..",
        ];
        let paths: Vec<PathBuf> = names.iter().map(PathBuf::from).collect();
        let mut by_path = paths.clone();
        by_path.sort();
        let mut by_key = paths;
        sort_paths(&mut by_key);
        // Paths equal as `Path`s ("a//b" and "a/b") may come in either order.
        assert!(
            by_path.iter().zip(&by_key).all(|(a, b)| a == b),
            "{by_path:?}\n{by_key:?}"
        );
        for pair in by_key.windows(2) {
            assert!(pair[0] <= pair[1], "{pair:?}");
        }
    }

    #[test]
    fn dedups_spellings_and_sorts() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        write(root, "z.md", "Z.\n");
        write(root, "a.txt", "A.\n");
        let dotted = root.join(".").join("z.md");
        let (files, errors) = discover(&[root.join("z.md"), dotted, root.join("a.txt")]);
        assert!(errors.is_empty());
        assert_eq!(files, vec![root.join("a.txt"), root.join("z.md")]);
    }
}
