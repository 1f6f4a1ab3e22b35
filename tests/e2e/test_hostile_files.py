"""Hostile and odd files arriving in the workspace while the editor types: a link to a private
file, a FIFO nobody writes to, 200 KB of nested front matter and a megabyte of nested image
brackets, a 2 MB article. Typing goes on and is saved, each file that cannot be an article is named in one
sentence, and nothing private is read."""

from __future__ import annotations

import os

from conftest import wait_for

HEADLINE = "Council approves budget"
SECRET = "aws_secret_access_key = hunter2\n"


def test_typing_goes_on_while_hostile_files_arrive(launch, cli, tmp_path, workspace):
    cli.new(HEADLINE, "The vote was seven to two.")
    app = launch()
    wait_for(lambda: app.field_value("#meta-headline") == HEADLINE, message="the article to open")
    wait_for(lambda: app.invoke("workspace_status")["root"], message="the workspace sync to start")

    secret = tmp_path / "credentials"
    secret.write_text(SECRET)
    world = workspace / "world"
    world.mkdir(parents=True, exist_ok=True)
    app.type_body("", "First line typed while files arrive.")
    (world / "leak.md").symlink_to(secret)
    os.mkfifo(world / "pipe.md")
    (world / "nested.md").write_text("---\ntitle: " + "[" * 100_000 + "x" + "]" * 100_000 + "\n---\nBody\n")
    (world / "brackets.md").write_text("# Brackets\n\n" + "[![" * 330_000 + "\n")
    (world / "huge.md").write_text("---\nheadline: Huge\n---\n" + "Every word counts. " * 120_000)
    app.type_body("", "Second line typed after they arrived.")
    app.wait_saved()

    said = lambda: " ".join(app.toasts("error"))
    wait_for(lambda: "leak.md: " in said() and "is a symbolic link" in said(), message=lambda: f"the link named; toasts: {app.toasts()}")
    wait_for(lambda: "pipe.md: " in said() and "named pipe (FIFO)" in said(), message=lambda: f"the FIFO named; toasts: {app.toasts()}")
    wait_for(lambda: "nested.md: " in said() and "64 KB" in said(), message=lambda: f"the nested front matter named; toasts: {app.toasts()}")
    wait_for(lambda: "huge.md: " in said() and "more than the 1.0 MB" in said(), message=lambda: f"the 2 MB article named; toasts: {app.toasts()}")
    app.screenshot("hostile-files")

    # The typing was saved as typed, and the sync wrote it to the article's file meanwhile.
    body = cli.show("council-approves-budget")["body"]
    assert "First line typed while files arrive." in body and "Second line typed after they arrived." in body, body
    wait_for(
        lambda: "Second line typed after they arrived." in next(workspace.rglob("council-approves-budget.md")).read_text(),
        message="the article's file to take the typing",
    )
    # Nothing private became an article; the odd files are left as they were.
    headlines = [a["headline"] for a in cli.list()]
    assert not any("hunter2" in h or "aws_secret" in h for h in headlines), headlines
    assert (world / "leak.md").is_symlink() and secret.read_text() == SECRET
