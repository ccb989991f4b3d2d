//! Extraction: from a segmented document to entity mentions and claims.
//!
//! Everything here works on one document at a time, so documents are analysed
//! in parallel; linking names across documents happens later, in `resolve`.

pub mod counts;
pub mod dated;
pub mod event;
pub mod leader;
pub mod mentions;
pub mod modality;
mod phrases;
pub mod presence;
pub mod quantity;
#[cfg(test)]
mod tests;
pub mod when;

use std::ops::Range;

pub use leader::{GroupKey, LeaderClaim};
pub use mentions::{Mention, NameRef, NameTable, Qualifier, TitlePhrase};
pub use modality::Modality;

use crate::pack::{EntityIdx, Pack, Polarity};
use crate::source::Document;
use crate::text::{Segmented, segment_into};

/// Analyses one document on its own (its names are the whole run); for tests and rule examples.
pub fn analyze_alone(pack: &Pack, doc: &Document) -> Analysis {
    let extractor = Extractor::new(pack);
    let (segmented, people) = extractor.discover(doc);
    let names = NameTable::build([&people], pack);
    extractor.analyze(doc, &segmented, &people, &names)
}

/// A place as a claim names it: an entity of the pack, or a name found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceRef {
    Pack(EntityIdx),
    /// A folded place name the pack does not know ("oslo").
    Named(String),
}

/// What a presence claim says someone attended.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    Place(PlaceRef),
    /// An event ("the talks"), with its venue where the text gives one.
    Event {
        place: Option<PlaceRef>,
        /// Boxed: every claim of a run is kept to the end.
        noun: Box<str>,
    },
    /// "Zelensky did not attend": the event the article is about.
    Unspecified,
}

/// What a claim asserts about its subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClaimValue {
    /// Was (or was not) at the target; `whole_day` when the words fill the day ("spent Tuesday in").
    Presence { target: Target, whole_day: bool },
    /// Holds the title written before the subject's name: the subject mention's
    /// [`Mention::title`], read with [`Analysis::title`] (not copied into the claim:
    /// most claims are titles, and a run keeps every claim until the checks run).
    Title,
}

/// One attributed assertion found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// Index into the document's mentions.
    pub subject: usize,
    pub value: ClaimValue,
    pub polarity: Polarity,
    pub modality: Modality,
    /// The words that carry the claim, a byte range in the document.
    pub span: Range<usize>,
    /// The day the claim is about, when its sentence names one next to it ("on Tuesday").
    pub day: Option<when::DateRange>,
}

/// Everything extracted from one document.
///
/// An analysis outlives its document's text (a large run keeps thousands of them), so
/// it holds no tokens: what the checks and messages read from the text is copied here.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub mentions: Vec<Mention>,
    /// How the names resolution may display are written (`text[mention.span]`), by
    /// mention index, sorted; read with [`Analysis::surface`]. Only the names of
    /// several words a text discovers: a pack entity is displayed by its pack name and a
    /// one-word name is its mention's `surname`, and an archive keeps every analysis
    /// until the checks run.
    surfaces: Box<[(u32, Box<str>)]>,
    pub claims: Vec<Claim>,
    /// Places named as the venue of an event ("the Istanbul talks", "the summit in Oslo"), once per naming.
    pub venues: Vec<PlaceRef>,
    /// Who led which group.
    pub leaders: Vec<LeaderClaim>,
    /// Numbers and what they count.
    pub counts: Vec<counts::CountClaim>,
    /// When events happened, or were moved to.
    pub dates: Vec<dated::DateClaim>,
    /// Places the text says are cities or towns ("the capital, Lindau").
    pub settlements: Vec<PlaceRef>,
    /// The text's proper nouns, folded, hashed and sorted: what tells one story from
    /// another. Hashes, not strings: every analysis of an archive keeps them.
    pub proper_nouns: Vec<u64>,
    /// Spellings the house style avoids: (index into the pack's `house_style.forms`, span).
    pub house_spellings: Vec<(usize, Range<usize>)>,
    /// The context of each title claim with its subject's index, in mention order.
    pub titles: Vec<(usize, TitleContext)>,
}

impl Analysis {
    /// How mention `mention` is written, where resolution may display it: `None` for the
    /// name of a pack entity, which is displayed by its pack name.
    pub fn surface(&self, mention: usize) -> Option<&str> {
        let stored = u32::try_from(mention)
            .ok()
            .and_then(|i| self.surfaces.binary_search_by_key(&i, |(m, _)| *m).ok());
        if let Some(at) = stored {
            return Some(&self.surfaces[at].1);
        }
        // A discovered name of one word is written as its surname.
        let m = self.mentions.get(mention)?;
        (matches!(m.name, NameRef::Discovered(_)) && m.tokens.len() == 1).then_some(&*m.surname)
    }

    /// The title a title claim asserts: its subject's; `None` for other claims.
    pub fn title(&self, claim: &Claim) -> Option<&TitlePhrase> {
        match claim.value {
            ClaimValue::Title => self.mentions.get(claim.subject)?.title.as_deref(),
            ClaimValue::Presence { .. } => None,
        }
    }

    /// The context of title claim `claim`.
    pub fn title_context(&self, claim: usize) -> Option<&TitleContext> {
        let claim = self.claims.get(claim)?;
        let ClaimValue::Title = claim.value else { return None };
        let i = self.titles.binary_search_by_key(&claim.subject, |(m, _)| *m).ok()?;
        Some(&self.titles[i].1)
    }

    /// Drops spare capacity: a run keeps every document's analysis to the end.
    fn shrink_to_fit(&mut self) {
        self.mentions.shrink_to_fit();
        self.claims.shrink_to_fit();
        self.venues.shrink_to_fit();
        self.leaders.shrink_to_fit();
        self.counts.shrink_to_fit();
        self.dates.shrink_to_fit();
        self.settlements.shrink_to_fit();
        self.proper_nouns.shrink_to_fit();
        self.house_spellings.shrink_to_fit();
        self.titles.shrink_to_fit();
    }
}

/// What the title checks read around a title claim.
///
/// Boxed slices rather than vectors: a run keeps one per title claim to the end.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TitleContext {
    /// The title phrase as written ("former U.S. President").
    pub written: Box<str>,
    /// Years written in the claim's sentence ("in 2018"): a bare title next to one may describe that time.
    pub years: Box<[i16]>,
}

/// Reusable, pack-derived lookup tables for extraction.
pub struct Extractor<'p> {
    pack: &'p Pack,
    triggers: presence::TriggerIndex<'p>,
    name_starts: mentions::NameStarts,
}

impl<'p> Extractor<'p> {
    pub fn new(pack: &'p Pack) -> Extractor<'p> {
        Extractor {
            pack,
            triggers: presence::TriggerIndex::new(pack),
            name_starts: mentions::NameStarts::of_pack(pack),
        }
    }

    /// First pass over a document: segments it and lists the people it names in full.
    pub fn discover(&self, doc: &Document) -> (Segmented, Vec<String>) {
        let mut segmented = Segmented::default();
        let people = self.discover_into(doc, &mut segmented);
        (segmented, people)
    }

    /// [`Extractor::discover`] reusing the buffers of `segmented`.
    pub fn discover_into(&self, doc: &Document, segmented: &mut Segmented) -> Vec<String> {
        segment_into(doc, segmented);
        mentions::discover_people(segmented, self.pack)
    }

    /// Second pass: mentions and claims, with the names discovered across the whole run.
    pub fn analyze(&self, doc: &Document, segmented: &Segmented, local: &[String], names: &NameTable) -> Analysis {
        let mentions = mentions::find_mentions(&doc.text, segmented, self.pack, &self.name_starts, names, local);
        let index = presence::MentionIndex::new(&mentions);
        let mut claims = Vec::new();
        let ctx = presence::Context {
            seg: segmented,
            mentions: &mentions,
            index: &index,
            pack: self.pack,
            published: doc.meta.date.as_ref().map(|d| d.date),
        };
        let mut leaders = Vec::new();
        let mut counts = Vec::new();
        let published = doc.meta.date.as_ref().map(|d| d.date);
        let count_options = quantity::CountOptions::default();
        let mut dates = Vec::new();
        let mut recent_event = None;
        for (si, sentence) in segmented.sentences.iter().enumerate() {
            presence::extract(&ctx, sentence, &self.triggers, &mut claims);
            leader::extract(&ctx, si, sentence, &mut leaders);
            counts::extract(&ctx, &doc.text, sentence, published, &count_options, &mut counts);
            dated::extract(&ctx, si, sentence, published, &mut recent_event, &mut dates);
        }
        let titles = title_claims(&doc.text, segmented, &mentions, &mut claims);
        claims.sort_by_key(|c| (c.span.start, c.span.end, c.subject));
        claims.dedup_by(|a, b| a.subject == b.subject && a.value == b.value && a.span == b.span);
        let settlements = presence::settlements(segmented, &mentions, self.pack);
        let venues = presence::venues(segmented, &mentions, self.pack);
        let surfaces = mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| stores_surface(m, self.pack))
            .filter_map(|(i, m)| Some((u32::try_from(i).ok()?, doc.text[m.span.clone()].into())))
            .collect();
        let mut analysis = Analysis {
            mentions,
            surfaces,
            claims,
            venues,
            leaders,
            counts,
            dates,
            settlements,
            proper_nouns: proper_nouns(segmented, self.pack),
            house_spellings: house_spellings(&doc.text, self.pack),
            titles,
        };
        analysis.shrink_to_fit();
        analysis
    }
}

/// Whether an analysis keeps how `m` is written ([`Analysis::surface`]): for a name a
/// text discovers, of more than one word, and for an entity the pack gives no name to
/// display.
fn stores_surface(m: &Mention, pack: &Pack) -> bool {
    match m.name {
        NameRef::Discovered(_) => m.tokens.len() > 1,
        NameRef::Pack(idx) => pack.entities[idx].name().is_empty(),
    }
}

/// Capitalised words that are not sentence openers, titles or common capitalised words:
/// "Osmera", "Tarvo", "Princess". Two texts about one story share some of them.
fn proper_nouns(seg: &Segmented, pack: &Pack) -> Vec<u64> {
    use std::hash::BuildHasher;
    let lx = &pack.lexicon;
    let hasher = rustc_hash::FxBuildHasher;
    let mut out: Vec<u64> = seg
        .sentences
        .iter()
        .flat_map(|s| s.tokens.clone().skip(1))
        .map(|i| &seg.tokens[i])
        .filter(|t| {
            t.capitalized
                && !t.all_caps
                && t.kind == crate::text::TokenKind::Word
                && t.norm.chars().count() > 2
                && !lx.not_names.contains(&t.norm)
                && !lx.title_heads.contains(&t.norm)
                && !lx.title_modifiers.contains(&t.norm)
        })
        .map(|t| hasher.hash_one(t.norm.as_str()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Where the text writes a spelling the house style avoids, as whole words:
/// "Zelensky's" counts, "Zelenskyy" does not.
fn house_spellings(text: &str, pack: &Pack) -> Vec<(usize, Range<usize>)> {
    let Some(matcher) = &pack.house_style.matcher else {
        return Vec::new();
    };
    let whole_word = |span: &Range<usize>| {
        let before = text[..span.start].chars().next_back();
        let after = text[span.end..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    };
    matcher
        .find_iter(text)
        .map(|m| (m.pattern().as_usize(), m.start()..m.end()))
        .filter(|(_, span)| whole_word(span))
        .collect()
}

/// A title in front of a name is a claim that the person holds (or held) that office.
/// Returns what the title checks read around each, by mention.
fn title_claims(text: &str, seg: &Segmented, mentions: &[Mention], out: &mut Vec<Claim>) -> Vec<(usize, TitleContext)> {
    let mut contexts = Vec::new();
    for (mi, m) in mentions.iter().enumerate() {
        let Some(title) = &m.title else { continue };
        let sentence = seg
            .sentences
            .iter()
            .position(|s| s.tokens.contains(&m.tokens.start))
            .unwrap_or(0);
        // A title inside a quote is the speaker's wording, not the writer's.
        let modality = match seg.tokens[m.tokens.start].quote {
            Some(_) => Modality::Reported,
            None => Modality::Asserted,
        };
        out.push(Claim {
            subject: mi,
            value: ClaimValue::Title,
            polarity: Polarity::Affirmed,
            modality,
            span: title.span.start..m.span.end,
            day: None,
        });
        let years = seg.sentences.get(sentence).map_or_else(Box::default, |sentence| {
            seg.sentence_tokens(sentence)
                .iter()
                .filter_map(|t| t.norm.parse::<i16>().ok().filter(|y| (1900..=2100).contains(y)))
                .collect()
        });
        let written = text.get(title.span.clone()).unwrap_or_default().into();
        contexts.push((mi, TitleContext { written, years }));
    }
    contexts
}
