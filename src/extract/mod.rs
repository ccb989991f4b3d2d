//! Extraction: from a segmented document to entity mentions and claims.
//!
//! Everything here works on one document at a time, so documents are analysed
//! in parallel; linking names across documents happens later, in `resolve`.

pub mod mentions;
pub mod modality;
pub mod presence;
pub mod quantity;
#[cfg(test)]
mod tests;
pub mod when;

use std::ops::Range;

pub use mentions::{Mention, NameRef, NameTable, Qualifier, TitlePhrase};
pub use modality::Modality;

use crate::pack::{EntityIdx, Pack, Polarity};
use crate::source::Document;
use crate::text::{Segmented, segment};

/// Analyses one document on its own (its names are the whole run); for tests and rule examples.
pub fn analyze_alone(pack: &Pack, doc: &Document) -> Analysis {
    let extractor = Extractor::new(pack);
    let (segmented, people) = extractor.discover(doc);
    let names = NameTable::build([&people], pack);
    extractor.analyze(doc, segmented, &people, &names)
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
        noun: String,
    },
    /// "Zelensky did not attend": the event the article is about.
    Unspecified,
}

/// What a claim asserts about its subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClaimValue {
    Presence { target: Target },
    Title(TitlePhrase),
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
    /// Index into the document's sentences.
    pub sentence: usize,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub segmented: Segmented,
    pub mentions: Vec<Mention>,
    pub claims: Vec<Claim>,
    /// Places named as the venue of an event ("the Istanbul talks", "the summit in Oslo"), once per naming.
    pub venues: Vec<PlaceRef>,
}

/// Reusable, pack-derived lookup tables for extraction.
pub struct Extractor<'p> {
    pack: &'p Pack,
    triggers: presence::TriggerIndex<'p>,
}

impl<'p> Extractor<'p> {
    pub fn new(pack: &'p Pack) -> Extractor<'p> {
        Extractor {
            pack,
            triggers: presence::TriggerIndex::new(pack),
        }
    }

    /// First pass over a document: segments it and lists the people it names in full.
    pub fn discover(&self, doc: &Document) -> (Segmented, Vec<String>) {
        let segmented = segment(doc);
        let people = mentions::discover_people(&segmented, self.pack);
        (segmented, people)
    }

    /// Second pass: mentions and claims, with the names discovered across the whole run.
    pub fn analyze(&self, doc: &Document, segmented: Segmented, local: &[String], names: &NameTable) -> Analysis {
        let mentions = mentions::find_mentions(&doc.text, &segmented, self.pack, names, local);
        let index = presence::MentionIndex::new(&mentions);
        let mut claims = Vec::new();
        let ctx = presence::Context {
            seg: &segmented,
            mentions: &mentions,
            index: &index,
            pack: self.pack,
        };
        for (si, sentence) in segmented.sentences.iter().enumerate() {
            presence::extract(&ctx, si, sentence, &self.triggers, &mut claims);
        }
        title_claims(&segmented, &mentions, &mut claims);
        claims.sort_by_key(|c| (c.span.start, c.span.end, c.subject));
        claims.dedup_by(|a, b| a.subject == b.subject && a.value == b.value && a.span == b.span);
        let venues = presence::venues(&segmented, &mentions, self.pack);
        Analysis {
            segmented,
            mentions,
            claims,
            venues,
        }
    }
}

/// A title in front of a name is a claim that the person holds (or held) that office.
fn title_claims(seg: &Segmented, mentions: &[Mention], out: &mut Vec<Claim>) {
    for (mi, m) in mentions.iter().enumerate() {
        let Some(title) = &m.title else { continue };
        let sentence = seg
            .sentences
            .iter()
            .position(|s| s.tokens.contains(&m.tokens.start))
            .unwrap_or(0);
        // A title inside a quote is the speaker's wording, not the writer's.
        let modality = match seg.tokens[m.tokens.start].quote {
            Some(q) => Modality::Reported {
                speaker: seg.quotes[q].speaker.clone(),
            },
            None => Modality::Asserted,
        };
        out.push(Claim {
            subject: mi,
            value: ClaimValue::Title(title.clone()),
            polarity: Polarity::Affirmed,
            modality,
            span: title.span.start..m.span.end,
            sentence,
        });
    }
}
