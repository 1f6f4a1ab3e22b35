"""Revision history: save a version, edit on, compare in the History tab, restore the old text."""

from selenium.webdriver.common.keys import Keys

from conftest import wait_for

INTRO = "\n\n".join(
    [
        "## A city reconnected",
        "The harbour bridge reopened on Monday after eight months of repairs to its steel deck.",
        "Engineers replaced 1,200 bolts and resurfaced both lanes, the city said.",
        "The work cost 14 million euros, two million more than planned.",
        "Ferry services added during the closure will stop at the end of the month.",
    ]
)
SAVED = "Cars crossed the bridge at dawn."
EDITED = "Cars crossed the bridge at noon."
ADDED = "Buses followed an hour later."


def revision_causes(app) -> list[str]:
    return app.js("return [...document.querySelectorAll('[data-testid=revision]')].map((r) => r.dataset.cause)")


def test_history_compares_a_saved_version_and_restores_it(launch, cli):
    cli.new("Harbour bridge reopens", INTRO + "\n\n")
    app = launch()
    wait_for(lambda: app.field_value("#meta-headline") == "Harbour bridge reopens", message="the article to open")

    # A first version, saved by hand: that records a revision.
    app.type_body(SAVED)
    app.wait_saved()
    editor = app.editor()
    editor.send_keys(Keys.CONTROL, "s")
    wait_for(lambda: any("Saved, with a revision" in t for t in app.toasts("info")), message="the save to be confirmed")

    # Edit on: one word changed, one line added.
    editor.send_keys(Keys.CONTROL, Keys.END)
    editor.send_keys(Keys.SHIFT, Keys.HOME)
    editor.send_keys(EDITED)
    app.type_body("", "", ADDED)
    app.wait_saved()
    assert app.editor_text() == f"{INTRO}\n\n{EDITED}\n\n{ADDED}", repr(app.editor_text())

    # The History tab opens from the keyboard, with its list focused, newest first.
    editor.send_keys(Keys.CONTROL, Keys.SHIFT, "y")
    wait_for(
        lambda: app.css('#tab-history').get_attribute("aria-selected") == "true",
        message="Ctrl+Shift+Y to open the History tab",
    )
    wait_for(lambda: len(revision_causes(app)) >= 2, message=lambda: f"two revisions or more; the list shows {revision_causes(app)}")
    assert revision_causes(app)[0] == "manual", revision_causes(app)
    assert "Saved" in app.text_of('[data-testid=revision]')
    assert app.text_of('[data-testid=retention]').startswith("Every revision from the last 24 hours is kept")
    wait_for(
        lambda: app.js("return document.activeElement?.dataset.testid") == "revision",
        message="the newest revision to have the keyboard focus",
    )

    # Arrow keys move the selection; each selected revision is compared with the current text.
    focused = app.driver.switch_to.active_element
    focused.send_keys(Keys.ARROW_DOWN)
    wait_for(lambda: app.text_of("#revision-title").startswith("Revision 1 "), message="the oldest revision to be shown")
    app.driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
    wait_for(
        lambda: app.text_of("#revision-title") == "Revision 2 · Saved",
        message=lambda: f'the saved revision to be shown (title: "{app.text_of("#revision-title")}")',
    )
    assert app.css("#history-view").is_displayed()
    assert not app.css("#write-view").is_displayed(), "the comparison takes the editor's place"

    changes = app.js(
        """const t = document.querySelector('[data-testid=revision-view] [data-testid=diff-table]');
           return {
             heads: [...t.querySelectorAll('th')].map((e) => e.textContent),
             removed: [...t.querySelectorAll('del')].map((e) => e.textContent),
             inserted: [...t.querySelectorAll('ins')].map((e) => e.textContent),
             added: [...t.querySelectorAll('tr[data-kind=added] .diff-right')].map((e) => e.textContent),
             folded: [...t.querySelectorAll('tr[data-kind=folded]')].map((e) => e.textContent),
           }"""
    )
    assert changes["heads"][1] == "Current text", changes
    assert changes["heads"][0].startswith("Revision 2"), changes
    assert changes["removed"] == ["dawn"], changes
    assert changes["inserted"] == ["noon"], changes
    assert any(ADDED in line for line in changes["added"]), changes
    assert changes["folded"] == ["⋯ 7 unchanged lines"], changes
    assert app.text_of("[data-testid=diff-summary]") == "1 line changed · 2 added", app.text_of("[data-testid=diff-summary]")

    # The revision as it would be published, in a frame made (and loaded) when first asked for.
    assert app.js("return document.querySelector('iframe[data-testid=revision-frame]')") is None
    app.click("Rendered")
    wait_for(
        lambda: app.js(
            "const d = document.querySelector('iframe[data-testid=revision-frame]')?.contentDocument;"
            "return d?.getElementById('content')?.textContent.trim() ?? ''"
        ).endswith(SAVED),
        message="the rendered revision to show the saved text",
    )
    app.screenshot("history-rendered")
    app.click("Changes")
    app.screenshot("history-panel")

    # Restoring brings the saved text back into the editor and is itself a revision.
    app.click("Restore this version")
    wait_for(lambda: app.editor_text() == f"{INTRO}\n\n{SAVED}", message=lambda: f"the editor to show the restored text, not {app.editor_text()!r}")
    assert app.css("#write-view").is_displayed()
    wait_for(lambda: revision_causes(app)[:1] == ["restore"], message=lambda: f"a restore entry on top, not {revision_causes(app)}")
    causes = revision_causes(app)
    assert "typing" in causes, f"the replaced text is kept as a revision: {causes}"
    assert cli.find("Harbour bridge reopens")["body"] == f"{INTRO}\n\n{SAVED}"
    app.assert_no_error_toasts()
