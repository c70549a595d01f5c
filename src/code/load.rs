//! Reading catalogs from CSV or TSV text.

use std::io::{BufRead, BufReader, Read};

use super::catalog::CatalogName;
use super::errors::kept;
use super::{Catalog, CatalogError, ClassificationCode, CodeLevel};

/// The field separator of a catalog file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Separator {
    Tab,
    Comma,
}

const CODE_COLUMNS: [&str; 5] = ["code", "编码", "代码", "科目编码", "科目代码"];
const NAME_COLUMNS: [&str; 3] = ["name", "名称", "科目名称"];
const LEVEL_COLUMNS: [&str; 3] = ["level", "级次", "层级"];
const YEARS_COLUMNS: [&str; 3] = ["years_seen", "years", "年度"];

/// Where the columns a catalog uses are in each row.
struct Columns {
    separator: Separator,
    count: usize,
    code: usize,
    name: usize,
    level: Option<usize>,
    years: Option<usize>,
}

/// Reads a catalog; `separator` is detected from the header when `None`.
pub(crate) fn read<C: ClassificationCode, R: Read>(
    reader: R,
    separator: Option<Separator>,
) -> Result<Catalog<C>, CatalogError> {
    let mut reader = BufReader::new(reader);
    let mut buffer = String::new();
    let mut line = 0;
    let mut columns: Option<Columns> = None;
    let mut catalog = Catalog::new();
    loop {
        buffer.clear();
        line += 1;
        let read = reader
            .read_line(&mut buffer)
            .map_err(|error| CatalogError::Io {
                line,
                message: error.to_string().into(),
            })?;
        if read == 0 {
            break;
        }
        let text = buffer
            .trim_end_matches(['\n', '\r'])
            .trim_start_matches('\u{feff}');
        if text.trim().is_empty() || text.starts_with('#') {
            continue;
        }
        match &columns {
            None => columns = Some(Columns::from_header(text, separator)?),
            Some(columns) => {
                let (code, name) = columns.read_row::<C>(text, line)?;
                catalog.add_name(code, name, false);
            }
        }
    }
    if columns.is_none() {
        return Err(CatalogError::Header {
            expected: header_expected(separator),
            found: "".into(),
        });
    }
    Ok(catalog)
}

fn header_expected(separator: Option<Separator>) -> &'static str {
    match separator {
        None => "a tab- or comma-separated header with columns code and name",
        Some(Separator::Tab) => "a tab-separated header with columns code and name",
        Some(Separator::Comma) => "a comma-separated header with columns code and name",
    }
}

impl Columns {
    fn from_header(text: &str, separator: Option<Separator>) -> Result<Columns, CatalogError> {
        let header_error = || CatalogError::Header {
            expected: header_expected(separator),
            found: kept(text),
        };
        let chosen = separator.unwrap_or(if text.contains('\t') {
            Separator::Tab
        } else {
            Separator::Comma
        });
        let fields: Vec<String> = split(text, chosen)
            .map_err(|_| header_error())?
            .into_iter()
            .map(|field| field.trim().to_lowercase())
            .collect();
        let find = |names: &[&str]| {
            fields
                .iter()
                .position(|field| names.contains(&field.as_str()))
        };
        Ok(Columns {
            separator: chosen,
            count: fields.len(),
            code: find(&CODE_COLUMNS).ok_or_else(header_error)?,
            name: find(&NAME_COLUMNS).ok_or_else(header_error)?,
            level: find(&LEVEL_COLUMNS),
            years: find(&YEARS_COLUMNS),
        })
    }

    fn read_row<C: ClassificationCode>(
        &self,
        text: &str,
        line: usize,
    ) -> Result<(C, CatalogName), CatalogError> {
        let fields = split(text, self.separator).map_err(|expected| CatalogError::Row {
            line,
            expected: expected.into(),
            found: format!("{:?}", kept(text)).into(),
        })?;
        let count_error = || CatalogError::Row {
            line,
            expected: format!("{} fields as in the header", self.count).into(),
            found: format!("{} in {:?}", fields.len(), kept(text)).into(),
        };
        if fields.len() > self.count {
            return Err(count_error());
        }
        let field = |index: usize| fields.get(index).map(|field| field.trim());
        let code_text = field(self.code).ok_or_else(count_error)?;
        let name = field(self.name).ok_or_else(count_error)?;
        let code: C = code_text
            .parse()
            .map_err(|error| CatalogError::Code { line, error })?;
        if name.is_empty() {
            return Err(CatalogError::Field {
                line,
                column: "name",
                expected: "a name".into(),
                found: "".into(),
            });
        }
        if let Some(level_text) = self.level.and_then(field).filter(|t| !t.is_empty()) {
            if CodeLevel::from_label(level_text) != Some(code.level()) {
                return Err(CatalogError::Field {
                    line,
                    column: "level",
                    expected: format!("{} (the level of {code})", code.level()).into(),
                    found: kept(level_text),
                });
            }
        }
        let years = match self.years.and_then(field) {
            Some(years_text) => parse_years(years_text, line)?,
            None => Vec::new(),
        };
        Ok((code, CatalogName::new(name, years)))
    }
}

/// Reads a list of four-digit years separated by commas, semicolons, `|`,
/// `、` or whitespace.
fn parse_years(text: &str, line: usize) -> Result<Vec<i32>, CatalogError> {
    text.split(|c: char| matches!(c, ',' | ';' | '|' | '、' | '，' | '；') || c.is_whitespace())
        .filter(|token| !token.is_empty())
        .map(|token| {
            let year = (token.len() == 4 && token.bytes().all(|b| b.is_ascii_digit()))
                .then(|| token.parse::<i32>().ok())
                .flatten();
            year.ok_or_else(|| CatalogError::Field {
                line,
                column: "years_seen",
                expected: "four-digit years separated by commas, such as 2023,2024".into(),
                found: kept(token),
            })
        })
        .collect()
}

/// Splits a row into fields. CSV fields may be double-quoted, with `""`
/// for a quote inside.
fn split(text: &str, separator: Separator) -> Result<Vec<String>, &'static str> {
    match separator {
        Separator::Tab => Ok(text.split('\t').map(str::to_owned).collect()),
        Separator::Comma => split_csv(text),
    }
}

fn split_csv(text: &str) -> Result<Vec<String>, &'static str> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut in_quotes = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            if c != '"' {
                field.push(c);
            } else if chars.next_if_eq(&'"').is_some() {
                field.push('"');
            } else {
                in_quotes = false;
            }
        } else if c == ',' {
            fields.push(std::mem::take(&mut field));
            quoted = false;
        } else if c == '"' && !quoted && field.trim().is_empty() {
            field.clear();
            quoted = true;
            in_quotes = true;
        } else {
            field.push(c);
        }
    }
    if in_quotes {
        return Err("a closing double quote");
    }
    fields.push(field);
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::{CodeError, EconomicCode, FunctionCode};

    fn load(text: &str) -> Result<Catalog<FunctionCode>, CatalogError> {
        read(text.as_bytes(), None)
    }

    #[test]
    fn csv_quotes() {
        assert_eq!(
            split_csv(r#"a,"b,c","d""e""#).unwrap(),
            ["a", "b,c", "d\"e"]
        );
        assert_eq!(split_csv("a,,b").unwrap(), ["a", "", "b"]);
        assert!(split_csv(r#"a,"b"#).is_err());
    }

    #[test]
    fn tsv_with_all_columns_and_variants() {
        let text = "\u{feff}code\tname\tlevel\tyears_seen\textra\n\
                    # a comment\n\
                    \n\
                    20805\t行政事业单位养老支出\t款\t2021,2024\tx\n\
                    20805\t行政事业单位离退休\t款\t2017\tx\n";
        let catalog = load(text).unwrap();
        let entry = catalog.get("20805".parse().unwrap()).unwrap();
        assert_eq!(entry.name(), "行政事业单位养老支出");
        assert_eq!(entry.name_in(2017), "行政事业单位离退休");
        assert_eq!(entry.main_name().years(), [2021, 2024]);
    }

    #[test]
    fn chinese_header_and_csv() {
        let catalog = load("科目编码,科目名称\n\"2080101\",\"行政运行\"\n").unwrap();
        assert_eq!(catalog.name("2080101".parse().unwrap()), Some("行政运行"));
    }

    #[test]
    fn row_errors_name_line_and_column() {
        let cases: [(&str, CatalogError); 6] = [
            (
                "code\tname\n208\t社会保障和就业支出\n208001\t行政运行\n",
                CatalogError::Code {
                    line: 3,
                    error: CodeError::DigitCount {
                        kind: crate::code::CodeKind::Function,
                        input: "208001".into(),
                        found: 6,
                    },
                },
            ),
            (
                "code,name,level\n208,社会保障和就业支出,款\n",
                CatalogError::Field {
                    line: 2,
                    column: "level",
                    expected: "类 (the level of 208)".into(),
                    found: "款".into(),
                },
            ),
            (
                "code,name,years_seen\n208,社会保障和就业支出,\"2024,24\"\n",
                CatalogError::Field {
                    line: 2,
                    column: "years_seen",
                    expected: "four-digit years separated by commas, such as 2023,2024".into(),
                    found: "24".into(),
                },
            ),
            (
                "code,name\n208,\n",
                CatalogError::Field {
                    line: 2,
                    column: "name",
                    expected: "a name".into(),
                    found: "".into(),
                },
            ),
            (
                "code,name\n208\n",
                CatalogError::Row {
                    line: 2,
                    expected: "2 fields as in the header".into(),
                    found: "1 in \"208\"".into(),
                },
            ),
            (
                "name;code\n",
                CatalogError::Header {
                    expected: "a tab- or comma-separated header with columns code and name",
                    found: "name;code".into(),
                },
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(load(text).unwrap_err(), expected, "{text}");
        }
        assert_eq!(
            load("").unwrap_err().to_string(),
            r#"invalid catalog header: expected a tab- or comma-separated header with columns code and name, but found """#
        );
    }

    #[test]
    fn forced_separator_rejects_the_other() {
        assert!(
            read::<EconomicCode, _>(
                "code,name\n301,工资福利支出\n".as_bytes(),
                Some(Separator::Tab)
            )
            .is_err()
        );
        assert!(
            read::<EconomicCode, _>(
                "code\tname\n301\t工资福利支出\n".as_bytes(),
                Some(Separator::Comma)
            )
            .is_err()
        );
    }

    #[test]
    fn invalid_utf8_is_an_io_error() {
        let bytes: &[u8] = b"code\tname\n208\t\xff\n";
        let err = read::<FunctionCode, _>(bytes, None).unwrap_err();
        assert!(matches!(err, CatalogError::Io { line: 2, .. }), "{err:?}");
    }
}
