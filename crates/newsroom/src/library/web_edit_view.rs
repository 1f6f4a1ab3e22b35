//! A post someone edited on the site since it was last published from here, set beside the
//! article, for the editor to compare before choosing to overwrite it or leave it.
//!
//! The site holds the post in its own markup (WordPress's block markup, Ghost's HTML) and Newsroom
//! in Markdown: compared as written, every line would differ. Both sides are compared as the text
//! a reader sees instead: the site's HTML, and the article rendered for export with the byline and
//! dateline that open the post, each turned into plain text, one paragraph a line.

use super::Library;
use super::publishing::LibraryPhotos;
use crate::diff::{self, DEFAULT_CONTEXT, SideBySide};
use crate::error::Result;
use crate::model::ArticleId;
use crate::publish::WebEdit;
use crate::publish::wordpress::blocks;
use crate::render::{self, Target};
use ts_rs::TS;

/// Both versions and their differences: left is the site's, right Newsroom's.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, TS)]
pub struct WebEditComparison {
    #[ts(type = "number")]
    pub article_id: ArticleId,
    /// The post as the site has it, with when it was changed there.
    pub edit: WebEdit,
    /// The article's headline, as Newsroom would send it.
    pub headline: String,
    /// `None` when the site's title is the article's headline.
    pub headline_diff: Option<SideBySide>,
    /// The two bodies as text, unchanged runs folded to [`DEFAULT_CONTEXT`] lines.
    pub body_diff: SideBySide,
}

/// Paragraphs longer than this are not wrapped: a line of the comparison is a paragraph.
const NO_WRAP: usize = 100_000;

impl Library {
    /// Sets the site's version of a post (from a refused publish) beside the article.
    pub fn compare_web_edit(
        &self,
        article_id: ArticleId,
        edit: WebEdit,
    ) -> Result<WebEditComparison> {
        let article = self.store.article(article_id)?;
        let rendered = render::render(&article.body, Target::Export, &LibraryPhotos(&self.store));
        let ours = format!(
            "{}{}",
            blocks::opening(&article.byline, &article.dateline),
            rendered.html
        );
        let headline_diff = (edit.web_title.trim() != article.headline.trim())
            .then(|| diff::side_by_side(&edit.web_title, &article.headline, None));
        let body_diff = diff::side_by_side(
            &readable(&edit.web_body),
            &readable(&ours),
            Some(DEFAULT_CONTEXT),
        );
        Ok(WebEditComparison {
            article_id,
            headline: article.headline,
            headline_diff,
            body_diff,
            edit,
        })
    }
}

/// HTML as the text a reader sees, one paragraph a line, blank lines between blocks dropped.
fn readable(html: &str) -> String {
    let text = html2text::config::plain_no_decorate()
        .string_from_read(html.as_bytes(), NO_WRAP)
        .unwrap_or_else(|_| html.to_owned());
    text.lines()
        .map(str::trim_end)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::readable;
    use crate::library::test_support;
    use crate::model::{NewArticle, RevisionCause};
    use crate::publish::WebEdit;

    #[test]
    fn the_sites_post_and_the_article_are_compared_as_the_text_readers_see() {
        let (mut library, _dir) = test_support::library();
        let article = library
            .store_mut()
            .create_article(
                &NewArticle {
                    headline: "Ferry back".into(),
                    byline: "Ana Ruiz".into(),
                    body: "The first crossing left at six.\n\nPassengers cheered.\n".into(),
                    ..NewArticle::default()
                },
                RevisionCause::Manual,
            )
            .unwrap();
        let web_body = "<!-- wp:paragraph {\"className\":\"byline\"} -->\n<p class=\"byline\">By Ana Ruiz</p>\n<!-- /wp:paragraph -->\n\n\
                        <!-- wp:paragraph -->\n<p>The first crossing left at seven.</p>\n<!-- /wp:paragraph -->\n\n\
                        <!-- wp:paragraph -->\n<p>Passengers cheered.</p>\n<!-- /wp:paragraph -->";
        let edit = WebEdit {
            site: "The Daily".into(),
            post_id: "12".into(),
            url: "https://daily.example/ferry-back/".into(),
            web_modified: "2026-12-04T10:14:05".into(),
            recorded_modified: "2026-12-04T10:12:00".into(),
            web_title: "Ferry back at last".into(),
            web_body: web_body.into(),
        };
        let compared = library.compare_web_edit(article.id, edit).unwrap();
        assert!(compared.headline_diff.is_some());
        let stats = &compared.body_diff.stats;
        assert_eq!(
            (stats.changed, stats.added, stats.removed),
            (1, 0, 0),
            "only the edited sentence differs"
        );
    }

    #[test]
    fn block_markup_and_html_read_as_their_text() {
        let blocks = "<!-- wp:paragraph -->\n<p>The ferry <em>left</em> at six &amp; docked.</p>\n<!-- /wp:paragraph -->\n\n\
                      <!-- wp:heading -->\n<h2>On board</h2>\n<!-- /wp:heading -->";
        assert_eq!(
            readable(blocks),
            "The ferry left at six & docked.\n## On board"
        );
        assert_eq!(
            readable("<p>The ferry left at six &amp; docked.</p>\n<h2>On board</h2>"),
            readable(blocks)
        );
    }
}
