//! `newsroom site add|list|remove`.

use std::io::{IsTerminal, Read};

use newsroom::Library;
use newsroom::library::NewSite;
use newsroom::publish::{SecretPlace, SiteKind};

use super::args::{SiteAddArgs, SiteCommand};
use super::output::{print_json, write_line};
use super::{CliError, CliResult};

pub fn site(library: &mut Library, command: SiteCommand) -> CliResult {
    match command {
        SiteCommand::Add(args) => add(library, args),
        SiteCommand::List { json } => list(library, json),
        SiteCommand::Remove { name } => {
            let site = library.remove_site(&name)?;
            write_line(format_args!("Removed {} ({}).", site.name, site.url));
            Ok(())
        }
    }
}

fn add(library: &mut Library, args: SiteAddArgs) -> CliResult {
    let (kind, url) = match (args.wordpress, args.ghost) {
        (Some(url), _) => (SiteKind::WordPress, url),
        (None, Some(url)) => (SiteKind::Ghost, url),
        (None, None) => {
            return Err(CliError::Usage(
                "name the site's CMS: --wordpress URL or --ghost URL".into(),
            ));
        }
    };
    let prompt = match (&kind, &args.user) {
        (SiteKind::WordPress, Some(user)) => format!("Application Password for {user} at {url}: "),
        _ => format!("Admin API key for {url} (Settings → Integrations): "),
    };
    let secret = read_secret(&prompt)?;
    let site = library
        .add_site(
            NewSite {
                name: args.name,
                kind,
                url,
                user: args.user,
                secret_file: args.secret_file,
            },
            &secret,
        )
        .map_err(|error| match error.kind() {
            // The command line's way to the file the sentence offers.
            newsroom::ErrorKind::NoKeychain => CliError::Usage(format!(
                "{}: add --secret-file PATH to choose it",
                error.to_string().trim_end_matches('.')
            )),
            _ => CliError::Core(error),
        })?;
    let kept = match &site.secret {
        SecretPlace::Keychain => "the keychain".to_owned(),
        SecretPlace::File(path) => path.display().to_string(),
    };
    let account = match &site.user {
        Some(user) => format!("signed in as {user}"),
        None => "signed in".to_owned(),
    };
    write_line(format_args!(
        "Added {} ({} at {}); {account}, the secret is in {kept}.",
        site.name, site.kind, site.url
    ));
    Ok(())
}

/// The secret, from a prompt that does not echo it, or from standard input when that is not a
/// terminal (a script, a password manager's pipe). Never from the command line, where other
/// users and the shell's history would see it.
fn read_secret(prompt: &str) -> Result<String, CliError> {
    if std::io::stdin().is_terminal() {
        return rpassword::prompt_password(prompt)
            .map_err(|e| CliError::Usage(format!("the secret could not be read: {e}")));
    }
    let mut secret = String::new();
    std::io::stdin().read_to_string(&mut secret).map_err(|e| {
        CliError::Usage(format!(
            "the secret could not be read from standard input: {e}"
        ))
    })?;
    Ok(secret.trim().to_owned())
}

fn list(library: &Library, json: bool) -> CliResult {
    let sites = library.sites()?;
    if json {
        return print_json(&sites);
    }
    if sites.is_empty() {
        write_line(format_args!(
            "No sites yet; add one with `newsroom site add NAME --wordpress URL --user USER`."
        ));
    }
    for site in sites {
        write_line(format_args!(
            "{}\t{}\t{}\t{}",
            site.name,
            site.kind,
            site.url,
            site.user.unwrap_or_default()
        ));
    }
    Ok(())
}
