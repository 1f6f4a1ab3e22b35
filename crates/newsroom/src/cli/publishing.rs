//! Commands that produce HTML: render (preview) and export.

use super::args::ExportArgs;
use super::output::{article_id, out, read_markdown};
use super::{CliError, CliResult};
use newsroom::Library;
use newsroom::export::EmbargoRule;
use newsroom::library::MediaUrls;
use newsroom::model::ArticleFilter;
use newsroom::render::{self, Standalone, Target};
use std::io::Write;
use std::path::Path;

fn markdown_from(file: Option<&Path>) -> Result<String, super::CliError> {
    read_markdown(file.unwrap_or(Path::new("-")))
}

fn print(html: &str) -> CliResult {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`newsroom render x.md | head`) is not an error worth a message.
    let _ = out.write_all(html.as_bytes()).and_then(|_| out.flush());
    Ok(())
}

/// Renders with photos and article links resolved from the library.
pub fn render(library: &mut Library, file: Option<&Path>) -> CliResult {
    let markdown = markdown_from(file)?;
    print(
        &library
            .render_preview(&markdown, &MediaUrls::RelativeToLibrary)
            .html,
    )
}

/// Renders without a library: photos and article links show as unresolved.
pub fn render_standalone(file: Option<&Path>) -> CliResult {
    let markdown = markdown_from(file)?;
    print(&render::render(&markdown, Target::Preview, &Standalone).html)
}

pub fn export(library: &mut Library, args: ExportArgs) -> CliResult {
    let ids = if args.all {
        let all = ArticleFilter::default();
        library
            .list_articles(&all)?
            .into_iter()
            .map(|a| a.id)
            .collect()
    } else {
        args.ids
            .iter()
            .map(|id| article_id(library, id))
            .collect::<Result<Vec<_>, _>>()?
    };
    let embargo = if args.ignore_embargo {
        EmbargoRule::Ignore
    } else {
        EmbargoRule::Respect
    };
    let report = library
        .export(&ids, &args.out, args.single_file, embargo)
        .map_err(|error| match error.kind() {
            newsroom::ErrorKind::Embargoed => {
                CliError::Usage(format!("{error}; --ignore-embargo exports it anyway"))
            }
            _ => error.into(),
        })?;
    for page in report.pages.iter().chain(report.index.iter()) {
        out!("{}", page.display());
    }
    Ok(())
}
