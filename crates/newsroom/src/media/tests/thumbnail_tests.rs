use super::fixtures::*;
use crate::media::{ImageInfo, inspect, thumbnail};
use crate::model::ImageFormat;

fn info_of(bytes: &[u8]) -> ImageInfo {
    inspect(bytes).expect("a valid thumbnail")
}

#[test]
fn large_photos_shrink_to_fit_as_jpeg() {
    for format in [
        ImageFormat::Jpeg,
        ImageFormat::Png,
        ImageFormat::Webp,
        ImageFormat::Gif,
    ] {
        let thumb = thumbnail(&sample(format, 400, 200), format, 100).unwrap();
        let info = info_of(&thumb);
        assert_eq!(
            (info.format, info.width, info.height),
            (ImageFormat::Jpeg, 100, 50),
            "{format:?}"
        );
    }
}

#[test]
fn transparent_pictures_become_png_and_small_ones_are_not_enlarged() {
    let png = encode(&transparent_picture(30, 20), ImageFormat::Png);
    let info = info_of(&thumbnail(&png, ImageFormat::Png, 200).unwrap());
    assert_eq!(
        (info.format, info.width, info.height),
        (ImageFormat::Png, 30, 20)
    );
}

#[test]
fn thumbnails_are_upright() {
    let jpeg = with_jpeg_segments(
        &sample(ImageFormat::Jpeg, 80, 40),
        &[(0xE1, exif_app1(&exif_block(&[orientation(6)])))],
    );
    let info = info_of(&thumbnail(&jpeg, ImageFormat::Jpeg, 40).unwrap());
    assert_eq!((info.width, info.height), (20, 40));
}

#[test]
fn damaged_photos_give_no_thumbnail() {
    let jpeg = sample(ImageFormat::Jpeg, 40, 40);
    let error = thumbnail(&jpeg[..jpeg.len() / 2], ImageFormat::Jpeg, 10).unwrap_err();
    assert_eq!(error.kind(), crate::ErrorKind::Corrupt);
    assert_eq!(
        thumbnail(&jpeg, ImageFormat::Jpeg, 0)
            .map(|t| info_of(&t).width)
            .ok(),
        Some(1)
    );
}
