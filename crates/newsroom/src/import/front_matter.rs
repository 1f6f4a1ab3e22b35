//! Front matter: the block of fields at the top of a Markdown file, YAML between `---` lines
//! (Jekyll, Hugo) or TOML between `+++` lines (Hugo).
//!
//! Both dialects are read into the same small [`Value`] shape so that the field names are
//! interpreted once, in [`super::fields`], whatever the syntax.

use super::ImportError;

/// The syntax of a front-matter block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dialect {
    Yaml,
    Toml,
}

impl Dialect {
    fn fence(self) -> &'static str {
        match self {
            Dialect::Yaml => "---",
            Dialect::Toml => "+++",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Dialect::Yaml => "YAML",
            Dialect::Toml => "TOML",
        }
    }

    fn opening(first_line: &str) -> Option<Dialect> {
        [Dialect::Yaml, Dialect::Toml]
            .into_iter()
            .find(|d| first_line.trim_end() == d.fence())
    }

    fn closes(self, line: &str) -> bool {
        let line = line.trim_end();
        line == self.fence() || (self == Dialect::Yaml && line == "...")
    }
}

/// A field's value, reduced to what an article can use.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    /// Strings, numbers and dates, as text.
    Text(String),
    /// A list of scalars (nested lists and tables inside are skipped).
    List(Vec<String>),
    Flag(bool),
    /// A table or mapping: no article field takes one.
    Nested,
}

/// The fields of a front-matter block, names lowercased, in the order the file gives them
/// (YAML) or alphabetical (TOML).
pub(super) type Fields = Vec<(String, Value)>;

/// Whether `text` starts with a front-matter fence (used to route `.txt` files).
pub(super) fn opens_with_front_matter(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Dialect::opening(text.lines().next().unwrap_or("")).is_some()
}

/// Where `text`'s front matter is: `None` without one; its dialect and, once its closing fence
/// is found, the block and the body after it.
fn locate(text: &str) -> Option<(Dialect, Option<(&str, &str)>)> {
    let Some((first_line, rest)) = text.split_once('\n') else {
        return Dialect::opening(text).map(|dialect| (dialect, None));
    };
    let dialect = Dialect::opening(first_line)?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if dialect.closes(line) {
            return Some((
                dialect,
                Some((&rest[..offset], &rest[offset + line.len()..])),
            ));
        }
        offset += line.len();
    }
    Some((dialect, None))
}

/// Splits `text` (already normalised to `\n`) into its fields and the Markdown body after them.
/// Text without front matter gives no fields and the whole text as body.
pub(super) fn split<'a>(
    text: &'a str,
    file: Option<&str>,
) -> Result<(Fields, &'a str), ImportError> {
    match locate(text) {
        None => Ok((Vec::new(), text)),
        Some((dialect, None)) => Err(unclosed(dialect, file)),
        Some((dialect, Some((block, body)))) => Ok((parse(dialect, block, file)?, body)),
    }
}

/// The fields of `text`'s front matter that no article field takes (Hugo's `aliases`,
/// `lastmod`, a desk's own), as YAML: what the workspace keeps and writes back (a file is
/// written with YAML front matter, so a TOML block's fields are kept as YAML, in alphabetical
/// order). Empty when there are none, or when the block cannot be read (the import then says
/// why).
pub fn unused_yaml_fields(text: &str) -> String {
    let Some((dialect, Some((block, _)))) = locate(text) else {
        return String::new();
    };
    if super::front_matter_bounds::check(block).is_err() {
        return String::new();
    }
    let mapping = match dialect {
        Dialect::Yaml => serde_norway::from_str::<serde_norway::Mapping>(block).ok(),
        Dialect::Toml => block.parse::<toml::Table>().ok().map(|table| {
            table
                .into_iter()
                .map(|(key, value)| (serde_norway::Value::String(key), toml_as_yaml(value)))
                .collect()
        }),
    };
    let Some(mut mapping) = mapping else {
        return String::new();
    };
    mapping.retain(|key, _| {
        key.as_str()
            .is_some_and(|name| !super::fields::understood(&name.to_lowercase()))
    });
    if mapping.is_empty() {
        return String::new();
    }
    serde_norway::to_string(&mapping).unwrap_or_default()
}

/// A TOML value as the YAML value that says the same (dates as their text).
fn toml_as_yaml(value: toml::Value) -> serde_norway::Value {
    use serde_norway::Value as Y;
    match value {
        toml::Value::String(text) => Y::String(text),
        toml::Value::Integer(number) => Y::Number(number.into()),
        toml::Value::Float(number) => Y::Number(number.into()),
        toml::Value::Boolean(flag) => Y::Bool(flag),
        toml::Value::Datetime(moment) => Y::String(moment.to_string()),
        toml::Value::Array(items) => Y::Sequence(items.into_iter().map(toml_as_yaml).collect()),
        toml::Value::Table(table) => Y::Mapping(
            table
                .into_iter()
                .map(|(key, value)| (Y::String(key), toml_as_yaml(value)))
                .collect(),
        ),
    }
}

fn unclosed(dialect: Dialect, file: Option<&str>) -> ImportError {
    ImportError::UnclosedFrontMatter {
        file: file.map(str::to_string),
        fence: dialect.fence(),
    }
}

/// The first line of the block is line 2 of the file (line 1 is the fence).
const FIRST_FIELD_LINE: usize = 2;

fn parse(dialect: Dialect, block: &str, file: Option<&str>) -> Result<Fields, ImportError> {
    let invalid = |detail: String| ImportError::InvalidFrontMatter {
        file: file.map(str::to_string),
        format: dialect.name(),
        detail,
    };
    super::front_matter_bounds::check(block).map_err(|why| invalid(format!("it is {why}")))?;
    match dialect {
        Dialect::Yaml => from_yaml(block).map_err(invalid),
        Dialect::Toml => from_toml(block).map_err(invalid),
    }
}

fn from_yaml(block: &str) -> Result<Fields, String> {
    let document: serde_norway::Value = serde_norway::from_str(block).map_err(|e| {
        let message = e.to_string();
        // The parser counts lines from the start of the block; the editor counts from the top
        // of the file, so the parser's own position is replaced by ours.
        let cause = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_string();
        match e.location() {
            Some(at) => format!("{cause} at line {}", at.line() + FIRST_FIELD_LINE - 1),
            None => cause,
        }
    })?;
    match document {
        serde_norway::Value::Null => Ok(Vec::new()),
        serde_norway::Value::Mapping(mapping) => Ok(mapping
            .into_iter()
            .filter_map(|(key, value)| Some((yaml_scalar(key)?.to_lowercase(), yaml_value(value)?)))
            .collect()),
        _ => Err("it must be a list of “name: value” fields".to_string()),
    }
}

/// A YAML value as a [`Value`]; `None` for null (a field left empty is as good as absent).
fn yaml_value(value: serde_norway::Value) -> Option<Value> {
    use serde_norway::Value as Y;
    match value {
        Y::Null => None,
        Y::Bool(flag) => Some(Value::Flag(flag)),
        Y::Sequence(items) => Some(Value::List(
            items.into_iter().filter_map(yaml_scalar).collect(),
        )),
        Y::Mapping(_) => Some(Value::Nested),
        Y::Tagged(tagged) => yaml_value(tagged.value),
        scalar => yaml_scalar(scalar).map(Value::Text),
    }
}

fn yaml_scalar(value: serde_norway::Value) -> Option<String> {
    use serde_norway::Value as Y;
    match value {
        Y::String(text) => Some(text),
        Y::Number(number) => Some(number.to_string()),
        Y::Bool(flag) => Some(flag.to_string()),
        Y::Tagged(tagged) => yaml_scalar(tagged.value),
        Y::Null | Y::Sequence(_) | Y::Mapping(_) => None,
    }
}

fn from_toml(block: &str) -> Result<Fields, String> {
    let table: toml::Table = block.parse().map_err(|e: toml::de::Error| {
        let cause = e.message().trim_end().to_string();
        match e.span() {
            Some(span) => {
                let line = block
                    .get(..span.start)
                    .unwrap_or(block)
                    .matches('\n')
                    .count();
                format!("{cause} at line {}", line + FIRST_FIELD_LINE)
            }
            None => cause,
        }
    })?;
    Ok(table
        .into_iter()
        .map(|(key, value)| (key.to_lowercase(), toml_value(value)))
        .collect())
}

fn toml_value(value: toml::Value) -> Value {
    match value {
        toml::Value::Boolean(flag) => Value::Flag(flag),
        toml::Value::Array(items) => {
            Value::List(items.into_iter().filter_map(toml_scalar).collect())
        }
        toml::Value::Table(_) => Value::Nested,
        scalar => toml_scalar(scalar).map_or(Value::Nested, Value::Text),
    }
}

fn toml_scalar(value: toml::Value) -> Option<String> {
    match value {
        toml::Value::String(text) => Some(text),
        toml::Value::Integer(number) => Some(number.to_string()),
        toml::Value::Float(number) => Some(number.to_string()),
        toml::Value::Boolean(flag) => Some(flag.to_string()),
        toml::Value::Datetime(moment) => Some(moment.to_string()),
        toml::Value::Array(_) | toml::Value::Table(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> Value {
        Value::Text(value.to_string())
    }

    #[test]
    fn yaml_fields_are_read_in_order_with_lowercase_names() {
        let (fields, body) = split(
            "---\nTitle: Budget vote\ntags: [a, b]\ndraft: false\nweight: 3\nempty:\nparams: {x: 1}\n---\nBody\n",
            None,
        )
        .unwrap();
        assert_eq!(
            fields,
            vec![
                ("title".into(), text("Budget vote")),
                ("tags".into(), Value::List(vec!["a".into(), "b".into()])),
                ("draft".into(), Value::Flag(false)),
                ("weight".into(), text("3")),
                ("params".into(), Value::Nested),
            ]
        );
        assert_eq!(body, "Body\n");
    }

    #[test]
    fn toml_fields_keep_dates_as_text() {
        let (fields, body) = split(
            "+++\ntitle = \"Vote\"\ndate = 2021-12-02T10:00:00+01:00\ntags = [\"x\"]\n+++\n\nBody",
            None,
        )
        .unwrap();
        assert!(fields.contains(&("date".into(), text("2021-12-02T10:00:00+01:00"))));
        assert!(fields.contains(&("title".into(), text("Vote"))));
        assert_eq!(body, "\nBody");
    }

    /// A Hugo page in TOML keeps the fields no article field takes, written back as YAML.
    #[test]
    fn unused_toml_fields_are_kept_as_yaml() {
        let text = "+++\ntitle = \"Vote\"\nweight = 3\naliases = [\"/old/vote\"]\nlastmod = 2021-12-02T10:00:00Z\n[params]\nkicker = \"Analysis\"\n+++\nBody\n";
        assert_eq!(
            unused_yaml_fields(text),
            "aliases:\n- /old/vote\nlastmod: 2021-12-02T10:00:00Z\nparams:\n  kicker: Analysis\nweight: 3\n"
        );
    }

    #[test]
    fn text_without_a_fence_is_all_body() {
        let (fields, body) = split("# Title\n---\n", None).unwrap();
        assert!(fields.is_empty());
        assert_eq!(body, "# Title\n---\n");
        assert!(opens_with_front_matter("\u{feff}---\n"));
        assert!(!opens_with_front_matter("Headline | Section\n"));
    }

    #[test]
    fn an_empty_block_and_yaml_document_end_marker_are_accepted() {
        assert!(split("---\n---\nBody", None).unwrap().0.is_empty());
        let (fields, body) = split("---\ntitle: A\n...\nBody", None).unwrap();
        assert_eq!(fields, vec![("title".into(), text("A"))]);
        assert_eq!(body, "Body");
    }

    #[test]
    fn a_block_that_never_closes_is_an_error() {
        for (input, fence) in [("---\ntitle: A\n\nBody\n", "---"), ("+++", "+++")] {
            let err = split(input, Some("x.md")).unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::Invalid);
            assert!(
                err.to_string()
                    .contains(&format!("never closed; add a “{fence}”")),
                "{err}"
            );
        }
    }

    #[test]
    fn broken_yaml_names_the_file_line() {
        let err = split(
            "---\ntitle: A\nauthor: [unclosed\ntags: x\n---\n",
            Some("x.md"),
        )
        .unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Invalid);
        let message = err.to_string();
        assert!(
            message.starts_with("the front matter of “x.md” is not valid YAML: "),
            "{message}"
        );
        assert!(message.contains(" at line "), "{message}");
        assert!(!message.contains("column"), "{message}");
    }

    #[test]
    fn broken_yaml_reports_the_line_counted_from_the_top_of_the_file() {
        let err = split("---\ntitle: A\ndek: B\n  bad: indent\n---\n", Some("x.md")).unwrap_err();
        assert!(err.to_string().contains("at line 4"), "{err}");
    }

    #[test]
    fn broken_toml_names_the_file_line() {
        let err = split("+++\ntitle = \"A\"\ndate = \n+++\n", Some("y.md")).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Invalid);
        let message = err.to_string();
        assert!(
            message.starts_with("the front matter of “y.md” is not valid TOML: "),
            "{message}"
        );
        assert!(message.contains("at line 3"), "{message}");
    }

    #[test]
    fn a_yaml_scalar_is_not_a_field_list() {
        let err = split("---\njust a sentence\n---\n", None).unwrap_err();
        assert!(
            err.to_string()
                .contains("the front matter of the text is not valid YAML: it must be a list"),
            "{err}"
        );
    }
}
