//! The what-if page's scenarios as drafts (#14): each a scenario's name and
//! readings with its changes as the lines of the app's table, read into a
//! [`Scenario`] (and back); at most three at a time.

use crate::core::i18n::{text, Lang};
use crate::core::import::values::{parse_count, parse_percent, parse_signed_count, ValueError};
use crate::profiles::pension::dataset::Kind;
use crate::profiles::pension::rules::scenario::{
    Adjust, Entry, Offices, PointsChange, RatioChange, Scenario, TransferChange,
};
use crate::profiles::pension::rules::Model;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What a line of the scenario table changes.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[strum(serialize_all = "snake_case")]
pub enum Change {
    /// P + n at the snapshot the settlement reads, the denominator unchanged.
    PromotedMonthsAdded,
    /// The least P whose 達成割合 reaches this percentage of target.
    RatioPercent,
    /// The account transfers acquired (the target kept).
    TransfersAcquired,
    /// The account-transfer target (the count acquired kept).
    TransfersTarget,
    IncidentPoints,
}

impl Change {
    pub const ALL: &'static [Change] = <Change as strum::VariantArray>::VARIANTS;

    /// Whether the line names a premium kind.
    pub fn has_kind(self) -> bool {
        matches!(self, Change::PromotedMonthsAdded | Change::RatioPercent)
    }
}

/// One line of the table: what, for which offices and kind, and the value as
/// typed (read by [`scenario_of`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Stable while the table is edited (the key of the row).
    pub id: u32,
    pub change: Change,
    pub offices: Offices,
    /// `None`: every kind.
    pub kind: Option<Kind>,
    pub value: String,
}

/// A line's value that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub id: u32,
    pub error: ValueError,
}

/// `base` (its name and readings) with the lines as its changes; a line whose
/// value is not read is left out and reported.
pub fn scenario_of(base: &Scenario, lines: &[Line]) -> (Scenario, Vec<LineError>) {
    let mut s = Scenario {
        adjust: vec![],
        ratio: vec![],
        account_transfer: vec![],
        incident_points: vec![],
        ..base.clone()
    };
    let mut errors = Vec::new();
    for line in lines {
        let Offices { office_code, prefecture, district } = line.offices.clone();
        let kind = line.kind.map_or_else(|| "*".to_string(), |k| k.code().to_string());
        let read = match line.change {
            Change::PromotedMonthsAdded => parse_signed_count(&line.value).map(|promoted_months_added| {
                s.adjust.push(Adjust { office_code, prefecture, district, kind, promoted_months_added })
            }),
            Change::RatioPercent => parse_percent(&line.value).map(|ratio_percent| {
                s.ratio.push(RatioChange { office_code, prefecture, district, kind, ratio_percent })
            }),
            Change::TransfersAcquired | Change::TransfersTarget => parse_count(&line.value).map(|n| {
                let target = line.change == Change::TransfersTarget;
                s.account_transfer.push(TransferChange {
                    office_code,
                    prefecture,
                    district,
                    target_count: target.then_some(n),
                    acquired_count: (!target).then_some(n),
                })
            }),
            Change::IncidentPoints => parse_count(&line.value).map(|points| {
                s.incident_points.push(PointsChange { office_code, prefecture, district, points })
            }),
        };
        if let Err(error) = read {
            errors.push(LineError { id: line.id, error });
        }
    }
    (s, errors)
}

/// The lines of a scenario (ids from `first_id`); a transfer change that
/// gives both counts is two lines.
pub fn lines_of(s: &Scenario, first_id: u32) -> Vec<Line> {
    let kind = |k: &str| Kind::parse(k);
    let mut lines = Vec::new();
    let mut push = |change, offices, kind, value: String| {
        lines.push(Line { id: first_id + lines.len() as u32, change, offices, kind, value })
    };
    for a in &s.adjust {
        push(Change::PromotedMonthsAdded, a.offices(), kind(&a.kind), a.promoted_months_added.to_string());
    }
    for r in &s.ratio {
        push(Change::RatioPercent, r.offices(), kind(&r.kind), r.ratio_percent.normalize().to_string());
    }
    for t in &s.account_transfer {
        if let Some(n) = t.target_count {
            push(Change::TransfersTarget, t.offices(), None, n.to_string());
        }
        if let Some(n) = t.acquired_count {
            push(Change::TransfersAcquired, t.offices(), None, n.to_string());
        }
    }
    for p in &s.incident_points {
        push(Change::IncidentPoints, p.offices(), None, p.points.to_string());
    }
    lines
}

/// A scenario being edited: its name and readings, and its changes as lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The name, readings and projection (its change lists are not used).
    pub settings: Scenario,
    pub lines: Vec<Line>,
}

impl Draft {
    /// The scenario the draft says, and the lines not read.
    pub fn scenario(&self) -> (Scenario, Vec<LineError>) {
        scenario_of(&self.settings, &self.lines)
    }
}

/// The scenarios open on the page, at most [`Drafts::MAX`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drafts {
    pub drafts: Vec<Draft>,
    next_id: u32,
}

impl Drafts {
    pub const MAX: usize = 3;

    /// Opens a scenario; `false` when [`Drafts::MAX`] are open.
    pub fn open(&mut self, scenario: Scenario) -> bool {
        if self.drafts.len() >= Drafts::MAX {
            return false;
        }
        let lines = lines_of(&scenario, self.next_id);
        self.next_id += lines.len() as u32;
        self.drafts.push(Draft { settings: scenario_of(&scenario, &[]).0, lines });
        true
    }

    pub fn close(&mut self, draft: usize) {
        if draft < self.drafts.len() {
            self.drafts.remove(draft);
        }
    }

    /// Adds a line changing every office (the user narrows it).
    pub fn add_line(&mut self, draft: usize, change: Change) {
        let id = self.next_id;
        if let Some(d) = self.drafts.get_mut(draft) {
            self.next_id += 1;
            d.lines.push(Line { id, change, offices: Offices::all(), kind: None, value: String::new() });
        }
    }

    pub fn edit_line(&mut self, draft: usize, id: u32, edit: impl FnOnce(&mut Line)) {
        if let Some(line) = self.drafts.get_mut(draft).and_then(|d| d.lines.iter_mut().find(|l| l.id == id)) {
            edit(line);
        }
    }

    pub fn remove_line(&mut self, draft: usize, id: u32) {
        if let Some(d) = self.drafts.get_mut(draft) {
            d.lines.retain(|l| l.id != id);
        }
    }

    /// Sets one office's kind to reach `ratio_percent` (the line for it is
    /// changed, or added): what dragging its marker on the curve does.
    pub fn set_ratio(&mut self, draft: usize, office_code: &str, kind: Kind, ratio_percent: Decimal) {
        let offices = Offices { office_code: office_code.into(), ..Offices::all() };
        let Some(d) = self.drafts.get_mut(draft) else { return };
        let value = ratio_percent.normalize().to_string();
        match d
            .lines
            .iter_mut()
            .find(|l| l.change == Change::RatioPercent && l.offices == offices && l.kind == Some(kind))
        {
            Some(line) => line.value = value,
            None => {
                let id = self.next_id;
                self.next_id += 1;
                d.lines.push(Line { id, change: Change::RatioPercent, offices, kind: Some(kind), value });
            }
        }
    }

    /// Takes every change away, the name and readings kept.
    pub fn reset(&mut self, draft: usize) {
        if let Some(d) = self.drafts.get_mut(draft) {
            d.lines.clear();
        }
    }
}

/// "What if this office reaches this level": one kind's ratio, as a scenario
/// named after it (a rate-recovery row in one click).
pub fn reaching(office_code: &str, kind: Kind, level_percent: i64) -> Scenario {
    Scenario {
        name: Some(format!("{office_code} {} {level_percent}%", kind.japanese())),
        ratio: vec![RatioChange {
            office_code: office_code.into(),
            prefecture: None,
            district: None,
            kind: kind.code().into(),
            ratio_percent: level_percent.into(),
        }],
        ..Scenario::default()
    }
}

/// The selections a line can name, with their labels: every office, each
/// prefecture, each district, each office.
pub fn selectable(model: &Model, lang: Lang) -> Vec<(Offices, String)> {
    let mut out = vec![(Offices::all(), text("whatif.all_offices", lang))];
    let mut prefectures: Vec<&str> = model.offices.iter().map(|o| o.prefecture.as_str()).collect();
    prefectures.sort_unstable();
    prefectures.dedup();
    out.extend(prefectures.into_iter().map(|p| {
        (
            Offices { prefecture: Some(p.into()), ..Offices::all() },
            format!("{p}（{}）", text("whatif.prefecture", lang)),
        )
    }));
    out.extend(model.districts.iter().map(|d| {
        let label = format!("{}（{}）", d.name, text("whatif.district", lang));
        (Offices { district: Some(d.name.clone()), ..Offices::all() }, label)
    }));
    out.extend(model.offices.iter().map(|o| {
        (Offices { office_code: o.code.clone(), ..Offices::all() }, format!("{} {}", o.code, o.name))
    }));
    out
}
