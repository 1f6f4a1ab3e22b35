//! Export speed: 1,000 articles with photos, body links and related posts, from an in-memory
//! library into a temporary folder. The target is under 2 s for the whole export.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use newsroom::export::{
    EmbargoRule, ExportError, ExportItem, ExportOptions, ExportSource, SiteInfo, export,
};
use newsroom::model::{
    Article, ArticleId, Author, ImageFormat, Photo, PhotoFile, PhotoId, PhotoRole, PhotoUse,
    RelatedLink, RelatedTarget, Status,
};
use newsroom::render::ArticleRef;
use std::collections::HashMap;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

const ARTICLES: i64 = 1_000;
const PHOTOS: i64 = 50;

/// A library held in memory, so the bench measures export and not a database.
struct MemorySource {
    photos: HashMap<PhotoId, Photo>,
    files: HashMap<String, Vec<u8>>,
    articles: Vec<(ArticleId, String, String)>,
}

impl ExportSource for MemorySource {
    fn photo(&self, id: PhotoId) -> Option<Photo> {
        self.photos.get(&id).cloned()
    }

    fn photo_bytes(&self, file: &PhotoFile) -> Result<Vec<u8>, ExportError> {
        self.files
            .get(&file.hash)
            .cloned()
            .ok_or_else(|| ExportError::PhotoUnreadable {
                name: file.original_name.clone(),
                source: std::io::ErrorKind::NotFound.into(),
            })
    }

    fn article_link(&self, link: ArticleRef<'_>) -> Option<(ArticleId, String, String)> {
        match link {
            ArticleRef::Id(id) => self.articles.get(usize::try_from(id - 1).ok()?).cloned(),
            ArticleRef::Slug(slug) => self.articles.iter().find(|a| a.1 == slug).cloned(),
        }
    }
}

fn slug(id: i64) -> String {
    format!("story-{id}")
}

fn photo(id: PhotoId) -> (Photo, Vec<u8>) {
    let mut png = Vec::new();
    let shade = u8::try_from(id % 256).unwrap_or(0);
    image::RgbImage::from_pixel(16, 9, image::Rgb([shade, 80, 120]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .expect("encoding a bench image in memory");
    let photo = Photo {
        id,
        caption: format!("Photo {id} of the scene"),
        credit: "Staff (Newsroom)".into(),
        alt: format!("Scene {id}"),
        file: Some(PhotoFile {
            hash: format!("hash-{id}"),
            format: ImageFormat::Png,
            width: 16,
            height: 9,
            bytes: png.len() as u64,
            original_name: format!("IMG_{id}.png"),
        }),
        created_at: 0,
        trashed_at: None,
    };
    (photo, png)
}

/// About 400 words of Markdown with a table, a quote, an inline photo and links by id and slug.
fn body(id: i64) -> String {
    let next = id % ARTICLES + 1;
    let paragraph = "The committee met on Tuesday to weigh the proposal, and members said the \
                     figures would be published **before the vote**, with a full breakdown by \
                     region and a note on the assumptions behind each estimate. ";
    format!(
        "{p}{p}\n\nSee [the earlier report](article:{next}) and [[{s}]].\n\n\
         > A quote from a source, with *emphasis*.\n\n\
         ![Inline](photo:{ph})\n\n\
         | Region | Votes |\n|---|---|\n| North | 114,000 |\n| South | 98,500 |\n\n\
         {p}{p}{p}\n\n- one\n- two\n- three\n\n{p}{p}[^1]\n\n[^1]: A footnote.\n",
        p = paragraph,
        s = slug(next),
        ph = (id + 7) % PHOTOS + 1,
    )
}

fn library() -> (MemorySource, Vec<ExportItem>) {
    let mut photos = HashMap::new();
    let mut files = HashMap::new();
    for id in 1..=PHOTOS {
        let (photo, png) = photo(id);
        files.insert(format!("hash-{id}"), png);
        photos.insert(id, photo);
    }
    let articles = (1..=ARTICLES)
        .map(|id| (id, slug(id), format!("Headline of story {id}")))
        .collect();
    let source = MemorySource {
        photos,
        files,
        articles,
    };
    let author = Author {
        id: 1,
        name: "Ana Ruiz".into(),
        role: "Staff writer".into(),
        bio: "Ana covers politics.".into(),
        photo_id: None,
    };
    let items = (1..=ARTICLES)
        .map(|id| ExportItem {
            article: Article {
                id,
                uid: format!("{id:032x}"),
                slug: slug(id),
                headline: format!("Headline of story {id}"),
                dek: "What happened, and why it matters".into(),
                byline: "Ana Ruiz".into(),
                section: "Politics".into(),
                tags: vec!["budget".into(), "vote".into()],
                status: Status::Published,
                dateline: "STOCKHOLM".into(),
                body: body(id),
                featured_photo: Some(id % PHOTOS + 1),
                author_id: Some(1),
                created_at: 1_773_000_000,
                updated_at: 1_773_300_000 + id,
                published_at: Some(1_773_300_000),
                trashed_at: None,
                word_count: 400,
                kicker: "Analysis".into(),
                seo_headline: String::new(),
                social_headline: String::new(),
                embargo: None,
                words_planned: Some(400),
                language: String::new(),
            },
            author: Some(author.clone()),
            featured: source.photos.get(&(id % PHOTOS + 1)).map(|photo| PhotoUse {
                article_id: id,
                photo: photo.clone(),
                role: PhotoRole::Featured,
                position: 0,
                caption_override: None,
            }),
            related: vec![
                related(
                    RelatedTarget::Article {
                        id: id % ARTICLES + 1,
                    },
                    0,
                ),
                related(RelatedTarget::Article { id: ARTICLES + id }, 1),
                related(
                    RelatedTarget::External {
                        url: "https://example.org/background".into(),
                    },
                    2,
                ),
            ],
            corrections: Vec::new(),
        })
        .collect();
    (source, items)
}

fn related(target: RelatedTarget, position: u32) -> RelatedLink {
    RelatedLink {
        target,
        title: format!("Related {position}"),
        position,
    }
}

fn export_thousand_articles(c: &mut Criterion) {
    let (source, items) = library();
    let options = |out_dir: &Path| ExportOptions {
        out_dir: out_dir.to_path_buf(),
        single_file: false,
        site: SiteInfo {
            name: "The Daily".into(),
            base_url: Some("https://daily.example".into()),
            language: "en".into(),
        },
        embargo: EmbargoRule::Respect,
    };
    let mut group = c.benchmark_group("export 1000 articles with related links");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    // Each sample gets an empty folder; creating and deleting it is not measured.
    group.bench_function("into an empty folder", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("a temporary folder for the bench"),
            |dir| {
                export(black_box(&items), &source, &options(dir.path())).expect("bench export");
                dir
            },
            BatchSize::PerIteration,
        )
    });
    let dir = tempfile::tempdir().expect("a temporary folder for the bench");
    export(&items, &source, &options(dir.path())).expect("bench export");
    group.bench_function("again over an unchanged export", |b| {
        b.iter(|| export(black_box(&items), &source, &options(dir.path())).expect("bench export"))
    });
    group.finish();
}

criterion_group!(benches, export_thousand_articles);
criterion_main!(benches);
