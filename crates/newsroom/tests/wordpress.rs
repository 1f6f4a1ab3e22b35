//! Issue 10, "Proof": publishing to a real WordPress (Debian's 6.1 package), started by
//! `scripts/wordpress.sh` before the tests run (`scripts/test.sh` does it and names the server
//! in `NEWSROOM_WP_ENV`). Everything is checked through the site's own REST API, as a reader of
//! the site or an editor on the web would see it.
//!
//! Without a server the tests skip with a note, except under CI, where that is a failure: the
//! proof must not vanish quietly. To run them by hand:
//!
//! ```text
//! bash scripts/wordpress.sh start /tmp/wp
//! NEWSROOM_WP_ENV=/tmp/wp/env cargo test -p newsroom --test wordpress
//! bash scripts/wordpress.sh stop /tmp/wp
//! ```
//!
//! The states a publish killed midway can leave (photos uploaded and remembered, post not yet
//! sent; post created on the site but its answer lost; an upload made but its answer lost) are
//! made here exactly, by stopping a publish between steps and by forgetting what the library
//! recorded, rather than by racing a kill against the network.

#[path = "shared_corpus/mod.rs"]
mod shared_corpus;
#[path = "test_servers/mod.rs"]
#[allow(dead_code)]
mod test_servers;

use std::error::Error;
use std::io::{Cursor, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use exif::{Field, In, Tag, Value};
use newsroom::Library;
use newsroom::library::{AttachRequest, MediaUrls, NewSite, Progress, PublishOutcome};
use newsroom::model::{ArticleId, ArticlePatch, PhotoRole};
use newsroom::publish::SiteKind;
use newsroom::store::PhotoPatch;
use test_servers::{Server, unique};

type TestResult<T = ()> = Result<T, Box<dyn Error>>;

/// A library in a temporary folder with the server added as a site, its secret in a private
/// file (CI machines have no keychain).
struct Desk {
    dir: tempfile::TempDir,
    library: Library,
}

const SITE: &str = "The Daily";

impl Desk {
    fn new(server: &Server) -> TestResult<Desk> {
        Desk::reaching(server, &server.url)
    }

    /// A desk that reaches the server at `url` (through a [`Link`], say).
    fn reaching(server: &Server, url: &str) -> TestResult<Desk> {
        let dir = tempfile::tempdir()?;
        let mut library = Library::open(&dir.path().join("library.db"))?;
        library.add_site(
            NewSite {
                name: SITE.into(),
                kind: SiteKind::WordPress,
                url: url.to_owned(),
                user: Some(server.user.clone()),
                secret_file: Some(dir.path().join("daily.secret")),
            },
            &server.password,
        )?;
        Ok(Desk { dir, library })
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("library.db")
    }

    /// The corpus's news article, imported as an editor pastes it from the web, with a unique
    /// slug (the site outlives a test), its awaiting photo given a file and made featured, and
    /// a second photo placed in the body.
    fn seed_article(&mut self, unique: &str) -> TestResult<Option<ArticleId>> {
        let Some(corpus) = shared_corpus::article() else {
            return Ok(None);
        };
        let imported = self.library.import_file(&corpus)?.article;
        let id = imported.id;
        let lead = self.photo_file(
            "lead.jpg",
            [200, 40, 40],
            &format!("SECRET-CAMERA-{unique}"),
        )?;
        let featured = self
            .library
            .article_view(id, &MediaUrls::RelativeToLibrary)?
            .photos
            .into_iter()
            .find(|u| u.role == PhotoRole::Featured)
            .map(|u| u.photo.id);
        match featured {
            Some(photo) => {
                self.library.give_photo_file(photo, &lead)?;
                let alt = PhotoPatch {
                    alt: Some("Two foreign ministers shake hands".into()),
                    ..PhotoPatch::default()
                };
                self.library.update_photo(photo, &alt)?;
            }
            None => {
                let request = AttachRequest {
                    featured: true,
                    alt: Some("Two foreign ministers shake hands".into()),
                    ..AttachRequest::default()
                };
                self.library.attach_photo_file(id, &lead, &request)?;
            }
        }
        let inline = self.photo_file(
            "border.jpg",
            [40, 120, 200],
            &format!("SECRET-CAMERA-{unique}"),
        )?;
        let photo = self.library.attach_photo_file(
            id,
            &inline,
            &AttachRequest {
                caption: Some("Troops near the border, seen from a satellite".into()),
                credit: Some("Maxar Technologies".into()),
                alt: Some("Military vehicles in a snowy field".into()),
                featured: false,
            },
        )?;
        let body = format!(
            "{}\n\n## On the ground\n\n![Military vehicles in a snowy field](photo:{} \"Troops near the border\")\n\n\
             - First point\n- Second point\n\n> A quote from the minister.\n\n| Side | Troops |\n|---|---|\n| Russia | 114,000 |\n",
            imported.body, photo.photo.id
        );
        self.library.update_article(
            id,
            &ArticlePatch {
                body: Some(body),
                slug: Some(format!("blinken-lavrov-{unique}")),
                tags: Some(vec!["Ukraine".into(), "Diplomacy".into()]),
                byline: Some("Ana Ruiz".into()),
                dateline: Some("STOCKHOLM".into()),
                ..ArticlePatch::default()
            },
        )?;
        Ok(Some(id))
    }

    /// A JPEG in the desk's folder whose EXIF names a camera: stripping must take it out.
    fn photo_file(&self, name: &str, colour: [u8; 3], camera: &str) -> TestResult<PathBuf> {
        let image = image::RgbImage::from_fn(320, 200, |x, y| {
            image::Rgb([colour[0] ^ (x as u8), colour[1], colour[2] ^ (y as u8)])
        });
        let mut jpeg = Cursor::new(Vec::new());
        image::DynamicImage::ImageRgb8(image).write_to(&mut jpeg, image::ImageFormat::Jpeg)?;
        let mut writer = exif::experimental::Writer::new();
        let make = Field {
            tag: Tag::Make,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![camera.as_bytes().to_vec()]),
        };
        writer.push_field(&make);
        let mut tiff = Cursor::new(Vec::new());
        writer.write(&mut tiff, false)?;
        let mut parts = img_parts::jpeg::Jpeg::from_bytes(jpeg.into_inner().into())?;
        img_parts::ImageEXIF::set_exif(&mut parts, Some(tiff.into_inner().into()));
        let path = self.dir.path().join(name);
        std::fs::write(&path, parts.encoder().bytes())?;
        Ok(path)
    }

    fn publish(
        &mut self,
        article: ArticleId,
        overwrite: bool,
    ) -> newsroom::error::Result<PublishOutcome> {
        self.publish_stopping(article, overwrite, |_| false)
    }

    /// Publishes, stopping (as Cancel does) once `stop_after` says so of a step.
    fn publish_stopping(
        &mut self,
        article: ArticleId,
        overwrite: bool,
        stop_after: impl Fn(&Progress) -> bool,
    ) -> newsroom::error::Result<PublishOutcome> {
        test_servers::publish_stopping(&mut self.library, SITE, article, overwrite, stop_after)
    }

    /// Forgets what the library recorded, as if the answers to the site's writes were lost.
    fn forget(&self, table: &str) -> TestResult {
        let conn = rusqlite::Connection::open(self.db())?;
        conn.execute(&format!("DELETE FROM {table}"), [])?;
        Ok(())
    }
}

#[test]
fn an_article_with_two_photos_becomes_one_post_of_blocks_with_captions_credits_and_alt_texts()
-> TestResult {
    let Some(server) = Server::get() else {
        return Ok(());
    };
    let mut desk = Desk::new(&server)?;
    let tag = unique("blocks");
    let Some(article) = desk.seed_article(&tag)? else {
        return Ok(());
    };

    let outcome = desk.publish(article, false)?;
    assert!(outcome.created);
    assert_eq!(outcome.photos_uploaded, 2);
    assert_eq!(outcome.status, "publish");

    let posts = server.posts_with_slug(&format!("blinken-lavrov-{tag}"))?;
    assert_eq!(posts.len(), 1, "one post");
    let post = server.post(&outcome.post_id)?;
    let content = post["content"]["raw"].as_str().unwrap_or_default();
    assert!(
        post["title"]["raw"]
            .as_str()
            .unwrap_or_default()
            .contains("Russia"),
        "{}",
        post["title"]
    );
    for block in [
        "<!-- wp:paragraph",
        "<!-- wp:heading",
        "<!-- wp:list",
        "<!-- wp:quote",
        "<!-- wp:table",
        "<!-- wp:image",
    ] {
        assert!(content.contains(block), "{block} in {content}");
    }
    assert!(!content.contains("<!-- wp:freeform"), "no Classic block");
    assert!(content.contains("Troops near the border") && content.contains("Maxar Technologies"));
    assert!(content.contains("Ana Ruiz") && content.contains("STOCKHOLM"));
    assert!(content.contains(&server.url), "photos from the site");

    let featured = post["featured_media"].as_u64().unwrap_or_default();
    assert_ne!(featured, 0, "a featured image");
    let lead = server.get_json(&format!("/wp/v2/media/{featured}"), "&context=edit")?;
    assert!(
        !lead["alt_text"].as_str().unwrap_or_default().is_empty(),
        "{lead}"
    );
    assert!(
        !lead["caption"]["raw"]
            .as_str()
            .unwrap_or_default()
            .is_empty(),
        "{lead}"
    );
    let inline = server.media_named("border")?;
    let inline = inline
        .iter()
        .find(|m| {
            m["source_url"]
                .as_str()
                .is_some_and(|u| content.contains(u))
        })
        .ok_or("the inline photo's media item")?;
    assert_eq!(inline["alt_text"], "Military vehicles in a snowy field");
    assert!(
        inline["caption"]["raw"]
            .as_str()
            .unwrap_or_default()
            .contains("Maxar Technologies")
    );

    // What the site serves carries none of the camera's metadata.
    for media in [&lead, inline] {
        let url = media["source_url"].as_str().ok_or("source_url")?;
        let bytes = ureq::get(url).call()?.body_mut().read_to_vec()?;
        assert!(
            !String::from_utf8_lossy(&bytes).contains("SECRET-CAMERA"),
            "{url} was not stripped"
        );
    }

    let categories = post["categories"].as_array().cloned().unwrap_or_default();
    let category = server.get_json(&format!("/wp/v2/categories/{}", categories[0]), "")?;
    assert_eq!(category["name"], "International");
    let tags: Vec<String> = post["tags"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|id| server.get_json(&format!("/wp/v2/tags/{id}"), "").ok())
        .filter_map(|t| t["name"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(tags.len(), 2, "{tags:?}");
    assert!(tags.contains(&"Ukraine".into()) && tags.contains(&"Diplomacy".into()));

    let history = desk.library.publications(article)?;
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].url, outcome.url);
    Ok(())
}

#[test]
fn publishing_again_updates_the_same_post_and_reuses_the_photos() -> TestResult {
    let Some(server) = Server::get() else {
        return Ok(());
    };
    let mut desk = Desk::new(&server)?;
    let tag = unique("again");
    let Some(article) = desk.seed_article(&tag)? else {
        return Ok(());
    };
    let first = desk.publish(article, false)?;
    desk.library.update_article(
        article,
        &ArticlePatch {
            dek: Some("Updated with the minister's reply".into()),
            ..ArticlePatch::default()
        },
    )?;
    let second = desk.publish(article, false)?;
    assert!(!second.created);
    assert_eq!(second.post_id, first.post_id);
    assert_eq!((second.photos_uploaded, second.photos_reused), (0, 2));
    assert_eq!(
        server
            .posts_with_slug(&format!("blinken-lavrov-{tag}"))?
            .len(),
        1
    );
    let post = server.post(&second.post_id)?;
    assert!(
        post["excerpt"]["raw"]
            .as_str()
            .unwrap_or_default()
            .contains("minister's reply")
    );
    assert_eq!(desk.library.publications(article)?.len(), 2);
    Ok(())
}

#[test]
fn a_post_edited_on_the_web_is_not_overwritten_unless_the_editor_says_so() -> TestResult {
    let Some(server) = Server::get() else {
        return Ok(());
    };
    let mut desk = Desk::new(&server)?;
    let Some(article) = desk.seed_article(&unique("web"))? else {
        return Ok(());
    };
    let first = desk.publish(article, false)?;
    // A second, later, edit on the web: WordPress's modified time has one-second steps.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    server.post_json(
        &format!("/wp/v2/posts/{}", first.post_id),
        &serde_json::json!({ "title": "Fixed on the web by the night editor" }),
    )?;

    let refused = desk
        .publish(article, false)
        .expect_err("a web edit stops the publish");
    assert_eq!(refused.kind(), newsroom::ErrorKind::Conflict, "{refused}");
    assert!(
        refused.to_string().contains("edited on the web"),
        "{refused}"
    );
    let newsroom::Error::Publish(newsroom::publish::PublishError::EditedOnTheWeb(edit)) = &refused
    else {
        panic!("{refused:?}")
    };
    assert_eq!(edit.web_title, "Fixed on the web by the night editor");
    assert_eq!(
        server.post(&first.post_id)?["title"]["raw"],
        "Fixed on the web by the night editor"
    );

    let overwritten = desk.publish(article, true)?;
    assert_eq!(overwritten.post_id, first.post_id);
    assert_ne!(
        server.post(&first.post_id)?["title"]["raw"],
        "Fixed on the web by the night editor"
    );
    Ok(())
}

#[test]
fn a_publish_stopped_after_the_photos_leaves_no_post_and_the_retry_no_duplicate() -> TestResult {
    let Some(server) = Server::get() else {
        return Ok(());
    };
    let mut desk = Desk::new(&server)?;
    let tag = unique("stopped");
    let Some(article) = desk.seed_article(&tag)? else {
        return Ok(());
    };
    let stopped = desk
        .publish_stopping(article, false, |step| {
            matches!(step, Progress::Photo { number: 2, .. })
        })
        .expect_err("stopped");
    assert_eq!(stopped.kind(), newsroom::ErrorKind::Cancelled, "{stopped}");
    assert!(
        server
            .posts_with_slug(&format!("blinken-lavrov-{tag}"))?
            .is_empty(),
        "nothing half-published"
    );

    let retried = desk.publish(article, false)?;
    assert_eq!((retried.photos_uploaded, retried.photos_reused), (0, 2));
    assert_eq!(
        server
            .posts_with_slug(&format!("blinken-lavrov-{tag}"))?
            .len(),
        1
    );
    Ok(())
}

#[test]
fn answers_lost_after_the_site_wrote_are_found_again_not_duplicated() -> TestResult {
    let Some(server) = Server::get() else {
        return Ok(());
    };
    let mut desk = Desk::new(&server)?;
    let tag = unique("lost");
    let Some(article) = desk.seed_article(&tag)? else {
        return Ok(());
    };
    let first = desk.publish(article, false)?;
    let stems: Vec<String> = desk
        .library
        .article_view(article, &MediaUrls::RelativeToLibrary)?
        .photos
        .iter()
        .filter_map(|u| u.photo.file.as_ref().map(|f| f.hash[..16].to_owned()))
        .collect();
    // As if the site's answers to the uploads and to the post had never arrived.
    desk.forget("remote_media")?;
    desk.forget("remote_posts")?;

    let retried = desk.publish(article, false)?;
    assert!(!retried.created, "the post was found again");
    assert_eq!(retried.post_id, first.post_id);
    assert_eq!(
        (retried.photos_uploaded, retried.photos_reused),
        (0, 2),
        "found on the site, not sent again"
    );
    assert_eq!(
        server
            .posts_with_slug(&format!("blinken-lavrov-{tag}"))?
            .len(),
        1
    );
    for stem in stems {
        assert_eq!(server.media_named(&stem)?.len(), 1, "one copy of {stem}");
    }
    Ok(())
}

/// A network link to the server that the test can cut: a TCP relay on loopback. Cut, it closes
/// every connection it carries and refuses new ones, as a site that went away does.
struct Link {
    url: String,
    up: Arc<AtomicBool>,
}

impl Link {
    fn to(server: &Server) -> TestResult<Link> {
        let target = server.url.trim_start_matches("http://").to_owned();
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let url = format!("http://{}", listener.local_addr()?);
        let up = Arc::new(AtomicBool::new(true));
        let carrying = Arc::clone(&up);
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                if !carrying.load(Ordering::SeqCst) {
                    continue;
                }
                let Ok(site) = TcpStream::connect(&target) else {
                    continue;
                };
                for (mut from, mut to) in [
                    (client.try_clone(), site.try_clone()),
                    (site.try_clone(), client.try_clone()),
                ]
                .into_iter()
                .filter_map(|(a, b)| Some((a.ok()?, b.ok()?)))
                {
                    let up = Arc::clone(&carrying);
                    std::thread::spawn(move || relay(&mut from, &mut to, &up));
                }
            }
        });
        Ok(Link { url, up })
    }

    fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
    }

    fn mend(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

/// Copies bytes until either side closes or the link is cut.
fn relay(from: &mut TcpStream, to: &mut TcpStream, up: &AtomicBool) {
    let _ = from.set_read_timeout(Some(std::time::Duration::from_millis(50)));
    let mut buffer = [0; 16 * 1024];
    while up.load(Ordering::SeqCst) {
        match from.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => {
                if to.write_all(&buffer[..n]).is_err() {
                    break;
                }
            }
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(_) => break,
        }
    }
    let _ = from.shutdown(Shutdown::Both);
    let _ = to.shutdown(Shutdown::Both);
}

#[test]
fn a_site_that_goes_away_mid_publish_gets_nothing_half_published_and_the_retry_finishes()
-> TestResult {
    let Some(server) = Server::get() else {
        return Ok(());
    };
    let link = Link::to(&server)?;
    let mut desk = Desk::reaching(&server, &link.url)?;
    let tag = unique("away");
    let Some(article) = desk.seed_article(&tag)? else {
        return Ok(());
    };
    let before = desk.library.article(article)?;

    let error = desk
        .publish_stopping(article, false, |step| {
            if matches!(step, Progress::Photo { number: 1, .. }) {
                link.cut();
            }
            false
        })
        .expect_err("the site went away");
    assert_eq!(error.kind(), newsroom::ErrorKind::Network, "{error}");
    assert!(error.to_string().contains("127.0.0.1"), "{error}");
    assert!(
        server
            .posts_with_slug(&format!("blinken-lavrov-{tag}"))?
            .is_empty(),
        "nothing half-published"
    );
    assert_eq!(desk.library.article(article)?, before, "nothing lost");

    link.mend();
    let retried = desk.publish(article, false)?;
    assert_eq!((retried.photos_uploaded, retried.photos_reused), (1, 1));
    assert_eq!(
        server
            .posts_with_slug(&format!("blinken-lavrov-{tag}"))?
            .len(),
        1
    );
    Ok(())
}

/// The address of a web server that is not a CMS: it answers every request with a page.
fn not_a_cms() -> TestResult<String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    let url = format!("http://{}", listener.local_addr()?);
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut request = [0; 4096];
            let _ = stream.read(&mut request);
            let page = "<!doctype html><title>Bakery</title><p>Fresh bread daily.</p>";
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
                page.len()
            );
        }
    });
    Ok(url)
}

#[test]
fn bad_credentials_and_addresses_are_refused_in_a_sentence_and_nothing_is_added() -> TestResult {
    let Some(server) = Server::get() else {
        return Ok(());
    };
    let dir = tempfile::tempdir()?;
    let mut library = Library::open(&dir.path().join("library.db"))?;
    let site = |url: &str, user: &str| NewSite {
        name: "Wrong".into(),
        kind: SiteKind::WordPress,
        url: url.into(),
        user: Some(user.into()),
        secret_file: Some(dir.path().join("wrong.secret")),
    };
    let cases = [
        (
            site(&server.url, &server.user),
            "xxxx xxxx xxxx xxxx xxxx xxxx",
            "unauthorized",
            "wrong",
        ),
        (
            site(&server.url, "nobody"),
            server.password.as_str(),
            "unauthorized",
            "nobody",
        ),
        (
            site(&not_a_cms()?, &server.user),
            server.password.as_str(),
            "not_cms",
            "WordPress",
        ),
        (
            site("http://127.0.0.1:9", &server.user),
            server.password.as_str(),
            "network",
            "could not be reached",
        ),
        (
            site("http://example.com", &server.user),
            server.password.as_str(),
            "invalid",
            "not HTTPS",
        ),
        // A server that answers the TLS handshake with a plain web page.
        (
            site(&not_a_cms()?.replace("http://", "https://"), &server.user),
            server.password.as_str(),
            "network",
            "The secure connection to 127.0.0.1 failed: the server does not speak HTTPS",
        ),
        // `.invalid` never resolves (RFC 2606).
        (
            site("https://newsroom-test.invalid", &server.user),
            server.password.as_str(),
            "network",
            "No server called newsroom-test.invalid",
        ),
    ];
    for (new, secret, kind, words) in cases {
        let url = new.url.clone();
        let error = library.add_site(new, secret).expect_err(&url);
        assert_eq!(error.kind().as_str(), kind, "{url}: {error}");
        assert!(error.to_string().contains(words), "{url}: {error}");
    }
    assert!(library.sites()?.is_empty());
    assert!(!dir.path().join("wrong.secret").exists(), "no secret kept");
    Ok(())
}

#[test]
fn a_photo_awaiting_its_file_stops_the_publish_before_anything_is_sent() -> TestResult {
    let Some(server) = Server::get() else {
        return Ok(());
    };
    let mut desk = Desk::new(&server)?;
    let Some(corpus) = shared_corpus::article() else {
        return Ok(());
    };
    let imported = desk.library.import_file(&corpus)?.article;
    let slug = format!("awaiting-{}", unique("awaiting"));
    desk.library.update_article(
        imported.id,
        &ArticlePatch {
            slug: Some(slug.clone()),
            ..ArticlePatch::default()
        },
    )?;
    let error = desk
        .publish(imported.id, false)
        .expect_err("a photo has no file");
    assert_eq!(error.kind(), newsroom::ErrorKind::Incomplete, "{error}");
    assert!(
        error.to_string().contains("awaiting its image file"),
        "{error}"
    );
    assert!(server.posts_with_slug(&slug)?.is_empty());
    Ok(())
}

#[test]
fn a_photo_over_the_web_servers_limit_is_named_and_nothing_is_published() -> TestResult {
    let Some(server) = Server::get() else {
        return Ok(());
    };
    // Through nginx, as most sites are served: it refuses requests over 8 MB with 413 (PHP's
    // own server takes a raw upload of any size).
    let mut desk = Desk::reaching(&server, &server.nginx_url)?;
    let slug = format!("large-{}", unique("large"));
    // About 8.7 MB.
    let article =
        test_servers::article_with_a_large_photo(&mut desk.library, desk.dir.path(), &slug, 1700)?;

    let error = desk.publish(article, false).expect_err("too large");
    assert_eq!(error.kind(), newsroom::ErrorKind::TooLarge, "{error}");
    assert_eq!(
        error.to_string(),
        "The Daily refused the photo “valley.png” as too large; make it smaller or raise the \
         site's upload limit."
    );
    assert!(
        server.posts_with_slug(&slug)?.is_empty(),
        "nothing published"
    );
    assert!(server.media_named("valley")?.is_empty(), "no photo kept");
    Ok(())
}
