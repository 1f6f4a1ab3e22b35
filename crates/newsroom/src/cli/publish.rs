//! `newsroom publish`: an article to a site, with a progress line per step on standard error.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use newsroom::Library;
use newsroom::library::PublishRequest;
use newsroom::publish::{PostStatus, PublishError};

use super::args::PublishArgs;
use super::output::{article_id, print_json, rfc3339_time, write_line};
use super::{CliError, CliResult};

pub fn publish(library: &mut Library, args: PublishArgs) -> CliResult {
    let article = article_id(library, &args.id)?;
    let status = match (args.status.as_str(), args.at.as_deref()) {
        ("draft", None) => PostStatus::Draft,
        ("publish", None) => PostStatus::Publish,
        ("scheduled", Some(at)) => PostStatus::Scheduled(rfc3339_time(at)?),
        ("scheduled", None) => {
            return Err(CliError::Usage(
                "a scheduled post needs its time: --at 2026-12-05T09:00:00+01:00".into(),
            ));
        }
        ("draft" | "publish", Some(_)) => {
            return Err(CliError::Usage("--at goes with --status scheduled".into()));
        }
        (other, _) => {
            return Err(CliError::Usage(format!(
                "“{other}” is not a post status; use draft, publish or scheduled"
            )));
        }
    };
    let cancel = Arc::new(AtomicBool::new(false));
    let on_interrupt = Arc::clone(&cancel);
    ctrlc::set_handler(move || on_interrupt.store(true, Ordering::Relaxed))
        .map_err(|e| CliError::Usage(format!("could not listen for Ctrl-C: {e}")))?;
    let request = PublishRequest {
        article,
        site: args.to,
        status,
        overwrite_web_edits: args.overwrite,
    };
    // Progress goes to standard error, so that --json output stays one document.
    let outcome = library.publish(&request, &mut |step| eprintln!("{step}"), &cancel);
    let outcome = match outcome {
        Err(newsroom::Error::Publish(PublishError::EditedOnTheWeb(edit))) => {
            eprintln!(
                "On {}: “{}”, changed {} UTC (last published from here: {} UTC).",
                edit.site, edit.web_title, edit.web_modified, edit.recorded_modified
            );
            eprintln!("Run again with --overwrite to replace the web version with this article.");
            return Err(newsroom::Error::Publish(PublishError::EditedOnTheWeb(edit)).into());
        }
        other => other?,
    };
    if args.json {
        return print_json(&outcome);
    }
    write_line(format_args!(
        "{} post {} on {} ({}): {}",
        if outcome.created {
            "Created"
        } else {
            "Updated"
        },
        outcome.post_id,
        outcome.site,
        outcome.status,
        outcome.url
    ));
    Ok(())
}
