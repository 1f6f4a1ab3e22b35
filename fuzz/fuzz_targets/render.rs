//! The renderer: Markdown to sanitized HTML, for the preview and for export, with a resolver that
//! knows nothing (a file outside any library) and one that knows every photo and article (so the
//! figure and link code runs too).
//!
//! Proves that no body panics or hangs the renderer (render never fails; a slow input is a
//! finding: the issue cares about super-linear time), and that what comes out carries no
//! script, style, frame or plugin element whatever went in.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsroom::model::{ArticleId, PhotoId};
use newsroom::render::{
    ArticleRef, ResolvedArticle, ResolvedPhoto, Resolver, Standalone, Target, render,
};

/// Knows every photo (with a caption and credit to print) and every article.
struct Everything;

impl Resolver for Everything {
    fn photo(&self, id: PhotoId) -> Option<ResolvedPhoto> {
        Some(ResolvedPhoto {
            url: format!("media/{id}.jpg"),
            alt: "A <b>photo</b> & \"alt\"".into(),
            caption: "The caption: *as written*".into(),
            credit: "Ana Ruiz / Agency".into(),
            width: Some(1200),
            height: Some(800),
        })
    }

    fn article(&self, link: ArticleRef<'_>) -> Option<ResolvedArticle> {
        let id: ArticleId = match link {
            ArticleRef::Id(id) => id,
            ArticleRef::Slug(slug) => slug.len() as ArticleId,
        };
        Some(ResolvedArticle {
            id,
            url: format!("{id}.html"),
            headline: "Another <story>".into(),
        })
    }
}

/// Elements the allowlist never lets through, written as a browser would start them.
const NEVER: &[&str] = &["<script", "<style", "<iframe", "<object", "<embed", "<form"];

fuzz_target!(|data: &[u8]| {
    let Ok(markdown) = std::str::from_utf8(data) else {
        return;
    };
    for (target, resolver) in [
        (Target::Preview, &Standalone as &dyn Resolver),
        (Target::Export, &Standalone),
        (Target::Preview, &Everything),
    ] {
        let html = render(markdown, target, resolver).html.to_ascii_lowercase();
        for element in NEVER {
            assert!(
                !html.contains(element),
                "{element} in {target:?} output:\n{html}"
            );
        }
    }
});
