//! The real servers the test script starts for the publishing tests, each named by a file of
//! `KEY=VALUE` lines in an environment variable: WordPress (`scripts/wordpress.sh`,
//! `NEWSROOM_WP_ENV`) and the Ghost Admin API stand-in (`scripts/ghost.sh`, `NEWSROOM_GHOST_ENV`).
//! Shared by `tests/wordpress.rs`, `tests/ghost.rs` and the CLI's `tests/cli/publish.rs` through
//! `#[path]`; each uses a part of it. Also what the publishing tests share beyond the servers.

use std::collections::HashMap;
use std::error::Error;

/// The values in the file named by `variable`, or `None` after saying why the test skips. Under
/// CI a missing server is a failure: the proof must not vanish quietly.
fn env_file(variable: &str, script: &str) -> Option<HashMap<String, String>> {
    let Some(path) = std::env::var_os(variable) else {
        let under_ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(
            !under_ci,
            "{variable} is not set and CI=true: scripts/test.sh starts the server for these tests"
        );
        eprintln!("skipped: no server (start one with {script} and set {variable})");
        return None;
    };
    let text = std::fs::read_to_string(&path).expect("the server's env file");
    Some(
        text.lines()
            .filter_map(|line| line.split_once('='))
            .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
            .collect(),
    )
}

fn value(values: &HashMap<String, String>, name: &str) -> String {
    values
        .get(name)
        .cloned()
        .unwrap_or_else(|| panic!("{name} in the server's env file"))
}

/// The WordPress: its address and an Application Password of its editor account.
pub struct Server {
    pub url: String,
    /// The same site through nginx, which refuses a request over 8 MB with 413.
    pub nginx_url: String,
    pub user: String,
    pub password: String,
}

impl Server {
    pub fn get() -> Option<Server> {
        let values = env_file("NEWSROOM_WP_ENV", "scripts/wordpress.sh")?;
        Some(Server {
            url: value(&values, "NEWSROOM_WP_URL"),
            nginx_url: value(&values, "NEWSROOM_WP_NGINX_URL"),
            user: value(&values, "NEWSROOM_WP_USER"),
            password: value(&values, "NEWSROOM_WP_APP_PASSWORD"),
        })
    }
}

/// The REST API as the test's own editor on the web sees it.
impl Server {
    pub fn auth(&self) -> String {
        use base64::Engine;
        let token = base64::engine::general_purpose::STANDARD
            .encode(format!("{}:{}", self.user, self.password));
        format!("Basic {token}")
    }

    pub fn route(&self, route: &str, query: &str) -> String {
        format!("{}/?rest_route={route}{query}", self.url)
    }

    /// A GET of the REST API, as the test's own editor on the web.
    pub fn get_json(&self, route: &str, query: &str) -> Result<serde_json::Value, Box<dyn Error>> {
        let mut reply = ureq::get(&self.route(route, query))
            .header("Authorization", &self.auth())
            .call()?;
        Ok(reply.body_mut().read_json()?)
    }

    pub fn post_json(
        &self,
        route: &str,
        body: &serde_json::Value,
    ) -> Result<serde_json::Value, Box<dyn Error>> {
        let mut reply = ureq::post(&self.route(route, ""))
            .header("Authorization", &self.auth())
            .send_json(body)?;
        Ok(reply.body_mut().read_json()?)
    }

    pub fn post(&self, id: &str) -> Result<serde_json::Value, Box<dyn Error>> {
        self.get_json(&format!("/wp/v2/posts/{id}"), "&context=edit")
    }

    /// The account's posts with `slug`, in any state but the trash.
    pub fn posts_with_slug(&self, slug: &str) -> Result<Vec<serde_json::Value>, Box<dyn Error>> {
        let found = self.get_json(
            "/wp/v2/posts",
            &format!("&slug={slug}&status=publish,future,draft,pending,private&context=edit"),
        )?;
        Ok(found.as_array().cloned().unwrap_or_default())
    }

    /// The media items whose title holds `needle`.
    pub fn media_named(&self, needle: &str) -> Result<Vec<serde_json::Value>, Box<dyn Error>> {
        let found = self.get_json(
            "/wp/v2/media",
            &format!("&search={needle}&per_page=100&context=edit"),
        )?;
        Ok(found.as_array().cloned().unwrap_or_default())
    }
}

/// The Ghost stand-in: its address and an Admin API key.
pub struct GhostServer {
    pub url: String,
    pub key: String,
}

impl GhostServer {
    pub fn get() -> Option<GhostServer> {
        let values = env_file("NEWSROOM_GHOST_ENV", "scripts/ghost.sh")?;
        Some(GhostServer {
            url: value(&values, "NEWSROOM_GHOST_URL"),
            key: value(&values, "NEWSROOM_GHOST_ADMIN_KEY"),
        })
    }
}

/// Publishes `article` to `site` as a live post, stopping (as Cancel does) once `stop_after`
/// says so of a step.
pub fn publish_stopping(
    library: &mut newsroom::Library,
    site: &str,
    article: newsroom::model::ArticleId,
    overwrite: bool,
    stop_after: impl Fn(&newsroom::library::Progress) -> bool,
) -> newsroom::error::Result<newsroom::library::PublishOutcome> {
    use std::sync::atomic::{AtomicBool, Ordering};
    let cancel = AtomicBool::new(false);
    let request = newsroom::library::PublishRequest {
        article,
        site: site.into(),
        status: newsroom::publish::PostStatus::Publish,
        overwrite_web_edits: overwrite,
    };
    library.publish(
        &request,
        &mut |step| {
            if stop_after(&step) {
                cancel.store(true, Ordering::Relaxed);
            }
        },
        &cancel,
    )
}

/// A suffix that keeps this run's posts apart from earlier runs' on the same server.
pub fn unique(test: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("{test}-{nanos:x}")
}

/// A new article "Aerial view of the flooded valley" with `slug`, whose featured photo
/// `valley.png` (in `dir`) is random pixels `side` pixels square: noise does not compress, so the
/// file is about 3 × side² bytes (1400: ~6 MB; 1700: ~8.7 MB), for a photo over a site's limit.
pub fn article_with_a_large_photo(
    library: &mut newsroom::Library,
    dir: &std::path::Path,
    slug: &str,
    side: u32,
) -> Result<newsroom::model::ArticleId, Box<dyn Error>> {
    let article = library.create_article(&newsroom::model::NewArticle {
        headline: "Aerial view of the flooded valley".into(),
        slug: Some(slug.to_owned()),
        ..Default::default()
    })?;
    let mut seed = 0x2545_f491_u32;
    let noise = image::RgbImage::from_fn(side, side, |_, _| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let [r, g, b, _] = seed.to_le_bytes();
        image::Rgb([r, g, b])
    });
    let path = dir.join("valley.png");
    noise.save(&path)?;
    let request = newsroom::library::AttachRequest {
        featured: true,
        ..Default::default()
    };
    library.attach_photo_file(article.id, &path, &request)?;
    Ok(article.id)
}
