use super::*;
use crate::render::Problem;

#[test]
fn a_photo_alone_in_its_paragraph_is_a_figure_with_caption_and_credit() {
    let out = export("Intro.\n\n![](photo:12)\n\nAfter.\n");
    assert_eq!(
        out.html,
        "<p>Intro.</p>\n\
         <figure><img src=\"images/ab12.jpg\" alt=\"Protesters outside parliament\" \
         width=\"1200\" height=\"800\" loading=\"lazy\" /><figcaption>Crowds gathered before dawn. \
         <span class=\"credit\">POOL (Reuters)</span></figcaption></figure>\n\
         <p>After.</p>\n"
    );
    assert_eq!(out.photos, vec![12]);
    assert!(out.problems.is_empty());
}

#[test]
fn the_image_title_replaces_the_photo_caption_and_written_alt_wins() {
    let html = preview("![Riot police](photo:12 \"Police & <crowds>\")\n").html;
    assert!(html.contains("alt=\"Riot police\""), "{html}");
    assert!(html.contains("<figcaption>Police &amp; &lt;crowds&gt; <span class=\"credit\">"));
    assert!(html.contains("src=\"asset://localhost/media/ab12.jpg\""));
    assert!(!html.contains("loading="), "preview loads eagerly: {html}");
    assert!(
        !html.contains("<p"),
        "a figure is not wrapped in a paragraph: {html}"
    );
}

#[test]
fn an_image_in_running_text_stays_inline() {
    let html = export("Before ![a](photo:12) after, ![b](pic.png \"T\").\n").html;
    assert!(
        html.starts_with("<p>Before <img src=\"images/ab12.jpg\" alt=\"a\""),
        "{html}"
    );
    assert!(html.contains("<img src=\"pic.png\" alt=\"b\" title=\"T\" loading=\"lazy\" />"));
    assert!(!html.contains("<figure"));
}

#[test]
fn a_plain_image_alone_is_a_figure_captioned_by_its_title() {
    let html = export("![A *chart*](https://x.org/c.png \"Rates since 2020\")\n").html;
    assert_eq!(
        html,
        "<figure><img src=\"https://x.org/c.png\" alt=\"A chart\" loading=\"lazy\" />\
         <figcaption>Rates since 2020</figcaption></figure>\n"
    );
    let untitled = export("![x](c.png)\n").html;
    assert_eq!(
        untitled,
        "<figure><img src=\"c.png\" alt=\"x\" loading=\"lazy\" /></figure>\n"
    );
}

#[test]
fn a_photo_awaiting_its_file_is_a_placeholder_in_preview_and_a_caption_in_export() {
    let markdown = "![](photo:13)\n";
    let preview = preview(markdown);
    assert_eq!(
        preview.html,
        "<figure class=\"awaiting\" data-sourcepos=\"1:1-1:13\"><div class=\"placeholder\">\
         Photo 13 is awaiting its image file</div><figcaption>The harbour at night. \
         <span class=\"credit\">A. Photographer</span></figcaption></figure>\n"
    );
    assert_eq!(preview.photos, vec![13]);
    assert_eq!(preview.problems, vec![Problem::PhotoAwaitingFile(13)]);
    let export = export(markdown);
    assert_eq!(
        export.html,
        "<figure><figcaption>The harbour at night. \
         <span class=\"credit\">A. Photographer</span></figcaption></figure>\n"
    );
    assert!(!export.html.contains("<img"));
    let inline = super::preview("See ![](photo:13) here.\n").html;
    assert!(inline.contains("<span class=\"awaiting\">Photo 13 is awaiting its image file</span>"));
    assert_eq!(
        super::export("See ![](photo:13) here.\n").html,
        "<p>See  here.</p>\n"
    );
}

#[test]
fn an_unknown_photo_is_marked_in_preview_and_left_out_of_export() {
    let markdown = "![x](photo:99)\n\nText ![y](photo:abc).\n";
    let preview = preview(markdown);
    assert!(preview.html.contains(
        "<figure class=\"missing\" data-sourcepos=\"1:1-1:14\"><div class=\"placeholder\">\
         Photo 99 is not in the library</div></figure>"
    ));
    assert!(
        preview
            .html
            .contains("<span class=\"missing\">“photo:abc” is not a photo number</span>")
    );
    assert!(preview.photos.is_empty());
    assert_eq!(
        preview.problems,
        vec![
            Problem::UnknownPhoto("photo:99".into()),
            Problem::UnknownPhoto("photo:abc".into())
        ]
    );
    assert_eq!(export(markdown).html, "<p>Text .</p>\n");
}

#[test]
fn single_file_export_keeps_data_image_sources_from_the_resolver() {
    let out = export("![chart](photo:14)\n\n![again](photo:12) ![](photo:12)\n");
    assert!(
        out.html
            .contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"chart\"")
    );
    assert_eq!(out.photos, vec![14, 12]);
}
