//! Limits checked before a YAML or TOML parser sees a front matter block.
//!
//! The parsers take time that grows faster than the input for deeply nested values
//! (`title: [[[[…]]]]` nested 100,000 deep took 54 s to refuse), and the sync parses while it
//! holds the library. No article needs more than a few kilobytes of fields nested a few levels,
//! so a block over [`MAX_BYTES`] or nested deeper than [`MAX_DEPTH`] is refused at once, in
//! time linear in its length.

/// The largest front matter block read: 64 KiB.
pub const MAX_BYTES: usize = 64 * 1024;
/// The deepest nesting of lists and mappings read.
pub const MAX_DEPTH: usize = 64;

/// `Ok` when `block` is within both limits, otherwise the reason, as the end of a sentence
/// ("its front matter is …").
pub fn check(block: &str) -> Result<(), String> {
    if block.len() > MAX_BYTES {
        return Err(format!(
            "{} KB, more than the {} KB of fields Newsroom reads",
            block.len().div_ceil(1024),
            MAX_BYTES / 1024
        ));
    }
    if depth(block) > MAX_DEPTH {
        return Err(format!(
            "nested more than {MAX_DEPTH} levels deep, more than any article's fields need"
        ));
    }
    Ok(())
}

/// An upper bound of the nesting depth of a YAML (or TOML) block: on each line, the levels
/// opened by indentation (a stack of increasing indents) and by leading `- ` items, plus the
/// brackets and braces open outside quotes. Over-counting is possible only for unusual layouts
/// far below the limit, never under-counting.
fn depth(block: &str) -> usize {
    let mut indents: Vec<usize> = Vec::new();
    let mut flow = 0usize;
    let mut deepest = 0;
    for line in block.lines() {
        let content = line.trim_start_matches(' ');
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let indent = line.len() - content.len();
        if flow == 0 {
            while indents.last().is_some_and(|&last| last >= indent) {
                indents.pop();
            }
            indents.push(indent);
        }
        let mut items = 0;
        let mut rest = content;
        while let Some(after) = rest
            .strip_prefix("- ")
            .or(rest.strip_prefix('-').filter(|r| r.is_empty()))
        {
            items += 1;
            rest = after.trim_start_matches(' ');
        }
        // A quote opens a quoted scalar only where a scalar starts (YAML reads `a'b` as plain
        // text), so a stray apostrophe cannot hide brackets after it.
        let mut quote: Option<char> = None;
        let mut escaped = false;
        let mut scalar_starts = true;
        for c in rest.chars() {
            match (quote, c) {
                (Some('"'), '\\') if !escaped => {
                    escaped = true;
                    continue;
                }
                (Some(q), c) if c == q && !escaped => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') if scalar_starts => quote = Some(c),
                // In a plain scalar of a block (`headline: a{b`), brackets are text.
                (None, '[' | '{') if scalar_starts || flow > 0 => {
                    flow += 1;
                    deepest = deepest.max(indents.len() + items + flow);
                }
                (None, ']' | '}') => flow = flow.saturating_sub(1),
                (None, '#') if scalar_starts => break,
                _ => {}
            }
            escaped = false;
            if quote.is_none() && c != ' ' {
                scalar_starts = c == ':'
                    || (flow > 0 && matches!(c, '[' | '{' | ','))
                    || (scalar_starts && matches!(c, '-' | '?'));
            }
        }
        deepest = deepest.max(indents.len() + items + flow);
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stray_apostrophe_does_not_hide_brackets() {
        let block = format!("title: [a'b, {}x{}]\n", "[".repeat(70), "]".repeat(70));
        assert!(check(&block).is_err());
        let escaped = format!(
            "title: [\"a\\\"b\", {}x{}]\n",
            "[".repeat(70),
            "]".repeat(70)
        );
        assert!(check(&escaped).is_err());
    }

    /// Found by the `workspace_file` fuzz target: the writer leaves a headline such as `a{{…`
    /// unquoted (a plain scalar, where brackets are text), and the file must read back.
    #[test]
    fn brackets_inside_a_plain_scalar_are_text() {
        let block = format!("headline: v{}, [{}\n", "{".repeat(80), "[".repeat(80));
        assert_eq!(check(&block), Ok(()));
        let flow = format!("headline: [v, {}x{}]\n", "[".repeat(70), "]".repeat(70));
        assert!(check(&flow).is_err());
    }

    #[test]
    fn ordinary_front_matter_passes() {
        let block = "title: \"A [bracket] in quotes: {not nested}\"\ntags:\n  - a\n  - b\nphotos:\n  - id: 3\n    caption: |\n      Line one\n        indented more\nmeta: {a: [1, 2, {b: c}]}\n";
        assert_eq!(check(block), Ok(()));
        assert!(depth(block) < 8, "{}", depth(block));
    }

    #[test]
    fn deep_flow_nesting_is_refused_in_linear_time() {
        let block = format!("title: {}x{}\n", "[".repeat(30_000), "]".repeat(30_000));
        let refused = check(&block).unwrap_err();
        assert!(
            refused.starts_with("nested more than 64 levels"),
            "{refused}"
        );
        let ok = format!("title: {}x{}\n", "[".repeat(60), "]".repeat(60));
        assert_eq!(check(&ok), Ok(()));
    }

    #[test]
    fn deep_block_nesting_and_item_chains_are_refused() {
        let indented: String = (0..70)
            .map(|level| format!("{}k{level}:\n", " ".repeat(level)))
            .collect();
        assert!(check(&indented).is_err());
        let items = format!("list:\n  {}x\n", "- ".repeat(70));
        assert!(check(&items).is_err());
    }

    #[test]
    fn a_large_block_is_refused_by_its_size() {
        let block = format!("title: {}\n", "a".repeat(MAX_BYTES));
        assert_eq!(
            check(&block),
            Err("65 KB, more than the 64 KB of fields Newsroom reads".into())
        );
    }
}
