//! Issue 9, "Proof with git": two desks, each with its own library, whose workspaces are two
//! clones of one git repository. What the README promises ("edit those files in any editor,
//! with git or a sync tool") is checked here with git itself, the way a newsroom uses it:
//! edit in the app, commit, push, pull, and let the app take in whatever the pull changed.
//!
//! Git is a test dependency (`scripts/setup.sh` installs it), run as a program with a fixed
//! identity and none of the user's configuration. Without git the tests skip themselves with a
//! note, except under CI, where a missing git is a failure: the proof must not vanish quietly.
//!
//! After a pull, the desktop app's watcher reports the files git wrote, and the sync loop
//! ingests them and then mirrors the articles changed in the app; [`Desk::take_in`] does the
//! same with the paths git itself names, so no watcher timing is involved.
//!
//! Articles are matched across desks by slug (their file's name), never by id: each library
//! numbers its articles itself.

use newsroom::Library;
use newsroom::library::media_root;
use newsroom::model::{Article, ArticleId, ArticlePatch, NewArticle, RevisionCause, Timestamp};
use newsroom::store::Store;
use newsroom::workspace::{Resolution, SyncReport, Workspace};
use std::cell::Cell;
use std::error::Error;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Once;

type TestResult<T = ()> = Result<T, Box<dyn Error>>;

// ---------------------------------------------------------------------------------------------
// The scenario
// ---------------------------------------------------------------------------------------------

/// The stories desk A files in the morning (headline, section), in the order it files them;
/// the constants below say what happens to each. That order is not the order of their paths, which is the order in
/// which git lists them to desk B: the two libraries number the same stories differently, as
/// they would in any newsroom.
const STORIES: [(&str, &str); 6] = [
    ("Harbour strike", "World"),
    ("Budget vote", "Politics"),
    ("Ferry timetable", "Local"),
    ("Museum reopens", "Culture"),
    ("Council minutes", "Local"),
    ("Storm warning", "Weather"),
];

/// Edited on desk A only.
const HARBOUR: &str = "harbour-strike";
/// Edited on desk B only.
const BUDGET: &str = "budget-vote";
/// Edited on both desks, in different paragraphs: git merges it.
const FERRY: &str = "ferry-timetable";
/// Edited on both desks in the same paragraph: a true conflict.
const MUSEUM: &str = "museum-reopens";
/// Left alone in the edits; deleted (`git rm`) in the checkout.
const COUNCIL: &str = "council-minutes";
/// Left alone in the edits; moved to another section's folder (`git mv`) in the checkout.
const STORM: &str = "storm-warning";

/// The paragraphs each desk rewrites (1-based; paragraph 1 is never touched, so every edit is
/// well apart from the front matter).
const A_FERRY_PARAGRAPH: usize = 2;
const B_FERRY_PARAGRAPH: usize = 4;
const MUSEUM_PARAGRAPH: usize = 3;

/// Five paragraphs, so that edits to the second and the fourth leave unchanged lines between
/// them and git can merge them.
fn story(headline: &str) -> String {
    [
        "sets the scene",
        "gives the facts",
        "quotes a witness",
        "adds context",
        "looks ahead",
    ]
    .iter()
    .enumerate()
    .map(|(i, what)| format!("{headline}: paragraph {} {what}.\n", i + 1))
    .collect::<Vec<_>>()
    .join("\n")
}

/// `body` with its paragraph `n` (1-based, paragraphs separated by a blank line) replaced.
fn with_paragraph(body: &str, n: usize, text: &str) -> String {
    body.split("\n\n")
        .enumerate()
        .map(|(i, paragraph)| {
            if i + 1 == n {
                format!("{text}\n")
            } else if paragraph.ends_with('\n') {
                paragraph.to_string()
            } else {
                format!("{paragraph}\n")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The words desk `desk` puts in paragraph `n` of `slug`.
fn words(desk: &str, slug: &str, n: usize) -> String {
    format!("Desk {desk} rewrote paragraph {n} of {slug}.")
}

/// The ferry story with desk A's paragraph and desk B's: what git's merge of it holds.
fn ferry_with_both_edits() -> String {
    let with_a = with_paragraph(
        &original(FERRY),
        A_FERRY_PARAGRAPH,
        &words("A", FERRY, A_FERRY_PARAGRAPH),
    );
    with_paragraph(
        &with_a,
        B_FERRY_PARAGRAPH,
        &words("B", FERRY, B_FERRY_PARAGRAPH),
    )
}

/// The original story of `slug`.
fn original(slug: &str) -> String {
    let (headline, _) = STORIES
        .iter()
        .find(|(headline, _)| newsroom::slug::slugify(headline) == slug)
        .unwrap_or_else(|| panic!("no story has the slug {slug}"));
    story(headline)
}

// ---------------------------------------------------------------------------------------------
// The newsroom's clock
// ---------------------------------------------------------------------------------------------

/// 2026-03-02T08:00:00Z: when every test's newsroom day starts.
const MORNING: Timestamp = 1_772_438_400;

thread_local! {
    /// The wall clock both desks read. `Store::with_clock` takes a plain `fn`, which cannot
    /// capture; a thread-local keeps the tests (each on its own thread) independent.
    static NOW: Cell<Timestamp> = const { Cell::new(MORNING) };
}

fn newsroom_clock() -> Timestamp {
    NOW.with(Cell::get)
}

/// Time passes between the steps of the day, as it does between two desks' edits: the
/// timestamps the app writes into files then differ as they would in real life, and the tests
/// do not depend on whether two edits fell in the same second.
fn minutes_pass(minutes: Timestamp) {
    NOW.with(|now| now.set(now.get() + minutes * 60));
}

// ---------------------------------------------------------------------------------------------
// Git
// ---------------------------------------------------------------------------------------------

/// Whether git can be run. A missing git skips the test with a note on a developer's machine,
/// and fails it under CI, whose setup installs git. The one exception is the run of the Windows
/// test binaries under Wine (`scripts/test-windows.sh`, which sets `NEWSROOM_UNDER_WINE`):
/// Wine's Windows processes cannot see the Linux git, and the same CI job runs these tests
/// natively, with git, anyway.
fn git_is_available() -> bool {
    let found = Command::new("git")
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .is_ok_and(|out| out.status.success());
    if found {
        return true;
    }
    let ci = std::env::var("CI").is_ok_and(|ci| !ci.is_empty() && ci != "false" && ci != "0");
    let under_wine = std::env::var_os("NEWSROOM_UNDER_WINE").is_some();
    assert!(
        !ci || under_wine,
        "git could not be run, and CI is set: the git workspace proof (tests/git_workspace.rs) needs git on the PATH (scripts/setup.sh installs it)"
    );
    // Written to stderr itself, which the test harness does not capture, and once per run.
    static NOTE: Once = Once::new();
    NOTE.call_once(|| {
        let note = "note: git could not be run, so the git workspace proof (tests/git_workspace.rs) was skipped; install git to run it\n";
        // A note that cannot be written changes nothing.
        let _ = std::io::stderr().write_all(note.as_bytes());
    });
    false
}

/// How every git command runs: with a fixed identity, and with `HOME` in the test's temporary
/// folder and the system configuration off, so no user's or machine's settings (a hook, a
/// signing key, `pull.rebase`, `core.autocrlf`) leak in.
#[derive(Clone)]
struct Git {
    home: PathBuf,
    /// `merge.conflictStyle`: which markers a conflicted merge writes.
    conflict_style: &'static str,
}

/// Variables that would point git at another repository, configuration or identity.
const GIT_VARIABLES: [&str; 14] = [
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_CONFIG",
    "GIT_CONFIG_GLOBAL",
    "GIT_CONFIG_SYSTEM",
    "GIT_CONFIG_COUNT",
    "GIT_CONFIG_PARAMETERS",
    "GIT_AUTHOR_NAME",
    "GIT_AUTHOR_EMAIL",
    "GIT_COMMITTER_NAME",
    "GIT_COMMITTER_EMAIL",
];

impl Git {
    /// Runs git in `dir`; its output, whatever its exit status.
    fn output(&self, dir: &Path, args: &[&str]) -> TestResult<Output> {
        let mut command = Command::new("git");
        for name in GIT_VARIABLES {
            command.env_remove(name);
        }
        let style = format!("merge.conflictStyle={}", self.conflict_style);
        let settings = [
            "user.name=Newsroom Test",
            "user.email=test@newsroom.invalid",
            "init.defaultBranch=main",
            "core.autocrlf=false",
            "commit.gpgSign=false",
            "pull.rebase=false",
            &style,
        ];
        for setting in settings {
            command.args(["-c", setting]);
        }
        let output = command
            .arg("-C")
            .arg(dir)
            .args(args)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", &self.home)
            .env("GIT_TERMINAL_PROMPT", "0")
            .stdin(Stdio::null())
            .output()?;
        Ok(output)
    }

    /// Runs git in `dir`; its standard output, or an error naming the command when it failed.
    fn run(&self, dir: &Path, args: &[&str]) -> TestResult<String> {
        let output = self.output(dir, args)?;
        if !output.status.success() {
            return Err(format!(
                "`git {}` failed in {} ({}):\n{}{}",
                args.join(" "),
                dir.display(),
                output.status,
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            )
            .into());
        }
        Ok(String::from_utf8(output.stdout)?)
    }
}

/// The lines of git's `--name-only` output.
fn names(output: &str) -> Vec<String> {
    output
        .lines()
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The newsroom and its desks
// ---------------------------------------------------------------------------------------------

/// The shared repository (bare, as on a server) in a temporary folder, where the desks live
/// too.
struct Newsroom {
    git: Git,
    hub: PathBuf,
    dir: tempfile::TempDir,
}

impl Newsroom {
    fn open(conflict_style: &'static str) -> TestResult<Newsroom> {
        NOW.with(|now| now.set(MORNING));
        let dir = tempfile::tempdir()?;
        let home = dir.path().join("home");
        std::fs::create_dir_all(&home)?;
        let git = Git {
            home,
            conflict_style,
        };
        let hub = dir.path().join("hub.git");
        git.run(dir.path(), &["init", "-q", "--bare", "hub.git"])?;
        Ok(Newsroom { git, hub, dir })
    }

    /// A desk joins: its own library, and a clone of the shared repository as its workspace.
    fn desk(&self, name: &'static str) -> TestResult<Desk> {
        let home = self.dir.path().join(format!("desk-{name}"));
        let clone = home.join("workspace");
        std::fs::create_dir_all(&home)?;
        let hub = self
            .hub
            .to_str()
            .ok_or("the temporary folder is not UTF-8")?;
        self.git.run(&home, &["clone", "-q", hub, "workspace"])?;
        let db = home.join("data").join("library.db");
        let store = Store::open(&db)?.with_clock(newsroom_clock);
        let library = Library::with_store(store, &media_root(&db))?;
        let workspace = Workspace::open(&clone)?;
        Ok(Desk {
            name,
            library,
            db,
            workspace,
            clone,
            git: self.git.clone(),
        })
    }
}

/// One desk: its library, its workspace (a clone of the shared repository) and what it does
/// with them.
struct Desk {
    name: &'static str,
    library: Library,
    /// The library's database, which [`Desk::records`] reads on a connection of its own.
    db: PathBuf,
    workspace: Workspace,
    clone: PathBuf,
    git: Git,
}

/// What a pull brought.
struct Pulled {
    /// Every file git wrote, created or removed, absolute: what the watcher would report.
    paths: Vec<PathBuf>,
    /// The files git could not merge, relative to the workspace.
    conflicted: Vec<String>,
}

impl Desk {
    fn git(&self, args: &[&str]) -> TestResult<String> {
        self.git.run(&self.clone, args)
    }

    /// Files a new story in the app.
    fn file_story(&mut self, headline: &str, section: &str) -> TestResult<Article> {
        let new = NewArticle {
            headline: headline.into(),
            section: section.into(),
            body: story(headline),
            ..NewArticle::default()
        };
        Ok(self.library.create_article(&new)?)
    }

    /// Rewrites paragraph `n` of `slug` in the app (a save, as the editor makes it).
    fn rewrite(&mut self, slug: &str, n: usize) -> TestResult<()> {
        let article = self.article(slug)?;
        let patch = ArticlePatch {
            body: Some(with_paragraph(&article.body, n, &words(self.name, slug, n))),
            ..ArticlePatch::default()
        };
        self.library.update_article(article.id, &patch)?;
        Ok(())
    }

    /// Writes the files of the articles changed in the app.
    fn mirror(&mut self) -> TestResult<SyncReport> {
        Ok(self.library.mirror_workspace(&self.workspace)?)
    }

    /// Commits everything in the workspace (during a merge, this concludes it).
    fn commit(&self, message: &str) -> TestResult<()> {
        self.git(&["add", "-A"])?;
        self.git(&["commit", "-q", "-m", message])?;
        Ok(())
    }

    fn push(&self) -> TestResult<()> {
        self.git(&["push", "-q", "origin", "HEAD:refs/heads/main"])?;
        Ok(())
    }

    /// Pulls (a merge, never a rebase). A merge that stops on conflicts is not an error: the
    /// conflicted files are left with git's markers, as a desk's editor would find them.
    fn pull(&self) -> TestResult<Pulled> {
        let before = match self.git(&["rev-parse", "--verify", "-q", "HEAD"]) {
            Ok(head) => head.trim().to_string(),
            // Nothing committed yet: everything the pull brings is new.
            Err(_) => self.empty_tree()?,
        };
        let pull = self.git.output(
            &self.clone,
            &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
        )?;
        let conflicted = names(&self.git(&["diff", "--name-only", "--diff-filter=U"])?);
        if !pull.status.success() && conflicted.is_empty() {
            return Err(format!(
                "`git pull` failed on desk {} with no conflict to show for it:\n{}",
                self.name,
                String::from_utf8_lossy(&pull.stderr)
            )
            .into());
        }
        // The working tree against the commit before the pull, renames as a removal and an
        // addition: clean merges, conflicted files, moved and deleted ones.
        let mut changed = names(&self.git(&["diff", "--name-only", "--no-renames", &before])?);
        changed.extend(conflicted.iter().cloned());
        changed.sort();
        changed.dedup();
        Ok(Pulled {
            paths: changed.iter().map(|rel| self.path(rel)).collect(),
            conflicted,
        })
    }

    /// The id of git's empty tree in this repository's hash.
    fn empty_tree(&self) -> TestResult<String> {
        Ok(self
            .git(&["hash-object", "-t", "tree", "--stdin"])?
            .trim()
            .to_string())
    }

    /// Takes in files changed by someone else (git), as the sync loop does with what the
    /// watcher reports: ingest those paths, then mirror the articles changed in the app.
    fn take_in(&mut self, paths: &[PathBuf]) -> TestResult<SyncReport> {
        let mut report = self
            .library
            .ingest_workspace_paths(&self.workspace, paths)?;
        report.merge(self.mirror()?);
        Ok(report)
    }

    /// The absolute path of a `/`-separated workspace path (joined part by part: the root may
    /// be a Windows `\\?\` path, in which `/` is no separator).
    fn path(&self, rel: &str) -> PathBuf {
        rel.split('/')
            .fold(self.workspace.root().to_path_buf(), |path, part| {
                path.join(part)
            })
    }

    /// The workspace file of `rel`, as text.
    fn read(&self, rel: &str) -> TestResult<String> {
        Ok(std::fs::read_to_string(self.path(rel))?)
    }

    /// The article with this slug in this desk's library (trashed ones included).
    fn article(&self, slug: &str) -> TestResult<Article> {
        Ok(self.library.article_by_slug(slug)?)
    }

    /// The sync's records, which no front end reads: the database on a connection of its own
    /// (it sees everything the library committed).
    fn records(&self) -> TestResult<Store> {
        Ok(Store::open(&self.db)?)
    }

    /// Where the library says the article's file is, relative to the workspace.
    fn file_of(&self, id: ArticleId) -> TestResult<Option<String>> {
        Ok(self.records()?.workspace_file(id)?.map(|file| file.path))
    }

    /// Every article, trashed ones included.
    fn all_articles(&self) -> TestResult<Vec<Article>> {
        let mut articles = Vec::new();
        for id in self.records()?.all_article_ids()? {
            articles.push(self.library.article(id)?);
        }
        Ok(articles)
    }

    /// The slugs of the articles not in the trash, sorted.
    fn live_slugs(&self) -> TestResult<Vec<String>> {
        let mut slugs: Vec<String> = self
            .all_articles()?
            .into_iter()
            .filter(|article| article.trashed_at.is_none())
            .map(|article| article.slug)
            .collect();
        slugs.sort();
        Ok(slugs)
    }

    /// The cause of the article's newest revision.
    fn newest_cause(&self, id: ArticleId) -> TestResult<RevisionCause> {
        let revisions = self.library.revisions(id)?;
        let newest = revisions.first().ok_or("the article has no revision")?;
        Ok(newest.cause)
    }

    /// Every text in this library holding one of git's marker lines: headline, dek and body of
    /// every article (trashed ones included) and of every revision in their history.
    fn texts_with_markers(&self) -> TestResult<Vec<String>> {
        let mut found = Vec::new();
        for article in self.all_articles()? {
            let mut texts = vec![(
                "the article".to_string(),
                [article.headline, article.dek, article.body],
            )];
            for info in self.library.revisions(article.id)? {
                let revision = self.library.revision(article.id, info.number)?;
                texts.push((
                    format!("revision {} ({})", info.number, info.cause.as_str()),
                    [revision.headline, revision.dek, revision.body],
                ));
            }
            for (what, fields) in texts {
                if fields.iter().any(|text| !marker_lines(text).is_empty()) {
                    found.push(format!(
                        "desk {}, {} {what}:\n{}",
                        self.name,
                        article.slug,
                        fields.join("\n")
                    ));
                }
            }
        }
        Ok(found)
    }

    /// The workspace as git sees it: empty when every file is committed as the app wrote it.
    fn uncommitted(&self) -> TestResult<String> {
        self.git(&["status", "--porcelain"])
    }
}

/// The lines of `text` that are git's conflict markers.
fn marker_lines(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|line| {
            line.starts_with("<<<<<<<")
                || line.starts_with("|||||||")
                || *line == "======="
                || line.starts_with(">>>>>>>")
        })
        .collect()
}

/// The relative path of a story's file on the desk that filed it.
fn file_path(section: &str, slug: &str) -> String {
    format!(
        "{}/{slug}.md",
        newsroom::workspace::layout::section_folder(section)
    )
}

/// The relative path of the file of `slug`, as filed in the morning.
fn morning_path(slug: &str) -> String {
    let (_, section) = STORIES
        .iter()
        .find(|(headline, _)| newsroom::slug::slugify(headline) == slug)
        .unwrap_or_else(|| panic!("no story has the slug {slug}"));
    file_path(section, slug)
}

// ---------------------------------------------------------------------------------------------
// The steps of the day
// ---------------------------------------------------------------------------------------------

/// Both desks, and the newsroom they work in (declared last: dropped after the libraries
/// close their databases in it).
struct Day {
    a: Desk,
    b: Desk,
    _newsroom: Newsroom,
}

/// Step 1: desk A files the stories, its workspace is mirrored, and A commits and pushes; desk
/// B pulls and its library takes the files in. Returns B's report of that.
fn morning(conflict_style: &'static str) -> TestResult<(Day, SyncReport)> {
    let newsroom = Newsroom::open(conflict_style)?;
    let mut a = newsroom.desk("A")?;
    let mut b = newsroom.desk("B")?;
    for (headline, section) in STORIES {
        a.file_story(headline, section)?;
    }
    let written = a.mirror()?;
    assert_eq!(written.written.len(), STORIES.len(), "{written:?}");
    a.commit("The morning's stories")?;
    a.push()?;

    minutes_pass(10);
    let pulled = b.pull()?;
    let report = b.take_in(&pulled.paths)?;
    let day = Day {
        a,
        b,
        _newsroom: newsroom,
    };
    Ok((day, report))
}

/// Step 2: both desks edit (different articles, one article in different paragraphs, one in
/// the same paragraph) and commit; A pushes, B pulls, which merges, and B's library takes in
/// every path git touched. Returns what the pull brought and B's report of it.
fn edited_on_both_desks(conflict_style: &'static str) -> TestResult<(Day, Pulled, SyncReport)> {
    let (mut day, _) = morning(conflict_style)?;

    minutes_pass(30);
    day.a.rewrite(HARBOUR, 2)?;
    day.a.rewrite(FERRY, A_FERRY_PARAGRAPH)?;
    day.a.rewrite(MUSEUM, MUSEUM_PARAGRAPH)?;
    day.a.mirror()?;
    day.a.commit("Desk A's edits")?;

    minutes_pass(30);
    day.b.rewrite(BUDGET, 2)?;
    day.b.rewrite(FERRY, B_FERRY_PARAGRAPH)?;
    day.b.rewrite(MUSEUM, MUSEUM_PARAGRAPH)?;
    day.b.mirror()?;
    day.b.commit("Desk B's edits")?;

    day.a.push()?;
    minutes_pass(5);
    let pulled = day.b.pull()?;
    let report = day.b.take_in(&pulled.paths)?;
    Ok((day, pulled, report))
}

/// Step 3's round trip: B's editor settles each conflict keeping B's words (the other desk's
/// version stays in the history), B concludes the merge and pushes, and A pulls and takes the
/// files in.
fn both_desks_in_step(mut day: Day) -> TestResult<Day> {
    for conflict in day.b.library.workspace_conflicts()? {
        day.b.library.resolve_conflict(
            &day.b.workspace,
            conflict.article_id,
            Resolution::KeepApp,
        )?;
    }
    day.b.mirror()?;
    day.b.commit("Merge desk A's edits")?;
    day.b.push()?;

    minutes_pass(5);
    let pulled = day.a.pull()?;
    assert!(
        pulled.conflicted.is_empty(),
        "desk A had nothing new, so its pull is a fast-forward: {:?}",
        pulled.conflicted
    );
    day.a.take_in(&pulled.paths)?;
    Ok(day)
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

/// Step 1: a desk that clones the shared repository gets every story as a new article, at the
/// same path, and writes nothing back (a freshly pulled workspace stays clean for git).
#[test]
fn a_desk_that_pulls_takes_in_every_article_of_the_other() -> TestResult {
    if !git_is_available() {
        return Ok(());
    }
    let (day, report) = morning("merge")?;
    assert_eq!(report.created.len(), STORIES.len(), "{report:#?}");
    assert!(report.written.is_empty(), "{report:#?}");
    for (headline, section) in STORIES {
        let slug = newsroom::slug::slugify(headline);
        let on_a = day.a.article(&slug)?;
        let on_b = day.b.article(&slug)?;
        assert_eq!(
            (&on_b.headline, &on_b.section, &on_b.body),
            (&on_a.headline, &on_a.section, &on_a.body),
            "{slug} on desk B"
        );
        assert_eq!(
            day.b.file_of(on_b.id)?,
            Some(file_path(section, &slug)),
            "{slug} on desk B"
        );
    }
    assert_eq!(
        day.b.uncommitted()?,
        "",
        "desk B rewrote files it only took in"
    );
    Ok(())
}

/// An article edited on one desk only merges cleanly and comes in on the other as an
/// `external` revision with the editing desk's words.
#[test]
fn an_edit_made_on_one_desk_comes_in_as_an_external_revision() -> TestResult {
    if !git_is_available() {
        return Ok(());
    }
    let (day, pulled, report) = edited_on_both_desks("merge")?;
    let path = morning_path(HARBOUR);
    assert!(
        pulled.paths.contains(&day.b.path(&path)),
        "git changed {path}"
    );
    assert!(
        !pulled.conflicted.contains(&path),
        "{:?}",
        pulled.conflicted
    );

    let harbour = day.b.article(HARBOUR)?;
    assert!(report.changed.contains(&harbour.id), "{report:#?}");
    assert_eq!(harbour.body, day.a.article(HARBOUR)?.body);
    assert_eq!(day.b.newest_cause(harbour.id)?, RevisionCause::External);
    assert_eq!(day.b.library.conflict(harbour.id)?, None);
    Ok(())
}

/// One article edited on both desks in different paragraphs: git merges the file, and the
/// desk that pulled takes the merge in as an `external` revision holding both desks' words.
///
/// Every line the app writes into a file takes part in git's merge, front matter included.
#[test]
fn edits_to_different_paragraphs_of_one_article_merge_cleanly() -> TestResult {
    if !git_is_available() {
        return Ok(());
    }
    let (day, pulled, report) = edited_on_both_desks("merge")?;
    let path = morning_path(FERRY);
    assert!(
        !pulled.conflicted.contains(&path),
        "git could not merge {path}, whose desks edited paragraphs {A_FERRY_PARAGRAPH} and {B_FERRY_PARAGRAPH}; the lines in conflict:\n{}",
        day.b.read(&path)?
    );

    let ferry = day.b.article(FERRY)?;
    assert_eq!(day.b.library.conflict(ferry.id)?, None, "{report:#?}");
    assert!(report.changed.contains(&ferry.id), "{report:#?}");
    assert_eq!(ferry.body, ferry_with_both_edits());
    assert_eq!(day.b.newest_cause(ferry.id)?, RevisionCause::External);
    Ok(())
}

/// One paragraph edited on both desks: on the desk that pulled (B) it is a workspace
/// conflict, whose file side is the other desk's text, while B's article keeps B's words; the
/// file stays as git left it. Checked with both of git's marker styles (`diff3` adds the base
/// between `|||||||` and `=======`).
#[test]
fn an_edit_to_the_same_paragraph_is_a_conflict_on_the_desk_that_pulled() -> TestResult {
    if !git_is_available() {
        return Ok(());
    }
    for style in ["merge", "diff3"] {
        let (day, pulled, report) = edited_on_both_desks(style)?;
        let path = morning_path(MUSEUM);
        assert!(
            pulled.conflicted.contains(&path),
            "({style}) git merged {path}, though both desks rewrote paragraph {MUSEUM_PARAGRAPH}"
        );
        let file = day.b.read(&path)?;
        assert!(
            !marker_lines(&file).is_empty(),
            "({style}) the file is left as git made it:\n{file}"
        );

        let on_a = day.a.article(MUSEUM)?;
        let on_b = day.b.article(MUSEUM)?;
        assert!(report.conflicts.contains(&on_b.id), "({style}) {report:#?}");
        let conflict = day
            .b
            .library
            .conflict(on_b.id)?
            .ok_or_else(|| format!("({style}) {MUSEUM} is not in conflict on desk B"))?;
        let file_side = day.b.library.revision(on_b.id, conflict.file_revision)?;
        assert_eq!(
            (&file_side.headline, &file_side.body),
            (&on_a.headline, &on_a.body),
            "({style}) the file's side is desk A's text"
        );
        assert_eq!(
            on_b.body,
            with_paragraph(
                &original(MUSEUM),
                MUSEUM_PARAGRAPH,
                &words("B", MUSEUM, MUSEUM_PARAGRAPH)
            ),
            "({style}) desk B's article keeps desk B's words"
        );
        assert_eq!(
            day.a.library.workspace_conflicts()?,
            vec![],
            "({style}) desk A has pulled nothing"
        );
    }
    Ok(())
}

/// No text in either library ever holds git's markers: not after the conflicted pull, not
/// after the round trip, in no article and no revision.
#[test]
fn no_article_text_holds_conflict_markers_on_either_desk() -> TestResult {
    if !git_is_available() {
        return Ok(());
    }
    for style in ["merge", "diff3"] {
        let (day, _, _) = edited_on_both_desks(style)?;
        let mut found = day.a.texts_with_markers()?;
        found.extend(day.b.texts_with_markers()?);
        assert!(found.is_empty(), "({style}) after the pull:\n{found:#?}");

        let day = both_desks_in_step(day)?;
        let mut found = day.a.texts_with_markers()?;
        found.extend(day.b.texts_with_markers()?);
        assert!(
            found.is_empty(),
            "({style}) after the round trip:\n{found:#?}"
        );
    }
    Ok(())
}

/// Once B has settled its conflict, concluded the merge and pushed, and A has pulled, both
/// libraries hold every article, once, with the same text: the edits git merged with both
/// desks' words (B's edit arriving on A as an `external` revision), the true conflict as B's
/// editor settled it. Neither desk has anything left to commit.
#[test]
fn once_both_desks_push_and_pull_each_holds_every_article() -> TestResult {
    if !git_is_available() {
        return Ok(());
    }
    let (day, _, _) = edited_on_both_desks("merge")?;
    let day = both_desks_in_step(day)?;
    let mut every: Vec<String> = STORIES
        .iter()
        .map(|(headline, _)| newsroom::slug::slugify(headline))
        .collect();
    every.sort();
    for desk in [&day.a, &day.b] {
        assert_eq!(desk.live_slugs()?, every, "desk {}", desk.name);
        assert_eq!(
            desk.library.workspace_conflicts()?,
            vec![],
            "desk {}",
            desk.name
        );
        assert_eq!(desk.uncommitted()?, "", "desk {}", desk.name);
    }

    let budget = day.a.article(BUDGET)?;
    assert_eq!(day.a.newest_cause(budget.id)?, RevisionCause::External);
    let expected = [
        (
            HARBOUR,
            with_paragraph(&original(HARBOUR), 2, &words("A", HARBOUR, 2)),
            "desk A's edit",
        ),
        (
            BUDGET,
            with_paragraph(&original(BUDGET), 2, &words("B", BUDGET, 2)),
            "desk B's edit",
        ),
        (COUNCIL, original(COUNCIL), "as filed"),
        (STORM, original(STORM), "as filed"),
        (
            MUSEUM,
            with_paragraph(
                &original(MUSEUM),
                MUSEUM_PARAGRAPH,
                &words("B", MUSEUM, MUSEUM_PARAGRAPH),
            ),
            "the conflict as desk B's editor settled it",
        ),
        (
            FERRY,
            ferry_with_both_edits(),
            "both desks' paragraphs, as git merges them",
        ),
    ];
    for (slug, body, why) in expected {
        for desk in [&day.a, &day.b] {
            assert_eq!(
                desk.article(slug)?.body,
                body,
                "{slug} on desk {}: {why}",
                desk.name
            );
        }
    }
    Ok(())
}

/// Step 4: a checkout that moves one article's file to another section's folder (`git mv`)
/// and deletes another's (`git rm`), committed on A and pulled on B. On both desks the first
/// article follows its file (the same article, not a copy and not trashed) and the second goes
/// to the trash with its text: nothing is lost.
#[test]
fn a_checkout_that_moves_and_deletes_files_moves_and_trashes_the_articles() -> TestResult {
    if !git_is_available() {
        return Ok(());
    }
    let (mut day, _) = morning("merge")?;
    let storm_from = morning_path(STORM);
    let storm_to = file_path("World", STORM);
    let council_path = morning_path(COUNCIL);
    let before_a = (day.a.article(STORM)?, day.a.article(COUNCIL)?);
    let before_b = (day.b.article(STORM)?, day.b.article(COUNCIL)?);

    minutes_pass(20);
    day.a.git(&["mv", &storm_from, &storm_to])?;
    day.a.git(&["rm", "-q", &council_path])?;
    // Desk A's own watcher sees the checkout too.
    let touched = [&storm_from, &storm_to, &council_path].map(|rel| day.a.path(rel));
    let on_a = day.a.take_in(&touched)?;
    day.a
        .commit("Storm warning moves to World; council minutes dropped")?;
    day.a.push()?;

    minutes_pass(5);
    let pulled = day.b.pull()?;
    assert!(pulled.conflicted.is_empty(), "{:?}", pulled.conflicted);
    let on_b = day.b.take_in(&pulled.paths)?;

    for (desk, report, (storm, council)) in [(&day.a, on_a, before_a), (&day.b, on_b, before_b)] {
        let name = desk.name;
        let all = desk.all_articles()?;
        assert_eq!(
            all.len(),
            STORIES.len(),
            "desk {name}: no article is made or lost: {:#?}\n{report:#?}",
            all.iter().map(|a| (a.id, &a.slug)).collect::<Vec<_>>()
        );

        let moved = desk.library.article(storm.id)?;
        assert_eq!(
            moved.trashed_at, None,
            "desk {name}: the moved article is not trashed: {report:#?}"
        );
        assert_eq!(
            desk.file_of(storm.id)?,
            Some(storm_to.clone()),
            "desk {name}: the article follows its file: {report:#?}"
        );
        assert_eq!(moved.body, storm.body, "desk {name}");

        let deleted = desk.library.article(council.id)?;
        assert!(
            deleted.trashed_at.is_some(),
            "desk {name}: the article whose file was deleted is in the trash: {report:#?}"
        );
        assert_eq!(report.trashed, vec![council.id], "desk {name}");
        assert_eq!(
            (&deleted.headline, &deleted.body),
            (&council.headline, &council.body),
            "desk {name}: the trashed article keeps its text"
        );
    }
    for desk in [&day.a, &day.b] {
        assert_eq!(desk.uncommitted()?, "", "desk {}", desk.name);
    }
    Ok(())
}
