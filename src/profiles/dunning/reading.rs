//! Profile C rows: typed from recognised tables, then the checks across tables
//! (one row per debt, letter, period, cap, band and block; every row on a debt
//! names a debt of the list). A row with any problem is rejected whole and
//! listed.

use super::blocks::DebtKind;
use super::bureaus::{band, block, bureau, debt_kind, work};
use super::dataset::*;
use super::duties::{Contact, Letter, PhoneCode, VisitCode};
use super::slot::Slot;
use super::tables::{debts as col, DunningTable};
use super::{DunningProblem, DunningReason, Reason};
use crate::core::import::rows::{row_problem, RowReader};
use crate::core::import::unique::dedupe;
use crate::core::import::values::{normalize, parse_count, parse_date, parse_yen, ValueError};
use crate::unique_key;
use chrono::{NaiveDate, NaiveTime};
use std::collections::HashSet;

type Row<'a> = RowReader<'a, DunningTable, DunningReason>;

fn not_one_of(allowed: &str) -> Reason {
    Reason::NotOneOf { allowed: allowed.to_string() }
}

/// ○ (〇, ◯, 1, あり, yes) or empty (×, 0, なし, no).
pub fn parse_flag(text: &str) -> Result<bool, Reason> {
    match normalize(text).to_lowercase().as_str() {
        "○" | "〇" | "◯" | "1" | "あり" | "有" | "yes" | "y" | "true" => Ok(true),
        "" | "×" | "0" | "なし" | "無" | "no" | "n" | "false" => Ok(false),
        _ => Err(not_one_of("○ / （空欄）")),
    }
}

/// ① – ⑳ as written in the seed's code tables, or the plain number.
fn circled_or_plain(text: &str) -> Option<u8> {
    let t = normalize(text);
    let mut chars = t.chars();
    match (chars.next(), chars.next()) {
        (Some(c @ '①'..='⑳'), None) => Some(c as u32 - '①' as u32 + 1).and_then(|n| u8::try_from(n).ok()),
        _ => t.parse().ok(),
    }
}

pub fn parse_phone_code(text: &str) -> Result<PhoneCode, Reason> {
    circled_or_plain(text).and_then(PhoneCode::new).ok_or_else(|| not_one_of("①–⑮ (1–15)"))
}

pub fn parse_visit_code(text: &str) -> Result<VisitCode, Reason> {
    circled_or_plain(text).and_then(VisitCode::new).ok_or_else(|| not_one_of("①–⑤ (1–5)"))
}

/// H:MM or HH:MM (seconds allowed), as Excel writes a time.
pub fn parse_time(text: &str) -> Result<NaiveTime, Reason> {
    let t = normalize(text).replace('：', ":");
    NaiveTime::parse_from_str(&t, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(&t, "%H:%M:%S"))
        .map_err(|_| DunningReason::NotATime.into())
}

fn parse_slot(text: &str) -> Result<Slot, Reason> {
    match normalize(text).to_lowercase().as_str() {
        "a" => Ok(Slot::A),
        "b" => Ok(Slot::B),
        _ => Err(not_one_of("a, b")),
    }
}

/// An optional letter of `allowed` (費 ⑩ A–D, ⑫ A–E).
fn parse_letter_code(text: &str, allowed: &'static str) -> Result<Option<char>, Reason> {
    let t = normalize(text).to_uppercase();
    match (t.chars().next(), t.chars().count()) {
        (None, _) => Ok(None),
        (Some(c), 1) if allowed.contains(c) => Ok(Some(c)),
        _ => Err(not_one_of(allowed)),
    }
}

fn parse_id(text: &str) -> Result<String, ValueError> {
    let id = normalize(text);
    if id.is_empty() {
        Err(ValueError::Empty)
    } else {
        Ok(id)
    }
}

/// One of the eight blocks, by the seed's name or its code.
fn parse_block(text: &str) -> Result<super::blocks::Block, Reason> {
    block(text)
        .ok_or_else(|| not_one_of("北海道, 東北, 東京, 関東, 東海・北陸, 近畿, 中国・四国, 九州・沖縄"))
}

/// 三納, 費 or 返 (or the full names).
fn parse_kind(text: &str) -> Result<DebtKind, Reason> {
    debt_kind(text).ok_or_else(|| not_one_of("三納, 費, 返"))
}

fn add_debt(data: &mut DunningDataset, r: &mut Row) {
    let block = r.take_with(col::BLOCK, parse_block);
    let bureau = r.take_with(col::BUREAU, |t| bureau(t).ok_or(DunningReason::UnknownBureau.into()));
    let kind = r.take_with(col::KIND, parse_kind);
    let debt_id = r.take(col::DEBT_ID, parse_id);
    let amount = r.take(col::AMOUNT, parse_yen);
    let handover = r.take(col::HANDOVER, parse_date);
    let slot = r.take_with(col::SLOT, parse_slot);
    let has_phone = r.take_with(col::HAS_PHONE, parse_flag);
    let no_plan_needed = r.take_with(col::NO_PLAN_NEEDED, parse_flag);
    let cost_form = r.take_with(col::COST_FORM, |t| parse_letter_code(t, "ABCD"));
    let cost_reason = r.take_with(col::COST_REASON, |t| parse_letter_code(t, "ABCDE"));
    let recovery = r.take_with(col::RECOVERY, parse_flag);
    let (
        Some(block),
        Some((bureau, bureau_block)),
        Some(kind),
        Some(debt_id),
        Some(amount_yen),
        Some(handover),
        Some(slot),
        Some(has_phone),
        Some(no_plan_needed),
        Some(cost_form),
        Some(cost_reason),
        Some(recovery),
    ) = (
        block,
        bureau,
        kind,
        debt_id,
        amount,
        handover,
        slot,
        has_phone,
        no_plan_needed,
        cost_form,
        cost_reason,
        recovery,
    )
    else {
        return;
    };
    if bureau_block != block {
        let reason = DunningReason::BureauInAnotherBlock { block: bureau_block.japanese().to_string() };
        return r.reject(col::BUREAU, reason.into());
    }
    let not_for =
        |kind: DebtKind| DunningReason::ColumnNotForKind { kind: kind.japanese().to_string() }.into();
    if no_plan_needed && kind == DebtKind::CostRecovery {
        return r.reject(col::NO_PLAN_NEEDED, not_for(kind));
    }
    if kind != DebtKind::CostRecovery {
        if cost_form.is_some() {
            return r.reject(col::COST_FORM, not_for(kind));
        }
        if cost_reason.is_some() {
            return r.reject(col::COST_REASON, not_for(kind));
        }
    }
    if recovery && (kind != DebtKind::ThirdParty || amount_yen < 1_000_000) {
        return r.reject(col::RECOVERY, DunningReason::NotARecoveryDebt.into());
    }
    let origin = r.origin();
    let bureau = bureau.to_string();
    data.debts.push(DebtRow {
        debt_id,
        block,
        bureau,
        kind,
        amount_yen,
        handover,
        slot,
        has_phone,
        no_plan_needed,
        cost_form,
        cost_reason,
        recovery,
        origin,
    });
}

/// An optional day: empty is `None`.
fn parse_optional_date(text: &str) -> Result<Option<NaiveDate>, Reason> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(text).map(Some).map_err(|error| Reason::Value { error })
    }
}

fn add_letter(data: &mut DunningDataset, r: &mut Row) {
    let debt_id = r.take(0, parse_id);
    let sent = r.take_with(1, parse_optional_date);
    let returned = r.take_with(2, parse_flag);
    let returned_on = r.take_with(3, parse_optional_date);
    let stopped = r.take_with(4, parse_flag);
    let (Some(debt_id), Some(sent), Some(returned), Some(returned_on), Some(mailing_stopped)) =
        (debt_id, sent, returned, returned_on, stopped)
    else {
        return;
    };
    // A stopped mailing has no sending day; any other letter has one.
    if sent.is_none() && !mailing_stopped {
        return r.reject(1, Reason::Value { error: ValueError::Empty });
    }
    if returned && returned_on.is_none() {
        return r.reject(3, DunningReason::ReturnWithoutDate.into());
    }
    if let (Some(sent), Some(back)) = (sent, returned_on) {
        if back < sent {
            return r.reject(3, DunningReason::BeforeItsStart { start: sent.to_string() }.into());
        }
    }
    let letter = Letter { sent: sent.filter(|_| !mailing_stopped), returned: returned_on, mailing_stopped };
    data.letters.push(LetterRow { debt_id, letter, origin: r.origin() });
}

fn add_contact<C>(r: &mut Row, parse_code: fn(&str) -> Result<C, Reason>) -> Option<ContactRow<C>> {
    let debt_id = r.take(0, parse_id);
    let day = r.take(1, parse_date);
    let time = r.take_with(2, parse_time);
    let code = r.take_with(3, parse_code);
    let (debt_id, day, time, code) = (debt_id?, day?, time?, code?);
    Some(ContactRow { debt_id, contact: Contact { at: day.and_time(time), code }, origin: r.origin() })
}

fn add_dated(r: &mut Row) -> Option<DatedRow> {
    let debt_id = r.take(0, parse_id);
    let date = r.take(1, parse_date);
    Some(DatedRow { debt_id: debt_id?, date: date?, origin: r.origin() })
}

fn add_yearly(data: &mut DunningDataset, r: &mut Row) {
    let Some(block) = r.take_with(0, parse_block) else { return };
    let origin = r.origin();
    match r.table() {
        DunningTable::Caps => {
            let kind = r.take_with(1, parse_kind);
            let work = r.take_with(2, |t| work(t).ok_or_else(|| not_one_of("督促状, 電話, 所在地確認")));
            let cap = r.take(3, parse_count);
            if let (Some(kind), Some(work), Some(cap)) = (kind, work, cap) {
                data.caps.push(CapRow { block, kind, work, cap, origin });
            }
        }
        DunningTable::RecoveryBounds => {
            let band =
                r.take_with(1, |t| band(t).ok_or_else(|| not_one_of(&super::bureaus::BAND_NAMES.join(", "))));
            let lower_bound = r.take(2, parse_count);
            if let (Some(band), Some(lower_bound)) = (band, lower_bound) {
                data.recovery_bounds.push(BoundRow { block, band, lower_bound, origin });
            }
        }
        _ => {
            if let Some(count) = r.take(1, parse_count) {
                data.coordinators.push(CoordinatorRow { block, count, origin });
            }
        }
    }
}

/// Adds one row of a recognised table to the dataset, or records its problems.
pub fn add_row(data: &mut DunningDataset, r: &mut Row) {
    match r.table() {
        DunningTable::Debts => add_debt(data, r),
        DunningTable::Letters => add_letter(data, r),
        DunningTable::Calls => data.calls.extend(add_contact(r, parse_phone_code)),
        DunningTable::Visits => data.visits.extend(add_contact(r, parse_visit_code)),
        DunningTable::Acknowledgements => data.acknowledgements.extend(add_dated(r)),
        DunningTable::BureauStops => data.bureau_stops.extend(add_dated(r)),
        DunningTable::Recoveries => {
            let (debt_id, date, yen) = (r.take(0, parse_id), r.take(1, parse_date), r.take(2, parse_yen));
            if let (Some(debt_id), Some(date), Some(yen)) = (debt_id, date, yen) {
                data.recoveries.push(RecoveryRow { debt_id, date, yen, origin: r.origin() });
            }
        }
        DunningTable::LocationPeriods => {
            let (debt_id, months) = (r.take(0, parse_id), r.take(1, parse_count));
            match (debt_id, months) {
                (Some(debt_id), Some(m)) if (1..=24).contains(&m) => {
                    data.location_periods.push(PeriodRow { debt_id, months: m as u32, origin: r.origin() })
                }
                (Some(_), Some(_)) => r.reject(1, Reason::Value { error: ValueError::TooLarge }),
                _ => {}
            }
        }
        DunningTable::Caps | DunningTable::RecoveryBounds | DunningTable::Coordinators => add_yearly(data, r),
    }
}

unique_key!(DebtRow, |r| r.debt_id.as_str(), &'a str, r.debt_id.clone());
unique_key!(LetterRow, |r| r.debt_id.as_str(), &'a str, r.debt_id.clone());
unique_key!(PeriodRow, |r| r.debt_id.as_str(), &'a str, r.debt_id.clone());
unique_key!(
    CapRow,
    |r| (r.block, r.kind, r.work),
    (super::blocks::Block, DebtKind, super::blocks::Work),
    r.block.japanese().to_string()
);
unique_key!(BoundRow, |r| (r.block, r.band), (super::blocks::Block, usize), r.block.japanese().to_string());
unique_key!(CoordinatorRow, |r| r.block, super::blocks::Block, r.block.japanese().to_string());

/// Rows on a debt the list does not have are rejected.
fn known_debts<T>(
    rows: &mut Vec<T>,
    known: &HashSet<String>,
    table: DunningTable,
    id: impl Fn(&T) -> (&str, &crate::core::origin::Origin),
    problems: &mut Vec<DunningProblem>,
) {
    rows.retain(|row| {
        let (debt_id, origin) = id(row);
        let ok = known.contains(debt_id);
        if !ok {
            let reason = Reason::Profile(DunningReason::UnknownDebt);
            problems.push(row_problem(&origin.file, table, origin.line, 0, debt_id, reason));
        }
        ok
    });
}

/// One row per debt, letter, period, cap, band and block (a later twin is
/// rejected); every row on a debt names a debt of the list; a letter is not
/// sent before its list was handed over.
pub fn cross_check(data: &mut DunningDataset) -> Vec<DunningProblem> {
    use DunningTable as T;
    let mut problems = Vec::new();
    dedupe(&mut data.debts, T::Debts, &mut problems);
    dedupe(&mut data.letters, T::Letters, &mut problems);
    dedupe(&mut data.location_periods, T::LocationPeriods, &mut problems);
    dedupe(&mut data.caps, T::Caps, &mut problems);
    dedupe(&mut data.recovery_bounds, T::RecoveryBounds, &mut problems);
    dedupe(&mut data.coordinators, T::Coordinators, &mut problems);
    let known: HashSet<String> = data.debts.iter().map(|d| d.debt_id.clone()).collect();
    let p = &mut problems;
    known_debts(&mut data.letters, &known, T::Letters, |r| (&r.debt_id, &r.origin), p);
    known_debts(&mut data.calls, &known, T::Calls, |r| (&r.debt_id, &r.origin), p);
    known_debts(&mut data.visits, &known, T::Visits, |r| (&r.debt_id, &r.origin), p);
    known_debts(&mut data.acknowledgements, &known, T::Acknowledgements, |r| (&r.debt_id, &r.origin), p);
    known_debts(&mut data.recoveries, &known, T::Recoveries, |r| (&r.debt_id, &r.origin), p);
    known_debts(&mut data.bureau_stops, &known, T::BureauStops, |r| (&r.debt_id, &r.origin), p);
    known_debts(&mut data.location_periods, &known, T::LocationPeriods, |r| (&r.debt_id, &r.origin), p);
    let handover: std::collections::HashMap<&str, NaiveDate> =
        data.debts.iter().map(|d| (d.debt_id.as_str(), d.handover)).collect();
    data.letters.retain(|l| match (l.letter.sent, handover.get(l.debt_id.as_str())) {
        (Some(sent), Some(start)) if sent < *start => {
            let reason = Reason::Profile(DunningReason::BeforeItsStart { start: start.to_string() });
            problems.push(row_problem(
                &l.origin.file,
                T::Letters,
                l.origin.line,
                1,
                &sent.to_string(),
                reason,
            ));
            false
        }
        _ => true,
    });
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_circled_or_plain() {
        assert_eq!(parse_phone_code("⑬"), Ok(PhoneCode::NUMBER_DEAD));
        assert_eq!(parse_phone_code("15"), Ok(PhoneCode::BUREAU_STOP));
        assert_eq!(parse_phone_code("１３"), Ok(PhoneCode::NUMBER_DEAD));
        assert!(parse_phone_code("⑯").is_err());
        assert!(parse_phone_code("0").is_err());
        assert_eq!(parse_visit_code("②"), Ok(VisitCode::ABSENT));
        assert!(parse_visit_code("⑥").is_err());
    }

    #[test]
    fn times_flags_and_slots() {
        assert_eq!(parse_time("18:30"), Ok(NaiveTime::from_hms_opt(18, 30, 0).unwrap()));
        assert_eq!(parse_time("８：３０"), Ok(NaiveTime::from_hms_opt(8, 30, 0).unwrap()));
        assert_eq!(parse_time("21:00:00"), Ok(NaiveTime::from_hms_opt(21, 0, 0).unwrap()));
        assert_eq!(parse_time("25:00"), Err(DunningReason::NotATime.into()));
        assert_eq!(parse_flag("〇"), Ok(true));
        assert_eq!(parse_flag(""), Ok(false));
        assert!(parse_flag("maybe").is_err());
        assert_eq!(parse_slot("Ａ"), Ok(Slot::A));
        assert!(parse_slot("c").is_err());
    }
}
