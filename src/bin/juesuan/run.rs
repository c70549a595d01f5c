//! The commands: reading inputs, auditing them (in parallel, in input
//! order), writing each format, and the exit status.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufReader, Read};
use std::num::NonZeroUsize;

use rayon::iter::{ParallelBridge as _, ParallelIterator as _};
use serde_json::{Value as Json, json};

use juesuan::{
    Audit, Disclosure, Finding, Severity, audit::rules, fact::BASES, fact::FactKind, fact::Suffix,
    render::TableId, render::narrative as write_narrative, render::tables as build_tables,
    stream::StreamSummary, stream::audit_jsonl,
};

use crate::input::{self, Input, Unreadable, chain};
use crate::output::{Out, Report};
use crate::progress::{self, Unit};
use crate::{
    AuditArgs, Format, NarrativeArgs, SchemaArgs, SchemaFormat, Status, TableFormat, TablesArgs,
    html, json, text,
};

/// The audit, with the rules the command line switched off.
fn auditor(disabled: &[String]) -> Result<Audit, String> {
    let mut audit = Audit::new();
    for rule in disabled {
        audit
            .disable(rule)
            .map_err(|e| format!("--disable {rule}: {e}"))?;
    }
    Ok(audit)
}

/// `juesuan audit`.
pub fn audit(args: &AuditArgs) -> Status {
    let auditor = match auditor(&args.disable) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            return Status::Unreadable;
        }
    };
    let mut out = match Out::open(args.output.as_deref()) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            return Status::Unreadable;
        }
    };
    let status = if args.jsonl {
        lines(args, &auditor, &mut out)
    } else {
        files(args, &auditor, &mut out)
    };
    match out.finish() {
        Ok(()) => status,
        Err(e) => {
            eprintln!("error: {e}");
            Status::Unreadable
        }
    }
}

/// One input, audited and written in the run's format.
enum Done {
    Audited {
        written: Written,
        notes: String,
        findings: Vec<Finding>,
    },
    Unreadable {
        written: Option<Written>,
        unreadable: Unreadable,
    },
}

/// An input's part of the output.
enum Written {
    Text(String),
    Json(Json),
    Html(html::Section),
}

/// Runs `work` on every item, `jobs` at a time, and hands the results to
/// `emit` in the items' order as soon as each one's turn comes.
fn ordered<T, R>(
    items: Vec<T>,
    jobs: usize,
    work: impl Fn(usize, T) -> R + Sync + Send,
    mut emit: impl FnMut(R),
) where
    T: Send,
    R: Send,
{
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build();
    let pool = match pool {
        Ok(p) if jobs > 1 && items.len() > 1 => p,
        _ => {
            for (i, item) in items.into_iter().enumerate() {
                emit(work(i, item));
            }
            return;
        }
    };
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::channel::<(usize, R)>();
        let work = &work;
        scope.spawn(move || {
            pool.install(|| {
                // par_bridge hands items out in order, so results come back
                // nearly in order and few wait for their turn.
                items
                    .into_iter()
                    .enumerate()
                    .par_bridge()
                    .for_each_with(tx, |tx, (i, item)| {
                        let _ = tx.send((i, work(i, item)));
                    });
            });
        });
        let mut next = 0;
        let mut waiting = BTreeMap::new();
        for (i, result) in rx {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&next) {
                emit(result);
                next += 1;
            }
        }
    });
}

fn jobs(args: &AuditArgs) -> usize {
    args.jobs
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get)
}

/// `juesuan audit FILE…`.
fn files(args: &AuditArgs, auditor: &Audit, out: &mut Out) -> Status {
    let inputs = input::expand(&args.files);
    if inputs.is_empty() {
        eprintln!("error: no report found: the directories given hold no .txt, .json or .pdf file");
        return Status::Unreadable;
    }
    let single = inputs.len() == 1;
    let format = args.format;
    let facts = args.facts;
    let quiet = args.quiet;
    let bar = progress::bar(
        u64::try_from(inputs.len()).ok(),
        Unit::Reports,
        !quiet && !single,
    );
    let work = |i: usize, item: Result<Input, Unreadable>| -> Done {
        let loaded = item.and_then(|input| {
            if matches!(input.source, input::Source::File(ref p) if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")))
            {
                bar.set_message(format!("reading {}", input.name));
            }
            input::load(&input)
        });
        match loaded {
            Ok(loaded) => {
                let findings = auditor.run(&loaded.disclosure);
                let report = Report { loaded, findings };
                let written = match format {
                    Format::Text => Written::Text(text::report(&report)),
                    Format::Json | Format::Jsonl => Written::Json(json::report(&report, facts)),
                    Format::Html => Written::Html(html::section(&report, i)),
                };
                let notes = if quiet || format != Format::Text {
                    String::new()
                } else {
                    text::diagnostics(&report)
                };
                Done::Audited {
                    written,
                    notes,
                    findings: report.findings,
                }
            }
            Err(unreadable) => Done::Unreadable {
                written: match format {
                    Format::Text => None,
                    Format::Json | Format::Jsonl => {
                        Some(Written::Json(json::unreadable(&unreadable)))
                    }
                    Format::Html => Some(Written::Html(html::unreadable(&unreadable, i))),
                },
                unreadable,
            },
        }
    };
    let mut summary = StreamSummary::default();
    let mut status = Status::Clean;
    let mut collected: Vec<Json> = Vec::new();
    let mut sections: Vec<html::Section> = Vec::new();
    let mut first = true;
    let mut emit = |written: Written, out: &mut Out| match written {
        Written::Text(s) => {
            if !first {
                out.write("\n");
            }
            first = false;
            out.write(&s);
        }
        Written::Json(j) if format == Format::Jsonl => {
            out.write(&json::text(&j, false));
            out.write("\n");
        }
        Written::Json(j) if single => {
            out.write(&json::text(&j, true));
            out.write("\n");
        }
        Written::Json(j) => collected.push(j),
        Written::Html(s) => sections.push(s),
    };
    ordered(inputs, jobs(args), work, |done| {
        bar.inc(1);
        match done {
            Done::Audited {
                written,
                notes,
                findings,
            } => {
                summary.record(&findings);
                if findings.iter().any(|f| f.severity() == Severity::Error) {
                    status = status.max(Status::Findings);
                }
                progress::note(&bar, &notes);
                emit(written, out);
            }
            Done::Unreadable {
                written,
                unreadable,
            } => {
                summary.record_unreadable();
                status = Status::Unreadable;
                progress::note(
                    &bar,
                    &format!("error: {}: {}\n", unreadable.name, unreadable.reason),
                );
                if let Some(w) = written {
                    emit(w, out);
                }
            }
        }
    });
    bar.finish_and_clear();
    match format {
        Format::Text if !single => {
            out.write("\n");
            out.write(&summary.to_string());
        }
        Format::Json if !single => {
            let doc = json!({"reports": collected, "summary": json::summary(&summary)});
            out.write(&json::text(&doc, true));
            out.write("\n");
        }
        Format::Html => out.write(&html::page(&sections, &summary)),
        _ => {}
    }
    status
}

/// `juesuan audit --jsonl FILE`: one report per line, streamed.
fn lines(args: &AuditArgs, auditor: &Audit, out: &mut Out) -> Status {
    let [path] = args.files.as_slice() else {
        eprintln!(
            "error: --jsonl reads one FILE of JSON Lines, but {} were given",
            args.files.len()
        );
        return Status::Unreadable;
    };
    if !matches!(args.format, Format::Text | Format::Jsonl) {
        eprintln!(
            "error: --jsonl writes --format text or jsonl (one line per report), not {:?}",
            args.format
        );
        return Status::Unreadable;
    }
    if args.facts {
        eprintln!(
            "error: --facts is not available with --jsonl: write the facts with `juesuan audit --format jsonl --facts FILE…` instead"
        );
        return Status::Unreadable;
    }
    let stdin = path.as_os_str() == "-";
    let name = if stdin {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    };
    let (reader, len): (Box<dyn Read + Send>, Option<u64>) = if stdin {
        (Box::new(std::io::stdin()), None)
    } else {
        match File::open(path) {
            Ok(f) => {
                let len = f.metadata().ok().map(|m| m.len());
                (Box::new(f), len)
            }
            Err(e) => {
                eprintln!("error: {name}: cannot read it: {e}");
                return Status::Unreadable;
            }
        }
    };
    let bar = progress::bar(len, Unit::Bytes, !args.quiet);
    let reader = BufReader::with_capacity(1 << 16, bar.wrap_read(reader));
    let format = args.format;
    let result = audit_jsonl(reader, auditor, |item| match item.result {
        Ok(findings) => match format {
            Format::Jsonl => {
                let j = json!({
                    "file": name,
                    "line": item.line,
                    "status": "audited",
                    "summary": severity_counts(findings),
                    "findings": findings.iter().map(Finding::to_json).collect::<Vec<_>>(),
                });
                out.write(&json::text(&j, false));
                out.write("\n");
            }
            _ => {
                for f in findings.iter().filter(|f| f.severity() == Severity::Error) {
                    out.write(&format!("{name}:{}: {f}\n", item.line));
                }
            }
        },
        Err(e) => {
            progress::note(
                &bar,
                &format!("error: {name}:{}: not a report: {}\n", item.line, chain(e)),
            );
            if format == Format::Jsonl {
                let j = json!({
                    "file": name,
                    "line": item.line,
                    "status": "unreadable",
                    "error": chain(e),
                });
                out.write(&json::text(&j, false));
                out.write("\n");
            }
        }
    });
    bar.finish_and_clear();
    let summary = match result {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {name}: cannot read it: {e}");
            return Status::Unreadable;
        }
    };
    match format {
        Format::Text => out.write(&summary.to_string()),
        _ => eprint!("{summary}"),
    }
    if summary.reports() == 0 && summary.unreadable() == 0 {
        eprintln!("error: {name}: empty input: there is no report in it");
        return Status::Unreadable;
    }
    if summary.reports() == 0 && !stdin && one_document(path) {
        eprintln!(
            "error: {name} holds one JSON document over several lines, not one report per line: \
             audit it without --jsonl"
        );
    }
    if summary.unreadable() > 0 {
        Status::Unreadable
    } else if summary.reports_with_errors() > 0 {
        Status::Findings
    } else {
        Status::Clean
    }
}

fn severity_counts(findings: &[Finding]) -> Json {
    let n = |s: Severity| findings.iter().filter(|f| f.severity() == s).count();
    json!({"error": n(Severity::Error), "warning": n(Severity::Warning), "info": n(Severity::Info)})
}

/// Whether the file is one report as a whole (a pretty-printed JSON).
fn one_document(path: &std::path::Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|t| Disclosure::from_any_json(t.trim()).is_ok())
}

/// Reads one report for `tables` and `narrative`.
fn load_one(path: &std::path::Path) -> Result<input::Loaded, Status> {
    let mut inputs = input::expand(std::slice::from_ref(&path.to_path_buf()));
    let item = match inputs.len() {
        1 => inputs.pop(),
        _ => None,
    };
    let Some(item) = item else {
        eprintln!("error: {}: expected one report file", path.display());
        return Err(Status::Unreadable);
    };
    item.and_then(|i| input::load(&i)).map_err(|u| {
        eprintln!("error: {}: {}", u.name, u.reason);
        Status::Unreadable
    })
}

fn print(text: &str) -> Status {
    let mut out = match Out::open(None) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            return Status::Unreadable;
        }
    };
    out.write(text);
    match out.finish() {
        Ok(()) => Status::Clean,
        Err(e) => {
            eprintln!("error: {e}");
            Status::Unreadable
        }
    }
}

/// `juesuan tables FILE`.
pub fn tables(args: &TablesArgs) -> Status {
    let only = match &args.table {
        Some(t) => match TableId::from_id(&t.to_uppercase()) {
            Some(id) => Some(id),
            None => {
                eprintln!("error: --table: expected T1 … T9, but found {t:?}");
                return Status::Unreadable;
            }
        },
        None => None,
    };
    let loaded = match load_one(&args.file) {
        Ok(l) => l,
        Err(s) => return s,
    };
    let all: Vec<_> = build_tables(&loaded.disclosure)
        .into_iter()
        .filter(|t| only.is_none_or(|id| t.id() == id))
        .collect();
    let mut text = String::new();
    match args.format {
        TableFormat::Csv => match csv_of(&loaded.disclosure, only) {
            Ok(csv) => text = csv,
            Err(e) => {
                eprintln!("error: {}: {e}", args.file.display());
                return Status::Unreadable;
            }
        },
        TableFormat::Text | TableFormat::Markdown => {
            for (i, t) in all.iter().enumerate() {
                if i > 0 {
                    text.push('\n');
                }
                text.push_str(&match args.format {
                    TableFormat::Markdown => t.to_markdown(),
                    _ => t.to_text(),
                });
            }
        }
    }
    print(&text)
}

/// The long CSV of the report's tables (`juesuan::render::write_csv`), only table
/// `only` when given.
fn csv_of(d: &Disclosure, only: Option<TableId>) -> std::io::Result<String> {
    let mut all = Vec::new();
    juesuan::render::write_csv(d, &mut all)?;
    let Some(only) = only else {
        return String::from_utf8(all).map_err(std::io::Error::other);
    };
    let mut reader = csv::Reader::from_reader(all.as_slice());
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(reader.headers()?)?;
    for record in reader.records() {
        let record = record?;
        if record.get(2) == Some(only.as_str()) {
            writer.write_record(&record)?;
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    String::from_utf8(bytes).map_err(std::io::Error::other)
}

/// `juesuan narrative FILE`.
pub fn narrative(args: &NarrativeArgs) -> Status {
    match load_one(&args.file) {
        Ok(l) => print(&write_narrative(&l.disclosure)),
        Err(s) => s,
    }
}

fn kind_name(kind: FactKind) -> &'static str {
    match kind {
        FactKind::Amount => "amount",
        FactKind::Percent => "percent",
        FactKind::Count => "count",
        FactKind::SignedCount => "signed count",
        FactKind::Quantity => "quantity",
        FactKind::Text => "text",
        _ => "other",
    }
}

/// `juesuan schema`.
pub fn schema(args: &SchemaArgs) -> Status {
    let json_out = args.format == SchemaFormat::Json;
    let text = if args.rules {
        if json_out {
            let all: Vec<Json> = rules()
                .iter()
                .map(|r| json!({"id": r.id, "severity": r.class.as_str(), "description": r.description}))
                .collect();
            json::text(&Json::Array(all), true) + "\n"
        } else {
            let mut s = String::from("# rule id\tseverity\tdescription\n");
            for r in rules() {
                s.push_str(&format!("{}\t{}\t{}\n", r.id, r.class, r.description));
            }
            s
        }
    } else if json_out {
        let facts: Vec<Json> = BASES
            .iter()
            .map(|b| json!({"id": b.pattern, "kind": kind_name(b.kind), "name": b.label}))
            .collect();
        let suffixes: Vec<Json> = Suffix::ALL
            .iter()
            .map(|s| json!({"suffix": s.as_str(), "name": s.label()}))
            .collect();
        json::text(&json!({"facts": facts, "suffixes": suffixes}), true) + "\n"
    } else {
        let mut s = String::from(
            "# fact id\tkind\tname ({f} a function code, {e} an economic code, {v} a vehicle kind)\n",
        );
        for b in BASES {
            s.push_str(&format!(
                "{}\t{}\t{}\n",
                b.pattern,
                kind_name(b.kind),
                b.label
            ));
        }
        s.push_str("# suffixes: any fact id above, then .suffix\tname\n");
        for suffix in Suffix::ALL {
            s.push_str(&format!(".{}\t{}\n", suffix.as_str(), suffix.label()));
        }
        s
    };
    print(&text)
}
