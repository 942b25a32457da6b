//! The dated reports owed after the work (seed 004, the same in each kind's
//! part), each due day from the files:
//! - 「督促状等の発送を完了した際は、当日中に件数及び発送先を担当労働局にメールで
//!   報告すること」: an e-mail per bureau and day of sending, due that day;
//! - 「納入告知書の交付依頼等があった場合…電話対応記録報告書…を作成し、遅くとも
//!   翌日（翌開庁日）までに担当労働局に報告すること」: a call coded ⑥ (wants a
//!   payment slip) is such a request; due the next day the bureau is open.
//!   Whether ⑤ (consultation) or ⑧ (complaint) is also 「その他の必要」 is the
//!   contractor's judgment, so they are not listed;
//! - 「所在地確認の結果について、原則、調査終了後1週間以内に、所在地確認結果報告書
//!   …により担当労働局へ報告」: the survey ends with the visit that ends the duty
//!   (①, ③, ④, ⑤) or the third day of ② (absent), due 7 days later (day 0
//!   the visit, 民法140).
//!
//! The files carry no day a report was made, so these are the days owed, not
//! a check of them.

use super::dataset::DunningDataset;
use super::days::day_after;
use super::duties::{PhoneCode, VisitCode};
use crate::core::business_days::BusinessCalendar;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A report owed after the work.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Duty {
    /// 発送完了の当日中にメールで報告.
    MailingEmail,
    /// 電話対応記録報告書, 翌日（翌開庁日）まで.
    PhoneReport,
    /// 所在地確認結果報告書, 調査終了後1週間以内.
    VisitReport,
}

impl Duty {
    pub fn key(self) -> String {
        format!("dn.dated.{}", <&str>::from(self))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub due: NaiveDate,
    pub duty: Duty,
    /// The day of the work it reports.
    pub worked: NaiveDate,
    pub bureau: String,
    /// The debt reported, or how many debts (an e-mail covers a day's letters).
    pub subject: Subject,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Subject {
    Debt(String),
    Letters(usize),
}

/// The day a debt's survey ended: its first visit coded other than ②, or
/// its third day of ②.
fn survey_end(visits: &[(NaiveDate, VisitCode)]) -> Option<NaiveDate> {
    let mut sorted = visits.to_vec();
    sorted.sort_by_key(|(day, _)| *day);
    let mut days = BTreeSet::new();
    sorted.into_iter().find_map(|(day, code)| {
        days.insert(day);
        (code != VisitCode::ABSENT || days.len() >= 3).then_some(day)
    })
}

/// Every report owed, by due day.
pub fn deadlines(data: &DunningDataset, calendar: &BusinessCalendar) -> Vec<Deadline> {
    let bureau: HashMap<&str, &str> =
        data.debts.iter().map(|d| (d.debt_id.as_str(), d.bureau.as_str())).collect();
    let bureau_of = |id: &str| bureau.get(id).map(|b| b.to_string());
    let mut out = Vec::new();
    let mut sent: BTreeMap<(NaiveDate, String), usize> = BTreeMap::new();
    for l in &data.letters {
        if let (Some(day), Some(b)) = (l.letter.sent, bureau_of(&l.debt_id)) {
            *sent.entry((day, b)).or_default() += 1;
        }
    }
    for ((day, bureau), n) in sent {
        out.push(Deadline {
            due: day,
            duty: Duty::MailingEmail,
            worked: day,
            bureau,
            subject: Subject::Letters(n),
        });
    }
    for c in data.calls.iter().filter(|c| c.contact.code == PhoneCode(6)) {
        let Some(b) = bureau_of(&c.debt_id) else { continue };
        let day = c.contact.at.date();
        let due = day.succ_opt().map_or(day, |next| calendar.on_or_after(next));
        out.push(Deadline {
            due,
            duty: Duty::PhoneReport,
            worked: day,
            bureau: b,
            subject: Subject::Debt(c.debt_id.clone()),
        });
    }
    let mut visits: BTreeMap<&str, Vec<(NaiveDate, VisitCode)>> = BTreeMap::new();
    for v in &data.visits {
        visits.entry(v.debt_id.as_str()).or_default().push((v.contact.at.date(), v.contact.code));
    }
    for (id, list) in visits {
        let (Some(end), Some(b)) = (survey_end(&list), bureau_of(id)) else { continue };
        let Some(due) = day_after(end, 7) else { continue };
        out.push(Deadline {
            due,
            duty: Duty::VisitReport,
            worked: end,
            bureau: b,
            subject: Subject::Debt(id.into()),
        });
    }
    out.sort_by(|a, b| (a.due, a.duty, &a.bureau).cmp(&(b.due, b.duty, &b.bureau)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn a_survey_ends_with_a_closing_code_or_the_third_absent_day() {
        let absent = VisitCode::ABSENT;
        assert_eq!(survey_end(&[(d(11, 2), absent), (d(11, 9), absent)]), None);
        assert_eq!(survey_end(&[(d(11, 9), VisitCode(3)), (d(11, 2), absent)]), Some(d(11, 9)));
        let three = [(d(11, 2), absent), (d(11, 2), absent), (d(11, 9), absent), (d(11, 16), absent)];
        assert_eq!(survey_end(&three), Some(d(11, 16)), "two visits on one day are one day");
    }
}
