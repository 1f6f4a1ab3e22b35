//! Publishing an article to a site (WordPress or Ghost, through [`Cms`]) in one action, and
//! getting right what desktop publishers are known to get wrong:
//!
//! - **No duplicates.** The post an article became is remembered per site (by the site's
//!   address) and updated on the next publish. A publish interrupted after the site created the
//!   post but before the answer arrived finds it again on retry (the account's post with the
//!   article's slug and headline). Each photo is uploaded once per site, remembered by its
//!   file's SHA-256 the moment the upload is answered; on WordPress an upload whose answer was
//!   lost is found again by the hash in its file name.
//! - **Nothing half-published.** Every photo is uploaded before the post is created or
//!   updated, so a failure midway leaves the site's readers with nothing new.
//! - **No overwritten web edits.** Before updating, the post's last-modified time
//!   (`modified_gmt`, `updated_at`) is compared with the one recorded at the last publish; a
//!   different one stops the publish with both versions.
//! - **No private metadata.** Photos leave stripped of GPS position and other metadata, as in
//!   the export.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use super::{Library, linked_article};
use crate::error::Result;
use crate::export::PageDate;
use crate::import::prose_as_markdown;
use crate::media;
use crate::model::{
    Article, ArticleId, Correction, PhotoFile, PhotoId, PhotoRole, PhotoUse, RevisionCause,
    Timestamp,
};
use crate::publish::{
    self, Account, Cms, Featured, OutgoingPost, PostStatus, PublishError, RemoteMedia, RemotePost,
    Site, WebEdit, caption_with_credit,
};
use crate::render::{self, ArticleRef, ResolvedArticle, ResolvedPhoto, Resolver, Target};
use crate::store::{Publication, PublishedPost, Store, UploadedPhoto, system_clock};

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
            Progress::Sending { creating: true } => f.write_str("Creating the post…"),
            Progress::Sending { creating: false } => f.write_str("Updating the post…"),
        }
    }
}

/// What a publish did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct PublishOutcome {
    pub site: String,
    pub post_id: String,
    /// Where the post is on the site.
    pub url: String,
    /// The post's state as the site reports it (`draft`, `publish`, `future`).
    pub status: String,
    /// A new post (`false`: the article's existing post was updated).
    pub created: bool,
    /// Photo files this publish sent to the site.
    pub photos_uploaded: usize,
    /// Photo files the site already had from an earlier publish.
    pub photos_reused: usize,
}

/// A photo of the article on its way to the site, with the words this article shows with it.
struct Outgoing {
    id: PhotoId,
    /// The article's featured photo.
    featured: bool,
    file: PhotoFile,
    /// The file's name when it was imported, for progress lines.
    name: String,
    alt: String,
    /// The caption in this article, with the credit.
    caption: String,
}

impl Library {
    /// Every publication of the article (each publish that reached a site), newest first.
    pub fn publications(&self, article: ArticleId) -> Result<Vec<Publication>> {
        Ok(self.store.publications(article)?)
    }

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
        // The history keeps the text as it was sent (typing inside the snapshot window has
        // none yet), so the History tab can show which version went to the site.
        self.store.snapshot(article.id, RevisionCause::Manual)?;
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
        let cms = publish::connect(&site, &secret)?;
        let account = cms.sign_in()?;
        stop()?;
        let existing = self.existing_post(cms.as_ref(), &site, &article, &account, request)?;

        let mut remote = HashMap::new();
        let (mut uploaded, mut reused) = (0, 0);
        for (index, photo) in photos.iter().enumerate() {
            stop()?;
            let (media, sent) = self.photo_on_site(cms.as_ref(), &site, photo, &account)?;
            if sent {
                uploaded += 1;
            } else {
                reused += 1;
            }
            remote.insert(photo.id, media);
            progress(Progress::Photo {
                number: index + 1,
                of: photos.len(),
                name: photo.name.clone(),
                reused: !sent,
            });
        }

        stop()?;
        let resolver = SiteResolver {
            store: &self.store,
            site: &site,
            remote: &remote,
        };
        let text = with_corrections(&article.body, &self.store.corrections(article.id)?);
        let body = render::render_blocks(&text, Target::Export, &resolver);
        let featured = photos
            .iter()
            .find(|p| p.featured)
            .and_then(|p| Some((p, remote.get(&p.id)?)))
            .map(|(p, media)| Featured {
                media,
                alt: &p.alt,
                caption: &p.caption,
            });
        progress(Progress::Sending {
            creating: existing.is_none(),
        });
        let post = cms.write(
            existing.as_ref(),
            &OutgoingPost {
                article: &article,
                status: respecting_embargo(request.status, &article, system_clock()),
                body: &body,
                photos: &remote,
                featured,
            },
        )?;
        let record = PublishedPost {
            post_id: post.id.clone(),
            url: post.link.clone(),
            modified: post.modified.clone(),
        };
        self.store
            .record_publication(article.id, &site, &record, &post.status)?;
        Ok(PublishOutcome {
            site: site.name.clone(),
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
        let featured = uses.into_iter().find(|u| u.role == PhotoRole::Featured);
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
            let photo = self.store.photo(id)?;
            let Some(file) = photo.file else {
                return Err(PublishError::PhotoAwaitingFile { id }.into());
            };
            let caption = use_
                .as_ref()
                .map_or(photo.caption.as_str(), PhotoUse::caption);
            photos.push(Outgoing {
                id,
                featured: use_.is_some(),
                name: file.original_name.clone(),
                caption: caption_with_credit(caption, &photo.credit),
                alt: photo.alt,
                file,
            });
        }
        Ok(photos)
    }

    /// The post this article became on the site, after checking it was not edited on the web
    /// since. `None` when there is none yet (or it was deleted on the site).
    fn existing_post(
        &self,
        cms: &dyn Cms,
        site: &Site,
        article: &Article,
        account: &Account,
        request: &PublishRequest,
    ) -> Result<Option<RemotePost>> {
        let Some(recorded) = self.store.published_post(article.id, &site.url)? else {
            // A publish that was stopped after the site created the post, before its answer.
            return Ok(cms.lost_post(account, &article.slug, &article.headline)?);
        };
        let Some(post) = cms.post(&recorded.post_id)? else {
            return Ok(None);
        };
        if post.modified != recorded.modified && !request.overwrite_web_edits {
            return Err(PublishError::EditedOnTheWeb(Box::new(WebEdit {
                site: site.name.clone(),
                post_id: recorded.post_id,
                url: post.link,
                web_modified: post.modified,
                recorded_modified: recorded.modified,
                web_title: post.title,
                web_body: post.body,
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
        cms: &dyn Cms,
        site: &Site,
        photo: &Outgoing,
        account: &Account,
    ) -> Result<(RemoteMedia, bool)> {
        let file = &photo.file;
        let recorded = match self.store.uploaded_photo(&file.hash, &site.url)? {
            Some(known) => cms.uploaded(&known.media_id, &known.url)?,
            None => None,
        };
        let stem = upload_stem(&file.original_name, &file.hash);
        let (media, sent) = match recorded {
            Some(media) => (cms.describe(media, &photo.alt, &photo.caption)?, false),
            None => match cms.lost_upload(account, &stem)? {
                Some(found) => (cms.describe(found, &photo.alt, &photo.caption)?, false),
                None => {
                    let original = self.media.read(file)?;
                    let stripped = media::strip_metadata(&original, file.format)?;
                    let name = format!("{stem}.{}", file.format.extension());
                    let media = cms
                        .upload(
                            &name,
                            file.format.mime(),
                            &stripped,
                            &photo.alt,
                            &photo.caption,
                        )
                        .map_err(|error| named_as_the_editor_knows_it(error, photo))?;
                    (media, true)
                }
            },
        };
        self.store.record_upload(
            &file.hash,
            &site.url,
            &UploadedPhoto {
                media_id: media.id.clone(),
                url: media.url.clone(),
            },
        )?;
        Ok((media, sent))
    }
}

/// The body as the site prints it: the story, then its corrections and updates under a heading,
/// each dated as the export prints them ("**Correction, 3 December 2026:** …"), so a post
/// republished after a correction carries it.
fn with_corrections(body: &str, corrections: &[Correction]) -> String {
    if corrections.is_empty() {
        return body.to_owned();
    }
    let mut text = format!("{}\n\n## Corrections and updates\n", body.trim_end());
    for c in corrections {
        let date = PageDate::from_timestamp(c.at).map_or_else(String::new, |d| d.display);
        text.push_str(&format!(
            "\n**{}, {date}:** {}\n",
            c.kind.label(),
            prose_as_markdown(&c.text)
        ));
    }
    text
}

/// How the post may stand while the article is under embargo: never live before it lifts, so
/// "publish now" becomes scheduled for the embargo, and so does a schedule that is earlier.
fn respecting_embargo(status: PostStatus, article: &Article, now: Timestamp) -> PostStatus {
    match (status, article.embargo) {
        (PostStatus::Publish, Some(until)) if until > now => PostStatus::Scheduled(until),
        (PostStatus::Scheduled(at), Some(until)) if at < until => PostStatus::Scheduled(until),
        _ => status,
    }
}

/// A refusal of the photo names it as the editor knows it ("valley.png"), not by the name it was
/// sent under ("valley-92658c6721b4c644.png").
fn named_as_the_editor_knows_it(error: PublishError, photo: &Outgoing) -> PublishError {
    match error {
        PublishError::PhotoTooLarge { site, .. } => PublishError::PhotoTooLarge {
            site,
            photo: photo.name.clone(),
        },
        other => other,
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

/// Photos as the library knows them (without addresses), for finding which photos a body shows
/// and for reading it as text.
pub(super) struct LibraryPhotos<'s>(pub(super) &'s Store);

impl Resolver for LibraryPhotos<'_> {
    fn photo(&self, id: PhotoId) -> Option<ResolvedPhoto> {
        let photo = self.0.photo(id).ok()?;
        Some(photo.resolved(String::new()))
    }
    fn article(&self, _: ArticleRef<'_>) -> Option<ResolvedArticle> {
        None
    }
}

/// Photos at their addresses on the site, and other articles at their posts on the same site.
struct SiteResolver<'a> {
    store: &'a Store,
    site: &'a Site,
    remote: &'a HashMap<PhotoId, RemoteMedia>,
}

impl Resolver for SiteResolver<'_> {
    fn photo(&self, id: PhotoId) -> Option<ResolvedPhoto> {
        let photo = self.store.photo(id).ok()?;
        let url = self
            .remote
            .get(&id)
            .map(|p| p.url.clone())
            .unwrap_or_default();
        Some(photo.resolved(url))
    }

    fn article(&self, link: ArticleRef<'_>) -> Option<ResolvedArticle> {
        let article = linked_article(self.store, link)?;
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
    fn corrections_close_the_published_body_escaped_and_dated() {
        use crate::model::CorrectionKind;
        assert_eq!(with_corrections("Story.\n", &[]), "Story.\n");
        let log = [
            Correction {
                kind: CorrectionKind::Correction,
                text: "1. The vote was *7-2*.".into(),
                at: 1_796_317_200,
            },
            Correction {
                kind: CorrectionKind::Update,
                text: "The mayor resigned.".into(),
                at: 1_796_403_600,
            },
        ];
        assert_eq!(
            with_corrections("Story.\n\n", &log),
            "Story.\n\n## Corrections and updates\n\n**Correction, 3 December 2026:** 1\\. The vote was \\*7-2\\*.\n\n**Update, 4 December 2026:** The mayor resigned.\n"
        );
    }

    #[test]
    fn nothing_goes_live_before_the_embargo_lifts() {
        use PostStatus::{Draft, Publish, Scheduled};
        let now = 1_000;
        let mut store = Store::open_in_memory().unwrap();
        let new = crate::model::NewArticle {
            headline: "Budget".into(),
            ..Default::default()
        };
        let plain = store.create_article(&new, RevisionCause::Manual).unwrap();
        let article = |embargo| Article {
            embargo,
            ..plain.clone()
        };
        let held = article(Some(5_000));
        assert_eq!(respecting_embargo(Publish, &held, now), Scheduled(5_000));
        assert_eq!(
            respecting_embargo(Scheduled(2_000), &held, now),
            Scheduled(5_000)
        );
        assert_eq!(
            respecting_embargo(Scheduled(9_000), &held, now),
            Scheduled(9_000)
        );
        assert_eq!(respecting_embargo(Draft, &held, now), Draft);
        let lifted = article(Some(500));
        assert_eq!(respecting_embargo(Publish, &lifted, now), Publish);
        assert_eq!(respecting_embargo(Publish, &plain, now), Publish);
    }
}
