//! End-to-end tests of [`export`] over an in-memory library.

use super::*;
use crate::model::{Correction, CorrectionKind, ImageFormat, PhotoRole, RelatedTarget, Status};
use std::cell::Cell;
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;

const PUBLISHED: i64 = 1_773_309_600; // 12 March 2026, 10:00 UTC

/// A library held in maps; counts file reads to prove images are prepared once.
#[derive(Default)]
struct MemorySource {
    photos: HashMap<PhotoId, Photo>,
    files: HashMap<String, Vec<u8>>,
    articles: Vec<(ArticleId, String, String)>,
    reads: Cell<usize>,
}

impl ExportSource for MemorySource {
    fn photo(&self, id: PhotoId) -> Option<Photo> {
        self.photos.get(&id).cloned()
    }

    fn photo_bytes(&self, file: &PhotoFile) -> Result<Vec<u8>, ExportError> {
        self.reads.set(self.reads.get() + 1);
        self.files
            .get(&file.hash)
            .cloned()
            .ok_or_else(|| ExportError::PhotoUnreadable {
                name: file.original_name.clone(),
                source: std::io::ErrorKind::NotFound.into(),
            })
    }

    fn article_link(&self, link: ArticleRef<'_>) -> Option<(ArticleId, String, String)> {
        self.articles
            .iter()
            .find(|(id, slug, _)| match link {
                ArticleRef::Id(wanted) => *id == wanted,
                ArticleRef::Slug(wanted) => slug == wanted,
            })
            .cloned()
    }
}

impl MemorySource {
    fn with_articles(articles: &[(ArticleId, &str, &str)]) -> MemorySource {
        MemorySource {
            articles: articles
                .iter()
                .map(|(id, slug, headline)| (*id, slug.to_string(), headline.to_string()))
                .collect(),
            ..MemorySource::default()
        }
    }

    /// Adds a photo whose file holds `bytes`, under a hostile original name.
    fn add_photo(&mut self, id: PhotoId, bytes: Vec<u8>, original_name: &str) -> Photo {
        let photo = Photo {
            id,
            caption: format!("Caption {id}"),
            credit: "POOL (Reuters)".into(),
            alt: format!("Alt {id}"),
            file: Some(PhotoFile {
                hash: format!("hash{id}"),
                format: ImageFormat::Png,
                width: 2,
                height: 1,
                bytes: bytes.len() as u64,
                original_name: original_name.into(),
            }),
            created_at: 0,
            trashed_at: None,
        };
        self.files.insert(format!("hash{id}"), bytes);
        self.photos.insert(id, photo.clone());
        photo
    }
}

fn article(id: ArticleId, slug: &str) -> Article {
    Article {
        id,
        uid: format!("uid-{id}"),
        slug: slug.into(),
        headline: format!("Headline {slug}"),
        dek: format!("Dek {slug}"),
        byline: "Ana Ruiz".into(),
        section: "Politics".into(),
        tags: vec!["budget".into(), "vote".into()],
        status: Status::Published,
        dateline: "STOCKHOLM".into(),
        body: format!("Body of **{slug}**.\n"),
        featured_photo: None,
        author_id: None,
        created_at: PUBLISHED - 100,
        updated_at: PUBLISHED + 3600,
        published_at: Some(PUBLISHED),
        trashed_at: None,
        word_count: 3,
        kicker: String::new(),
        seo_headline: String::new(),
        social_headline: String::new(),
        embargo: None,
        words_planned: None,
        language: String::new(),
    }
}

fn item(id: ArticleId, slug: &str) -> ExportItem {
    ExportItem {
        article: article(id, slug),
        author: None,
        featured: None,
        related: Vec::new(),
        corrections: Vec::new(),
    }
}

fn featured(article_id: ArticleId, photo: Photo) -> PhotoUse {
    PhotoUse {
        article_id,
        photo,
        role: PhotoRole::Featured,
        position: 0,
        caption_override: None,
    }
}

fn options(out_dir: &Path) -> ExportOptions {
    ExportOptions {
        out_dir: out_dir.to_path_buf(),
        single_file: false,
        site: SiteInfo {
            name: "The Daily".into(),
            base_url: None,
            language: "en".into(),
        },
        embargo: EmbargoRule::Respect,
    }
}

/// A tiny real PNG, different for each `seed`.
fn png(seed: u8) -> Vec<u8> {
    let mut bytes = Vec::new();
    image::RgbImage::from_pixel(2, 1, image::Rgb([seed, 10, 20]))
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
    bytes
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap()
}

/// The JSON-LD of a page, parsed.
fn json_ld_of(html: &str) -> serde_json::Value {
    let start = html.find(r#"<script type="application/ld+json">"#).unwrap();
    let rest = &html[start..];
    let open = rest.find('>').unwrap() + 1;
    let close = rest.find("</script>").unwrap();
    serde_json::from_str(&rest[open..close]).unwrap()
}

/// Every file under `dir`, relative path → bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in fs::read_dir(&current).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap().to_path_buf();
                files.insert(relative, fs::read(&path).unwrap());
            }
        }
    }
    files
}

#[test]
fn a_page_has_every_part_of_a_finished_article() {
    let tmp = tempfile::tempdir().unwrap();
    let mut source = MemorySource::with_articles(&[(2, "other", "Other story")]);
    let photo = source.add_photo(7, png(1), "lead.png");
    let mut one = item(1, "budget");
    one.featured = Some(PhotoUse {
        caption_override: Some("Ministers vote".into()),
        ..featured(1, photo)
    });
    one.author = Some(Author {
        id: 3,
        name: "Ana Ruiz".into(),
        role: "Chief political correspondent".into(),
        bio: "Ana has covered parliament since 2010.".into(),
        photo_id: None,
    });
    one.related = vec![RelatedLink {
        target: RelatedTarget::External {
            url: "https://example.org/background".into(),
        },
        title: "Background".into(),
        position: 0,
    }];

    let report = export(&[one], &source, &options(tmp.path())).unwrap();
    assert_eq!(report.pages, vec![tmp.path().join("budget.html")]);
    assert_eq!(report.index, None);
    let html = read(&report.pages[0]);

    for part in [
        "<!DOCTYPE html>",
        r#"<html lang="en">"#,
        r#"<meta charset="utf-8">"#,
        r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#,
        "<title>Headline budget — The Daily</title>",
        "<article>",
        "<h1>Headline budget</h1>",
        r#"<p class="dek">Dek budget</p>"#,
        r#"<span class="byline">By Ana Ruiz</span>"#,
        r#"<p class="dateline">STOCKHOLM</p>"#,
        r#"<time datetime="2026-03-12T10:00:00Z">12 March 2026</time>"#,
        r#"<figure class="featured">"#,
        r#"alt="Alt 7" width="2" height="1">"#,
        r#"<figcaption>Ministers vote <span class="credit">POOL (Reuters)</span></figcaption>"#,
        "<strong>budget</strong>",
        r#"<a href="https://example.org/background">Background</a>"#,
        r#"<footer class="author-bio">"#,
        r#"<span class="author-role">Chief political correspondent</span>"#,
        "<p>Ana has covered parliament since 2010.</p>",
        "prefers-color-scheme: dark",
        "<!-- Generated by Newsroom -->",
        r#"<meta property="og:type" content="article">"#,
        r#"<meta property="og:title" content="Headline budget">"#,
        r#"<meta property="og:description" content="Dek budget">"#,
        r#"<meta property="article:published_time" content="2026-03-12T10:00:00Z">"#,
        r#"<meta property="article:section" content="Politics">"#,
        r#"<meta property="article:tag" content="budget">"#,
        r#"<meta property="article:tag" content="vote">"#,
    ] {
        assert!(html.contains(part), "missing {part} in\n{html}");
    }
    assert!(
        !html.contains("<nav"),
        "a lone page has no index to go back to"
    );
    assert!(
        !html.contains("<link rel=\"stylesheet\""),
        "the stylesheet is embedded"
    );

    let ld = json_ld_of(&html);
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["headline"], "Headline budget");
    assert_eq!(ld["description"], "Dek budget");
    assert_eq!(ld["datePublished"], "2026-03-12T10:00:00Z");
    assert_eq!(ld["dateModified"], "2026-03-12T11:00:00Z");
    assert_eq!(ld["author"]["name"], "Ana Ruiz");
    assert_eq!(ld["articleSection"], "Politics");
    assert_eq!(ld["keywords"], "budget, vote");
    assert_eq!(ld["publisher"]["name"], "The Daily");
    assert!(ld["image"].as_str().unwrap().starts_with("images/"));
}

/// The kicker is printed above the headline; the SEO headline names the page for search engines
/// (`<title>`, JSON-LD) and the social headline its link previews, each the headline when empty.
#[test]
fn the_desks_headlines_and_kicker_go_where_each_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let source = MemorySource::with_articles(&[]);
    let mut one = item(1, "budget");
    one.article.kicker = "Analysis".into();
    one.article.seo_headline = "Budget 2027 passes: what changes".into();
    one.article.social_headline = "The budget passed. Here is what it means for you".into();
    let mut two = item(2, "plain");
    two.article.seo_headline = String::new();
    let report = export(&[one, two], &source, &options(tmp.path())).unwrap();

    let html = read(&tmp.path().join("budget.html"));
    for part in [
        "<title>Budget 2027 passes: what changes — The Daily</title>",
        "<p class=\"section\">Politics</p>\n<p class=\"kicker\">Analysis</p>\n<h1>Headline budget</h1>",
        r#"<meta property="og:title" content="The budget passed. Here is what it means for you">"#,
    ] {
        assert!(html.contains(part), "missing {part} in\n{html}");
    }
    assert_eq!(
        json_ld_of(&html)["headline"],
        "Budget 2027 passes: what changes"
    );

    let plain = read(&tmp.path().join("plain.html"));
    assert!(plain.contains("<title>Headline plain — The Daily</title>"));
    assert!(plain.contains(r#"<meta property="og:title" content="Headline plain">"#));
    assert!(
        !plain.contains(r#"<p class="kicker">"#),
        "no empty kicker line: {plain}"
    );
    assert_eq!(report.pages.len(), 2);
}

/// A story under embargo is not exported unless the editor says so; nothing is written when
/// it is refused. A lifted embargo stops nothing.
#[test]
fn an_embargoed_article_is_refused_unless_the_editor_overrides() {
    let tmp = tempfile::tempdir().unwrap();
    let source = MemorySource::with_articles(&[]);
    let mut held = item(1, "rates");
    held.article.headline = "Central bank raises rates".into();
    held.article.embargo = Some(crate::store::system_clock() + 3600);
    let mut lifted = item(2, "lifted");
    lifted.article.embargo = Some(1_000);

    let error = export(
        &[lifted.clone(), held.clone()],
        &source,
        &options(tmp.path()),
    )
    .unwrap_err();
    assert_eq!(error.kind(), crate::ErrorKind::Embargoed);
    let said = error.to_string();
    assert!(
        said.starts_with("“Central bank raises rates” is under embargo until ")
            && said.ends_with(" UTC and must not go out before then"),
        "{said}"
    );
    assert!(tree(tmp.path()).is_empty(), "nothing written");

    let anyway = ExportOptions {
        embargo: EmbargoRule::Ignore,
        ..options(tmp.path())
    };
    assert_eq!(
        export(&[lifted, held], &source, &anyway)
            .unwrap()
            .pages
            .len(),
        2
    );
}

/// Corrections and updates close the story, dated, and search engines get them as schema.org
/// `CorrectionComment`s; the page's modified time is the story's.
#[test]
fn corrections_and_updates_close_the_page_and_its_json_ld() {
    let tmp = tempfile::tempdir().unwrap();
    let source = MemorySource::with_articles(&[]);
    let mut one = item(1, "budget");
    one.corrections = vec![
        Correction {
            kind: CorrectionKind::Correction,
            text: "The vote was 7-2, not 6-3.".into(),
            at: 1_796_317_200,
        },
        Correction {
            kind: CorrectionKind::Update,
            text: "The <b>mayor</b> has since resigned.".into(),
            at: 1_796_403_600,
        },
    ];
    export(&[one], &source, &options(tmp.path())).unwrap();
    let html = read(&tmp.path().join("budget.html"));
    for part in [
        r#"<h2 id="corrections-heading">Corrections and updates</h2>"#,
        r#"<p><strong>Correction, <time datetime="2026-12-03T17:00:00Z">3 December 2026</time>:</strong> The vote was 7-2, not 6-3.</p>"#,
        "<strong>Update, <time datetime=\"2026-12-04T17:00:00Z\">4 December 2026</time>:</strong> The &lt;b&gt;mayor&lt;/b&gt; has since resigned.",
    ] {
        assert!(html.contains(part), "missing {part} in\n{html}");
    }
    let ld = json_ld_of(&html);
    assert_eq!(ld["correction"][0]["@type"], "CorrectionComment");
    assert_eq!(
        ld["correction"][0]["text"],
        "Correction: The vote was 7-2, not 6-3."
    );
    assert_eq!(ld["correction"][1]["datePublished"], "2026-12-04T17:00:00Z");
    assert_eq!(ld["dateModified"], "2026-03-12T11:00:00Z");

    let plain = item(2, "plain");
    export(&[plain], &source, &options(tmp.path())).unwrap();
    let html = read(&tmp.path().join("plain.html"));
    assert!(!html.contains("corrections-heading") && json_ld_of(&html)["correction"].is_null());
}

#[test]
fn images_are_copied_once_by_content_and_linked_relatively() {
    let tmp = tempfile::tempdir().unwrap();
    let mut source = MemorySource::default();
    let original = png(2);
    let shared = source.add_photo(7, original.clone(), "shared.png");
    let mut a = item(1, "a");
    a.featured = Some(featured(1, shared.clone()));
    let mut b = item(2, "b");
    b.featured = Some(featured(2, shared));

    let report = export(&[a, b], &source, &options(tmp.path())).unwrap();
    assert_eq!(source.reads.get(), 1, "the shared photo is read once");
    assert_eq!(report.images.len(), 1);
    let image = &report.images[0];
    assert_eq!(image.parent().unwrap(), tmp.path().join("images"));
    let name = image.file_name().unwrap().to_str().unwrap();
    assert!(name.ends_with(".png") && name.len() == 64 + 4, "{name}");
    let expected = crate::media::strip_metadata(&original, ImageFormat::Png).unwrap();
    assert_eq!(fs::read(image).unwrap(), expected);

    for page in &report.pages {
        let html = read(page);
        assert!(html.contains(&format!(r#"src="images/{name}""#)), "{html}");
        assert!(
            !html.contains(tmp.path().to_str().unwrap()),
            "no absolute paths"
        );
        assert!(html.contains(&format!(
            r#"<meta property="og:image" content="images/{name}">"#
        )));
    }
}

#[test]
fn exported_photos_lose_their_metadata_but_keep_their_pixels() {
    use img_parts::{ImageEXIF, jpeg::Jpeg};
    let tmp = tempfile::tempdir().unwrap();
    let mut jpeg_bytes = Vec::new();
    let pixels = image::RgbImage::from_pixel(8, 8, image::Rgb([200, 30, 30]));
    pixels
        .write_to(
            &mut std::io::Cursor::new(&mut jpeg_bytes),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    let mut jpeg = Jpeg::from_bytes(jpeg_bytes.into()).unwrap();
    let mut exif = b"MM\0\x2a\0\0\0\x08\0\0".to_vec();
    exif.extend_from_slice(b"GPS-SECRET-59.3293N-18.0686E");
    jpeg.set_exif(Some(exif.into()));
    let mut with_exif = Vec::new();
    jpeg.encoder().write_to(&mut with_exif).unwrap();

    let mut source = MemorySource::default();
    let mut photo = source.add_photo(7, with_exif.clone(), "IMG_0001.JPG");
    if let Some(file) = photo.file.as_mut() {
        file.format = ImageFormat::Jpeg;
    }
    let mut one = item(1, "a");
    one.featured = Some(featured(1, photo));

    let report = export(&[one], &source, &options(tmp.path())).unwrap();
    let written = fs::read(&report.images[0]).unwrap();
    assert!(report.images[0].to_str().unwrap().ends_with(".jpg"));
    let secret: &[u8] = b"GPS-SECRET";
    assert!(!written.windows(secret.len()).any(|w| w == secret));
    let decode = |bytes: &[u8]| image::load_from_memory(bytes).unwrap().to_rgb8();
    assert_eq!(decode(&written), decode(&with_exif));
}

#[test]
fn single_file_pages_inline_their_images() {
    let tmp = tempfile::tempdir().unwrap();
    let mut source = MemorySource::default();
    let photo = source.add_photo(7, png(3), "x.png");
    let mut one = item(1, "a");
    one.featured = Some(featured(1, photo));
    one.article.body = "![In the body](photo:7)\n".into();
    let options = ExportOptions {
        single_file: true,
        ..options(tmp.path())
    };

    let report = export(&[one], &source, &options).unwrap();
    assert!(report.images.is_empty());
    assert!(!tmp.path().join("images").exists());
    let html = read(&report.pages[0]);
    assert!(
        html.contains(r#"<img src="data:image/png;base64,"#),
        "{html}"
    );
    assert!(
        html.contains(r#"src="data:image/png;base64,"#),
        "the body's copy: {html}"
    );
    assert_eq!(source.reads.get(), 1);
    assert!(
        !html.contains("og:image"),
        "crawlers cannot fetch a data URI"
    );
}

#[test]
fn a_site_address_makes_metadata_addresses_absolute() {
    let tmp = tempfile::tempdir().unwrap();
    let mut source = MemorySource::default();
    let photo = source.add_photo(7, png(4), "x.png");
    let mut one = item(1, "a");
    one.featured = Some(featured(1, photo));
    let mut options = options(tmp.path());
    options.site.base_url = Some("https://daily.example/news/".into());

    let report = export(&[one], &source, &options).unwrap();
    let html = read(&report.pages[0]);
    let ld = json_ld_of(&html);
    let image = ld["image"].as_str().unwrap();
    assert!(
        image.starts_with("https://daily.example/news/images/"),
        "{image}"
    );
    assert_eq!(ld["url"], "https://daily.example/news/a.html");
    assert!(html.contains(r#"<link rel="canonical" href="https://daily.example/news/a.html">"#));
    assert!(
        html.contains(r#"<meta property="og:image" content="https://daily.example/news/images/"#)
    );
    // The page itself still links its image relatively, so the folder works offline.
    assert!(html.contains(r#"<img src="images/"#));
}

#[test]
fn a_site_address_that_is_not_a_web_address_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    for bad in [
        "javascript:alert(1)",
        "daily.example",
        "https://",
        "ftp://x",
    ] {
        let mut options = options(&tmp.path().join("out"));
        options.site.base_url = Some(bad.into());
        let err = export(&[item(1, "a")], &MemorySource::default(), &options).unwrap_err();
        assert!(
            matches!(err, ExportError::InvalidBaseUrl { .. }),
            "{bad}: {err}"
        );
        assert_eq!(err.kind(), crate::ErrorKind::Invalid);
    }
    assert!(!tmp.path().join("out").exists(), "nothing is written");
}

#[test]
fn several_articles_get_an_index_and_link_to_each_other() {
    let tmp = tempfile::tempdir().unwrap();
    let source = MemorySource::with_articles(&[
        (1, "a", "Headline a"),
        (2, "b", "Headline b"),
        (3, "c", "Not exported"),
    ]);
    let mut a = item(1, "a");
    a.related = vec![
        RelatedLink {
            target: RelatedTarget::External {
                url: "javascript:alert(1)".into(),
            },
            title: "Sneaky".into(),
            position: 3,
        },
        RelatedLink {
            target: RelatedTarget::Article { id: 3 },
            title: "Not exported".into(),
            position: 1,
        },
        RelatedLink {
            target: RelatedTarget::Article { id: 2 },
            title: "Headline b".into(),
            position: 0,
        },
        RelatedLink {
            target: RelatedTarget::External {
                url: "mailto:desk@daily.example".into(),
            },
            title: "Write to us".into(),
            position: 2,
        },
    ];
    let b = item(2, "b");

    let report = export(&[a, b], &source, &options(tmp.path())).unwrap();
    let index = report.index.clone().unwrap();
    assert_eq!(index, tmp.path().join("index.html"));

    let page_a = read(&report.pages[0]);
    let related = &page_a[page_a.find(r#"<aside class="related""#).unwrap()..];
    let expected = [
        r#"<li><a href="b.html">Headline b</a></li>"#,
        "<li>Not exported</li>",
        r#"<li><a href="mailto:desk@daily.example">Write to us</a></li>"#,
        "<li>Sneaky</li>",
    ];
    let mut at = 0;
    for entry in expected {
        let found = related[at..]
            .find(entry)
            .unwrap_or_else(|| panic!("{entry} in order"));
        at += found + entry.len();
    }
    assert!(!page_a.contains("javascript:"));
    assert!(page_a.contains(r#"<nav class="site-nav"><a href="index.html">The Daily</a></nav>"#));

    let listing = read(&index);
    for part in [
        r#"<a href="a.html">Headline a</a>"#,
        r#"<a href="b.html">Headline b</a>"#,
        r#"<p class="dek">Dek a</p>"#,
        r#"<p class="section">Politics</p>"#,
        r#"<time datetime="2026-03-12T10:00:00Z">12 March 2026</time>"#,
    ] {
        assert!(listing.contains(part), "missing {part} in\n{listing}");
    }
    assert!(listing.find("a.html").unwrap() < listing.find("b.html").unwrap());
}

#[test]
fn links_in_bodies_follow_the_same_rule_as_related_posts() {
    let tmp = tempfile::tempdir().unwrap();
    let source = MemorySource::with_articles(&[
        (1, "a", "Headline a"),
        (2, "b", "Headline b"),
        (3, "c", "Not exported"),
    ]);
    let mut a = item(1, "a");
    a.article.body = "See [the vote](article:2), [[b]] and [[c]].\n".into();
    let report = export(&[a, item(2, "b")], &source, &options(tmp.path())).unwrap();
    let html = read(&report.pages[0]);
    assert!(html.contains(r#"href="b.html""#), "{html}");
    assert!(!html.contains("c.html"), "{html}");
    assert!(html.contains("Not exported"), "{html}");
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let export_into = |dir: &Path| {
        let mut source = MemorySource::with_articles(&[(1, "a", "A"), (2, "b", "B")]);
        let p1 = source.add_photo(7, png(5), "one.png");
        let p2 = source.add_photo(8, png(6), "two.png");
        let mut a = item(1, "a");
        a.featured = Some(featured(1, p1));
        a.related = vec![RelatedLink {
            target: RelatedTarget::Article { id: 2 },
            title: "B".into(),
            position: 0,
        }];
        let mut b = item(2, "b");
        b.featured = Some(featured(2, p2));
        export(&[a, b], &source, &options(dir)).unwrap()
    };
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let r1 = export_into(first.path());
    let r2 = export_into(second.path());
    let (t1, t2) = (tree(first.path()), tree(second.path()));
    assert_eq!(t1.len(), 5, "two pages, two images and the index");
    assert_eq!(t1, t2);
    let names = |r: &ExportReport, root: &Path| -> Vec<PathBuf> {
        r.images
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().to_path_buf())
            .collect()
    };
    assert_eq!(names(&r1, first.path()), names(&r2, second.path()));
    // Exporting again over the same folder changes nothing.
    export_into(first.path());
    assert_eq!(tree(first.path()), t2);
}

#[test]
fn hostile_slugs_are_refused_before_anything_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    for bad in ["../x", "/abs", "a/b", "..\\x", "", "A", "x.html"] {
        let items = [item(1, "fine"), item(2, bad)];
        let err = export(&items, &MemorySource::default(), &options(&out)).unwrap_err();
        assert!(
            matches!(err, ExportError::InvalidSlug { .. }),
            "{bad}: {err}"
        );
        assert_eq!(err.kind(), crate::ErrorKind::Invalid);
        assert!(err.to_string().contains("Headline"), "{err}");
    }
    assert!(!out.exists());
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[test]
fn hostile_file_names_never_leave_the_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let mut source = MemorySource::default();
    let names = [
        "../../evil.png",
        "/etc/passwd",
        "..\\..\\evil.png",
        "a/../../b.png",
    ];
    let items: Vec<ExportItem> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let id = i as i64 + 1;
            let photo = source.add_photo(id, png(id as u8), name);
            let mut it = item(id, &format!("story-{id}"));
            it.featured = Some(featured(id, photo));
            it
        })
        .collect();
    let report = export(&items, &source, &options(&out)).unwrap();
    assert_eq!(report.images.len(), names.len());
    for path in report.images.iter().chain(&report.pages) {
        assert!(path.starts_with(&out), "{}", path.display());
    }
    let outside: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(outside, ["out"]);
    assert_eq!(tree(&out).len(), names.len() * 2 + 1);
}

#[test]
fn a_file_in_place_of_the_folder_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("site");
    fs::write(&file, "keep me").unwrap();
    let err = export(&[item(1, "a")], &MemorySource::default(), &options(&file)).unwrap_err();
    assert!(matches!(err, ExportError::NotAFolder { .. }), "{err}");
    assert_eq!(read(&file), "keep me");

    let missing = tmp.path().join("new/nested");
    export(
        &[item(1, "a")],
        &MemorySource::default(),
        &options(&missing),
    )
    .unwrap();
    assert!(missing.join("a.html").is_file());
}

#[test]
fn clashing_slugs_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let source = MemorySource::default();
    let err = export(&[item(1, "a"), item(2, "a")], &source, &options(tmp.path())).unwrap_err();
    assert!(matches!(err, ExportError::DuplicateSlug { .. }), "{err}");
    assert_eq!(err.kind(), crate::ErrorKind::DuplicateSlug);

    let err = export(
        &[item(1, "index"), item(2, "b")],
        &source,
        &options(tmp.path()),
    )
    .unwrap_err();
    assert!(matches!(err, ExportError::ReservedSlug { .. }), "{err}");
    assert_eq!(err.kind(), crate::ErrorKind::Conflict);
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0);

    // Alone, an article called "index" has no listing to clash with.
    export(&[item(1, "index")], &source, &options(tmp.path())).unwrap();
}

#[test]
fn an_unreadable_photo_stops_the_export_with_its_name() {
    let tmp = tempfile::tempdir().unwrap();
    let mut source = MemorySource::default();
    let photo = source.add_photo(7, png(7), "lead.png");
    source.files.clear();
    let mut one = item(1, "a");
    one.featured = Some(featured(1, photo));
    let err = export(&[one], &source, &options(tmp.path())).unwrap_err();
    assert_eq!(err.kind(), crate::ErrorKind::Io);
    assert!(err.to_string().contains("lead.png"), "{err}");
    assert!(!tmp.path().join("a.html").exists());
}

#[test]
fn an_unreadable_body_photo_stops_the_export_too() {
    let tmp = tempfile::tempdir().unwrap();
    let mut source = MemorySource::default();
    source.add_photo(7, png(7), "inline.png");
    source.files.clear();
    let mut one = item(1, "a");
    one.article.body = "![x](photo:7)\n".into();
    let err = export(&[one], &source, &options(tmp.path())).unwrap_err();
    assert!(matches!(err, ExportError::PhotoUnreadable { .. }), "{err}");
    assert!(err.to_string().contains("inline.png"), "{err}");
    assert!(!tmp.path().join("a.html").exists());
}

#[test]
fn a_photo_awaiting_its_file_keeps_its_caption() {
    let tmp = tempfile::tempdir().unwrap();
    let mut source = MemorySource::default();
    let mut photo = source.add_photo(7, png(8), "x.png");
    photo.file = None;
    let mut one = item(1, "a");
    one.featured = Some(featured(1, photo));
    let report = export(&[one], &source, &options(tmp.path())).unwrap();
    let html = read(&report.pages[0]);
    assert!(html.contains("<figcaption>Caption 7"), "{html}");
    assert!(!html.contains("<img"));
    assert!(!html.contains("og:image"));
}

const HOSTILE: [&str; 3] = [
    "<script>alert(1)</script>",
    r#""><img src=x onerror=alert(1)>"#,
    "</script><script>",
];

#[test]
fn hostile_metadata_is_always_escaped() {
    for hostile in HOSTILE {
        let tmp = tempfile::tempdir().unwrap();
        let mut source = MemorySource::with_articles(&[(2, "b", hostile)]);
        let mut photo = source.add_photo(7, png(9), hostile);
        photo.caption = hostile.into();
        photo.credit = hostile.into();
        photo.alt = hostile.into();
        let mut a = item(1, "a");
        let article = &mut a.article;
        article.headline = hostile.into();
        article.dek = hostile.into();
        article.byline = hostile.into();
        article.section = hostile.into();
        article.dateline = hostile.into();
        article.tags = vec![hostile.into(), "fine".into()];
        article.kicker = hostile.into();
        article.seo_headline = hostile.into();
        article.social_headline = hostile.into();
        a.featured = Some(featured(1, photo));
        a.author = Some(Author {
            id: 1,
            name: hostile.into(),
            role: hostile.into(),
            bio: hostile.into(),
            photo_id: None,
        });
        a.related = vec![
            RelatedLink {
                target: RelatedTarget::Article { id: 2 },
                title: hostile.into(),
                position: 0,
            },
            RelatedLink {
                target: RelatedTarget::External {
                    url: format!("https://x.example/{hostile}"),
                },
                title: hostile.into(),
                position: 1,
            },
        ];
        let mut b = item(2, "b");
        b.article.headline = hostile.into();
        b.article.dek = hostile.into();
        b.article.section = hostile.into();
        let mut options = options(tmp.path());
        options.site.name = hostile.into();

        let report = export(&[a, b], &source, &options).unwrap();
        for page in report.pages.iter().chain(&report.index) {
            let html = read(page);
            assert!(
                !html.contains("<img src=x"),
                "{hostile} in {}",
                page.display()
            );
            assert!(
                !html.contains("<script>"),
                "{hostile} in {}",
                page.display()
            );
            let scripts = html.matches("<script").count();
            assert_eq!(scripts, html.matches("</script>").count(), "{hostile}");
            assert!(scripts <= 1, "only the JSON-LD script: {hostile}");
        }
        let ld = json_ld_of(&read(&report.pages[0]));
        assert_eq!(ld["headline"], hostile, "JSON-LD keeps the text");
        assert_eq!(ld["publisher"]["name"], hostile);
    }
}

#[test]
fn a_malicious_body_is_inert_on_the_page() {
    let tmp = tempfile::tempdir().unwrap();
    let mut one = item(1, "a");
    one.article.body = [
        "<script>alert(1)</script>",
        "[click](javascript:alert(1))",
        r#"<a href="javascript:alert(2)">x</a>"#,
        r#"<img src=x onerror=alert(3)>"#,
        r#"<p onclick="alert(4)">p</p>"#,
        r#"<svg onload=alert(5)><script>alert(6)</script></svg>"#,
        r#"<iframe src="https://evil.example"></iframe>"#,
        "![x](data:text/html;base64,PHNjcmlwdD4=)",
    ]
    .join("\n\n");
    let report = export(&[one], &MemorySource::default(), &options(tmp.path())).unwrap();
    let html = read(&report.pages[0]).to_ascii_lowercase();
    for live in [
        "<script>",
        "javascript:",
        "onerror",
        "onclick",
        "onload",
        "<svg",
        "<iframe",
        "data:text/html",
    ] {
        assert!(!html.contains(live), "{live} in\n{html}");
    }
}

#[test]
fn body_photos_are_exported_like_featured_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let mut source = MemorySource::default();
    source.add_photo(7, png(10), "inline.png");
    let mut one = item(1, "a");
    one.article.body = "Text.\n\n![Alt](photo:7 \"In the body\")\n".into();
    let report = export(&[one], &source, &options(tmp.path())).unwrap();
    assert_eq!(report.images.len(), 1);
    let name = report.images[0].file_name().unwrap().to_str().unwrap();
    let html = read(&report.pages[0]);
    assert!(html.contains(name), "{html}");
}

#[test]
fn an_empty_export_writes_nothing_but_the_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let report = export(&[], &MemorySource::default(), &options(&out)).unwrap();
    assert_eq!(report, ExportReport::default());
    assert_eq!(fs::read_dir(&out).unwrap().count(), 0);
}
