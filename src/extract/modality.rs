//! Modality: whether a claim is asserted by the writer or only reported, planned, hedged, asked or supposed.

use std::ops::Range;

use crate::pack::Lexicon;
use crate::text::{Segmented, Sentence, Token, TokenKind};

/// How a claim is put forward. Only [`Modality::Asserted`] claims can make errors or warnings.
///
/// No payload: every claim of a run keeps one to the end. Who is reported is read
/// during extraction, from [`Cues::speaker`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Modality {
    Asserted,
    /// Inside quotes or after a reporting verb.
    Reported,
    /// A plan, promise or prediction ("will attend", "plans to travel").
    Planned,
    /// Possible, rumoured or inferred ("may travel", "reportedly").
    Hedged,
    /// A question ("Will Zelensky go to Istanbul?").
    Question,
    /// A supposition ("would attend", "a potential meeting").
    Hypothetical,
}

impl Modality {
    pub fn is_asserted(&self) -> bool {
        matches!(self, Modality::Asserted)
    }

    /// Asserted by the writer, or attributed to a source the writer relays
    /// ("killed 41 people, the coast guard said"): a statement of fact either way.
    pub fn is_factual(&self) -> bool {
        matches!(self, Modality::Asserted | Modality::Reported)
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Planned => "planned",
            Modality::Hedged => "hedged",
            Modality::Question => "question",
            Modality::Hypothetical => "hypothetical",
        }
    }
}

/// Cues collected around a claim's verb.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    pub negations: usize,
    pub hedged: bool,
    pub planned: bool,
    pub hypothetical: bool,
    pub reported: bool,
    /// Who is reported, where the text names them: a byte span.
    pub speaker: Option<Range<usize>>,
}

impl Cues {
    /// Records what one word says about the claim.
    pub fn absorb(&mut self, norm: &str, lx: &Lexicon) {
        let (base, negated) = split_negation(norm);
        if negated || lx.negation.contains(base) {
            self.negations += 1;
        }
        if lx.hedge.contains(base) {
            self.hedged = true;
        }
        if lx.planned.contains(base) {
            self.planned = true;
        }
        if lx.hypothetical.contains(base) {
            self.hypothetical = true;
        }
    }

    /// The modality these cues amount to, most cautious first: a reported plan
    /// ("he will lead the team, his office said") is a plan.
    pub fn modality(&self) -> Modality {
        if self.hypothetical {
            Modality::Hypothetical
        } else if self.hedged {
            Modality::Hedged
        } else if self.planned {
            Modality::Planned
        } else if self.reported {
            Modality::Reported
        } else {
            Modality::Asserted
        }
    }
}

/// Splits a contraction into its verb and a negation flag: "won't" → ("will", true).
pub fn split_negation(norm: &str) -> (&str, bool) {
    match norm {
        "won't" => ("will", true),
        "can't" | "cannot" => ("can", true),
        "shan't" => ("shall", true),
        _ => match norm.strip_suffix("n't") {
            Some(base) if !base.is_empty() => (base, true),
            _ => (norm, false),
        },
    }
}

/// Whether the token is "May" the month rather than "may" the modal verb.
pub fn is_month_may(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    if t.norm != "may" || !t.capitalized {
        return false;
    }
    let next_is_number = tokens
        .get(i + 1)
        .is_some_and(|n| n.kind == crate::text::TokenKind::Number);
    let prev = i.checked_sub(1).map(|p| &tokens[p]);
    let prev_is_number = prev.is_some_and(|p| p.kind == crate::text::TokenKind::Number);
    let prev_is_preposition = prev.is_some_and(|p| {
        matches!(
            p.norm.as_str(),
            "in" | "on"
                | "of"
                | "since"
                | "until"
                | "by"
                | "from"
                | "early"
                | "late"
                | "mid"
                | "last"
                | "next"
                | "this"
                | "through"
                | "during"
                | "before"
                | "after"
        )
    });
    next_is_number || prev_is_number || prev_is_preposition
}

/// Reads the context of a claim whose subject starts at token `subject_start` and
/// whose wording ends at token `claim_end` (exclusive), within `sentence`.
///
/// Looks at: quotes, question marks, the words of the clause before the subject
/// (stopping at a comma or clause break: "It seems", "officials said that"), and a
/// trailing attribution (", the Kremlin said.", "according to"). Who is reported goes
/// to `cues.speaker`, a quote's speaker included.
pub fn context_cues(
    seg: &Segmented,
    sentence: &Sentence,
    lx: &Lexicon,
    subject_start: usize,
    verb: usize,
    claim_end: usize,
    cues: &mut Cues,
) -> Option<Modality> {
    let tokens = &seg.tokens;
    if let Some(q) = tokens[verb].quote {
        cues.speaker = seg.quotes[q].speaker.clone();
        return Some(Modality::Reported);
    }
    if sentence.question {
        return Some(Modality::Question);
    }
    // The clause before the subject.
    let mut k = subject_start;
    let mut steps = 0;
    while k > sentence.tokens.start && steps < 8 {
        k -= 1;
        steps += 1;
        let t = &tokens[k];
        if t.norm == "," || lx.clause_breaks.contains(&t.norm) && t.norm != "that" {
            // "If Putin comes, Zelensky will attend": a conditional clause still governs.
            if clause_has(tokens, sentence.tokens.start..k, &["if", "unless"]) {
                cues.hypothetical = true;
            }
            // A short fronted adverbial governs too: "Reportedly, …", "According to aides, …".
            if t.norm == "," && k - sentence.tokens.start <= 4 {
                for fronted in &tokens[sentence.tokens.start..k] {
                    if lx.reporting.contains(&fronted.norm) {
                        cues.reported = true;
                    }
                    cues.absorb(&fronted.norm, lx);
                }
            }
            break;
        }
        if lx.reporting.contains(&t.norm) {
            cues.reported = true;
            // "Admiral Brask said 29 …": the words before the verb name the speaker.
            let first = (sentence.tokens.start..k)
                .rev()
                .take_while(|&i| tokens[i].norm != "," && !lx.clause_breaks.contains(&tokens[i].norm))
                .last();
            if let Some(first) = first {
                cues.speaker = Some(tokens[first].span.start..tokens[k - 1].span.end);
            }
        }
        if is_month_may(tokens, k) {
            continue;
        }
        cues.absorb(&t.norm, lx);
    }
    // "according to" anywhere, or a trailing ", X said." after the claim.
    let rest = claim_end..sentence.tokens.end;
    if clause_has(tokens, sentence.tokens.clone(), &["according"]) {
        cues.reported = true;
    }
    if let Some(comma) = rest.clone().find(|&i| tokens[i].norm == ",") {
        let tail = comma + 1..sentence.tokens.end;
        let tail_len = tail.len();
        if tail_len <= 7
            && let Some(verb) = tail.clone().find(|&i| lx.reporting.contains(&tokens[i].norm))
        {
            cues.reported = true;
            // ", the coast guard said" or ", said Admiral Brask".
            let words: Vec<usize> = if verb > tail.start {
                (tail.start..verb).collect()
            } else {
                (verb + 1..tail.end)
                    .take_while(|&i| tokens[i].kind != TokenKind::Punct)
                    .collect()
            };
            if let (Some(&a), Some(&b)) = (words.first(), words.last()) {
                cues.speaker = Some(tokens[a].span.start..tokens[b].span.end);
            }
        }
    }
    None
}

fn clause_has(tokens: &[Token], range: Range<usize>, words: &[&str]) -> bool {
    range.into_iter().any(|i| words.contains(&tokens[i].norm.as_str()))
}
