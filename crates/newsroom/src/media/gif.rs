//! Walking the blocks of a GIF file (header, extensions, images, trailer). img-parts has no GIF
//! support, and the structure is simple enough to walk with bounds checks: this both checks
//! that an animation is complete and lets stripping drop comments and foreign application data.

use std::ops::Range;

/// What a block of a GIF file is, as far as keeping it matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BlockKind {
    /// Header, logical screen descriptor and global colour table.
    Preamble,
    /// An image descriptor with its colour table and pixel data.
    Image,
    /// Graphic control (frame delay, transparency), the looping instruction and colour profiles:
    /// they change how the picture looks or moves.
    Display,
    /// Comments, plain text, and application data such as XMP.
    Metadata,
    /// The end of the file.
    Trailer,
}

/// Application extensions that affect display: looping (two spellings) and ICC colour profiles.
const DISPLAY_APPLICATIONS: &[&[u8; 11]] = &[b"NETSCAPE2.0", b"ANIMEXTS1.0", b"ICCRGBG1012"];

/// The blocks of `bytes` in order, or `Err` with what is wrong when a block is cut or unknown.
/// A file that ends cleanly between blocks without a trailer is accepted, as browsers do.
pub(super) fn blocks(bytes: &[u8]) -> Result<Vec<(BlockKind, Range<usize>)>, &'static str> {
    const CUT: &str = "the file ends in the middle of a block";
    let packed = *bytes.get(10).ok_or(CUT)?;
    let preamble_end = 13 + colour_table_len(packed);
    if preamble_end > bytes.len() {
        return Err(CUT);
    }
    let mut blocks = vec![(BlockKind::Preamble, 0..preamble_end)];
    let mut at = preamble_end;
    while let Some(&introducer) = bytes.get(at) {
        let (kind, end) = match introducer {
            0x3B => (BlockKind::Trailer, at + 1),
            0x21 => {
                let label = *bytes.get(at + 1).ok_or(CUT)?;
                let kind = match label {
                    0xF9 => BlockKind::Display,
                    0xFF => match bytes.get(at + 2..at + 14) {
                        Some([11, id @ ..])
                            if DISPLAY_APPLICATIONS.iter().any(|a| a[..] == *id) =>
                        {
                            BlockKind::Display
                        }
                        _ => BlockKind::Metadata,
                    },
                    _ => BlockKind::Metadata,
                };
                (kind, skip_sub_blocks(bytes, at + 2).ok_or(CUT)?)
            }
            0x2C => {
                let packed = *bytes.get(at + 9).ok_or(CUT)?;
                // Descriptor (10 bytes), local colour table, LZW code size (1 byte), data.
                let data_at = at + 10 + colour_table_len(packed) + 1;
                (
                    BlockKind::Image,
                    skip_sub_blocks(bytes, data_at).ok_or(CUT)?,
                )
            }
            _ => return Err("an unknown block follows the last valid one"),
        };
        blocks.push((kind, at..end));
        if kind == BlockKind::Trailer {
            break;
        }
        at = end;
    }
    Ok(blocks)
}

/// Size of a colour table announced by a packed-fields byte (present when its top bit is set).
fn colour_table_len(packed: u8) -> usize {
    if packed & 0x80 == 0 {
        0
    } else {
        3 << ((packed & 0x07) + 1)
    }
}

/// The position after a chain of data sub-blocks (length byte, data) ended by a zero length.
fn skip_sub_blocks(bytes: &[u8], mut at: usize) -> Option<usize> {
    loop {
        let len = usize::from(*bytes.get(at)?);
        at += 1;
        if len == 0 {
            return Some(at);
        }
        at += len;
        if at > bytes.len() {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 1×1 GIF with a comment, an XMP-like application block and a looping block.
    fn sample() -> Vec<u8> {
        let mut gif = b"GIF89a\x01\x00\x01\x00\x80\x00\x00".to_vec();
        gif.extend_from_slice(&[0, 0, 0, 255, 255, 255]);
        gif.extend_from_slice(b"\x21\xFE\x05hello\x00");
        gif.extend_from_slice(b"\x21\xFF\x0BXMP DataXMP\x03abc\x00");
        gif.extend_from_slice(b"\x21\xFF\x0BNETSCAPE2.0\x03\x01\x00\x00\x00");
        gif.extend_from_slice(b"\x21\xF9\x04\x00\x00\x00\x00\x00");
        gif.extend_from_slice(b"\x2C\0\0\0\0\x01\0\x01\0\0\x02\x02\x44\x01\x00");
        gif.push(0x3B);
        gif
    }

    #[test]
    fn blocks_are_found_and_classified() {
        let kinds: Vec<BlockKind> = blocks(&sample())
            .unwrap()
            .into_iter()
            .map(|b| b.0)
            .collect();
        use BlockKind::*;
        assert_eq!(
            kinds,
            [
                Preamble, Metadata, Metadata, Display, Display, Image, Trailer
            ]
        );
    }

    #[test]
    fn every_cut_short_of_a_block_boundary_is_an_error() {
        let gif = sample();
        let boundaries: Vec<usize> = blocks(&gif).unwrap().iter().map(|b| b.1.end).collect();
        for cut in 0..gif.len() {
            let result = blocks(&gif[..cut]);
            assert_eq!(result.is_ok(), boundaries.contains(&cut), "cut at {cut}");
        }
    }

    #[test]
    fn unknown_blocks_are_errors() {
        let mut gif = sample();
        let trailer = gif.len() - 1;
        gif[trailer] = 0x42;
        assert!(blocks(&gif).is_err());
    }
}
