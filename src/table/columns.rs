//! Column headings, and which column a figure is in.
//!
//! Headings are found by their words: a heading is one token, or tokens
//! stacked over several header lines whose columns overlap ("附属单位" over
//! "上缴收入"). Figures are right-aligned under them. The layout places each
//! page on its own grid, so a table continued on the next page is narrower
//! or wider there: the columns of another page are predicted from the header
//! page by the linear map that takes the label column and the first figure
//! column there to their places on that page.

use super::layout::{Line, Token};

/// A heading found in the header lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    /// Its words, without spaces.
    pub label: String,
    pub x: u32,
    pub end: u32,
}

/// The header tokens, one heading each, and the stacks of tokens whose
/// columns overlap across lines.
fn headings(lines: &[Line<'_>]) -> (Vec<(usize, Heading)>, Vec<Heading>) {
    let mut tokens: Vec<(usize, Heading)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        for t in &line.tokens {
            tokens.push((
                i,
                Heading {
                    label: t.text.chars().filter(|c| !c.is_whitespace()).collect(),
                    x: t.x,
                    end: t.end,
                },
            ));
        }
    }
    // Stacks: union of overlapping tokens, in line order.
    let mut stacks: Vec<(Vec<usize>, u32, u32)> = Vec::new();
    for (k, (_, h)) in tokens.iter().enumerate() {
        let mut joined: Option<usize> = None;
        let mut s = 0;
        while s < stacks.len() {
            let overlaps = stacks
                .get(s)
                .is_some_and(|(_, x, end)| h.x < *end && *x < h.end);
            if !overlaps {
                s += 1;
                continue;
            }
            match joined {
                None => {
                    if let Some(stack) = stacks.get_mut(s) {
                        stack.0.push(k);
                        stack.1 = stack.1.min(h.x);
                        stack.2 = stack.2.max(h.end);
                    }
                    joined = Some(s);
                    s += 1;
                }
                Some(j) => {
                    // The token bridges two stacks: merge them.
                    let other = stacks.remove(s);
                    if let Some(stack) = stacks.get_mut(j) {
                        stack.0.extend(other.0);
                        stack.1 = stack.1.min(other.1);
                        stack.2 = stack.2.max(other.2);
                    }
                }
            }
        }
        if joined.is_none() {
            stacks.push((vec![k], h.x, h.end));
        }
    }
    let groups = stacks
        .into_iter()
        .map(|(mut members, x, end)| {
            members.sort_unstable();
            let label = members
                .iter()
                .filter_map(|k| tokens.get(*k).map(|(_, h)| h.label.as_str()))
                .collect();
            Heading { label, x, end }
        })
        .collect();
    (tokens, groups)
}

/// The heading of each wanted column (each a list of accepted labels): a
/// single token first (from the lowest header line up), else a stack.
/// Headings left of `min_x` (the row labels' area) are not columns; each
/// heading serves one column.
pub(crate) fn locate(lines: &[Line<'_>], wanted: &[&[&str]], min_x: u32) -> Vec<Option<Heading>> {
    let (tokens, groups) = headings(lines);
    let mut used_tokens: Vec<usize> = Vec::new();
    let mut used_groups: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(wanted.len());
    for labels in wanted {
        let token = tokens
            .iter()
            .enumerate()
            .rev()
            .filter(|(k, (_, h))| {
                h.x >= min_x && !used_tokens.contains(k) && labels.contains(&h.label.as_str())
            })
            .min_by_key(|(_, (_, h))| h.x)
            .map(|(k, (_, h))| (k, h.clone()));
        if let Some((k, h)) = token {
            used_tokens.push(k);
            out.push(Some(h));
            continue;
        }
        let group = groups
            .iter()
            .enumerate()
            .filter(|(k, h)| {
                h.x >= min_x && !used_groups.contains(k) && labels.contains(&h.label.as_str())
            })
            .min_by_key(|(_, h)| h.x)
            .map(|(k, h)| (k, h.clone()));
        match group {
            Some((k, h)) => {
                used_groups.push(k);
                out.push(Some(h));
            }
            None => out.push(None),
        }
    }
    out
}

/// Where the figures of each column are, on the header page and, by a
/// linear map, on any other page.
#[derive(Debug, Clone)]
pub(crate) struct Model {
    /// Right edge of each column's figures on the header page.
    edges: Vec<Option<f64>>,
    /// The label column's x and the first column's edge on the header page.
    label_x: Option<f64>,
    first_edge: f64,
    /// Whether every row has a figure in the first column (合计), so a
    /// row's first figure is in it.
    first_filled: bool,
}

/// Calibration of one page: its label column and first figure column.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Anchors {
    pub label_x: Option<f64>,
    pub first_edge: Option<f64>,
}

impl Model {
    /// The model of columns whose headings are `headings` (in column
    /// order), given the header page's anchors. `None` when the first
    /// column has no heading.
    pub fn new(headings: &[Option<Heading>], header: Anchors, first_filled: bool) -> Option<Model> {
        let first = headings.first()?.as_ref()?;
        // Figures are right-aligned a little right of their heading's end.
        let delta = header.first_edge.map_or(1.0, |e| e - f64::from(first.end));
        let edges: Vec<Option<f64>> = headings
            .iter()
            .map(|h| h.as_ref().map(|h| f64::from(h.end) + delta))
            .collect();
        Some(Model {
            first_edge: f64::from(first.end) + delta,
            edges,
            label_x: header.label_x,
            first_filled,
        })
    }

    /// Number of columns.
    pub fn len(&self) -> usize {
        self.edges.len()
    }

    /// Sets each column's edge on the header page to where its figures
    /// were seen there (`seen[c]`: right edges of figures placed in column
    /// `c` by the headings alone), where any were.
    pub fn refine(&mut self, seen: &[Vec<u32>]) {
        for (edge, seen) in self.edges.iter_mut().zip(seen) {
            if let (Some(e), Some(m)) = (edge.as_mut(), median(seen)) {
                *e = m;
            }
        }
        if let Some(Some(first)) = self.edges.first() {
            self.first_edge = *first;
        }
    }

    /// The columns' edges on a page with these anchors (the header page's
    /// own anchors give the header page's edges).
    pub fn on_page(&self, page: Anchors) -> Vec<Option<f64>> {
        let Some(first) = page.first_edge else {
            return self.edges.clone();
        };
        let scale = match (self.label_x, page.label_x) {
            (Some(lh), Some(lp)) if (self.first_edge - lh).abs() > 1.0 => {
                ((first - lp) / (self.first_edge - lh)).clamp(0.5, 2.0)
            }
            _ => 1.0,
        };
        // Right-aligned figures of different widths end a column or two
        // apart: a small difference of scale is that jitter, not a narrower
        // grid.
        let scale = if (scale - 1.0).abs() < 0.12 {
            1.0
        } else {
            scale
        };
        self.edges
            .iter()
            .map(|e| e.map(|e| first + scale * (e - self.first_edge)))
            .collect()
    }

    /// The column of each of a row's figures (in order), or why not: a
    /// figure between two columns, two in one column, or a row whose first
    /// figure is not in the first column when that one is always filled.
    pub fn assign(
        &self,
        edges: &[Option<f64>],
        figures: &[Token<'_>],
    ) -> Result<Vec<usize>, String> {
        let n = edges.len();
        if figures.len() == n && edges.iter().all(Option::is_some) {
            return Ok((0..n).collect());
        }
        if figures.len() > n {
            return Err(format!("{} figures for {n} columns", figures.len()));
        }
        let mut out: Vec<usize> = Vec::with_capacity(figures.len());
        for f in figures {
            let at = f64::from(f.end);
            let mut best: Option<(usize, f64)> = None;
            for (c, e) in edges.iter().enumerate() {
                let Some(e) = e else { continue };
                let d = (at - e).abs();
                if best.is_none_or(|(_, bd)| d < bd) {
                    best = Some((c, d));
                }
            }
            let Some((c, d)) = best else {
                return Err("no column headings".to_owned());
            };
            // The nearest column must be clearly nearer than its neighbours.
            let center = edges.get(c).copied().flatten().unwrap_or(at);
            let gap = edges
                .iter()
                .enumerate()
                .filter(|(k, _)| *k != c)
                .filter_map(|(_, e)| e.map(|e| (e - center).abs()))
                .fold(f64::INFINITY, f64::min);
            if d > 4.0 || d > 0.4 * gap {
                return Err(format!(
                    "figure {} (ending at column {}) is between columns",
                    f.text, f.end
                ));
            }
            if out.last().is_some_and(|last| *last >= c) {
                return Err(format!("two figures in one column near {}", f.text));
            }
            out.push(c);
        }
        if self.first_filled && out.first().is_some_and(|c| *c != 0) {
            return Err("the row's first figure is not in the first column".to_owned());
        }
        Ok(out)
    }
}

/// The most common value (the smallest of ties).
pub(crate) fn mode(values: &[u32]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let mut best: Option<(u32, usize)> = None;
    let mut i = 0;
    while let Some(v) = sorted.get(i) {
        let run = sorted.iter().skip(i).take_while(|w| *w == v).count();
        if best.is_none_or(|(_, n)| run > n) {
            best = Some((*v, run));
        }
        i += run.max(1);
    }
    best.map(|(v, _)| f64::from(v))
}

/// The median (the lower of the middle two).
pub(crate) fn median(values: &[u32]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let mid = sorted.len().checked_sub(1)? / 2;
    sorted.get(mid).map(|v| f64::from(*v))
}

#[cfg(test)]
mod tests {
    use super::super::layout::lines;
    use super::*;

    #[test]
    fn stacked_headings() {
        let text = "              附属单位\n本年收入合计  事业收入  上缴收入  其他收入";
        let ls = lines(text);
        let found = locate(
            &ls,
            &[
                &["本年收入合计"],
                &["附属单位上缴收入"],
                &["其他收入"],
                &["经营收入"],
            ],
            0,
        );
        assert_eq!(found[0].as_ref().map(|h| h.x), Some(0));
        assert_eq!(
            found[1].as_ref().map(|h| h.label.as_str()),
            Some("附属单位上缴收入")
        );
        assert!(found[2].is_some());
        assert!(found[3].is_none());
    }

    #[test]
    fn modes_and_medians() {
        assert_eq!(mode(&[10, 12, 10, 11]), Some(10.0));
        assert_eq!(median(&[5, 1, 3]), Some(3.0));
        assert_eq!(median(&[]), None);
    }
}
