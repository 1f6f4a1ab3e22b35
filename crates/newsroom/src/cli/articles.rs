//! Commands about articles: new, import, list, show, edit, search, revisions, trash.

use super::args::{CorrectArgs, DeskArgs};
use super::args::{EditArgs, ListArgs, NewArgs};
use super::output::{article_id, date, out, print_json, read_markdown, rfc3339_time};
use super::{CliError, CliResult};
use newsroom::Library;
use newsroom::library::{ArticleView, MediaUrls};
use newsroom::model::{
    ArticleFilter, ArticlePatch, Correction, CorrectionKind, DeskNote, NewArticle, PhotoUse,
    RelatedLink, RelatedTarget, SEO_HEADLINE_HINT, Status,
};
use serde::Serialize;
use std::path::PathBuf;

fn parse_status(text: &str) -> Result<Status, CliError> {
    text.parse()
        .map_err(|e: newsroom::model::UnknownStatus| CliError::Usage(e.to_string()))
}

pub fn new(library: &mut Library, args: NewArgs) -> CliResult {
    let fields = args.fields;
    let body = match &fields.body_file {
        Some(path) => read_markdown(path)?,
        None => String::new(),
    };
    let new = NewArticle {
        headline: args.headline,
        dek: fields.dek.unwrap_or_default(),
        byline: fields.byline.unwrap_or_default(),
        section: fields.section.unwrap_or_default(),
        tags: args.tags,
        dateline: fields.dateline.unwrap_or_default(),
        body,
        slug: fields.slug,
        ..NewArticle::default()
    };
    let article = library.create_article(&new)?;
    out!("{}", article.id);
    Ok(())
}

/// Imports every file it can; a file that fails is reported and the others still go in.
pub fn import(library: &mut Library, files: &[PathBuf]) -> CliResult {
    let mut failures = Vec::new();
    for file in files {
        match library.import_file(file) {
            Ok(outcome) => {
                out!("{}", outcome.article.id);
                for warning in outcome.warnings {
                    eprintln!("newsroom: {}: {warning}", file.display());
                }
            }
            Err(e) => {
                eprintln!("newsroom: {}", super::output::sentence(&e.to_string()));
                failures.push(file.display().to_string());
            }
        }
    }
    match failures.len() {
        0 => Ok(()),
        n => Err(CliError::Usage(format!(
            "{n} of {} files could not be imported",
            files.len()
        ))),
    }
}

pub fn list(library: &mut Library, args: ListArgs) -> CliResult {
    let filter = ArticleFilter {
        status: args.status.as_deref().map(parse_status).transpose()?,
        section: args.section,
        trashed: args.trash,
        limit: None,
        offset: 0,
    };
    let articles = library.list_articles(&filter)?;
    if args.json {
        return print_json(&articles);
    }
    for a in articles {
        out!(
            "{:>6}  {:<9}  {:<14}  {}  {}",
            a.id,
            a.status.as_str(),
            truncate(&a.section, 14),
            date(a.updated_at),
            a.headline
        );
    }
    Ok(())
}

/// `text` cut to `max` characters, an ellipsis showing the cut (for table columns).
pub(super) fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        text.chars().take(max - 1).chain(['…']).collect()
    }
}

/// `show --json`: the article with its photos and related links, in the documented shape.
#[derive(Serialize)]
struct ShowJson {
    id: i64,
    slug: String,
    headline: String,
    dek: String,
    section: String,
    byline: String,
    dateline: String,
    tags: Vec<String>,
    status: Status,
    body: String,
    word_count: u32,
    reading_minutes: u32,
    created_at: i64,
    updated_at: i64,
    published_at: Option<i64>,
    trashed: bool,
    kicker: String,
    seo_headline: String,
    social_headline: String,
    embargo: Option<i64>,
    words_planned: Option<u32>,
    /// The language it is checked in; empty: the library's default.
    language: String,
    corrections: Vec<Correction>,
    notes: Vec<DeskNote>,
    photos: Vec<PhotoJson>,
    related: Vec<RelatedLink>,
}

#[derive(Serialize)]
struct PhotoJson {
    id: i64,
    role: &'static str,
    caption: String,
    credit: String,
    alt: String,
    awaiting_file: bool,
}

impl From<&PhotoUse> for PhotoJson {
    fn from(u: &PhotoUse) -> Self {
        PhotoJson {
            id: u.photo.id,
            role: u.role.as_str(),
            caption: u.caption().to_string(),
            credit: u.photo.credit.clone(),
            alt: u.photo.alt.clone(),
            awaiting_file: u.photo.file.is_none(),
        }
    }
}

pub fn show(library: &mut Library, id: &str, json: bool) -> CliResult {
    let id = article_id(library, id)?;
    let ArticleView {
        article: a,
        photos,
        related,
        corrections,
        notes,
        ..
    } = library.article_view(id, &MediaUrls::RelativeToLibrary)?;
    if json {
        return print_json(&ShowJson {
            reading_minutes: a.reading_minutes(),
            id: a.id,
            slug: a.slug,
            headline: a.headline,
            dek: a.dek,
            section: a.section,
            byline: a.byline,
            dateline: a.dateline,
            tags: a.tags,
            status: a.status,
            body: a.body,
            word_count: a.word_count,
            created_at: a.created_at,
            updated_at: a.updated_at,
            published_at: a.published_at,
            trashed: a.trashed_at.is_some(),
            kicker: a.kicker,
            seo_headline: a.seo_headline,
            social_headline: a.social_headline,
            embargo: a.embargo,
            words_planned: a.words_planned,
            language: a.language,
            corrections,
            notes,
            photos: photos.iter().map(PhotoJson::from).collect(),
            related,
        });
    }
    if !a.kicker.is_empty() {
        out!("{}", a.kicker);
    }
    out!("{}", a.headline);
    if !a.dek.is_empty() {
        out!("{}", a.dek);
    }
    out!();
    out!("id {}  ·  slug {}  ·  {}", a.id, a.slug, a.status);
    for (label, value) in [
        ("section", &a.section),
        ("byline", &a.byline),
        ("dateline", &a.dateline),
        ("SEO headline", &a.seo_headline),
        ("social headline", &a.social_headline),
    ] {
        if !value.is_empty() {
            out!("{label}: {value}");
        }
    }
    if !a.tags.is_empty() {
        out!("tags: {}", a.tags.join(", "));
    }
    if let Some(until) = a.embargo {
        let holds = a.embargoed_at(time::OffsetDateTime::now_utc().unix_timestamp());
        out!(
            "embargo: {}{}",
            date(until),
            if holds {
                " (not to go out before then)"
            } else {
                " (passed)"
            }
        );
    }
    let planned = a
        .words_planned
        .map_or(String::new(), |words| format!(" of {words} planned"));
    out!(
        "{} words{planned}, {} min read  ·  updated {}{}",
        a.word_count,
        a.reading_minutes(),
        date(a.updated_at),
        if a.trashed_at.is_some() {
            "  ·  in the trash"
        } else {
            ""
        }
    );
    for u in &photos {
        let state = if u.photo.file.is_none() {
            " (awaiting its file)"
        } else {
            ""
        };
        out!(
            "photo {} [{}]{state}: {} — {}",
            u.photo.id,
            u.role.as_str(),
            u.caption(),
            u.photo.credit
        );
    }
    for r in &related {
        match &r.target {
            RelatedTarget::Article { id } => {
                out!("related {}: article {id} “{}”", r.position, r.title)
            }
            RelatedTarget::External { url } => {
                out!("related {}: {url} “{}”", r.position, r.title)
            }
        }
    }
    for c in &corrections {
        out!("{}, {}: {}", c.kind.label(), date(c.at), c.text);
    }
    for n in &notes {
        out!("note, {}: {}", date(n.at), n.text);
    }
    out!();
    out!("{}", a.body);
    Ok(())
}

/// The change the desk's options ask for; "none" clears the embargo or the planned length.
fn desk_patch(desk: &DeskArgs) -> Result<ArticlePatch, CliError> {
    let cleared = |value: &str| value.trim().eq_ignore_ascii_case("none");
    let embargo = desk
        .embargo
        .as_deref()
        .map(|at| match cleared(at) {
            true => Ok(None),
            false => rfc3339_time(at.trim()).map(Some),
        })
        .transpose()?;
    let words_planned = desk
        .words_planned
        .as_deref()
        .map(|words| match cleared(words) {
            true => Ok(None),
            false => words.trim().parse::<u32>().map(Some).map_err(|_| {
                CliError::Usage(format!(
                    "“{words}” is not a number of words; give one such as 900, or none"
                ))
            }),
        })
        .transpose()?;
    Ok(ArticlePatch {
        kicker: desk.kicker.clone(),
        seo_headline: desk.seo_headline.clone(),
        social_headline: desk.social_headline.clone(),
        embargo,
        words_planned,
        language: desk
            .language
            .as_deref()
            .map(|tag| if tag.trim() == "default" { "" } else { tag }.to_string()),
        ..ArticlePatch::default()
    })
}

pub fn edit(library: &mut Library, args: EditArgs) -> CliResult {
    let id = article_id(library, &args.id)?;
    let fields = args.fields;
    let patch = ArticlePatch {
        headline: args.headline,
        dek: fields.dek,
        byline: fields.byline,
        section: fields.section,
        tags: args.tags,
        dateline: fields.dateline,
        slug: fields.slug,
        status: args.status.as_deref().map(parse_status).transpose()?,
        body: fields.body_file.as_deref().map(read_markdown).transpose()?,
        ..desk_patch(&args.desk)?
    };
    let note = args.desk.note;
    if patch == ArticlePatch::default() && note.is_none() {
        return Err(CliError::Usage(
            "nothing to change; give at least one of --headline, --dek, --section, --byline, --dateline, --slug, --tag, --status, --body-file, --kicker, --seo-headline, --social-headline, --embargo, --words-planned, --language or --note".into(),
        ));
    }
    if let Some(seo) = &patch.seo_headline
        && seo.chars().count() > SEO_HEADLINE_HINT
    {
        eprintln!(
            "Note: the SEO headline has {} characters; search engines show about {SEO_HEADLINE_HINT}.",
            seo.chars().count()
        );
    }
    if patch != ArticlePatch::default() {
        library.update_article(id, &patch)?;
    }
    if patch.status.is_some() {
        library.flush()?;
    }
    if let Some(note) = note {
        library.add_note(id, &note)?;
    }
    out!("{id}");
    Ok(())
}

pub fn correct(library: &mut Library, args: CorrectArgs) -> CliResult {
    let id = article_id(library, &args.id)?;
    let kind = if args.update {
        CorrectionKind::Update
    } else {
        CorrectionKind::Correction
    };
    let added = library.add_correction(id, kind, &args.text)?;
    library.flush()?;
    out!("{}, {}: {}", added.kind.label(), date(added.at), added.text);
    Ok(())
}

pub fn search(library: &mut Library, query: &str, json: bool) -> CliResult {
    let hits = library.search(query, 50)?;
    if json {
        return print_json(&hits);
    }
    for hit in hits {
        out!("{:>6}  {}", hit.article.id, hit.article.headline);
        out!("        {}", hit.snippet);
    }
    Ok(())
}

pub fn revisions(library: &mut Library, id: &str) -> CliResult {
    let id = article_id(library, id)?;
    for r in library.revisions(id)? {
        out!(
            "{:>4}  {}  {:<8}  {:>6} words  {}",
            r.number,
            date(r.created_at),
            r.cause.as_str(),
            r.word_count,
            r.headline
        );
    }
    Ok(())
}

pub fn restore(library: &mut Library, id: &str, revision: u32) -> CliResult {
    let id = article_id(library, id)?;
    // The view it returns is for the app; this prints the id.
    library.restore_revision(id, revision)?;
    out!("{id}");
    Ok(())
}

pub fn trash(library: &mut Library, id: &str, into_trash: bool) -> CliResult {
    let id = article_id(library, id)?;
    if into_trash {
        library.trash_article(id)?;
    } else {
        library.untrash_article(id)?;
    }
    out!("{id}");
    Ok(())
}
