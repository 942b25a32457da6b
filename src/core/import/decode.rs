//! Text encodings of exported files: UTF-8 (with or without BOM), CP932
//! (Windows-31J, what Excel on Japanese Windows writes as "CSV", NEC and IBM
//! extension characters included) and UTF-16 LE/BE with BOM (Excel's "Unicode
//! text"). Detection is BOM first, then a strict validity check: valid UTF-8 is
//! UTF-8, otherwise bytes that decode as CP932 without a single error are CP932,
//! otherwise the file is refused with the offset of the first bad byte.
//!
//! CP932 is decoded with encoding_rs's Shift_JIS, which is the WHATWG
//! definition: Windows-31J with the NEC and IBM extensions, `0x5C` → `\` and
//! `0x7E` → `~` (never `¥` or `‾`).

use charcode::{Bom, DecodeOptions, Malformed, MalformedError};
use serde::{Deserialize, Serialize};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    #[strum(to_string = "utf-8", serialize = "utf8")]
    #[cfg_attr(feature = "cli", value(name = "utf-8", alias = "utf8"))]
    Utf8,
    #[strum(to_string = "utf-8-bom")]
    #[cfg_attr(feature = "cli", value(name = "utf-8-bom"))]
    Utf8Bom,
    #[strum(to_string = "cp932", serialize = "shift-jis", serialize = "sjis", serialize = "windows-31j")]
    #[cfg_attr(
        feature = "cli",
        value(
            name = "cp932",
            alias = "shift-jis",
            alias = "shift_jis",
            alias = "sjis",
            alias = "windows-31j"
        )
    )]
    Cp932,
    #[strum(to_string = "utf-16le")]
    #[cfg_attr(feature = "cli", value(name = "utf-16le"))]
    Utf16Le,
    #[strum(to_string = "utf-16be")]
    #[cfg_attr(feature = "cli", value(name = "utf-16be"))]
    Utf16Be,
}

impl Encoding {
    pub const ALL: &'static [Encoding] = <Encoding as strum::VariantArray>::VARIANTS;

    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Cp932 => "CP932 (Shift_JIS)",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
        }
    }

    pub fn code(self) -> &'static str {
        self.into()
    }

    /// Reads a user's override: `utf-8`, `cp932`/`shift_jis`/`sjis`, `utf-16le`, `utf-16be`.
    pub fn from_code(code: &str) -> Option<Encoding> {
        code.to_ascii_lowercase().replace('_', "-").parse().ok()
    }

    /// The WHATWG encoding: CP932 is the standard's Shift_JIS, which charcode
    /// calls by its proper name, windows-31j (the NEC and IBM rows, 0x5C a
    /// backslash).
    fn codec(self) -> &'static charcode::Encoding {
        match self {
            Encoding::Utf8 | Encoding::Utf8Bom => charcode::UTF_8,
            Encoding::Cp932 => charcode::WINDOWS_31J,
            Encoding::Utf16Le => charcode::UTF_16LE,
            Encoding::Utf16Be => charcode::UTF_16BE,
        }
    }

    /// A decoder that stops at the first byte that does not decode (never a
    /// replacement character) and reads a BOM as content: the caller skips it.
    pub(super) fn strict_decoder(self) -> charcode::Decoder {
        let options = DecodeOptions::new().bom(Bom::Ignore).malformed(Malformed::Fail);
        self.codec().new_decoder_with(options)
    }

    /// Where the malformed sequence that ends at `end` (a file offset) begins.
    /// charcode counts a lone UTF-16 high surrogate from its second byte (it
    /// holds back the next unit's first byte); a UTF-16 error starts on a code
    /// unit, so the offset is taken to the unit's first byte (`tests/decode_oracle.rs`).
    pub(super) fn error_start(self, end: usize, bad: &MalformedError) -> usize {
        let start = end.saturating_sub(usize::from(bad.len));
        match self {
            Encoding::Utf16Le | Encoding::Utf16Be => start & !1,
            Encoding::Utf8 | Encoding::Utf8Bom | Encoding::Cp932 => start,
        }
    }

    /// The text of `bytes`, a replacement character for what does not decode
    /// (for sniffing the delimiter of a file's first bytes).
    pub(super) fn decode_lossy(self, bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len() * 3 + 16);
        let mut decoder = self.codec().new_decoder_with(DecodeOptions::new().bom(Bom::Ignore));
        // Never fails: malformed bytes are replaced.
        let _ = decoder.decode_to_string(bytes, &mut out, true);
        out
    }

    pub(super) fn bom_len(self) -> usize {
        match self {
            Encoding::Utf8Bom => 3,
            Encoding::Utf16Le | Encoding::Utf16Be => 2,
            Encoding::Utf8 | Encoding::Cp932 => 0,
        }
    }
}

/// The file's bytes are not valid text in the encoding used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecodeError {
    pub encoding: Encoding,
    /// Byte offset of the first byte that does not decode.
    pub offset: usize,
    /// 1-based line of that byte.
    pub line: u64,
}

/// Guesses the encoding: BOM, then strict UTF-8, then strict CP932.
pub fn detect(bytes: &[u8]) -> Result<Encoding, DecodeError> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Ok(Encoding::Utf8Bom);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Ok(Encoding::Utf16Le);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Ok(Encoding::Utf16Be);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Ok(Encoding::Utf8);
    }
    match first_error(bytes, Encoding::Cp932) {
        None => Ok(Encoding::Cp932),
        Some(offset) => Err(DecodeError { encoding: Encoding::Cp932, offset, line: line_of(bytes, offset) }),
    }
}

/// Guesses the encoding from the first bytes of a file (`complete` when they are
/// the whole file): BOM, then strict UTF-8, then strict CP932. A multi-byte
/// character cut at the end of an incomplete prefix is not an error.
pub fn detect_prefix(prefix: &[u8], complete: bool) -> Result<Encoding, DecodeError> {
    if complete {
        return detect(prefix);
    }
    for (bom, encoding) in [
        (&[0xEF, 0xBB, 0xBF][..], Encoding::Utf8Bom),
        (&[0xFF, 0xFE][..], Encoding::Utf16Le),
        (&[0xFE, 0xFF][..], Encoding::Utf16Be),
    ] {
        if prefix.starts_with(bom) {
            return Ok(encoding);
        }
    }
    match std::str::from_utf8(prefix) {
        Ok(_) => return Ok(Encoding::Utf8),
        Err(e) if e.error_len().is_none() => return Ok(Encoding::Utf8),
        Err(_) => {}
    }
    let mut out = String::with_capacity(prefix.len() * 3 + 16);
    match Encoding::Cp932.strict_decoder().decode_to_string(prefix, &mut out, false) {
        Err(bad) => {
            let offset = Encoding::Cp932.error_start(bad.offset, &bad);
            Err(DecodeError { encoding: Encoding::Cp932, offset, line: line_of(prefix, offset) })
        }
        Ok(()) => Ok(Encoding::Cp932),
    }
}

/// Decodes strictly: a byte that is not valid in `encoding` is an error, never a
/// replacement character.
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<String, DecodeError> {
    let body = bytes.get(encoding.bom_len()..).unwrap_or_default();
    let mut text = String::with_capacity(body.len() * 3 + 16);
    if let Err(bad) = encoding.strict_decoder().decode_to_string(body, &mut text, true) {
        let offset = encoding.error_start(bad.offset + encoding.bom_len(), &bad);
        return Err(DecodeError { encoding, offset, line: line_of(bytes, offset) });
    }
    Ok(text)
}

/// Encodes text as CP932 (for tests and for templates a user asks for in CP932);
/// `None` when a character has no CP932 form.
pub fn encode_cp932(text: &str) -> Option<Vec<u8>> {
    charcode::WINDOWS_31J.encode(text).ok().map(|(bytes, _, _)| bytes.into_owned())
}

fn first_error(bytes: &[u8], encoding: Encoding) -> Option<usize> {
    let mut out = String::with_capacity(bytes.len() * 3 + 16);
    let bad = encoding.strict_decoder().decode_to_string(bytes, &mut out, true).err()?;
    Some(encoding.error_start(bad.offset, &bad))
}

fn line_of(bytes: &[u8], offset: usize) -> u64 {
    1 + bytes[..offset.min(bytes.len())].iter().filter(|b| **b == b'\n').count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXTENSIONS: &str = "①㈱髙﨑\\~ｱ";

    #[test]
    fn cp932_extension_characters_round_trip() {
        let text = format!("事務所名\n{EXTENSIONS}\n");
        let bytes = encode_cp932(&text).unwrap();
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(detect(&bytes), Ok(Encoding::Cp932));
        assert_eq!(decode(&bytes, Encoding::Cp932).unwrap(), text);
        assert!(bytes.contains(&0x5C) && bytes.contains(&0x7E));
    }

    #[test]
    fn boms_pick_the_encoding() {
        let mut utf8 = vec![0xEF, 0xBB, 0xBF];
        utf8.extend_from_slice(EXTENSIONS.as_bytes());
        assert_eq!(detect(&utf8), Ok(Encoding::Utf8Bom));
        assert_eq!(decode(&utf8, Encoding::Utf8Bom).unwrap(), EXTENSIONS);

        let mut le = vec![0xFF, 0xFE];
        le.extend(EXTENSIONS.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(detect(&le), Ok(Encoding::Utf16Le));
        assert_eq!(decode(&le, Encoding::Utf16Le).unwrap(), EXTENSIONS);

        let mut be = vec![0xFE, 0xFF];
        be.extend(EXTENSIONS.encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(detect(&be), Ok(Encoding::Utf16Be));
        assert_eq!(decode(&be, Encoding::Utf16Be).unwrap(), EXTENSIONS);

        assert_eq!(detect(EXTENSIONS.as_bytes()), Ok(Encoding::Utf8));
    }

    #[test]
    fn invalid_bytes_are_located_not_replaced() {
        let bytes = b"a,b\nc,\x82\xFF\n";
        let err = detect(bytes).unwrap_err();
        assert_eq!(err.line, 2);
        let err = decode(b"ok\n\xFF", Encoding::Utf8).unwrap_err();
        assert_eq!((err.offset, err.line), (3, 2));
    }

    #[test]
    fn overrides_are_read() {
        assert_eq!(Encoding::from_code("Shift_JIS"), Some(Encoding::Cp932));
        assert_eq!(Encoding::from_code("utf8"), Some(Encoding::Utf8));
        assert_eq!(Encoding::from_code("latin1"), None);
    }
}
