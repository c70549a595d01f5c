//! Row names that the layout wrapped over several lines.
//!
//! A table cell's name may print above its row's figures, on their line, and
//! below them, and nothing marks where one row's name ends and the next
//! one's begins when two rows' wrapped names meet. The catalog does: a
//! row's code has known names, so the split that makes the rows' names
//! known ones is the right one. When no split can be told, the names are
//! uncertain and are not stated.

use crate::code::normalize_code_name;

/// The names a row may have.
#[derive(Debug, Clone, Default)]
pub(crate) enum Known {
    /// Any: nothing to check against (a code the catalog does not know).
    #[default]
    Any,
    /// The catalog's names of its code, normalised.
    Names(Vec<&'static str>),
    /// This one (a 合计 row: its label, and nothing wrapped into it).
    Exactly(String),
}

impl Known {
    fn is(&self, name: &str) -> bool {
        match self {
            Known::Any => true,
            Known::Names(names) => names.contains(&name),
            Known::Exactly(k) => k == name,
        }
    }

    /// Whether a name starts with `head` (a name whose end is still to come).
    fn starts(&self, head: &str) -> bool {
        match self {
            Known::Any => true,
            Known::Names(names) => names.iter().any(|k| k.starts_with(head)),
            Known::Exactly(k) => k.starts_with(head),
        }
    }
}

/// A row's name as far as its own line goes, and the names it may have.
#[derive(Debug, Clone, Default)]
pub(crate) struct Anchor {
    pub own: String,
    pub known: Known,
}

/// The names of `anchors`, given the fragments in the gaps: `gaps[0]` lies
/// before the first anchor, `gaps[i]` between anchors `i − 1` and `i`, and
/// the last after the last anchor. Each name comes with whether it is
/// certain.
pub(crate) fn split(anchors: &[Anchor], gaps: &[Vec<String>]) -> Vec<(String, bool)> {
    let n = anchors.len();
    let mut out = Vec::with_capacity(n);
    let gaps: Vec<Vec<String>> = gaps
        .iter()
        .map(|g| g.iter().map(|f| normalize_code_name(f)).collect())
        .collect();
    let empty: Vec<String> = Vec::new();
    // What the previous gap gave the current anchor, and whether certainly.
    let mut above = gaps.first().unwrap_or(&empty).concat();
    let mut above_certain = true;
    let mut next_own = anchors.first().map(|a| normalize_code_name(&a.own));
    for (i, anchor) in anchors.iter().enumerate() {
        let own = next_own.take().unwrap_or_default();
        next_own = anchors.get(i + 1).map(|a| normalize_code_name(&a.own));
        let gap = gaps.get(i + 1).unwrap_or(&empty);
        let next = anchors.get(i + 1);
        let head = format!("{above}{own}");
        if next.is_none() {
            // The last row takes whatever follows it.
            let name = format!("{head}{}", gap.concat());
            let certain = above_certain && !name.is_empty();
            out.push((name, certain));
            break;
        }
        let k = gap.len();
        let name_with = |j: usize| format!("{head}{}", gap.get(..j).unwrap_or_default().concat());
        let own_next = next_own.as_deref().unwrap_or_default();
        let next_head =
            |j: usize| format!("{}{own_next}", gap.get(j..).unwrap_or_default().concat());
        let fits_next = |j: usize| next.is_none_or(|a| a.known.starts(&next_head(j)));
        let is = |j: usize| anchor.known.is(&name_with(j));
        let both: Vec<usize> = (0..=k).filter(|j| is(*j) && fits_next(*j)).collect();
        let (j, certain) = match both.as_slice() {
            [j] => (*j, true),
            [] => {
                // An empty start fits any name: no evidence.
                let by_next: Vec<usize> = (0..=k)
                    .filter(|j| fits_next(*j) && !next_head(*j).is_empty())
                    .collect();
                let by_own: Vec<usize> = (0..=k).filter(|j| is(*j)).collect();
                match (by_next.as_slice(), by_own.as_slice()) {
                    ([j], _) | (_, [j]) => (*j, true),
                    _ => (k, false),
                }
            }
            // Several splits fit: when no fragment is in doubt, any does.
            many => (many.first().copied().unwrap_or(0), k == 0),
        };
        let name = name_with(j);
        let certain = certain && above_certain && !name.is_empty();
        out.push((name, certain));
        above = gap.get(j..).unwrap_or_default().concat();
        above_certain = certain;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(own: &str, known: &[&'static str]) -> Anchor {
        Anchor {
            own: own.to_owned(),
            known: Known::Names(known.to_vec()),
        }
    }

    fn frags(parts: &[&str]) -> Vec<String> {
        parts.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn wrapped_names_split_by_the_catalog() {
        // 2013950 事业运行 / 其他社会工作 / 2013999 / 事务支出 / 社会保障和就 / 208 / 业支出
        let anchors = [
            anchor("事业运行", &["事业运行"]),
            anchor("", &["其他社会工作事务支出"]),
            anchor("", &["社会保障和就业支出"]),
        ];
        let gaps = [
            frags(&[]),
            frags(&["其他社会工作"]),
            frags(&["事务支出", "社会保障和就"]),
            frags(&["业支出"]),
        ];
        let names = split(&anchors, &gaps);
        assert_eq!(
            names,
            [
                ("事业运行".to_owned(), true),
                ("其他社会工作事务支出".to_owned(), true),
                ("社会保障和就业支出".to_owned(), true)
            ]
        );
    }

    #[test]
    fn a_wrong_name_is_kept_when_the_split_is_certain() {
        let anchors = [
            anchor("综合事务管理", &["综合业务管理"]),
            anchor("机关服务", &["机关服务"]),
        ];
        let names = split(&anchors, &[frags(&[]), frags(&[]), frags(&[])]);
        assert_eq!(names[0], ("综合事务管理".to_owned(), true));
    }

    #[test]
    fn an_undecidable_split_is_uncertain() {
        let anchors = [anchor("", &["甲乙"]), anchor("", &["丙丁"])];
        let names = split(&anchors, &[frags(&[]), frags(&["戊", "己"]), frags(&[])]);
        assert!(!names[0].1);
        assert!(!names[1].1);
    }
}
