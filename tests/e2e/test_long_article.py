"""A long article opens with its preview drawn in two stages (the top first): all of it arrives,
and editing near its end still patches the preview."""

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
