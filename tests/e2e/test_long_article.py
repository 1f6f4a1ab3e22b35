"""A long article opens with its preview drawn in two stages (the top first): all of it arrives,
and editing near its end still patches the preview."""

from selenium.webdriver.common.keys import Keys

from conftest import wait_for

PARAGRAPHS = 150


def paragraphs(app):
    return app.in_preview("return [...doc.querySelectorAll('#content > p')].map((p) => p.textContent)")


def test_a_long_article_is_previewed_whole_and_stays_in_step(launch, cli):
    body = "\n\n".join(f"Paragraph {i} of the council's budget report." for i in range(PARAGRAPHS))
    cli.new("Budget report in full", body)
    cli.new("A short brief", "One paragraph.")
    app = launch()
    app.open_article("Budget report in full")
    expected = [f"Paragraph {i} of the council's budget report." for i in range(PARAGRAPHS)]
    wait_for(lambda: paragraphs(app) == expected, message=lambda: f"the preview to show all {PARAGRAPHS} paragraphs in order; it shows {len(paragraphs(app))}")

    # Another article and back: drawn in stages again, whole again.
    app.open_article("A short brief")
    wait_for(lambda: paragraphs(app) == ["One paragraph."], message="the short article's preview")
    app.open_article("Budget report in full")
    wait_for(lambda: paragraphs(app) == expected, message="the long article's preview to be whole again")

    # Typing at the end of the body: the block patcher follows the whole article.
    app.type_body(" Amended.")
    wait_for(
        lambda: (paragraphs(app) or [""])[-1] == f"Paragraph {PARAGRAPHS - 1} of the council's budget report. Amended.",
        message=lambda: f"the last paragraph to be patched; it reads {(paragraphs(app) or [''])[-1]!r}",
    )
    assert len(paragraphs(app)) == PARAGRAPHS
    app.assert_no_error_toasts()


def test_editing_in_the_middle_leaves_the_preview_exactly_as_a_fresh_render(launch, cli):
    """Typing sends only the edit and gets back only the changed blocks (newsroom::live_preview);
    after new lines, a fence opened and closed, a list started and text deleted in the middle of a
    long article, the preview must be exactly what opening the article draws from scratch, source
    positions included (scroll sync reads them)."""
    parts = []
    for i in range(30):
        parts += [f"## Section {i}", f"Paragraph {i} of the *council's* budget report.", f"- item {i}a\n- item {i}b", f"> Quote {i}."]
    cli.new("Budget report with sections", "\n\n".join(parts))
    cli.new("A short brief", "One paragraph.")
    app = launch()
    app.open_article("Budget report with sections")
    wait_for(lambda: "Quote 29." in app.preview_content_html(), message="the whole preview")

    ed = app.editor()
    ed.click()
    ed.send_keys(Keys.CONTROL, Keys.HOME)
    for _ in range(40):  # to the heading of section 4
        ed.send_keys(Keys.ARROW_DOWN)
    ed.send_keys(Keys.END, " Amended", Keys.ENTER, Keys.ENTER, "A new paragraph.", Keys.ENTER, Keys.ENTER)
    # A fence left open swallows the rest of the story, and deleting it gives it back.
    ed.send_keys("```", Keys.ENTER, "fenced")
    wait_for(lambda: "Quote 29.</code>" in preview_text(app), message="the open fence to hold the rest of the story")
    ed.send_keys(*[Keys.BACKSPACE] * len("```\nfenced"))
    wait_for(lambda: "fenced" not in preview_text(app), message="the fence to be gone")
    # Lines added and removed well above the blocks that follow.
    for _ in range(6):
        ed.send_keys(Keys.ARROW_DOWN)
    ed.send_keys(Keys.END, Keys.ENTER, Keys.ENTER, "A later paragraph.", Keys.ENTER, Keys.ENTER, "And one more.")
    ed.send_keys(Keys.ARROW_UP, Keys.ARROW_UP, Keys.HOME, Keys.SHIFT, Keys.ARROW_DOWN)
    ed.send_keys(Keys.BACKSPACE)
    app.wait_saved()
    wait_for(lambda: "And one more." in preview_text(app), message="the paragraph typed last")
    patched = blocks_shown(app)
    for typed in ["Amended", "A new paragraph.", "And one more.", "Quote 29."]:
        assert typed in patched
    assert "A later paragraph." not in patched, "the line deleted last"

    app.open_article("A short brief")
    wait_for(lambda: "One paragraph." in app.preview_content_html(), message="the short article's preview")
    app.open_article("Budget report with sections")
    wait_for(
        lambda: blocks_shown(app) == patched,
        message=lambda: f"the freshly drawn preview to equal the patched one: {first_difference(blocks_shown(app), patched)}",
    )
    app.assert_no_error_toasts()


def preview_text(app) -> str:
    return app.preview_content_html()


def blocks_shown(app) -> str:
    """The preview's blocks, one a line (the white space between them shows nothing)."""
    return app.in_preview(
        "return [...doc.getElementById('content').childNodes]"
        ".map((n) => n.nodeType === 1 ? n.outerHTML : n.nodeType === 8 ? `<!--${n.data}-->` : n.data.trim())"
        ".filter(Boolean).join('\\n')"
    )


def first_difference(fresh: str, patched: str) -> str:
    at = next((i for i, (a, b) in enumerate(zip(fresh, patched)) if a != b), min(len(fresh), len(patched)))
    return f"at {at}, fresh {fresh[max(0, at - 80):at + 80]!r}, patched {patched[max(0, at - 80):at + 80]!r}"
