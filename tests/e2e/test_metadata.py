"""Editing an article's details in the inspector: they show in the library and the preview and
are still there when the app is opened again."""

from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.select import Select

from conftest import wait_for

HEADLINE = "Council approves the new ferry timetable"


def test_dek_section_tags_and_status_persist(launch, cli):
    cli.new(HEADLINE, "The vote was 31 to 18.")
    app = launch()
    app.open_article(HEADLINE)

    app.set_field("#meta-dek", "Boats every twenty minutes from March")
    app.set_field("#meta-section", "Local")
    tags = app.by_label("Tags")
    tags.click()
    tags.send_keys("transport", Keys.ENTER)
    tags.send_keys("city hall", Keys.ENTER)
    wait_for(
        lambda: app.js("return [...document.querySelectorAll('.chips .chip span')].map((s) => s.textContent)")
        == ["transport", "city hall"],
        message="the two tags to show as chips",
    )
    # The same tags again in other capitals, and a new one: the core keeps each once, as first
    # written, and the chips show what it kept.
    tags.send_keys("TRANSPORT, City  Hall, ferries", Keys.ENTER)
    wait_for(
        lambda: app.js("return [...document.querySelectorAll('.chips .chip span')].map((s) => s.textContent)")
        == ["transport", "city hall", "ferries"],
        message="three chips, the repeats left out",
    )
    assert cli.find(HEADLINE)["tags"] == ["transport", "city hall", "ferries"]
    status = Select(app.by_label("Status"))
    assert status.first_selected_option.text == "Draft"
    status.select_by_visible_text("In edit")

    # The library row and the preview header follow.
    wait_for(
        lambda: app.row_parts(HEADLINE) == [HEADLINE, "In edit", "Local"],
        message=lambda: f"the library row to read 'In edit' and 'Local'; it reads {app.row_parts(HEADLINE)}",
    )
    wait_for(
        lambda: app.in_preview("return [doc.querySelector('#header .section')?.textContent, doc.querySelector('#header .dek')?.textContent]")
        == ["Local", "Boats every twenty minutes from March"],
        message="the preview header to show the section and the dek",
    )
    # The workflow moved on: the status menu now offers the next steps, not "Draft" only.
    wait_for(lambda: Select(app.by_label("Status")).first_selected_option.text == "In edit", message="status In edit")
    app.screenshot("02-metadata")
    app.assert_no_error_toasts()
    app.quit()

    again = launch()
    again.open_article(HEADLINE)
    assert again.field_value("#meta-dek") == "Boats every twenty minutes from March"
    assert again.field_value("#meta-section") == "Local"
    assert again.js("return [...document.querySelectorAll('.chips .chip span')].map((s) => s.textContent)") == [
        "transport",
        "city hall",
        "ferries",
    ]
    assert Select(again.by_label("Status")).first_selected_option.text == "In edit"
    saved = cli.find(HEADLINE)
    assert (saved["dek"], saved["section"], saved["tags"], saved["status"]) == (
        "Boats every twenty minutes from March",
        "Local",
        ["transport", "city hall", "ferries"],
        "editing",
    )


def test_a_slug_another_story_has_is_refused_at_the_field_and_nothing_changes(launch, cli):
    cli.new("Ferry fares rise in spring", "Tickets cost more.", slug="ferry-fares")
    cli.new(HEADLINE, "The vote was 31 to 18.")
    before = cli.find(HEADLINE)["slug"]
    app = launch()
    app.open_article(HEADLINE)

    app.set_field("#meta-slug", "ferry-fares")
    wait_for(
        lambda: "“ferry-fares” is already used" in app.text_of("#meta-slug-error"),
        message=lambda: f"the slug's error under the field; it reads {app.text_of('#meta-slug-error')!r}",
    )
    # The core's kind `duplicate_slug` marks the field; what was typed stays for the editor to change.
    assert app.css("#meta-slug").get_attribute("aria-invalid") == "true"
    assert app.field_value("#meta-slug") == "ferry-fares"
    assert cli.find(HEADLINE)["slug"] == before, "the story keeps its slug"
    assert cli.find("Ferry fares rise in spring")["slug"] == "ferry-fares", "the other story keeps its own"
    app.screenshot("02-slug-taken")
    app.assert_no_error_toasts()

    app.set_field("#meta-slug", "ferry-timetable")
    wait_for(lambda: cli.find(HEADLINE)["slug"] == "ferry-timetable", message="the free slug to be saved")
    wait_for(lambda: app.text_of("#meta-slug-error") == "", message="the error to go")
    assert app.css("#meta-slug").get_attribute("aria-invalid") is None
    app.quit()
