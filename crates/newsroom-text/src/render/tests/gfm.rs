use super::*;

#[test]
fn gfm_extensions_render() {
    let html = export(
        "| a | b |\n|:--|--:|\n| 1 | ~~2~~ |\n\n- [ ] todo\n- [x] done\n\n\
         See www.example.com and <https://x.org> or me@x.org.[^n]\n\n[^n]: The note.\n",
    )
    .html;
    for expected in [
        "<table>",
        "<th align=\"left\">a</th>",
        "<td align=\"right\"><del>2</del></td>",
        "<input type=\"checkbox\" disabled=\"\" /> todo",
        "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> done",
        "<a href=\"http://www.example.com\">www.example.com</a>",
        "<a href=\"https://x.org\">https://x.org</a>",
        "<a href=\"mailto:me@x.org\">me@x.org</a>",
        "<sup class=\"footnote-ref\"><a href=\"#fn-n\" id=\"fnref-n\" data-footnote-ref>1</a></sup>",
        "<li id=\"fn-n\">",
        "class=\"footnote-backref\"",
    ] {
        assert!(html.contains(expected), "{expected} missing from {html}");
    }
}

#[test]
fn preview_carries_sourcepos_and_export_does_not() {
    let markdown = "# Title\n\nA paragraph.\n\n![a](photo:12)\n";
    let preview = preview(markdown).html;
    assert!(preview.contains("<h1 data-sourcepos=\"1:1-1:7\">Title</h1>"));
    assert!(preview.contains("<p data-sourcepos=\"3:1-3:12\">A paragraph.</p>"));
    assert!(preview.contains("<figure data-sourcepos=\"5:1-5:14\">"));
    assert!(!export(markdown).html.contains("data-sourcepos"));
}

#[test]
fn export_is_deterministic() {
    let markdown = "# T\n\n![](photo:12)\n\n[[budget-vote]] and [^a].\n\n[^a]: x\n";
    let first = export(markdown);
    for _ in 0..5 {
        assert_eq!(export(markdown), first);
    }
}

#[test]
fn raw_html_is_left_out_and_its_text_kept() {
    let out = export("<div class=\"x\">\nblock\n</div>\n\nPress <kbd>Ctrl</kbd> now.\n");
    assert_eq!(out.html, "<p>Press Ctrl now.</p>\n");
}

#[test]
fn code_blocks_keep_a_safe_language_class() {
    let html = export("```rust,ignore\nfn main() {}\n```\n\n```a\"onload=x\ncode\n```\n").html;
    assert_eq!(
        html,
        "<pre><code class=\"language-rust\">fn main() {}\n</code></pre>\n\
         <pre><code class=\"language-a\">code\n</code></pre>\n"
    );
}
