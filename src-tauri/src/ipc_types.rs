//! The TypeScript of every type the web UI and the shell exchange (docs/IPC.md), written by ts-rs
//! from the Rust definitions (`#[derive(TS)]` beside serde's derives, in the core and here) into
//! one checked-in file, `ui/src/generated/ipc.ts`, which `ui/src/types.ts` re-exports.
//!
//! [`generated_ipc_types_are_current`] fails when that file is not what the types say now; run
//! `UPDATE_IPC_TYPES=1 cargo test -p newsroom-desktop --locked ipc_types` to rewrite it.
//!
//! Ids and Unix-second timestamps are `i64` (and a few counts `u64`), which ts-rs writes as
//! `bigint`. serde_json sends them as plain JSON numbers, and every one of them fits in 2^53 (the
//! integers a JavaScript number holds exactly), so their fields say `#[ts(type = "number")]`; a
//! test refuses any `bigint` left in the file.

use crate::commands::{
    BudgetExport, FirstScreen, LanguageChoice, ProgressLine, ProofingLanguages, PublishAnswer,
    SiteForm, StatusChoice,
};
use crate::events::ShellEvent;
use crate::sync::{WorkspaceMode, WorkspaceStatus};
use newsroom::ErrorKind;
use newsroom::diff::{DiffLine, DiffRow, DiffStats, RowKind, SideBySide, Span};
use newsroom::export::ExportReport;
use newsroom::library::{
    ArticleView, ConflictComparison, ConflictSide, PhotoEntry, PublishOutcome, RevisionComparison,
    WebEditComparison,
};
use newsroom::live_preview::{PreviewBase, PreviewChange, PreviewPatch, TextEdit};
use newsroom::model::{
    Article, ArticleFilter, ArticlePatch, ArticleSummary, Correction, CorrectionKind, DeskNote,
    ImageFormat, Photo, PhotoFile, PhotoRole, PhotoUse, RelatedLink, RelatedTarget, Revision,
    RevisionCause, SearchHit, Status,
};
use newsroom::proofing::{Problem, ProblemKind};
use newsroom::publish::{SecretPlace, Site, SiteKind, WebEdit};
use newsroom::store::{
    BudgetPage, BudgetQuery, BudgetRow, BudgetSort, Day, PhotoPatch, Publication, RevisionInfo,
    SaveReceipt, TimeKind,
};
use newsroom::workspace::{Conflict, FileProblem, Resolution, SyncEvent};
use std::collections::BTreeSet;
use std::path::Path;
use ts_rs::TS;

/// The generated file, from the repository's root.
const FILE: &str = "ui/src/generated/ipc.ts";

/// The command that rewrites [`FILE`].
const UPDATE: &str = "UPDATE_IPC_TYPES=1 cargo test -p newsroom-desktop --locked ipc_types";

/// One type as the file declares it.
struct Declaration {
    /// Its TypeScript name.
    name: String,
    /// Its JSDoc and `export type …;`.
    text: String,
    /// The TypeScript names it refers to.
    needs: Vec<String>,
}

impl Declaration {
    fn of<T: TS + 'static>() -> Declaration {
        Declaration {
            name: T::ident(),
            text: format!("{}export {}", T::docs().unwrap_or_default(), T::decl()),
            needs: T::dependencies().into_iter().map(|d| d.ts_name).collect(),
        }
    }
}

/// Every type that crosses the IPC, in the file's order (a fixed one, so the output is too).
fn declarations() -> Vec<Declaration> {
    vec![
        // Failures: the kind of a rejected command's `{kind, message}`.
        Declaration::of::<ErrorKind>(),
        // Articles.
        Declaration::of::<Status>(),
        Declaration::of::<ArticleSummary>(),
        Declaration::of::<Article>(),
        Declaration::of::<ArticleFilter>(),
        Declaration::of::<ArticlePatch>(),
        Declaration::of::<SearchHit>(),
        Declaration::of::<SaveReceipt>(),
        Declaration::of::<ArticleView>(),
        Declaration::of::<FirstScreen>(),
        Declaration::of::<CorrectionKind>(),
        Declaration::of::<Correction>(),
        Declaration::of::<DeskNote>(),
        // Photos.
        Declaration::of::<ImageFormat>(),
        Declaration::of::<PhotoFile>(),
        Declaration::of::<Photo>(),
        Declaration::of::<PhotoRole>(),
        Declaration::of::<PhotoUse>(),
        Declaration::of::<PhotoPatch>(),
        Declaration::of::<PhotoEntry>(),
        // Related links.
        Declaration::of::<RelatedTarget>(),
        Declaration::of::<RelatedLink>(),
        // The live preview.
        Declaration::of::<TextEdit>(),
        Declaration::of::<PreviewBase>(),
        Declaration::of::<PreviewChange>(),
        Declaration::of::<PreviewPatch>(),
        // Export.
        Declaration::of::<ExportReport>(),
        // The story budget.
        Declaration::of::<Day>(),
        Declaration::of::<BudgetSort>(),
        Declaration::of::<BudgetQuery>(),
        Declaration::of::<TimeKind>(),
        Declaration::of::<BudgetRow>(),
        Declaration::of::<BudgetPage>(),
        Declaration::of::<BudgetExport>(),
        // Revisions and differences.
        Declaration::of::<RevisionCause>(),
        Declaration::of::<RevisionInfo>(),
        Declaration::of::<Revision>(),
        Declaration::of::<Span>(),
        Declaration::of::<DiffLine>(),
        Declaration::of::<RowKind>(),
        Declaration::of::<DiffRow>(),
        Declaration::of::<DiffStats>(),
        Declaration::of::<SideBySide>(),
        Declaration::of::<RevisionComparison>(),
        // The workspace folder.
        Declaration::of::<Conflict>(),
        Declaration::of::<ConflictSide>(),
        Declaration::of::<ConflictComparison>(),
        Declaration::of::<Resolution>(),
        Declaration::of::<WorkspaceMode>(),
        Declaration::of::<WorkspaceStatus>(),
        Declaration::of::<FileProblem>(),
        Declaration::of::<SyncEvent>(),
        // Sites and publishing.
        Declaration::of::<SiteKind>(),
        Declaration::of::<SecretPlace>(),
        Declaration::of::<Site>(),
        Declaration::of::<SiteForm>(),
        Declaration::of::<StatusChoice>(),
        Declaration::of::<PublishOutcome>(),
        Declaration::of::<WebEdit>(),
        Declaration::of::<WebEditComparison>(),
        Declaration::of::<PublishAnswer>(),
        Declaration::of::<ProgressLine>(),
        Declaration::of::<Publication>(),
        // Proofing.
        Declaration::of::<ProblemKind>(),
        Declaration::of::<Problem>(),
        Declaration::of::<LanguageChoice>(),
        Declaration::of::<ProofingLanguages>(),
        // What the shell tells the page unasked.
        Declaration::of::<ShellEvent>(),
    ]
}

/// The whole file: a header, then every declaration.
fn render(declarations: &[Declaration]) -> String {
    let mut out = format!(
        "// Generated by ts-rs from the Rust types the shell and the web UI exchange, listed in\n\
         // src-tauri/src/ipc_types.rs. Do not edit: change the Rust types, then regenerate with\n\
         //   {UPDATE}\n\
         // The comments are the Rust docs: `None` there is `null` here, `Some(x)` is `x`. Ids and\n\
         // timestamps are numbers; timestamps (`*_at`, `at`, `embargo`, `time`, a day's `start`\n\
         // and `end`) are Unix seconds.\n"
    );
    for declaration in declarations {
        out.push('\n');
        out.push_str(&declaration.text);
        out.push('\n');
    }
    out
}

/// The file's path, whatever directory the test runs in.
fn file() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE)
}

#[test]
fn generated_ipc_types_are_current() {
    let wanted = render(&declarations());
    let path = file();
    if std::env::var_os("UPDATE_IPC_TYPES").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &wanted).unwrap();
        return;
    }
    // A checkout that turned the line endings into CRLF still holds the same types.
    let written = std::fs::read_to_string(&path)
        .unwrap_or_default()
        .replace("\r\n", "\n");
    if written != wanted {
        let line = written
            .lines()
            .zip(wanted.lines())
            .position(|(old, new)| old != new)
            .unwrap_or_else(|| written.lines().count().min(wanted.lines().count()));
        panic!(
            "{FILE} is not what the Rust types say (first difference at line {}); regenerate it with\n    {UPDATE}\nand commit it",
            line + 1
        );
    }
}

#[test]
fn ipc_types_are_declared_once_and_whole() {
    let declarations = declarations();
    let mut names = BTreeSet::new();
    for declaration in &declarations {
        assert!(
            names.insert(declaration.name.as_str()),
            "{} is declared twice",
            declaration.name
        );
    }
    for declaration in &declarations {
        for needed in &declaration.needs {
            assert!(
                names.contains(needed.as_str()),
                "{} refers to {needed}, which is not in ipc_types::declarations()",
                declaration.name
            );
        }
        assert!(
            !declaration.text.contains("bigint"),
            "{} has a bigint: mark its 64-bit fields #[ts(type = \"number\")] (see ipc_types.rs)",
            declaration.name
        );
    }
}
