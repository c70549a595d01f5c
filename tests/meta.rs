//! Every public type can cross threads, and the small value types stay small.

use std::mem::size_of;

fn send_sync<T: Send + Sync>() {}

#[test]
fn public_types_are_send_and_sync() {
    send_sync::<juesuan::Amount>();
    send_sync::<juesuan::Percent>();
    send_sync::<juesuan::Unit>();
    send_sync::<juesuan::Verdict>();
    send_sync::<juesuan::Interval>();
    send_sync::<juesuan::FunctionCode>();
    send_sync::<juesuan::EconomicCode>();
    send_sync::<juesuan::FunctionCatalog>();
    send_sync::<juesuan::FiscalYear>();
    send_sync::<juesuan::FactId>();
    send_sync::<juesuan::Value>();
    send_sync::<juesuan::Fact>();
    send_sync::<juesuan::Disclosure>();
    send_sync::<juesuan::FinalAccounts>();
    send_sync::<juesuan::Finding>();
    send_sync::<juesuan::Audit>();
    send_sync::<juesuan::Table>();
    send_sync::<juesuan::Span>();
    send_sync::<juesuan::StreamSummary>();
    send_sync::<juesuan::Error>();
    send_sync::<juesuan::AmountError>();
    send_sync::<juesuan::CodeError>();
    send_sync::<juesuan::DateError>();
    send_sync::<juesuan::FactError>();
    send_sync::<juesuan::JsonError>();
    send_sync::<juesuan::ModelError>();
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
    assert!(size_of::<juesuan::FunctionCode>() <= 8);
    assert!(size_of::<juesuan::EconomicCode>() <= 8);
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
