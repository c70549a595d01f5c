//! `juesuan`: audit Chinese government department final accounts (部门决算)
//! from the command line.
//!
//! ```text
//! juesuan audit report.txt                 # compiler-style findings
//! juesuan audit --format html -o r.html report.txt
//! juesuan audit --jobs 8 --format jsonl reports/ > audit.jsonl
//! juesuan audit --jsonl reports.jsonl      # one report per line
//! juesuan tables report.txt                # the tables the report states
//! juesuan narrative report.json            # its 情况说明, written back out
//! juesuan schema                           # every fact id
//! ```
//!
//! Exit status: 0 when every input was read and has no error finding, 1 when
//! some input has an error finding, 2 when some input could not be read as a
//! report (or the command line is wrong).

mod html;
mod input;
mod json;
mod output;
mod pdf;
mod progress;
mod run;
mod text;

use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// What `--help` says about exit codes, and the README repeats.
const EXIT_STATUS: &str = "\
Exit status:
  0  every input was read and has no error finding
  1  some input has an error finding (and every input was read)
  2  some input could not be read as a report, or the command line is wrong";

/// Audit Chinese government department final accounts (部门决算): every
/// accounting identity (勾稽关系), judged with the rounding the figures went
/// through.
#[derive(Debug, Parser)]
#[command(name = "juesuan", version, after_help = EXIT_STATUS)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Audit reports and list every finding
    ///
    /// Each FILE is the text of a published report (as extracted from its
    /// PDF), a PDF, a Disclosure JSON (`{"facts": …}`) or a FinalAccounts
    /// JSON; `-` reads standard input. A directory is walked for .txt, .json
    /// and .pdf files, in name order. A FinalAccounts that breaks identities
    /// is read as what it states, and every finding is listed.
    #[command(after_help = EXIT_STATUS)]
    Audit(AuditArgs),
    /// Print the tables a report states (and the cells its figures determine)
    #[command(after_help = EXIT_STATUS_READ)]
    Tables(TablesArgs),
    /// Write a report's 部门决算情况说明 back out in the official phrasing
    #[command(after_help = EXIT_STATUS_READ)]
    Narrative(NarrativeArgs),
    /// List every fact id with its Chinese name and kind (or every rule)
    Schema(SchemaArgs),
}

/// Exit codes of the commands that read one report without auditing it.
const EXIT_STATUS_READ: &str = "\
Exit status:
  0  the report was read
  2  it could not be read as a report, or the command line is wrong";

#[derive(Debug, Args)]
struct AuditArgs {
    /// Reports: text, PDF, Disclosure or FinalAccounts JSON; `-` for
    /// standard input; directories are walked
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    /// Each FILE holds one report (Disclosure or FinalAccounts JSON) per
    /// line; every line is audited, and every line that is no report is
    /// named
    #[arg(long)]
    jsonl: bool,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Include every stated fact in json and jsonl output
    #[arg(long)]
    facts: bool,
    /// Audit N files at a time (default: the number of cores); the output
    /// keeps the input order
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<NonZeroUsize>,
    /// Switch off a rule by its id (repeatable); `juesuan schema --rules`
    /// lists them
    #[arg(long, value_name = "RULE")]
    disable: Vec<String>,
    /// Write the output to FILE instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// No progress and no reader notes on standard error (errors are still
    /// written)
    #[arg(long, short = 'q')]
    quiet: bool,
}

/// How `audit` writes its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Compiler-style findings, each under the line it points at
    Text,
    /// One JSON document: findings, diagnostics and a summary (for several
    /// inputs, `{"reports": […], "summary": …}`)
    Json,
    /// One JSON object per report, one per line
    Jsonl,
    /// One self-contained HTML page: summary, findings with their
    /// sentences, the tables, the text
    Html,
}

#[derive(Debug, Args)]
struct TablesArgs {
    /// A report: text, PDF, Disclosure or FinalAccounts JSON; `-` for
    /// standard input
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = TableFormat::Text)]
    format: TableFormat,
    /// Only this table (T1 … T9)
    #[arg(long, value_name = "ID")]
    table: Option<String>,
}

/// How `tables` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TableFormat {
    /// Aligned text (CJK-width aware)
    Text,
    /// GitHub-flavoured Markdown
    Markdown,
    /// Long-layout CSV, one line per stated figure
    Csv,
}

#[derive(Debug, Args)]
struct NarrativeArgs {
    /// A report: text, PDF, Disclosure or FinalAccounts JSON; `-` for
    /// standard input
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

#[derive(Debug, Args)]
struct SchemaArgs {
    /// List the audit's rules instead: id, severity, description
    #[arg(long)]
    rules: bool,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = SchemaFormat::Text)]
    format: SchemaFormat,
}

/// How `schema` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SchemaFormat {
    /// Tab-separated lines
    Text,
    /// A JSON array
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Audit(args) => run::audit(&args),
        Command::Tables(args) => run::tables(&args),
        Command::Narrative(args) => run::narrative(&args),
        Command::Schema(args) => run::schema(&args),
    };
    ExitCode::from(code as u8)
}

/// The exit status, in the order a run reaches them: the highest wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    /// Every input read, no error finding.
    Clean = 0,
    /// Some input has an error finding.
    Findings = 1,
    /// Some input could not be read.
    Unreadable = 2,
}
