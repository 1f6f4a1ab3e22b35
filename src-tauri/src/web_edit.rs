//! A post someone edited on the site since it was last published from here, set beside the
//! article, for the editor to compare before choosing to overwrite it or not.
//!
//! The site's side is what it holds (the title, and the body as the site's own markup); Newsroom's
//! side is the headline and the Markdown the post is made from. They are different notations of
//! one story, so the body's comparison shows where they differ line by line, not a translation.

use newsroom::diff::{self, DEFAULT_CONTEXT, SideBySide};
use newsroom::model::{Article, ArticleId};
use newsroom::publish::WebEdit;
use serde::Serialize;

/// Both versions and their differences: left is the site's, right Newsroom's.
#[derive(Debug, Serialize)]
pub struct WebEditComparison {
    pub article_id: ArticleId,
    /// The post as the site has it, with when it was changed there.
    pub edit: WebEdit,
    /// The article's headline as Newsroom would send it.
    pub headline: String,
    /// `None` when the site's title is the article's headline.
    pub headline_diff: Option<SideBySide>,
    /// Unchanged runs folded to [`DEFAULT_CONTEXT`] lines.
    pub body_diff: SideBySide,
}

/// Sets `edit` beside `article`.
pub fn compare(edit: WebEdit, article: &Article) -> WebEditComparison {
    let headline_diff = (edit.web_title.trim() != article.headline.trim())
        .then(|| diff::side_by_side(&edit.web_title, &article.headline, None));
    WebEditComparison {
        article_id: article.id,
        body_diff: diff::side_by_side(&edit.web_body, &article.body, Some(DEFAULT_CONTEXT)),
        headline: article.headline.clone(),
        headline_diff,
        edit,
    }
}
