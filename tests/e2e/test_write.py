"""Writing an article: create it, name it, type the body, see the preview and the save state."""

from selenium.webdriver.common.keys import Keys

from conftest import wait_for


def test_new_article_typed_body_shows_in_preview_and_is_saved(app, cli):
    wait_for(
        lambda: "No articles yet" in app.in_preview("return doc.body.textContent"),
        message="the preview of an empty library to say there are no articles yet",
    )

    app.click("New article")
    headline = app.by_label("Headline")
    wait_for(lambda: app.field_value("#meta-headline") == "Untitled article", message="the new article to open")
    assert app.js("return document.activeElement") == headline, "the Headline field should have the focus"
    # The new headline replaces the selected placeholder; Enter commits it.
    headline.send_keys("Harbour bridge reopens after repairs", Keys.ENTER)
    app.library_row("Harbour bridge reopens after repairs")

    app.type_body("## Traffic returns", "", "Cars crossed the bridge at dawn on **Monday**.")
    wait_for(
        lambda: app.in_preview("const h = doc.querySelector('#content h2'); return h && h.textContent") == "Traffic returns",
        message="the preview to show the heading",
    )
    paragraph = "const p = doc.querySelector('#content p'); return p && [p.textContent, p.querySelector('strong')?.textContent]"
    wait_for(
        lambda: app.in_preview(paragraph) == ["Cars crossed the bridge at dawn on Monday.", "Monday"],
        message=lambda: f"the preview to show the paragraph with bold text; it shows {app.preview_content_html()!r}",
    )
    assert app.in_preview("return doc.querySelector('#header h1').textContent") == "Harbour bridge reopens after repairs"
    app.wait_saved()
    assert app.text_of('[data-testid="word-stats"]').startswith("10 words"), app.text_of('[data-testid="word-stats"]')
    app.screenshot("01-library-editor-preview")
    app.assert_no_error_toasts()

    # What the user saw as saved is in the library.
    body = cli.find("Harbour bridge reopens after repairs")["body"]
    assert body == "## Traffic returns\n\nCars crossed the bridge at dawn on **Monday**.", repr(body)
