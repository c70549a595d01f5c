//! Every public type can cross threads, and the small value types stay small.

use std::mem::size_of;

fn send_sync<T: Send + Sync>() {}

#[test]
fn public_types_are_send_and_sync() {
    send_sync::<juesuan::Amount>();
    send_sync::<juesuan::Percent>();
    send_sync::<juesuan::Unit>();
    send_sync::<juesuan::amount::Verdict>();
    send_sync::<juesuan::amount::Interval>();
    send_sync::<juesuan::code::FunctionCode>();
    send_sync::<juesuan::code::EconomicCode>();
    send_sync::<juesuan::code::FunctionCatalog>();
    send_sync::<juesuan::FiscalYear>();
    send_sync::<juesuan::FactId>();
    send_sync::<juesuan::disclosure::Value>();
    send_sync::<juesuan::disclosure::Fact>();
    send_sync::<juesuan::Disclosure>();
    send_sync::<juesuan::FinalAccounts>();
    send_sync::<juesuan::Finding>();
    send_sync::<juesuan::Audit>();
    send_sync::<juesuan::render::Table>();
    send_sync::<juesuan::Span>();
    send_sync::<juesuan::stream::StreamSummary>();
    send_sync::<juesuan::Error>();
    send_sync::<juesuan::amount::AmountError>();
    send_sync::<juesuan::code::CodeError>();
    send_sync::<juesuan::date::DateError>();
    send_sync::<juesuan::fact::FactError>();
    send_sync::<juesuan::disclosure::JsonError>();
    send_sync::<juesuan::model::ModelError>();
}

#[test]
fn value_types_stay_small() {
    // Copy types passed by value on the audit's hot path.
    assert!(
        size_of::<juesuan::Amount>() <= 24,
        "{}",
        size_of::<juesuan::Amount>()
    );
    assert!(size_of::<juesuan::Percent>() <= 24);
    assert!(size_of::<juesuan::code::FunctionCode>() <= 8);
    assert!(size_of::<juesuan::code::EconomicCode>() <= 8);
    assert!(size_of::<juesuan::FiscalYear>() <= 4);
    assert!(size_of::<juesuan::Span>() <= 32);
    // Errors are cheap to move around (88 bytes when this was written: the
    // widest variants carry the input and what was found as strings).
    assert!(
        size_of::<juesuan::Error>() <= 96,
        "{}",
        size_of::<juesuan::Error>()
    );
}
