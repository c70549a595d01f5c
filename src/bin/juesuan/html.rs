//! The HTML report: one self-contained page (styles and script inline, no
//! network), written with maud so that every text is escaped.
//!
//! For each report: its counts by severity; each finding with its page and
//! line, the sentence it stands in with the figures it involves
//! highlighted, its figures, a link to its place in the text and to the
//! table cells it involves; the tables as the report states them, with
//! those cells marked; and the text, line by line, with every figure a
//! finding involves marked. A small script filters findings by severity and
//! jumps from a marked figure in the text to its finding.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use juesuan::{
    Finding, Severity, audit::rules, render::Table, render::TableId, render::tables,
    stream::StreamSummary,
};

use crate::input::{Form, Unreadable};
use crate::output::{Report, SourceIndex, counted};

/// One report's part of the page.
pub struct Section {
    pub title: String,
    pub html: String,
}

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

fn severity_noun(s: Severity, n: usize) -> String {
    match s {
        Severity::Error => counted(n, "error", "errors"),
        Severity::Warning => counted(n, "warning", "warnings"),
        Severity::Info => format!("{n} info"),
    }
}

fn class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-warning",
        Severity::Info => "sev-info",
    }
}

fn description(rule: &str) -> Option<&'static str> {
    rules().iter().find(|r| r.id == rule).map(|r| r.description)
}

/// A figure a finding involves, in the text: its byte range, the most
/// serious finding that involves it, and those findings.
struct Marked {
    range: Range<usize>,
    severity: Severity,
    findings: BTreeSet<usize>,
}

/// Byte ranges in the text of the figures each finding involves (its facts'
/// statements and its own span).
fn figure_ranges(r: &Report) -> Vec<Vec<Range<usize>>> {
    let d = &r.loaded.disclosure;
    r.findings
        .iter()
        .map(|f| {
            let mut ranges: Vec<Range<usize>> = f
                .facts()
                .iter()
                .flat_map(|id| d.statements(id.as_str()))
                .filter_map(|s| s.span())
                .chain(f.span())
                .filter(|s| s.end > s.start)
                .map(|s| s.start..s.end)
                .collect();
            ranges.sort_by_key(|r| (r.start, r.end));
            ranges.dedup();
            ranges
        })
        .collect()
}

/// How a piece of text is marked: the most serious finding over it, and
/// the findings (by index).
type Mark = (Severity, BTreeSet<usize>);

/// Splits `range` of the text into pieces, marking those inside a marked
/// figure.
fn pieces<'a>(
    text: &'a str,
    range: Range<usize>,
    marks: &[&Marked],
) -> Vec<(&'a str, Option<Mark>)> {
    let mut cuts: Vec<usize> = vec![range.start, range.end];
    for m in marks {
        cuts.push(m.range.start.clamp(range.start, range.end));
        cuts.push(m.range.end.clamp(range.start, range.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    for pair in cuts.windows(2) {
        let [a, b] = pair else { continue };
        let Some(piece) = text.get(*a..*b) else {
            continue;
        };
        let covering: Vec<&&Marked> = marks
            .iter()
            .filter(|m| m.range.start <= *a && *b <= m.range.end)
            .collect();
        let mark = covering.iter().map(|m| m.severity).max().map(|s| {
            let ids: BTreeSet<usize> = covering
                .iter()
                .flat_map(|m| m.findings.iter().copied())
                .collect();
            (s, ids)
        });
        out.push((piece, mark));
    }
    out
}

/// Text with its marked figures.
fn marked_text(
    prefix: &str,
    text: &str,
    range: Range<usize>,
    marks: &[&Marked],
    rules_of: &dyn Fn(&BTreeSet<usize>) -> String,
    joined: bool,
) -> Markup {
    html! {
        @for (piece, mark) in pieces(text, range, marks) {
            @let piece = if joined { piece.replace(['\x0c', '\r', '\n'], "") } else { piece.replace(['\x0c', '\r'], "") };
            @match mark {
                Some((s, ids)) => {
                    mark.(class(s)) data-findings=(ids.iter().map(|k| format!("{prefix}-f{k}")).collect::<Vec<_>>().join(" ")) title=(rules_of(&ids)) { (piece) }
                }
                None => { (piece) }
            }
        }
    }
}

/// The facts a finding involves, per table: which tables print them.
fn table_cells(all: &[Table]) -> BTreeMap<String, Vec<TableId>> {
    let mut map: BTreeMap<String, Vec<TableId>> = BTreeMap::new();
    for t in all {
        for row in t.rows() {
            for cell in row.cells().iter().flatten() {
                if let Some(id) = cell.fact() {
                    let tables = map.entry(id.as_str().to_owned()).or_default();
                    if !tables.contains(&t.id()) {
                        tables.push(t.id());
                    }
                }
            }
        }
    }
    map
}

/// For each table that prints a fact of the finding, the first such fact.
fn first_cells<'a>(
    f: &'a Finding,
    in_tables: &BTreeMap<String, Vec<TableId>>,
) -> BTreeMap<TableId, &'a str> {
    let mut out = BTreeMap::new();
    for id in f.facts() {
        for t in in_tables.get(id.as_str()).into_iter().flatten() {
            out.entry(*t).or_insert(id.as_str());
        }
    }
    out
}

fn cell_id(prefix: &str, table: TableId, fact: &str) -> String {
    format!("{prefix}-{table}-{fact}")
}

/// One report's section.
pub fn section(r: &Report, index: usize) -> Section {
    let prefix = format!("r{index}");
    let d = &r.loaded.disclosure;
    let source = r.loaded.source.as_deref();
    let lines = source.map(SourceIndex::new);
    let all_tables = tables(d);
    let in_tables = table_cells(&all_tables);
    let ranges = figure_ranges(r);

    // Every marked figure of the text, merged across findings.
    let mut by_range: BTreeMap<(usize, usize), Marked> = BTreeMap::new();
    for (k, (f, rs)) in r.findings.iter().zip(&ranges).enumerate() {
        for range in rs {
            let m = by_range
                .entry((range.start, range.end))
                .or_insert_with(|| Marked {
                    range: range.clone(),
                    severity: f.severity(),
                    findings: BTreeSet::new(),
                });
            m.severity = m.severity.max(f.severity());
            m.findings.insert(k);
        }
    }
    let marks: Vec<&Marked> = by_range.values().collect();
    let rules_of = |ids: &BTreeSet<usize>| -> String {
        let names: BTreeSet<&str> = ids
            .iter()
            .filter_map(|k| r.findings.get(*k))
            .map(Finding::rule)
            .collect();
        names.into_iter().collect::<Vec<_>>().join(", ")
    };

    // The cells of the tables involved in a finding.
    let mut involved: BTreeMap<&str, (Severity, BTreeSet<&'static str>)> = BTreeMap::new();
    for f in &r.findings {
        for id in f.facts() {
            let e = involved
                .entry(id.as_str())
                .or_insert((f.severity(), BTreeSet::new()));
            e.0 = e.0.max(f.severity());
            e.1.insert(f.rule());
        }
    }

    let counts = r.counts();
    let count_of = |s: Severity| -> usize {
        let n = match s {
            Severity::Error => counts.error,
            Severity::Warning => counts.warning,
            Severity::Info => counts.info,
        };
        usize::try_from(n).unwrap_or(usize::MAX)
    };
    let form = match r.loaded.form {
        Form::Text => "report text",
        Form::Json => "JSON",
        Form::Pdf => "PDF",
    };

    let markup = html! {
        section.report id=(prefix) {
            h2 { (r.title()) }
            p.meta {
                code { (r.loaded.name) } " · " (form) " · "
                (counted(d.len(), "fact stated", "facts stated")) " · "
                (counted(r.findings.len(), "finding", "findings"))
            }
            ul.counts {
                @for s in SEVERITIES {
                    li class=(class(s)) { span.n { (count_of(s)) } " " (severity_noun(s, count_of(s)).split_once(' ').map_or("", |(_, w)| w)) }
                }
            }
            h3 { "Findings" }
            @if r.findings.is_empty() {
                p.clean { "No finding: every identity whose figures the report states holds exactly." }
            }
            @for (k, f) in r.findings.iter().enumerate() {
                @let t = f.span().and_then(|s| lines.as_ref().map(|l| (s, l)));
                article class=(format!("finding {}", class(f.severity()))) id=(format!("{prefix}-f{k}"))
                    data-rule=(f.rule()) data-severity=(f.severity().as_str()) {
                    header {
                        span class=(format!("badge {}", class(f.severity()))) { (f.severity().as_str()) " " (f.severity().label()) }
                        " " code.rule { (f.rule()) }
                        @if let Some(desc) = description(f.rule()) { " " span.desc { (desc) } }
                    }
                    p.message { (f.message()) }
                    p.where {
                        @if let Some((span, l)) = t {
                            @if let Some(page) = l.page(&span) { "page " (page) ", " }
                            "line " (span.line) ", column " (span.column)
                            " · " a.goto href=(format!("#{prefix}-L{}", span.line)) { "in the text" }
                        } @else {
                            "stated in " code { (r.loaded.name) } " as " code { (f.facts().first().map_or("", |id| id.as_str())) }
                        }
                        @for (t, id) in first_cells(f, &in_tables) {
                            " · " a.cell href=(format!("#{}", cell_id(&prefix, t, id))) { "in " (t) }
                        }
                    }
                    @if let (Some((span, l)), Some(text), Some(rs)) = (t, source, ranges.get(k)) {
                        @let own: Vec<&Marked> = marks.iter().copied().filter(|m| rs.contains(&m.range)).collect();
                        @let sentence = l.sentence(span.start..span.end, 450);
                        @let cut_before = sentence.start > 0 && !text.get(..sentence.start).is_some_and(|b| b.ends_with('。'));
                        @let cut_after = sentence.end < text.len() && !text.get(..sentence.end).is_some_and(|b| b.ends_with('。'));
                        blockquote.sentence {
                            @if cut_before { "…" }
                            (marked_text(&prefix, text, sentence, &own, &rules_of, true))
                            @if cut_after { "…" }
                        }
                    }
                    @if f.expected().is_some() || f.actual().is_some() {
                        dl.figures {
                            @if let Some(v) = f.expected() { dt { "expected" } dd { (v) } }
                            @if let Some(v) = f.actual() { dt { "stated" } dd { (v) } }
                            @if let Some(v) = f.difference() { dt { "difference" } dd { (v) } }
                            @if let Some(v) = f.tolerance() { dt { "tolerance" } dd { (v) } }
                        }
                    }
                    ul.facts {
                        @for id in f.facts() {
                            li {
                                code { (id.as_str()) } " " span.label { (id.label()) } ": "
                                @let stated = d.statements(id.as_str());
                                @if stated.is_empty() { span.none { "not stated" } }
                                @for s in stated {
                                    mark class=(format!("fig {}", class(f.severity()))) { (s.value()) }
                                    @if let Some(span) = s.span() {
                                        " " a.line href=(format!("#{prefix}-L{}", span.line)) { "line " (span.line) }
                                    }
                                    " "
                                }
                            }
                        }
                    }
                }
            }
            @if !all_tables.is_empty() {
                h3 { "Tables, as the report states them" }
                p.legend {
                    span.legend-involved { "outlined" } ": a cell a finding involves; "
                    span.legend-derived { "grey italics" } ": not stated, determined by the stated figures through an identity"
                }
                @for t in &all_tables {
                    (table(&prefix, d.unit().label(), t, &involved))
                }
            }
            @if !r.loaded.diagnostics.is_empty() {
                h3 { "What the reader skipped" }
                ul.notes {
                    @for n in &r.loaded.diagnostics {
                        li {
                            span.level { (n.level.as_str()) } " " (n.message) " · "
                            a href=(format!("#{prefix}-L{}", n.span.line)) { "line " (n.span.line) }
                        }
                    }
                }
            }
            @if let (Some(text), Some(l)) = (source, &lines) {
                h3 { "The text" }
                (source_text(&prefix, text, l, &marks, &rules_of))
            }
        }
    };
    Section {
        title: r.title(),
        html: markup.into_string(),
    }
}

/// The whole text, line by line, with the marked figures.
fn source_text(
    prefix: &str,
    text: &str,
    lines: &SourceIndex<'_>,
    marks: &[&Marked],
    rules_of: &dyn Fn(&BTreeSet<usize>) -> String,
) -> Markup {
    let mut per_line: BTreeMap<usize, Vec<&Marked>> = BTreeMap::new();
    for m in marks {
        let first = lines.line_of(m.range.start);
        let last = lines.line_of(m.range.end.saturating_sub(1)).max(first);
        for n in first..=last {
            per_line.entry(n).or_default().push(m);
        }
    }
    // Each line with the page it starts (when a form feed opens it).
    let mut page = 1;
    let mut numbered = Vec::new();
    for n in 1..=lines.lines() {
        let Some(range) = lines.line_range(n) else {
            continue;
        };
        let breaks = text
            .get(range.clone())
            .map_or(0, |l| l.matches('\x0c').count());
        let opens = (breaks > 0).then(|| {
            page += breaks;
            page
        });
        numbered.push((n, range, opens));
    }
    html! {
        div.source {
            @for (n, range, opens) in numbered {
                @if let Some(page) = opens {
                    div.page { "page " (page) }
                }
                div.l id=(format!("{prefix}-L{n}")) {
                    a.n href=(format!("#{prefix}-L{n}")) { (n) }
                    span.c {
                        (marked_text(prefix, text, range, per_line.get(&n).map_or(&[][..], Vec::as_slice), rules_of, false))
                    }
                }
            }
        }
    }
}

/// A table, with its cells marked.
fn table(
    prefix: &str,
    unit: &str,
    t: &Table,
    involved: &BTreeMap<&str, (Severity, BTreeSet<&'static str>)>,
) -> Markup {
    let codes = t.rows().iter().any(|r| r.code().is_some());
    let cell = |c: Option<&juesuan::render::Cell>| -> Markup {
        let Some(c) = c else {
            return html! { td.num {} };
        };
        match c.fact() {
            None => {
                html! { td.num.derived title="determined by the stated figures" { (c.text()) } }
            }
            Some(id) => match involved.get(id.as_str()) {
                Some((s, rules)) => html! {
                    td class=(format!("num involved {}", class(*s))) id=(cell_id(prefix, t.id(), id.as_str()))
                        title=(format!("{} · {}", id.as_str(), rules.iter().copied().collect::<Vec<_>>().join(", "))) { (c.text()) }
                },
                None => {
                    html! { td.num id=(cell_id(prefix, t.id(), id.as_str())) title=(id.as_str()) { (c.text()) } }
                }
            },
        }
    };
    let row_cells = |row: Option<&juesuan::render::Row>| -> Markup {
        html! {
            @match row {
                Some(row) => {
                    @if codes { td.code { (row.code().unwrap_or("")) } }
                    @let depth = (row.name().len() - row.name().trim_start().len()) / 2;
                    td.name style=(format!("padding-left: calc(0.5em + {depth}em)")) { (row.name().trim_start()) }
                    @for c in row.cells() { (cell(c.as_ref())) }
                }
                None => {
                    @if codes { td.code {} }
                    td.name {}
                    @for _ in t.columns() { td.num {} }
                }
            }
        }
    };
    let head = html! {
        @if codes { th { "科目编码" } }
        th { "项目" }
        @for c in t.columns() { th { (c) } }
    };
    let width = t.columns().len() + if codes { 2 } else { 1 };
    html! {
        table.t id=(format!("{prefix}-{}", t.id())) {
            caption { (t.id()) " " (t.id().title()) " " span.unit { "（单位：" (unit) "）" } }
            @match t.sides() {
                Some(sides) => {
                    thead {
                        tr { th colspan=(width) { "收入" } th colspan=(width) { "支出" } }
                        tr { (head) (head) }
                    }
                    tbody {
                        @for [l, r] in sides {
                            tr {
                                (row_cells(l.and_then(|i| t.rows().get(i))))
                                (row_cells(r.and_then(|i| t.rows().get(i))))
                            }
                        }
                    }
                }
                None => {
                    thead { tr { (head) } }
                    tbody {
                        @for row in t.rows() { tr { (row_cells(Some(row))) } }
                    }
                }
            }
            @if let Some(note) = t.note() {
                tfoot { tr { td.note colspan=(if t.sides().is_some() { 2 * width } else { width }) { (note) } } }
            }
        }
    }
}

/// The section of an input that is no report.
pub fn unreadable(u: &Unreadable, index: usize) -> Section {
    let markup = html! {
        section.report.unreadable id=(format!("r{index}")) {
            h2 { code { (u.name) } }
            p.error { "Not read as a report: " (u.reason) }
        }
    };
    Section {
        title: u.name.clone(),
        html: markup.into_string(),
    }
}

const STYLE: &str = r#"
:root { --error: #b3261e; --warning: #9a5b00; --info: #1d5fa8; --line: #d8d8d8; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 1.5rem; color: #1b1b1b; background: #fff;
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid #222; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
code { font: 13px ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.meta, .legend, .generated { color: #555; }
ul.counts { display: flex; gap: .75rem; list-style: none; padding: 0; margin: .5rem 0; }
ul.counts li { border: 1px solid currentColor; border-radius: 6px; padding: .35rem .8rem; }
ul.counts .n { font-size: 1.4rem; font-weight: 700; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
.filters label { margin-right: 1rem; }
table.rules { border-collapse: collapse; margin: .5rem 0; } table.rules td, table.rules th { padding: .15rem .6rem; border-bottom: 1px solid var(--line); text-align: left; }
article.finding { border-left: 5px solid currentColor; background: #fafafa; margin: .8rem 0; padding: .6rem .9rem; color: inherit; }
article.finding.sev-error { border-left-color: var(--error); } article.finding.sev-warning { border-left-color: var(--warning); } article.finding.sev-info { border-left-color: var(--info); }
article.finding:target { outline: 3px solid #f2c200; }
article.finding header { color: #1b1b1b; }
.badge { display: inline-block; color: #fff; border-radius: 4px; padding: 0 .45rem; font-size: .85rem; font-weight: 600; }
.badge.sev-error { background: var(--error); } .badge.sev-warning { background: var(--warning); } .badge.sev-info { background: var(--info); }
code.rule { font-weight: 600; } .desc { color: #555; }
.message { margin: .3rem 0; color: #1b1b1b; } .where { margin: .2rem 0; color: #555; font-size: .9rem; }
blockquote.sentence { margin: .4rem 0; padding: .4rem .7rem; background: #fff; border: 1px solid var(--line); color: #1b1b1b; }
dl.figures { display: grid; grid-template-columns: max-content auto; gap: 0 .8rem; margin: .3rem 0; color: #1b1b1b; }
dl.figures dt { color: #555; } dl.figures dd { margin: 0; font-variant-numeric: tabular-nums; }
ul.facts { margin: .3rem 0; padding-left: 1.2rem; color: #1b1b1b; font-size: .92rem; } .label { color: #555; }
mark { border-radius: 3px; padding: 0 .1rem; color: inherit; cursor: pointer; }
mark.sev-error { background: #f9d0cc; box-shadow: inset 0 -2px var(--error); }
mark.sev-warning { background: #fbe3b4; box-shadow: inset 0 -2px var(--warning); }
mark.sev-info { background: #d3e4f7; box-shadow: inset 0 -2px var(--info); }
table.t { border-collapse: collapse; margin: 1rem 0; font-size: .9rem; }
table.t caption { text-align: left; font-weight: 600; padding: .3rem 0; }
table.t th, table.t td { border: 1px solid var(--line); padding: .15rem .5rem; }
table.t th { background: #f0f0f0; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.derived { color: #777; font-style: italic; }
td.involved { outline: 2px solid currentColor; outline-offset: -2px; font-weight: 600; }
td.involved.sev-error { background: #fbe9e7; } td.involved.sev-warning { background: #fdf3e0; } td.involved.sev-info { background: #e8f0fb; }
td.involved:target { outline-color: #f2c200; outline-width: 3px; }
.legend-involved { outline: 2px solid #555; padding: 0 .2rem; } .legend-derived { color: #777; font-style: italic; }
div.source { font: 13px/1.6 ui-monospace, Menlo, Consolas, "Noto Sans Mono CJK SC", "WenQuanYi Micro Hei Mono", monospace; border: 1px solid var(--line); white-space: pre-wrap; }
div.l { display: flex; } div.l:target { background: #fff6c4; }
a.n { flex: 0 0 4.5em; text-align: right; padding-right: .8em; color: #999; text-decoration: none; user-select: none; border-right: 1px solid var(--line); margin-right: .6em; }
div.page { background: #f0f0f0; color: #555; text-align: center; font-size: .8rem; }
.unreadable .error { color: var(--error); }
"#;

const SCRIPT: &str = r#"
(function () {
  var boxes = document.querySelectorAll('input[data-filter]');
  boxes.forEach(function (box) {
    box.addEventListener('change', function () {
      document.querySelectorAll('article.finding[data-severity="' + box.dataset.filter + '"]')
        .forEach(function (a) { a.hidden = !box.checked; });
    });
  });
  document.querySelectorAll('div.source mark[data-findings]').forEach(function (m) {
    m.addEventListener('click', function () {
      var first = m.dataset.findings.split(' ')[0];
      if (first) { location.hash = first; }
    });
  });
  var findings = document.querySelectorAll('article.finding');
  var highlighted = document.querySelectorAll('article.finding mark');
  document.documentElement.dataset.findings = String(findings.length);
  document.documentElement.dataset.highlighted = String(highlighted.length);
  document.documentElement.dataset.ready = 'yes';
})();
"#;

/// The page: the run's summary, then every section.
pub fn page(sections: &[Section], summary: &StreamSummary) -> String {
    let totals = summary.totals();
    let title = match sections {
        [one] => format!("juesuan audit: {}", one.title),
        _ => format!(
            "juesuan audit: {}",
            counted(
                usize::try_from(summary.reports()).unwrap_or(usize::MAX),
                "report",
                "reports"
            )
        ),
    };
    let n = |x: u64| usize::try_from(x).unwrap_or(usize::MAX);
    let counts = [
        (Severity::Error, n(totals.error)),
        (Severity::Warning, n(totals.warning)),
        (Severity::Info, n(totals.info)),
    ];
    let markup = html! {
        (DOCTYPE)
        html lang="zh-CN" data-ready="no" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    h1 { (title) }
                    p.generated {
                        "Written by juesuan " (env!("CARGO_PKG_VERSION")) ": "
                        (counted(n(summary.reports()), "report", "reports")) " audited"
                        @if summary.unreadable() > 0 { ", " span.sev-error { (summary.unreadable()) " unreadable" } }
                        "."
                    }
                }
                section #summary {
                    h2 { "Summary" }
                    ul.counts {
                        @for (s, c) in counts {
                            li class=(class(s)) { span.n { (c) } " " (severity_noun(s, c).split_once(' ').map_or("", |(_, w)| w)) }
                        }
                    }
                    p.filters {
                        "Show: "
                        @for (s, _) in counts {
                            label { input type="checkbox" checked data-filter=(s.as_str()); " " (s.as_str()) }
                        }
                    }
                    @if !summary.by_rule().is_empty() {
                        table.rules {
                            thead { tr { th { "rule" } th { "what it checks" } th { "findings" } } }
                            tbody {
                                @for (rule, c) in summary.by_rule() {
                                    tr {
                                        td { code { (rule) } }
                                        td { (description(rule).unwrap_or("")) }
                                        td {
                                            @for (s, x) in [(Severity::Error, c.error), (Severity::Warning, c.warning), (Severity::Info, c.info)] {
                                                @if x > 0 { span class=(class(s)) { (severity_noun(s, n(x))) } " " }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                @for s in sections { (PreEscaped(&s.html)) }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    };
    markup.into_string()
}
