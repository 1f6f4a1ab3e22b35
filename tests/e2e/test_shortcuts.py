"""The keyboard shortcuts: the list the window shows (written the way this platform writes them) and
what a few of them do."""

from selenium.webdriver.common.keys import Keys

from conftest import wait_for

DIALOG = '[data-testid="shortcuts-dialog"]'


def rows(app) -> dict[str, str]:
    """The dialog's rows: what each does -> its keys as shown."""
    return app.js(
        """
        const list = document.querySelector('[data-testid="shortcuts-dialog"] .shortcut-list');
        const out = {};
        for (const dt of list.querySelectorAll('dt')) out[dt.nextElementSibling.textContent] = dt.textContent;
        return out;
        """
    )


def test_the_shortcut_list_opens_from_the_keyboard_and_names_linux_keys(launch, cli):
    cli.new("Council approves budget", "The vote was seven to two.")
    app = launch()
    wait_for(lambda: app.field_value("#meta-headline") == "Council approves budget", message="the article to open")
    assert "Ctrl+/ shows the keyboard shortcuts" in app.text_of('[data-testid="statusbar"]')

    app.editor().send_keys(Keys.CONTROL, "/")
    dialog = app.visible(DIALOG, "the shortcuts dialog")
    assert "Keyboard shortcuts" in dialog.text
    shown = rows(app)
    # Linux writes Ctrl, never the Mac's symbols; redo is Ctrl+Y here (⇧⌘Z on a Mac).
    assert shown["Save now (records a revision)"] == "Ctrl+S"
    assert shown["Revision history"] == "Ctrl+Shift+Y"
    assert shown["Redo"] == "Ctrl+Y"
    assert shown["Search the library"] == "Ctrl+Shift+F, Ctrl+P"
    assert not any("⌘" in keys for keys in shown.values()), shown
    app.screenshot("shortcuts-dialog")
    # The key is the list's alone: the editor's comment toggle would have hidden the paragraph
    # from the story inside <!-- -->.
    assert app.editor_text() == "The vote was seven to two.", app.editor_text()

    dialog.send_keys(Keys.ESCAPE)
    wait_for(lambda: not app.all_css(DIALOG), message="Escape to close the dialog")

    # A listed shortcut does what the list says: Ctrl+Shift+F puts the cursor in the search.
    app.editor().send_keys(Keys.CONTROL, Keys.SHIFT, "f")
    wait_for(
        lambda: app.js("return document.activeElement?.getAttribute('aria-label')") == "Search articles",
        message="Ctrl+Shift+F to focus the search",
    )
    app.assert_no_error_toasts()
