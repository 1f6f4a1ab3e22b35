"""Everything made in one session of the app is there after quitting and starting it again."""

from selenium.webdriver.common.keys import Keys

from conftest import make_png, wait_for

MAIN = "Tram line extension opens"
OTHER = "City budget passes"


def state(app):
    """What the user sees of the open article: headline, body lines, photo cards, related titles."""
    return {
        "headline": app.field_value("#meta-headline"),
        "body": app.editor_text(),
        "photos": app.js(
            "return [...document.querySelectorAll('[data-testid=photos] .photo-card')].map((c) => c.querySelector('textarea[id$=\"-caption\"]').value)"
        ),
        "related": app.js(
            "return [...document.querySelectorAll('[data-testid=related-list] .related-title')].map((e) => e.textContent)"
        ),
    }


def test_article_body_photo_and_related_survive_a_restart(launch, cli):
    cli.new(OTHER, "Councillors agreed the spending plan.")
    first = launch()

    first.click("New article")
    wait_for(lambda: first.field_value("#meta-headline") == "Untitled article", message="the new article to open")
    first.by_label("Headline").send_keys(MAIN, Keys.ENTER)
    first.type_body("The first trams ran at six.", "", "Riders cheered at the terminus.")
    first.paste_image(".cm-content", make_png(40, 30, seed=4), "tram.png")
    first.tab("Photos")
    caption = wait_for(lambda: first.all_css("[data-testid=photos] .photo-card textarea[id$='-caption']"), message="the pasted photo's card")[0]
    first.set_field(f"#{caption.get_attribute('id')}", "The first tram leaves the depot")
    first.tab("Related")
    picker = first.by_label("Find an article to relate")
    picker.send_keys("budget")
    wait_for(lambda: first.all_css("#related-results [role=option]"), message="the picker to offer the budget story")
    picker.send_keys(Keys.ENTER)
    wait_for(lambda: state(first)["related"] == [OTHER], message="the related story to be listed")
    first.wait_saved()
    before = state(first)
    assert before["body"].startswith("The first trams ran at six.\n\nRiders cheered at the terminus.\n\n![](photo:"), before
    assert before["photos"] == ["The first tram leaves the depot"]
    first.quit()
    assert not first.killed, "the app did not exit within 5 s of its window closing"

    second = launch()
    # The most recently changed article opens by itself.
    wait_for(lambda: second.field_value("#meta-headline") == MAIN, message="the article to reopen on start")
    wait_for(lambda: second.library_headlines() == [MAIN, OTHER], message=lambda: f"both articles listed; got {second.library_headlines()}")
    wait_for(lambda: state(second) == before, message=lambda: f"the same article as before the restart; before {before}, now {state(second)}")
    wait_for(
        lambda: second.in_preview("const i = doc.querySelector('#content figure img'); return !!i && i.complete && i.naturalWidth === 40"),
        message="the photo to show in the preview after the restart",
    )
    second.tab("Photos")
    wait_for(
        lambda: second.js("const i = document.querySelector('[data-testid=photos] img.photo-thumb'); return !!i && i.complete && i.naturalWidth > 0"),
        message="the photo's thumbnail after the restart",
    )
    second.tab("Related")
    second.screenshot("11-after-restart")
    second.assert_no_error_toasts()
