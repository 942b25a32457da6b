//! `shuno call-status --format table`: the overview as lines a terminal shows.

use crate::core::i18n::{text, Lang};
use crate::core::money::{format_count, format_percent};
use crate::profiles::call_centre::progress::{range_status, RangeStatus};
use crate::profiles::call_centre::quality::Rate;
use crate::profiles::call_centre::view::Overview;
use std::fmt::Write;

fn rate(r: Rate) -> String {
    let value = r.value().map_or("-".to_string(), |v| format_percent(&v));
    format!("{value} ({}/{})", format_count(r.numerator), format_count(r.denominator))
}

pub fn print_status(o: &Overview, lang: Lang) -> String {
    let t = |k: &str| text(k, lang);
    let mut out = String::new();
    for r in &o.months {
        let p = &r.progress;
        let warned = r.warned_on.map(|d| format!(" ({} {d})", t("cc.warned_on"))).unwrap_or_default();
        let _ = writeln!(
            out,
            "{}\t{} / {}\t{}{warned}",
            p.month,
            format_count(p.done.calls),
            format_count(p.targets.calls),
            t(r.status.key())
        );
    }
    let y = &o.year;
    let _ = writeln!(
        out,
        "{}\t{} / {}",
        t("cc.year.calls"),
        format_count(y.done.calls),
        format_count(y.calls_target)
    );
    let range = |key: &str, done: i64, min: i64, max: i64| {
        let status = match range_status(done, min, max) {
            RangeStatus::Below => "cc.range.below",
            RangeStatus::Within => "cc.range.within",
            RangeStatus::Above => "cc.range.above",
        };
        format!(
            "{}\t{} / {}–{} ({})\n",
            t(key),
            format_count(done),
            format_count(min),
            format_count(max),
            t(status)
        )
    };
    out.push_str(&range("cc.year.sms", y.done.sms, y.sms_min, y.sms_max));
    out.push_str(&range(
        "cc.year.phone_entries",
        y.done.phone_entries,
        y.phone_entries_min,
        y.phone_entries_max,
    ));
    let _ = writeln!(out, "{}\t{}", t("cc.year.sms_ceiling_left"), format_count(y.sms_ceiling_left));
    let persons = format_count(y.done.property_check_persons);
    let _ = writeln!(
        out,
        "{}\t{persons} / ≈{}",
        t("cc.year.persons"),
        format_count(y.property_check_persons_toward)
    );
    let r = &o.year_rates;
    for (key, rate_of) in [
        ("cc.rate.answer", r.answer),
        ("cc.rate.promise", r.promise),
        ("cc.rate.kept_count", r.kept_count),
        ("cc.rate.kept_yen", r.kept_yen),
    ] {
        let _ = writeln!(out, "{}\t{}", t(key), rate(rate_of));
    }
    for g in &o.language_gaps {
        let missing: Vec<String> = g.missing.iter().map(|l| t(l.key())).collect();
        let _ =
            writeln!(out, "{}\t{} – {}\t{}", t("cc.language_gaps"), g.monday, g.sunday, missing.join("・"));
    }
    for d in o.deadlines.iter().filter(|d| d.due >= o.as_of).take(6) {
        let hand_in = d.hand_in_by.map(|h| format!("\t{} {h}", t("cc.hand_in_by"))).unwrap_or_default();
        let _ = writeln!(out, "{}\t{}\t{}{hand_in}", d.due, t(d.duty.key()), d.month);
    }
    out
}
