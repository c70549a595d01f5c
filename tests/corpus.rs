//! The corpus test: real published reports read by the library, compared with
//! expectations read by hand (`tests/corpus/README.md`).
//!
//! Prints, per document and in total: facts expected, found right, wrong, missing,
//! extra; error findings real and false; real inconsistencies found and missed.
//! Fails on any wrong value, any false error finding, any missed inconsistency,
//! or recall below the bar, as `tests/corpus/baseline.toml` sets them.
//!
//! - `CORPUS_ONLY=201,305_x`: only documents whose name starts with one of these.
//! - `CORPUS_VERBOSE=1`: list missing and extra facts too.
//! - `CORPUS_RESULTS=1`: write the summary to `tests/corpus/RESULTS.md`.

#![allow(clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use juesuan::{
    Disclosure, FactId, Finding, Severity, Unit, audit, disclosure::Value, fact::FactKind,
    text::parse_report,
};
use rust_decimal::Decimal;
use serde::Deserialize;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expectation {
    fiscal_year: Option<u16>,
    unit: String,
    #[serde(default)]
    facts: BTreeMap<String, OneOrMany>,
    #[serde(default)]
    indicators: Vec<Indicator>,
    #[serde(default)]
    inconsistencies: Vec<Inconsistency>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn values(&self) -> Vec<&str> {
        match self {
            OneOrMany::One(v) => vec![v.as_str()],
            OneOrMany::Many(vs) => vs.iter().map(String::as_str).collect(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Indicator {
    label: String,
    value: String,
    unit: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Inconsistency {
    rule: String,
    severity: String,
    facts: Vec<String>,
    arithmetic: String,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Baseline {
    max_wrong: usize,
    max_false_errors: usize,
    max_missed_inconsistencies: usize,
    min_recall_percent: u32,
    /// While the corpus is being read: texts without an expectation file are
    /// listed but do not fail the test.
    #[serde(default)]
    allow_missing_expectations: bool,
}

/// A figure's value, comparable across units: amounts in 元.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Norm {
    Number(Decimal),
    Yuan(Decimal),
}

impl std::fmt::Display for Norm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Norm::Number(d) => write!(f, "{}", d.normalize()),
            Norm::Yuan(d) => write!(f, "{}元", d.normalize()),
        }
    }
}

fn norm(value: &Value) -> Option<Norm> {
    Some(match value {
        Value::Amount(a) => {
            let yuan = a.to_unit(Unit::Yuan).ok()?;
            Norm::Yuan(yuan.value())
        }
        Value::Percent(p) => Norm::Number(p.value()),
        Value::Count(c) => Norm::Number(Decimal::from(*c)),
        Value::SignedCount(c) => Norm::Number(Decimal::from(*c)),
        Value::Quantity(q) => Norm::Number(*q),
        _ => return None,
    })
}

fn is_scored(id: &FactId) -> bool {
    id.kind() != FactKind::Text && !id.as_str().starts_with("document.")
}

#[derive(Debug, Default, Clone, Copy)]
struct Score {
    expected: usize,
    right: usize,
    wrong: usize,
    missing: usize,
    extra: usize,
    errors_real: usize,
    errors_false: usize,
    inconsistencies: usize,
    found: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.expected += o.expected;
        self.right += o.right;
        self.wrong += o.wrong;
        self.missing += o.missing;
        self.extra += o.extra;
        self.errors_real += o.errors_real;
        self.errors_false += o.errors_false;
        self.inconsistencies += o.inconsistencies;
        self.found += o.found;
    }

    fn missed(&self) -> usize {
        self.inconsistencies - self.found
    }

    fn row(&self, name: &str) -> String {
        format!(
            "| {name} | {} | {} | {} | {} | {} | {} | {} | {}/{} |",
            self.expected,
            self.right,
            self.wrong,
            self.missing,
            self.extra,
            self.errors_real,
            self.errors_false,
            self.found,
            self.inconsistencies
        )
    }
}

struct Doc {
    name: String,
    text: String,
    expect: Expectation,
}

fn documents() -> (Vec<Doc>, Vec<String>, Vec<String>) {
    let only: Vec<String> = std::env::var("CORPUS_ONLY")
        .map(|s| s.split(',').map(str::to_owned).collect())
        .unwrap_or_default();
    let dir = Path::new(CORPUS).join("docs");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/corpus/docs")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    let mut unread = Vec::new();
    for path in paths {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a UTF-8 name")
            .to_owned();
        if !only.is_empty() && !only.iter().any(|o| name.starts_with(o.as_str())) {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a UTF-8 text");
        let toml_path = path.with_extension("toml");
        let Ok(source) = std::fs::read_to_string(&toml_path) else {
            unread.push(name);
            continue;
        };
        match toml::from_str::<Expectation>(&source) {
            Ok(expect) => docs.push(Doc { name, text, expect }),
            Err(e) => problems.push(format!("{name}.toml: {e}")),
        }
    }
    (docs, problems, unread)
}

/// The expected values by fact id, each normalised; problems with the file go to
/// `problems`.
fn expected_facts(doc: &Doc, problems: &mut Vec<String>) -> BTreeMap<FactId, BTreeSet<Norm>> {
    let unit = match doc.expect.unit.as_str() {
        "万元" => Unit::WanYuan,
        "元" => Unit::Yuan,
        other => {
            problems.push(format!("{}: unit {other:?}: expected 万元 or 元", doc.name));
            Unit::WanYuan
        }
    };
    let mut out: BTreeMap<FactId, BTreeSet<Norm>> = BTreeMap::new();
    for (id, values) in &doc.expect.facts {
        let fact_id = match id.parse::<FactId>() {
            Ok(f) => f,
            Err(e) => {
                problems.push(format!("{}: {e}", doc.name));
                continue;
            }
        };
        if !is_scored(&fact_id) {
            problems.push(format!(
                "{}: {id} is not a figure (text or document facts are not listed)",
                doc.name
            ));
            continue;
        }
        for v in values.values() {
            match Value::parse(&fact_id, v, unit).map(|v| norm(&v)) {
                Ok(Some(n)) => {
                    out.entry(fact_id.clone()).or_default().insert(n);
                }
                Ok(None) => problems.push(format!("{}: {id} = {v:?}: not a figure", doc.name)),
                Err(e) => problems.push(format!("{}: {id} = {v:?}: {e}", doc.name)),
            }
        }
    }
    out
}

fn severity_of(s: &str) -> Option<Severity> {
    match s {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        _ => None,
    }
}

fn finding_ids(f: &Finding) -> BTreeSet<String> {
    f.facts().iter().map(|id| id.as_str().to_owned()).collect()
}

fn location(fact: &juesuan::disclosure::Fact) -> String {
    fact.span()
        .map(|s| format!(" at {}:{}", s.line, s.column))
        .unwrap_or_default()
}

fn score(doc: &Doc, problems: &mut Vec<String>, report: &mut String) -> Score {
    let expected = expected_facts(doc, problems);
    for inc in &doc.expect.inconsistencies {
        if severity_of(&inc.severity).is_none() {
            problems.push(format!(
                "{}: inconsistency {}: severity {:?}: expected error or warning",
                doc.name, inc.rule, inc.severity
            ));
        }
        if inc.facts.is_empty() || inc.arithmetic.trim().is_empty() {
            problems.push(format!(
                "{}: inconsistency {}: facts and arithmetic are required",
                doc.name, inc.rule
            ));
        }
        for id in &inc.facts {
            if let Err(e) = id.parse::<FactId>() {
                problems.push(format!("{}: inconsistency {}: {e}", doc.name, inc.rule));
            }
        }
        if juesuan::audit::rules().iter().all(|r| r.id != inc.rule) {
            problems.push(format!(
                "{}: inconsistency rule {:?} is not an audit rule",
                doc.name, inc.rule
            ));
        }
    }
    let parsed = parse_report(&doc.text);
    let d: &Disclosure = &parsed.disclosure;
    let mut s = Score {
        expected: expected.len() + doc.expect.indicators.len(),
        ..Score::default()
    };
    let mut lines = Vec::new();
    let verbose = std::env::var_os("CORPUS_VERBOSE").is_some();
    let mut seen = BTreeSet::new();
    if let (Some(want), Some(got)) = (doc.expect.fiscal_year, d.fiscal_year()) {
        if got.year() != i32::from(want) {
            s.wrong += 1;
            lines.push(format!("  WRONG   fiscal year {got}, expected {want}"));
        }
    }
    for (id, facts) in d.iter() {
        if !is_scored(id) {
            continue;
        }
        let got: Vec<(Norm, String)> = facts
            .iter()
            .filter_map(|f| norm(f.value()).map(|n| (n, location(f))))
            .collect();
        match expected.get(id) {
            Some(want) => {
                seen.insert(id.clone());
                let bad: Vec<&(Norm, String)> =
                    got.iter().filter(|(n, _)| !want.contains(n)).collect();
                if bad.is_empty() {
                    s.right += 1;
                } else {
                    s.wrong += 1;
                    for (n, at) in bad {
                        let want: Vec<String> = want.iter().map(ToString::to_string).collect();
                        lines.push(format!(
                            "  WRONG   {id} = {n}{at}, expected {}",
                            want.join(" | ")
                        ));
                    }
                }
            }
            None => {
                s.extra += 1;
                for (n, at) in &got {
                    lines.push(format!("  extra   {id} = {n}{at}"));
                }
            }
        }
    }
    for (id, want) in &expected {
        if !seen.contains(id) {
            s.missing += 1;
            if verbose {
                let want: Vec<String> = want.iter().map(ToString::to_string).collect();
                lines.push(format!("  missing {id} = {}", want.join(" | ")));
            }
        }
    }
    // Indicators: matched by value and unit, with labels that contain one another.
    let mut used = vec![false; d.indicators().len()];
    for want in &doc.expect.indicators {
        let value: Option<Decimal> = want.value.parse().ok();
        let label_fits = |got: &juesuan::disclosure::Indicator| {
            got.label().contains(want.label.as_str()) || want.label.contains(got.label())
        };
        let same = d.indicators().iter().enumerate().find(|(k, got)| {
            !used.get(*k).copied().unwrap_or(true)
                && Some(got.value()) == value
                && got.unit() == want.unit
                && label_fits(got)
        });
        if let Some((k, _)) = same {
            if let Some(u) = used.get_mut(k) {
                *u = true;
            }
            s.right += 1;
        } else if let Some(got) = d.indicators().iter().find(|got| got.label() == want.label) {
            s.wrong += 1;
            lines.push(format!(
                "  WRONG   indicator {got}, expected {}{}",
                want.value, want.unit
            ));
        } else {
            s.missing += 1;
            if verbose {
                lines.push(format!(
                    "  missing indicator {} = {}{}",
                    want.label, want.value, want.unit
                ));
            }
        }
    }
    for (got, u) in d.indicators().iter().zip(&used) {
        if !u {
            s.extra += 1;
            lines.push(format!("  extra   indicator {got}"));
        }
    }
    let findings = audit(d);
    let mut caught = vec![false; doc.expect.inconsistencies.len()];
    for f in &findings {
        let ids = finding_ids(f);
        let mut matched = false;
        for (k, inc) in doc.expect.inconsistencies.iter().enumerate() {
            let overlaps = inc.facts.iter().any(|id| ids.contains(id));
            let severe_enough = match severity_of(&inc.severity) {
                Some(Severity::Error) => f.severity() == Severity::Error,
                _ => f.severity() >= Severity::Warning,
            };
            if overlaps && severe_enough {
                matched = true;
                if let Some(c) = caught.get_mut(k) {
                    *c = true;
                }
                if inc.rule != f.rule() {
                    lines.push(format!(
                        "  note    {} expected as {}, found as {}",
                        inc.facts.join(", "),
                        inc.rule,
                        f.rule()
                    ));
                }
            }
        }
        if f.severity() == Severity::Error {
            if matched {
                s.errors_real += 1;
            } else {
                s.errors_false += 1;
                let at = f
                    .span()
                    .map(|sp| format!(" at {}:{}", sp.line, sp.column))
                    .unwrap_or_default();
                lines.push(format!("  FALSE   [{}] {}{at}", f.rule(), f.message()));
            }
        }
    }
    s.inconsistencies = caught.len();
    s.found = caught.iter().filter(|c| **c).count();
    for (inc, c) in doc.expect.inconsistencies.iter().zip(&caught) {
        if !c {
            lines.push(format!(
                "  MISSED  [{}] {}: {}",
                inc.rule,
                inc.facts.join(", "),
                inc.arithmetic
            ));
        }
    }
    if !lines.is_empty() {
        let _ = writeln!(report, "{}", doc.name);
        for l in lines {
            let _ = writeln!(report, "{l}");
        }
    }
    s
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "–".to_owned();
    }
    format!("{:.1} %", part as f64 * 100.0 / whole as f64)
}

#[test]
fn corpus() {
    let (docs, mut problems, unread) = documents();
    let baseline: Baseline = std::fs::read_to_string(Path::new(CORPUS).join("baseline.toml"))
        .ok()
        .and_then(|s| toml::from_str(&s).ok())
        .unwrap_or_default();
    let mut details = String::new();
    let mut table = String::from(
        "| document | expected | right | wrong | missing | extra | errors real | errors false | inconsistencies found |\n\
         | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    let mut total = Score::default();
    for doc in &docs {
        let s = score(doc, &mut problems, &mut details);
        total.add(&s);
        table.push_str(&s.row(&doc.name));
        table.push('\n');
    }
    table.push_str(&total.row("**total**"));
    table.push('\n');
    let recall = (total.right * 100)
        .checked_div(total.expected)
        .map_or(100, |r| u32::try_from(r).unwrap_or(0));
    let summary = format!(
        "{} documents, {} facts expected: {} right ({}), {} wrong, {} missing, {} extra; \
         error findings: {} real, {} false; inconsistencies: {} of {} found",
        docs.len(),
        total.expected,
        total.right,
        percent(total.right, total.expected),
        total.wrong,
        total.missing,
        total.extra,
        total.errors_real,
        total.errors_false,
        total.found,
        total.inconsistencies
    );
    println!("{table}\n{summary}\n\n{details}");
    if std::env::var_os("CORPUS_RESULTS").is_some() {
        let results = format!(
            "# Corpus results\n\nWritten by `CORPUS_RESULTS=1 cargo test --test corpus`; \
             see `README.md` for what the columns mean.\n\n{summary}\n\n{table}"
        );
        std::fs::write(Path::new(CORPUS).join("RESULTS.md"), results).expect("RESULTS.md");
    }
    if !unread.is_empty() {
        println!(
            "{} texts without an expectation file: {}",
            unread.len(),
            unread.join(", ")
        );
        if !baseline.allow_missing_expectations {
            problems.extend(unread.iter().map(|n| format!("{n}: no expectation file")));
        }
    }
    assert!(
        problems.is_empty(),
        "expectation files are not valid:\n{}",
        problems.join("\n")
    );
    assert!(
        total.wrong <= baseline.max_wrong,
        "{} wrong values (allowed {})",
        total.wrong,
        baseline.max_wrong
    );
    assert!(
        total.errors_false <= baseline.max_false_errors,
        "{} false error findings (allowed {})",
        total.errors_false,
        baseline.max_false_errors
    );
    assert!(
        total.missed() <= baseline.max_missed_inconsistencies,
        "{} real inconsistencies missed (allowed {})",
        total.missed(),
        baseline.max_missed_inconsistencies
    );
    assert!(
        recall >= baseline.min_recall_percent,
        "recall {recall} % below {} %",
        baseline.min_recall_percent
    );
}
