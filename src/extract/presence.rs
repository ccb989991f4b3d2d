//! Presence claims: who was, or was not, at an event or a place.

use rustc_hash::FxHashMap as HashMap;

use super::mentions::Mention;
use super::modality::{Cues, context_cues, is_month_may};
use super::when::{DateMention, Precision, find_date_mentions, guess_tense};
use super::{Claim, ClaimValue, PlaceRef, Target};
use crate::pack::{Element, EntityKind, ObjectSlot, Pack, Polarity, Probe, Trigger, WordFilter};
use crate::text::{Segmented, Sentence, Token, TokenKind};

/// Where each mention ends and starts, by token index, for quick lookups while walking.
pub struct MentionIndex {
    by_end: HashMap<usize, usize>,
    by_start: HashMap<usize, usize>,
}

impl MentionIndex {
    pub fn new(mentions: &[Mention]) -> MentionIndex {
        MentionIndex {
            by_end: mentions
                .iter()
                .enumerate()
                .map(|(i, m)| (m.tokens.end - 1, i))
                .collect(),
            by_start: mentions.iter().enumerate().map(|(i, m)| (m.tokens.start, i)).collect(),
        }
    }

    /// The mention whose last token is `token`.
    pub(super) fn ending_at(&self, token: usize) -> Option<usize> {
        self.by_end.get(&token).copied()
    }

    /// The mention whose first token is `token`.
    fn starting_at(&self, token: usize) -> Option<usize> {
        self.by_start.get(&token).copied()
    }
}

/// Triggers indexed by the first word of their first word element.
pub struct TriggerIndex<'p> {
    by_word: HashMap<&'p str, Vec<&'p Trigger>>,
    /// The words of `by_word`, filtered: asked at every token, nearly always in vain.
    words: WordFilter,
}

impl<'p> TriggerIndex<'p> {
    pub fn new(pack: &'p Pack) -> TriggerIndex<'p> {
        let mut by_word: HashMap<&str, Vec<&Trigger>> = HashMap::default();
        for trigger in &pack.triggers {
            if let Some(Element::Word(words)) = trigger.elements.iter().find(|e| matches!(e, Element::Word(_))) {
                for w in words {
                    by_word.entry(w.as_str()).or_default().push(trigger);
                }
            }
        }
        let words = WordFilter::of(by_word.keys().copied());
        TriggerIndex { by_word, words }
    }

    /// The triggers whose anchor word is `word`.
    fn at<P: Probe + ?Sized>(&self, word: &P) -> Option<&[&'p Trigger]> {
        if !self.words.may_contain(word) {
            return None;
        }
        self.by_word.get(word.word()).map(Vec::as_slice)
    }
}

/// What the presence extractor reads in one document.
pub struct Context<'a> {
    pub seg: &'a Segmented,
    pub mentions: &'a [Mention],
    pub index: &'a MentionIndex,
    pub pack: &'a Pack,
    /// The text's publication date, which relative dates are read against.
    pub published: Option<jiff::civil::Date>,
}

/// The subject found for a trigger: the people, the first token of the subject phrase, and cues met on the way.
pub(super) struct Subject {
    pub people: Vec<usize>,
    pub start: usize,
    pub cues: Cues,
}

/// Extracts presence claims from one sentence.
pub fn extract(ctx: &Context, sentence: &Sentence, triggers: &TriggerIndex, out: &mut Vec<Claim>) {
    let tokens = &ctx.seg.tokens;
    let first_new = out.len();
    for p in sentence.tokens.clone() {
        let Some(candidates) = triggers.at(&tokens[p].norm) else {
            continue;
        };
        if is_month_may(tokens, p) {
            continue;
        }
        for trigger in candidates {
            if let Some(claims) = match_trigger(ctx, sentence, trigger, p) {
                out.extend(claims);
                break;
            }
        }
    }
    if out.len() > first_new {
        attach_days(ctx, sentence, &mut out[first_new..]);
    }
}

/// Gives each claim the day its sentence names next to it: "was in Port Aster on Tuesday".
fn attach_days(ctx: &Context, sentence: &Sentence, claims: &mut [Claim]) {
    let slice = &ctx.seg.tokens[sentence.tokens.clone()];
    let dates = find_date_mentions(slice, ctx.published, guess_tense(slice));
    for claim in claims {
        let near = |d: &&DateMention| {
            let (start, end) = (slice[d.tokens.start].span.start, slice[d.tokens.end - 1].span.end);
            // Inside the claim's words, or among the few words after them.
            let after = slice
                .iter()
                .filter(|t| t.span.start >= claim.span.end && t.span.end <= start)
                .count();
            (start >= claim.span.start && end <= claim.span.end) || (start >= claim.span.end && after <= 5)
        };
        claim.day = dates
            .iter()
            .filter(near)
            .find(|d| d.precision == Precision::Day)
            .and_then(|d| d.range);
    }
}

fn match_trigger(ctx: &Context, sentence: &Sentence, trigger: &Trigger, p: usize) -> Option<Vec<Claim>> {
    let Context {
        seg,
        mentions,
        index,
        pack,
        ..
    } = *ctx;
    let tokens = &seg.tokens;
    let end = sentence.tokens.end;
    let who_first = trigger.elements.first() == Some(&Element::Who);
    let mut pos = p;
    let mut subject: Option<Subject> = None;
    let mut object: Option<(Target, usize)> = None;
    let elements = if who_first {
        &trigger.elements[1..]
    } else {
        &trigger.elements[..]
    };
    for element in elements {
        match element {
            Element::Who => {
                let people = coordination_right(tokens, mentions, index, pos, end)?;
                let next = mentions[*people.last()?].tokens.end;
                subject = Some(Subject {
                    start: mentions[people[0]].tokens.start,
                    people,
                    cues: Cues::default(),
                });
                pos = next;
            }
            Element::Word(words) => {
                // After the first word, a negation or adverb may intervene: "was not in", "was also in".
                let mut skipped = 0;
                while pos > p
                    && pos < end
                    && skipped < 2
                    && !words.iter().any(|w| tokens[pos].norm == *w)
                    && (pack.lexicon.auxiliaries.contains(&tokens[pos].norm)
                        || pack.lexicon.negation.contains(&tokens[pos].norm))
                {
                    pos += 1;
                    skipped += 1;
                }
                if pos >= end || !words.iter().any(|w| tokens[pos].norm == *w) {
                    return None;
                }
                pos += 1;
            }
            Element::OptionalWord(words) => {
                if pos < end && words.iter().any(|w| tokens[pos].norm == *w) {
                    pos += 1;
                }
            }
            Element::Object { slot, optional } => match parse_object(tokens, mentions, index, pack, pos, end, *slot) {
                ObjectParse::Found(target, next) => {
                    object = Some((target, next));
                }
                // "skipped a meeting": an indefinite event is some other event; no claim.
                ObjectParse::Indefinite => return None,
                ObjectParse::None if *optional => {}
                ObjectParse::None => return None,
            },
        }
    }
    let verb_end = pos;
    if who_first {
        let strict = matches!(elements.first(), Some(Element::Word(w)) if w.iter().any(|x| x == "'s"));
        subject = Some(if strict {
            let m = index.ending_at(p.checked_sub(1)?)?;
            if mentions[m].kind != EntityKind::Person {
                return None;
            }
            Subject {
                start: mentions[m].tokens.start,
                people: vec![m],
                cues: Cues::default(),
            }
        } else {
            subject_left(tokens, mentions, index, pack, p, sentence.tokens.start)?
        });
    }
    let mut subject = subject?;
    let claim_end = object.as_ref().map_or(verb_end, |(_, e)| *e);
    let subject_phrase_start = mentions[subject.people[0]]
        .title
        .as_ref()
        .map_or(subject.start, |t| t.first_token);
    let lx = &pack.lexicon;
    let forced = context_cues(
        seg,
        sentence,
        lx,
        subject_phrase_start.min(subject.start).min(p),
        p,
        claim_end,
        &mut subject.cues,
    );
    // Negation inside the matched words ("was not in") counts too.
    for t in &tokens[p..verb_end] {
        subject.cues.absorb(&t.norm, lx);
    }
    let modality = forced.unwrap_or_else(|| subject.cues.modality());
    let polarity = match (trigger.polarity, subject.cues.negations % 2 == 1) {
        (Polarity::Affirmed, false) | (Polarity::Denied, true) => Polarity::Affirmed,
        _ => Polarity::Denied,
    };
    let target = object.map_or(Target::Unspecified, |(t, _)| t);
    let last_token = claim_end.max(p + 1) - 1;
    Some(
        subject
            .people
            .iter()
            .map(|&m| Claim {
                subject: m,
                value: ClaimValue::Presence {
                    target: target.clone(),
                    whole_day: trigger.whole_day,
                },
                polarity,
                modality: modality.clone(),
                span: tokens[mentions[m].tokens.start.min(p)].span.start..tokens[last_token].span.end,
                day: None,
            })
            .collect(),
    )
}

/// Finds the subject to the left of the verb at `p`: past auxiliaries and adverbs,
/// "decided not to", a parenthetical ", in turn,", a relative ", who …,", or a
/// possessive ("Zelensky's decision to skip").
pub(super) fn subject_left(
    tokens: &[Token],
    mentions: &[Mention],
    index: &MentionIndex,
    pack: &Pack,
    p: usize,
    start: usize,
) -> Option<Subject> {
    let lx = &pack.lexicon;
    let mut cues = Cues::default();
    let mut j = p.checked_sub(1)?;
    loop {
        if j < start {
            return None;
        }
        let t = &tokens[j];
        if let Some(m) = index.ending_at(j) {
            if mentions[m].kind != EntityKind::Person {
                return None;
            }
            let people = coordination_left(tokens, mentions, index, m, start);
            let first = mentions[people[0]].tokens.start;
            let first = if first > start && matches!(tokens[first - 1].norm.as_str(), "both" | "neither" | "either") {
                if tokens[first - 1].norm == "neither" {
                    cues.negations += 1;
                }
                first - 1
            } else {
                first
            };
            return Some(Subject {
                people,
                start: first,
                cues,
            });
        }
        let norm = t.norm.as_str();
        if norm == "to" {
            // "decided (not) to attend", "refused to attend", "plans to travel".
            let mut k = j.checked_sub(1)?;
            while k > start && (tokens[k].norm == "not" || tokens[k].norm == "never") {
                cues.negations += 1;
                k -= 1;
            }
            // "the decision by President Putin to skip".
            if let Some(m) = index.ending_at(k) {
                let ms = mentions[m].tokens.start;
                let title_start = mentions[m].title.as_ref().map_or(ms, |tp| tp.first_token);
                if title_start >= start + 2
                    && tokens[title_start - 1].norm == "by"
                    && lx.control.contains(&tokens[title_start - 2].norm)
                    && mentions[m].kind == EntityKind::Person
                {
                    return Some(Subject {
                        people: vec![m],
                        start: ms,
                        cues,
                    });
                }
                return None;
            }
            let control = tokens[k].norm.as_str();
            if lx.negative_control.contains(control) {
                cues.negations += 1;
            } else if lx.control.contains(control) {
            } else if lx.planned.contains(control) || lx.hedge.contains(control) || lx.hypothetical.contains(control) {
                cues.absorb(control, lx);
            } else {
                return None;
            }
            if k == 0 || k <= start {
                return None;
            }
            j = k - 1;
            if tokens[j].norm == "'s" {
                let m = index.ending_at(j.checked_sub(1)?)?;
                if mentions[m].kind != EntityKind::Person {
                    return None;
                }
                return Some(Subject {
                    start: mentions[m].tokens.start,
                    people: vec![m],
                    cues,
                });
            }
            continue;
        }
        if norm == "," {
            // An appositive name: "Its energy minister, Marek Lindqvist, attended".
            if let Some(m) = j.checked_sub(1).and_then(|e| index.ending_at(e))
                && mentions[m].kind == EntityKind::Person
                && mentions[m].tokens.start > start
                && tokens[mentions[m].tokens.start - 1].norm == ","
            {
                return Some(Subject {
                    start: mentions[m].tokens.start,
                    people: vec![m],
                    cues,
                });
            }
            // A parenthetical between subject and verb: ", in turn," or ", who had hinted at …,".
            let open = (j.saturating_sub(16).max(start)..j)
                .rev()
                .find(|&k| tokens[k].norm == ",")?;
            if open == 0 || open <= start || j - open < 2 {
                return None;
            }
            j = open - 1;
            continue;
        }
        if norm == "who" && j >= start + 2 && tokens[j - 1].norm == "," {
            let m = index.ending_at(j - 2)?;
            if mentions[m].kind != EntityKind::Person {
                return None;
            }
            return Some(Subject {
                start: mentions[m].tokens.start,
                people: vec![m],
                cues,
            });
        }
        if lx.auxiliaries.contains(norm) || super::modality::split_negation(norm).1 || lx.negation.contains(norm) {
            cues.absorb(norm, lx);
            if j == 0 {
                return None;
            }
            j -= 1;
            continue;
        }
        return None;
    }
}

/// Extends a subject leftwards over a coordination: "Zelensky, Putin, and Trump".
fn coordination_left(
    tokens: &[Token],
    mentions: &[Mention],
    index: &MentionIndex,
    last: usize,
    start: usize,
) -> Vec<usize> {
    let mut people = vec![last];
    let mut k = mentions[last].tokens.start;
    // The element before the last must be joined by "and"/"or"/"&" (an optional Oxford comma first).
    let mut need_conjunction = true;
    loop {
        if k <= start {
            break;
        }
        let mut j = k - 1;
        let sep = tokens[j].norm.as_str();
        let is_conj = matches!(sep, "and" | "or" | "&" | "nor");
        if need_conjunction && !is_conj {
            break;
        }
        if !need_conjunction && sep != "," {
            break;
        }
        if is_conj && j > start && tokens[j - 1].norm == "," {
            j -= 1;
        }
        if j == 0 || j <= start {
            break;
        }
        match index.ending_at(j - 1) {
            Some(m) if mentions[m].kind == EntityKind::Person => {
                people.insert(0, m);
                k = mentions[m].tokens.start;
                need_conjunction = false;
            }
            _ => break,
        }
    }
    people
}

/// Reads a coordination of people starting at token `pos`: "both Putin and Zelensky".
fn coordination_right(
    tokens: &[Token],
    mentions: &[Mention],
    index: &MentionIndex,
    mut pos: usize,
    end: usize,
) -> Option<Vec<usize>> {
    if pos < end && matches!(tokens[pos].norm.as_str(), "both" | "either" | "neither") {
        pos += 1;
    }
    let mut people = Vec::new();
    loop {
        let m = index.starting_at(pos)?;
        if mentions[m].kind != EntityKind::Person {
            return if people.is_empty() { None } else { Some(people) };
        }
        people.push(m);
        pos = mentions[m].tokens.end;
        let mut next = pos;
        if next < end && tokens[next].norm == "," {
            next += 1;
        }
        if next < end && matches!(tokens[next].norm.as_str(), "and" | "or" | "&" | "nor") {
            next += 1;
        }
        if next == pos
            || index
                .starting_at(next)
                .is_none_or(|m| mentions[m].kind != EntityKind::Person)
        {
            return Some(people);
        }
        pos = next;
    }
}

enum ObjectParse {
    Found(Target, usize),
    Indefinite,
    None,
}

const DETERMINERS: &[&str] = &[
    "the",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "thursday's",
    "friday's",
];

/// Reads what a presence verb takes: a place mention, an event noun phrase, or nothing we know.
fn parse_object(
    tokens: &[Token],
    mentions: &[Mention],
    index: &MentionIndex,
    pack: &Pack,
    pos: usize,
    end: usize,
    slot: ObjectSlot,
) -> ObjectParse {
    if pos >= end {
        return ObjectParse::None;
    }
    let wants_place = matches!(slot, ObjectSlot::Place | ObjectSlot::Target);
    let wants_event = matches!(slot, ObjectSlot::Event | ObjectSlot::Target);
    // A place right away: "was in Istanbul".
    if wants_place && let Some(place) = place_at(tokens, mentions, index, pack, pos, end) {
        let (place, next) = place;
        // "in Istanbul talks" is an event named after a place, not the place.
        if !(wants_event && next < end && pack.lexicon.event_nouns.contains(&tokens[next].norm)) {
            return ObjectParse::Found(Target::Place(place), next);
        }
    }
    if !wants_event {
        return ObjectParse::None;
    }
    let indefinite = matches!(tokens[pos].norm.as_str(), "a" | "an" | "any" | "another");
    let mut k = pos;
    if indefinite || DETERMINERS.contains(&tokens[k].norm.as_str()) {
        k += 1;
    }
    // Up to five modifiers before the event noun: "the first Ukraine-Russia peace talks".
    let mut place = None;
    let limit = (k + 7).min(end);
    while k < limit {
        let t = &tokens[k];
        if pack.lexicon.event_nouns.contains(&t.norm) {
            // The noun may be a modifier itself ("summit talks"); take the last noun of the run.
            let mut noun_end = k + 1;
            while noun_end < end && pack.lexicon.event_nouns.contains(&tokens[noun_end].norm) {
                noun_end += 1;
            }
            if indefinite {
                return ObjectParse::Indefinite;
            }
            // "the talks in Istanbul".
            if place.is_none()
                && noun_end + 1 < end
                && matches!(tokens[noun_end].norm.as_str(), "in" | "at")
                && let Some((p, next)) = place_at(tokens, mentions, index, pack, noun_end + 1, end)
            {
                return ObjectParse::Found(
                    Target::Event {
                        place: Some(p),
                        noun: tokens[noun_end - 1].norm.as_str().into(),
                    },
                    next,
                );
            }
            return ObjectParse::Found(
                Target::Event {
                    place,
                    noun: tokens[noun_end - 1].norm.as_str().into(),
                },
                noun_end,
            );
        }
        if let Some((p, next)) = place_at(tokens, mentions, index, pack, k, end) {
            // Countries before an event noun are its parties ("Ukraine-Russia talks"); a city is its venue.
            // An unknown capitalised word before a capitalised noun is part of the event's own
            // name ("the Harbour Forum"), not a place.
            let part_of_name = matches!(p, PlaceRef::Named(_))
                && next < end
                && tokens[next].capitalized
                && pack.lexicon.event_nouns.contains(&tokens[next].norm);
            if is_venue(&p, pack) && !part_of_name {
                place = Some(p);
            }
            k = next;
            continue;
        }
        let modifier = t.kind == TokenKind::Word
            && (t.capitalized || t.norm.chars().all(|c| c.is_alphabetic() || c == '-'))
            || t.norm == "-";
        if !modifier || t.norm == "to" || t.norm == "with" || t.norm == "for" {
            break;
        }
        k += 1;
    }
    ObjectParse::None
}

/// Whether a place can be an event's venue rather than a party to it: a city or an unknown place.
fn is_venue(place: &PlaceRef, pack: &Pack) -> bool {
    match place {
        PlaceRef::Pack(idx) => pack.entities[*idx].within.is_some(),
        PlaceRef::Named(_) => true,
    }
}

/// Nouns for a settlement: "the capital, Lindau", "Port Aster, the Ostrovian port".
pub(super) const SETTLEMENTS: &[&str] = &["capital", "city", "town", "port", "village", "municipality"];

/// Places the text itself says are settlements, not countries or regions:
/// "the capital, Lindau", "Port Aster, Ostrovia's second-largest city",
/// "Osmera, the island's main port".
pub fn settlements(seg: &Segmented, mentions: &[Mention], pack: &Pack) -> Vec<PlaceRef> {
    let tokens = &seg.tokens;
    let index = MentionIndex::new(mentions);
    let mut out = Vec::new();
    for sentence in &seg.sentences {
        let (start, end) = (sentence.tokens.start, sentence.tokens.end);
        for i in start..end {
            // "the capital, Lindau".
            if tokens[i].norm == "the"
                && i + 3 < end
                && SETTLEMENTS.contains(&tokens[i + 1].norm.as_str())
                && tokens[i + 2].norm == ","
                && let Some((place, _)) = place_at(tokens, mentions, &index, pack, i + 3, end)
            {
                out.push(place);
            }
            // "Port Aster, Ostrovia's second-largest city", "Osmera, the island's main port".
            if tokens[i].norm == ","
                && i > start
                && (i + 2..(i + 7).min(end)).any(|k| SETTLEMENTS.contains(&tokens[k].norm.as_str()))
            {
                let mut first = i;
                while first > start && tokens[first - 1].capitalized && tokens[first - 1].kind == TokenKind::Word {
                    first -= 1;
                }
                if first < i
                    && let Some((place, next)) = place_at(tokens, mentions, &index, pack, first, i)
                    && next == i
                {
                    out.push(place);
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A place named at token `pos`: a pack place, or a capitalised word that is no known entity.
fn place_at(
    tokens: &[Token],
    mentions: &[Mention],
    index: &MentionIndex,
    pack: &Pack,
    pos: usize,
    end: usize,
) -> Option<(PlaceRef, usize)> {
    if let Some(m) = index.starting_at(pos) {
        let mention = &mentions[m];
        return match (&mention.name, mention.kind) {
            (super::mentions::NameRef::Pack(idx), EntityKind::Place) => {
                Some((PlaceRef::Pack(*idx), mention.tokens.end))
            }
            _ => None,
        };
    }
    // "the capital, Lindau", "the port city of Osmera": the place is named after its kind.
    if tokens[pos].norm == "the" && pos + 3 < end && SETTLEMENTS.contains(&tokens[pos + 1].norm.as_str()) {
        let named = match tokens[pos + 2].norm.as_str() {
            "," | "of" => pos + 3,
            _ => end,
        };
        if named < end {
            return place_at(tokens, mentions, index, pack, named, end);
        }
    }
    let t = &tokens[pos];
    if t.kind == TokenKind::Word
        && t.capitalized
        && !pack.lexicon.not_names.contains(&t.norm)
        && !pack.lexicon.event_nouns.contains(&t.norm)
        && !pack.adjectives.contains_key(t.norm.as_str())
    {
        let mut next = pos + 1;
        while next < end
            && tokens[next].kind == TokenKind::Word
            && tokens[next].capitalized
            && !pack.lexicon.event_nouns.contains(&tokens[next].norm)
        {
            next += 1;
        }
        let name = tokens[pos..next]
            .iter()
            .map(|t| t.norm.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        return Some((PlaceRef::Named(name), next));
    }
    None
}

/// Places named as an event's venue: a city right before an event noun ("the Istanbul
/// talks") or after it ("talks in Istanbul"). The most frequent one is what an
/// article's "did not attend" refers to.
pub fn venues(seg: &Segmented, mentions: &[Mention], pack: &Pack) -> Vec<PlaceRef> {
    let tokens = &seg.tokens;
    let is_event = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| pack.lexicon.event_nouns.contains(&t.norm))
    };
    let mut out = Vec::new();
    for m in mentions {
        let super::mentions::NameRef::Pack(idx) = m.name else {
            continue;
        };
        if m.kind != EntityKind::Place || !is_venue(&PlaceRef::Pack(idx), pack) {
            continue;
        }
        let before = m.tokens.start;
        let after_noun = before >= 2 && matches!(tokens[before - 1].norm.as_str(), "in" | "at") && is_event(before - 2);
        let before_noun = (m.tokens.end..m.tokens.end + 3).any(|i| {
            is_event(i)
                && (m.tokens.end..i)
                    .all(|k| tokens[k].kind == TokenKind::Word && !pack.lexicon.not_names.contains(&tokens[k].norm))
        });
        if after_noun || before_noun {
            out.push(PlaceRef::Pack(idx));
        }
    }
    out
}
