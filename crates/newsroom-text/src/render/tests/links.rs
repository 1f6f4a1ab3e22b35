use super::*;
use crate::render::Problem;

#[test]
fn article_links_resolve_by_id_and_by_slug() {
    let out = export(
        "Read [the vote](article:34 \"Budget\"), [[budget-vote]] and [[budget-vote|this story]].\n",
    );
    assert_eq!(
        out.html,
        "<p>Read <a href=\"budget-vote.html\" title=\"Budget\">the vote</a>, \
         <a href=\"budget-vote.html\">Budget vote delayed</a> and \
         <a href=\"budget-vote.html\">this story</a>.</p>\n"
    );
    assert_eq!(out.articles, vec![34]);
    assert!(out.problems.is_empty());
}

#[test]
fn unresolvable_article_links_keep_their_text_and_are_marked_in_preview() {
    let markdown = "[gone](article:99), [[no-such-story]], [[harbour]] and [bad](article:x).\n";
    let preview = preview(markdown);
    assert!(preview.html.contains(
        "<span class=\"broken-link\" title=\"No article matches “article:99”\">gone</span>"
    ));
    assert!(preview.html.contains("<span class=\"broken-link\" title=\"No article matches “[[no-such-story]]”\">no-such-story</span>"));
    assert!(
        preview
            .html
            .contains("has no page in this output\">Harbour closes</span>")
    );
    assert_eq!(preview.articles, vec![35]);
    assert_eq!(preview.problems.len(), 4);
    assert_eq!(
        preview.problems[0],
        Problem::UnresolvedArticle("article:99".into())
    );
    assert_eq!(
        export(markdown).html,
        "<p>gone, no-such-story, Harbour closes and bad.</p>\n"
    );
}

#[test]
fn ordinary_links_are_kept() {
    let html =
        export("[a](https://x.org/?q=a&b=c) [b](#part) [c](../other.html) [d](tel:+46)\n").html;
    assert_eq!(
        html,
        "<p><a href=\"https://x.org/?q=a&amp;b=c\">a</a> <a href=\"#part\">b</a> \
         <a href=\"../other.html\">c</a> <a href=\"tel:+46\">d</a></p>\n"
    );
}
