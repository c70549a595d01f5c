//! The 部门决算情况说明 narrative, written in the phrasing of the 2024
//! template and the reference report.
//!
//! Every sentence is written only when its figures are stated (不涉及的不列).
//! Directions are chosen by sign: 增加/增长 for a rise, 减少/下降 for a fall,
//! and 持平 (与上年相比无变化) when the change is zero.

use std::fmt::Write as _;

use crate::amount::Amount;
use crate::code::{Catalog, CodeLevel, FunctionCode};
use crate::disclosure::Disclosure;
use crate::fact::{FactId, VehicleKind};

/// The fixed glossary (名词解释) of the 2024 template.
///
/// ```
/// assert!(juesuan::render::GLOSSARY.iter().any(|(term, _)| *term == "机关运行经费"));
/// ```
pub const GLOSSARY: &[(&str, &str)] = &[
    ("财政拨款收入", "指同级财政当年拨付的资金。"),
    (
        "上级补助收入",
        "指事业单位从主管部门和上级单位取得的非财政补助收入。",
    ),
    (
        "事业收入",
        "指事业单位开展专业业务活动及其辅助活动所取得的收入。",
    ),
    (
        "经营收入",
        "指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。",
    ),
    (
        "附属单位上缴收入",
        "指事业单位附属的独立核算单位按有关规定上缴的收入。",
    ),
    (
        "其他收入",
        "指除上述“财政拨款收入”、“事业收入”、“经营收入”、“附属单位上缴收入”等之外取得的收入。",
    ),
    (
        "年初结转和结余",
        "指以前年度支出预算因客观条件变化未执行完毕、结转到本年度按有关规定继续使用的资金，既包括财政拨款结转和结余，也包括事业收入、经营收入、其他收入的结转和结余。",
    ),
    (
        "年末结转和结余",
        "指本年度或以前年度预算安排、因客观条件发生变化无法按原计划实施，需要延迟到以后年度按有关规定继续使用的资金，既包括财政拨款结转和结余，也包括事业收入、经营收入、其他收入的结转和结余。",
    ),
    (
        "基本支出",
        "指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
    ),
    (
        "项目支出",
        "指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
    ),
    (
        "经营支出",
        "指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动发生的支出。",
    ),
    (
        "对附属单位补助支出",
        "指事业单位发生的用非财政预算资金对附属单位的补助支出。",
    ),
    (
        "“三公”经费",
        "指用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。其中，因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置反映公务用车购置支出（含车辆购置税、牌照费）；公务用车运行维护费反映单位按规定保留的公务用车燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）费用。",
    ),
    (
        "机关运行经费",
        "行政单位和参照公务员法管理的事业单位财政拨款基本支出中的公用经费支出。",
    ),
];

const NUMERALS: [&str; 20] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
    "十五", "十六", "十七", "十八", "十九", "二十",
];

fn numeral(n: usize) -> &'static str {
    n.checked_sub(1)
        .and_then(|i| NUMERALS.get(i))
        .copied()
        .unwrap_or("")
}

/// Writes the narrative from what a disclosure states.
struct Writer<'a> {
    d: &'a Disclosure,
    out: String,
    year: String,
    section: usize,
}

impl<'a> Writer<'a> {
    fn amount(&self, id: &str) -> Option<String> {
        self.d.amount(id).map(|a| format!("{}万元", in_wan(a)))
    }

    fn percent(&self, id: &str) -> Option<String> {
        self.d.percent(id).map(|p| p.to_string())
    }

    fn count(&self, id: &str) -> Option<i64> {
        self.d.count(id)
    }

    fn has_any(&self, ids: &[&str]) -> bool {
        ids.iter().any(|id| self.d.contains(id))
    }

    fn heading(&mut self, title: &str) {
        self.section += 1;
        let _ = writeln!(self.out, "\n{}、{title}\n", numeral(self.section));
    }

    fn para(&mut self, text: &str) {
        if !text.is_empty() {
            let _ = writeln!(self.out, "{text}");
        }
    }

    /// "，主要原因是：…" when a reason is stated, else "".
    fn reason(&self, id: &str) -> String {
        match self.d.text(id) {
            Some(r) if !r.trim().is_empty() => {
                let r = r.trim().trim_end_matches(['。', '；', '，']);
                format!("，主要原因是：{r}")
            }
            _ => String::new(),
        }
    }

    /// "增加 X 万元，增长 Y%" (or 减少/下降, or 与上年相比无变化).
    /// Whether both totals of a pair state the same change and rate, so that one
    /// sentence (收入支出总体与上年相比…) states both.
    fn pair_change(&self, revenue: &str, expenditure: &str) -> bool {
        let of = |base: &str| {
            (
                self.d.amount(&format!("{base}.change")),
                self.d.percent(&format!("{base}.change_rate")),
            )
        };
        let (a, b) = (of(revenue), of(expenditure));
        a.0.is_some() && a == b
    }

    fn change(&self, base: &str, prefix: &str) -> Option<String> {
        let change = self.d.amount(&format!("{base}.change"))?;
        let rate = self.d.percent(&format!("{base}.change_rate"));
        // 无变化 states no rate: only when none is stated, so that every
        // stated figure is written.
        if change.is_zero() && rate.is_none() {
            return Some("与上年相比无变化".to_owned());
        }
        let negative = change.value().is_sign_negative();
        let mut s = format!(
            "{prefix}{}{}万元",
            if negative { "减少" } else { "增加" },
            in_wan(if negative { change.negated() } else { change })
        );
        if let Some(r) = rate {
            let fall = r.value().is_sign_negative() || (negative && r.value().is_zero());
            let shown = if r.value().is_sign_negative() {
                r.negated()
            } else {
                r
            };
            let _ = write!(s, "，{}{shown}", if fall { "下降" } else { "增长" });
        }
        Some(s)
    }

    /// "与年初预算相比，年初预算数 B 万元，决算数 X 万元，预决算差异率 R%，主要原因是：…。"
    fn budget(&self, base: &str, budget_id: &str, lead: &str, budget_word: &str) -> Option<String> {
        let b = self.amount(budget_id)?;
        let x = self.amount(base)?;
        let mut s = format!("{lead}{budget_word}{b}，决算数{x}");
        if let Some(r) = self.percent(&format!("{base}.budget_variance_rate")) {
            let _ = write!(s, "，预决算差异率{r}");
        }
        if let Some(r) = self.percent(&format!("{base}.completion_rate")) {
            let _ = write!(s, "，完成年初预算的{r}");
        }
        s.push_str(&self.reason(&format!("{base}.budget_reason")));
        Some(s)
    }

    fn function_path(&self, code: FunctionCode) -> String {
        let year = self.d.fiscal_year().map_or(2024, |y| y.year());
        let name = |c: FunctionCode| -> String {
            if let Some(n) = self.d.text(&format!("general_budget.function.{c}.name")) {
                return n.to_owned();
            }
            Catalog::function()
                .name_in(c, year)
                .unwrap_or_default()
                .to_owned()
        };
        let mut path = String::new();
        let mut chain: Vec<FunctionCode> = code.ancestors().collect();
        chain.reverse();
        chain.push(code);
        for c in chain {
            let level = match c.level() {
                CodeLevel::Class => "类",
                CodeLevel::Section => "款",
                _ => "项",
            };
            let _ = write!(path, "{}（{level}）", name(c));
        }
        path
    }

    fn overview(&mut self) {
        let d = self.d;
        let dept = d.department().unwrap_or("本部门").to_owned();
        let mut staff = Vec::new();
        if let Some(t) = self.count("staff.total") {
            let mut s = format!("{dept}{}年度，实有人数{}人", self.year, grouped(t));
            if let Some(c) = self.count("staff.total.change") {
                let _ = match c.signum() {
                    1 => write!(s, "，比上年增加{c}人"),
                    -1 => write!(s, "，比上年减少{}人", c.unsigned_abs()),
                    _ => write!(s, "，与上年持平"),
                };
            }
            let mut parts = Vec::new();
            for (label, key) in [
                ("在职人员", "active"),
                ("离休人员", "retired_cadre"),
                ("退休人员", "retired"),
            ] {
                if let Some(n) = self.count(&format!("staff.{key}")) {
                    let mut p = format!("{label}{}人", grouped(n));
                    if let Some(c) = self.count(&format!("staff.{key}.change")) {
                        let _ = match c.signum() {
                            1 => write!(p, "，增加{c}人"),
                            -1 => write!(p, "，减少{}人", c.unsigned_abs()),
                            _ => write!(p, "，与上年持平"),
                        };
                    }
                    parts.push(p);
                }
            }
            if !parts.is_empty() {
                let _ = write!(s, "，其中：{}", parts.join("；"));
            }
            s.push('。');
            staff.push(s);
        }
        let divisions = d.divisions();
        let division_count = self.count("organization.divisions");
        let units = d.units();
        if staff.is_empty() && divisions.is_empty() && units.is_empty() && division_count.is_none()
        {
            return;
        }
        let _ = writeln!(self.out, "第一部分 部门概况\n");
        if !divisions.is_empty() || division_count.is_some() {
            let n = division_count.map_or(divisions.len().to_string(), |n| n.to_string());
            let mut s = format!("{dept}本级下设{n}个");
            if !divisions.is_empty() {
                let _ = write!(s, "，分别是：{}", divisions.join("、"));
            }
            s.push('。');
            self.para(&s);
        }
        if !units.is_empty() {
            self.para(&format!(
                "纳入{dept}{}年度部门决算编制范围的下属预算单位包括：{}。",
                self.year,
                units.join("、")
            ));
        }
        for s in staff {
            self.para(&s);
        }
        self.out.push('\n');
    }

    fn totals(&mut self) {
        if !self.has_any(&["revenue.total", "expenditure.total", "revenue.total.change"]) {
            return;
        }
        self.heading("收入支出决算总体情况说明");
        let y = self.year.clone();
        if let Some(t) = self.amount("revenue.total") {
            let parts: Vec<String> = [
                ("本年收入合计", "revenue.current_year"),
                (
                    "使用非财政拨款结余（含专用结余）",
                    "revenue.non_appropriation_balance_used",
                ),
                ("年初结转和结余", "revenue.opening_balance"),
            ]
            .iter()
            .filter_map(|(l, id)| self.amount(id).map(|a| format!("{l}{a}")))
            .collect();
            self.para(&sentence(&format!("{y}年度收入总计{t}"), &parts));
        }
        if let Some(t) = self.amount("expenditure.total") {
            let parts: Vec<String> = [
                ("本年支出合计", "expenditure.current_year"),
                ("结余分配", "expenditure.surplus_distribution"),
                ("年末结转和结余", "expenditure.closing_balance"),
            ]
            .iter()
            .filter_map(|(l, id)| self.amount(id).map(|a| format!("{l}{a}")))
            .collect();
            self.para(&sentence(&format!("{y}年度支出总计{t}"), &parts));
        }
        let both = self.pair_change("revenue.total", "expenditure.total");
        for (subject, id) in [
            (
                if both {
                    "收入支出总体"
                } else {
                    "收入总计"
                },
                "revenue.total",
            ),
            ("支出总计", "expenditure.total"),
        ] {
            if both && id == "expenditure.total" {
                continue;
            }
            if let Some(c) = self.change(id, "") {
                let r = self.reason(&format!("{id}.reason"));
                self.para(&format!("{subject}与上年相比，{c}{r}。"));
            }
        }
    }

    fn split(&mut self, title: &str, lead: &str, total: &str, items: &[(&str, &str)]) {
        let stated: Vec<String> = items
            .iter()
            .filter_map(|(label, id)| {
                let a = self.amount(id)?;
                Some(match self.percent(&format!("{id}.share")) {
                    Some(p) => format!("{label}{a}，占{p}"),
                    None => format!("{label}{a}"),
                })
            })
            .collect();
        if stated.is_empty() && !self.d.contains(total) {
            return;
        }
        self.heading(title);
        let head = match self.amount(total) {
            Some(t) => format!("{lead}{t}"),
            None => lead.to_owned(),
        };
        if stated.is_empty() {
            self.para(&format!("{head}。"));
        } else {
            self.para(&format!("{head}，其中：{}。", stated.join("；")));
        }
    }

    fn appropriation(&mut self) {
        if !self.has_any(&[
            "appropriation.revenue_total",
            "appropriation.expenditure_total",
        ]) {
            return;
        }
        self.heading("财政拨款收入支出决算总体情况说明");
        let y = self.year.clone();
        let mut s = String::new();
        if let Some(t) = self.amount("appropriation.revenue_total") {
            let parts: Vec<String> = [
                ("年初财政拨款结转和结余", "appropriation.opening_balance"),
                ("本年财政拨款收入", "appropriation.revenue"),
            ]
            .iter()
            .filter_map(|(l, id)| self.amount(id).map(|a| format!("{l}{a}")))
            .collect();
            s.push_str(&sentence(&format!("{y}年度财政拨款收入总计{t}"), &parts));
        }
        if let Some(t) = self.amount("appropriation.expenditure_total") {
            let parts: Vec<String> = [
                ("年末财政拨款结转和结余", "appropriation.closing_balance"),
                ("本年财政拨款支出", "appropriation.expenditure"),
            ]
            .iter()
            .filter_map(|(l, id)| self.amount(id).map(|a| format!("{l}{a}")))
            .collect();
            s.push_str(&sentence(&format!("财政拨款支出总计{t}"), &parts));
        }
        self.para(&s);
        let mut s = String::new();
        let both = self.pair_change(
            "appropriation.revenue_total",
            "appropriation.expenditure_total",
        );
        for (subject, id) in [
            (
                if both {
                    "财政拨款收入支出总体"
                } else {
                    "财政拨款收入总计"
                },
                "appropriation.revenue_total",
            ),
            ("财政拨款支出总计", "appropriation.expenditure_total"),
        ] {
            if both && id == "appropriation.expenditure_total" {
                continue;
            }
            if let Some(c) = self.change(id, "") {
                let r = self.reason(&format!("{id}.reason"));
                let _ = write!(s, "{subject}与上年相比，{c}{r}。");
            }
        }
        if let Some(b) = self.budget(
            "appropriation.revenue_total",
            "appropriation.initial_budget",
            "与年初预算相比，",
            "年初预算数",
        ) {
            let _ = write!(s, "{b}。");
        }
        self.para(&s);
    }

    fn general_budget(&mut self) {
        let classes = codes(self.d, CodeLevel::Class);
        let items: Vec<FunctionCode> = codes_all(self.d)
            .into_iter()
            .filter(|c| c.level() != CodeLevel::Class)
            .collect();
        if !self.d.contains("general_budget.expenditure") && classes.is_empty() && items.is_empty()
        {
            return;
        }
        self.heading("一般公共预算财政拨款支出决算情况说明");
        let y = self.year.clone();
        if let Some(x) = self.amount("general_budget.expenditure") {
            self.para("（一）一般公共预算财政拨款支出决算总体情况");
            let mut s = format!("{y}年度一般公共预算财政拨款支出{x}");
            if let Some(p) = self.percent("general_budget.expenditure.share") {
                let _ = write!(s, "，占本年支出合计的{p}");
            }
            s.push('。');
            if let Some(c) = self.change("general_budget.expenditure", "与上年相比，") {
                let r = self.reason("general_budget.expenditure.reason");
                let c = if c.starts_with("与上年相比无变化") {
                    c
                } else {
                    c.to_string()
                };
                let _ = write!(s, "{c}{r}。");
            }
            if let Some(b) = self.budget(
                "general_budget.expenditure",
                "general_budget.expenditure.budget",
                "与年初预算相比，",
                "年初预算数",
            ) {
                let _ = write!(s, "{b}。");
            }
            self.para(&s);
        }
        if !classes.is_empty() {
            self.para("（二）一般公共预算财政拨款支出决算结构情况");
            for c in &classes {
                let id = format!("general_budget.function.{c}");
                let Some(x) = self.amount(&id) else {
                    continue;
                };
                let mut s = format!("{}{x}", self.function_path(*c));
                if let Some(p) = self.percent(&format!("{id}.share")) {
                    let _ = write!(s, "，占{p}");
                }
                if let Some(ch) = self.change(&id, "比上年") {
                    let ch = ch.replace("比上年与上年相比无变化", "与上年相比无变化");
                    let _ = write!(s, "，{ch}");
                }
                s.push('。');
                self.para(&s);
            }
        }
        if !items.is_empty() {
            self.para("（三）一般公共预算财政拨款支出决算具体情况");
            for (n, c) in items.iter().enumerate() {
                let id = format!("general_budget.function.{c}");
                let Some(x) = self.amount(&id) else {
                    continue;
                };
                let mut s = format!("{}、{}：支出决算数为{x}", n + 1, self.function_path(*c));
                if let Some(ch) = self.change(&id, "比上年决算") {
                    let ch = ch.replace("比上年决算与上年相比无变化", "与上年决算相比无变化");
                    let _ = write!(s, "，{ch}");
                }
                s.push_str(&self.reason(&format!("{id}.reason")));
                s.push('。');
                self.para(&s);
            }
        }
    }

    fn basic(&mut self) {
        let Some(total) = self.amount("basic.total") else {
            return;
        };
        self.heading("一般公共预算财政拨款基本支出决算情况说明");
        let y = self.year.clone();
        let mut s = format!("{y}年度一般公共预算财政拨款基本支出{total}");
        if let Some(p) = self.amount("basic.personnel") {
            let _ = write!(
                s,
                "，其中：人员经费{p}，包括：基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、公务员医疗补助缴费、其他社会保障缴费、住房公积金、其他工资福利支出、离休费、退休费、抚恤金、生活补助、奖励金和其他对个人和家庭的补助"
            );
        }
        s.push('。');
        self.para(&s);
        if let Some(q) = self.amount("basic.public") {
            self.para(&format!(
                "公用经费{q}，包括：办公费、印刷费、水费、电费、邮电费、取暖费、物业管理费、差旅费、维修（护）费、公务接待费、专用材料费、劳务费、委托业务费、工会经费、福利费、公务用车运行维护费、其他交通费用、税金及附加费用和其他商品和服务支出。"
            ));
        }
    }

    fn fund(&mut self, prefix: &str, name: &str) {
        let ids: Vec<String> = [
            "revenue",
            "expenditure",
            "opening_balance",
            "closing_balance",
        ]
        .iter()
        .map(|k| format!("{prefix}.{k}"))
        .collect();
        let stated: Vec<Amount> = ids.iter().filter_map(|id| self.d.amount(id)).collect();
        if stated.is_empty() {
            return;
        }
        self.heading(&format!("{name}财政拨款收入支出决算情况说明"));
        if stated.iter().all(Amount::is_zero) {
            self.para(&format!(
                "本部门本年度无{name}财政拨款收入、支出及结转和结余，{name}财政拨款收入支出决算表为空表。"
            ));
            return;
        }
        let y = self.year.clone();
        let parts: Vec<String> = [
            ("年初结转和结余", "opening_balance"),
            ("本年收入", "revenue"),
            ("本年支出", "expenditure"),
            ("年末结转和结余", "closing_balance"),
        ]
        .iter()
        .filter_map(|(l, k)| {
            self.amount(&format!("{prefix}.{k}"))
                .map(|a| format!("{l}{a}"))
        })
        .collect();
        self.para(&format!("{y}年度{name}财政拨款{}。", parts.join("，")));
    }

    fn three_public(&mut self) {
        let Some(total) = self.amount("three_public.total") else {
            return;
        };
        self.heading("财政拨款“三公”经费支出决算情况说明");
        let y = self.year.clone();
        let mut s = format!("{y}年度财政拨款“三公”经费支出{total}");
        if let Some(c) = self.change("three_public.total", "比上年") {
            let c = c.replace("比上年与上年相比无变化", "与上年相比无变化");
            let _ = write!(s, "，{c}");
        }
        s.push_str(&self.reason("three_public.total.reason"));
        let mut items = Vec::new();
        for (label, key) in [
            ("因公出国（境）费支出", "overseas_travel"),
            ("公务用车购置及运行维护费支出", "vehicles"),
            ("公务接待费支出", "reception"),
        ] {
            let id = format!("three_public.{key}");
            let Some(x) = self.amount(&id) else {
                continue;
            };
            let mut p = format!("{label}{x}");
            if let Some(sh) = self.percent(&format!("{id}.share")) {
                let _ = write!(p, "，占{sh}");
            }
            if let Some(c) = self.change(&id, "比上年") {
                let c = c.replace("比上年与上年相比无变化", "与上年相比无变化");
                let _ = write!(p, "，{c}");
            }
            p.push_str(&self.reason(&format!("{id}.reason")));
            items.push(p);
        }
        if !items.is_empty() {
            let _ = write!(s, "。其中：{}", items.join("；"));
        }
        s.push('。');
        self.para(&s);

        let mut detail = Vec::new();
        if let Some(x) = self.amount("three_public.overseas_travel") {
            let mut p = format!("因公出国（境）费支出{x}。");
            if let (Some(g), Some(n)) = (
                self.count("three_public.overseas_groups"),
                self.count("three_public.overseas_persons"),
            ) {
                let _ = write!(
                    p,
                    "单位全年安排的因公出国（境）团组{g}个，因公出国（境）{n}人次。"
                );
            }
            detail.push(p);
        }
        if let Some(x) = self.amount("three_public.vehicles") {
            let mut p = format!("公务用车购置及运行维护费{x}");
            let parts: Vec<String> = [
                ("公务用车购置费", "three_public.vehicle_purchase"),
                ("公务用车运行维护费", "three_public.vehicle_operation"),
            ]
            .iter()
            .filter_map(|(l, id)| self.amount(id).map(|a| format!("{l}{a}")))
            .collect();
            if !parts.is_empty() {
                let _ = write!(p, "，其中：{}", parts.join("，"));
            }
            p.push('。');
            if let Some(n) = self.count("three_public.vehicles_purchased") {
                let _ = write!(p, "公务用车购置数{n}辆");
                if let Some(h) = self.count("three_public.vehicles_held") {
                    let _ = write!(p, "，公务用车保有量{h}辆");
                }
                p.push('。');
            } else if let Some(h) = self.count("three_public.vehicles_held") {
                let _ = write!(p, "公务用车保有量{h}辆。");
            }
            if let (Some(v), Some(h)) = (
                self.count("assets.vehicles"),
                self.count("three_public.vehicles_held"),
            ) {
                if v != h {
                    let r = self
                        .d
                        .text("three_public.vehicles_held.reason")
                        .unwrap_or_default();
                    let r = r.trim().trim_end_matches('。');
                    let _ = write!(
                        p,
                        "国有资产占用情况中固定资产车辆{v}辆，与公务用车保有量差异原因是：{r}。"
                    );
                }
            }
            detail.push(p);
        }
        if let Some(x) = self.amount("three_public.reception") {
            let mut p = format!("公务接待费{x}。");
            if let (Some(b), Some(n)) = (
                self.count("three_public.reception_batches"),
                self.count("three_public.reception_persons"),
            ) {
                let _ = write!(p, "单位全年安排的国内公务接待{b}批次，{n}人次。");
            }
            detail.push(p);
        }
        if !detail.is_empty() {
            self.para("具体情况如下：");
            for p in detail {
                self.para(&p);
            }
        }
        let mut budget = Vec::new();
        if let Some(b) = self.budget(
            "three_public.total",
            "three_public.total.budget",
            "与全年预算相比，财政拨款“三公”经费支出",
            "全年预算数",
        ) {
            budget.push(b);
        }
        let mut items = Vec::new();
        for (label, key) in [
            ("因公出国（境）费", "overseas_travel"),
            ("公务用车购置及运行维护费", "vehicles"),
            ("公务用车购置费", "vehicle_purchase"),
            ("公务用车运行维护费", "vehicle_operation"),
            ("公务接待费", "reception"),
        ] {
            let id = format!("three_public.{key}");
            if let Some(b) = self.budget(&id, &format!("{id}.budget"), label, "全年预算数") {
                items.push(b);
            }
        }
        if !items.is_empty() {
            budget.push(format!("其中：{}", items.join("；")));
        }
        if !budget.is_empty() {
            self.para(&format!("{}。", budget.join("。")));
        }
    }

    fn other_matters(&mut self) {
        let any = self.has_any(&[
            "office_operating_cost",
            "institution_public_cost",
            "procurement.total",
            "assets.building_area",
            "assets.vehicles",
            "assets.equipment_over_1m",
        ]);
        if !any {
            return;
        }
        self.heading("其他重要事项的情况说明");
        let y = self.year.clone();
        let dept = self.d.department().unwrap_or("本部门").to_owned();
        if self.has_any(&["office_operating_cost", "institution_public_cost"]) {
            self.para("（一）机关运行经费及公用经费支出情况");
            for (who, id) in [
                (
                    "（行政单位和参照公务员法管理事业单位）机关运行经费",
                    "office_operating_cost",
                ),
                ("（事业单位）公用经费", "institution_public_cost"),
            ] {
                let Some(x) = self.amount(id) else {
                    continue;
                };
                let mut s = format!("{y}年度{dept}部门{who}支出{x}");
                if let Some(c) = self.change(id, "比上年") {
                    let c = c.replace("比上年与上年相比无变化", "与上年相比无变化");
                    let _ = write!(s, "，{c}");
                }
                s.push_str(&self.reason(&format!("{id}.reason")));
                s.push('。');
                self.para(&s);
            }
        }
        if let Some(t) = self.amount("procurement.total") {
            self.para("（二）政府采购情况");
            let parts: Vec<String> = [
                ("政府采购货物支出", "procurement.goods"),
                ("政府采购工程支出", "procurement.works"),
                ("政府采购服务支出", "procurement.services"),
            ]
            .iter()
            .filter_map(|(l, id)| self.amount(id).map(|a| format!("{l}{a}")))
            .collect();
            let mut s = format!("{y}年度政府采购支出总额{t}");
            if !parts.is_empty() {
                let _ = write!(s, "，其中：{}", parts.join("、"));
            }
            s.push('。');
            if let Some(m) = self.amount("procurement.sme") {
                let _ = write!(s, "授予中小企业合同金额{m}");
                if let Some(p) = self.percent("procurement.sme.share") {
                    let _ = write!(s, "，占政府采购支出总额的{p}");
                }
                if let Some(n) = self.amount("procurement.small_micro") {
                    let _ = write!(s, "，其中：授予小微企业合同金额{n}");
                    if let Some(p) = self.percent("procurement.small_micro.share") {
                        let _ = write!(s, "，占政府采购支出总额的{p}");
                    }
                }
                s.push('。');
            }
            self.para(&s);
        }
        if self.has_any(&[
            "assets.building_area",
            "assets.vehicles",
            "assets.equipment_over_1m",
        ]) {
            self.para("（三）国有资产占用情况说明");
            let date = self
                .d
                .text("document.balance_date")
                .and_then(|t| crate::date::parse_date(t).ok())
                .map_or_else(
                    || format!("{y}年12月31日"),
                    |d| d.format("%Y年%-m月%-d日").to_string(),
                );
            let mut s = format!("截至{date}");
            if let Some(crate::disclosure::Value::Quantity(q)) =
                self.d.get("assets.building_area").map(|f| f.value())
            {
                let area = Amount::new(*q, crate::amount::Unit::WanYuan).printed();
                let _ = write!(s, "，房屋{area}平方米");
                if let Some(v) = self.amount("assets.building_value") {
                    let _ = write!(s, "，价值{v}");
                }
                s.push('。');
            } else {
                s.push('，');
            }
            if let Some(n) = self.count("assets.vehicles") {
                let _ = write!(s, "车辆{n}辆");
                if let Some(v) = self.amount("assets.vehicle_value") {
                    let _ = write!(s, "，价值{v}");
                }
                let kinds: Vec<String> = VehicleKind::ALL
                    .iter()
                    .filter_map(|k| {
                        self.count(&format!("assets.vehicles.{}", k.id_segment()))
                            .map(|n| format!("{}{n}辆", k.label()))
                    })
                    .collect();
                if !kinds.is_empty() {
                    let _ = write!(s, "，其中：{}", kinds.join("、"));
                }
                s.push('；');
            }
            if let Some(e) = self.count("assets.equipment_over_1m") {
                let _ = write!(s, "单价100万元（含）以上设备（不含车辆）{e}台（套）");
            }
            let s = s.trim_end_matches(['；', '，']).to_owned() + "。";
            self.para(&s);
        }
    }

    fn performance(&mut self) {
        let indicators = self.d.indicators();
        if !self.has_any(&["performance.budget_total", "performance.projects"])
            && indicators.is_empty()
        {
            return;
        }
        self.heading("预算绩效的情况说明");
        if !indicators.is_empty() {
            let listed: Vec<String> = indicators
                .iter()
                .map(|i| format!("{}{}{}", i.label(), i.value(), i.unit()))
                .collect();
            self.para(&format!("主要绩效指标：{}。", listed.join("；")));
        }
        if !self.has_any(&["performance.budget_total", "performance.projects"]) {
            return;
        }
        let y = self.year.clone();
        let mut s = format!("根据预算绩效管理要求，本部门{y}年度预算绩效管理");
        let mut parts = Vec::new();
        let mut whole = Vec::new();
        if let Some(n) = self.count("performance.self_evaluations") {
            whole.push(format!("形成整体支出绩效自评表{n}个"));
        }
        if let Some(b) = self.amount("performance.budget_total") {
            whole.push(format!("全年预算总额{b}"));
        }
        if let Some(e) = self.amount("performance.executed_total") {
            whole.push(format!("实际执行总额{e}"));
        }
        if !whole.is_empty() {
            parts.push(whole.join("，"));
        }
        if let Some(n) = self.count("performance.projects") {
            let mut p = format!("预算绩效评价项目{n}个");
            if let Some(b) = self.amount("performance.projects_budget") {
                let _ = write!(p, "，全年预算数{b}");
            }
            if let Some(e) = self.amount("performance.projects_executed") {
                let _ = write!(p, "，全年执行数{e}");
            }
            parts.push(p);
        }
        s.push_str(&parts.join("；"));
        s.push('。');
        self.para(&s);
        if let Some(n) = self.count("performance.excluded_projects") {
            self.heading("其他需说明的事项");
            let mut p = format!("本部门未纳入决算项目{n}个");
            if let Some(b) = self.amount("performance.excluded_budget") {
                let _ = write!(p, "，全年预算数{b}");
            }
            if let Some(e) = self.amount("performance.excluded_executed") {
                let _ = write!(p, "，全年执行数{e}");
            }
            p.push('。');
            if let Some(k) = self.count("performance.evaluated_excluded_projects") {
                let _ = write!(p, "{y}年绩效评价项目共计{k}个。");
            }
            self.para(&p);
        }
    }

    fn glossary(&mut self) {
        let _ = writeln!(self.out, "\n第三部分 专业名词解释\n");
        for (i, (term, meaning)) in GLOSSARY.iter().enumerate() {
            let _ = writeln!(self.out, "{}、{term}：{meaning}", numeral(i + 1));
        }
    }
}

/// A count as reports print it: thousands separated (1,785), as amounts
/// are printed.
fn grouped(n: i64) -> String {
    Amount::new(rust_decimal::Decimal::from(n), crate::amount::Unit::WanYuan).printed()
}

/// "HEAD，其中：A，B，C。" or "HEAD。".
fn sentence(head: &str, parts: &[String]) -> String {
    if parts.is_empty() {
        format!("{head}。")
    } else {
        format!("{head}，其中：{}。", parts.join("，"))
    }
}

/// An amount shown in 万元 with separators, converting 元 if needed.
fn in_wan(a: Amount) -> String {
    a.to_unit(crate::amount::Unit::WanYuan)
        .map_or_else(|_| a.printed(), |w| w.printed())
}

/// Codes of the general-budget table at `level`, in table order.
fn codes(d: &Disclosure, level: CodeLevel) -> Vec<FunctionCode> {
    codes_all(d)
        .into_iter()
        .filter(|c| c.level() == level)
        .collect()
}

fn codes_all(d: &Disclosure) -> Vec<FunctionCode> {
    let mut v: Vec<FunctionCode> = d
        .ids_with_prefix("general_budget.function.")
        .filter(|id| id.suffix().is_none() && id.spec().pattern == "general_budget.function.{f}")
        .filter_map(FactId::function_code)
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Writes the 部门决算情况说明 (with the 部门概况 figures and the 名词解释
/// glossary) from whatever `report` states: a [`Disclosure`] or a
/// [`FinalAccounts`](crate::FinalAccounts).
///
/// ```
/// use juesuan::{Disclosure, render::narrative};
///
/// let mut d = Disclosure::default();
/// d.insert_str("three_public.total", "181.58")?;
/// d.insert_str("three_public.total.change", "-13.18")?;
/// d.insert_str("three_public.total.change_rate", "-6.77")?;
/// let text = narrative(&d);
/// assert!(text.contains("财政拨款“三公”经费支出181.58万元，比上年减少13.18万元，下降6.77%"));
/// assert!(text.contains("名词解释"));
/// # Ok::<(), juesuan::fact::FactError>(())
/// ```
#[doc(alias = "情况说明")]
pub fn narrative(report: &(impl super::Renderable + ?Sized)) -> String {
    let facts = report.facts();
    let d: &Disclosure = &facts;
    let year = d
        .fiscal_year()
        .map_or_else(|| "本".to_owned(), |y| y.year().to_string());
    let mut w = Writer {
        d,
        out: String::new(),
        year,
        section: 0,
    };
    w.overview();
    let _ = writeln!(w.out, "第二部分 部门决算情况说明");
    w.totals();
    w.split(
        "收入决算情况说明",
        "本年收入",
        "revenue.current_year",
        &[
            ("财政拨款收入", "revenue.appropriation"),
            ("上级补助收入", "revenue.superior_subsidy"),
            ("事业收入", "revenue.business"),
            ("经营收入", "revenue.operating"),
            ("附属单位上缴收入", "revenue.affiliate_remittance"),
            ("其他收入", "revenue.other"),
        ],
    );
    w.split(
        "支出决算情况说明",
        "本年支出",
        "expenditure.current_year",
        &[
            ("基本支出", "expenditure.basic"),
            ("项目支出", "expenditure.project"),
            ("上缴上级支出", "expenditure.remittance_to_superior"),
            ("经营支出", "expenditure.operating"),
            ("对附属单位补助支出", "expenditure.subsidy_to_affiliates"),
        ],
    );
    w.appropriation();
    w.general_budget();
    w.basic();
    w.fund("government_fund", "政府性基金预算");
    w.fund("state_capital", "国有资本经营预算");
    w.three_public();
    w.other_matters();
    w.performance();
    w.glossary();
    w.out
}
