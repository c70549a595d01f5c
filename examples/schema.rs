//! Lists the fact-id schema: `cargo run --example schema` prints every base with
//! its kind and Chinese label, then every suffix; `cargo run --example schema --
//! rules` prints every audit rule with its severity class and description.

use juesuan::{audit::rules, fact::BASES, fact::Suffix};

fn main() {
    let rules_only = std::env::args().nth(1).as_deref() == Some("rules");
    if rules_only {
        for rule in rules() {
            println!("{}\t{}\t{}", rule.id, rule.class, rule.description);
        }
        return;
    }
    println!(
        "# bases: id pattern, kind, label ({{f}} function code, {{e}} economic code, {{v}} vehicle kind)"
    );
    for base in BASES {
        println!("{}\t{:?}\t{}", base.pattern, base.kind, base.label);
    }
    println!("# suffixes: .suffix, label");
    for suffix in Suffix::ALL {
        println!(".{}\t{}", suffix.as_str(), suffix.label());
    }
}
