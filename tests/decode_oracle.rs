//! The CP932, UTF-8 and UTF-16 decoding (charcode, built with only the
//! encodings read) against a second implementation, encoding_rs (Firefox's),
//! on random bytes: the same text, or the same first bad byte, whole or
//! streamed in pieces of any size.

use proptest::prelude::*;
use shuno::core::import::decode::{decode, Encoding};
use shuno::core::import::stream::StrictDecoder;
use std::io::Read;

/// encoding_rs's strict reading: the text, or the offset of the first byte
/// that does not decode.
fn oracle(bytes: &[u8], encoding: Encoding) -> Result<String, usize> {
    let codec = match encoding {
        Encoding::Cp932 => encoding_rs::SHIFT_JIS,
        Encoding::Utf16Le => encoding_rs::UTF_16LE,
        Encoding::Utf16Be => encoding_rs::UTF_16BE,
        Encoding::Utf8 | Encoding::Utf8Bom => encoding_rs::UTF_8,
    };
    let mut decoder = codec.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3 + 16);
    match decoder.decode_to_string_without_replacement(bytes, &mut out, true) {
        (encoding_rs::DecoderResult::Malformed(bad, _), read) => Err(read - bad as usize),
        _ => Ok(out),
    }
}

/// Hands out its bytes a few at a time, as a slow source would.
struct Pieces<'a> {
    bytes: &'a [u8],
    sizes: Vec<usize>,
    next: usize,
}

impl Read for Pieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let size = self.sizes[self.next % self.sizes.len()].min(buf.len()).min(self.bytes.len());
        self.next += 1;
        buf[..size].copy_from_slice(&self.bytes[..size]);
        self.bytes = &self.bytes[size..];
        Ok(size)
    }
}

/// Bytes that are mostly CP932's own: ASCII, half-width kana, lead and trail
/// bytes of every row (NEC and IBM rows, the user-defined area), and a few
/// that are never valid.
fn cp932_bytes() -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        4 => 0x20u8..0x7F,
        2 => 0xA1u8..0xE0,
        3 => 0x81u8..0xA0,
        2 => 0xE0u8..0xFD,
        3 => 0x40u8..0xFD,
        1 => any::<u8>(),
    ];
    prop::collection::vec(byte, 0..400)
}

fn streamed(bytes: &[u8], encoding: Encoding, sizes: Vec<usize>) -> Result<String, usize> {
    let mut text = Vec::new();
    let mut reader = StrictDecoder::new(Pieces { bytes, sizes, next: 0 }, encoding);
    match reader.read_to_end(&mut text) {
        Ok(_) => Ok(String::from_utf8(text).unwrap()),
        Err(e) => Err(e
            .into_inner()
            .and_then(|e| e.downcast::<shuno::core::import::decode::DecodeError>().ok())
            .map(|e| e.offset)
            .unwrap()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn cp932_decodes_as_encoding_rs_does(bytes in cp932_bytes(), sizes in prop::collection::vec(1usize..9, 1..4)) {
        let expected = oracle(&bytes, Encoding::Cp932);
        let whole = decode(&bytes, Encoding::Cp932).map_err(|e| e.offset);
        prop_assert_eq!(&whole, &expected);
        // Streamed: CRLF becomes LF on the way; the offsets are the file's.
        let expected = expected.map(|t| t.replace("\r\n", "\n"));
        prop_assert_eq!(streamed(&bytes, Encoding::Cp932, sizes), expected);
    }

    #[test]
    fn utf8_and_utf16_decode_as_encoding_rs_does(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        prop_assert_eq!(decode(&bytes, Encoding::Utf8).map_err(|e| e.offset), oracle(&bytes, Encoding::Utf8));
        // UTF-16 is read only with its BOM, which the offsets count.
        for (encoding, bom) in [(Encoding::Utf16Le, [0xFF, 0xFE]), (Encoding::Utf16Be, [0xFE, 0xFF])] {
            let file = [&bom[..], &bytes].concat();
            let expected = oracle(&bytes, encoding).map_err(|offset| offset + 2);
            prop_assert_eq!(decode(&file, encoding).map_err(|e| e.offset), expected);
        }
    }
}

/// Every two-byte sequence, once: the whole CP932 table agrees.
#[test]
fn every_two_byte_sequence_agrees() {
    for lead in 0x80u8..=0xFF {
        for trail in 0x00u8..=0xFF {
            let bytes = [lead, trail, b'a'];
            assert_eq!(
                decode(&bytes, Encoding::Cp932).map_err(|e| e.offset),
                oracle(&bytes, Encoding::Cp932),
                "{lead:02X} {trail:02X}"
            );
        }
    }
}
