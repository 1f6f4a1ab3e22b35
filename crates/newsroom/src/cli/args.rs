//! The command line, as clap derives it. Names and flags are part of the product: scripts
//! depend on them.

use clap::{Args, Parser, Subcommand};
use newsroom::launch_args::LaunchArgs;
use std::path::PathBuf;

/// Newsroom: write, edit and publish news articles from the command line.
#[derive(Debug, Parser)]
#[command(name = "newsroom", version)]
pub struct Cli {
    // `--db`, `--workspace` and `--no-workspace`, global options as the desktop app takes them.
    #[command(flatten)]
    pub launch: LaunchArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an article and print its id.
    New(NewArgs),
    /// Import Markdown (with YAML or TOML front matter) or plain-text articles; prints one id per file.
    Import {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// List articles, most recently updated first.
    List(ListArgs),
    /// Show one article (by id or slug).
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Change an article's metadata, status or body.
    Edit(Box<EditArgs>),
    /// The story budget: a day's stories with length, time, byline, photos and the last desk
    /// note, as a table or (with --csv) a CSV file.
    Budget(BudgetArgs),
    /// Full-text search over headlines, deks, bodies, tags and photo captions.
    Search {
        query: String,
        #[arg(long)]
        json: bool,
    },
    /// Attach a photo file to an article; prints the photo id.
    Attach(AttachArgs),
    /// Add a related post: another article, or an outside page with --url and --title.
    Relate(RelateArgs),
    /// Print the preview HTML of a Markdown file (or standard input).
    Render {
        /// The Markdown file; `-` or nothing reads standard input.
        file: Option<PathBuf>,
    },
    /// Export articles as standalone HTML pages.
    Export(ExportArgs),
    /// Append a correction (or with --update an update) to a published article, dated now.
    Correct(CorrectArgs),
    /// List an article's revisions, newest first.
    Revisions { id: String },
    /// Restore an older revision (the current text is kept as a revision too).
    Restore { id: String, revision: u32 },
    /// Move an article to the trash.
    Trash { id: String },
    /// Bring an article back from the trash.
    Untrash { id: String },
    /// Back up the library now (today's rolling backup unless --out is given); prints the path.
    Backup {
        /// Write the backup to this file instead.
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// List the library's backups, newest first: date, size, path.
    Backups,
    /// Replace the library with a backup; the current library is kept as a safety copy first,
    /// whose path is printed.
    RestoreBackup {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Keep a workspace folder of Markdown files in sync with the library, both ways, until
    /// interrupted; prints one line per thing it does.
    Watch(WatchArgs),
    /// Add, list or remove the sites articles are published to.
    Site {
        #[command(subcommand)]
        command: SiteCommand,
    },
    /// Publish an article to a site: creates its post there, or updates the one it became.
    Publish(PublishArgs),
    /// Spell- and grammar-check an article's body: one line per problem, with its line and
    /// column and the suggested replacements.
    Check {
        /// The article (id or slug).
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// The library's own word list for spell checking, and its default language.
    Dictionary {
        #[command(subcommand)]
        command: DictionaryCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum DictionaryCommand {
    /// Add words (names and places the desk writes often) to the library's list.
    Add {
        #[arg(required = true, value_name = "WORD")]
        words: Vec<String>,
    },
    /// Remove words from the library's list.
    Remove {
        #[arg(required = true, value_name = "WORD")]
        words: Vec<String>,
    },
    /// Print the library's words, one per line.
    List,
    /// Print the library's default language and the languages with a dictionary here, or with
    /// a tag (en-GB, fr) set the default.
    Language { tag: Option<String> },
    /// Print whether the app checks as the editor types, or switch it on or off.
    AsYouType { switch: Option<Switch> },
}

/// `on` or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Switch {
    On,
    Off,
}

#[derive(Debug, Subcommand)]
pub enum SiteCommand {
    /// Add a WordPress or Ghost site. Its secret (an Application Password, an Admin API key) is
    /// read from standard input or a prompt, never from the command line, and kept in the
    /// system's keychain.
    Add(SiteAddArgs),
    /// List the sites: name, CMS, address, user.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Remove a site and its secret (what was published to it is remembered).
    Remove { name: String },
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("cms").required(true).args(["wordpress", "ghost"])))]
pub struct SiteAddArgs {
    /// What the site is called in Newsroom, e.g. "The Daily".
    pub name: String,
    /// A WordPress site's address (https://…); its Application Password is the secret.
    #[arg(long, value_name = "URL", requires = "user")]
    pub wordpress: Option<String>,
    /// A Ghost site's address (https://…); an Admin API key (id:secret) is the secret.
    #[arg(long, value_name = "URL")]
    pub ghost: Option<String>,
    /// The WordPress user that publishes.
    #[arg(long)]
    pub user: Option<String>,
    /// Where no keychain is available (a server): keep the secret in this file instead, readable
    /// by you alone.
    #[arg(long, value_name = "PATH")]
    pub secret_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The article (id or slug).
    pub id: String,
    /// The site (see `newsroom site list`).
    #[arg(long, value_name = "SITE")]
    pub to: String,
    /// draft, publish or scheduled.
    #[arg(long, default_value = "draft")]
    pub status: String,
    /// When a scheduled post goes live, e.g. 2026-12-05T09:00:00+01:00.
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Replace the post even though it was edited on the web since it was last published.
    #[arg(long)]
    pub overwrite: bool,
    #[arg(long)]
    pub json: bool,
}

/// Fields `new` and `edit` share.
#[derive(Debug, Args)]
pub struct FieldArgs {
    /// The standfirst under the headline.
    #[arg(long)]
    pub dek: Option<String>,
    #[arg(long)]
    pub section: Option<String>,
    #[arg(long)]
    pub byline: Option<String>,
    /// Where the story was filed from, e.g. STOCKHOLM.
    #[arg(long)]
    pub dateline: Option<String>,
    /// The slug (new articles: derived from the headline when not given).
    #[arg(long)]
    pub slug: Option<String>,
    /// The body in Markdown, from a file or `-` for standard input.
    #[arg(long, value_name = "FILE")]
    pub body_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    #[arg(long)]
    pub headline: String,
    /// A tag; repeat for several.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    #[command(flatten)]
    pub fields: FieldArgs,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub section: Option<String>,
    /// List the trash instead.
    #[arg(long)]
    pub trash: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct BudgetArgs {
    /// Only this day's stories (in UTC), e.g. 2026-12-03: a story's day is that of its embargo,
    /// else of its publication, else of its last change.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub day: Option<String>,
    #[arg(long)]
    pub section: Option<String>,
    /// draft, editing, ready, published or archived.
    #[arg(long)]
    pub status: Option<String>,
    /// slug, headline, section, status, planned, words, time (the default), byline, photos or note.
    #[arg(long, value_name = "COLUMN")]
    pub sort: Option<String>,
    /// Sort the other way.
    #[arg(long)]
    pub desc: bool,
    /// Write every matching story to this CSV file instead of printing them.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    pub id: String,
    #[arg(long)]
    pub headline: Option<String>,
    /// Replace the tags; repeat for several.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Option<Vec<String>>,
    /// draft, editing, ready, published or archived.
    #[arg(long)]
    pub status: Option<String>,
    #[command(flatten)]
    pub fields: FieldArgs,
    #[command(flatten)]
    pub desk: DeskArgs,
}

/// The desk's fields of an article.
#[derive(Debug, Args)]
pub struct DeskArgs {
    /// The short label above the headline, e.g. Analysis ("" removes it).
    #[arg(long)]
    pub kicker: Option<String>,
    /// The headline search engines show, about 60 characters ("" uses the headline).
    #[arg(long)]
    pub seo_headline: Option<String>,
    /// The headline of social cards ("" uses the headline).
    #[arg(long)]
    pub social_headline: Option<String>,
    /// Not to go out before this time, e.g. 2026-12-03T18:00:00+01:00; "none" lifts it.
    #[arg(long, value_name = "TIME|none")]
    pub embargo: Option<String>,
    /// The planned length in words; "none" drops it.
    #[arg(long, value_name = "N|none")]
    pub words_planned: Option<String>,
    /// The language the body is spell-checked in, e.g. en-GB; "default" uses the library's.
    #[arg(long, value_name = "TAG|default")]
    pub language: Option<String>,
    /// Add a note for the desk (never exported or published).
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct CorrectArgs {
    /// The published article (id or slug).
    pub id: String,
    /// What was wrong and what is right, printed at the end of the story with today's date.
    #[arg(long)]
    pub text: String,
    /// An update (news since) rather than a correction (an error put right).
    #[arg(long)]
    pub update: bool,
}

#[derive(Debug, Args)]
pub struct AttachArgs {
    /// The article (id or slug).
    pub id: String,
    /// The image file (JPEG, PNG, WebP or GIF).
    pub photo: PathBuf,
    #[arg(long)]
    pub caption: Option<String>,
    #[arg(long)]
    pub credit: Option<String>,
    #[arg(long)]
    pub alt: Option<String>,
    /// Make it the article's featured photo.
    #[arg(long)]
    pub featured: bool,
}

#[derive(Debug, Args)]
pub struct RelateArgs {
    /// The article (id or slug).
    pub id: String,
    /// The related article (id or slug).
    #[arg(required_unless_present = "url", conflicts_with = "url")]
    pub other: Option<String>,
    /// An outside page's address (http or https).
    #[arg(long, requires = "title")]
    pub url: Option<String>,
    /// The outside page's title.
    #[arg(long)]
    pub title: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Articles to export (ids or slugs).
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub ids: Vec<String>,
    /// Export every article outside the trash.
    #[arg(long)]
    pub all: bool,
    /// The folder to write into (created if needed).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Inline images as data URIs: each page is one self-contained file.
    #[arg(long)]
    pub single_file: bool,
    /// Export articles still under embargo too (refused otherwise).
    #[arg(long)]
    pub ignore_embargo: bool,
}

// The folder is the global `--workspace` (`Cli::launch`).
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// Check the folder every second instead of relying on change notifications (for network
    /// drives that do not report changes).
    #[arg(long)]
    pub poll: bool,
    /// Print one JSON object per line instead of sentences.
    #[arg(long)]
    pub json: bool,
}
