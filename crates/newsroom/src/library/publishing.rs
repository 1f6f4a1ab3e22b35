//! Publishing an article to a WordPress site in one action, and getting right what desktop
//! publishers are known to get wrong:
//!
//! - **No duplicates.** The post an article became is remembered per site (by the site's
//!   address) and updated on the next publish. A publish interrupted after the site created the
//!   post but before the answer arrived finds it again on retry (the account's post with the
//!   article's slug and headline). Each photo is uploaded once per site, remembered by its
//!   file's SHA-256 the moment the upload is answered, and an upload whose answer was lost is
//!   found again by the hash in its file name.
//! - **Nothing half-published.** Every photo is uploaded before the post is created or
//!   updated, so a failure midway leaves the site's readers with nothing new.
//! - **No overwritten web edits.** Before updating, the post's `modified_gmt` is compared with
//!   the one recorded at the last publish; a later one stops the publish with both versions.
//! - **No private metadata.** Photos leave stripped of GPS position and other metadata, as in
//!   the export.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::{Value, json};

use super::Library;
use crate::error::Result;
use crate::media;
use crate::model::{Article, ArticleId, PhotoId, PhotoRole, PhotoUse, Timestamp};
use crate::publish::wordpress::blocks::{self, RemotePhoto};
use crate::publish::wordpress::{RemotePost, Taxonomy, WordPress};
use crate::publish::{self, PublishError, Site, WebEdit};
use crate::render::{self, ArticleRef, ResolvedArticle, ResolvedPhoto, Resolver, Target};
use crate::store::{PublishedPost, Store, UploadedPhoto};

/// How the post should stand on the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostStatus {
    /// Saved on the site for an editor there to look at; readers do not see it.
    Draft,
    /// Live at once.
    Publish,
    /// Goes live at this time (Unix seconds).
    Scheduled(Timestamp),
}

impl PostStatus {
    fn wordpress(self) -> &'static str {
        match self {
            PostStatus::Draft => "draft",
            PostStatus::Publish => "publish",
            PostStatus::Scheduled(_) => "future",
        }
    }
}

/// What to publish where.
#[derive(Debug, Clone)]
pub struct PublishRequest {
    pub article: ArticleId,
    pub site: String,
    pub status: PostStatus,
    /// Replace the post even though it was edited on the web since the last publish (the
    /// editor compared both and chose to).
    pub overwrite_web_edits: bool,
}

/// A step of a publish, for a progress line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    SigningIn {
        site: String,
    },
    Photo {
        number: usize,
        of: usize,
        name: String,
        reused: bool,
    },
    Terms,
    Sending {
        creating: bool,
    },
}

impl std::fmt::Display for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Progress::SigningIn { site } => write!(f, "Signing in to {site}…"),
            Progress::Photo {
                number,
                of,
                name,
                reused: false,
            } => {
                write!(f, "Photo {number} of {of} uploaded ({name})")
            }
            Progress::Photo {
                number,
                of,
                name,
                reused: true,
            } => {
                write!(f, "Photo {number} of {of} already on the site ({name})")
            }
            Progress::Terms => f.write_str("Section and tags ready"),
            Progress::Sending { creating: true } => f.write_str("Creating the post…"),
            Progress::Sending { creating: false } => f.write_str("Updating the post…"),
        }
    }
}

/// What a publish did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PublishOutcome {
    pub site: String,
    pub post_id: String,
    /// Where the post is on the site.
    pub url: String,
    /// The post's state as the site reports it (`draft`, `publish`, `future`).
    pub status: String,
    /// A new post (`false`: the article's existing post was updated).
    pub created: bool,
    pub photos_uploaded: usize,
    pub photos_reused: usize,
}

/// A photo of the article on its way to the site.
struct Outgoing {
    id: PhotoId,
    use_: Option<PhotoUse>,
}

impl Library {
    /// Publishes an article to a site (see the module documentation for what it guarantees).
    /// `progress` hears of each step; `cancel` is checked between steps, and a cancelled
    /// publish sends nothing more.
    pub fn publish(
        &mut self,
        request: &PublishRequest,
        progress: &mut dyn FnMut(Progress),
        cancel: &AtomicBool,
    ) -> Result<PublishOutcome> {
        let site = self.site(&request.site)?;
        let article = self.store.article(request.article)?;
        if article.headline.trim().is_empty() {
            return Err(PublishError::NoHeadline.into());
        }
        let photos = self.outgoing_photos(&article)?;
        let secret = publish::read_secret(&site)?;
        let stop = || -> Result<()> {
            if cancel.load(Ordering::Relaxed) {
                Err(PublishError::Cancelled {
                    site: site.name.clone(),
                }
                .into())
            } else {
                Ok(())
            }
        };

        progress(Progress::SigningIn {
            site: site.name.clone(),
        });
        let wp = WordPress::new(&site, &secret);
        let account = wp.check()?;
        stop()?;
        let existing = self.existing_post(&wp, &site, &article, account.id, request)?;

        let mut remote = HashMap::new();
        let (mut uploaded, mut reused) = (0, 0);
        for (index, photo) in photos.iter().enumerate() {
            stop()?;
            let (on_site, fresh) = self.photo_on_site(&wp, &site, photo, account.id)?;
            let name = self
                .store
                .photo(photo.id)?
                .file
                .map(|f| f.original_name)
                .unwrap_or_default();
            if fresh {
                uploaded += 1;
            } else {
                reused += 1;
            }
            remote.insert(photo.id, on_site);
            progress(Progress::Photo {
                number: index + 1,
                of: photos.len(),
                name,
                reused: !fresh,
            });
        }

        stop()?;
        let fields = self.post_fields(&wp, &site, &article, &photos, &remote, request.status)?;
        progress(Progress::Terms);
        stop()?;
        progress(Progress::Sending {
            creating: existing.is_none(),
        });
        let post = match &existing {
            Some(post) => wp.update_post(post.id, &fields)?,
            None => wp.create_post(&fields)?,
        };
        let record = PublishedPost {
            post_id: post.id.to_string(),
            url: post.link.clone(),
            modified: post.modified_gmt.clone(),
        };
        self.store
            .record_publication(article.id, &site, &record, &post.status)?;
        Ok(PublishOutcome {
            site: site.name,
            post_id: record.post_id,
            url: record.url,
            status: post.status,
            created: existing.is_none(),
            photos_uploaded: uploaded,
            photos_reused: reused,
        })
    }

    /// The featured photo, then the body's photos in order, each once; refused while any is
    /// awaiting its file (the post would have a hole in it).
    fn outgoing_photos(&self, article: &Article) -> Result<Vec<Outgoing>> {
        let uses = self.store.photo_uses(article.id)?;
        let featured = uses.iter().find(|u| u.role == PhotoRole::Featured).cloned();
        let in_body =
            render::render(&article.body, Target::Export, &LibraryPhotos(&self.store)).photos;
        let mut photos: Vec<Outgoing> = Vec::new();
        for (id, use_) in featured
            .map(|u| (u.photo.id, Some(u)))
            .into_iter()
            .chain(in_body.into_iter().map(|id| (id, None)))
        {
            if photos.iter().any(|p| p.id == id) {
                continue;
            }
            if self.store.photo(id)?.file.is_none() {
                return Err(PublishError::PhotoAwaitingFile { id }.into());
            }
            photos.push(Outgoing { id, use_ });
        }
        Ok(photos)
    }

    /// The post this article became on the site, after checking it was not edited on the web
    /// since. `None` when there is none yet (or it was deleted on the site).
    fn existing_post(
        &self,
        wp: &WordPress<'_>,
        site: &Site,
        article: &Article,
        author: u64,
        request: &PublishRequest,
    ) -> Result<Option<RemotePost>> {
        let Some(recorded) = self.store.published_post(article.id, &site.url)? else {
            // A publish that was stopped after the site created the post, before its answer.
            let adopted = wp
                .posts_with_slug(&article.slug, author)?
                .into_iter()
                .find(|post| post.title == article.headline);
            return Ok(adopted);
        };
        let Some(post) = recorded
            .post_id
            .parse()
            .ok()
            .map(|id| wp.post(id))
            .transpose()?
            .flatten()
        else {
            return Ok(None);
        };
        if post.modified_gmt != recorded.modified && !request.overwrite_web_edits {
            return Err(PublishError::EditedOnTheWeb(Box::new(WebEdit {
                site: site.name.clone(),
                post_id: recorded.post_id,
                url: post.link,
                web_modified: post.modified_gmt,
                recorded_modified: recorded.modified,
                web_title: post.title,
                web_body: post.content,
            }))
            .into());
        }
        Ok(Some(post))
    }

    /// The photo as the site has it: uploaded before (and still there), found again after an
    /// upload whose answer was lost, or uploaded now, stripped of its metadata. Its alt text and
    /// caption on the site are brought up to date. The flag says whether it was uploaded now.
    fn photo_on_site(
        &mut self,
        wp: &WordPress<'_>,
        site: &Site,
        photo: &Outgoing,
        author: u64,
    ) -> Result<(RemotePhoto, bool)> {
        let stored = self.store.photo(photo.id)?;
        let Some(file) = stored.file.clone() else {
            return Err(PublishError::PhotoAwaitingFile { id: photo.id }.into());
        };
        let caption = photo
            .use_
            .as_ref()
            .map_or(stored.caption.as_str(), PhotoUse::caption);
        let caption = caption_with_credit(caption, &stored.credit);
        let recorded = match self.store.uploaded_photo(&file.hash, &site.url)? {
            Some(known) => match known.media_id.parse() {
                Ok(id) => wp.media(id)?,
                Err(_) => None,
            },
            None => None,
        };
        let stem = upload_stem(&file.original_name, &file.hash);
        let (media, sent) = match recorded {
            Some(media) => (wp.describe(media, &stored.alt, &caption)?, false),
            None => match wp.media_named(&stem, author)? {
                Some(found) => (wp.describe(found, &stored.alt, &caption)?, false),
                None => {
                    let original = self.media.read(&file)?;
                    let stripped = media::strip_metadata(&original, file.format)?;
                    let name = format!("{stem}.{}", file.format.extension());
                    let media =
                        wp.upload(&name, file.format.mime(), &stripped, &stored.alt, &caption)?;
                    (media, true)
                }
            },
        };
        self.store.record_upload(
            &file.hash,
            &site.url,
            &UploadedPhoto {
                media_id: media.id.to_string(),
                url: media.url.clone(),
            },
        )?;
        Ok((
            RemotePhoto {
                media_id: media.id,
                url: media.url,
            },
            sent,
        ))
    }

    /// The post's fields: headline, body as blocks, dek, slug, status and time, section and
    /// tags, featured photo.
    fn post_fields(
        &self,
        wp: &WordPress<'_>,
        site: &Site,
        article: &Article,
        photos: &[Outgoing],
        remote: &HashMap<PhotoId, RemotePhoto>,
        status: PostStatus,
    ) -> Result<Value> {
        let resolver = SiteResolver {
            store: &self.store,
            site,
            remote,
        };
        let rendered = render::render_blocks(&article.body, Target::Export, &resolver);
        let mut content = blocks::opening(&article.byline, &article.dateline);
        let body = blocks::block_markup(&rendered.blocks, remote)
            .map_err(|missing| PublishError::PhotoAwaitingFile { id: missing.0 })?;
        content.push_str(&body);
        let mut fields = json!({
            "title": article.headline,
            "content": content,
            "excerpt": article.dek,
            "slug": article.slug,
            "status": status.wordpress(),
        });
        if let PostStatus::Scheduled(at) = status {
            fields["date_gmt"] = json!(wordpress_time(at));
        }
        if !article.section.trim().is_empty() {
            fields["categories"] = json!([wp.term(Taxonomy::Categories, article.section.trim())?]);
        }
        let tags = article
            .tags
            .iter()
            .filter(|t| !t.trim().is_empty())
            .map(|t| wp.term(Taxonomy::Tags, t.trim()))
            .collect::<Result<Vec<_>, _>>()?;
        fields["tags"] = json!(tags);
        let featured = photos
            .iter()
            .find(|p| {
                p.use_
                    .as_ref()
                    .is_some_and(|u| u.role == PhotoRole::Featured)
            })
            .and_then(|p| remote.get(&p.id));
        fields["featured_media"] = json!(featured.map_or(0, |p| p.media_id));
        Ok(fields)
    }
}

/// The file name a photo is uploaded under: its own name's slug and the start of its hash, by
/// which an upload whose answer was lost is found again.
fn upload_stem(original_name: &str, hash: &str) -> String {
    let name = original_name
        .rsplit_once('.')
        .map_or(original_name, |(stem, _)| stem);
    let short_hash = hash.get(..16).unwrap_or(hash);
    format!("{}-{short_hash}", crate::slug::slugify(name))
}

/// The media library's caption: the caption, then the credit after a dash (a credit often has
/// parentheses of its own: "POOL (Reuters)").
fn caption_with_credit(caption: &str, credit: &str) -> String {
    match (caption.trim(), credit.trim()) {
        (caption, "") => caption.to_owned(),
        ("", credit) => credit.to_owned(),
        (caption, credit) => format!("{caption} — {credit}"),
    }
}

/// A time as WordPress's `date_gmt` takes it: UTC, without an offset.
fn wordpress_time(at: Timestamp) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
    time::OffsetDateTime::from_unix_timestamp(at)
        .ok()
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_default()
}

/// Photos as the library knows them, for finding which photos a body shows.
struct LibraryPhotos<'s>(&'s Store);

impl Resolver for LibraryPhotos<'_> {
    fn photo(&self, id: PhotoId) -> Option<ResolvedPhoto> {
        let photo = self.0.photo(id).ok()?;
        Some(ResolvedPhoto::from_photo(photo, String::new()))
    }
    fn article(&self, _: ArticleRef<'_>) -> Option<ResolvedArticle> {
        None
    }
}

/// Photos at their addresses on the site, and other articles at their posts on the same site.
struct SiteResolver<'a> {
    store: &'a Store,
    site: &'a Site,
    remote: &'a HashMap<PhotoId, RemotePhoto>,
}

impl Resolver for SiteResolver<'_> {
    fn photo(&self, id: PhotoId) -> Option<ResolvedPhoto> {
        let photo = self.store.photo(id).ok()?;
        let url = self
            .remote
            .get(&id)
            .map(|p| p.url.clone())
            .unwrap_or_default();
        Some(ResolvedPhoto::from_photo(photo, url))
    }

    fn article(&self, link: ArticleRef<'_>) -> Option<ResolvedArticle> {
        let article = match link {
            ArticleRef::Id(id) => self.store.article(id).ok()?,
            ArticleRef::Slug(slug) => self.store.article_by_slug(slug).ok()?,
        };
        if article.trashed_at.is_some() {
            return None;
        }
        let url = self
            .store
            .published_post(article.id, &self.site.url)
            .ok()
            .flatten()
            .map(|post| post.url)
            .unwrap_or_default();
        Some(ResolvedArticle {
            id: article.id,
            url,
            headline: article.headline,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uploads_are_named_by_their_slug_and_hash() {
        assert_eq!(
            upload_stem("Riksdag Vote.JPG", "0123456789abcdef0123"),
            "riksdag-vote-0123456789abcdef"
        );
    }

    #[test]
    fn scheduled_times_are_utc_without_offset() {
        assert_eq!(wordpress_time(1_796_374_800), "2026-12-04T09:00:00");
    }

    #[test]
    fn captions_carry_the_credit() {
        assert_eq!(caption_with_credit("Vote", "Ana Ruiz"), "Vote — Ana Ruiz");
        assert_eq!(caption_with_credit(" ", "Ana Ruiz"), "Ana Ruiz");
        assert_eq!(caption_with_credit("Vote", ""), "Vote");
    }
}
