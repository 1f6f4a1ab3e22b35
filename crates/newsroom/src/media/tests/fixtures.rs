//! Small images and metadata blocks built in memory.

use std::io::Cursor;

use exif::{Field, In, Rational, Tag, Value};
use image::{DynamicImage, ImageFormat as Codec, Rgb, RgbImage, Rgba, RgbaImage};
use img_parts::jpeg::{Jpeg, JpegSegment, markers};
use img_parts::png::{Png, PngChunk};
use img_parts::riff::{RiffChunk, RiffContent};
use img_parts::webp::WebP;
use img_parts::{Bytes, ImageEXIF};

use crate::model::ImageFormat;

/// An opaque gradient, so that decoding mistakes change pixels.
pub fn picture(width: u32, height: u32) -> DynamicImage {
    DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |x, y| {
        Rgb([
            (x * 7 % 256) as u8,
            (y * 13 % 256) as u8,
            ((x + y) % 256) as u8,
        ])
    }))
}

/// A picture whose left half is transparent.
pub fn transparent_picture(width: u32, height: u32) -> DynamicImage {
    DynamicImage::ImageRgba8(RgbaImage::from_fn(width, height, |x, _| {
        Rgba([200, 30, 30, if x < width / 2 { 0 } else { 255 }])
    }))
}

/// `image` encoded as `format`.
pub fn encode(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let codec = match format {
        ImageFormat::Jpeg => Codec::Jpeg,
        ImageFormat::Png => Codec::Png,
        ImageFormat::Webp => Codec::WebP,
        ImageFormat::Gif => Codec::Gif,
    };
    let image = match format {
        ImageFormat::Jpeg => DynamicImage::ImageRgb8(image.to_rgb8()),
        ImageFormat::Gif | ImageFormat::Webp => DynamicImage::ImageRgba8(image.to_rgba8()),
        ImageFormat::Png => image.clone(),
    };
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, codec).expect("encodes");
    out.into_inner()
}

/// A `width`×`height` gradient encoded as `format`.
pub fn sample(format: ImageFormat, width: u32, height: u32) -> Vec<u8> {
    encode(&picture(width, height), format)
}

/// Decoded pixels, to compare pictures.
pub fn pixels(bytes: &[u8]) -> Vec<u8> {
    image::load_from_memory(bytes)
        .expect("decodes")
        .to_rgba8()
        .into_raw()
}

/// A TIFF (EXIF) block holding `fields`.
pub fn exif_block(fields: &[Field]) -> Vec<u8> {
    let mut writer = exif::experimental::Writer::new();
    for field in fields {
        writer.push_field(field);
    }
    let mut out = Cursor::new(Vec::new());
    writer.write(&mut out, false).expect("writes EXIF");
    out.into_inner()
}

pub fn ascii(tag: Tag, value: &str) -> Field {
    Field {
        tag,
        ifd_num: In::PRIMARY,
        value: Value::Ascii(vec![value.as_bytes().to_vec()]),
    }
}

pub fn orientation(value: u16) -> Field {
    Field {
        tag: Tag::Orientation,
        ifd_num: In::PRIMARY,
        value: Value::Short(vec![value]),
    }
}

/// The GPS position of Stockholm's Sergels torg, and the camera's serial number.
pub fn private_fields() -> Vec<Field> {
    let dms = |d, m, s| {
        Value::Rational(vec![
            Rational { num: d, denom: 1 },
            Rational { num: m, denom: 1 },
            Rational { num: s, denom: 100 },
        ])
    };
    vec![
        ascii(Tag::GPSLatitudeRef, "N"),
        Field {
            tag: Tag::GPSLatitude,
            ifd_num: In::PRIMARY,
            value: dms(59, 19, 4512),
        },
        ascii(Tag::GPSLongitudeRef, "E"),
        Field {
            tag: Tag::GPSLongitude,
            ifd_num: In::PRIMARY,
            value: dms(18, 3, 5123),
        },
        ascii(Tag::BodySerialNumber, "SERIAL-12345"),
        ascii(Tag::Artist, "Ana Ruiz"),
    ]
}

/// `jpeg` with segments added before its frame header (after SOI and JFIF).
pub fn with_jpeg_segments(jpeg: &[u8], segments: &[(u8, Vec<u8>)]) -> Vec<u8> {
    let mut parsed = Jpeg::from_bytes(Bytes::copy_from_slice(jpeg)).expect("a JPEG");
    let at = parsed
        .segments()
        .iter()
        .position(|s| s.marker() != markers::APP0)
        .unwrap_or(0);
    for (offset, (marker, contents)) in segments.iter().enumerate() {
        let segment = JpegSegment::new_with_contents(*marker, Bytes::from(contents.clone()));
        parsed.segments_mut().insert(at + offset, segment);
    }
    parsed.encoder().bytes().to_vec()
}

/// The APP1 contents carrying an EXIF block.
pub fn exif_app1(tiff: &[u8]) -> Vec<u8> {
    [b"Exif\0\0".as_slice(), tiff].concat()
}

/// The APP1 contents carrying an XMP packet.
pub fn xmp_app1(packet: &str) -> Vec<u8> {
    [
        b"http://ns.adobe.com/xap/1.0/\0".as_slice(),
        packet.as_bytes(),
    ]
    .concat()
}

/// The APP13 contents carrying Photoshop resources.
pub fn photoshop_app13(resources: &[u8]) -> Vec<u8> {
    [b"Photoshop 3.0\0".as_slice(), resources].concat()
}

/// `png` with chunks added right after IHDR (and an EXIF chunk when `exif` is given).
pub fn with_png_chunks(
    png: &[u8],
    chunks: &[([u8; 4], Vec<u8>)],
    exif: Option<Vec<u8>>,
) -> Vec<u8> {
    let mut parsed = Png::from_bytes(Bytes::copy_from_slice(png)).expect("a PNG");
    for (kind, contents) in chunks {
        parsed
            .chunks_mut()
            .insert(1, PngChunk::new(*kind, Bytes::from(contents.clone())));
    }
    if let Some(exif) = exif {
        parsed.set_exif(Some(Bytes::from(exif)));
    }
    parsed.encoder().bytes().to_vec()
}

/// An uncompressed iTXt chunk's contents.
pub fn itxt(keyword: &str, text: &str) -> Vec<u8> {
    [keyword.as_bytes(), b"\0\0\0\0\0", text.as_bytes()].concat()
}

/// `webp` with an EXIF block and an XMP chunk.
pub fn with_webp_metadata(webp: &[u8], exif: Option<Vec<u8>>, xmp: Option<&str>) -> Vec<u8> {
    let mut parsed = WebP::from_bytes(Bytes::copy_from_slice(webp)).expect("a WebP");
    if let Some(xmp) = xmp {
        let chunk = RiffChunk::new(*b"XMP ", RiffContent::Data(Bytes::from(xmp.to_string())));
        parsed.chunks_mut().push(chunk);
    }
    // Also turns the file into the extended format that may carry metadata.
    parsed.set_exif(exif.map(Bytes::from));
    parsed.encoder().bytes().to_vec()
}

/// `gif` with a comment, an XMP application block and a looping block after its preamble.
pub fn with_gif_extensions(gif: &[u8]) -> Vec<u8> {
    let packed = gif[10];
    let preamble_end = 13
        + if packed & 0x80 != 0 {
            3 << ((packed & 7) + 1)
        } else {
            0
        };
    let mut out = gif[..preamble_end].to_vec();
    out.extend_from_slice(b"\x21\xFE\x0Eshot at Sergel\x00");
    out.extend_from_slice(b"\x21\xFF\x0BXMP DataXMP\x08<x:xmp/>\x00");
    out.extend_from_slice(b"\x21\xFF\x0BNETSCAPE2.0\x03\x01\x00\x00\x00");
    out.extend_from_slice(&gif[preamble_end..]);
    out
}

/// Whether `needle` occurs in `haystack`.
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Photoshop resources holding the given IPTC IIM datasets (dataset number, text), after an
/// unrelated resource that a reader has to skip.
pub fn iptc_resources(datasets: &[(u8, &str)]) -> Vec<u8> {
    let mut iim = Vec::new();
    for (dataset, value) in datasets {
        iim.extend_from_slice(&[0x1C, 2, *dataset]);
        iim.extend_from_slice(&(value.len() as u16).to_be_bytes());
        iim.extend_from_slice(value.as_bytes());
    }
    let mut out = Vec::new();
    // An unrelated resource first (0x03ED, resolution info, with a 3-letter name), so the walk
    // has to skip one.
    out.extend_from_slice(b"8BIM\x03\xED\x03abc\0\0\0\x03xyz\0");
    out.extend_from_slice(b"8BIM\x04\x04\0\0");
    out.extend_from_slice(&(iim.len() as u32).to_be_bytes());
    out.extend_from_slice(&iim);
    if iim.len() % 2 == 1 {
        out.push(0);
    }
    out
}
