//! The name a photo had when it was imported, kept for the editor's benefit only.

use crate::model::ImageFormat;

/// Longest name kept, in characters; file systems allow 255 bytes, and nobody reads more.
const MAX_NAME_CHARS: usize = 200;

/// The file-name part of `name` (after the last `/` or `\`, whichever system the path came
/// from), without control characters and surrounding spaces, at most 200 characters. A name
/// with nothing left becomes "photo.<extension>". It is only ever shown, never used as a path.
pub fn original_name(name: &str, format: ImageFormat) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME_CHARS)
        .collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() || cleaned == "." || cleaned == ".." {
        format!("photo.{}", format.extension())
    } else {
        cleaned.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_file_name_is_kept() {
        let jpeg = ImageFormat::Jpeg;
        assert_eq!(
            original_name("/home/ana/Pictures/IMG_0001.JPG", jpeg),
            "IMG_0001.JPG"
        );
        assert_eq!(original_name(r"C:\Users\ana\crowd.jpg", jpeg), "crowd.jpg");
        assert_eq!(original_name("../../etc/passwd", jpeg), "passwd");
        assert_eq!(
            original_name("bad\u{0}\u{1b}[31mname\n.jpg", jpeg),
            "bad[31mname.jpg"
        );
        assert_eq!(original_name("  ", ImageFormat::Png), "photo.png");
        assert_eq!(original_name("photos/..", jpeg), "photo.jpg");
        assert_eq!(original_name("dir/", ImageFormat::Gif), "photo.gif");
        assert_eq!(original_name(&"é".repeat(300), jpeg).chars().count(), 200);
    }
}
