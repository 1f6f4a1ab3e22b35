//! Site text that is not part of the story: subscription pitches, share buttons, "Related
//! Posts", cookie notices and the comment form that closes many pages.
//!
//! A story paragraph can mention subscribing or Twitter too, so the rules only look at short
//! lines and mostly need the line to address the reader ("our newsletter", "follow us", "join
//! now"). Every dropped line is listed in a warning, so a wrong guess is easy to undo.

use super::lines::word_count;

/// Site text is short: a longer line is always kept.
const MAX_WORDS: usize = 30;

/// Removes site text from `units` and returns what was removed, in order.
///
/// A comment section ("Leave a Reply", "Comments") ends the story: it and everything after it
/// go, since what follows is the form or readers' comments.
pub(super) fn remove(units: &mut Vec<String>) -> Vec<String> {
    let mut dropped = Vec::new();
    let comments = units.iter().position(|u| opens_comments(u));
    let tail = comments.map(|at| units.split_off(at)).unwrap_or_default();
    units.retain(|unit| {
        let site = is_site_text(unit);
        if site {
            dropped.push(unit.clone());
        }
        !site
    });
    dropped.extend(tail);
    dropped
}

/// Lines that start a comment section.
fn opens_comments(line: &str) -> bool {
    let lower = simplified(line);
    const STARTS: &[&str] = &[
        "leave a reply",
        "leave a comment",
        "post a comment",
        "add a comment",
        "comments are closed",
        "join the conversation",
        "show comments",
        "view comments",
    ];
    let count_line = lower
        .strip_suffix("comments")
        .is_some_and(|n| n.trim().chars().all(|c| c.is_ascii_digit()));
    count_line || STARTS.iter().any(|s| starts_with_phrase(&lower, s))
}

fn is_site_text(line: &str) -> bool {
    if word_count(line) > MAX_WORDS {
        return false;
    }
    let lower = simplified(line);
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    let has_any = |list: &[&str]| list.iter().any(|w| has(w));

    const WHOLE_LINES: &[&str] = &[
        "share",
        "tweet",
        "print",
        "email",
        "comment",
        "advertisement",
        "ad",
        "menu",
        "home",
        "name *",
        "email *",
        "website",
        "submit",
        "reply",
        "cancel reply",
        "close",
        "facebook",
        "twitter",
        "whatsapp",
        "linkedin",
        "telegram",
        "copy link",
        "show more",
        "load more",
        "related",
    ];
    const STARTS: &[&str] = &[
        "subscribe",
        "sign up",
        "sign in",
        "log in",
        "already a subscriber",
        "create an account",
        "create your account",
        "related posts",
        "related articles",
        "related stories",
        "related news",
        "related content",
        "related coverage",
        "recommended for you",
        "you may also like",
        "you might also like",
        "more from",
        "most read",
        "most popular",
        "trending now",
        "read more",
        "read also",
        "also read",
        "see also",
        "continue reading",
        "keep reading",
        "click here",
        "share this",
        "share on",
        "share via",
        "share article",
        "share:",
        "copy link",
        "print this",
        "email this",
        "follow us",
        "advertisement",
        "sponsored by",
        "sponsored content",
        "your email address",
        "required fields",
        "save my name",
        "post comment",
        "we use cookies",
        "this website uses cookies",
        "this site uses cookies",
        "accept all",
        "accept cookies",
        "download the app",
        "download our app",
        "get the app",
        "listen to this article",
        "don't miss",
    ];
    const NETWORKS: &[&str] = &[
        "facebook",
        "twitter",
        "instagram",
        "linkedin",
        "youtube",
        "tiktok",
        "telegram",
        "whatsapp",
        "bluesky",
        "mastodon",
        "threads",
    ];
    const SIGN_UPS: &[&str] = &[
        "subscribe",
        "subscription",
        "newsletter",
        "newsletters",
        "register",
    ];
    const TO_THE_READER: &[&str] = &[
        "our",
        "now",
        "here",
        "today",
        "free",
        "you",
        "your",
        "join",
        "unlimited",
        "limits",
    ];

    let trimmed = lower.trim_end_matches([':', ' ']);
    WHOLE_LINES.contains(&trimmed)
        || STARTS.iter().any(|s| starts_with_phrase(&lower, s))
        || (has_any(NETWORKS) && (has("follow") || lower.contains("like us")))
        || (has_any(SIGN_UPS) && has_any(TO_THE_READER))
        || (starts_with_phrase(&lower, "join")
            && (has_any(&["now", "today", "unlimited", "limits"]) || has_any(SIGN_UPS)))
        || lower.contains('©')
        || lower.contains("all rights reserved")
        || (has("cookies") && has_any(&["we", "use", "accept", "consent", "policy"]))
}

/// Lowercase, with straight apostrophes, for matching.
fn simplified(line: &str) -> String {
    line.trim().to_lowercase().replace('’', "'")
}

/// `text` starts with `phrase` as whole words ("share this" but not "shareholders").
fn starts_with_phrase(text: &str, phrase: &str) -> bool {
    text.strip_prefix(phrase)
        .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(lines: &[&str]) -> (Vec<String>, Vec<String>) {
        let mut units: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        let dropped = remove(&mut units);
        (units, dropped)
    }

    #[test]
    fn site_text_in_many_wordings_is_dropped() {
        for line in [
            "Join EL PAÍS now to follow all the news and read without limits",
            "Subscribe here",
            "Follow all the international information at Facebook and Twitter, o en our weekly newsletter.",
            "Related Posts",
            "Sign up for our morning newsletter",
            "Get unlimited access — subscribe today!",
            "Follow us on Instagram",
            "Like us on Facebook",
            "READ MORE: Minister resigns",
            "Share this article",
            "Share",
            "Advertisement",
            "We use cookies to improve your experience. Accept all",
            "© 2021 Plainsmen Post. All rights reserved.",
            "You may also like",
            "Don’t miss: the best photos of the week",
            "Listen to this article",
        ] {
            let (units, dropped) = kept(&[line]);
            assert!(units.is_empty(), "kept {line:?}");
            assert_eq!(dropped, [line]);
        }
    }

    #[test]
    fn story_lines_that_mention_the_same_words_are_kept() {
        for line in [
            "Shares of the company fell 5% on Monday.",
            "Printing costs rose again.",
            "Users could subscribe for $5 a month.",
            "He has two million followers on Twitter.",
            "The minister posted on Facebook that the vote would go ahead.",
            "Related parties must declare their interests.",
            "Joining the alliance is not on the table.",
            "The newsletter, founded in 1998, was his first job.",
            "Homeowners will pay more.",
        ] {
            let (units, dropped) = kept(&[line]);
            assert_eq!(units, [line], "dropped {line:?}");
            assert!(dropped.is_empty());
        }
    }

    #[test]
    fn a_comment_section_ends_the_story() {
        let (units, dropped) = kept(&[
            "Story.",
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
            "Great article, thanks!",
        ]);
        assert_eq!(units, ["Story."]);
        assert_eq!(dropped.len(), 3);
        let (units, _) = kept(&["Story.", "12 Comments", "First!"]);
        assert_eq!(units, ["Story."]);
    }

    #[test]
    fn long_paragraphs_are_never_site_text() {
        let long = format!("Subscribe here {}", "word ".repeat(MAX_WORDS));
        assert_eq!(kept(&[&long]).0.len(), 1);
    }
}
