//! Files that a version control merge left with conflict markers.
//!
//! After `git pull` on a shared workspace, a paragraph both desks changed comes out as
//!
//! ```text
//! <<<<<<< HEAD
//! our paragraph
//! ||||||| base          (only with merge.conflictStyle = diff3 or zdiff3)
//! the paragraph before
//! =======
//! their paragraph
//! >>>>>>> origin/main
//! ```
//!
//! Such a file is never taken in as the article's text. On the desk that pulled, "ours" is
//! what this app wrote and still holds, so the file's side of the usual app-versus-file
//! conflict is the file with every conflicted region resolved to "theirs": the editor
//! compares the two versions as for any other conflict, and the file stays as git left it
//! until the editor's choice is written over it.

/// Where a marker line starts a region, and what it is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Marker {
    Ours,
    Base,
    Theirs,
    End,
}

/// Git writes seven marker characters, then a space and a label (or nothing for `=======`).
fn marker(line: &str) -> Option<Marker> {
    let labelled = |prefix: &str| {
        line.strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    };
    if labelled("<<<<<<<") {
        Some(Marker::Ours)
    } else if labelled("|||||||") {
        Some(Marker::Base)
    } else if line == "=======" {
        Some(Marker::Theirs)
    } else if labelled(">>>>>>>") {
        Some(Marker::End)
    } else {
        None
    }
}

/// `text` with every complete conflicted region replaced by its "theirs" side, or `None`
/// when `text` holds no such region (a lone `=======` is Markdown: a heading underline).
pub(super) fn theirs(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut region: Option<Marker> = None;
    let mut found = false;
    for line in text.split_inclusive('\n') {
        match (region, marker(line.trim_end_matches('\n'))) {
            (None, Some(Marker::Ours)) => region = Some(Marker::Ours),
            (Some(Marker::Ours), Some(Marker::Base)) => region = Some(Marker::Base),
            (Some(Marker::Ours | Marker::Base), Some(Marker::Theirs)) => {
                region = Some(Marker::Theirs);
            }
            (Some(Marker::Theirs), Some(Marker::End)) => {
                region = None;
                found = true;
            }
            (None | Some(Marker::Theirs), _) => out.push_str(line),
            // "Ours" and the base: what this app already holds, or older.
            (Some(_), _) => {}
        }
    }
    // A region never closed is not git's doing: the text is taken as it is.
    (found && region.is_none()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_region_resolves_to_theirs_and_the_rest_stays() {
        let text = "Intro.\n<<<<<<< HEAD\nOur words.\n=======\nTheir words.\n>>>>>>> origin/main\nMiddle.\n<<<<<<< HEAD\nA\n||||||| base\nB\n=======\nC\nD\n>>>>>>> 1a2b3c\nEnd.\n";
        assert_eq!(
            theirs(text).as_deref(),
            Some("Intro.\nTheir words.\nMiddle.\nC\nD\nEnd.\n")
        );
    }

    #[test]
    fn markdown_that_only_looks_like_markers_is_not_a_merge() {
        assert_eq!(theirs("Title\n=======\n\nText.\n"), None);
        assert_eq!(
            theirs("<<<<<<<< eight is not git\n=======\n>>>>>>>>\n"),
            None
        );
        assert_eq!(theirs("No markers at all.\n"), None);
    }
}
