//! Findings over small articles, shared by the snapshot tests of every renderer.

use std::ops::Range;

use crate::diagnostic::{Finding, Label, Severity};

use super::{SourceFile, Summary};

/// A test case: files, the findings over them, and the summary a run would print.
pub struct Case {
    pub files: Vec<(&'static str, String)>,
    pub findings: Vec<Finding>,
}

impl Case {
    pub fn files(&self) -> Vec<SourceFile<'_>> {
        self.files
            .iter()
            .map(|(name, source)| SourceFile { name, source })
            .collect()
    }

    pub fn summary(&self) -> Summary {
        Summary::tally(&self.findings, self.files.len(), 0)
    }
}

/// The byte range of the `nth` (0-based) occurrence of `needle` in `source`.
fn span(source: &str, needle: &str, nth: usize) -> Range<usize> {
    let start = source
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in fixture"))
        .0;
    start..start + needle.len()
}

fn label(doc: usize, source: &str, needle: &str, message: &str) -> Label {
    Label {
        doc,
        span: span(source, needle, 0),
        message: message.into(),
    }
}

const BLOG: &str = "\
---
title: Zelensky Was in Istanbul, Putin Was Not
outlet: The Daily Take
date: 2025-05-16
---

# Zelensky Was in Istanbul, Putin Was Not

The Ukrainian leader's trip was a gamble, aides said.
";

const WIRE: &str = "\
---
title: Russia-Ukraine talks falter in Istanbul
outlet: Wire Service
date: 2025-05-16
---

ISTANBUL, May 16, 2025 — The first direct talks in three years ended after less than two hours, with Ukraine's delegation led by Defense Minister Rustem Umerov.

Putin stayed away from Istanbul despite calls to appear in person.
Zelensky, in turn, decided not to attend.
";

/// A presence conflict: the blog's headline against two lines of the wire story.
pub fn two_file_conflict() -> Case {
    Case {
        findings: vec![Finding {
            code: "presence-conflict".into(),
            severity: Severity::Error,
            message: "sources disagree on whether Volodymyr Zelensky attended the Istanbul talks".into(),
            help: Some("2 sources say he did not attend, 1 says he did".into()),
            labels: vec![
                Label {
                    doc: 0,
                    span: span(BLOG, "Zelensky Was in Istanbul", 1),
                    message: "says he was there".into(),
                },
                label(
                    1,
                    WIRE,
                    "Zelensky, in turn, decided not to attend",
                    "says he did not attend",
                ),
                label(
                    1,
                    WIRE,
                    "delegation led by Defense Minister Rustem Umerov",
                    "says Umerov led the delegation",
                ),
            ],
        }],
        files: vec![
            ("blog/zelensky-was-in-istanbul.md", BLOG.into()),
            ("wire/talks-falter.md", WIRE.into()),
        ],
    }
}

const TRUMP: &str = "\
WASHINGTON, May 14, 2025 — Former President Donald Trump told reporters at the White House.
";

/// A stale title in one file.
pub fn single_file() -> Case {
    Case {
        findings: vec![Finding {
            code: "stale-title".into(),
            severity: Severity::Warning,
            message: "Donald Trump is called \"former President\" but held that office on 2025-05-14".into(),
            help: Some("he has been President of the United States since 2025-01-20".into()),
            labels: vec![label(0, TRUMP, "Former President Donald Trump", "written 2025-05-14")],
        }],
        files: vec![("politics/briefing.txt", TRUMP.into())],
    }
}

const ERDOGAN: &str = "\
“We are ready to host the next round,” said Türkiye’s president, Recep Tayyip Erdoğan.\r
Later, Erdogan’s office confirmed the date.\r
";

/// A spelling variant after curly quotes and a dotless-g name, in a CRLF file.
pub fn multibyte() -> Case {
    Case {
        findings: vec![Finding {
            code: "spelling-variant".into(),
            severity: Severity::Advice,
            message: "\"Erdogan\" and \"Erdoğan\" name the same person".into(),
            help: Some("spell the name one way throughout: Erdoğan".into()),
            labels: vec![
                label(0, ERDOGAN, "Erdogan", "spelled without ğ"),
                label(0, ERDOGAN, "Recep Tayyip Erdoğan", "spelled with ğ"),
            ],
        }],
        files: vec![("world/turkiye-hosts.md", ERDOGAN.into())],
    }
}

/// A 1,100-character scraped paragraph on one line, with the label in its middle.
pub fn long_line() -> Case {
    let before = "The strike hit a residential block on the edge of the city shortly after \
        dawn, when most residents were still asleep, and rescuers worked through the morning \
        to pull survivors from the rubble while air-raid sirens sounded again and again across \
        the region. Regional officials said the building had no military purpose and that \
        emergency crews were hampered by a second strike on the same site. Witnesses described \
        a flash and then a roar, and neighbours in nearby buildings said their windows were \
        blown in. ";
    let after = " Officials said the toll was likely to rise as crews reached the lower floors, \
        and hospitals in the city appealed for blood donors. The attack came hours before \
        delegations were due to meet in Istanbul, and both sides traded accusations over who \
        had derailed earlier efforts to agree a ceasefire. A spokesman for the regional \
        administration said a day of mourning would be declared on Saturday, and that schools \
        would stay closed for the rest of the week.";
    let scraped = format!(
        "Killed in Sumy\n\n{before}At least 27 people were killed, including two children, the regional governor said.{after}\n"
    );
    let brief = "At least 31 people were killed in the strike on Sumy, officials said.\n";
    Case {
        findings: vec![Finding {
            code: "count-conflict".into(),
            severity: Severity::Error,
            message: "sources give different death tolls for the Sumy strike".into(),
            help: Some("counts may differ by time of writing; cite the source and time".into()),
            labels: vec![
                label(0, &scraped, "At least 27 people were killed", "27 killed"),
                label(1, brief, "At least 31 people were killed", "31 killed"),
            ],
        }],
        files: vec![("scraped/sumy-strike.html", scraped), ("brief/sumy.md", brief.into())],
    }
}

/// No findings over two files.
pub fn empty() -> Case {
    Case {
        findings: vec![],
        files: vec![("a.md", "Nothing to see.\n".into()), ("b.md", "Nor here.\n".into())],
    }
}
