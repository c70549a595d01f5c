//! Reading the digits of a code as printed in reports and tables, and the
//! packed representation both code types share.

use super::errors::kept;
use super::{CodeError, CodeKind, CodeLevel};

/// Bracket pairs a code may be wrapped in (`[2080101]`, `【2080101】`).
const BRACKETS: [(char, char); 6] = [
    ('[', ']'),
    ('【', '】'),
    ('(', ')'),
    ('（', '）'),
    ('［', '］'),
    ('〔', '〕'),
];

/// Whitespace as PDF extraction produces it, including zero-width spaces.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}')
}

/// The value of an ASCII or full-width digit.
fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => None,
    }
}

/// A code packed as its digits padded with zeros to the width of the
/// deepest level, plus its level.
///
/// Deriving `Ord` on (padded, level) orders codes as the tables do (and as
/// their digit strings sort): `208 < 20801 < 2080101 < 2080102 < 20802`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Packed {
    padded: u32,
    level: CodeLevel,
}

impl Packed {
    /// Reads `input` as a code of `kind`.
    ///
    /// Surrounding whitespace and one pair of brackets are removed;
    /// full-width digits count as digits; whitespace and hyphens between
    /// digits are ignored.
    pub(crate) fn parse(input: &str, kind: CodeKind) -> Result<Packed, CodeError> {
        let mut text = input.trim_matches(is_space);
        for (open, close) in BRACKETS {
            if let Some(inner) = text.strip_prefix(open).and_then(|t| t.strip_suffix(close)) {
                text = inner.trim_matches(is_space);
                break;
            }
        }
        let mut value: u32 = 0;
        let mut count: usize = 0;
        let mut pending_separator: Option<char> = None;
        for c in text.chars() {
            if let Some(d) = digit_value(c) {
                if count < 9 {
                    value = value * 10 + d;
                }
                count += 1;
                pending_separator = None;
            } else if count > 0 && (is_space(c) || matches!(c, '-' | '－' | '‐' | '–')) {
                pending_separator = Some(c);
            } else {
                return Err(CodeError::InvalidCharacter {
                    kind,
                    input: kept(input),
                    found: c,
                });
            }
        }
        if let Some(found) = pending_separator {
            return Err(CodeError::InvalidCharacter {
                kind,
                input: kept(input),
                found,
            });
        }
        if count == 0 {
            return Err(CodeError::Empty {
                kind,
                input: kept(input),
            });
        }
        let level = CodeLevel::from_digits(count)
            .filter(|level| *level <= kind.deepest())
            .ok_or_else(|| CodeError::DigitCount {
                kind,
                input: kept(input),
                found: count,
            })?;
        let packed = Packed::from_value(value, level, kind);
        let class = packed.value_at(CodeLevel::Class, kind);
        let first = kind.first_digit() * 100;
        if !(first + 1..first + 100).contains(&class) {
            return Err(CodeError::OutOfRange {
                kind,
                input: kept(input),
            });
        }
        Ok(packed)
    }

    /// Packs `value`, which has exactly `level.digits()` digits.
    fn from_value(value: u32, level: CodeLevel, kind: CodeKind) -> Packed {
        Packed {
            padded: value * scale(level, kind),
            level,
        }
    }

    /// Reads a number as a code; its digit count gives the level.
    pub(crate) fn from_number(value: u32, kind: CodeKind) -> Result<Packed, CodeError> {
        // Fast path without formatting: the digit count gives the level.
        let count = value.checked_ilog10().map_or(1, |l| l as usize + 1);
        if let Some(level) = CodeLevel::from_digits(count).filter(|l| *l <= kind.deepest()) {
            let packed = Packed::from_value(value, level, kind);
            let class = packed.value_at(CodeLevel::Class, kind);
            let first = kind.first_digit() * 100;
            if (first + 1..first + 100).contains(&class) {
                return Ok(packed);
            }
        }
        // The text parser explains what is wrong.
        Packed::parse(&value.to_string(), kind)
    }

    pub(crate) fn level(self) -> CodeLevel {
        self.level
    }

    /// One number in table order: `(padded, level)` packed so that comparing
    /// ordinals compares codes.
    pub(crate) fn ordinal(self) -> u32 {
        self.padded * 4 + self.level as u32
    }

    /// The code whose [`ordinal`](Self::ordinal) is `ordinal`, if any.
    pub(crate) fn from_ordinal(ordinal: u32, kind: CodeKind) -> Option<Packed> {
        let level = match ordinal & 3 {
            0 => CodeLevel::Class,
            1 => CodeLevel::Section,
            2 => CodeLevel::Item,
            _ => return None,
        };
        let value = (ordinal >> 2) / scale(level, kind);
        Packed::from_number(value, kind)
            .ok()
            .filter(|p| p.ordinal() == ordinal)
    }

    /// The first ordinal after this code's subtree: a code that follows
    /// this one in table order is a descendant iff its ordinal is below it.
    pub(crate) fn subtree_end(self, kind: CodeKind) -> u32 {
        (self.padded + scale(self.level, kind)) * 4
    }

    /// The digits of the code as a number (`2080101`, `20801`, `208`).
    pub(crate) fn value(self, kind: CodeKind) -> u32 {
        self.padded / scale(self.level, kind)
    }

    /// The digits of this code's ancestor at `level` as a number.
    fn value_at(self, level: CodeLevel, kind: CodeKind) -> u32 {
        self.padded / scale(level, kind)
    }

    /// The ancestor at `level`, or `self` if `level` is not above it.
    pub(crate) fn truncate(self, level: CodeLevel, kind: CodeKind) -> Packed {
        if level >= self.level {
            return self;
        }
        let scale = scale(level, kind);
        Packed {
            padded: self.padded / scale * scale,
            level,
        }
    }

    /// The code one level up, or `None` for a 类.
    pub(crate) fn parent(self, kind: CodeKind) -> Option<Packed> {
        self.level.parent().map(|level| self.truncate(level, kind))
    }

    /// Whether `self` is a strict ancestor of `other`.
    pub(crate) fn is_ancestor_of(self, other: Packed, kind: CodeKind) -> bool {
        self.level < other.level && other.truncate(self.level, kind) == self
    }
}

/// The power of ten that pads a code of `level` to the deepest width.
fn scale(level: CodeLevel, kind: CodeKind) -> u32 {
    let missing = kind.deepest().digits().saturating_sub(level.digits());
    10u32.pow(u32::try_from(missing).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: CodeKind = CodeKind::Function;

    #[test]
    fn packs_and_unpacks() {
        let p = Packed::parse("2080101", F).unwrap();
        assert_eq!(p.level(), CodeLevel::Item);
        assert_eq!(p.value(F), 2080101);
        assert_eq!(p.parent(F).unwrap().value(F), 20801);
        assert_eq!(p.parent(F).unwrap().parent(F).unwrap().value(F), 208);
        assert_eq!(p.parent(F).unwrap().parent(F).unwrap().parent(F), None);
    }

    #[test]
    fn separators_only_between_digits() {
        assert!(Packed::parse("208 01 01", F).is_ok());
        assert!(Packed::parse("208-01-01", F).is_ok());
        assert!(Packed::parse("208\u{3000}01\u{200b}01", F).is_ok());
        assert!(matches!(
            Packed::parse("-2080101", F),
            Err(CodeError::InvalidCharacter { found: '-', .. })
        ));
        assert!(matches!(
            Packed::parse("2080101-", F),
            Err(CodeError::InvalidCharacter { found: '-', .. })
        ));
    }

    #[test]
    fn many_digits_do_not_overflow() {
        assert!(matches!(
            Packed::parse("99999999999999999999999", F),
            Err(CodeError::DigitCount { found: 23, .. })
        ));
    }

    #[test]
    fn order_is_table_order() {
        let mut codes: Vec<Packed> = [
            "20802", "2080101", "209", "208", "20801", "2080199", "20800",
        ]
        .iter()
        .map(|s| Packed::parse(s, F).unwrap())
        .collect();
        codes.sort();
        let values: Vec<u32> = codes.iter().map(|p| p.value(F)).collect();
        assert_eq!(values, [208, 20800, 20801, 2080101, 2080199, 20802, 209]);
    }
}
