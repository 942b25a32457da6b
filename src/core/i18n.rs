//! The two languages of the product. Strings live in `locales/app.yml` (one key,
//! both languages side by side); `build.rs` compiles it into one sorted table
//! of `(key, ja, en)`, looked up by binary search with an explicit language:
//! the core never reads a global language setting.
//!
//! The table replaces rust-i18n (3.x), whose macro compiled the catalogue into
//! code that inserted each text into a map at start: 75 KB of the app's Wasm
//! for 530 keys, against the texts alone as data here (docs/bench.md).

use serde::{Deserialize, Serialize};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Hash,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Lang {
    /// 日本語, the default.
    #[default]
    Ja,
    En,
}

impl Lang {
    pub const ALL: &'static [Lang] = <Lang as strum::VariantArray>::VARIANTS;

    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        code.parse().ok()
    }
}

/// A text to be shown later in either language: a catalogue key and the values
/// of its `%{name}` placeholders. The import worker sends the page problems as
/// messages, so the worker carries no catalogue and the page no code to read
/// every reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub key: String,
    pub args: Vec<(String, String)>,
}

/// The message of `key`, without arguments yet.
pub fn msg(key: &str) -> Message {
    Message { key: key.to_string(), args: Vec::new() }
}

impl Message {
    /// The message with `%{name}` given `value`.
    pub fn arg(mut self, name: &str, value: impl ToString) -> Message {
        self.args.push((name.to_string(), value.to_string()));
        self
    }

    /// The text in `lang`, its placeholders filled.
    pub fn render(&self, lang: Lang) -> String {
        self.args
            .iter()
            .fold(text(&self.key, lang), |out, (name, value)| out.replace(&format!("%{{{name}}}"), value))
    }
}

// `CATALOGUE: [(&str, &str, &str); N]`: (key, ja, en), sorted by key.
include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// The text of `key` in `lang`; the key itself when the catalogue lacks it
/// (a test checks that every key the code uses is there).
pub fn text(key: &str, lang: Lang) -> String {
    match CATALOGUE.binary_search_by(|(k, _, _)| (*k).cmp(key)) {
        Ok(i) => match lang {
            Lang::Ja => CATALOGUE[i].1,
            Lang::En => CATALOGUE[i].2,
        }
        .to_string(),
        Err(_) => key.to_string(),
    }
}

/// "第1期" / "Period 1".
pub fn period_label(period: u8, lang: Lang) -> String {
    msg("overview.period_n").arg("n", period).render(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::decode::Encoding;
    use crate::core::money::Rounding;

    #[test]
    fn the_catalogue_is_sorted_and_found() {
        assert!(CATALOGUE.windows(2).all(|w| w[0].0 < w[1].0), "sorted, no duplicate key");
        assert_eq!(text("nav.overview", Lang::Ja), "概況");
        assert_eq!(text("nav.overview", Lang::En), "Overview");
        let missing = ["no", "such", "key"].join(".");
        assert_eq!(text(&missing, Lang::Ja), missing, "a missing key shows as itself");
        assert_eq!(period_label(2, Lang::Ja), "第2期");
    }

    #[test]
    fn every_code_reads_back() {
        for &l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        for &r in Rounding::ALL {
            assert_eq!(Rounding::from_code(r.code()), Some(r));
        }
        for &e in Encoding::ALL {
            assert_eq!(Encoding::from_code(e.code()), Some(e));
        }
        assert_eq!(Rounding::HalfUp.code(), "half-up");
        assert_eq!(Encoding::Utf8Bom.code(), "utf-8-bom");
        for alias in ["Shift_JIS", "sjis", "windows-31j", "CP932"] {
            assert_eq!(Encoding::from_code(alias), Some(Encoding::Cp932), "{alias}");
        }
        assert_eq!(Encoding::from_code("utf8"), Some(Encoding::Utf8));
        assert_eq!(Lang::from_code("fr"), None);
    }
}
