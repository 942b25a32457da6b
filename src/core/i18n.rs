//! The two languages of the product. Strings live in `locales/app.yml` (one key,
//! both languages side by side) and are looked up with `rust_i18n::t!` and an
//! explicit locale: the core never reads a global language setting.

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

/// The text of `key` in `lang`.
pub fn text(key: &str, lang: Lang) -> String {
    rust_i18n::t!(key, locale = lang.code()).into_owned()
}

/// "第1期" / "Period 1".
pub fn period_label(period: u8, lang: Lang) -> String {
    rust_i18n::t!("overview.period_n", locale = lang.code(), n = period).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::decode::Encoding;
    use crate::core::money::Rounding;

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
