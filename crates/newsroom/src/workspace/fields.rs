//! Turning what a file says into a change the store can apply, keeping only what the library
//! can hold: unknown photos, articles and authors are left out, with a sentence saying so.

use super::file_format::{ArticleFile, ArticleName, FilePhoto, FileRelated};
use crate::model::{ArticleId, ArticlePatch, PhotoId, RelatedTarget};
use crate::slug;
use crate::store::{FileVersion, Store, StoreError};

/// The change `file` makes to article `id` (`None` for a new article), and the notes about what
/// was left out.
pub(super) fn file_version(
    store: &Store,
    id: Option<ArticleId>,
    file: &ArticleFile,
) -> Result<(FileVersion, Vec<String>), StoreError> {
    let mut notes = Vec::new();
    let slug = match (&file.slug, id) {
        (Some(wanted), Some(id)) => usable_slug(store, id, wanted, &mut notes)?,
        _ => None,
    };
    let author_id = match (&file.author, file.author_id) {
        (Some(name), _) => match store.author_named(name)? {
            Some(author) => Some(Some(author.id)),
            None => {
                notes.push(format!(
                    "there is no author named “{name}” in the library, so the author was left unchanged"
                ));
                None
            }
        },
        (None, Some(author)) if store.author(author).is_err() => {
            notes.push(format!(
                "there is no author with id {author}, so the author was left unchanged"
            ));
            None
        }
        (None, author) => Some(author),
    };
    let mut photos = Vec::new();
    for photo in &file.photos {
        match local_photo(store, photo)? {
            Ok(id) => photos.push((id, photo.role, photo.caption.clone())),
            Err(missing) => notes.push(format!(
                "there is no photo with {missing} in the library, so it was left out"
            )),
        }
    }
    let related = related_links(store, id, &file.related, &mut notes)?;
    let patch = ArticlePatch {
        headline: Some(file.headline.clone()),
        dek: Some(file.dek.clone()),
        byline: Some(file.byline.clone()),
        section: Some(file.section.clone()),
        tags: Some(file.tags.clone()),
        dateline: Some(file.dateline.clone()),
        slug,
        status: file.status,
        body: Some(file.body.clone()),
        author_id,
        kicker: Some(file.kicker.clone()),
        seo_headline: Some(file.seo_headline.clone()),
        social_headline: Some(file.social_headline.clone()),
        embargo: Some(file.embargo),
        words_planned: Some(file.words_planned),
        language: Some(file.language.clone()),
    };
    Ok((
        FileVersion {
            patch,
            photos,
            related,
            extra: file.extra.clone(),
            corrections: file.corrections.clone(),
            notes: file.notes.clone(),
        },
        notes,
    ))
}

/// The file's slug when it is valid and not another article's; otherwise the article keeps its
/// own and the editor is told.
fn usable_slug(
    store: &Store,
    id: ArticleId,
    wanted: &str,
    notes: &mut Vec<String>,
) -> Result<Option<String>, StoreError> {
    if let Err(e) = slug::validate(wanted) {
        notes.push(format!("{e}, so the article kept its slug"));
        return Ok(None);
    }
    match store.article_by_slug(wanted) {
        Ok(owner) if owner.id != id => {
            notes.push(format!(
                "the slug “{wanted}” belongs to article {}, so the article kept its slug",
                owner.id
            ));
            Ok(None)
        }
        Ok(_) | Err(StoreError::SlugNotFound(_)) => Ok(Some(wanted.to_string())),
        Err(e) => Err(e),
    }
}

fn related_links(
    store: &Store,
    id: Option<ArticleId>,
    links: &[FileRelated],
    notes: &mut Vec<String>,
) -> Result<Vec<(RelatedTarget, String)>, StoreError> {
    let mut out: Vec<(RelatedTarget, String)> = Vec::new();
    for link in links {
        let entry = match link {
            FileRelated::Article { article } => match related_article(store, article)? {
                Ok(other) if Some(other) == id => {
                    notes.push(
                        "an article cannot be related to itself, so that link was left out".into(),
                    );
                    continue;
                }
                Ok(other) => (RelatedTarget::Article { id: other }, String::new()),
                Err(missing) => {
                    notes.push(format!(
                        "there is no article with {missing} in the library, so that related link was left out"
                    ));
                    continue;
                }
            },
            FileRelated::Link { url, title } => match web_address(url) {
                Some(url) => (RelatedTarget::External { url }, one_line(title)),
                None => {
                    notes.push(format!(
                        "“{url}” is not a full http:// or https:// address, so that related link was left out"
                    ));
                    continue;
                }
            },
        };
        if !out.iter().any(|(target, _)| *target == entry.0) {
            out.push(entry);
        }
    }
    Ok(out)
}

/// This library's id of a photo the file names: by its file's hash when the file gives one
/// (the id is then another library's, maybe another photo's here), otherwise by id; or how it
/// names a photo this library does not have.
fn local_photo(store: &Store, photo: &FilePhoto) -> Result<Result<PhotoId, String>, StoreError> {
    if let Some(hash) = &photo.hash {
        return Ok(store
            .photo_with_hash(hash)?
            .map(|found| found.id)
            .ok_or_else(|| format!("the file {hash}")));
    }
    match store.photo(photo.id) {
        Ok(_) => Ok(Ok(photo.id)),
        Err(StoreError::PhotoNotFound(_)) => Ok(Err(format!("id {}", photo.id))),
        Err(e) => Err(e),
    }
}

/// The article a related link names, or how it names one this library does not have.
fn related_article(
    store: &Store,
    name: &ArticleName,
) -> Result<Result<ArticleId, String>, StoreError> {
    match name {
        ArticleName::Uid(uid) => Ok(store
            .article_with_uid(uid)?
            .ok_or_else(|| format!("uid {uid}"))),
        ArticleName::Id(id) => match store.article(*id) {
            Ok(_) => Ok(Ok(*id)),
            Err(StoreError::ArticleNotFound(_)) => Ok(Err(format!("id {id}"))),
            Err(e) => Err(e),
        },
    }
}

/// The same rule as the related-links editor: absolute http(s) addresses with a host.
fn web_address(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    (matches!(parsed.scheme(), "http" | "https") && parsed.host_str().is_some())
        .then(|| parsed.to_string())
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
