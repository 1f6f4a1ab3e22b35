//! Behaviour of the whole renderer, one file per feature, with a small in-memory library.

mod blocks;
mod figures;
mod gfm;
mod links;
mod safety;

use super::{ArticleRef, Rendered, ResolvedArticle, ResolvedPhoto, Resolver, Target, render};
use crate::PhotoId;

/// A library of three photos (one awaiting its file) and two articles (one with no page).
struct Library {
    /// Prefix of photo URLs, as a preview or an export would produce them.
    photo_base: &'static str,
}

const PREVIEW: Library = Library {
    photo_base: "asset://localhost/media/",
};
const EXPORT: Library = Library {
    photo_base: "images/",
};

impl Resolver for Library {
    fn photo(&self, id: PhotoId) -> Option<ResolvedPhoto> {
        let file = |name: &str| format!("{}{name}", self.photo_base);
        match id {
            12 => Some(ResolvedPhoto {
                url: file("ab12.jpg"),
                alt: "Protesters outside parliament".into(),
                caption: "Crowds gathered before dawn.".into(),
                credit: "POOL (Reuters)".into(),
                width: Some(1200),
                height: Some(800),
            }),
            13 => Some(ResolvedPhoto {
                url: String::new(),
                alt: "Harbour".into(),
                caption: "The harbour at night.".into(),
                credit: "A. Photographer".into(),
                width: None,
                height: None,
            }),
            14 => Some(ResolvedPhoto {
                url: "data:image/png;base64,iVBORw0KGgo=".into(),
                ..ResolvedPhoto::default()
            }),
            _ => None,
        }
    }

    fn article(&self, link: ArticleRef<'_>) -> Option<ResolvedArticle> {
        let budget = ResolvedArticle {
            id: 34,
            url: "budget-vote.html".into(),
            headline: "Budget vote delayed".into(),
        };
        let unexported = ResolvedArticle {
            id: 35,
            url: String::new(),
            headline: "Harbour closes".into(),
        };
        match link {
            ArticleRef::Id(34) | ArticleRef::Slug("budget-vote") => Some(budget),
            ArticleRef::Id(35) | ArticleRef::Slug("harbour") => Some(unexported),
            _ => None,
        }
    }
}

fn preview(markdown: &str) -> Rendered {
    render(markdown, Target::Preview, &PREVIEW)
}

fn export(markdown: &str) -> Rendered {
    render(markdown, Target::Export, &EXPORT)
}
