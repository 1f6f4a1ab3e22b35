"""The workspace folder with the real app: an outside edit reaches the open editor in place, a
conflict is resolved in the UI, and typing survives the app being killed."""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

from selenium.webdriver.common.keys import Keys

from conftest import is_running, kill_tree, wait_for

HEADLINE = "Harbour bridge reopens"
PARAGRAPHS = [
    "The harbour bridge reopened on Monday after eight months of repairs.",
    "Engineers replaced 1,200 bolts and resurfaced both lanes.",
    "Cars crossed the bridge at dawn.",
    "Ferry services added during the closure will stop at the end of the month.",
]
BODY = "\n\n".join(PARAGRAPHS) + "\n"

# Where the caret is, as the page shows it: the text of its line and the offset in that line.
CARET = """
const sel = window.getSelection();
if (!sel || !sel.focusNode) return null;
const node = sel.focusNode.nodeType === 1 ? sel.focusNode : sel.focusNode.parentElement;
const line = node && node.closest('.cm-line');
if (!line) return null;
const range = document.createRange();
range.selectNodeContents(line);
range.setEnd(sel.focusNode, sel.focusOffset);
return {line: line.textContent, offset: range.toString().length};
"""


def article_file(workspace: Path, slug: str = "harbour-bridge-reopens") -> Path:
    """The article's Markdown file, once the app has written it."""
    return wait_for(
        lambda: next((p for p in workspace.rglob(f"{slug}.md") if "inbox" not in p.parts), None),
        message=lambda: f"{slug}.md in the workspace; it holds {sorted(str(p.relative_to(workspace)) for p in workspace.rglob('*'))}",
    )


def split_file(text: str) -> tuple[str, str]:
    """Front matter (with its fences) and body of an article file."""
    assert text.startswith("---\n"), text[:80]
    end = text.index("\n---\n", 4) + len("\n---\n")
    return text[:end], text[end:]


def body_of(path: Path) -> str:
    return split_file(path.read_text())[1]


def rewrite_body(path: Path, body: str, how: str = "rename") -> None:
    """Another program saves the file with a new body, the front matter kept: by writing a
    temporary file and renaming it over the old one, or by truncating and writing in place."""
    front, _ = split_file(path.read_text())
    text = front + body
    if how == "rename":
        temp = path.with_name(f".{path.name}.tmp")
        temp.write_text(text)
        os.replace(temp, path)
    else:
        with open(path, "w") as f:
            f.write(text)


def open_story(launch, cli):
    cli.new(HEADLINE, BODY)
    app = launch()
    wait_for(lambda: app.field_value("#meta-headline") == HEADLINE, message="the article to open")
    return app


def test_an_outside_edit_reaches_the_open_editor_in_place(launch, cli):
    app = open_story(launch, cli)
    path = article_file(app.workspace)
    assert body_of(path) == BODY

    # The cursor sits at the end of the third paragraph.
    line = app.js(
        "return [...document.querySelectorAll('.cm-content .cm-line')].findIndex((l) => l.textContent === arguments[0])",
        PARAGRAPHS[2],
    )
    assert line >= 0, app.editor_text()
    app.all_css(".cm-content .cm-line")[line].click()
    app.editor().send_keys(Keys.END)
    wait_for(lambda: app.js(CARET) == {"line": PARAGRAPHS[2], "offset": len(PARAGRAPHS[2])}, message="the caret at the end of the third paragraph")

    # Another program rewrites the first paragraph and adds one at the end; both ways of saving.
    latencies = []
    for i, how in enumerate(["rename", "truncate", "rename", "truncate", "rename"]):
        first = f"The harbour bridge reopened on Monday (edit {i}) after eight months of repairs."
        body = BODY.replace(PARAGRAPHS[0], first) + f"\nA line added outside, number {i}.\n"
        expected = body
        start = time.monotonic()
        rewrite_body(path, body, how)
        wait_for(
            lambda: app.editor_text() == expected,
            message=lambda: f"the editor to show the file's text ({how}); it shows {app.editor_text()!r}",
            interval=0.01,
        )
        latencies.append(time.monotonic() - start)
        # The cursor stayed where it was: same line, same place in it.
        assert app.js(CARET) == {"line": PARAGRAPHS[2], "offset": len(PARAGRAPHS[2])}, app.js(CARET)
    print(f"outside edit -> editor: median {statistics.median(latencies) * 1000:.0f} ms, all {[round(x * 1000) for x in latencies]} ms")

    assert any(t.startswith("Updated from harbour-bridge-reopens.md") for t in app.toasts("info")), app.toasts()
    # Not echoed back as typing: the file keeps exactly what the other program wrote.
    time.sleep(1)
    assert body_of(path) == body

    # The preview shows the file's text too, and typing on from it patches that preview.
    wait_for(
        lambda: "(edit 4)" in app.preview_content_html() and "number 4." in app.preview_content_html(),
        message=lambda: f"the preview to show the file's text; it shows {app.preview_content_html()[:300]!r}",
    )
    app.editor().send_keys(" Typed after.")
    wait_for(
        lambda: "Typed after." in app.preview_content_html() and "(edit 4)" in app.preview_content_html(),
        message=lambda: f"the preview to show the typing; it shows {app.preview_content_html()[:300]!r}",
    )

    # The "⋯" menu says where the folder is.
    app.click("More article actions")
    app.click("Workspace folder…")
    shown = wait_for(lambda: app.text_of('[data-testid="workspace-path"]') not in ("", "…") and app.text_of('[data-testid="workspace-path"]'), message="the workspace path")
    assert Path(shown).resolve() == app.workspace.resolve(), shown
    assert "appear at once" in app.text_of('[data-testid="workspace-mode"]') or "checked every second" in app.text_of('[data-testid="workspace-mode"]')
    app.click("Close")
    app.assert_no_error_toasts()


def test_a_conflict_is_shown_and_resolved_with_the_files_version(launch, cli, screenshots):
    app = open_story(launch, cli)
    path = article_file(app.workspace)
    banner = '[data-testid="conflict-banner"]'

    # The app saves its edit; before the sync writes it to the file (it waits for typing to
    # settle), another program saves the file too. Both changed: a conflict. Should the sync win
    # the race and write first, the outside save is a plain edit; then try again.
    file_body = None
    for attempt in range(3):
        app.type_body("", f"Typed in the app, round {attempt}.")
        app.wait_saved()
        file_body = BODY.replace("at dawn", f"at dawn, said the file (round {attempt})")
        rewrite_body(path, file_body, "truncate")
        try:
            wait_for(lambda: app.css(banner).is_displayed(), timeout=4, message="the conflict banner")
            break
        except BaseException:  # pytest's Failed: the outside save came after the sync's write
            if attempt == 2:
                raise
    app_text = app.editor_text()
    assert "Typed in the app" in app_text
    assert "This story was changed in the app and in its file unfiled/harbour-bridge-reopens.md. Neither was overwritten." in app.text_of(banner)
    assert body_of(path) == file_body, "the file was not overwritten"
    wait_for(lambda: app.all_css('[data-testid="row-conflict"]'), message="the conflict marker in the library list")
    screenshots.take("20-conflict-banner")

    app.click("Compare and resolve")
    view = app.visible('[data-testid="conflict-view"]', "the conflict view")
    assert not app.css("#write-view").is_displayed(), "the comparison takes the editor's place"
    heads = app.js("return [...document.querySelectorAll('[data-testid=conflict-view] [data-testid=diff-table] th')].map((t) => t.textContent)")
    assert heads[-2:] == ["In the app", "In the file unfiled/harbour-bridge-reopens.md"], heads
    marked = app.js("return [...document.querySelectorAll('[data-testid=conflict-view] ins')].map((e) => e.textContent).join(' ')")
    assert "said" in marked, marked
    assert view.is_displayed()
    screenshots.take("21-conflict-view")

    app.click("Merge by hand")
    merge = app.visible('[data-testid="merge-text"]', "the merge text area")
    assert merge.get_property("value") == app_text + "\n" or merge.get_property("value").rstrip("\n") == app_text
    screenshots.take("22-conflict-merge")
    app.click("Back to the comparison")

    app.click("Take the file’s version")
    wait_for(lambda: app.css("#write-view").is_displayed(), message="the editor back in place")
    wait_for(lambda: app.editor_text() == file_body, message=lambda: f"the file's text in the editor; it shows {app.editor_text()!r}")
    wait_for(lambda: not app.css(banner).is_displayed(), message="the banner to go")
    wait_for(lambda: not app.all_css('[data-testid="row-conflict"]'), message="the list marker to go")
    assert body_of(path) == file_body
    assert any("The file’s version was taken" in t for t in app.toasts("info")), app.toasts()

    # The app's version is in the history, kept in the conflict.
    app.tab("History")
    wait_for(
        lambda: "conflict" in app.js("return [...document.querySelectorAll('[data-testid=revision]')].map((r) => r.dataset.cause)"),
        message="a revision kept in the conflict",
    )
    app.assert_no_error_toasts()


def test_typing_not_yet_saved_and_an_outside_edit_make_a_conflict(launch, cli, screenshots):
    """Another program saves the file while the editor's typing still waits for its save (it is
    debounced): the file's version is taken in first, then the typing's save arrives. Neither
    may win silently: both are kept and the conflict is shown."""
    app = open_story(launch, cli)
    path = article_file(app.workspace)
    banner = '[data-testid="conflict-banner"]'
    typed = "Typed while the file was being saved elsewhere."
    app.type_body("", typed)
    file_body = BODY.replace("at dawn", "at dawn, said the file")
    rewrite_body(path, file_body, "rename")
    state_after_write = app.save_state()

    wait_for(lambda: app.css(banner).is_displayed(), timeout=5, message=lambda: f"the conflict banner (the save state read {state_after_write!r} right after the file was written)")
    assert app.editor_text().endswith(typed), app.editor_text()
    app.wait_saved()
    time.sleep(1)
    assert body_of(path) == file_body, "the file was not overwritten"

    app.click("Compare and resolve")
    app.visible('[data-testid="conflict-view"]', "the conflict view")
    table = app.text_of('[data-testid="conflict-view"] [data-testid="diff-table"]')
    assert typed in table and "said the file" in table, table
    screenshots.take("23-conflict-typing-over-outside-edit")

    app.click("Keep the app’s version")
    wait_for(lambda: app.css("#write-view").is_displayed(), message="the editor back in place")
    wait_for(lambda: not app.css(banner).is_displayed(), message="the banner to go")
    wait_for(lambda: body_of(path).rstrip("\n").endswith(typed), message=lambda: f"the app's text in the file; it holds {body_of(path)!r}")
    assert "said the file" not in body_of(path)
    # The file's version stays in the history.
    app.tab("History")
    wait_for(
        lambda: "conflict" in app.js("return [...document.querySelectorAll('[data-testid=revision]')].map((r) => r.dataset.cause)"),
        message="a revision kept in the conflict",
    )
    app.assert_no_error_toasts()


def killed_after(launch, cli, wait) -> None:
    """Types, waits as `wait` says, kills the app with SIGKILL, and finds the text after a restart
    (in the editor, and in the workspace file once the start-up scan repaired it)."""
    app = open_story(launch, cli)
    typed = "Written just before the crash."
    app.type_body("", typed)
    wait(app)
    pid = app.pid
    kill_tree(pid)
    wait_for(lambda: not is_running(pid), message="the app to die")
    app.quit()

    again = launch()
    wait_for(lambda: again.field_value("#meta-headline") == HEADLINE, message="the article to reopen after the crash")
    wait_for(lambda: again.editor_text().endswith(typed), message=lambda: f"the typed text after the restart; the editor shows {again.editor_text()!r}")
    path = article_file(again.workspace)
    wait_for(lambda: body_of(path).rstrip("\n").endswith(typed), message="the workspace file to catch up at start")
    again.assert_no_error_toasts()


def test_typing_survives_a_kill_after_saved(launch, cli):
    killed_after(launch, cli, lambda app: app.wait_saved())


def test_typing_survives_a_kill_300_ms_after_the_last_keystroke(launch, cli):
    killed_after(launch, cli, lambda app: time.sleep(0.3))
