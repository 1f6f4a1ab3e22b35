"""Full-text search from the library sidebar."""

from selenium.webdriver.common.keys import Keys

from conftest import wait_for


def hits(app):
    return app.js(
        "return [...document.querySelectorAll('[data-testid=search-results] .hit .row-headline')].map((e) => e.textContent)"
    )


def test_search_lists_matching_articles_only(launch, cli):
    cli.new("Harbour bridge reopens", "Engineers replaced the rusted cables over the winter.")
    cli.new("Ferry strike ends", "Crews return to work after a pay deal.")
    cli.new("Library extends opening hours", "The reading room stays open until nine, including weekends.")
    app = launch()
    wait_for(lambda: len(app.library_headlines()) == 3, message="the library to list the three articles")

    search = app.by_label("Search articles")
    search.send_keys("cables")
    wait_for(lambda: hits(app) == ["Harbour bridge reopens"], message=lambda: f"only the bridge story to match; got {hits(app)}")
    assert app.visible('[data-testid="search-results"]').is_displayed()
    assert not app.css('[data-testid="library-list"]').is_displayed(), "the full list should give way to the results"
    # The snippet highlights the match.
    assert app.js("return document.querySelector('.hit .hit-snippet mark')?.textContent") == "cables"
    app.screenshot("03-search")

    search.send_keys(Keys.CONTROL, "a")
    search.send_keys("weekends")
    wait_for(lambda: hits(app) == ["Library extends opening hours"], message=lambda: f"only the library story; got {hits(app)}")

    search.send_keys(Keys.CONTROL, "a")
    search.send_keys("zeppelin")
    wait_for(lambda: "Nothing matches" in app.text_of('[data-testid="search-results"]'), message="a no-match message")

    # Clicking a hit opens it; Escape brings the whole list back.
    search.send_keys(Keys.CONTROL, "a")
    search.send_keys("pay deal")
    wait_for(lambda: hits(app) == ["Ferry strike ends"], message=lambda: f"only the ferry story; got {hits(app)}")
    app.css('[data-testid="search-results"] .hit').click()
    wait_for(lambda: app.field_value("#meta-headline") == "Ferry strike ends", message="the hit to open")
    search.click()
    search.send_keys(Keys.ESCAPE)
    wait_for(lambda: len(app.library_headlines()) == 3, message="Escape to bring back the full list")
    app.assert_no_error_toasts()
