//! Streaming, strict decoding: any byte source → UTF-8 bytes for the CSV reader,
//! a chunk at a time, so a file of any size needs only a chunk of memory for its
//! text. A byte that is not valid in the encoding stops the stream with its
//! offset and line (never a replacement character); CRLF becomes LF on the way,
//! so line numbers are counted one way for every file.

use super::decode::{DecodeError, Encoding};
use std::io::{self, Read};

/// Bytes read from the source per chunk.
pub const CHUNK: usize = 256 * 1024;

pub struct StrictDecoder<R> {
    inner: R,
    encoding: Encoding,
    decoder: charcode::Decoder,
    input: Vec<u8>,
    /// The decoded text of the current chunk (kept to reuse its allocation).
    text: String,
    /// Decoded bytes not yet handed out: `out[pos..]`.
    out: Vec<u8>,
    pos: usize,
    /// A '\r' held back at a chunk end, to see whether '\n' follows.
    held_cr: bool,
    bytes_read: u64,
    lines: u64,
    finished: bool,
    skip_bom: usize,
}

impl<R: Read> StrictDecoder<R> {
    pub fn new(inner: R, encoding: Encoding) -> StrictDecoder<R> {
        StrictDecoder {
            inner,
            encoding,
            decoder: encoding.strict_decoder(),
            input: vec![0; CHUNK],
            text: String::new(),
            out: Vec::with_capacity(CHUNK * 3 + 16),
            pos: 0,
            held_cr: false,
            bytes_read: 0,
            lines: 1,
            finished: false,
            skip_bom: encoding.bom_len(),
        }
    }

    fn fill(&mut self) -> io::Result<()> {
        self.out.clear();
        self.pos = 0;
        let n = self.inner.read(&mut self.input)?;
        let last = n == 0;
        let mut chunk = &self.input[..n];
        if self.skip_bom > 0 {
            let skip = self.skip_bom.min(chunk.len());
            chunk = &chunk[skip..];
            self.skip_bom -= skip;
            self.bytes_read += skip as u64;
        }
        let mut text = std::mem::take(&mut self.text);
        text.clear();
        text.reserve(chunk.len() * 3 + 16);
        let decoded = self.decoder.decode_to_string(chunk, &mut text, last);
        // The malformed sequence may have begun in the chunk before.
        if let Err(bad) = decoded {
            let before = &text;
            let end = usize::try_from(self.bytes_read).unwrap_or(usize::MAX).saturating_add(bad.offset);
            let offset = self.encoding.error_start(end, &bad);
            let line = self.lines + before.matches('\n').count() as u64;
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                DecodeError { encoding: self.encoding, offset, line },
            ));
        }
        self.bytes_read += chunk.len() as u64;
        if self.held_cr {
            if !text.starts_with('\n') {
                self.out.push(b'\r');
            }
            self.held_cr = false;
        }
        if !last && text.ends_with('\r') {
            text.pop();
            self.held_cr = true;
        }
        let bytes = text.as_bytes();
        self.lines += bytes.iter().filter(|b| **b == b'\n').count() as u64;
        if bytes.contains(&b'\r') {
            let mut rest = bytes;
            while let Some(i) = rest.windows(2).position(|w| w == b"\r\n") {
                self.out.extend_from_slice(&rest[..i]);
                rest = &rest[i + 1..];
            }
            self.out.extend_from_slice(rest);
        } else {
            self.out.extend_from_slice(bytes);
        }
        self.text = text;
        self.finished = last;
        Ok(())
    }
}

impl<R: Read> Read for StrictDecoder<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.out.len() {
            if self.finished {
                return Ok(0);
            }
            self.fill()?;
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// How far a text source has read its bytes (for progress).
pub trait Progress {
    fn bytes_read(&self) -> u64;
}

impl<R> Progress for StrictDecoder<R> {
    fn bytes_read(&self) -> u64 {
        self.bytes_read
    }
}

/// UTF-8 text passed through as it is, counting its bytes: the reader checks
/// each cell where it reads it (see [`super::rows::RawRow::text`]), so the
/// text is not checked twice.
pub struct Counted<R> {
    inner: R,
    bytes_read: u64,
}

impl<R> Counted<R> {
    pub fn new(inner: R) -> Counted<R> {
        Counted { inner, bytes_read: 0 }
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes_read += n as u64;
        Ok(n)
    }
}

impl<R> Progress for Counted<R> {
    fn bytes_read(&self) -> u64 {
        self.bytes_read
    }
}

/// The decode error behind an I/O error from [`StrictDecoder`], if that is what it is.
pub fn decode_error(e: &io::Error) -> Option<DecodeError> {
    e.get_ref().and_then(|inner| inner.downcast_ref::<DecodeError>()).cloned()
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not valid {} at byte {} (line {})", self.encoding.label(), self.offset, self.line)
    }
}

impl std::error::Error for DecodeError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::decode::encode_cp932;
    use crate::core::import::test_support::Trickle;

    fn decode_all(bytes: &[u8], encoding: Encoding, trickle: usize) -> io::Result<String> {
        let mut out = String::new();
        StrictDecoder::new(Trickle(bytes, trickle), encoding).read_to_string(&mut out)?;
        Ok(out)
    }

    #[test]
    fn cp932_split_across_every_boundary_decodes_the_same() {
        let text = "事務所名,値\r\n①㈱髙﨑,\\~\r\n末尾\r";
        let bytes = encode_cp932(text).unwrap();
        for trickle in 1..8 {
            assert_eq!(
                decode_all(&bytes, Encoding::Cp932, trickle).unwrap(),
                "事務所名,値\n①㈱髙﨑,\\~\n末尾\r"
            );
        }
    }

    #[test]
    fn utf16_and_bom_are_handled_in_a_stream() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("a,b\r\n髙,1\r\n".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode_all(&le, Encoding::Utf16Le, 3).unwrap(), "a,b\n髙,1\n");
        let bom = [&[0xEF, 0xBB, 0xBF][..], "x\r\ny".as_bytes()].concat();
        assert_eq!(decode_all(&bom, Encoding::Utf8Bom, 1).unwrap(), "x\ny");
    }

    #[test]
    fn a_bad_byte_late_in_the_stream_names_its_line() {
        let mut bytes = "ok\nok\nok\n".repeat(100_000).into_bytes();
        bytes.extend_from_slice(b"bad \xFF here\n");
        let err = decode_all(&bytes, Encoding::Utf8, 4096).unwrap_err();
        let d = decode_error(&err).unwrap();
        assert_eq!(d.line, 300_001);
        assert_eq!(d.offset, 900_004);
    }
}
