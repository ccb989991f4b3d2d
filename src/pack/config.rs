//! The stack of packs a run uses: the built-in pack, the packs a project's
//! `factlint.toml` names, the project file itself, then `--pack` files.
//!
//! `factlint.toml` is found in the current directory or the nearest parent that
//! has one (as ruff and typos find their configuration). Besides the pack keys
//! (`[checks]`, `[[entity]]`, `[house-style]`, …) it may say which packs to load
//! and whether to start from the built-in pack:
//!
//! ```toml
//! packs = ["rules/newsroom.toml"]   # relative to this file
//! default-pack = true
//!
//! [checks]
//! title-conflict = "off"
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::error::{PackError, PackErrors, PackFile};
use super::{LayerSource, Pack};

/// The project configuration file's name.
pub const CONFIG_FILE: &str = "factlint.toml";

/// Which packs to load, from the command line.
#[derive(Debug, Clone, Default)]
pub struct PackOptions {
    /// `--pack` files or directories, applied last, in order.
    pub packs: Vec<PathBuf>,
    /// `--no-default-pack`: start from nothing instead of the built-in pack.
    pub no_default_pack: bool,
    /// `--config FILE`; without it `factlint.toml` is searched for upward from the current directory.
    pub config: Option<PathBuf>,
    /// `--no-config`: ignore any `factlint.toml`.
    pub no_config: bool,
}

/// The keys of `factlint.toml` that choose packs; the compiler validates the rest.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct ConfigHead {
    #[serde(default)]
    packs: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    default_pack: Option<bool>,
}

/// The project configuration that was found, if any.
#[derive(Debug, Clone)]
pub struct ProjectConfig {
    pub path: PathBuf,
}

/// Finds `factlint.toml` in `start` or its nearest ancestor that has one.
pub fn find_config(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(CONFIG_FILE))
        .find(|candidate| candidate.is_file())
}

/// Loads and compiles every layer the options and the project configuration name.
pub fn load_stack(options: &PackOptions, cwd: &Path) -> Result<(Pack, Option<ProjectConfig>), PackErrors> {
    let mut layers = Vec::new();
    let mut errors = Vec::new();
    let config_path = if options.no_config {
        None
    } else {
        options.config.clone().or_else(|| find_config(cwd))
    };
    let mut default_pack = !options.no_default_pack;
    let mut config_layer = None;
    if let Some(path) = &config_path {
        // Show the file as the user would name it: relative to where factlint runs.
        let shown = path.strip_prefix(cwd).unwrap_or(path).display().to_string();
        match read(path) {
            Ok(text) => {
                let file = PackFile::new(shown.as_str(), text.as_str());
                // Only the keys that choose packs are read here; syntax and every
                // other key are checked when the file is compiled as a layer.
                let head: ConfigHead = toml::from_str(&text).unwrap_or_default();
                default_pack &= head.default_pack.unwrap_or(true);
                let base = path.parent().unwrap_or(Path::new("."));
                for entry in head.packs.unwrap_or_default() {
                    let pack_path = base.join(entry.get_ref());
                    match layer(&pack_path) {
                        Ok(l) => layers.push(l),
                        Err(message) => errors.push(file.error(
                            Some(entry.span()),
                            message,
                            "named here",
                            Some(format!("paths in {CONFIG_FILE} are relative to its folder")),
                        )),
                    }
                }
                config_layer = Some(LayerSource {
                    name: shown.clone(),
                    files: vec![(shown, text)],
                    config: true,
                });
            }
            Err(message) => errors.push(no_source_error(path, message)),
        }
    }
    layers.extend(config_layer);
    for path in &options.packs {
        match layer(path) {
            Ok(l) => layers.push(l),
            Err(message) => errors.push(no_source_error(path, message)),
        }
    }
    if default_pack {
        layers.insert(0, LayerSource::builtin());
    }
    if !errors.is_empty() {
        return Err(PackErrors::sorted(errors));
    }
    let pack = Pack::from_layers(layers)?;
    Ok((pack, config_path.map(|path| ProjectConfig { path })))
}

/// A pack given as a TOML file, or a folder of them (read in name order).
pub fn layer(path: &Path) -> Result<LayerSource, String> {
    let name = path.display().to_string();
    let files = if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| format!("cannot read pack folder {name}: {e}"))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
            .collect();
        entries.sort();
        if entries.is_empty() {
            return Err(format!("the pack folder {name} has no .toml files"));
        }
        entries
    } else {
        vec![path.to_path_buf()]
    };
    let files = files
        .into_iter()
        .map(|p| read(&p).map(|text| (p.display().to_string(), text)))
        .collect::<Result<_, _>>()?;
    Ok(LayerSource {
        name,
        files,
        config: false,
    })
}

fn read(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{} is not valid UTF-8 (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

fn no_source_error(path: &Path, message: String) -> PackError {
    PackFile::new(path.display().to_string(), "").error(None, message, "", None)
}
