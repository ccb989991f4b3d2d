//! Front matter: YAML between `---` lines or TOML between `+++` lines at the top of a file.
//!
//! The block is found by hand rather than by pulldown-cmark's metadata option so that an
//! unclosed block can be reported at its opening line and .txt files can use the same code.

use std::fmt;
use std::ops::Range;

use jiff::civil::Date;
use serde::Deserialize;
use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::dates::parse_date_value;

/// What the front matter says about the article, with byte ranges into the whole file.
#[derive(Debug, Default)]
pub(crate) struct FrontMatter {
    /// The whole block, delimiter lines included.
    pub range: Range<usize>,
    /// The title and the range of its characters in the file, quotes excluded.
    pub title: Option<(String, Range<usize>)>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// The publication date and the range of its value in the file.
    pub date: Option<(Date, Range<usize>)>,
}

/// A front-matter problem, located in the whole file.
#[derive(Debug)]
pub(crate) struct FmError {
    pub message: String,
    pub span: Range<usize>,
    pub label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Yaml,
    Toml,
}

/// Keys read as the publication date, in order of preference.
const DATE_KEYS: [&str; 5] = ["date", "published", "pubDate", "publishDate", "published_at"];

/// Parses front matter starting at byte `start` of `source` (after any BOM).
///
/// `strict` is for Markdown: a block that is unclosed or does not parse is an error.
/// Otherwise (.txt) only a YAML block that parses and has a title or date counts, and
/// anything else means "no front matter".
pub(crate) fn parse(source: &str, start: usize, strict: bool) -> Result<Option<FrontMatter>, FmError> {
    let rest = &source[start..];
    let first_line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    let syntax = match rest[..first_line_end].trim_end() {
        "---" => Syntax::Yaml,
        "+++" if strict => Syntax::Toml,
        _ => return Ok(None),
    };
    let content_start = start + first_line_end;
    let Some((content_end, block_end)) = find_closing(source, content_start, syntax) else {
        if !strict {
            return Ok(None);
        }
        let closing = if syntax == Syntax::Yaml { "---" } else { "+++" };
        return Err(FmError {
            message: format!("front matter has no closing `{closing}` line"),
            span: start..start + 3,
            label: "front matter opens here".into(),
        });
    };
    let content = &source[content_start..content_end];
    let result = match syntax {
        Syntax::Yaml => parse_yaml(source, content_start, content),
        Syntax::Toml => parse_toml(source, content_start, content),
    };
    match result {
        Ok(mut fm) => {
            if !strict && fm.front.title.is_none() && !fm.has_date_key {
                return Ok(None);
            }
            fm.front.range = start..block_end;
            Ok(Some(fm.front))
        }
        Err(_) if !strict => Ok(None),
        Err(e) => Err(e),
    }
}

/// Finds the closing delimiter line after `from`; returns (end of content, end of block).
fn find_closing(source: &str, from: usize, syntax: Syntax) -> Option<(usize, usize)> {
    let mut pos = from;
    while pos < source.len() {
        let line_end = source[pos..].find('\n').map_or(source.len(), |i| pos + i + 1);
        let line = source[pos..line_end].trim_end();
        let closes = match syntax {
            Syntax::Yaml => line == "---" || line == "...",
            Syntax::Toml => line == "+++",
        };
        if closes {
            return Some((pos, line_end));
        }
        pos = line_end;
    }
    None
}

struct Parsed {
    front: FrontMatter,
    /// A date key was present even though its value was null, so a .txt block still counts.
    has_date_key: bool,
}

/// A YAML value reduced to what front matter needs: text, null, or "something else".
#[derive(Debug)]
enum Scalar {
    Text(String),
    Null,
    Other,
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<Scalar, E> {
                Ok(Scalar::Text(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_string()))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_string()))
            }
            fn visit_unit<E>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            fn visit_none<E>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Scalar, D::Error> {
                Scalar::deserialize(d)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Scalar::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Scalar::Other)
            }
        }
        d.deserialize_any(V)
    }
}

/// The keys factlint reads, in either format; any other key is ignored whatever its type.
#[derive(Debug, Default, Deserialize)]
#[serde(bound(deserialize = "F: Deserialize<'de> + Default"))]
struct Keys<F> {
    #[serde(default)]
    title: F,
    #[serde(default)]
    outlet: F,
    #[serde(default)]
    source: F,
    #[serde(default)]
    publisher: F,
    #[serde(default)]
    site: F,
    #[serde(default)]
    url: F,
    #[serde(default)]
    link: F,
    #[serde(default)]
    canonical: F,
    #[serde(default)]
    date: F,
    #[serde(default)]
    published: F,
    #[serde(default, rename = "pubDate")]
    pub_date: F,
    #[serde(default, rename = "publishDate")]
    publish_date: F,
    #[serde(default)]
    published_at: F,
}

impl<F> Keys<F> {
    /// The same keys with each value converted.
    fn map<G>(&self, f: impl Fn(&F) -> G) -> Keys<G> {
        Keys {
            title: f(&self.title),
            outlet: f(&self.outlet),
            source: f(&self.source),
            publisher: f(&self.publisher),
            site: f(&self.site),
            url: f(&self.url),
            link: f(&self.link),
            canonical: f(&self.canonical),
            date: f(&self.date),
            published: f(&self.published),
            pub_date: f(&self.pub_date),
            publish_date: f(&self.publish_date),
            published_at: f(&self.published_at),
        }
    }
}

/// A value of a key, from either format: where it is in the block and what it holds.
struct Field {
    span: Range<usize>,
    value: FieldValue,
}

enum FieldValue {
    Text(String),
    /// A TOML date (YAML dates arrive as text).
    Date(Date),
    Null,
    Other,
}

fn parse_yaml(source: &str, offset: usize, content: &str) -> Result<Parsed, FmError> {
    // An empty block (or one holding only comments) is valid front matter that says nothing.
    let meaningful = content
        .lines()
        .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    if !meaningful {
        return Ok(Parsed {
            front: FrontMatter::default(),
            has_date_key: false,
        });
    }
    let keys: Keys<Option<serde_saphyr::Spanned<Scalar>>> = serde_saphyr::from_str(content).map_err(|e| {
        let message = e.render_with_options(serde_saphyr::render_options! {
            snippets: serde_saphyr::SnippetMode::Off,
        });
        let span = e.location().map(|loc| yaml_range(content, &loc)).unwrap_or(0..0);
        FmError {
            message: strip_location_suffix(&message),
            span: offset + span.start..offset + span.end,
            label: "here".into(),
        }
    })?;
    let fields = keys.map(|field| {
        field.as_ref().map(|s| Field {
            span: yaml_range(content, &s.referenced),
            value: match &s.value {
                Scalar::Text(t) => FieldValue::Text(t.clone()),
                Scalar::Null => FieldValue::Null,
                Scalar::Other => FieldValue::Other,
            },
        })
    });
    assemble(source, offset, &fields)
}

fn parse_toml(source: &str, offset: usize, content: &str) -> Result<Parsed, FmError> {
    let keys: Keys<Option<toml::Spanned<toml::Value>>> = toml::from_str(content).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        FmError {
            message: e.message().trim().to_string(),
            span: offset + span.start..offset + span.end,
            label: "here".into(),
        }
    })?;
    let fields = keys.map(|field| {
        field.as_ref().map(|s| Field {
            span: s.span(),
            value: match s.get_ref() {
                toml::Value::String(t) => FieldValue::Text(t.clone()),
                toml::Value::Datetime(dt) => dt
                    .date
                    .and_then(|d| Date::new(i16::try_from(d.year).ok()?, d.month as i8, d.day as i8).ok())
                    .map_or(FieldValue::Other, FieldValue::Date),
                _ => FieldValue::Other,
            },
        })
    });
    assemble(source, offset, &fields)
}

/// Reads title, outlet, URL and date from the keys of either format; `offset` is where
/// the block's content starts in `source`.
fn assemble(source: &str, offset: usize, keys: &Keys<Option<Field>>) -> Result<Parsed, FmError> {
    let text = |field: &Option<Field>| match field {
        Some(Field {
            value: FieldValue::Text(t),
            ..
        }) if !t.trim().is_empty() => Some(t.trim().to_string()),
        _ => None,
    };
    let title = match &keys.title {
        Some(Field {
            value: FieldValue::Text(t),
            span,
        }) if !t.trim().is_empty() => Some((collapse_ws(t), unquote(source, offset + span.start..offset + span.end))),
        _ => None,
    };
    let outlet = [&keys.outlet, &keys.source, &keys.publisher, &keys.site]
        .into_iter()
        .find_map(text);
    let url = [&keys.url, &keys.link, &keys.canonical].into_iter().find_map(text);
    let date_fields = [
        &keys.date,
        &keys.published,
        &keys.pub_date,
        &keys.publish_date,
        &keys.published_at,
    ];
    let mut date = None;
    for (key, field) in DATE_KEYS.iter().zip(date_fields) {
        let Some(field) = field else { continue };
        let span = offset + field.span.start..offset + field.span.end;
        let parsed = match &field.value {
            FieldValue::Null => continue,
            FieldValue::Date(d) => Some(*d),
            FieldValue::Text(t) => parse_date_value(t),
            FieldValue::Other => None,
        };
        match parsed {
            Some(d) => {
                date = Some((d, span));
                break;
            }
            None => {
                let shown = match &field.value {
                    FieldValue::Text(t) => t.clone(),
                    _ => source.get(span.clone()).unwrap_or_default().to_string(),
                };
                return Err(not_a_date(key, &shown, span));
            }
        }
    }
    Ok(Parsed {
        front: FrontMatter {
            range: 0..0,
            title,
            outlet,
            url,
            date,
        },
        has_date_key: date_fields.iter().any(|f| f.is_some()),
    })
}

fn not_a_date(key: &str, value: &str, span: Range<usize>) -> FmError {
    let message = if value.is_empty() {
        format!("`{key}` is not a date")
    } else {
        format!("`{key}` is not a date: {value:?}")
    };
    FmError {
        message,
        span,
        label: "expected a date such as 2025-05-15".into(),
    }
}

/// Converts a serde-saphyr location to a byte range in `content`.
///
/// Byte offsets are present for most locations; syntax errors sometimes carry only a
/// line and a character column, which are converted here.
fn yaml_range(content: &str, loc: &serde_saphyr::Location) -> Range<usize> {
    let span = loc.span();
    if let Some(start) = span.byte_offset() {
        let start = usize::try_from(start).unwrap_or(usize::MAX).min(content.len());
        let len = span.byte_len().and_then(|l| usize::try_from(l).ok()).unwrap_or(0);
        let end = start.saturating_add(len).min(content.len());
        return start..end;
    }
    let line = usize::try_from(loc.line()).unwrap_or(1).max(1);
    let column = usize::try_from(loc.column()).unwrap_or(1).max(1);
    let line_start = content
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum::<usize>()
        .min(content.len());
    let line_text = content[line_start..].split('\n').next().unwrap_or_default();
    let at = line_text
        .char_indices()
        .nth(column - 1)
        .map_or(line_text.len(), |(i, _)| i);
    line_start + at..line_start + at
}

/// serde-saphyr appends " at line L, column C"; the label already shows the place.
fn strip_location_suffix(message: &str) -> String {
    let message = message.trim();
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(", column ") => message[..i].to_string(),
        _ => message.to_string(),
    }
}

/// The range of a quoted scalar's characters without its quotes.
fn unquote(source: &str, range: Range<usize>) -> Range<usize> {
    let Some(raw) = source.get(range.clone()) else {
        return range.start..range.start;
    };
    for quote in ["\"\"\"", "'''", "\"", "'"] {
        if raw.len() >= 2 * quote.len() && raw.starts_with(quote) && raw.ends_with(quote) {
            return range.start + quote.len()..range.end - quote.len();
        }
    }
    range
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn ok(source: &str) -> FrontMatter {
        match parse(source, 0, true) {
            Ok(Some(fm)) => fm,
            other => panic!("{source:?}: {other:?}"),
        }
    }

    fn err(source: &str) -> FmError {
        match parse(source, 0, true) {
            Err(e) => e,
            other => panic!("{source:?}: {other:?}"),
        }
    }

    #[test]
    fn yaml_keys() {
        let src = "---\ntitle: \"Talks falter\"\nsource: Wire\nlink: https://x.test/a\ndate: 2025-05-15T09:00:00+03:00\ntags: [a, b]\nextra: {k: 1}\n---\nBody\n";
        let fm = ok(src);
        let (title, range) = fm.title.expect("title");
        assert_eq!(title, "Talks falter");
        assert_eq!(&src[range], "Talks falter");
        assert_eq!(fm.outlet.as_deref(), Some("Wire"));
        assert_eq!(fm.url.as_deref(), Some("https://x.test/a"));
        let (d, span) = fm.date.expect("date");
        assert_eq!(d, date(2025, 5, 15));
        assert_eq!(&src[span], "2025-05-15T09:00:00+03:00");
        assert_eq!(&src[fm.range], &src[..src.len() - 5]);
    }

    #[test]
    fn yaml_date_aliases_and_folded_title() {
        let src = "---\ntitle: >-\n  A folded\n  headline\npubDate: May 14, 2025\n...\n";
        let fm = ok(src);
        let (title, range) = fm.title.expect("title");
        assert_eq!(title, "A folded headline");
        assert_eq!(src[range].trim(), "A folded\n  headline");
        assert_eq!(fm.date.map(|d| d.0), Some(date(2025, 5, 14)));
    }

    #[test]
    fn toml_keys() {
        let src = "+++\ntitle = 'Zelensky in Ankara'\npublisher = \"Blog\"\ndate = 2025-05-15T10:00:00Z\n+++\n";
        let fm = ok(src);
        let (title, range) = fm.title.expect("title");
        assert_eq!(title, "Zelensky in Ankara");
        assert_eq!(&src[range], "Zelensky in Ankara");
        assert_eq!(fm.outlet.as_deref(), Some("Blog"));
        let (d, span) = fm.date.expect("date");
        assert_eq!(d, date(2025, 5, 15));
        assert_eq!(&src[span], "2025-05-15T10:00:00Z");
        let fm = ok("+++\npublished = \"2025-05-16\"\n+++\n");
        assert_eq!(fm.date.map(|d| d.0), Some(date(2025, 5, 16)));
    }

    #[test]
    fn bad_dates_point_at_the_value() {
        let src = "---\ntitle: T\ndate: next Tuesday\n---\n";
        let e = err(src);
        assert_eq!(&src[e.span.clone()], "next Tuesday");
        assert!(e.message.contains("`date` is not a date"), "{}", e.message);
        let src = "---\ndate: [1, 2]\n---\n";
        let e = err(src);
        assert_eq!(e.span.start, 10);
        let src = "+++\ndate = 2025-13-01\n+++\n";
        let e = err(src);
        assert!(e.span.start >= 4 && e.span.end <= src.len() - 4, "{e:?}");
        let src = "+++\ndate = 12\n+++\n";
        assert_eq!(&src[err(src).span], "12");
    }

    #[test]
    fn syntax_errors_are_located() {
        let src = "---\ntitle: a\n  b: c: d\n---\n";
        let e = err(src);
        assert!(e.span.start > 4 && e.span.start < src.len() - 4, "{e:?}");
        assert!(!e.message.contains("at line"), "{}", e.message);
        let src = "+++\ntitle = \n+++\n";
        let e = err(src);
        assert!(e.span.start >= 4, "{e:?}");
        let src = "---\njust a string\n---\n";
        let e = err(src);
        assert!(e.span.start >= 4, "{e:?}");
    }

    #[test]
    fn unclosed_points_at_opening() {
        let e = err("---\ntitle: x\nno end\n");
        assert_eq!(e.span, 0..3);
        let e = err("+++\ntitle = 'x'\n");
        assert_eq!(e.span, 0..3);
    }

    #[test]
    fn empty_and_absent() {
        let fm = ok("---\n---\nBody");
        assert!(fm.title.is_none() && fm.date.is_none());
        assert_eq!(fm.range, 0..8);
        assert!(matches!(parse("Body\n---\n", 0, true), Ok(None)));
        assert!(matches!(parse("----\nx\n----\n", 0, true), Ok(None)));
    }

    #[test]
    fn lenient_for_text_files() {
        assert!(matches!(parse("---\nno end\n", 0, false), Ok(None)));
        assert!(matches!(parse("---\nfoo: bar\n---\n", 0, false), Ok(None)));
        assert!(matches!(parse("---\n: : :\n---\n", 0, false), Ok(None)));
        assert!(matches!(parse("+++\ntitle = 'x'\n+++\n", 0, false), Ok(None)));
        let fm = parse("---\ntitle: Hi\n---\n", 0, false);
        assert!(matches!(fm, Ok(Some(_))));
    }

    #[test]
    fn crlf() {
        let src = "---\r\ntitle: Hi there\r\ndate: 2025-05-15\r\n---\r\nBody\r\n";
        let fm = ok(src);
        let (_, range) = fm.title.expect("title");
        assert_eq!(&src[range], "Hi there");
        assert_eq!(&src[fm.range], "---\r\ntitle: Hi there\r\ndate: 2025-05-15\r\n---\r\n");
    }
}
