//! Whole-file tests: invariants of the analysed text, metadata, errors, robustness.

use super::*;
use jiff::civil::date;

fn md(src: &str) -> Document {
    load_bytes(Path::new("a.md"), src.as_bytes(), &LoadOptions::default()).unwrap_or_else(|e| panic!("{src:?}: {e}"))
}

fn txt(src: &str) -> Document {
    load_bytes(Path::new("a.txt"), src.as_bytes(), &LoadOptions::default()).unwrap_or_else(|e| panic!("{src:?}: {e}"))
}

/// The invariants every loaded document keeps, whatever its input.
fn check_invariants(doc: &Document) {
    assert_eq!(doc.text.len(), doc.source.len());
    for (t, s) in doc.text.bytes().zip(doc.source.bytes()) {
        assert!(t == s || t == b' ', "text byte {t} where source has {s}");
        if s == b'\n' {
            assert_eq!(t, b'\n');
        }
    }
    let mut last_end = 0;
    for block in &doc.blocks {
        let span = block.span.clone();
        assert!(
            span.start >= last_end,
            "blocks overlap or are out of order: {:?}",
            doc.blocks
        );
        last_end = span.end;
        let Some(text) = doc.text.get(span.clone()) else {
            panic!("block {span:?} is not on character boundaries");
        };
        assert!(!text.is_empty());
        assert_eq!(text, text.trim(), "block {span:?} is not trimmed");
        assert!(doc.source.get(span).is_some());
    }
    if let Some(PubDate { span: Some(span), .. }) = &doc.meta.date {
        assert!(doc.source.get(span.clone()).is_some());
    }
}

fn blocks(doc: &Document) -> Vec<(BlockKind, &str)> {
    doc.blocks.iter().map(|b| (b.kind, &doc.text[b.span.clone()])).collect()
}

const MARKDOWN_SAMPLES: &[&str] = &[
    "# Zelensky Was in Istanbul\n\nThe talks *began* on **Friday**.\n",
    "---\ntitle: \"Talks falter\"\ndate: 2025-05-16\noutlet: Wire\n---\n\nUkraine's delegation was led by Rustem Umerov.\n",
    "+++\ntitle = \"Talks falter\"\ndate = 2025-05-16\n+++\n\n## Who came\n\n- Hakan Fidan\n  - as host\n- Marco Rubio\n",
    "See [the report](https://example.test/r) and ![map](m.png).\n\n```rust\nfn main() {}\n```\n\n    code\n\n> A quote\n> continues.\n",
    "\u{feff}# Headline\r\n\r\nA paragraph with CRLF\r\nline endings.\r\n",
    "Title\n=====\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n***\n\n<p>html</p>\n\nText with `code` and &amp; entity and \\* escape.\n",
    "1. one\n2. two\n   3. three\n\n- [ ] task\n- [x] done\n\nFootnote[^1].\n\n[^1]: The note.\n",
    "Curly “quotes” — em dash\u{a0}and NBSP… ok\n",
];

#[test]
fn markdown_samples_keep_invariants() {
    for src in MARKDOWN_SAMPLES {
        let doc = md(src);
        check_invariants(&doc);
        assert!(!doc.blocks.is_empty(), "{src:?}");
    }
}

#[test]
fn markdown_prose_blocks_equal_the_source() {
    // Without inline markup inside a block, the block's text is the source verbatim.
    let src = "---\ntitle: Talks falter in Istanbul\n---\n# A heading\n\nPlain prose here.\n\n- item one\n  - nested item\n\n> quoted words\n";
    let doc = md(src);
    check_invariants(&doc);
    assert_eq!(
        blocks(&doc),
        vec![
            (BlockKind::Title, "Talks falter in Istanbul"),
            (BlockKind::Heading, "A heading"),
            (BlockKind::Paragraph, "Plain prose here."),
            (BlockKind::ListItem, "item one"),
            (BlockKind::ListItem, "nested item"),
            (BlockKind::BlockQuote, "quoted words"),
        ]
    );
    for b in &doc.blocks {
        assert_eq!(&doc.text[b.span.clone()], &doc.source[b.span.clone()]);
    }
    // Front matter other than the title's characters is blank.
    assert_eq!(&doc.text[..40].trim(), &"Talks falter in Istanbul");
}

#[test]
fn markdown_first_heading_is_title_without_front_matter() {
    let doc = md("Intro line.\n\n## First *heading*\n\n# Second\n");
    assert_eq!(
        blocks(&doc),
        vec![
            (BlockKind::Paragraph, "Intro line."),
            (BlockKind::Title, "First  heading"),
            (BlockKind::Heading, "Second"),
        ]
    );
    assert_eq!(doc.meta.title.as_deref(), Some("First heading"));
}

#[test]
fn markdown_front_matter_metadata() {
    let src = "---\ntitle: 'Zelensky in Ankara'\nsource: Example Wire\ncanonical: https://x.test/a\npublished: 2025-05-15T10:00:00+03:00\n---\nBody text, dated May 1, 2025.\n";
    let doc = md(src);
    check_invariants(&doc);
    assert_eq!(doc.meta.title.as_deref(), Some("Zelensky in Ankara"));
    assert_eq!(doc.meta.outlet.as_deref(), Some("Example Wire"));
    assert_eq!(doc.meta.url.as_deref(), Some("https://x.test/a"));
    let pd = doc.meta.date.clone().expect("date");
    assert_eq!(pd.date, date(2025, 5, 15));
    assert_eq!(pd.origin, DateOrigin::FrontMatter);
    assert_eq!(&doc.source[pd.span.expect("span")], "2025-05-15T10:00:00+03:00");
    assert!(!doc.text.contains("source"));
    assert!(!doc.text.contains('\''));
}

#[test]
fn toml_front_matter_and_crlf_bom() {
    let src = "\u{feff}+++\r\ntitle = \"Rubio meets Fidan\"\r\ndate = 2025-05-15\r\n+++\r\nRubio met Fidan.\r\n";
    let doc = md(src);
    check_invariants(&doc);
    assert_eq!(
        blocks(&doc),
        vec![
            (BlockKind::Title, "Rubio meets Fidan"),
            (BlockKind::Paragraph, "Rubio met Fidan.")
        ]
    );
    assert!(doc.text.starts_with("   ")); // the BOM is blanked
    assert!(doc.text.contains("\r\n"));
    assert_eq!(doc.meta.date.map(|d| d.date), Some(date(2025, 5, 15)));
}

#[test]
fn text_files_and_their_front_matter() {
    let doc = txt("Talks falter\n\nISTANBUL, May 15, 2025 — The talks\nended early.\n");
    check_invariants(&doc);
    assert_eq!(doc.format, Format::Text);
    assert_eq!(doc.meta.title.as_deref(), Some("Talks falter"));
    assert_eq!(doc.blocks.len(), 2);
    let pd = doc.meta.date.clone().expect("date");
    assert_eq!((pd.date, pd.origin), (date(2025, 5, 15), DateOrigin::Dateline));
    assert_eq!(&doc.source[pd.span.expect("span")], "May 15, 2025");

    let doc = txt("---\ntitle: From front matter\ndate: 2025-05-14\n---\nFirst line no stop\nBody.\n");
    check_invariants(&doc);
    assert_eq!(doc.meta.title.as_deref(), Some("From front matter"));
    assert_eq!(blocks(&doc)[0], (BlockKind::Title, "From front matter"));
    assert_eq!(blocks(&doc)[1].0, BlockKind::Paragraph);
    assert_eq!(doc.meta.date.map(|d| d.origin), Some(DateOrigin::FrontMatter));

    // A .txt that merely starts with a rule is not front matter, and is no error.
    let doc = txt("---\nJust a rule above.\n---\n");
    assert!(doc.text.contains("Just a rule above."));
}

#[test]
fn publication_date_sources() {
    let doc = txt("Menu\nHome\n5/15/20256 min read\nThe talks.\n");
    let pd = doc.meta.date.expect("date");
    assert_eq!((pd.date, pd.origin), (date(2025, 5, 15), DateOrigin::Dateline));

    let doc = md("# Title\n\n*Published: May 16, 2025*\n\nBody.\n");
    assert_eq!(doc.meta.date.map(|d| d.date), Some(date(2025, 5, 16)));

    // A footer date far down the page, past the dateline window.
    let mut src = String::from("Headline\n\n");
    for i in 0..40 {
        src.push_str(&format!("Paragraph {i} of a long article with no dates at all.\n\n"));
    }
    src.push_str("Posted on 14 May 2025\n");
    let doc = txt(&src);
    let pd = doc.meta.date.expect("date");
    assert_eq!((pd.date, pd.origin), (date(2025, 5, 14), DateOrigin::DateLine));
    assert_eq!(&doc.source[pd.span.expect("span")], "14 May 2025");

    // A date in running prose far down is neither a dateline nor a date line.
    let far = src.replace("Posted on 14 May 2025\n", "It happened on May 14, 2025, they said.\n");
    assert_eq!(txt(&far).meta.date, None);

    let opts = LoadOptions {
        fallback_date: Some(date(2025, 1, 2)),
        ..LoadOptions::default()
    };
    let doc = load_bytes(Path::new("x.txt"), far.as_bytes(), &opts).expect("loads");
    assert_eq!(
        doc.meta.date,
        Some(PubDate {
            date: date(2025, 1, 2),
            origin: DateOrigin::CommandLine,
            span: None
        })
    );
}

#[test]
fn error_variants() {
    let opts = LoadOptions::default();
    let p = Path::new("fixtures/x.md");
    let e = load_bytes(p, b"Caf\xe9 au lait.", &opts).expect_err("latin-1");
    assert!(matches!(e, LoadError::InvalidUtf8 { offset: 3, .. }));
    assert_eq!(e.to_string(), "fixtures/x.md: invalid UTF-8 at byte 3");

    let e = load_bytes(p, b"\x00\x01binary", &opts).expect_err("nul");
    assert!(matches!(e, LoadError::Binary { .. }), "{e:?}");
    let e = load_bytes(p, &[0xff, 0xfe, b'h', 0, b'i', 0], &opts).expect_err("utf-16");
    assert!(matches!(e, LoadError::Binary { .. }), "{e:?}");
    let controls: Vec<u8> = (0..200u8).map(|i| if i % 2 == 0 { 1 } else { b'a' }).collect();
    assert!(matches!(load_bytes(p, &controls, &opts), Err(LoadError::Binary { .. })));

    for empty in [&b""[..], b"  \n\t\r\n", b"\xef\xbb\xbf \n"] {
        let e = load_bytes(p, empty, &opts).expect_err("empty");
        assert!(matches!(e, LoadError::Empty { .. }), "{e:?}");
    }

    let small = LoadOptions {
        max_bytes: 4,
        ..LoadOptions::default()
    };
    let e = load_bytes(p, b"Hello.", &small).expect_err("too large");
    assert!(matches!(e, LoadError::TooLarge { size: 6, limit: 4, .. }));

    let src = "---\ntitle: T\ndate: someday\n---\nBody.\n";
    let e = load_bytes(p, src.as_bytes(), &opts).expect_err("bad date");
    let LoadError::FrontMatter { span, message, .. } = &e else {
        panic!("{e:?}");
    };
    assert_eq!(&src[span.offset()..span.offset() + span.len()], "someday");
    assert!(message.contains("date"));
    assert!(e.to_string().starts_with("fixtures/x.md: invalid front matter"));

    let src = "---\ntitle: never closed\n\nBody.\n";
    let e = load_bytes(p, src.as_bytes(), &opts).expect_err("unclosed");
    assert!(matches!(&e, LoadError::FrontMatter { span, .. } if span.offset() == 0 && span.len() == 3));

    let src = "---\n- a list\n- not a mapping\n---\nBody.\n";
    let e = load_bytes(p, src.as_bytes(), &opts).expect_err("not a mapping");
    assert!(matches!(&e, LoadError::FrontMatter { span, .. } if span.offset() >= 4));

    let src = "+++\ntitle = \"é\n+++\nBody.\n";
    assert!(matches!(
        load_bytes(p, src.as_bytes(), &opts),
        Err(LoadError::FrontMatter { .. })
    ));
}

#[test]
fn diagnostics_render() {
    use miette::Diagnostic;
    let src = "---\ntitle: T\ndate: someday\n---\nBody.\n";
    let e = load_bytes(Path::new("x.md"), src.as_bytes(), &LoadOptions::default()).expect_err("bad date");
    assert_eq!(
        e.code().map(|c| c.to_string()).as_deref(),
        Some("factlint::load::front_matter")
    );
    assert!(e.help().is_some());
    assert!(e.source_code().is_some());
    assert_eq!(e.labels().map(|l| l.count()), Some(1));
    let mut out = String::new();
    let handler = miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
    handler.render_report(&mut out, &e).expect("renders");
    assert!(out.contains("someday") && out.contains("x.md"), "{out}");
}

#[test]
fn load_from_disk() {
    let dir = tempfile::tempdir().expect("tempdir");
    let opts = LoadOptions::default();

    let missing = dir.path().join("missing.md");
    let e = load(&missing, &opts).expect_err("missing");
    assert!(matches!(&e, LoadError::Io { error, .. } if error.kind() == std::io::ErrorKind::NotFound));
    assert!(e.to_string().contains("missing.md"));

    assert!(matches!(load(dir.path(), &opts), Err(LoadError::Io { .. })));

    // A 10 MB file is refused from its metadata alone (the file is sparse).
    let big = dir.path().join("big.txt");
    let file = std::fs::File::create(&big).expect("create");
    file.set_len(10 * 1024 * 1024).expect("set_len");
    let e = load(&big, &opts).expect_err("too large");
    assert!(matches!(
        e,
        LoadError::TooLarge {
            size: 10_485_760,
            limit: 8_388_608,
            ..
        }
    ));

    let good = dir.path().join("a.md");
    std::fs::write(&good, "# Headline\n\nBody.\n").expect("write");
    let doc = load(&good, &opts).expect("loads");
    assert_eq!(doc.path, good);
    assert_eq!(doc.format, Format::Markdown);
    assert_eq!(std::fs::read_to_string(&good).expect("read"), "# Headline\n\nBody.\n");
    assert_eq!(doc.source, "# Headline\n\nBody.\n");
}

/// Files whose metadata gives no size (here a /proc file, as with pipes) are read to
/// their end all the same.
#[cfg(target_os = "linux")]
#[test]
fn files_without_a_size_are_read_to_their_end() {
    let path = std::path::Path::new("/proc/self/status");
    assert_eq!(std::fs::metadata(path).expect("metadata").len(), 0);
    let doc = load(path, &LoadOptions::default()).expect("loads");
    assert!(doc.source.contains("Name:"), "{:?}", doc.source);
}

/// Small deterministic generator so the robustness test needs no extra crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn never_panics_and_keeps_length() {
    const PIECES: &[&str] = &[
        "---\n",
        "+++\n",
        "title: ",
        "date: ",
        "2025-05-15",
        "May 15, 2025",
        "\n",
        "\r\n",
        " ",
        "# ",
        "*",
        "_",
        "**",
        "[",
        "](",
        ")",
        "![",
        "`",
        "```\n",
        "    ",
        "> ",
        "- ",
        "1. ",
        "|",
        "<b>",
        "&amp;",
        "\\",
        "é",
        "—",
        "“",
        "\u{a0}",
        "\u{feff}",
        "•",
        "Zelensky",
        "may",
        "word",
        ".",
        "?",
        "[^1]",
        "\t",
        "~~",
        "<!--",
        "-->",
        "'",
        "\"",
        ":",
        "=",
        "{",
        "}",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let opts = LoadOptions::default();
    for i in 0..3000 {
        let bytes: Vec<u8> = match i % 3 {
            // Arbitrary bytes.
            0 => (0..rng.below(300)).map(|_| rng.next() as u8).collect(),
            // Markdown-ish soup of meaningful pieces.
            1 => (0..rng.below(60))
                .flat_map(|_| PIECES[rng.below(PIECES.len())].bytes())
                .collect(),
            // A real sample with a few bytes overwritten.
            _ => {
                let mut b = MARKDOWN_SAMPLES[rng.below(MARKDOWN_SAMPLES.len())].as_bytes().to_vec();
                for _ in 0..rng.below(4) {
                    let at = rng.below(b.len());
                    b[at] = rng.next() as u8;
                }
                b
            }
        };
        for name in ["f.md", "f.txt"] {
            if let Ok(doc) = load_bytes(Path::new(name), &bytes, &opts) {
                assert_eq!(doc.source.as_bytes(), &bytes[..]);
                check_invariants(&doc);
            }
        }
        let _ = find_dates(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn controls_are_counted_on_bytes_as_on_characters() {
    let by_chars = |s: &str| {
        s.chars()
            .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
            .count()
    };
    let samples = [
        "plain text\twith tabs\r\nand lines\u{c}",
        "\u{1}\u{1f}\u{7f}\u{80}\u{85}\u{9f}\u{a0}\u{c2}\u{100}",
        "Zürich – “quoted” ½ \u{2028} \u{feff} 東京 🎉",
        "\u{7f}\u{7f}é\u{9f}x\u{9e}",
        "",
    ];
    for s in samples {
        assert_eq!(count_controls(s), by_chars(s), "{s:?}");
    }
    // Every character from U+0000 to U+0800, one at a time and all together.
    let all: String = (0u32..0x800).filter_map(char::from_u32).collect();
    assert_eq!(count_controls(&all), by_chars(&all));
    for c in (0u32..0x800).filter_map(char::from_u32) {
        let s = format!("a{c}b");
        assert_eq!(count_controls(&s), by_chars(&s), "{c:?}");
    }
}

#[test]
fn a_character_cut_by_the_sniffed_sample_is_not_counted() {
    // The sample ends inside the two bytes of "é": the text is not binary for it.
    let text = format!("{}é{}", "a".repeat(SNIFF_BYTES - 1), "b".repeat(100));
    assert!(!text_looks_binary(&text));
    assert!(!looks_binary(text.as_bytes()));
    let controls = "\u{1}".repeat(SNIFF_BYTES);
    assert!(text_looks_binary(&controls) && looks_binary(controls.as_bytes()));
}
