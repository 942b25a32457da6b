//! The three record tables (contacts, payments, delinquents) held column by
//! column: a few bytes per record, no string per row. Office codes are interned
//! once per table set; person ids are the ten digits of the basic pension number.

use crate::core::i18n::Lang;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::fmt;

/// 基礎年金番号: the ten-digit basic pension number, shown (and serialised) as
/// `1234-567890`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct PersonId(pub u64);

impl Serialize for PersonId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PersonId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        PersonId::parse_plain(text.as_bytes())
            .ok_or_else(|| serde::de::Error::custom(format!("'{text}' is not a basic pension number")))
    }
}

/// The number that ASCII digits spell (`None` for any other byte; empty is 0).
#[inline]
pub fn digits(bytes: &[u8]) -> Option<u64> {
    let mut n = 0u64;
    for b in bytes {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        n = n * 10 + u64::from(d);
    }
    Some(n)
}

impl PersonId {
    /// Ten ASCII digits, with or without the hyphen after the fourth.
    pub fn parse_plain(b: &[u8]) -> Option<PersonId> {
        match b.len() {
            10 => digits(b).map(PersonId),
            11 if b[4] == b'-' => Some(PersonId(digits(&b[..4])? * 1_000_000 + digits(&b[5..])?)),
            _ => None,
        }
    }
}

impl fmt::Display for PersonId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:06}", self.0 / 1_000_000, self.0 % 1_000_000)
    }
}

/// An office code interned in [`RecordTables::offices`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct OfficeId(pub u32);

/// 督励手法: how a promotion action was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    Phone,
    Letter,
    Sms,
    Visit,
    Other,
}

/// 結果: what a promotion action achieved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// 本人接触
    Person,
    /// 連帯納付義務者接触
    JointObligor,
    /// 不在
    Absent,
    /// 留守番電話
    Voicemail,
    /// 不通
    Unreachable,
    /// 送付
    Sent,
    /// 返戻: a letter that came back undelivered (seed 000 ⅩⅢ2(3)①: 文書返戻件数,
    /// taken off the count reported).
    Returned,
    Other,
}

/// 収納区分: how a payment was collected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// 通常
    Normal,
    /// 強制徴収 (digest A2 F, A3 ※1)
    Forced,
}

/// A closed set of values read from a cell by its Japanese or English name.
pub trait Choice: Sized + Copy + 'static {
    /// (Japanese, English) for each value, in order.
    const NAMES: &'static [(&'static str, &'static str, Self)];

    /// The value a cell names exactly (Japanese, or English in any case). A
    /// match is valid UTF-8: the names are.
    fn parse(cell: &[u8]) -> Option<Self> {
        for (ja, en, value) in Self::NAMES {
            if cell == ja.as_bytes() || cell.eq_ignore_ascii_case(en.as_bytes()) {
                return Some(*value);
            }
        }
        None
    }

    fn english(self) -> &'static str
    where
        Self: PartialEq,
    {
        Self::NAMES.iter().find(|(_, _, v)| *v == self).map_or("", |(_, en, _)| en)
    }

    /// The name a file uses in `lang`.
    fn name(self, lang: Lang) -> &'static str
    where
        Self: PartialEq,
    {
        let names = Self::NAMES.iter().find(|(_, _, v)| *v == self);
        names.map_or("", |(ja, en, _)| if lang == Lang::Ja { ja } else { en })
    }

    /// "電話/phone, 文書/letter, …" for error messages.
    fn listing() -> String {
        Self::NAMES.iter().map(|(ja, en, _)| format!("{ja}/{en}")).collect::<Vec<_>>().join(", ")
    }
}

impl Choice for Method {
    const NAMES: &'static [(&'static str, &'static str, Method)] = &[
        ("電話", "phone", Method::Phone),
        ("文書", "letter", Method::Letter),
        ("SMS", "sms", Method::Sms),
        ("訪問", "visit", Method::Visit),
        ("その他", "other", Method::Other),
    ];
}

impl Method {
    pub const ALL: [Method; 5] = [Method::Phone, Method::Letter, Method::Sms, Method::Visit, Method::Other];
}

impl Choice for Outcome {
    const NAMES: &'static [(&'static str, &'static str, Outcome)] = &[
        ("本人接触", "person", Outcome::Person),
        ("連帯納付義務者接触", "joint_obligor", Outcome::JointObligor),
        ("不在", "absent", Outcome::Absent),
        ("留守番電話", "voicemail", Outcome::Voicemail),
        ("不通", "unreachable", Outcome::Unreachable),
        ("送付", "sent", Outcome::Sent),
        ("返戻", "returned", Outcome::Returned),
        ("その他", "other", Outcome::Other),
    ];
}

impl Choice for Channel {
    const NAMES: &'static [(&'static str, &'static str, Channel)] =
        &[("通常", "normal", Channel::Normal), ("強制徴収", "forced", Channel::Forced)];
}

/// 督励記録: one promotion action per row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contacts {
    pub person: Vec<PersonId>,
    pub office: Vec<OfficeId>,
    pub date: Vec<NaiveDate>,
    pub method: Vec<Method>,
    pub outcome: Vec<Outcome>,
}

/// 納付記録: one payment per row, of `months` premium months.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Payments {
    pub person: Vec<PersonId>,
    pub office: Vec<OfficeId>,
    pub paid: Vec<NaiveDate>,
    /// The premium month, as the first day of that month.
    pub premium_month: Vec<NaiveDate>,
    pub months: Vec<u32>,
    pub channel: Vec<Channel>,
}

/// 滞納者情報: a person provided to the contractor, with unpaid months then.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delinquents {
    pub person: Vec<PersonId>,
    pub office: Vec<OfficeId>,
    pub provided: Vec<NaiveDate>,
    pub unpaid_months: Vec<u32>,
    /// 免除等勧奨: blank (0), 1, 2 or 3, carried through as given.
    pub exemption_flag: Vec<u8>,
}

/// The record tables of one import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordTables {
    /// Interned office codes; an [`OfficeId`] indexes this list.
    pub offices: Vec<String>,
    office_ids: FxHashMap<String, OfficeId>,
    pub contacts: Contacts,
    pub payments: Payments,
    pub delinquents: Delinquents,
}

impl RecordTables {
    pub fn is_empty(&self) -> bool {
        self.contacts.person.is_empty()
            && self.payments.person.is_empty()
            && self.delinquents.person.is_empty()
    }

    /// The id of an office code, interned the first time it is seen.
    pub fn office(&mut self, code: &str) -> OfficeId {
        if let Some(id) = self.office_ids.get(code) {
            return *id;
        }
        let id = OfficeId(self.offices.len() as u32);
        self.offices.push(code.to_string());
        self.office_ids.insert(code.to_string(), id);
        id
    }

    pub fn office_code(&self, id: OfficeId) -> &str {
        &self.offices[id.0 as usize]
    }

    pub fn push_contact(
        &mut self,
        person: PersonId,
        office: OfficeId,
        date: NaiveDate,
        m: Method,
        o: Outcome,
    ) {
        let c = &mut self.contacts;
        c.person.push(person);
        c.office.push(office);
        c.date.push(date);
        c.method.push(m);
        c.outcome.push(o);
    }

    pub fn push_payment(
        &mut self,
        person: PersonId,
        office: OfficeId,
        paid: NaiveDate,
        premium: NaiveDate,
        months: u32,
        channel: Channel,
    ) {
        let p = &mut self.payments;
        p.person.push(person);
        p.office.push(office);
        p.paid.push(paid);
        p.premium_month.push(premium);
        p.months.push(months);
        p.channel.push(channel);
    }

    pub fn push_delinquent(
        &mut self,
        person: PersonId,
        office: OfficeId,
        provided: NaiveDate,
        unpaid: u32,
        flag: u8,
    ) {
        let d = &mut self.delinquents;
        d.person.push(person);
        d.office.push(office);
        d.provided.push(provided);
        d.unpaid_months.push(unpaid);
        d.exemption_flag.push(flag);
    }

    /// Moves every row of `other` into `self`, re-interning its office codes.
    pub fn append(&mut self, other: RecordTables) {
        if self.offices.is_empty() && self.is_empty() {
            *self = other;
            return;
        }
        let map: Vec<OfficeId> = other.offices.iter().map(|code| self.office(code)).collect();
        let remap = |ids: Vec<OfficeId>, into: &mut Vec<OfficeId>| {
            into.extend(ids.into_iter().map(|id| map[id.0 as usize]));
        };
        let (c, p, d) = (other.contacts, other.payments, other.delinquents);
        remap(c.office, &mut self.contacts.office);
        self.contacts.person.extend(c.person);
        self.contacts.date.extend(c.date);
        self.contacts.method.extend(c.method);
        self.contacts.outcome.extend(c.outcome);
        remap(p.office, &mut self.payments.office);
        self.payments.person.extend(p.person);
        self.payments.paid.extend(p.paid);
        self.payments.premium_month.extend(p.premium_month);
        self.payments.months.extend(p.months);
        self.payments.channel.extend(p.channel);
        remap(d.office, &mut self.delinquents.office);
        self.delinquents.person.extend(d.person);
        self.delinquents.provided.extend(d.provided);
        self.delinquents.unpaid_months.extend(d.unpaid_months);
        self.delinquents.exemption_flag.extend(d.exemption_flag);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pension_numbers_show_with_their_hyphen() {
        assert_eq!(PersonId(1_234_567_890).to_string(), "1234-567890");
        assert_eq!(PersonId(42).to_string(), "0000-000042");
    }

    #[test]
    fn choices_read_both_names() {
        assert_eq!(Method::parse("電話".as_bytes()), Some(Method::Phone));
        assert_eq!(Method::parse("SMS".as_bytes()), Some(Method::Sms));
        assert_eq!(Method::parse("Letter".as_bytes()), Some(Method::Letter));
        assert_eq!(Outcome::parse("連帯納付義務者接触".as_bytes()), Some(Outcome::JointObligor));
        assert_eq!(Outcome::parse("joint_obligor".as_bytes()), Some(Outcome::JointObligor));
        assert_eq!(Channel::parse("強制徴収".as_bytes()), Some(Channel::Forced));
        assert_eq!(Channel::parse("通常納付".as_bytes()), None);
        assert_eq!(Outcome::JointObligor.english(), "joint_obligor");
        assert!(Channel::listing().contains("強制徴収/forced"));
    }

    #[test]
    fn appending_reinterns_offices() {
        let d = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let mut a = RecordTables::default();
        let x = a.office("0101");
        a.push_contact(PersonId(1), x, d, Method::Phone, Outcome::Person);
        let mut b = RecordTables::default();
        let y = b.office("0202");
        let x2 = b.office("0101");
        b.push_contact(PersonId(2), y, d, Method::Letter, Outcome::Sent);
        b.push_contact(PersonId(3), x2, d, Method::Letter, Outcome::Sent);
        a.append(b);
        let codes: Vec<&str> = a.contacts.office.iter().map(|o| a.office_code(*o)).collect();
        assert_eq!(codes, ["0101", "0202", "0101"]);
        assert_eq!(a.offices.len(), 2);
    }
}
