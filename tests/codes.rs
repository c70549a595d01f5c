//! Classification codes and catalogs against the reference report (2024 final
//! accounts of 新疆维吾尔自治区人力资源和社会保障厅) and user catalogs.

use juesuan::{
    code::Catalog, code::CatalogError, code::ClassificationCode, code::CodeError, code::CodeKind,
    code::CodeLevel, code::EconomicCatalog, code::EconomicCode, code::FunctionCatalog,
    code::FunctionCode,
};
use proptest::prelude::*;

const YEAR: i32 = 2024;

/// Every function code the reference report cites, with the name it uses.
const REPORT_CODES: [(&str, &str); 36] = [
    ("205", "教育支出"),
    ("20503", "职业教育"),
    ("2050302", "中等职业教育"),
    ("2050303", "技校教育"),
    ("2050305", "高等职业教育"),
    ("20508", "进修及培训"),
    ("2050801", "教师进修"),
    ("208", "社会保障和就业支出"),
    ("20801", "人力资源和社会保障管理事务"),
    ("2080101", "行政运行"),
    ("2080103", "机关服务"),
    ("2080104", "综合业务管理"),
    ("2080105", "劳动保障监察"),
    ("2080106", "就业管理事务"),
    ("2080107", "社会保险业务管理事务"),
    ("2080108", "信息化建设"),
    ("2080109", "社会保险经办机构"),
    ("2080111", "公共就业服务和职业技能鉴定机构"),
    ("2080112", "劳动人事争议调解仲裁"),
    ("2080115", "博士后日常经费"),
    ("2080116", "引进人才费用"),
    ("2080150", "事业运行"),
    ("2080199", "其他人力资源和社会保障管理事务支出"),
    ("20805", "行政事业单位养老支出"),
    ("2080501", "行政单位离退休"),
    ("2080502", "事业单位离退休"),
    ("2080505", "机关事业单位基本养老保险缴费支出"),
    ("2080506", "机关事业单位职业年金缴费支出"),
    ("210", "卫生健康支出"),
    ("21011", "行政事业单位医疗"),
    ("2101101", "行政单位医疗"),
    ("2101102", "事业单位医疗"),
    ("2101103", "公务员医疗补助"),
    ("221", "住房保障支出"),
    ("22102", "住房改革支出"),
    ("2210201", "住房公积金"),
];

/// The narrative path of a code, built from the report's names: 类（类）款（款）项（项）.
fn narrative_path(code: FunctionCode) -> Option<String> {
    let mut chain: Vec<FunctionCode> = code.ancestors().collect();
    chain.reverse();
    chain.push(code);
    chain
        .iter()
        .map(|c| {
            let name = REPORT_CODES
                .iter()
                .find(|(digits, _)| *digits == c.to_string())
                .map(|(_, name)| *name)?;
            Some(format!("{name}（{}）", c.level()))
        })
        .collect()
}

#[test]
fn every_report_code_parses_and_has_the_report_name() {
    let catalog = Catalog::function();
    for (digits, name) in REPORT_CODES {
        let code: FunctionCode = digits.parse().unwrap();
        assert_eq!(code.to_string(), digits);
        assert_eq!(catalog.name_in(code, YEAR), Some(name), "{digits}");
        assert!(catalog.has_name(code, name), "{digits}");
        assert_eq!(catalog.check_name(code, name), Ok(()), "{digits}");
        if let Some(parent) = code.parent() {
            assert!(catalog.contains(parent), "parent of {digits}");
            assert!(
                catalog.children(parent).any(|e| e.code() == code),
                "{digits}"
            );
        }
    }
}

#[test]
fn every_report_code_resolves_from_its_narrative_path() {
    let catalog = Catalog::function();
    for (digits, _) in REPORT_CODES {
        let code: FunctionCode = digits.parse().unwrap();
        let path = narrative_path(code).unwrap();
        assert_eq!(catalog.resolve_path(&path), Ok(code), "{path}");
        // As PDF extraction gives it: half-width parentheses and stray spaces.
        let messy: String = path
            .replace('（', " (")
            .replace('）', ") ")
            .chars()
            .flat_map(|c| [c, if c == '支' { ' ' } else { '\u{200b}' }])
            .collect();
        assert_eq!(catalog.resolve_path(&messy), Ok(code), "{messy}");
    }
}

#[test]
fn report_paths_as_printed() {
    let catalog = Catalog::function();
    let cases = [
        ("教育支出（类）职业教育（款）中等职业教育（项）", "2050302"),
        ("教育支出（类）进修及培训（款）教师进修（项）", "2050801"),
        (
            "社会保障和就业支出（类）人力资源和社会保障管理\n事务（款）综合业务管理（项）",
            "2080104",
        ),
        (
            "社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）",
            "2080502",
        ),
        (
            "卫生健康支出（类）行政事业单位医疗（款）行政单\n位医疗（项）",
            "2101101",
        ),
        (
            "住房保障支出（类）住房改革支出（款）住房公积金\n（项）",
            "2210201",
        ),
        ("社会保障和就业支出（类）", "208"),
        (
            "社会保障和就业支出（类）行政事业单位养老支出（款）",
            "20805",
        ),
    ];
    for (path, digits) in cases {
        assert_eq!(
            catalog.resolve_path(path).unwrap().to_string(),
            digits,
            "{path}"
        );
    }
}

#[test]
fn report_slips_are_detected() {
    // Items 19–20 cite "208001": six digits, not a code.
    let err = FunctionCode::parse("208001").unwrap_err();
    assert!(err.is_malformed());
    assert_eq!(
        err.to_string(),
        r#"invalid function code: expected 3, 5 or 7 digits (类/款/项), but found 6 in "208001""#
    );
    // Item 7 calls 2080104 "综合事务管理"; the catalog says 综合业务管理.
    let catalog = Catalog::function();
    let code: FunctionCode = "2080104".parse().unwrap();
    assert!(!catalog.has_name(code, "综合事务管理"));
    assert_eq!(catalog.name_in(code, YEAR), Some("综合业务管理"));
    assert_eq!(
        catalog
            .check_name(code, "综合事务管理")
            .unwrap_err()
            .to_string(),
        r#"wrong name for function code 2080104: expected "综合业务管理", but found "综合事务管理""#
    );
    assert!(matches!(
        catalog.resolve_path("社会保障和就业支出（类）人力资源和社会保障管理事务（款）综合事务管理（项）"),
        Err(CodeError::UnknownName { level: CodeLevel::Item, ref parent, .. })
            if parent.as_deref() == Some("20801 人力资源和社会保障管理事务")
    ));
}

#[test]
fn report_economic_codes() {
    let catalog = Catalog::economic();
    for (digits, name) in [
        ("301", "工资福利支出"),
        ("30101", "基本工资"),
        ("302", "商品和服务支出"),
        ("30201", "办公费"),
        ("303", "对个人和家庭的补助"),
    ] {
        let code: EconomicCode = digits.parse().unwrap();
        assert_eq!(catalog.name_in(code, YEAR), Some(name), "{digits}");
    }
    let code: EconomicCode = "303".parse().unwrap();
    assert!(catalog.has_name(code, "对个人和家庭补助"));
}

#[test]
fn malformed_codes_are_rejected() {
    type Check = fn(&CodeError) -> bool;
    let cases: [(&str, Check); 7] = [
        ("", |e| matches!(e, CodeError::Empty { .. })),
        ("20", |e| {
            matches!(e, CodeError::DigitCount { found: 2, .. })
        }),
        ("2080", |e| {
            matches!(e, CodeError::DigitCount { found: 4, .. })
        }),
        ("20801011", |e| {
            matches!(e, CodeError::DigitCount { found: 8, .. })
        }),
        ("1080101", |e| matches!(e, CodeError::OutOfRange { .. })),
        ("20a0101", |e| {
            matches!(e, CodeError::InvalidCharacter { found: 'a', .. })
        }),
        ("208 0101x", |e| {
            matches!(e, CodeError::InvalidCharacter { found: 'x', .. })
        }),
    ];
    for (input, check) in cases {
        let err = FunctionCode::parse(input).unwrap_err();
        assert!(check(&err), "{input:?}: {err:?}");
        assert!(err.is_malformed());
        assert_eq!(err.kind(), CodeKind::Function);
        let message = err.to_string();
        assert!(message.contains(&format!("{input:?}")), "{message}");
        assert!(message.contains("expected"), "{message}");
        assert!(!message.ends_with('.'), "{message}");
    }
    for input in ["", "30", "3010", "3010101", "20101", "30a01"] {
        assert!(EconomicCode::parse(input).is_err(), "{input:?}");
    }
}

#[test]
fn codes_sort_in_table_order() {
    let mut codes: Vec<FunctionCode> = REPORT_CODES
        .iter()
        .map(|(d, _)| d.parse().unwrap())
        .collect();
    codes.reverse();
    codes.sort();
    let sorted: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
    let expected: Vec<&str> = REPORT_CODES.iter().map(|(d, _)| *d).collect();
    assert_eq!(sorted, expected);
}

#[test]
fn builtin_catalogs_are_consistent() {
    fn check<C: ClassificationCode>(catalog: &Catalog<C>) -> Vec<String> {
        let mut orphans = Vec::new();
        let codes: Vec<C> = catalog.iter().map(|e| e.code()).collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]));
        for entry in catalog {
            assert!(!entry.name().is_empty());
            assert!(entry.level() <= C::KIND.deepest());
            if let Some(parent) = entry.code().parent() {
                if !catalog.contains(parent) {
                    orphans.push(entry.code().to_string());
                }
            }
        }
        orphans
    }
    // The harvested data lists a few 项 whose 款 no harvested table printed.
    assert_eq!(
        check(Catalog::function()),
        ["2011002", "2011004", "2011007", "2040101", "2150605"]
    );
    assert!(check(Catalog::economic()).is_empty());
}

#[test]
fn user_catalogs_load_and_merge() {
    let csv = "code,name,level,years_seen,note\n\
               208,社会保障和就业支出,类,\"2023,2024\",\n\
               2089950,\"某项新增支出(试点)\",项,2024,\"from a 2024 report, table 5\"\n";
    let mine = FunctionCatalog::from_reader(csv.as_bytes()).unwrap();
    assert_eq!(mine.len(), 2);
    let new: FunctionCode = "2089950".parse().unwrap();
    assert!(mine.has_name(new, "某项新增支出（试点）"));

    let tsv = "code\tname\n30101\t基本工资\n30199\t其他工资福利支出\n";
    let economic = EconomicCatalog::from_tsv_reader(tsv.as_bytes()).unwrap();
    assert_eq!(economic.len(), 2);

    let mut merged = Catalog::function().clone();
    let before = merged.len();
    merged.merge(mine);
    assert_eq!(merged.len(), before + 1);
    assert_eq!(merged.name(new), Some("某项新增支出(试点)"));
    assert_eq!(
        merged.child_named("20899".parse().unwrap(), "某项新增支出（试点）"),
        Some(new)
    );
}

#[test]
fn bad_user_rows_name_their_line() {
    let csv = "code,name\n208,社会保障和就业支出\n\n208001,行政运行\n";
    let err = FunctionCatalog::from_reader(csv.as_bytes()).unwrap_err();
    assert_eq!(err.line(), Some(4));
    assert_eq!(
        err.to_string(),
        r#"invalid catalog line 4, column code: invalid function code: expected 3, 5 or 7 digits (类/款/项), but found 6 in "208001""#
    );

    let tsv = "code\tname\tyears_seen\n2080101\t行政运行\t2024,２０２５\n";
    let err = FunctionCatalog::from_tsv_reader(tsv.as_bytes()).unwrap_err();
    assert!(
        matches!(
            err,
            CatalogError::Field {
                line: 2,
                column: "years_seen",
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        r#"invalid catalog line 2, column years_seen: expected four-digit years separated by commas, such as 2023,2024, but found "２０２５""#
    );

    let err =
        EconomicCatalog::from_reader("code,name\n201,一般公共服务支出\n".as_bytes()).unwrap_err();
    assert!(matches!(
        err,
        CatalogError::Code {
            line: 2,
            error: CodeError::OutOfRange { .. },
            ..
        }
    ));
}

#[test]
fn serde_round_trips_through_strings() {
    use serde::Deserialize;
    use serde::de::IntoDeserializer;
    use serde::de::value::{Error as ValueError, StrDeserializer};

    let de: StrDeserializer<'_, ValueError> = "208 01 01".into_deserializer();
    assert_eq!(
        FunctionCode::deserialize(de).unwrap().to_string(),
        "2080101"
    );
    let de: StrDeserializer<'_, ValueError> = "208001".into_deserializer();
    let err = FunctionCode::deserialize(de).unwrap_err();
    assert!(err.to_string().contains("found 6"), "{err}");
    let de: StrDeserializer<'_, ValueError> = "30201".into_deserializer();
    assert_eq!(EconomicCode::deserialize(de).unwrap().to_string(), "30201");
}

#[test]
fn public_types_are_small_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<FunctionCode>();
    assert_send_sync::<EconomicCode>();
    assert_send_sync::<CodeError>();
    assert_send_sync::<CatalogError>();
    assert_send_sync::<FunctionCatalog>();
    assert_eq!(std::mem::size_of::<FunctionCode>(), 8);
    assert_eq!(std::mem::size_of::<Option<FunctionCode>>(), 8);
}

/// A well-formed function code string of the given level.
fn code_digits(level: CodeLevel) -> impl Strategy<Value = String> {
    let class = 201u32..=299;
    let pair = 0u32..=99;
    (class, pair.clone(), pair).prop_map(move |(c, s, i)| match level {
        CodeLevel::Class => format!("{c}"),
        CodeLevel::Section => format!("{c}{s:02}"),
        CodeLevel::Item => format!("{c}{s:02}{i:02}"),
    })
}

proptest! {
    #[test]
    fn item_codes_round_trip(digits in code_digits(CodeLevel::Item)) {
        let code: FunctionCode = digits.parse().unwrap();
        prop_assert_eq!(code.to_string(), digits.clone());
        prop_assert_eq!(code.value().to_string(), digits.clone());
        prop_assert_eq!(FunctionCode::try_from(code.value()), Ok(code));
        // Printed spellings read back to the same code.
        let (class, rest) = digits.split_at(3);
        let (section, item) = rest.split_at(2);
        let full_width: String = digits.chars().map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap()).collect();
        for spelling in [
            format!("{class} {section} {item}"),
            format!("{class}-{section}-{item}"),
            format!("[{digits}]"),
            format!("【{digits}】"),
            full_width,
        ] {
            prop_assert_eq!(FunctionCode::parse(&spelling), Ok(code));
        }
    }

    #[test]
    fn parent_chain_is_section_then_class(digits in code_digits(CodeLevel::Item)) {
        let item: FunctionCode = digits.parse().unwrap();
        let section = item.parent().unwrap();
        let class = section.parent().unwrap();
        prop_assert_eq!(item.level(), CodeLevel::Item);
        prop_assert_eq!(section.level(), CodeLevel::Section);
        prop_assert_eq!(class.level(), CodeLevel::Class);
        prop_assert_eq!(class.parent(), None);
        prop_assert!(digits.starts_with(&section.to_string()));
        prop_assert!(section.to_string().starts_with(&class.to_string()));
        prop_assert_eq!(item.section(), Some(section));
        prop_assert_eq!(item.class(), class);
        prop_assert!(section.is_parent_of(item) && class.is_parent_of(section));
        prop_assert!(class.is_ancestor_of(item) && !item.is_ancestor_of(class));
        prop_assert!(class < section && section < item);
    }

    #[test]
    fn order_matches_digit_strings(a in code_digits(CodeLevel::Item), b in code_digits(CodeLevel::Section), c in code_digits(CodeLevel::Class)) {
        for (x, y) in [(&a, &b), (&b, &c), (&a, &c)] {
            let cx: FunctionCode = x.parse().unwrap();
            let cy: FunctionCode = y.parse().unwrap();
            prop_assert_eq!(cx.cmp(&cy), x.cmp(y));
        }
    }

    #[test]
    fn parser_never_panics(input in any::<String>()) {
        let _ = FunctionCode::parse(&input);
        let _ = EconomicCode::parse(&input);
        let _ = Catalog::function().resolve_path(&input);
        let _ = Catalog::economic().resolve_path(&input);
        let _ = FunctionCatalog::from_reader(input.as_bytes());
    }

    #[test]
    fn parser_never_panics_on_code_like_text(input in "[0-9０-９ \\-\\[\\]【】（）a]{0,12}") {
        if let Ok(code) = FunctionCode::parse(&input) {
            prop_assert_eq!(code.to_string().parse::<FunctionCode>(), Ok(code));
        }
        if let Ok(code) = EconomicCode::parse(&input) {
            prop_assert_eq!(code.to_string().parse::<EconomicCode>(), Ok(code));
        }
    }

    #[test]
    fn paths_never_panic(input in "[教育支出职业（）()类款项 ]{0,30}") {
        let _ = Catalog::function().resolve_path(&input);
    }
}
