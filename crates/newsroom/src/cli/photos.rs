//! Commands that connect articles to other things: photos and related posts.

use super::args::{AttachArgs, RelateArgs};
use super::output::{article_id, out};
use super::{CliError, CliResult};
use newsroom::Library;
use newsroom::library::AttachRequest;
use newsroom::model::RelatedTarget;

pub fn attach(library: &mut Library, args: AttachArgs) -> CliResult {
    let id = article_id(library, &args.id)?;
    let request = AttachRequest {
        caption: args.caption,
        credit: args.credit,
        alt: args.alt,
        featured: args.featured,
    };
    let photo_use = library.attach_photo_file(id, &args.photo, &request)?;
    out!("{}", photo_use.photo.id);
    Ok(())
}

pub fn relate(library: &mut Library, args: RelateArgs) -> CliResult {
    let id = article_id(library, &args.id)?;
    let (target, title) = match (args.other, args.url) {
        (Some(other), None) => (
            RelatedTarget::Article {
                id: article_id(library, &other)?,
            },
            String::new(),
        ),
        (None, Some(url)) => (
            RelatedTarget::External { url },
            args.title.unwrap_or_default(),
        ),
        _ => {
            return Err(CliError::Usage(
                "name either another article or an outside page with --url and --title".into(),
            ));
        }
    };
    let link = library.add_related(id, &target, &title)?;
    out!("{}", link.position);
    Ok(())
}
