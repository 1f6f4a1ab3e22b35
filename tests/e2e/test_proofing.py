"""Spell and grammar checking in the editor, against the app's real checker (Hunspell's English
dictionary and Harper's grammar rules in the shell). A misspelling typed into a story is underlined
(red, wavy) once typing pauses; right-clicking it offers the dictionary's suggestions, and choosing
one fixes the word, takes the underline away and is saved like any typing. A name the dictionary
does not know is added to the library's own word list from the keyboard (Ctrl+. at the word) and is
then accepted in every article, until it is removed from the list again (⋯ → Spelling and grammar…). A grammar
problem is underlined in its own style, and hovering over it shows the rule's message."""

import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import WAIT, descendants, is_running, process_name, wait_for

HEADLINE = "Council to meet on Tuesday"
OTHER = "Brankovic returns to the port"
MISSPELT = "The mayor said teh council would meet."
FIXED = "The mayor said the council would meet."
GRAMMAR = "This is an test."
NAME = "Brankovic spoke to the council."

# Longer than CodeMirror waits before it shows a hover tooltip (300 ms).
HOVER_TIME = 0.6
# The first check loads the dictionaries (a debug build takes a few seconds for that).
FIRST_CHECK = max(WAIT, 30)

UNDERLINED = """
return [...document.querySelectorAll('.cm-content .cm-proof-spelling, .cm-content .cm-proof-grammar')]
  .map((el) => [el.classList.contains('cm-proof-spelling') ? 'spelling' : 'grammar', el.textContent]);
"""
MARK = """
const [kind, text] = arguments;
return [...document.querySelectorAll('.cm-content .cm-proof-' + kind)].find((el) => el.textContent === text) || null;
"""
MENU = """
const menu = document.querySelector('.menu[role="menu"]');
return menu && {
  title: menu.querySelector('.menu-title')?.textContent,
  items: [...menu.querySelectorAll('[role="menuitem"]')].map((b) => b.textContent),
  focused: document.activeElement?.closest('.menu') ? document.activeElement.textContent : null,
};
"""
# The hover tooltip, if one is shown: its text and where it is against the word it is about
# (`arguments[0]`).
TOOLTIP = """
const tip = document.querySelector('.cm-tooltip-lint');
if (!tip || getComputedStyle(tip).visibility === 'hidden') return null;
const t = tip.getBoundingClientRect(), w = arguments[0].getBoundingClientRect();
return {text: tip.textContent, top: t.top, gap: t.bottom - w.top, shift: t.left - w.left};
"""
EDITOR_FOCUSED = "return document.activeElement?.getAttribute('aria-label') === 'Article body'"


def checkers(app) -> list[int]:
    """The app's spelling checker processes (newsroom-proofer; /proc's name holds 15 characters)."""
    return [p for p in descendants(app.pid) if process_name(p) == "newsroom-proofe" and is_running(p)]


def underlined(app) -> list[list[str]]:
    return app.js(UNDERLINED)


def underline(app, kind: str, text: str, timeout: float = WAIT):
    """The underline of `text` as a `kind` problem, once the check has drawn it."""
    return wait_for(
        lambda: app.js(MARK, kind, text),
        timeout,
        message=lambda: f"a {kind} underline on {text!r}; the editor underlines {underlined(app)}",
    )


def menu(app) -> dict | None:
    return app.js(MENU)


def pointer(app, act) -> None:
    """Runs mouse actions, then releases the input state: WebKit's driver otherwise types the next
    capital letter in lower case."""
    chain = ActionChains(app.driver)
    act(chain)
    chain.perform()
    chain.reset_actions()


def hover_over(app, mark) -> dict:
    """Rests the pointer on `mark` until its tooltip is in place (drawn outside the window, then
    measured and moved) and returns what TOOLTIP reads of it. A check answering meanwhile closes
    the tooltip, as @codemirror/lint does for every new set of problems: then the pointer leaves
    and comes back, as a user's would."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        pointer(app, lambda chain: chain.move_to_element(app.css('[data-testid="save-state"]')).move_to_element(mark))
        rested = time.monotonic()
        while time.monotonic() - rested < 2:
            shown = app.js(TOOLTIP, mark)
            if shown and shown["top"] >= 0:
                return shown
            time.sleep(0.05)
    pytest.fail(f"no tooltip in place on hover over {mark.text!r}; there is {app.js(TOOLTIP, mark)}", pytrace=False)


def open_menu_by_right_click(app, mark) -> dict:
    pointer(app, lambda chain: chain.context_click(mark))
    return wait_for(lambda: menu(app), message="the problem's menu to open on right-click")


def test_misspellings_names_and_grammar_are_underlined_and_fixed_from_their_menu(launch, cli):
    article = cli.new(HEADLINE)
    other = cli.new(OTHER, "Brankovic met teh press at the quay.")
    app = launch()
    app.open_article(HEADLINE)

    # Typed, then checked once typing pauses: the misspellings and the grammar problem, each drawn
    # its own way, and counted in the status bar. (Everything is typed first: after a right-click,
    # WebKit's driver types capitals in lower case.)
    app.type_body(MISSPELT, GRAMMAR, NAME)
    teh = underline(app, "spelling", "teh", FIRST_CHECK)
    underline(app, "spelling", "Brankovic")
    underline(app, "grammar", "an")
    assert underlined(app) == [["spelling", "teh"], ["grammar", "an"], ["spelling", "Brankovic"]], underlined(app)
    assert app.text_of('[data-testid="proof-status"]') == "2 spelling · 1 grammar"
    styles = app.js(
        "return [...arguments].map((el) => { const s = getComputedStyle(el); return [s.textDecorationLine, s.textDecorationStyle]; })",
        teh,
        app.js(MARK, "grammar", "an"),
    )
    assert styles == [["underline", "wavy"], ["underline", "dashed"]], styles

    # Right-click: the dictionary's suggestions first, then the dictionary and ignoring.
    shown = open_menu_by_right_click(app, teh)
    assert shown["title"] == "“teh” is not in the dictionary.", shown
    assert "the" in shown["items"][:5], shown
    assert shown["items"][-2:] == ["Add “teh” to dictionary", "Ignore"], shown
    # The pointer rests on the word, but the menu is not covered by its hover tooltip.
    time.sleep(HOVER_TIME)
    assert not app.js(TOOLTIP, teh), app.js(TOOLTIP, teh)
    app.screenshot("proofing")

    app.click("the")
    wait_for(lambda: menu(app) is None, message="the menu to close")
    fixed = f"{FIXED}\n{GRAMMAR}\n{NAME}"
    wait_for(lambda: app.editor_text() == fixed, message=lambda: f"the word fixed; the editor shows {app.editor_text()!r}")
    assert app.js(EDITOR_FOCUSED), "the focus went back to the editor"
    assert underlined(app) == [["grammar", "an"], ["spelling", "Brankovic"]], underlined(app)
    app.wait_saved()
    wait_for(lambda: cli.show(article)["body"] == fixed, message="the library to hold the fix", interval=0.25)

    # The grammar problem: its message on hover, beside the word; its menu has no dictionary.
    an = underline(app, "grammar", "an")
    hover = hover_over(app, an)
    tooltip = hover["text"]
    assert "Grammar" in tooltip, tooltip
    assert hover["top"] >= 0 and abs(hover["gap"]) < 12 and abs(hover["shift"]) < 40, f"the tooltip sits just above the word: {hover}"
    app.screenshot("proofing-hover")
    shown = open_menu_by_right_click(app, an)
    assert shown["title"] and shown["title"] in tooltip, (shown, tooltip)
    assert "a" in shown["items"], shown
    assert not any("dictionary" in item for item in shown["items"]), shown
    app.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait_for(lambda: menu(app) is None, message="Escape to close the menu")
    assert app.js(EDITOR_FOCUSED), "Escape gave the focus back to the editor"
    assert app.editor_text() == fixed, app.editor_text()

    # A name the dictionary does not know, added from the keyboard: Ctrl+. at the word, arrows, Enter.
    underline(app, "spelling", "Brankovic").click()
    app.editor().send_keys(Keys.CONTROL, ".")
    shown = wait_for(lambda: menu(app), message="Ctrl+. to open the menu of the word at the cursor")
    assert shown["title"] == "“Brankovic” is not in the dictionary.", shown
    add = "Add “Brankovic” to dictionary"
    for _ in shown["items"]:
        if menu(app)["focused"] == add:
            break
        app.driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    assert menu(app)["focused"] == add, menu(app)
    app.driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait_for(lambda: menu(app) is None, message="Enter to choose and close the menu")
    wait_for(
        lambda: underlined(app) == [["grammar", "an"]],
        message=lambda: f"Brankovic's underline to go; the editor underlines {underlined(app)}",
    )
    assert app.js(EDITOR_FOCUSED), "the focus went back to the editor"
    assert app.editor_text() == fixed, app.editor_text()

    # Every article accepts it now; this one's misspelling shows it has been checked.
    app.open_article(OTHER)
    underline(app, "spelling", "teh", FIRST_CHECK)
    assert underlined(app) == [["spelling", "teh"]], underlined(app)
    assert cli.show(other)["body"] == "Brankovic met teh press at the quay."

    # The library's word list (⋯ → Spelling and grammar…) holds the name; removing it flags it again here.
    app.click("More article actions")
    app.click("Spelling and grammar…")
    words = '[data-testid="dictionary-words"] li span'
    wait_for(lambda: app.js(f"return [...document.querySelectorAll('{words}')].map((s) => s.textContent)") == ["Brankovic"],
             message="the dictionary to list Brankovic")
    app.click("Remove “Brankovic”")
    wait_for(lambda: "No words yet." in app.text_of('[data-testid="dictionary-dialog"]'), message="the dictionary to be empty")
    app.click("Close")
    underline(app, "spelling", "Brankovic")
    assert underlined(app) == [["spelling", "Brankovic"], ["spelling", "teh"]], underlined(app)

    # Checking as you type, switched off for the library: the underlines and the count go, and
    # the choice is the library's (the command line reads it back); on again, they return.
    status = '[data-testid="proof-status"]'
    app.click("More article actions")
    app.click("Spelling and grammar…")
    box = app.visible('[data-testid="check-as-you-type"]', "the checking switch")
    wait_for(lambda: box.is_selected() and box.is_enabled(), message="the switch to show checking on")
    app.screenshot("spelling-and-grammar")
    assert len(checkers(app)) == 1, "one checker process runs beside the app"
    box.click()
    wait_for(lambda: underlined(app) == [], message=lambda: f"the underlines to go; the editor underlines {underlined(app)}")
    # Off, the checker process ends: its memory is the system's again.
    wait_for(lambda: checkers(app) == [], message=lambda: f"the checker process to end; running: {checkers(app)}")
    assert app.js(f"return document.querySelector('{status}').hidden"), "the status bar's count is hidden"
    assert "Checking as you type is off." in cli("dictionary", "as-you-type")
    box.click()
    app.click("Close")
    underline(app, "spelling", "teh", FIRST_CHECK)
    assert underlined(app) == [["spelling", "Brankovic"], ["spelling", "teh"]], underlined(app)
    assert "2 spelling" in app.text_of(status)
    assert len(checkers(app)) == 1, "the next check started the checker again"
    assert "Checking as you type is on." in cli("dictionary", "as-you-type")
    app.assert_no_error_toasts()
