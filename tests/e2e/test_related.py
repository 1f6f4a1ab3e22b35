"""Relating two articles through the Related tab's picker; the other article shows the backlink."""

from conftest import wait_for

BRIDGE = "Harbour bridge reopens"
FERRY = "Ferry strike ends"


def related_titles(app):
    return app.js(
        "return [...document.querySelectorAll('[data-testid=related-list] .related-item .related-title')].map((e) => e.textContent)"
    )


def backlink_titles(app):
    return app.js("return [...document.querySelectorAll('.backlinks button')].map((e) => e.textContent)")


def test_related_picker_links_articles_and_the_other_shows_the_backlink(launch, cli):
    cli.new(FERRY, "Crews return to work after a pay deal.")
    cli.new(BRIDGE, "Engineers replaced the cables; ferries stop running as a detour.")
    app = launch()
    app.open_article(BRIDGE)
    app.tab("Related")
    assert "No related posts yet." in app.text_of('[data-testid="related-list"]')

    picker = app.by_label("Find an article to relate")
    picker.click()
    picker.send_keys("strike")
    wait_for(
        lambda: app.js("return [...document.querySelectorAll('#related-results [role=option]')].map((o) => o.firstChild.textContent)")
        == [FERRY],
        message="the picker to offer the ferry story (and not the open article)",
    )
    app.screenshot("04-related-picker")
    app.click("Add related")
    wait_for(lambda: related_titles(app) == [FERRY], message=lambda: f"the related list to hold the ferry story; it holds {related_titles(app)}")
    wait_for(
        lambda: app.in_preview("return [...doc.querySelectorAll('#related aside.related a')].map((a) => a.textContent)") == [FERRY],
        message="the preview to list the related story",
    )
    app.screenshot("05-related-list")

    # The related title opens the other article, whose "Linked from" names this one.
    app.click(FERRY)
    wait_for(lambda: app.field_value("#meta-headline") == FERRY, message="the related article to open")
    wait_for(lambda: backlink_titles(app) == [BRIDGE], message=lambda: f"the backlink to the bridge story; got {backlink_titles(app)}")
    app.screenshot("06-backlink")

    # And back through the backlink.
    app.click(BRIDGE)
    wait_for(lambda: app.field_value("#meta-headline") == BRIDGE, message="the backlink to open the bridge story")
    assert related_titles(app) == [FERRY]
    app.assert_no_error_toasts()
    assert [r.get("title") for r in cli.find(BRIDGE)["related"]] == [FERRY]
