//! Leader claims: who led a delegation, a team, a mission.
//!
//! One leader per group is a functional slot: two sources naming different
//! leaders of the same group at the same event contradict each other. The forms
//! read here:
//!
//! - passive: "the Corvian delegation was led by X", "Ukraine's team, headed by X,",
//!   "was co-led by X and Y", and fronted "Led by X, the Russian delegation …";
//! - active: "X led the Corvian delegation", "X, who heads Ukraine's team",
//!   "sending X to lead Ukraine's team", "X will lead the team" (planned, so not
//!   an assertion);
//! - apposition: "X, head of the Russian delegation", "the head of the Russian
//!   delegation, X". A "deputy head" is not the leader.
//!
//! A group's key is its owner (a possessive, a demonym, "of Ukraine") and its
//! noun with the words that narrow it: "technical team" is not "team".

use std::ops::Range;

use super::event::{EventCue, cue};
use super::mentions::Mention;
use super::modality::{Cues, Modality, context_cues};
use super::presence::{Context, subject_left};
use crate::pack::{EntityKind, Pack, Polarity};
use crate::text::{Sentence, Token, TokenKind};

/// Which group a claim is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GroupKey {
    /// Who the group belongs to: a pack entity id ("ukraine"), or the folded
    /// word of the text ("corvian", "corvia"); `None` when the text does not say.
    pub owner: Option<String>,
    /// The group noun with its narrowing words: "delegation", "technical team".
    pub noun: String,
}

/// "The Corvian delegation was led by Jana Mirek."
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaderClaim {
    /// The leaders named, as indices into the document's mentions.
    pub leaders: Vec<usize>,
    pub group: GroupKey,
    /// "co-led": the leaders named may share the post with others.
    pub co: bool,
    pub polarity: Polarity,
    pub modality: Modality,
    /// The words that carry the claim.
    pub span: Range<usize>,
    pub sentence: usize,
    pub cue: EventCue,
}

/// Words before a group noun that do not change which group it is.
const GROUP_FILLERS: &[&str] = &[
    "official",
    "full",
    "large",
    "small",
    "whole",
    "entire",
    "own",
    "new",
    "negotiating",
    "high-level",
    "senior",
    "national",
    "government",
    "state",
    "formal",
    "-",
    "level",
    "high",
    "member",
    "strong",
];

const DETERMINERS: &[&str] = &["the", "its", "their", "his", "her", "a", "an", "this", "that"];

/// Verbs that put someone at the head of a group: "sending X to lead the team".
const SENDING: &[&str] = &[
    "sending",
    "sent",
    "send",
    "sends",
    "named",
    "names",
    "appointed",
    "appoints",
    "picked",
    "chose",
    "tapped",
    "dispatched",
    "dispatching",
];

/// A group noun phrase: its key and its token range.
struct Group {
    key: GroupKey,
    tokens: Range<usize>,
}

/// Extracts leader claims from one sentence.
pub fn extract(ctx: &Context, sentence_idx: usize, sentence: &Sentence, out: &mut Vec<LeaderClaim>) {
    let tokens = &ctx.seg.tokens;
    let lx = &ctx.pack.lexicon;
    let range = sentence.tokens.clone();
    // Read once, and only for a sentence that makes a claim.
    let mut event = None;
    for p in range.clone() {
        let t = &tokens[p];
        // "head" is both a verb ("heads the team") and a noun ("head of the team").
        let verb = || {
            lx.leader_verbs
                .contains(&t.norm)
                .then(|| passive(ctx, sentence, p).or_else(|| active(ctx, sentence, p)))
                .flatten()
        };
        let noun = || {
            lx.leader_nouns
                .contains(&t.norm)
                .then(|| apposition(ctx, sentence, p))
                .flatten()
        };
        let found = verb().or_else(noun);
        let Some(found) = found else { continue };
        let mut cues = found.cues;
        let forced = context_cues(
            ctx.seg,
            sentence,
            lx,
            found.tokens.start,
            p,
            found.tokens.end,
            &mut cues,
        );
        let modality = forced.unwrap_or_else(|| cues.modality());
        let polarity = if cues.negations % 2 == 1 {
            Polarity::Denied
        } else {
            Polarity::Affirmed
        };
        out.push(LeaderClaim {
            leaders: found.leaders,
            group: found.group,
            co: found.co,
            polarity,
            modality,
            span: tokens[found.tokens.start].span.start..tokens[found.tokens.end - 1].span.end,
            sentence: sentence_idx,
            cue: event.get_or_insert_with(|| cue(tokens, range.clone(), lx)).clone(),
        });
    }
}

/// A match before its modality is read.
struct Found {
    leaders: Vec<usize>,
    group: GroupKey,
    co: bool,
    cues: Cues,
    /// The claim's tokens, from its first to its last word.
    tokens: Range<usize>,
}

/// "the delegation [, ] [was] [co-]led by X [and Y]" and "Led by X, the delegation".
fn passive(ctx: &Context, sentence: &Sentence, verb: usize) -> Option<Found> {
    let tokens = &ctx.seg.tokens;
    let end = sentence.tokens.end;
    if verb + 1 >= end || tokens[verb + 1].norm != "by" {
        return None;
    }
    let co = verb >= 2 && tokens[verb - 1].norm == "-" && tokens[verb - 2].norm == "co";
    let (leaders, after) = people_right(ctx, verb + 2, end)?;
    let mut cues = Cues::default();
    // Walk left over "co-", auxiliaries and a comma to the group noun.
    let mut j = if co { verb - 2 } else { verb };
    let mut steps = 0;
    while j > sentence.tokens.start && steps < 5 {
        let t = &tokens[j - 1];
        if t.norm == ","
            || ctx.pack.lexicon.auxiliaries.contains(&t.norm)
            || ctx.pack.lexicon.negation.contains(&t.norm)
        {
            cues.absorb(&t.norm, &ctx.pack.lexicon);
            j -= 1;
            steps += 1;
            continue;
        }
        break;
    }
    if j > sentence.tokens.start && ctx.pack.lexicon.group_nouns.contains(&tokens[j - 1].norm) {
        let group = group_ending_at(tokens, ctx.pack, j - 1, sentence.tokens.start)?;
        return Some(Found {
            leaders,
            group: group.key,
            co,
            cues,
            tokens: group.tokens.start..after,
        });
    }
    // Fronted: "Led by X, the Russian delegation arrived".
    let first = if co { verb - 2 } else { verb };
    if first == sentence.tokens.start && after + 1 < end && tokens[after].norm == "," {
        let group = group_starting_at(tokens, ctx.pack, after + 1, end)?;
        return Some(Found {
            leaders,
            group: group.key,
            co,
            cues,
            tokens: first..group.tokens.end,
        });
    }
    None
}

/// "X led the delegation", "X, who heads Ukraine's team", "X will lead the team".
fn active(ctx: &Context, sentence: &Sentence, verb: usize) -> Option<Found> {
    let tokens = &ctx.seg.tokens;
    let group = group_starting_at(tokens, ctx.pack, verb + 1, sentence.tokens.end)?;
    let co = verb >= 2 && tokens[verb - 1].norm == "-" && tokens[verb - 2].norm == "co";
    let from = if co { verb - 2 } else { verb };
    // "Kyiv is sending Rustem Umerov to lead its team", "named X to head the delegation".
    if from >= 2
        && tokens[from - 1].norm == "to"
        && let Some(m) = ctx.index.ending_at(from - 2)
        && ctx.mentions[m].kind == EntityKind::Person
    {
        let name_start = ctx.mentions[m].tokens.start;
        let phrase_start = ctx.mentions[m].title.as_ref().map_or(name_start, |t| t.first_token);
        if phrase_start > sentence.tokens.start && SENDING.contains(&tokens[phrase_start - 1].norm.as_str()) {
            return Some(Found {
                leaders: vec![m],
                group: group.key,
                co,
                cues: Cues::default(),
                tokens: name_start..group.tokens.end,
            });
        }
    }
    let subject = subject_left(
        &ctx.seg.tokens,
        ctx.mentions,
        ctx.index,
        ctx.pack,
        from,
        sentence.tokens.start,
    )?;
    // A deputy "heading" a working group is not the delegation's leader.
    Some(Found {
        leaders: subject.people,
        group: group.key,
        co,
        cues: subject.cues,
        tokens: subject.start..group.tokens.end,
    })
}

/// "X, head of the Russian delegation" and "the head of the Russian delegation, X".
fn apposition(ctx: &Context, sentence: &Sentence, noun: usize) -> Option<Found> {
    let tokens = &ctx.seg.tokens;
    let (start, end) = (sentence.tokens.start, sentence.tokens.end);
    if noun + 2 >= end || tokens[noun + 1].norm != "of" {
        return None;
    }
    // "deputy head", "co-head", "former head" are not the leader now.
    if noun > start
        && matches!(
            tokens[noun - 1].norm.as_str(),
            "deputy" | "vice" | "-" | "former" | "ex" | "assistant"
        )
    {
        return None;
    }
    let group = group_starting_at(tokens, ctx.pack, noun + 2, end)?;
    // "X, head of …": the person before the comma.
    if noun >= start + 2 && tokens[noun - 1].norm == "," {
        let m = ctx.index.ending_at(noun - 2)?;
        let mention = &ctx.mentions[m];
        if mention.kind != EntityKind::Person {
            return None;
        }
        return Some(Found {
            leaders: vec![m],
            group: group.key,
            co: false,
            cues: Cues::default(),
            tokens: mention.tokens.start..group.tokens.end,
        });
    }
    // "the head of the delegation, X".
    let after = group.tokens.end;
    if after + 1 < end && tokens[after].norm == "," {
        let (leaders, last) = people_right(ctx, after + 1, end)?;
        let first = if noun > start && tokens[noun - 1].norm == "the" {
            noun - 1
        } else {
            noun
        };
        return Some(Found {
            leaders,
            group: group.key,
            co: false,
            cues: Cues::default(),
            tokens: first..last,
        });
    }
    None
}

/// People named from token `pos` on, titles included: "Deputy Trade Minister Jana Mirek",
/// "Commerce Minister Dmitar Kovel and Agriculture Minister Nadia Ferro".
/// Returns the mentions and the token after the last one.
fn people_right(ctx: &Context, mut pos: usize, end: usize) -> Option<(Vec<usize>, usize)> {
    let tokens = &ctx.seg.tokens;
    let mut people = Vec::new();
    loop {
        let m = person_at(ctx.mentions, pos, end)?;
        people.push(m);
        pos = ctx.mentions[m].tokens.end;
        let mut next = pos;
        if next < end && tokens[next].norm == "," {
            next += 1;
        }
        if next < end && matches!(tokens[next].norm.as_str(), "and" | "&") {
            next += 1;
        } else {
            return Some((people, pos));
        }
        if person_at(ctx.mentions, next, end).is_none() {
            return Some((people, pos));
        }
        pos = next;
    }
}

/// The person mention whose name or title starts at token `pos`, or a few
/// capitalised words later ("Commerce Minister Dmitar Kovel" when the lexicon
/// reads only "Minister" as the title).
fn person_at(mentions: &[Mention], pos: usize, end: usize) -> Option<usize> {
    (pos..(pos + 3).min(end)).find_map(|p| {
        mentions.iter().position(|m| {
            m.kind == EntityKind::Person
                && (m.tokens.start == p || m.title.as_ref().is_some_and(|t| t.first_token == p))
                && (pos..p).all(|k| m.tokens.start > k)
        })
    })
}

/// A group phrase starting at `pos`: "the Corvian delegation", "Ukraine's team",
/// "the delegation of Ukraine", "its technical team".
fn group_starting_at(tokens: &[Token], pack: &Pack, pos: usize, end: usize) -> Option<Group> {
    let mut k = pos;
    if k < end && DETERMINERS.contains(&tokens[k].norm.as_str()) {
        k += 1;
    }
    let limit = (k + 6).min(end);
    let noun = (k..limit).find(|&i| pack.lexicon.group_nouns.contains(&tokens[i].norm))?;
    // Everything between the determiner and the noun must be words of the phrase.
    if (k..noun).any(|i| !matches!(tokens[i].kind, TokenKind::Word | TokenKind::Number) && tokens[i].norm != "-") {
        return None;
    }
    let mut group = group_ending_at(tokens, pack, noun, pos)?;
    // "the delegation of Ukraine", "the team from Corvia".
    if group.key.owner.is_none()
        && noun + 2 < end
        && matches!(tokens[noun + 1].norm.as_str(), "of" | "from")
        && tokens[noun + 2].capitalized
    {
        let mut e = noun + 2;
        while e < end && tokens[e].capitalized && tokens[e].kind == TokenKind::Word {
            e += 1;
        }
        group.key.owner = Some(owner_key(tokens, pack, noun + 2..e));
        group.tokens.end = e;
    }
    Some(group)
}

/// A group phrase whose noun is at token `noun`, read leftwards no further than `start`.
fn group_ending_at(tokens: &[Token], pack: &Pack, noun: usize, start: usize) -> Option<Group> {
    let mut narrowing = Vec::new();
    let mut owner = None;
    let mut k = noun;
    while k > start {
        let t = &tokens[k - 1];
        if t.norm == "'s" && k >= start + 2 {
            // "Ukraine's delegation", "Corvia's team".
            let mut s = k - 1;
            while s > start && tokens[s - 1].capitalized && tokens[s - 1].kind == TokenKind::Word {
                s -= 1;
            }
            if s == k - 1 {
                return None; // "its", "the minister's": no owner we can name
            }
            owner = Some(owner_key(tokens, pack, s..k - 1));
            k = s;
            break;
        }
        if t.kind != TokenKind::Word && t.norm != "-" && t.kind != TokenKind::Number {
            break;
        }
        if t.capitalized && owner.is_none() && !DETERMINERS.contains(&t.norm.as_str()) {
            // "the Corvian delegation", "the U.S. team".
            owner = Some(owner_key(tokens, pack, k - 1..k));
            k -= 1;
            continue;
        }
        if DETERMINERS.contains(&t.norm.as_str()) {
            k -= 1;
            break;
        }
        if t.capitalized {
            break;
        }
        if !GROUP_FILLERS.contains(&t.norm.as_str()) && t.kind == TokenKind::Word {
            narrowing.insert(0, t.norm.to_string());
        }
        k -= 1;
        if noun - k > 4 {
            break;
        }
    }
    // "side", "team" and "delegation" are one group; "technical team" keeps its own words.
    let head = if narrowing.is_empty() {
        canonical_group_noun(&tokens[noun].norm)
    } else {
        tokens[noun].norm.as_str()
    };
    narrowing.push(head.to_string());
    Some(Group {
        key: GroupKey {
            owner,
            noun: narrowing.join(" "),
        },
        tokens: k..noun + 1,
    })
}

/// "side", "team", "negotiators" and "delegation" name the same group when nothing narrows them.
fn canonical_group_noun(noun: &str) -> &str {
    match noun {
        "side" | "team" | "negotiators" | "delegation" | "mission" => "delegation",
        other => other,
    }
}

/// The owner of a group: a pack entity's id where the pack knows the name or
/// demonym, else the folded words.
fn owner_key(tokens: &[Token], pack: &Pack, range: Range<usize>) -> String {
    let words: Vec<&str> = tokens[range].iter().map(|t| t.norm.as_str()).collect();
    let key = words.join(" ");
    if let Some(&idx) = pack.adjectives.get(&key) {
        return pack.entities[idx].id.clone();
    }
    if let Some(entry) = pack.names.get(&key).and_then(|entries| entries.first()) {
        return pack.entities[entry.entity].id.clone();
    }
    key
}

/// Whether two owners name the same party: equal, or a country and its demonym
/// ("corvia" / "corvian", "ukraine" / "ukrainian", "china" / "chinese"): the
/// longer is the shorter (or, for five letters or more, the shorter less its
/// last letter) plus a demonym ending. "niger" and "nigeria" stay apart.
pub fn same_owner(a: &str, b: &str) -> bool {
    const DEMONYM_ENDINGS: &[&str] = &["n", "an", "ian", "ean", "ese", "ish", "i", "ic"];
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let ending = |stem: &str| long.starts_with(stem) && DEMONYM_ENDINGS.contains(&&long[stem.len()..]);
    if short.chars().count() >= 4 && ending(short) {
        return true;
    }
    let stem = &short[..short.len() - short.chars().last().map_or(0, char::len_utf8)];
    short.chars().count() >= 5 && ending(stem)
}

#[cfg(test)]
mod tests {
    use super::same_owner;

    #[test]
    fn owners_match_their_demonyms() {
        assert!(same_owner("corvia", "corvian"));
        assert!(same_owner("ostrovia", "ostrovian"));
        assert!(same_owner("ukraine", "ukrainian"));
        assert!(!same_owner("zelensky", "zelenskyy"), "a spelling, not a demonym");
        assert!(!same_owner("austria", "australian"));
        assert!(!same_owner("corvia", "ostrovia"));
        assert!(!same_owner("iran", "iraq"));
        assert!(same_owner("china", "chinese"));
        assert!(!same_owner("niger", "nigeria"));
    }
}
