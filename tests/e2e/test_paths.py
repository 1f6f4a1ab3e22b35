"""Paths come from the app's own dialogs and drops, never from the page: a script in the window
asking the shell to read a file, write pages or move the workspace with a path of its own is
refused with a sentence, and nothing happens."""

from pathlib import Path

from conftest import make_png, wait_for

HEADLINE = "Harbour reopens"


def test_paths_the_page_makes_up_are_refused_and_chosen_ones_work(launch, cli, tmp_path, workspace):
    cli.new(HEADLINE, "Ships are back.")
    app = launch()
    app.open_article(HEADLINE)
    articles = app.invoke("list_articles", {"filter": {}})
    article_id = articles[0]["id"]

    private = tmp_path / "passport.png"
    private.write_bytes(make_png(40, 30, seed=7))
    refused = app.invoke_refused("attach_photo_files", {"articleId": article_id, "paths": [str(private)], "featured": False})
    assert refused["kind"] == "invalid", refused
    assert "was not chosen in one of Newsroom's dialogs or dropped on its window" in refused["message"], refused

    elsewhere = tmp_path / "pages"
    elsewhere.mkdir()
    refused = app.invoke_refused("export_articles", {"ids": [article_id], "path": str(elsewhere), "singleFile": True})
    assert "was not chosen" in refused["message"], refused
    assert list(elsewhere.iterdir()) == [], "nothing was written"

    # The sync starts a moment after the first screen.
    wait_for(lambda: app.invoke("workspace_status")["root"], message="the workspace sync to start")
    refused = app.invoke_refused("choose_workspace", {"path": str(tmp_path)})
    assert "was not chosen" in refused["message"], refused
    root = app.invoke("workspace_status")["root"]
    assert root and Path(root).resolve() == workspace.resolve(), f"the sync stays where it was, not {root}"

    # The same file, chosen in the dialog, is attached.
    app.tab("Photos")
    app.answer_dialog([str(private)])
    app.click("Attach photo")
    wait_for(
        lambda: "passport.png" in app.text_of('[data-testid="photos"]'),
        message="the photo chosen in the dialog to be attached",
    )
    app.assert_no_error_toasts()
