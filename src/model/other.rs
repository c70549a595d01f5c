//! What the narrative states outside the nine tables: 部门概况, 机关运行经费,
//! 政府采购, 国有资产占用 and 预算绩效.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::fact::VehicleKind;

use super::figure::{CountFigure, Figure, count, quantity};

/// 实有人数 and its kinds (在职, 离休, 退休), each with its change.
///
/// ```
/// use juesuan::{model::CountFigure, model::Staffing};
///
/// let s = Staffing {
///     total: Some(CountFigure::new(1785)),
///     active: Some(CountFigure::new(803).with_change(-25)),
///     retired_cadre: Some(CountFigure::new(5).with_change(-3)),
///     retired: Some(CountFigure::new(977).with_change(24)),
/// };
/// assert!(!s.is_empty());
/// ```
#[doc(alias = "人员情况")]
#[doc(alias = "实有人数")]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Staffing {
    /// 实有人数 (`staff.total`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<CountFigure>,
    /// 在职人员 (`staff.active`).
    #[doc(alias = "在职")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<CountFigure>,
    /// 离休人员 (`staff.retired_cadre`).
    #[doc(alias = "离休")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired_cadre: Option<CountFigure>,
    /// 退休人员 (`staff.retired`).
    #[doc(alias = "退休")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired: Option<CountFigure>,
}

impl Staffing {
    /// Whether nothing is stated.
    ///
    /// ```
    /// assert!(juesuan::model::Staffing::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        *self == Staffing::default()
    }
}

/// 部门概况: internal divisions, consolidated units and staffing.
///
/// ```
/// use juesuan::model::Overview;
///
/// let o = Overview {
///     divisions: vec!["办公室".into(), "规划财务处".into()],
///     units: vec!["新疆维吾尔自治区人力资源和社会保障厅".into()],
///     ..Default::default()
/// };
/// assert_eq!(o.divisions.len(), 2);
/// ```
#[doc(alias = "部门概况")]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overview {
    /// 内设机构, as listed.
    #[doc(alias = "内设机构")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub divisions: Vec<String>,
    /// The stated number of divisions ("本级下设 24 个",
    /// `organization.divisions`).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "count")]
    pub division_count: Option<u64>,
    /// The budget units consolidated (纳入部门决算编制范围的单位), 本级 first.
    #[doc(alias = "决算单位构成")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<String>,
    /// Staffing.
    #[serde(default, skip_serializing_if = "Staffing::is_empty")]
    pub staffing: Staffing,
}

impl Overview {
    /// Whether nothing is stated.
    ///
    /// ```
    /// assert!(juesuan::model::Overview::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        *self == Overview::default()
    }
}

/// 机关运行经费 and 事业单位公用经费 (narrative 十 (一)).
///
/// Together they make up 公用经费 where both are stated.
///
/// ```
/// use juesuan::{model::Figure, model::OperatingCosts};
///
/// let c = OperatingCosts {
///     office: Some(Figure::new("1058.16".parse()?).with_change("134.30".parse()?, "14.54".parse()?)),
///     institution: Some("995.03".parse()?),
/// };
/// assert!(c.office.is_some());
/// # Ok::<(), juesuan::amount::AmountError>(())
/// ```
#[doc(alias = "机关运行经费")]
#[doc(alias = "公用经费")]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OperatingCosts {
    /// 机关运行经费 (`office_operating_cost`).
    #[doc(alias = "机关运行经费")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<Figure>,
    /// 事业单位公用经费 (`institution_public_cost`).
    #[doc(alias = "事业单位公用经费")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<Figure>,
}

/// 政府采购 (narrative 十 (二)): totals by kind and the contracts awarded to
/// small and medium enterprises, with their shares.
///
/// **Required** when present: `total` (政府采购支出总额).
///
/// ```
/// use juesuan::{model::Figure, model::Procurement};
///
/// let p = Procurement {
///     total: Some("18332.45".parse()?),
///     sme: Some(Figure::new("17296.42".parse()?).with_share("94.35".parse()?)),
///     ..Default::default()
/// };
/// assert!(p.goods.is_none());
/// # Ok::<(), juesuan::amount::AmountError>(())
/// ```
#[doc(alias = "政府采购")]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Procurement {
    /// 政府采购支出总额 (`procurement.total`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Figure>,
    /// 货物 (`procurement.goods`).
    #[doc(alias = "货物")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goods: Option<Figure>,
    /// 工程 (`procurement.works`).
    #[doc(alias = "工程")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub works: Option<Figure>,
    /// 服务 (`procurement.services`).
    #[doc(alias = "服务")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services: Option<Figure>,
    /// 授予中小企业合同金额 (`procurement.sme`).
    #[doc(alias = "中小企业")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sme: Option<Figure>,
    /// 授予小微企业合同金额 (`procurement.small_micro`).
    #[doc(alias = "小微企业")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_micro: Option<Figure>,
}

/// 国有资产占用 (narrative 十 (三)): buildings, vehicles by kind, equipment.
///
/// ```
/// use juesuan::{model::Assets, model::CountFigure, fact::VehicleKind};
///
/// let mut a = Assets::default();
/// a.building_area = Some("165381.14".parse()?);
/// a.vehicles = Some(CountFigure::new(97));
/// a.vehicles_by_kind.insert(VehicleKind::Other, 97);
/// assert!(!a.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "国有资产")]
#[doc(alias = "资产")]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assets {
    /// The date the figures are stated at ("截至 2024 年 12 月 31 日",
    /// `document.balance_date`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance_date: Option<NaiveDate>,
    /// 房屋面积 in m², exact (`assets.building_area`).
    #[doc(alias = "房屋")]
    #[serde(default, skip_serializing_if = "Option::is_none", with = "quantity")]
    pub building_area: Option<Decimal>,
    /// 房屋价值 (`assets.building_value`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub building_value: Option<Figure>,
    /// 车辆 (`assets.vehicles`).
    #[doc(alias = "车辆")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vehicles: Option<CountFigure>,
    /// 车辆 by kind (`assets.vehicles.<kind>`); in JSON keyed by
    /// [`VehicleKind::id_segment`].
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        with = "vehicle_map"
    )]
    pub vehicles_by_kind: BTreeMap<VehicleKind, u64>,
    /// 车辆价值 (`assets.vehicle_value`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vehicle_value: Option<Figure>,
    /// 单价100万元（含）以上设备（不含车辆） (`assets.equipment_over_1m`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equipment_over_1m: Option<CountFigure>,
}

impl Assets {
    /// Whether nothing is stated.
    ///
    /// ```
    /// assert!(juesuan::model::Assets::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        *self == Assets::default()
    }
}

mod vehicle_map {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(
        map: &BTreeMap<VehicleKind, u64>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(map.len()))?;
        for (k, v) in map {
            m.serialize_entry(k.id_segment(), v)?;
        }
        m.end()
    }

    struct Kind(VehicleKind);

    impl<'de> Deserialize<'de> for Kind {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Kind, D::Error> {
            let s = String::deserialize(d)?;
            VehicleKind::from_id_segment(&s).map(Kind).ok_or_else(|| {
                let all: Vec<&str> = VehicleKind::ALL.iter().map(|k| k.id_segment()).collect();
                serde::de::Error::custom(format!(
                    "expected a vehicle kind ({}), but found {s:?}",
                    all.join(", ")
                ))
            })
        }
    }

    struct Count(u64);

    impl<'de> Deserialize<'de> for Count {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Count, D::Error> {
            d.deserialize_any(count::CountVisitor).map(Count)
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<VehicleKind, u64>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = BTreeMap<VehicleKind, u64>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of vehicle kind → count")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = BTreeMap::new();
                while let Some(Kind(k)) = map.next_key::<Kind>()? {
                    let Count(n) = map.next_value::<Count>()?;
                    if out.insert(k, n).is_some() {
                        return Err(serde::de::Error::custom(super::super::unique::message(
                            k.id_segment(),
                        )));
                    }
                }
                Ok(out)
            }
        }
        d.deserialize_map(V)
    }
}

/// 预算绩效 (narrative 十一, 十二): the overall self-evaluation, evaluated
/// projects and projects outside the accounts.
///
/// ```
/// use juesuan::model::Performance;
///
/// let p = Performance {
///     budget_total: Some("75400.72".parse()?),
///     executed_total: Some("73702.79".parse()?),
///     projects: Some(25),
///     ..Default::default()
/// };
/// assert!(!p.is_empty());
/// # Ok::<(), juesuan::amount::AmountError>(())
/// ```
#[doc(alias = "预算绩效")]
#[doc(alias = "绩效")]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Performance {
    /// 整体支出绩效自评表数 (`performance.self_evaluations`).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "count")]
    pub self_evaluations: Option<u64>,
    /// 整体支出全年预算总额 (`performance.budget_total`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_total: Option<Figure>,
    /// 整体支出实际执行总额 (`performance.executed_total`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub executed_total: Option<Figure>,
    /// 预算绩效评价项目数 (`performance.projects`).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "count")]
    pub projects: Option<u64>,
    /// 评价项目全年预算数 (`performance.projects_budget`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub projects_budget: Option<Figure>,
    /// 评价项目全年执行数 (`performance.projects_executed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub projects_executed: Option<Figure>,
    /// 未纳入决算项目数 (`performance.excluded_projects`).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "count")]
    pub excluded_projects: Option<u64>,
    /// 未纳入决算项目全年预算数 (`performance.excluded_budget`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded_budget: Option<Figure>,
    /// 未纳入决算项目全年执行数 (`performance.excluded_executed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded_executed: Option<Figure>,
    /// 绩效评价项目数（未纳入决算） (`performance.evaluated_excluded_projects`).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "count")]
    pub evaluated_excluded_projects: Option<u64>,
}

impl Performance {
    /// Whether nothing is stated.
    ///
    /// ```
    /// assert!(juesuan::model::Performance::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        *self == Performance::default()
    }
}
