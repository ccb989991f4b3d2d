//! Segmentation: a document's prose blocks become sentences and tokens with byte spans.
//!
//! Every span here is a byte range into [`Document::text`], which has the same
//! byte layout as the original file, so spans can be reported as they are.
//! Quoted speech is marked on the tokens it covers, with its speaker where the
//! text names one.

mod words;

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Deref, Range};
use std::sync::LazyLock;

use crate::source::{BlockKind, Document};

/// The coarse class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TokenKind {
    Word,
    Number,
    #[default]
    Punct,
}

/// A token's folded form ([`fold`]), with the sketch the word tables filter by
/// ([`crate::pack::WordSet`]), computed once when the token is made: the extractors ask
/// a dozen tables about nearly every token.
#[derive(Clone, Default)]
pub struct Norm {
    text: String,
    sketch: u64,
}

impl Norm {
    pub fn new(text: String) -> Norm {
        let sketch = crate::pack::sketch(&text);
        Norm { text, sketch }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Makes this the norm of the ASCII `word`, lowercased when `lowercase`, in the room
    /// of the string it holds.
    fn write_ascii(&mut self, word: &str, lowercase: bool) {
        self.text.clear();
        self.text.push_str(word);
        if lowercase {
            self.text.make_ascii_lowercase();
        }
        self.sketch = crate::pack::sketch(&self.text);
    }

    /// Makes this a copy of `other`, in the room of the string it holds.
    fn write_copy(&mut self, other: &Norm) {
        self.text.clear();
        self.text.push_str(&other.text);
        self.sketch = other.sketch;
    }
}

impl Deref for Norm {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl AsRef<str> for Norm {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl Borrow<str> for Norm {
    fn borrow(&self) -> &str {
        &self.text
    }
}

impl crate::pack::Probe for Norm {
    #[inline]
    fn word(&self) -> &str {
        &self.text
    }

    #[inline]
    fn sketch(&self) -> u64 {
        self.sketch
    }
}

// Equality and hashing are the string's: the sketch follows from it.
impl PartialEq for Norm {
    fn eq(&self, other: &Norm) -> bool {
        self.text == other.text
    }
}

impl Eq for Norm {}

impl Hash for Norm {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl PartialEq<str> for Norm {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for Norm {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl PartialEq<String> for Norm {
    fn eq(&self, other: &String) -> bool {
        &self.text == other
    }
}

impl fmt::Debug for Norm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text, f)
    }
}

impl fmt::Display for Norm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// One word, number or punctuation mark.
#[derive(Default, Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
    /// Folded form used for matching: lowercase ASCII, diacritics removed, curly apostrophes straightened.
    pub norm: Norm,
    pub kind: TokenKind,
    /// The first character is an uppercase letter.
    pub capitalized: bool,
    /// Every letter is uppercase (and there are at least two).
    pub all_caps: bool,
    /// Index into [`Segmented::quotes`] when the token lies inside quoted speech.
    pub quote: Option<usize>,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is(&self, norm: &str) -> bool {
        self.norm == norm
    }

    /// The token begins with an ASCII digit ("12", "3rd", "2024-25"). Told by the first
    /// byte, not by decoding a character: the count and date prefilters ask every token.
    pub fn starts_with_digit(&self) -> bool {
        self.norm.as_bytes().first().is_some_and(u8::is_ascii_digit)
    }

    /// Writes this token over with the token at `span` of the given kind and case flags,
    /// its norm by `write_norm` in the room of the string it holds. Every field is named:
    /// a token written over keeps nothing of the one before.
    fn write_over(&mut self, span: Range<usize>, flags: (TokenKind, bool, bool), write_norm: impl FnOnce(&mut Norm)) {
        let Token {
            span: old_span,
            norm,
            kind,
            capitalized,
            all_caps,
            quote,
        } = self;
        write_norm(norm);
        (*kind, *capitalized, *all_caps) = flags;
        (*old_span, *quote) = (span, None);
    }
}

/// A sentence, or a unit that stands alone (a headline, a list item).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Range<usize>,
    /// Indices into [`Segmented::tokens`].
    pub tokens: Range<usize>,
    pub block_kind: BlockKind,
    /// The sentence asks rather than states: it ends with "?" or is a headline
    /// that opens like a question ("Why Are Putin and Zelensky Meeting").
    pub question: bool,
}

/// A stretch of quoted speech, quote marks included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub span: Range<usize>,
    /// Where the text names who is speaking ("Zelenskyy: “…”", "“…,” Rubio said").
    pub speaker: Option<Range<usize>>,
}

/// A segmented document.
#[derive(Debug, Clone, Default)]
pub struct Segmented {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
    /// Tokens of longer documents before this one, kept for the room of their norm
    /// strings ([`TokenWriter`]).
    spare: Vec<Token>,
    /// The word-boundary iterator's buffers ([`TokenWriter::segments`]).
    segments: words::Scratch,
}

impl Segmented {
    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.clone()]
    }
}

/// Folds a word for matching: lowercase, ASCII, straight apostrophes.
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    // ASCII but for curly apostrophes ("Putin’s", "don’t"): straightened, no tables needed.
    if word.chars().all(|c| c.is_ascii() || is_apostrophe(c)) {
        return word
            .chars()
            .map(|c| if is_apostrophe(c) { '\'' } else { c.to_ascii_lowercase() })
            .collect();
    }
    fold_by_tables(word)
}

/// [`fold`] of any word, through the Unicode case and transliteration tables.
fn fold_by_tables(word: &str) -> String {
    let lower = word.to_lowercase();
    if lower.is_ascii() {
        return lower;
    }
    let straightened: String = lower.chars().map(|c| if is_apostrophe(c) { '\'' } else { c }).collect();
    deunicode::deunicode(&straightened).to_lowercase()
}

/// Curly quotes and the modifier letter used as apostrophes, which [`fold`] straightens.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// Abbreviations whose full stop belongs to the word ("Dr.", "Gen.", "U.S.").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "adm", "prof", "st", "jr", "sr",
    "maj", "cmdr", "rev", "hon", "pres", "amb", "corp", "inc", "co", "ltd", "no", "vs", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m",
];

/// Splits every prose block of `doc` into sentences and tokens and marks quoted speech.
pub fn segment(doc: &Document) -> Segmented {
    let mut out = Segmented::default();
    segment_into(doc, &mut out);
    out
}

/// [`segment`] into buffers kept from an earlier document, so that a thread
/// checking thousands of documents grows its token vector once, not per document.
pub fn segment_into(doc: &Document, out: &mut Segmented) {
    // Every token of the documents before is written over, its norm string kept.
    out.tokens.append(&mut out.spare);
    let mut written = 0;
    out.sentences.clear();
    out.quotes.clear();
    out.tokens
        .reserve((doc.text.len() / 5).saturating_sub(out.tokens.len()));
    for block in &doc.blocks {
        let block_text = &doc.text[block.span.clone()];
        let block_first_token = written;
        let quote_start = out.quotes.len();
        find_quotes(block_text, block.span.start, &mut out.quotes);
        let block_quotes = quote_start..out.quotes.len();

        for range in sentence_ranges(block_text) {
            let span = block.span.start + range.start..block.span.start + range.end;
            let first = written;
            let mut writer = TokenWriter {
                tokens: &mut out.tokens,
                written,
                segments: &mut out.segments,
            };
            tokenize(&doc.text, span.clone(), &mut writer);
            written = writer.written;
            let tokens = first..written;
            if tokens.is_empty() {
                continue;
            }
            for token in &mut out.tokens[tokens.clone()] {
                token.quote = block_quotes.clone().find(|&q| {
                    let quote = &out.quotes[q].span;
                    quote.start < token.span.start && token.span.end <= quote.end
                });
            }
            let question = is_question(&out.tokens[tokens.clone()], block.kind);
            out.sentences.push(Sentence {
                span,
                tokens,
                block_kind: block.kind,
                question,
            });
        }
        let block_tokens = &out.tokens[block_first_token..written];
        for q in block_quotes {
            let speaker = find_speaker(block_tokens, &out.quotes[q]);
            out.quotes[q].speaker = speaker;
        }
    }
    out.spare.extend(out.tokens.drain(written..));
}

/// Writes tokens over those of a document before, so that each keeps the room of its
/// norm string instead of taking a new one, and is written where it lies instead of
/// being built and then moved: tokenizing is most of a run's work.
struct TokenWriter<'a> {
    tokens: &'a mut Vec<Token>,
    /// How many tokens are this document's; the rest are a document's before.
    written: usize,
    /// The buffers of the word-boundary iterator, for the chunks that take it.
    segments: &'a mut words::Scratch,
}

impl TokenWriter<'_> {
    /// The place of the next token, to be written over in full.
    fn next(&mut self) -> &mut Token {
        if self.written == self.tokens.len() {
            // Room for most words, so that the slot's string rarely grows when written over.
            let norm = Norm::new(String::with_capacity(16));
            self.tokens.push(Token {
                norm,
                ..Token::default()
            });
        }
        self.written += 1;
        &mut self.tokens[self.written - 1]
    }
}

/// Sentence ranges within one block, trimmed of surrounding whitespace.
fn sentence_ranges(block_text: &str) -> Vec<Range<usize>> {
    use sentencex::languages::Language;
    // The English rules are a stateless unit struct: building it costs nothing.
    let language = sentencex::languages::English {};
    let mut out = Vec::new();
    for boundary in language.get_sentence_boundaries(block_text) {
        let raw = &block_text[boundary.start_byte..boundary.end_byte];
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        let start = boundary.start_byte + lead;
        out.push(start..start + trimmed.len());
    }
    if out.is_empty() && !block_text.trim().is_empty() {
        let lead = block_text.len() - block_text.trim_start().len();
        out.push(lead..lead + block_text.trim().len());
    }
    out
}

/// Tokenizes a standalone string (a name or a phrase from a rule pack).
pub fn tokenize_str(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize(
        text,
        0..text.len(),
        &mut TokenWriter {
            tokens: &mut tokens,
            written: 0,
            segments: &mut words::Scratch::default(),
        },
    );
    tokens
}

/// Writes the tokens of `text[span]` with `out`.
///
/// The span is cut at ASCII whitespace into chunks, as [`words`] does: a chunk of
/// printable ASCII (most of a news text) is segmented and turned into tokens in one
/// walk; any other chunk goes through [`words::word_segments_in`] with the whitespace
/// before it.
fn tokenize(text: &str, span: Range<usize>, out: &mut TokenWriter) {
    let bytes = &text.as_bytes()[..span.end];
    let mut pos = span.start;
    while let Some(words::Chunk { start, end, graphic }) = words::next_chunk(bytes, pos) {
        if graphic {
            tokenize_ascii(text, start..end, out);
        } else {
            tokenize_segments(text, pos..end, out);
        }
        pos = end;
    }
}

/// The tokens of one chunk of printable ASCII.
fn tokenize_ascii(text: &str, chunk: Range<usize>, out: &mut TokenWriter) {
    let bytes = text.as_bytes();
    let mut i = chunk.start;
    while i < chunk.end {
        let start = i;
        i = words::ascii_segment_end(bytes, i, chunk.end);
        // Keep the full stop of abbreviations and initials ("U.S.", "Gen.", "G.").
        if i < chunk.end && bytes[i] == b'.' && is_abbreviation(&text[start..i]) {
            i += 1;
        }
        push_ascii_word(text, start..i, out);
    }
}

/// The tokens of `text[span]` by [`words::word_segments_in`]: any text, however written.
fn tokenize_segments(text: &str, span: Range<usize>, out: &mut TokenWriter) {
    let slice = &text[span.clone()];
    // Streamed, not collected, in the buffers of the chunks before.
    let mut segments = words::word_segments_in(slice, std::mem::take(out.segments));
    let mut next = segments.next();
    while let Some((offset, seg)) = next {
        next = segments.next();
        let start = span.start + offset;
        let mut end = start + seg.len();
        // Keep the full stop of abbreviations and initials ("U.S.", "Gen.", "G.").
        if let Some((next_offset, ".")) = next
            && span.start + next_offset == end
            && is_abbreviation(seg)
        {
            end += 1;
            next = segments.next();
        }
        push_word(text, start..end, out);
    }
    *out.segments = segments.into_scratch();
}

fn is_abbreviation(word: &str) -> bool {
    let listed = if word.is_ascii() {
        // Every word before a full stop is asked: no listed abbreviation is longer than
        // four letters, and a longer word is not compared with each.
        word.len() <= 4 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
    } else {
        ABBREVIATIONS.contains(&fold(word).as_str())
    };
    if listed {
        return true;
    }
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        // A single capital letter is an initial ("G.S. Malik", "Donald J. Trump").
        (Some(c), None) => c.is_uppercase(),
        // "U.S", "U.K", "e.g": letters separated by dots.
        _ => word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2),
    }
}

/// Pushes one word-bound segment, splitting off a possessive "’s".
fn push_word(text: &str, span: Range<usize>, out: &mut TokenWriter) {
    let word = &text[span.clone()];
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
            let cut = span.end - suffix.len();
            write_token(out.next(), text, span.start..cut);
            write_token(out.next(), text, cut..span.end);
            return;
        }
    }
    write_token(out.next(), text, span);
}

/// [`push_word`] for a segment of printable ASCII.
fn push_ascii_word(text: &str, span: Range<usize>, out: &mut TokenWriter) {
    let bytes = &text.as_bytes()[span.clone()];
    if let [.., b'\'', b's' | b'S'] = bytes
        && bytes.len() > 3
    {
        let cut = span.end - 2;
        write_ascii_token(out.next(), text, span.start..cut);
        write_ascii_token(out.next(), text, cut..span.end);
        return;
    }
    write_ascii_token(out.next(), text, span);
}

/// Writes over `token` the token of `text[span]`, any word.
fn write_token(token: &mut Token, text: &str, span: Range<usize>) {
    let word = &text[span.clone()];
    if word.is_ascii() {
        return write_ascii_token(token, text, span);
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && let Some((mark, _)) = COMMON_MARKS.iter().find(|m| m.1 == c)
    {
        let flags = (mark.kind, mark.capitalized, mark.all_caps);
        return token.write_over(span, flags, |norm| norm.write_copy(&mark.norm));
    }
    *token = unusual_token(word, span);
}

/// Curly quotes, dashes, guillemets, the ellipsis and the bullet: the non-ASCII
/// tokens of most news copy, each made once ([`unusual_token`]) rather than folded
/// through the Unicode tables at every occurrence.
static COMMON_MARKS: LazyLock<Vec<(Token, char)>> = LazyLock::new(|| {
    let marks = [
        '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}', '\u{2013}', '\u{2014}', '\u{2026}', '\u{ab}', '\u{bb}',
        '\u{2022}',
    ];
    marks
        .iter()
        .map(|&c| (unusual_token(c.encode_utf8(&mut [0; 4]), 0..c.len_utf8()), c))
        .collect()
});

/// A token with characters beyond ASCII, read with the Unicode tables.
fn unusual_token(word: &str, span: Range<usize>) -> Token {
    let kind = if word.chars().any(char::is_alphabetic) {
        TokenKind::Word
    } else if word.chars().any(|c| c.is_ascii_digit()) {
        TokenKind::Number
    } else {
        TokenKind::Punct
    };
    let capitalized = word.chars().next().is_some_and(char::is_uppercase);
    let all_caps = is_all_caps(word);
    Token {
        norm: Norm::new(fold(word)),
        span,
        kind,
        capitalized,
        all_caps,
        quote: None,
    }
}

/// What [`write_ascii_token`] asks of each byte, one table read per byte.
const LETTER: u8 = 1;
const LOWER: u8 = 2;
const UPPER: u8 = 4;
const DIGIT: u8 = 8;
const BYTE_CLASSES: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c.is_ascii_lowercase() {
            LETTER | LOWER
        } else if c.is_ascii_uppercase() {
            LETTER | UPPER
        } else if c.is_ascii_digit() {
            DIGIT
        } else {
            0
        };
        b += 1;
    }
    table
};

/// [`write_token`] for an ASCII word, without Unicode case tables: one pass over the
/// bytes for the kind and the case, and a second to fold only if a letter is uppercase.
fn write_ascii_token(token: &mut Token, text: &str, span: Range<usize>) {
    let word = &text[span.clone()];
    let bytes = word.as_bytes();
    let (seen, letters) = ascii_classes(bytes);
    let kind = if letters > 0 {
        TokenKind::Word
    } else if seen & DIGIT != 0 {
        TokenKind::Number
    } else {
        TokenKind::Punct
    };
    let capitalized = bytes.first().is_some_and(u8::is_ascii_uppercase);
    let all_caps = letters >= 2 && seen & LOWER == 0;
    token.write_over(span, (kind, capitalized, all_caps), |norm| {
        norm.write_ascii(word, seen & UPPER != 0);
    });
}

/// The [`BYTE_CLASSES`] bits found among `bytes`, and how many of them are letters.
fn ascii_classes(bytes: &[u8]) -> (u8, usize) {
    let mut seen = 0;
    let mut letters = 0;
    for &b in bytes {
        let class = BYTE_CLASSES[usize::from(b)];
        seen |= class;
        letters += usize::from(class & LETTER);
    }
    (seen, letters)
}

/// Whether every letter of a word is uppercase, and there are at least two ("NATO", "ZELENSKY").
pub fn is_all_caps(word: &str) -> bool {
    if word.is_ascii() {
        // The checks ask this of every mention of an archive: no Unicode tables for ASCII.
        let (seen, letters) = ascii_classes(word.as_bytes());
        return letters >= 2 && seen & LOWER == 0;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.chars().all(|c| !c.is_lowercase())
}

/// Words that open a question when a headline starts with them.
const QUESTION_OPENERS: &[&str] = &[
    "why", "will", "is", "are", "was", "were", "did", "does", "do", "can", "could", "should", "would", "has", "have",
    "how", "what", "who", "where", "when", "which",
];

fn is_question(tokens: &[Token], kind: BlockKind) -> bool {
    let last_punct = tokens
        .iter()
        .rev()
        .find(|t| t.kind == TokenKind::Punct && !is_quote_mark(&t.norm));
    if last_punct.is_some_and(|t| t.norm.contains('?')) {
        return true;
    }
    let headline = matches!(kind, BlockKind::Title | BlockKind::Heading);
    let ends_with_stop = tokens
        .last()
        .is_some_and(|t| t.kind == TokenKind::Punct && (t.norm == "." || t.norm == "!"));
    headline
        && !ends_with_stop
        && tokens
            .first()
            .is_some_and(|t| QUESTION_OPENERS.contains(&t.norm.as_str()))
}

fn is_quote_mark(norm: &str) -> bool {
    matches!(norm, "\"" | "'" | "\u{201c}" | "\u{201d}" | "\u{ab}" | "\u{bb}")
}

/// Whether character `c`, between `prev` and `next`, opens a quotation.
fn opens_quote(c: char, prev: Option<char>, next: Option<char>) -> bool {
    match c {
        '\u{201c}' | '\u{ab}' => true,
        '"' => next.is_some_and(|n| !n.is_whitespace()),
        // A single curly quote opens only at a word start; elsewhere it is an apostrophe.
        '\u{2018}' => {
            prev.is_none_or(|p| p.is_whitespace() || "([—–-".contains(p)) && next.is_some_and(|n| !n.is_whitespace())
        }
        _ => false,
    }
}

/// Whether character `c`, before `next`, closes a quotation opened by `opener`.
fn closes_quote(opener: char, c: char, next: Option<char>) -> bool {
    match (opener, c) {
        ('\u{201c}', '\u{201d}') | ('\u{ab}', '\u{bb}') | ('"', '"') => true,
        ('\u{2018}', '\u{2019}') => next.is_none_or(|n| !n.is_alphanumeric()),
        _ => false,
    }
}

/// The quotation open so far while a block is read from left to right.
#[derive(Default)]
struct OpenQuote(Option<(usize, char)>);

impl OpenQuote {
    /// Reads the quote mark `c` at byte `offset`, between `prev` and `next`; returns the
    /// byte range of the quotation it closes.
    fn read(&mut self, offset: usize, c: char, prev: Option<char>, next: Option<char>) -> Option<Range<usize>> {
        match self.0 {
            None => {
                if opens_quote(c, prev, next) {
                    self.0 = Some((offset, c));
                }
                None
            }
            Some((start, opener)) => {
                let closes = closes_quote(opener, c, next);
                closes.then(|| {
                    self.0 = None;
                    start..offset + c.len_utf8()
                })
            }
        }
    }
}

/// Finds quoted stretches in one block; an unclosed quote runs to the block's end,
/// as news copy does when a quotation continues into the next paragraph.
fn find_quotes(block_text: &str, base: usize, out: &mut Vec<Quote>) {
    let mut open = OpenQuote::default();
    // Only quote marks matter, and each starts with one of three bytes ('"', and the
    // lead bytes of «» and of the curly quotes), none of which is ever inside another
    // character: jump from one to the next.
    for offset in memchr::memchr3_iter(b'"', 0xc2, 0xe2, block_text.as_bytes()) {
        let Some(c) = block_text[offset..].chars().next() else {
            continue;
        };
        if !matches!(
            c,
            '"' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '\u{ab}' | '\u{bb}'
        ) {
            continue;
        }
        let prev = block_text[..offset].chars().next_back();
        let next = block_text[offset + c.len_utf8()..].chars().next();
        if let Some(quote) = open.read(offset, c, prev, next) {
            out.push(Quote {
                span: base + quote.start..base + quote.end,
                speaker: None,
            });
        }
    }
    if let Some((start, _)) = open.0 {
        out.push(Quote {
            span: base + start..base + block_text.trim_end().len(),
            speaker: None,
        });
    }
}

/// Verbs that introduce or tag quoted speech.
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "wrote",
    "writes",
    "noted",
    "notes",
    "insisted",
    "insists",
    "argued",
    "argues",
    "declared",
    "declares",
    "announced",
    "announces",
    "tweeted",
    "posted",
    "warned",
    "warns",
    "explained",
    "explains",
    "asked",
    "asks",
    "replied",
    "replies",
    "claimed",
    "claims",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "remarked",
    "recalled",
    "continued",
    "according",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we"];

/// Looks for who is speaking right after a quote ("…,” he said", "…,” said Rubio")
/// or right before it ("Zelenskyy: “…”", "Rubio said: “…”").
///
/// `block` is the block's tokens, in order; the quote's neighbours are found by
/// binary search rather than by tokenizing the block again for every quote.
fn find_speaker(block: &[Token], quote: &Quote) -> Option<Range<usize>> {
    let after_start = block.partition_point(|t| t.span.start < quote.span.end);
    let after: Vec<&Token> = block[after_start..].iter().filter(|t| t.norm != ",").take(5).collect();
    if let [first, second, ..] = after.as_slice() {
        if SPEECH_VERBS.contains(&first.norm.as_str()) && second.capitalized && second.is_word() {
            return Some(name_run(&after[1..]));
        }
        if (second.norm == "said" || second.norm == "says" || second.norm == "told")
            && (first.capitalized || PRONOUNS.contains(&first.norm.as_str()))
        {
            return Some(first.span.clone());
        }
        if first.capitalized && first.is_word() {
            // "“…,” Defense Minister Rustem Umerov said."
            let run = name_run(&after);
            let verb = after.iter().find(|t| t.span.start >= run.end);
            if verb.is_some_and(|v| SPEECH_VERBS.contains(&v.norm.as_str())) {
                return Some(run);
            }
        }
    }
    let before_end = block.partition_point(|t| t.span.end <= quote.span.start);
    let mut rev = block[..before_end].iter().rev().peekable();
    if rev.peek().is_some_and(|t| t.norm == ":" || t.norm == ",") {
        rev.next();
    }
    let mut rev: Vec<&Token> = rev.take(6).collect();
    if rev
        .first()
        .is_some_and(|t| SPEECH_VERBS.contains(&t.norm.as_str()) || t.norm == "that")
    {
        rev.remove(0);
        if rev.first().is_some_and(|t| SPEECH_VERBS.contains(&t.norm.as_str())) {
            rev.remove(0);
        }
    }
    let names: Vec<&Token> = rev
        .iter()
        .take_while(|t| t.capitalized && t.is_word())
        .copied()
        .collect();
    if let (Some(last), Some(first)) = (names.first(), names.last()) {
        return Some(first.span.start..last.span.end);
    }
    None
}

/// The span of the run of capitalised words at the start of `tokens`.
fn name_run(tokens: &[&Token]) -> Range<usize> {
    let first = &tokens[0].span;
    let end = tokens
        .iter()
        .take_while(|t| t.capitalized && t.is_word())
        .last()
        .map_or(first.end, |t| t.span.end);
    first.start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{LoadOptions, load_bytes};
    use std::path::Path;

    fn seg(text: &str) -> (Document, Segmented) {
        let doc = load_bytes(Path::new("t.txt"), text.as_bytes(), &LoadOptions::default()).expect("loads");
        let s = segment(&doc);
        (doc, s)
    }

    #[test]
    fn segmenting_into_an_earlier_documents_buffers_is_segmenting_afresh() {
        let long = "Title\n\nThe U.S. envoy, Erdoğan’s aide, met 12 NATO officials. “We talked,” she said.\n\nMore words follow here.\n";
        let short = "Brief\n\nOne “quoted” LINE.\n";
        let mut reused = Segmented::default();
        // Longer, shorter, then longer again: tokens written over, set aside and taken back.
        for text in [long, short, long, short] {
            let (doc, fresh) = seg(text);
            segment_into(&doc, &mut reused);
            assert_eq!(reused.tokens, fresh.tokens, "{text:?}");
            assert_eq!(reused.sentences, fresh.sentences, "{text:?}");
            assert_eq!(reused.quotes, fresh.quotes, "{text:?}");
        }
    }

    fn sentences(text: &str) -> Vec<String> {
        let (doc, s) = seg(text);
        s.sentences
            .iter()
            .map(|x| doc.text[x.span.clone()].to_string())
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let got = sentences(
            "Headline Without Stop\n\nU.S. President Donald Trump spoke at 3 p.m. on Friday. Dr. Ames and Gen. Ruiz agreed. G.S. Malik left.\n",
        );
        assert_eq!(
            got,
            vec![
                "Headline Without Stop",
                "U.S. President Donald Trump spoke at 3 p.m. on Friday.",
                "Dr. Ames and Gen. Ruiz agreed.",
                "G.S. Malik left."
            ]
        );
    }

    #[test]
    fn tokens_keep_abbreviation_dots_and_split_possessives() {
        let (_, s) = seg("Body line: the U.S. envoy met Zelensky\u{2019}s aide.\n");
        let norms: Vec<&str> = s.tokens.iter().map(|t| t.norm.as_str()).collect();
        assert!(norms.contains(&"u.s."), "{norms:?}");
        assert!(norms.windows(2).any(|w| w == ["zelensky", "'s"]), "{norms:?}");
    }

    #[test]
    fn folding_removes_diacritics() {
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("won\u{2019}t"), "won't");
    }

    #[test]
    fn spans_are_byte_exact_with_multibyte_text() {
        let text = "Title\n\n\u{201c}Erdoğan arrived,\u{201d} she said \u{2014} in Ankara.\n";
        let (doc, s) = seg(text);
        for t in &s.tokens {
            assert_eq!(&doc.source[t.span.clone()], &doc.text[t.span.clone()]);
        }
        let ankara = s.tokens.iter().find(|t| t.norm == "ankara").unwrap();
        assert_eq!(&text[ankara.span.clone()], "Ankara");
    }

    #[test]
    fn quotes_are_marked_with_their_speaker() {
        let text = "Title\n\n\u{201c}I will be in Istanbul on Thursday,\u{201d} Zelensky said. Later he left.\n";
        let (doc, s) = seg(text);
        assert_eq!(s.quotes.len(), 1);
        let speaker = s.quotes[0].speaker.clone().unwrap();
        assert_eq!(&doc.text[speaker], "Zelensky");
        let istanbul = s.tokens.iter().find(|t| t.norm == "istanbul").unwrap();
        assert_eq!(istanbul.quote, Some(0));
        let later = s.tokens.iter().find(|t| t.norm == "later").unwrap();
        assert_eq!(later.quote, None);
    }

    #[test]
    fn speaker_before_a_colon() {
        let text = "Title\n\nZelenskyy: \u{201c}I am ready to meet.\u{201d}\n";
        let (doc, s) = seg(text);
        assert_eq!(&doc.text[s.quotes[0].speaker.clone().unwrap()], "Zelenskyy");
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let (_, s) = seg("Title\n\nPutin\u{2019}s aides didn\u{2019}t say.\n");
        assert!(s.quotes.is_empty());
    }

    /// The character-by-character reading [`find_quotes`] must reproduce: the same
    /// decisions at every character, where `find_quotes` jumps between quote marks.
    fn quotes_by_characters(block_text: &str) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        let mut open = OpenQuote::default();
        let mut prev: Option<char> = None;
        let chars: Vec<(usize, char)> = block_text.char_indices().collect();
        for (i, &(offset, c)) in chars.iter().enumerate() {
            let next = chars.get(i + 1).map(|&(_, n)| n);
            found.extend(open.read(offset, c, prev, next));
            prev = Some(c);
        }
        if let Some((start, _)) = open.0 {
            found.push(start..block_text.trim_end().len());
        }
        found
    }

    #[test]
    fn quotes_are_found_as_a_character_by_character_reading_finds_them() {
        // Quote marks among letters, spaces, dashes, brackets and other characters that
        // share their lead bytes (é, ©, —, …), in pseudo-random order.
        let alphabet = [
            "\"", "\u{201c}", "\u{201d}", "\u{2018}", "\u{2019}", "\u{ab}", "\u{bb}", " ", "a", "Z", "(", "-",
            "\u{2014}", "\u{2013}", "\u{e9}", "\u{a9}", "\u{2026}", "\u{20ac}", "7", ".", "\n",
        ];
        for text in crate::test_support::random_strings(0x2545_f491_4f6c_dd1d, 5000, 24, &alphabet) {
            let mut found = Vec::new();
            find_quotes(&text, 0, &mut found);
            let spans: Vec<Range<usize>> = found.into_iter().map(|q| q.span).collect();
            assert_eq!(spans, quotes_by_characters(&text), "{text:?}");
        }
    }

    #[test]
    fn the_ascii_path_tokenizes_as_the_segment_path_does() {
        let alphabet = [
            "U",
            "S",
            "e",
            "g",
            "Gen",
            "dr",
            "p",
            "m",
            "7",
            "1",
            "0",
            "_",
            ".",
            ".",
            ",",
            ":",
            ";",
            "'",
            "'s",
            "'S",
            "\u{2019}s",
            "\"",
            "(",
            "-",
            "?",
            "!",
            "$",
            "%",
            " ",
            " ",
            "\n",
            "\t",
            "\u{e9}",
            "\u{2014}",
            "\u{201c}",
            "\u{a0}",
            "\u{301}",
            "Z",
            "ab",
            "\u{1}",
        ];
        // Both write over the tokens of an earlier text, as a run does: every field of
        // every token must be written.
        let mut earlier = tokenize_str("Earlier TEXT’s “words”, 12 of them… in NATO-led talks.");
        for token in &mut earlier {
            (token.quote, token.capitalized, token.all_caps) = (Some(9), true, true);
            (token.kind, token.span) = (TokenKind::Number, 90..99);
        }
        for text in crate::test_support::random_strings(0x51af_d7ed_558c_cd9b, 20_000, 16, &alphabet) {
            let fast = written_over(&earlier, &text, tokenize);
            assert_eq!(fast, written_over(&earlier, &text, tokenize_segments), "{text:?}");
            assert_eq!(fast, tokenize_str(&text), "{text:?}");
        }
    }

    /// The tokens of `text` by `tokenizer`, written over those of `earlier` as a run does.
    fn written_over(earlier: &[Token], text: &str, tokenizer: fn(&str, Range<usize>, &mut TokenWriter)) -> Vec<Token> {
        let mut tokens = earlier.to_vec();
        let mut writer = TokenWriter {
            tokens: &mut tokens,
            written: 0,
            segments: &mut words::Scratch::default(),
        };
        tokenizer(text, 0..text.len(), &mut writer);
        let written = writer.written;
        tokens.truncate(written);
        tokens
    }

    #[test]
    fn folding_without_tables_folds_as_the_tables_do() {
        let alphabet = [
            "a", "Z", "q", "'", "\u{2019}", "\u{2018}", "\u{2bc}", "-", ".", "7", "\u{e9}", "\u{130}", "\u{df}",
        ];
        for word in crate::test_support::random_strings(0x6a09_e667_f3bc_c908, 5000, 8, &alphabet) {
            assert_eq!(fold(&word), fold_by_tables(&word), "{word:?}");
        }
        for (mark, c) in COMMON_MARKS.iter() {
            let text = c.to_string();
            // Written over a token of an earlier document, as tokenizing does.
            let mut token = tokenize_str("Left over");
            write_token(&mut token[0], &text, 0..text.len());
            assert_eq!(token[0], *mark, "{c:?}");
            assert_eq!(*mark, unusual_token(&text, 0..text.len()));
        }
    }

    #[test]
    fn a_norm_is_looked_up_as_its_string_is() {
        use crate::pack::{Probe, WordSet};
        let (_, s) = seg("Title\n\nThe U.S. envoy, Erdoğan\u{2019}s aide, met 12 NATO officials in São Paulo.\n");
        let set: WordSet = ["envoy", "erdogan", "'s", "12", "nato", "sao", "u.s."]
            .iter()
            .map(|w| w.to_string())
            .collect();
        for t in &s.tokens {
            assert_eq!(t.norm.sketch(), t.norm.as_str().sketch(), "{:?}", t.norm);
            assert_eq!(set.contains(&t.norm), set.contains(t.norm.as_str()), "{:?}", t.norm);
        }
        assert_eq!(s.tokens.iter().filter(|t| set.contains(&t.norm)).count(), 7);
    }

    #[test]
    fn all_caps_reads_ascii_as_the_unicode_rule_does() {
        let by_chars =
            |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase());
        for w in [
            "NATO",
            "US",
            "U.S.",
            "A",
            "A1",
            "Nato",
            "ZELENSKY'S",
            "G7",
            "EU-UK",
            "",
            "42",
            "ÉLYSÉE",
            "Élysée",
        ] {
            assert_eq!(is_all_caps(w), by_chars(w), "{w:?}");
        }
    }

    #[test]
    fn no_abbreviation_is_longer_than_is_compared() {
        assert!(ABBREVIATIONS.iter().all(|a| a.len() <= 4));
    }

    #[test]
    fn questions_are_marked() {
        let (_, s) = seg("Why Are Leaders Meeting in Oslo\n\nWill they meet? They met on Monday.\n");
        let q: Vec<bool> = s.sentences.iter().map(|x| x.question).collect();
        assert_eq!(q, vec![true, true, false]);
    }
}
