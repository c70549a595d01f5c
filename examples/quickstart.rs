//! Parse printed amounts and check a summation, a share and a change the way
//! the audit does: rounding-aware, with every figure in the verdict.
//!
//! Run with `cargo run --example quickstart`.

use juesuan::{
    Amount, Error, Percent, amount::check_change, amount::check_share, amount::check_sum,
};

fn main() -> Result<(), Error> {
    // 一般公共预算财政拨款支出 by class, as the reference report prints it.
    let classes: Vec<Amount> = [
        "12,086.90 万元",
        "54,662.05 万元",
        "887.96 万元",
        "732.54 万元",
    ]
    .iter()
    .map(|s| s.parse())
    .collect::<Result<_, _>>()?;
    let total: Amount = "68,369.46 万元".parse()?;
    let sum = check_sum(&total, &classes)?;
    println!("Σ 类 = 合计: {:?}: {sum}", sum.outcome());

    // 财政拨款收入 as a share of 本年收入.
    let share = check_share(
        &"68,460.73万元".parse()?,
        &"73,274.06万元".parse()?,
        &"93.43%".parse::<Percent>()?,
    )?;
    println!("占 93.43%: {:?}: {share}", share.outcome());

    // 就业管理事务: 873.46, up 873.46, "增长 100.00%" on a zero base.
    let change = check_change(
        &"873.46".parse()?,
        &"873.46".parse()?,
        &"100.00%".parse::<Percent>()?,
    )?;
    println!("增长 100.00%: {:?}: {change}", change.outcome());

    // Bad input is an error that quotes it, never a panic.
    if let Err(e) = "12,34.5 万元".parse::<Amount>() {
        println!("error: {e}");
    }
    Ok(())
}
