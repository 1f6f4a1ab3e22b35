//! Shared formatting of the CLI's output: sentences, dates, JSON, reading input.

use super::CliError;
use newsroom::Library;
use newsroom::model::{ArticleId, Timestamp};
use serde::Serialize;
use std::io::Read;
use std::path::Path;

/// Turns an error message into a sentence: capital first letter, final full stop.
pub fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    let mut out: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => return "Something went wrong.".into(),
    };
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// `2026-11-28 06:30 UTC`.
pub fn date(ts: Timestamp) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    time::OffsetDateTime::from_unix_timestamp(ts)
        .ok()
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_else(|| ts.to_string())
}

/// An RFC 3339 time (`2026-12-05T09:00:00+01:00`) as Unix seconds.
pub fn rfc3339_time(at: &str) -> Result<Timestamp, CliError> {
    time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339)
        .map(|t| t.unix_timestamp())
        .map_err(|_| {
            CliError::Usage(format!(
                "“{at}” is not a time; write it like 2026-12-05T09:00:00+01:00"
            ))
        })
}

/// Writes one line of output. A reader that goes away (`newsroom list | head`) ends the program
/// quietly, as command-line tools do, instead of a panic from `println!`.
pub fn write_line(line: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "{line}")
        && e.kind() == std::io::ErrorKind::BrokenPipe
    {
        std::process::exit(0);
    }
}

/// `println!` for command output, through [`write_line`].
macro_rules! out {
    () => {
        $crate::cli::output::write_line(format_args!(""))
    };
    ($($arg:tt)*) => {
        $crate::cli::output::write_line(format_args!($($arg)*))
    };
}
pub(crate) use out;

/// Prints `value` as pretty JSON on stdout.
pub fn print_json<T: Serialize>(value: &T) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| CliError::Usage(format!("could not write JSON: {e}")))?;
    out!("{text}");
    Ok(())
}

/// An article named on the command line by id or by slug (current or former).
pub fn article_id(library: &Library, id_or_slug: &str) -> Result<ArticleId, CliError> {
    match id_or_slug.trim().parse::<ArticleId>() {
        Ok(id) => Ok(library.article(id)?.id),
        Err(_) => Ok(library.article_by_slug(id_or_slug.trim())?.id),
    }
}

/// Largest body read from standard input, like files given to `import`.
const STDIN_LIMIT: u64 = newsroom::import::MAX_FILE_BYTES;

/// Markdown from a file, or from standard input for `-`, with the same checks as imports
/// (exists, UTF-8 text, not too large).
pub fn read_markdown(path: &Path) -> Result<String, CliError> {
    if path != Path::new("-") {
        return Ok(newsroom::import::read_text_file(path)?);
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(STDIN_LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::Usage(format!("could not read standard input: {e}")))?;
    if bytes.len() as u64 > STDIN_LIMIT {
        return Err(CliError::Usage(format!(
            "standard input is larger than {} MB; split the text or import it as a file",
            STDIN_LIMIT / 1_000_000
        )));
    }
    Ok(newsroom::import::decode_text(&bytes, "standard input")?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_need_an_offset() {
        assert_eq!(
            super::rfc3339_time("2026-12-04T10:00:00+01:00").unwrap(),
            1_796_374_800
        );
        assert!(super::rfc3339_time("tomorrow").is_err());
        assert!(super::rfc3339_time("2026-12-04T10:00:00").is_err());
    }
}
