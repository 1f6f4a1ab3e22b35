"""Closing the window never loses the last edit: the close button waits for the page to save what
the editor typed, however recently, and then the app quits."""

from conftest import wait_for

HEADLINE = "Harbour crane arrives"


def test_the_close_button_saves_words_typed_a_moment_before(launch, cli):
    article = cli.new(HEADLINE, "The crane arrived at dawn.")
    app = launch()
    wait_for(lambda: app.field_value("#meta-headline") == HEADLINE, message="the article to open")
    app.type_body("", "", "Dockers worked through the night.")
    # At once, well inside the save's 200 ms debounce: only the close flow can save these words.
    app.click_close_button()
    app.wait_exited()
    body = cli.show(article)["body"]
    assert body == "The crane arrived at dawn.\n\nDockers worked through the night.", body
