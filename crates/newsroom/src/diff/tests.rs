use super::*;

fn kinds(diff: &SideBySide) -> Vec<RowKind> {
    diff.rows.iter().map(|r| r.kind).collect()
}

fn text(line: &Option<DiffLine>) -> String {
    line.as_ref()
        .map(|l| l.spans.iter().map(|s| s.text.as_str()).collect())
        .unwrap_or_default()
}

fn marked(line: &Option<DiffLine>) -> Vec<&str> {
    line.as_ref()
        .map(|l| {
            l.spans
                .iter()
                .filter(|s| s.changed)
                .map(|s| s.text.as_str())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn identical_texts_have_no_changes() {
    let diff = side_by_side("One.\n\nTwo.\n", "One.\n\nTwo.\n", None);
    assert!(diff.stats.identical);
    assert_eq!(kinds(&diff), vec![RowKind::Same; 3]);
    assert_eq!(text(&diff.rows[2].right), "Two.");
    assert_eq!(diff.rows[2].right.as_ref().unwrap().number, 3);
}

#[test]
fn line_endings_and_a_missing_final_newline_are_not_changes() {
    let diff = side_by_side("One.\r\nTwo.", "One.\nTwo.\n", None);
    assert!(diff.stats.identical, "{diff:?}");
}

#[test]
fn an_edited_line_marks_only_the_words_that_differ() {
    let diff = side_by_side(
        "# Budget\n\nThe council approved the budget on Monday.\n",
        "# Budget\n\nThe council rejected the budget on Tuesday.\n",
        None,
    );
    assert_eq!(
        kinds(&diff),
        vec![RowKind::Same, RowKind::Same, RowKind::Changed]
    );
    let row = &diff.rows[2];
    assert_eq!(marked(&row.left), vec!["approved", "Monday"]);
    assert_eq!(marked(&row.right), vec!["rejected", "Tuesday"]);
    assert_eq!(
        text(&row.left),
        "The council approved the budget on Monday."
    );
    assert_eq!(
        text(&row.right),
        "The council rejected the budget on Tuesday."
    );
    assert_eq!(
        diff.stats,
        DiffStats {
            changed: 1,
            added: 0,
            removed: 0,
            identical: false
        }
    );
}

#[test]
fn neighbouring_changed_words_are_marked_as_one_piece() {
    let diff = side_by_side("the quick fox\n", "a slow fox\n", None);
    assert_eq!(marked(&diff.rows[0].left), vec!["the quick"]);
    assert_eq!(marked(&diff.rows[0].right), vec!["a slow"]);
}

#[test]
fn added_and_removed_lines_stand_on_their_own_side_with_their_numbers() {
    let diff = side_by_side("A\nB\nC\n", "A\nC\nD\n", None);
    assert_eq!(
        kinds(&diff),
        vec![
            RowKind::Same,
            RowKind::Removed,
            RowKind::Same,
            RowKind::Added
        ]
    );
    let removed = &diff.rows[1];
    assert_eq!(
        (text(&removed.left), removed.right.is_none()),
        ("B".into(), true)
    );
    assert_eq!(removed.left.as_ref().unwrap().number, 2);
    let added = &diff.rows[3];
    assert_eq!(
        (added.left.is_none(), text(&added.right)),
        (true, "D".into())
    );
    assert_eq!(added.right.as_ref().unwrap().number, 3);
    assert!(
        marked(&added.right).is_empty(),
        "whole lines carry no word marks"
    );
    assert_eq!((diff.stats.added, diff.stats.removed), (1, 1));
}

#[test]
fn an_empty_side_is_all_added_or_all_removed() {
    let diff = side_by_side("", "New text.\nMore.", None);
    assert_eq!(kinds(&diff), vec![RowKind::Added; 2]);
    let diff = side_by_side("Old.", "", None);
    assert_eq!(kinds(&diff), vec![RowKind::Removed]);
    assert!(side_by_side("", "", Some(3)).rows.is_empty());
}

#[test]
fn long_unchanged_runs_fold_to_context_lines() {
    let old: String = (1..=20).map(|i| format!("Line {i}\n")).collect();
    let new = old.replace("Line 10\n", "Line ten\n");
    let diff = side_by_side(&old, &new, Some(2));
    assert_eq!(
        kinds(&diff),
        vec![
            RowKind::Folded,
            RowKind::Same,
            RowKind::Same,
            RowKind::Changed,
            RowKind::Same,
            RowKind::Same,
            RowKind::Folded,
        ]
    );
    assert_eq!((diff.rows[0].hidden, diff.rows[6].hidden), (7, 8));
    assert_eq!(text(&diff.rows[1].left), "Line 8");
    assert_eq!(diff.rows[3].left.as_ref().unwrap().number, 10);
    let unfolded = side_by_side(&old, &new, None);
    assert_eq!(unfolded.rows.len(), 20);
    assert_eq!(unfolded.stats, diff.stats);
}

#[test]
fn a_fold_between_two_changes_keeps_context_on_both_sides() {
    let old: String = (1..=12).map(|i| format!("L{i}\n")).collect();
    let new = old.replace("L1\n", "First\n").replace("L12\n", "Last\n");
    let diff = side_by_side(&old, &new, Some(1));
    assert_eq!(
        kinds(&diff),
        vec![
            RowKind::Changed,
            RowKind::Same,
            RowKind::Folded,
            RowKind::Same,
            RowKind::Changed,
        ]
    );
    assert_eq!(diff.rows[2].hidden, 8);
}

#[test]
fn short_runs_are_not_folded() {
    let diff = side_by_side("A\nB\nC\nD\n", "A\nB\nC\nE\n", Some(2));
    assert_eq!(
        kinds(&diff),
        vec![
            RowKind::Same,
            RowKind::Same,
            RowKind::Same,
            RowKind::Changed
        ]
    );
}

#[test]
fn identical_long_texts_fold_to_one_row() {
    let text: String = (1..=30).map(|i| format!("Line {i}\n")).collect();
    let diff = side_by_side(&text, &text, Some(3));
    assert_eq!(kinds(&diff), vec![RowKind::Folded]);
    assert_eq!(diff.rows[0].hidden, 30);
}

#[test]
fn rows_serialize_for_the_interface() {
    let diff = side_by_side("a b\n", "a c\n", None);
    let json = serde_json::to_value(&diff).unwrap();
    assert_eq!(json["rows"][0]["kind"], "changed");
    assert_eq!(json["rows"][0]["left"]["number"], 1);
    assert_eq!(json["rows"][0]["right"]["spans"][1]["text"], "c");
    assert_eq!(json["rows"][0]["right"]["spans"][1]["changed"], true);
    assert_eq!(json["stats"]["changed"], 1);
}

#[test]
fn unicode_text_is_compared_by_words_without_splitting_characters() {
    let diff = side_by_side("Le café ouvre à 8 h.\n", "Le café ferme à 8 h.\n", None);
    assert_eq!(marked(&diff.rows[0].left), vec!["ouvre"]);
    assert_eq!(marked(&diff.rows[0].right), vec!["ferme"]);
}
