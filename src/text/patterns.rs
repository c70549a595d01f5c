//! The small matchers the sentence reader is built from: numbers with their units, the
//! keywords of the report sentences, and clause delimiters, over normalised text.
//!
//! Everything here works on one paragraph of [`normalize`](super::normalize)d text, in
//! byte offsets relative to that paragraph, in time linear in its length.

/// What follows a number: its unit, or what kind of figure it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NumUnit {
    /// 万元.
    WanYuan,
    /// 元.
    Yuan,
    /// 万 not followed by 元 nor by a unit of something else: 万元 by another name.
    Wan,
    /// `%`.
    Percent,
    /// 人.
    Person,
    /// 人次.
    PersonTimes,
    /// 个.
    Piece,
    /// 辆.
    Vehicle,
    /// 批次.
    Batch,
    /// 台（套）, 台 or 套.
    Set,
    /// 平方米.
    SquareMeter,
    /// A four-digit year followed by 年.
    Year,
    /// Any other unit (月, 日, 分, 万人, …): not a figure the reader knows.
    Other,
    /// Nothing recognisable follows: a bare number.
    Bare,
}

impl NumUnit {
    /// Whether the figure is money.
    pub(super) fn is_money(self) -> bool {
        matches!(self, NumUnit::WanYuan | NumUnit::Yuan | NumUnit::Wan)
    }

    /// Whether the figure counts things.
    pub(super) fn is_count(self) -> bool {
        matches!(
            self,
            NumUnit::Person
                | NumUnit::PersonTimes
                | NumUnit::Piece
                | NumUnit::Vehicle
                | NumUnit::Batch
                | NumUnit::Set
        )
    }
}

/// A number found in a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Num {
    /// Byte offset of the first digit.
    pub start: usize,
    /// Byte offset just after the last digit.
    pub end: usize,
    /// What follows it.
    pub unit: NumUnit,
    /// Byte offset just after the unit (`end` when there is none).
    pub unit_end: usize,
    /// Digits after the decimal point.
    pub decimals: usize,
}

impl Num {
    /// The number as printed (digits, grouping commas, decimal point).
    pub(super) fn text<'p>(&self, p: &'p str) -> &'p str {
        p.get(self.start..self.end).unwrap_or_default()
    }

    /// Whether this is a figure a report sentence states (money, a percentage, a count,
    /// an area, or a bare number with decimals), as opposed to a year, a date, a code or
    /// a score.
    pub(super) fn is_figure(&self) -> bool {
        match self.unit {
            NumUnit::Year | NumUnit::Other => false,
            NumUnit::Bare => self.decimals > 0,
            _ => true,
        }
    }
}

/// Which budget a budget keyword names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BudgetKind {
    /// 年初预算.
    Initial,
    /// 全年预算.
    Full,
    /// 预算数, unqualified.
    Plain,
}

/// How far a list introduction (包括：…) reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reach {
    /// To the next `，`, `；` or `。`.
    Comma,
    /// To the next `；` (exclusive) or `。` (inclusive).
    Clause,
    /// To the next `。` (inclusive).
    Sentence,
}

/// A keyword of the report sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kw {
    /// A direction word: `up` for a rise; `rate` when it usually states a rate
    /// (增长, 下降) rather than an amount (增加, 减少).
    Direction { up: bool, rate: bool },
    /// 持平, 无变化.
    Unchanged,
    /// 占 (a share follows).
    Share,
    /// 年初预算数, 全年预算为, 预算数, ….
    Budget(BudgetKind),
    /// 决算数, 支出决算为, ….
    Final,
    /// 预决算差异率.
    Variance,
    /// 完成 (…预算的 X%).
    Completion,
    /// 主要原因是, 差异原因.
    Reason,
    /// 包括：, 主要用于：, 开支内容包括: text that is read past.
    List(Reach),
    /// 分别是 / 分别为: a list of names.
    Enumeration,
    /// 截至 / 截止: a balance date follows.
    Date,
    /// 单价 (100万元（含）以上设备): the count of costly equipment follows.
    Equipment,
    /// 无 / 没有: a nil statement.
    Nothing,
    /// 上年决算数: last year's figure follows.
    Prior,
    /// A template instruction in brackets: （如持平作持平表述）, （不涉及的不列）.
    TemplateNote,
    /// Words that read past without meaning for the figures (主要用于以下方面).
    Filler,
    /// 相比: the end of an open comparison phrase (与2014年度…相比).
    Close,
    /// 分别 before a relation (分别下降18%、21.6%): one figure for each subject named
    /// before, in order.
    Respectively,
    /// What the following changes are measured against: 比上年, 与2023年度相比,
    /// 较年初预算数 (see [`frame_phrase`]); `true` when the phrase is closed by 相比.
    Frame(Frame, bool),
}

/// What a change is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Frame {
    /// Last year (比上年, 较上年决算数, 与2023年度相比, 同比): a change is `.change`.
    Prior,
    /// The budget (较年初预算, 与预算数相比): a change is `.budget_variance`.
    Budget,
    /// Something the schema has no suffix for (比上年预算数: last year's budget): the
    /// figures measured against it are not attributed.
    Other,
    /// A year named by number (与2023年度相比, 比2019年): last year when it is the
    /// year before the report's, another year otherwise.
    Year(i32),
    /// A year's budget (与2021年度预算相比): the budget when the year is the report's,
    /// another year's budget otherwise.
    YearBudget(i32),
}

/// The comparison frame at the start of `rest`, which starts with one of 比, 较, 与,
/// 同: `(比|较|与)(上年度|上年|去年|上一年度|上一年|YYYY年度|YYYY年|年初预算|全年预算|
/// 调整预算|预算)(决算数|决算|预算数|数)?(相比较|相比|比较)?`, or 同比. Returns the frame and
/// the length in bytes. 与 and 比 start many other words; only these phrases are frames.
pub(super) fn frame_at(rest: &str) -> Option<(Frame, usize)> {
    frame_phrase(rest).map(|(frame, len, _)| (frame, len))
}

/// [`frame_at`], and whether the phrase is closed: `与…相比` or `比上年` followed by
/// its relation is closed when it ends with 相比; `与2014年度` is open, and a figure
/// stated before its relation (与2014年度财政拨款收入218.4万元相比) is the figure
/// compared with: last year's, or the budget.
pub(super) fn frame_phrase(rest: &str) -> Option<(Frame, usize, bool)> {
    if let Some(after) = rest.strip_prefix("同比") {
        // 同比 alone closes the frame; 同比去年1.05万元增加…, 同比2014年… name what
        // is compared, as 比 does.
        let named = ["上一年", "上年", "去年"]
            .iter()
            .any(|w| after.starts_with(w))
            || (after.bytes().take_while(u8::is_ascii_digit).count() == 4
                && after.get(4..).is_some_and(|r| r.starts_with('年')));
        if !named {
            return Some((Frame::Prior, "同比".len(), true));
        }
    }
    let lead = [
        "同比",
        "相较于",
        "相比于",
        "相对于",
        "相较",
        "较之",
        "对比",
        "比",
        "较",
        "与",
        "同",
        "和",
    ]
    .into_iter()
    .find(|w| rest.starts_with(w))?;
    let mut at = lead.len();
    let after = rest.get(at..)?;
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let frame = if digits == 4 && after.get(4..).is_some_and(|r| r.starts_with('年')) {
        let year = after.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
        at += 4 + '年'.len_utf8();
        if rest.get(at..).is_some_and(|r| r.starts_with('度')) {
            at += '度'.len_utf8();
        }
        // A remark on the year: 比2019年（疫情前）决算数.
        if let Some(close) = rest
            .get(at..)
            .filter(|r| r.starts_with('（'))
            .and_then(|r| r.char_indices().take(12).find(|(_, c)| *c == '）'))
        {
            at += close.0 + '）'.len_utf8();
        }
        let budget = ["年初预算", "全年预算", "预算"]
            .iter()
            .find(|w| rest.get(at..).is_some_and(|r| r.starts_with(**w)));
        match budget {
            Some(w) => {
                at += w.len();
                Frame::YearBudget(year)
            }
            None => Frame::Year(year),
        }
    } else {
        const OBJECTS: &[(&str, Frame)] = &[
            ("上年预算", Frame::Other),
            ("上年度预算", Frame::Other),
            ("上一年度", Frame::Prior),
            ("上一年", Frame::Prior),
            ("上年度", Frame::Prior),
            ("上年", Frame::Prior),
            ("去年", Frame::Prior),
            ("年初预算", Frame::Budget),
            ("全年预算", Frame::Budget),
            ("调整预算", Frame::Budget),
            ("预算", Frame::Budget),
        ];
        let (word, frame) = OBJECTS.iter().find(|(w, _)| after.starts_with(w))?;
        at += word.len();
        // 和上年结转结余: last year's balance carried over, not a comparison.
        if rest
            .get(at..)
            .is_some_and(|r| r.starts_with("结转") || r.starts_with("结余"))
        {
            return None;
        }
        *frame
    };
    let mut closed = false;
    for (k, tail) in [
        &["决算数", "决算", "预算数", "数"][..],
        &["相比较", "相比", "比较"][..],
    ]
    .into_iter()
    .enumerate()
    {
        if let Some(w) = tail
            .iter()
            .find(|w| rest.get(at..).is_some_and(|r| r.starts_with(**w)))
        {
            at += w.len();
            closed |= k == 1;
        }
    }
    Some((frame, at, closed))
}

/// One token of a paragraph. Text between tokens is label text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tok {
    Num(Num),
    Kw(Kw),
    Delim(char),
}

/// A token and its byte range in the paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Token {
    pub tok: Tok,
    pub start: usize,
    pub end: usize,
}

/// CJK unified ideographs (U+4E00–U+9FFF): most characters of a report.
pub(super) fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Words of an [`IdeographSet`]: one bit per code point of U+4E00–U+9FFF.
const IDEOGRAPH_WORDS: usize = 328;

/// A set of CJK unified ideographs, built at compile time and tested with one bit
/// lookup: the matchers skip the ideographs that start nothing they look for without
/// comparing them one by one.
pub(super) struct IdeographSet([u64; IDEOGRAPH_WORDS]);

impl IdeographSet {
    /// The empty set.
    pub(super) const EMPTY: IdeographSet = IdeographSet([0; IDEOGRAPH_WORDS]);

    /// The set with the first character of `word` added, if it is an ideograph.
    // Runs at compile time: an index out of range fails the build, it cannot panic at
    // run time.
    #[allow(clippy::indexing_slicing)]
    pub(super) const fn with_first_of(mut self, word: &str) -> IdeographSet {
        let c = first_char(word);
        if c >= 0x4e00 && c <= 0x9fff {
            let offset = c - 0x4e00;
            self.0[(offset / 64) as usize] |= 1 << (offset % 64);
        }
        self
    }

    /// Whether the ideograph `c` is in the set (false for any other character).
    pub(super) fn contains(&self, c: char) -> bool {
        self.contains_code(u32::from(c))
    }

    /// [`contains`](IdeographSet::contains) for a code point.
    pub(super) fn contains_code(&self, code: u32) -> bool {
        code.checked_sub(0x4e00).is_some_and(|offset| {
            usize::try_from(offset / 64)
                .ok()
                .and_then(|word| self.0.get(word))
                .is_some_and(|bits| bits >> (offset % 64) & 1 == 1)
        })
    }
}

/// The code point of the first character of `s` (0 for an empty string), in a const
/// context.
// Runs at compile time only (see `IdeographSet::with_first_of`).
#[allow(clippy::indexing_slicing)]
const fn first_char(s: &str) -> u32 {
    let b = s.as_bytes();
    if b.is_empty() {
        return 0;
    }
    let lead = b[0] as u32;
    if lead < 0x80 {
        lead
    } else if lead < 0xe0 {
        ((lead & 0x1f) << 6) | (b[1] as u32 & 0x3f)
    } else if lead < 0xf0 {
        ((lead & 0x0f) << 12) | ((b[1] as u32 & 0x3f) << 6) | (b[2] as u32 & 0x3f)
    } else {
        ((lead & 0x07) << 18)
            | ((b[1] as u32 & 0x3f) << 12)
            | ((b[2] as u32 & 0x3f) << 6)
            | (b[3] as u32 & 0x3f)
    }
}

/// Characters that end a clause.
pub(super) fn is_delimiter(c: char) -> bool {
    matches!(c, '，' | '；' | '。' | '：' | '、' | '！' | '？' | '\t')
}

const fn kw(text: &'static str, kw: Kw) -> (&'static str, Kw) {
    (text, kw)
}

const UP: Kw = Kw::Direction {
    up: true,
    rate: false,
};
const UP_RATE: Kw = Kw::Direction {
    up: true,
    rate: true,
};
const DOWN: Kw = Kw::Direction {
    up: false,
    rate: false,
};
const DOWN_RATE: Kw = Kw::Direction {
    up: false,
    rate: true,
};

// Keyword tables by first character, longest first.
const KW_ZENG: &[(&str, Kw)] = &[kw("增加", UP), kw("增长", UP_RATE), kw("增幅", UP_RATE)];
const KW_JIAN: &[(&str, Kw)] = &[kw("减少", DOWN), kw("减幅", DOWN_RATE)];
const KW_XIA: &[(&str, Kw)] = &[kw("下降", DOWN_RATE)];
const KW_SHANG: &[(&str, Kw)] = &[
    kw("上年决算数为", Kw::Prior),
    kw("上年决算数", Kw::Prior),
    kw("上升", UP_RATE),
];
const KW_JIANG: &[(&str, Kw)] = &[kw("降低", DOWN_RATE), kw("降幅", DOWN_RATE)];
const KW_WU: &[(&str, Kw)] = &[
    kw("无增无减", Kw::Unchanged),
    kw("无变化", Kw::Unchanged),
    kw("无增减", Kw::Unchanged),
    kw("无", Kw::Nothing),
];
const KW_MEI: &[(&str, Kw)] = &[
    kw("没有变化", Kw::Unchanged),
    kw("没有增减", Kw::Unchanged),
    kw("没有", Kw::Nothing),
];
const KW_CHI: &[(&str, Kw)] = &[kw("持平", Kw::Unchanged)];
const KW_ZHAN: &[(&str, Kw)] = &[kw("占", Kw::Share)];
const KW_NIAN: &[(&str, Kw)] = &[
    kw("年初预算数为", Kw::Budget(BudgetKind::Initial)),
    kw("年初预算数", Kw::Budget(BudgetKind::Initial)),
    kw("年初预算为", Kw::Budget(BudgetKind::Initial)),
    kw("年初预算", Kw::Budget(BudgetKind::Initial)),
];
const KW_QUAN: &[(&str, Kw)] = &[
    kw("全年预算数为", Kw::Budget(BudgetKind::Full)),
    kw("全年预算数", Kw::Budget(BudgetKind::Full)),
    kw("全年预算为", Kw::Budget(BudgetKind::Full)),
    kw("全年预算", Kw::Budget(BudgetKind::Full)),
];
const KW_YU: &[(&str, Kw)] = &[
    kw("预决算差异率", Kw::Variance),
    kw("预算数为", Kw::Budget(BudgetKind::Plain)),
    kw("预算数", Kw::Budget(BudgetKind::Plain)),
    kw("预算为", Kw::Budget(BudgetKind::Plain)),
];
const KW_ZHI: &[(&str, Kw)] = &[
    kw("支出决算数为", Kw::Final),
    kw("支出决算数", Kw::Final),
    kw("支出决算为", Kw::Final),
    kw("支出决算", Kw::Final),
];
const KW_JUE: &[(&str, Kw)] = &[
    kw("决算支出数为", Kw::Final),
    kw("决算支出数", Kw::Final),
    kw("决算支出为", Kw::Final),
    kw("决算数为", Kw::Final),
    kw("决算数", Kw::Final),
    kw("决算为", Kw::Final),
];
const KW_WAN: &[(&str, Kw)] = &[kw("完成", Kw::Completion)];
const KW_ZHU: &[(&str, Kw)] = &[
    kw("主要原因是：", Kw::Reason),
    kw("主要原因为：", Kw::Reason),
    kw("主要原因是", Kw::Reason),
    kw("主要原因为", Kw::Reason),
    kw("主要原因：", Kw::Reason),
    kw("主要原因", Kw::Reason),
    kw("主要用于以下方面", Kw::Filler),
    kw("主要用于：", Kw::List(Reach::Sentence)),
    kw("主要用于", Kw::List(Reach::Comma)),
    kw("主要包括：", Kw::List(Reach::Clause)),
    kw("主要包括", Kw::List(Reach::Clause)),
    kw("主要是：", Kw::List(Reach::Clause)),
];
const KW_CHA: &[(&str, Kw)] = &[
    kw("差异原因是：", Kw::Reason),
    kw("差异原因是", Kw::Reason),
    kw("差异原因为", Kw::Reason),
    kw("差异原因：", Kw::Reason),
    kw("差异原因", Kw::Reason),
];
const KW_BAO: &[(&str, Kw)] = &[kw("包括：", Kw::List(Reach::Clause))];
const KW_KAI: &[(&str, Kw)] = &[
    kw("开支内容包括：", Kw::List(Reach::Sentence)),
    kw("开支内容包括", Kw::List(Reach::Sentence)),
];
const KW_FEN: &[(&str, Kw)] = &[
    kw("分别是：", Kw::Enumeration),
    kw("分别是", Kw::Enumeration),
    kw("分别为：", Kw::Enumeration),
    kw("分别为", Kw::Enumeration),
    kw("分别", Kw::Respectively),
];
const KW_JIE: &[(&str, Kw)] = &[kw("截至", Kw::Date), kw("截止", Kw::Date)];
const KW_DAN: &[(&str, Kw)] = &[kw("单价", Kw::Equipment)];
const KW_PAREN: &[(&str, Kw)] = &[
    kw("（如", Kw::TemplateNote),
    kw("（不涉及", Kw::TemplateNote),
    kw("（仅有", Kw::TemplateNote),
];
const KW_JU: &[(&str, Kw)] = &[kw("具体情况如下", Kw::Filler)];
// Comparison frames are matched by `frame_at`; these stand for their first characters.
const KW_BI: &[(&str, Kw)] = &[kw("比上年", Kw::Frame(Frame::Prior, false))];
const KW_JIAO: &[(&str, Kw)] = &[kw("较上年", Kw::Frame(Frame::Prior, false))];
const KW_YU3: &[(&str, Kw)] = &[kw("与上年", Kw::Frame(Frame::Prior, false))];
const KW_TONG: &[(&str, Kw)] = &[kw("同比", Kw::Frame(Frame::Prior, false))];
const KW_XIANG: &[(&str, Kw)] = &[kw("相比较", Kw::Close), kw("相比", Kw::Close)];

/// Every keyword table (each holds the keywords of one first character).
const KW_TABLES: &[&[(&str, Kw)]] = &[
    KW_ZENG, KW_JIAN, KW_XIA, KW_SHANG, KW_JIANG, KW_WU, KW_MEI, KW_CHI, KW_ZHAN, KW_NIAN, KW_QUAN,
    KW_YU, KW_ZHI, KW_JUE, KW_WAN, KW_ZHU, KW_CHA, KW_BAO, KW_KAI, KW_FEN, KW_JIE, KW_DAN,
    KW_PAREN, KW_JU, KW_BI, KW_JIAO, KW_YU3, KW_TONG, KW_XIANG,
];

/// The ideographs a keyword starts with.
// Runs at compile time: an index out of range fails the build.
#[allow(clippy::indexing_slicing)]
const KW_FIRSTS: IdeographSet = {
    let mut set = IdeographSet::EMPTY;
    let mut i = 0;
    while i < KW_TABLES.len() {
        // The first keyword of each table stands for the table (all start alike).
        if let Some((text, _)) = KW_TABLES[i].first() {
            set = set.with_first_of(text);
        }
        i += 1;
    }
    // 多 and 少 (see `more_or_less`).
    set.with_first_of("多").with_first_of("少")
};

/// The keyword starting at the beginning of `rest`, and its length in bytes.
#[cfg(test)]
pub(super) fn keyword(rest: &str) -> Option<(Kw, usize)> {
    keyword_at(rest.chars().next()?, rest)
}

/// [`keyword`] for a `rest` that starts with `first`.
fn keyword_at(first: char, rest: &str) -> Option<(Kw, usize)> {
    let table: &[(&str, Kw)] = match first {
        '增' => KW_ZENG,
        '减' => KW_JIAN,
        '下' => KW_XIA,
        '上' => KW_SHANG,
        '降' => KW_JIANG,
        '无' => KW_WU,
        '没' => KW_MEI,
        '持' => KW_CHI,
        '占' => KW_ZHAN,
        '年' => KW_NIAN,
        '全' => KW_QUAN,
        '预' => KW_YU,
        '支' => KW_ZHI,
        '决' => KW_JUE,
        '完' => KW_WAN,
        '主' => KW_ZHU,
        '差' => KW_CHA,
        '包' => KW_BAO,
        '开' => KW_KAI,
        '分' => KW_FEN,
        '截' => KW_JIE,
        '单' => KW_DAN,
        '（' => KW_PAREN,
        '具' => KW_JU,
        '比' | '较' | '与' | '同' => {
            // Most of these characters start no comparison (社会保障和就业): only the
            // characters a comparison can go on with are looked at further.
            let second = rest.get(first.len_utf8()..).and_then(|r| r.chars().next());
            let may = second.is_some_and(|c| {
                c.is_ascii_digit()
                    || matches!(c, '上' | '去' | '年' | '全' | '调' | '预' | '之' | '比')
            });
            if !may {
                return None;
            }
            return frame_phrase(rest).map(|(frame, len, closed)| (Kw::Frame(frame, closed), len));
        }
        '相' => {
            let second = rest.get(first.len_utf8()..).and_then(|r| r.chars().next());
            if matches!(second, Some('较' | '比' | '对')) {
                if let Some((frame, len, closed)) = frame_phrase(rest) {
                    return Some((Kw::Frame(frame, closed), len));
                }
            }
            KW_XIANG
        }
        _ => return None,
    };
    let Some((text, kw)) = table.iter().find(|(text, _)| rest.starts_with(text)) else {
        // 增437.7%, 减3.51万元: the one-character direction words, before a figure only.
        let digit_follows = rest
            .get(first.len_utf8()..)
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        return match first {
            '增' if digit_follows => Some((UP_RATE, first.len_utf8())),
            '减' if digit_follows => Some((DOWN, first.len_utf8())),
            _ => None,
        };
    };
    let after = rest.get(text.len()..).unwrap_or_default();
    match kw {
        // 占用, 占有: not a share.
        Kw::Share if after.starts_with(['用', '有', '地', '据']) => None,
        // 无形资产, 无偿: not a nil statement.
        Kw::Nothing if after.starts_with(['形', '偿']) => None,
        _ => Some((*kw, text.len())),
    }
}

/// 比去年3.01万元少0.07万元, 比上年多2人: 少 and 多 as the direction of a change,
/// only between a figure with its unit and the next figure (至少3次 is no change).
fn more_or_less(c: char, rest: &str, before: &str) -> Option<Kw> {
    let up = match c {
        '多' => true,
        '少' => false,
        _ => return None,
    };
    let digit_follows = rest
        .get(c.len_utf8()..)
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    let after_unit = before.ends_with(['元', '人', '次', '辆', '个', '台', '套']);
    (digit_follows && after_unit).then_some(Kw::Direction { up, rate: false })
}

/// The unit at the start of `rest` (what follows a number) and its length in bytes.
fn unit(rest: &str) -> (NumUnit, usize) {
    let candidates: &[(&str, NumUnit)] = match rest.chars().next() {
        Some('万') => &[
            ("万元", NumUnit::WanYuan),
            ("万人次", NumUnit::Other),
            ("万人", NumUnit::Other),
            ("万户", NumUnit::Other),
            ("万次", NumUnit::Other),
            ("万个", NumUnit::Other),
            ("万平方米", NumUnit::Other),
            ("万", NumUnit::Wan),
        ],
        Some('元') => &[("元", NumUnit::Yuan)],
        Some('%') => &[("%", NumUnit::Percent)],
        Some('平') => &[("平方米", NumUnit::SquareMeter)],
        Some('人') => &[("人次", NumUnit::PersonTimes), ("人", NumUnit::Person)],
        Some('名') => &[("名", NumUnit::Person)],
        Some('个') => &[("个", NumUnit::Piece)],
        Some('辆') => &[("辆", NumUnit::Vehicle)],
        Some('批') => &[
            ("批次", NumUnit::Batch),
            ("批（次）", NumUnit::Batch),
            ("批", NumUnit::Batch),
        ],
        Some('次') => &[("次", NumUnit::Batch)],
        Some('台') => &[("台（套）", NumUnit::Set), ("台", NumUnit::Set)],
        Some('套') => &[("套", NumUnit::Set)],
        Some('月' | '日' | '分' | '项' | '家' | '所' | '户' | '岁' | '倍' | '天') => {
            return (NumUnit::Other, 0);
        }
        _ => return (NumUnit::Bare, 0),
    };
    candidates
        .iter()
        .find(|(text, _)| rest.starts_with(text))
        .map_or((NumUnit::Bare, 0), |(text, unit)| (*unit, text.len()))
}

/// Reads the number starting at byte `start` of `p` (an ASCII digit there).
pub(super) fn number(p: &str, start: usize) -> Num {
    let bytes = p.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut end = start;
    while digit(end) {
        end += 1;
    }
    let int_digits = end - start;
    let mut grouped = false;
    while bytes.get(end) == Some(&b',') && (1..=3).all(|k| digit(end + k)) && !digit(end + 4) {
        end += 4;
        grouped = true;
    }
    let mut decimals = 0;
    if bytes.get(end) == Some(&b'.') && digit(end + 1) {
        end += 1;
        while digit(end) {
            end += 1;
            decimals += 1;
        }
    }
    let rest = p.get(end..).unwrap_or_default();
    let (unit, len) = if rest.starts_with('年') {
        if int_digits == 4 && decimals == 0 && !grouped {
            (NumUnit::Year, '年'.len_utf8())
        } else {
            (NumUnit::Other, '年'.len_utf8())
        }
    } else {
        unit(rest)
    };
    // A minus sign before the digits (预决算差异率-18.96%), unless it joins two words or
    // numbers (资金-天山, 2024-12-31).
    let signed = start
        .checked_sub(1)
        .filter(|&minus| bytes.get(minus) == Some(&b'-'))
        .filter(|&minus| {
            !minus
                .checked_sub(1)
                .and_then(|i| bytes.get(i))
                .is_some_and(u8::is_ascii_alphanumeric)
        });
    Num {
        start: signed.unwrap_or(start),
        end,
        unit,
        unit_end: end + len,
        decimals,
    }
}

/// The first token of `p` at or after byte `from` (a char boundary). Text before it is
/// label text. Tokens are read on demand, so that text the reader consumes as a whole (a
/// reason, a list) is never tokenized.
pub(super) fn next_token(p: &str, from: usize) -> Option<Token> {
    p.get(from..)?;
    let bytes = p.as_bytes();
    let mut i = from;
    while let Some(&lead) = bytes.get(i) {
        if (0xe4..=0xe9).contains(&lead) {
            // Fast path, on the bytes: a three-byte character of U+4000–U+9FFF (most
            // characters of a report are ideographs there). One that starts no keyword
            // is no digit or delimiter either.
            let code = (u32::from(lead & 0x0f) << 12)
                | (u32::from(bytes.get(i + 1)? & 0x3f) << 6)
                | u32::from(bytes.get(i + 2)? & 0x3f);
            if !KW_FIRSTS.contains_code(code) {
                i += 3;
                continue;
            }
        }
        let rest = p.get(i..)?;
        let c = rest.chars().next()?;
        if c.is_ascii_digit() {
            // Digits glued to letters or to a number (codes such as "A12") are text. (A
            // byte below 0x80 is a whole character: the one before the digit.)
            let glued = i
                .checked_sub(1)
                .and_then(|j| bytes.get(j))
                .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'.');
            if !glued {
                let n = number(p, i);
                return Some(Token {
                    tok: Tok::Num(n),
                    start: n.start,
                    end: n.unit_end,
                });
            }
        } else if is_delimiter(c) {
            return Some(Token {
                tok: Tok::Delim(c),
                start: i,
                end: i + c.len_utf8(),
            });
        } else if let Some(kw) = more_or_less(c, rest, p.get(..i).unwrap_or_default()) {
            return Some(Token {
                tok: Tok::Kw(kw),
                start: i,
                end: i + c.len_utf8(),
            });
        } else if let Some((kw, len)) = keyword_at(c, rest) {
            return Some(Token {
                tok: Tok::Kw(kw),
                start: i,
                end: i + len,
            });
        }
        i += c.len_utf8();
    }
    None
}

/// Every token of `p[from..]`, in order.
#[cfg(test)]
pub(super) fn lex(p: &str, from: usize, out: &mut Vec<Token>) {
    let mut at = from;
    while let Some(t) = next_token(p, at) {
        out.push(t);
        at = t.end;
    }
}

/// Every year the normalised text `p` names, as `(byte offset, year)`: four ASCII
/// digits (not part of a longer run) followed by 年. The same years as
/// [`years_in`](crate::years_in) finds in normalised text, where digits are ASCII and no
/// space stands before 年.
pub(super) fn years(p: &str) -> impl Iterator<Item = (usize, i32)> + '_ {
    p.match_indices('年').filter_map(move |(at, _)| {
        let start = at.checked_sub(4)?;
        let digits = p.get(start..at)?;
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let before = start
            .checked_sub(1)
            .and_then(|i| p.as_bytes().get(i))
            .is_some_and(u8::is_ascii_digit);
        if before {
            return None;
        }
        digits.parse().ok().map(|y| (start, y))
    })
}

/// Whether `s` states a money figure or a percentage (a number followed by 万元, 元, 万
/// or %).
pub(super) fn has_figure(s: &str) -> bool {
    let mut i = 0;
    while let Some(rest) = s.get(i..) {
        let Some(c) = rest.chars().next() else {
            return false;
        };
        if c.is_ascii_digit() {
            let n = number(s, i);
            if n.unit.is_money() || n.unit == NumUnit::Percent {
                return true;
            }
            i = n.unit_end.max(i + 1);
        } else {
            i += c.len_utf8();
        }
    }
    false
}

/// The byte offset of the first of `chars` at or after `from`.
pub(super) fn find_any(p: &str, from: usize, chars: &[char]) -> Option<(usize, char)> {
    let rest = p.get(from..)?;
    // Each character is searched for on its own, which is memchr-fast, and only before
    // the first one found so far: the first of them wins.
    let mut first: Option<(usize, char)> = None;
    for &c in chars {
        let before = first.map_or(rest, |(at, _)| rest.get(..at).unwrap_or_default());
        if let Some(at) = before.find(c) {
            first = Some((at, c));
        }
    }
    first.map(|(at, c)| (from + at, c))
}

/// [`find_any`] looking at no more than `limit` characters: look-aheads that do not
/// consume what they read must be bounded, or a paragraph of repeated keywords would
/// take quadratic time.
pub(super) fn find_any_within(
    p: &str,
    from: usize,
    chars: &[char],
    limit: usize,
) -> Option<(usize, char)> {
    let rest = p.get(from..)?;
    rest.char_indices()
        .take(limit)
        .find(|(_, c)| chars.contains(c))
        .map(|(at, c)| (from + at, c))
}

/// The end of the text `limit` characters after `from` (or the end of `p`).
pub(super) fn end_within(p: &str, from: usize, limit: usize) -> usize {
    p.get(from..)
        .and_then(|rest| rest.char_indices().nth(limit))
        .map_or(p.len(), |(at, _)| from + at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(p: &str) -> Vec<Tok> {
        let mut out = Vec::new();
        lex(p, 0, &mut out);
        out.into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn numbers_and_units() {
        let n = number("73,274.06万元，", 0);
        assert_eq!((n.end, n.unit, n.decimals), (9, NumUnit::WanYuan, 2));
        assert_eq!(number("93.43%", 0).unit, NumUnit::Percent);
        assert_eq!(number("1,785人", 0).unit, NumUnit::Person);
        assert_eq!(number("188人次", 0).unit, NumUnit::PersonTimes);
        assert_eq!(number("2024年", 0).unit, NumUnit::Year);
        assert_eq!(number("12月", 0).unit, NumUnit::Other);
        assert_eq!(number("48.32万人", 0).unit, NumUnit::Other);
        assert_eq!(number("159.00万支出", 0).unit, NumUnit::Wan);
        assert_eq!(number("51台（套）", 0).unit_end, "51台（套）".len());
        assert_eq!(number("165,381.14平方米", 0).unit, NumUnit::SquareMeter);
        let n = number("2080501，2080502", 0);
        assert_eq!((n.end, n.unit), (7, NumUnit::Bare));
        let n = number("1,23", 0);
        assert_eq!(n.end, 1);
        assert_eq!(number("0.123456", 0).decimals, 6);
        assert_eq!(number("率-18.96%", "率-".len()).start, "率".len());
        assert_eq!(number("2024-12-31", 5).start, 5);
    }

    #[test]
    fn keywords() {
        assert_eq!(keyword("占93.43%"), Some((Kw::Share, 3)));
        assert_eq!(keyword("占用情况"), None);
        assert_eq!(keyword("无形资产"), None);
        assert_eq!(keyword("主要原因是：本年"), Some((Kw::Reason, 18)));
        assert_eq!(
            keyword("全年预算数181.58"),
            Some((Kw::Budget(BudgetKind::Full), 15))
        );
        assert!(keyword("收入").is_none());
    }

    #[test]
    fn keyword_tables_are_indexed_by_first_character() {
        for table in KW_TABLES {
            let first = table
                .first()
                .and_then(|(text, _)| text.chars().next())
                .unwrap();
            for (text, kw) in *table {
                assert!(text.starts_with(first), "{text}");
                assert_eq!(KW_FIRSTS.contains(first), is_ideograph(first), "{text}");
                // Reached through the table of its first character (a longer keyword
                // of the same table may win, but some keyword is found).
                assert!(keyword(text).is_some(), "{text} {kw:?}");
            }
        }
        assert!(!KW_FIRSTS.contains('收'));
        assert!(!KW_FIRSTS.contains('a'));
    }

    #[test]
    fn lexing() {
        let toks = tokens("增加1,382.98万元，增长1.90%");
        assert_eq!(toks.len(), 5);
        assert!(matches!(
            toks.first(),
            Some(Tok::Kw(Kw::Direction { up: true, .. }))
        ));
        assert!(matches!(toks.get(2), Some(Tok::Delim('，'))));
        assert!(tokens("").is_empty());
        assert!(tokens("A12").is_empty());
        let ys: Vec<(usize, i32)> = years("与2023年度相比，12024年，2024年").collect();
        assert_eq!(ys, [(3, 2023), ("与2023年度相比，12024年，".len(), 2024)]);
        assert!(has_figure("增加159.00万支出"));
        assert!(!has_figure("2023年提高了"));
    }
}
