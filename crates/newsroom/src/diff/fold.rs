//! Folding long runs of unchanged lines, so the changes of a long article fit on screen.

use super::{DiffRow, RowKind};

/// Replaces each run of `same` rows by its first and last `context` rows around one `folded`
/// row. A run at the very start keeps only its end, one at the very end only its start; a fold
/// must hide at least two lines (a row saying "1 unchanged line" hides nothing worth hiding).
pub(super) fn fold(rows: Vec<DiffRow>, context: usize) -> Vec<DiffRow> {
    let total = rows.len();
    let mut out = Vec::with_capacity(total.min(64));
    let mut run: Vec<DiffRow> = Vec::new();
    let mut run_start = 0;
    for (i, row) in rows.into_iter().enumerate() {
        if row.kind == RowKind::Same {
            if run.is_empty() {
                run_start = i;
            }
            run.push(row);
        } else {
            flush(&mut out, &mut run, run_start == 0, false, context);
            out.push(row);
        }
    }
    flush(&mut out, &mut run, run_start == 0, true, context);
    out
}

/// Moves a run of unchanged rows into `out`, folding its middle when it is long enough.
fn flush(
    out: &mut Vec<DiffRow>,
    run: &mut Vec<DiffRow>,
    at_start: bool,
    at_end: bool,
    context: usize,
) {
    let lead = if at_start { 0 } else { context };
    let trail = if at_end { 0 } else { context };
    let len = run.len();
    if len < lead + trail + 2 {
        out.append(run);
        return;
    }
    let mut rows = std::mem::take(run).into_iter();
    out.extend(rows.by_ref().take(lead));
    let hidden = len - lead - trail;
    out.push(DiffRow::folded(hidden));
    out.extend(rows.skip(hidden));
}
