//! End-to-end imports: the real corpus article, synthetic articles in other shapes, and each
//! front-matter dialect through [`import_text`].

use super::*;

#[path = "../../tests/shared_corpus/mod.rs"]
mod shared_corpus;

/// Asserts that every paragraph appears in the body exactly as written (as its own block).
fn assert_paragraphs_kept(body: &str, paragraphs: &[&str]) {
    let blocks: Vec<&str> = body.split("\n\n").map(str::trim_end).collect();
    for paragraph in paragraphs {
        assert!(blocks.contains(paragraph), "lost {paragraph:?} in\n{body}");
    }
}

fn assert_warned(article: &ImportedArticle, fragment: &str) {
    assert!(
        article.warnings.iter().any(|w| w.contains(fragment)),
        "no warning containing {fragment:?} in {:#?}",
        article.warnings
    );
}

fn assert_nothing_of(body: &str, fragments: &[&str]) {
    for fragment in fragments {
        assert!(!body.contains(fragment), "{fragment:?} left in\n{body}");
    }
}

mod corpus {
    use super::*;

    const CAPTION: &str = "US Secretary of State Antony Blinken, left, greets his Russian counterpart, Sergey Lavrov, during their meeting in Stockholm.";
    const SITE_TEXT: &[&str] = &[
        "Join EL PA",
        "Subscribe here",
        "Facebook and Twitter",
        "Related Posts",
        "Leave a Reply",
        "Your email address",
        "Required fields",
        "George Holan",
    ];

    /// An excerpt of the corpus article, so the shape is tested even without the corpus.
    const EXCERPT: &str = "The United States demands that Russia withdraw its troops from the border with Ukraine | International

US Secretary of State Antony Blinken, left, greets his Russian counterpart, Sergey Lavrov, during their meeting in Stockholm.
US Secretary of State Antony Blinken, left, greets his Russian counterpart, Sergey Lavrov, during their meeting in Stockholm.POOL (Reuters)

The US Secretary of State, Antony Blinken, on Thursday summoned his Russian counterpart, Sergei Lavrov, to choose the diplomatic path and has warned that Moscow will pay “a high price” if it persists.

Blinken and Lavrov have met in the framework of the meeting of foreign ministers of the OSCE, amid the escalation of tension.

“Nightmare scenario”

Lavrov has linked the “return to the nightmare scenario of a military confrontation” to NATO’s aim to bring its infrastructures closer to Russia’s borders.

Join EL PAÍS now to follow all the news and read without limits

Subscribe here

For her part, the new head of the Foreign Office, Liz Truss, has transferred to Lavrov the support of the United Kingdom.

Follow all the international information at Facebook and Twitter, o en our weekly newsletter.

Related Posts

George Holan

George Holan is chief editor at Plainsmen Post and has articles published in many notable publications in the last decade.

Leave a Reply

Your email address will not be published. Required fields are marked *";

    fn check_shape(article: &ImportedArticle) {
        assert_eq!(
            article.headline,
            "The United States demands that Russia withdraw its troops from the border with Ukraine"
        );
        assert_eq!(article.section, "International");
        assert_eq!(
            article.featured_photo,
            Some(PendingPhoto {
                caption: CAPTION.to_string(),
                credit: "POOL (Reuters)".to_string(),
            })
        );
        assert_eq!(article.byline, "George Holan");
        assert_eq!(
            article.author_bio.as_deref(),
            Some(
                "George Holan is chief editor at Plainsmen Post and has articles published in many notable publications in the last decade."
            )
        );
        assert_eq!(article.dateline, "");
        assert!(
            article.body.contains("\n\n## “Nightmare scenario”\n\n"),
            "{}",
            article.body
        );
        assert!(!article.body.contains(CAPTION), "caption left in body");
        assert_nothing_of(&article.body, SITE_TEXT);
        assert!(
            article
                .body
                .starts_with("The US Secretary of State, Antony Blinken, on Thursday")
        );
        assert!(
            article.body.ends_with("support of the United Kingdom.\n")
                || article
                    .body
                    .ends_with("Crimean peninsula, annexed by Russia in 2014.\n")
        );
        assert_warned(article, "site text were removed");
        assert_warned(article, "taken from the author note");
        assert_warned(article, "made into a subheading (“Nightmare scenario”)");
        assert_eq!(article.status, None);
    }

    #[test]
    fn the_inline_excerpt_imports_with_every_part_in_place() {
        let article = import_text(EXCERPT, "excerpt.txt").unwrap();
        check_shape(&article);
        assert_paragraphs_kept(
            &article.body,
            &[
                "The US Secretary of State, Antony Blinken, on Thursday summoned his Russian counterpart, Sergei Lavrov, to choose the diplomatic path and has warned that Moscow will pay “a high price” if it persists.",
                "Lavrov has linked the “return to the nightmare scenario of a military confrontation” to NATO’s aim to bring its infrastructures closer to Russia’s borders.",
                "For her part, the new head of the Foreign Office, Liz Truss, has transferred to Lavrov the support of the United Kingdom.",
            ],
        );
        assert_eq!(article.body.matches("\n\n").count(), 4, "{}", article.body);
    }

    #[test]
    fn the_real_article_imports_end_to_end() {
        let Some(path) = shared_corpus::article() else {
            return;
        };
        let original = read_text_file(&path).unwrap();
        let article = import_file(&path).unwrap();
        check_shape(&article);
        // Every line that is neither metadata nor site text is in the body, verbatim.
        let consumed = |line: &str| {
            line.is_empty()
                || line.starts_with("The United States demands")
                || line.starts_with(CAPTION)
                || line == "“Nightmare scenario”"
                || SITE_TEXT.iter().any(|s| line.contains(s))
        };
        let paragraphs: Vec<&str> = original.lines().filter(|l| !consumed(l)).collect();
        assert_eq!(paragraphs.len(), 7);
        assert_paragraphs_kept(&article.body, &paragraphs);
        assert_eq!(article.body.matches("\n\n").count(), 7);
        let dropped = article
            .warnings
            .iter()
            .find(|w| w.contains("site text"))
            .unwrap();
        assert!(
            dropped.starts_with("6 lines of site text were removed"),
            "{dropped}"
        );
    }
}

mod plain_shapes {
    use super::*;

    #[test]
    fn wire_story_with_dateline_top_byline_and_credit_line() {
        let text = "Floods leave thousands homeless in Valencia\n\
            \n\
            Residents wade through a flooded street in Paiporta.\n\
            (AP Photo/Jane Doe)\n\
            \n\
            By Ana Ruiz and Tom Lee\n\
            \n\
            VALENCIA, Spain (AP) — Thousands of people spent the night in shelters.\n\
            \n\
            1. The first priority is drinking water, officials said.\n\
            \n\
            He refused.\n\
            \n\
            Ana Ruiz covers Spain for the Associated Press.\n";
        let article = parse_plain_text(text).unwrap();
        assert_eq!(
            article.headline,
            "Floods leave thousands homeless in Valencia"
        );
        assert_eq!(article.section, "");
        assert_warned(&article, "No section followed the headline");
        assert_eq!(article.byline, "Ana Ruiz and Tom Lee");
        assert_eq!(article.dateline, "VALENCIA, Spain (AP)");
        assert_warned(&article, "The dateline “VALENCIA, Spain (AP)”");
        let photo = article.featured_photo.clone().unwrap();
        assert_eq!(
            photo.caption,
            "Residents wade through a flooded street in Paiporta."
        );
        assert_eq!(photo.credit, "AP Photo/Jane Doe");
        assert_eq!(
            article.body,
            "Thousands of people spent the night in shelters.\n\n\
             1\\. The first priority is drinking water, officials said.\n\n\
             He refused.\n\n\
             Ana Ruiz covers Spain for the Associated Press.\n"
        );
        assert_eq!(
            article.author_bio, None,
            "the byline has two names, so the note is not Ana's alone"
        );
    }

    #[test]
    fn caption_without_credit_and_no_boilerplate_with_windows_line_endings() {
        let text = "Markets rally after rate cut | Economy\r\n\r\n\
            Traders on the floor of the exchange.\r\n\
            Traders on the floor of the exchange.\r\n\r\n\
            MADRID — Stocks rose on Thursday.\r\n\r\n\
            The central bank cut rates by half a point.\r\n";
        let article = import_text(text, "markets").unwrap();
        assert_eq!(article.section, "Economy");
        assert_eq!(article.dateline, "MADRID");
        let photo = article.featured_photo.clone().unwrap();
        assert_eq!(photo.credit, "");
        assert_warned(
            &article,
            "The photo caption has no credit; add one before publishing.",
        );
        assert_warned(&article, "No byline was found");
        assert!(!article.warnings.iter().any(|w| w.contains("site text")));
        assert_eq!(
            article.body,
            "Stocks rose on Thursday.\n\nThe central bank cut rates by half a point.\n"
        );
        assert!(!article.body.contains('\r'));
    }

    #[test]
    fn glued_agency_credit_and_other_boilerplate_wording() {
        let text = "Wildfire forces evacuations | Climate\n\
            Firefighters battle the blaze near Athens on Monday.EFE\n\
            ATHENS — Hundreds of residents were evacuated overnight.\n\
            Sign up for our climate newsletter\n\
            Authorities said the wind had dropped by morning.\n\
            What comes next\n\
            Officials will assess the damage on Tuesday.\n\
            Share this article\n\
            READ MORE: Europe's hottest summer\n\
            © 2024 Daily Courier. All rights reserved.\n";
        let article = parse_plain_text(text).unwrap();
        let photo = article.featured_photo.clone().unwrap();
        assert_eq!(
            photo.caption,
            "Firefighters battle the blaze near Athens on Monday."
        );
        assert_eq!(photo.credit, "EFE");
        assert_warned(&article, "was taken as the photo caption");
        assert_eq!(article.dateline, "ATHENS");
        assert_eq!(
            article.body,
            "Hundreds of residents were evacuated overnight.\n\n\
             Authorities said the wind had dropped by morning.\n\n\
             ## What comes next\n\n\
             Officials will assess the damage on Tuesday.\n"
        );
        assert_warned(
            &article,
            "4 lines of site text were removed (“Sign up for our climate newsletter”, “Share this article”, “READ MORE: Europe's hottest summer”, and 1 more)",
        );
    }

    #[test]
    fn credit_styles_on_their_own_line() {
        for (credit_line, credit) in [
            ("Photo: AFP", "AFP"),
            ("Getty Images", "Getty Images"),
            ("EFE", "EFE"),
            ("REUTERS/Susana Vera", "REUTERS/Susana Vera"),
        ] {
            let text = format!(
                "Storm hits the coast | Weather\n\nWaves crash over the sea wall in Biarritz.\n{credit_line}\n\nThe storm arrived overnight.\n"
            );
            let article = parse_plain_text(&text).unwrap();
            let photo = article.featured_photo.clone().unwrap();
            assert_eq!(photo.credit, credit, "{credit_line}");
            assert_eq!(article.body, "The storm arrived overnight.\n");
        }
    }

    #[test]
    fn prose_that_looks_like_markdown_is_escaped_and_quotes_kept() {
        let text = "Quiz night | Culture\n\n\
            Opening paragraph of the story.\n\n\
            # of entries rose to 40 this year.\n\n\
            - said nobody, ever.\n\n\
            2021. A year to forget, said *everyone* at the <b>bar</b>.\n\n\
            “Isn’t it?” she asked.\n";
        let article = parse_plain_text(text).unwrap();
        assert_eq!(article.featured_photo, None);
        assert_eq!(
            article.body,
            "Opening paragraph of the story.\n\n\
             \\# of entries rose to 40 this year.\n\n\
             \\- said nobody, ever.\n\n\
             2021\\. A year to forget, said \\*everyone\\* at the \\<b>bar\\</b>.\n\n\
             “Isn’t it?” she asked.\n"
        );
    }

    #[test]
    fn a_headline_alone_is_imported_with_a_warning() {
        let article = parse_plain_text("Only a headline | News | Daily Courier\n").unwrap();
        assert_eq!(article.headline, "Only a headline");
        assert_eq!(article.section, "News");
        assert_eq!(article.body, "");
        assert_warned(&article, "“Daily Courier”, which was left out");
        assert_warned(&article, "No story text was found");
    }

    #[test]
    fn empty_text_is_refused() {
        let err = parse_plain_text(" \r\n\n").unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Invalid);
        let err = import_text("", "blank.txt").unwrap_err();
        assert_eq!(
            err.to_string(),
            "“blank.txt” is empty, so there is nothing to import"
        );
    }
}

mod markdown_dialects {
    use super::*;

    #[test]
    fn jekyll_yaml_front_matter() {
        let text = "---\n\
            layout: post\n\
            title: \"Budget vote: what changes\"\n\
            subtitle: The standfirst\n\
            date: 2021-12-02 10:00:00 +0100\n\
            categories: [Politics]\n\
            tags: budget, vote\n\
            author: Ana Ruiz\n\
            draft: false\n\
            ---\n\
            \n\
            The vote was held on *Thursday*.\n";
        let article = import_text(text, "2021-12-02-budget.md").unwrap();
        assert_eq!(article.headline, "Budget vote: what changes");
        assert_eq!(article.dek, "The standfirst");
        assert_eq!(article.section, "Politics");
        assert_eq!(article.tags, ["budget", "vote"]);
        assert_eq!(article.byline, "Ana Ruiz");
        assert_eq!(article.status, Some(Status::Published));
        assert_eq!(article.published_at, Some(1_638_435_600));
        assert_eq!(article.body, "The vote was held on *Thursday*.\n");
        assert_eq!(
            article.warnings,
            ["These front-matter fields were not imported: layout."]
        );
    }

    #[test]
    fn hugo_toml_front_matter() {
        let text = "+++\n\
            title = \"Budget vote\"\n\
            description = \"The standfirst\"\n\
            date = 2021-12-02T10:00:00+01:00\n\
            draft = true\n\
            slug = \"budget-vote\"\n\
            authors = [\"Ana Ruiz\", \"Tom Lee\"]\n\
            section = \"Politics\"\n\
            dateline = \"MADRID\"\n\
            +++\n\
            Body\n";
        let article = import_text(text, "index.md").unwrap();
        assert_eq!(article.headline, "Budget vote");
        assert_eq!(article.byline, "Ana Ruiz and Tom Lee");
        assert_eq!(article.slug.as_deref(), Some("budget-vote"));
        assert_eq!(article.status, Some(Status::Draft));
        assert_eq!(article.dateline, "MADRID");
        assert_eq!(article.body, "Body\n");
    }

    #[test]
    fn the_desks_fields_under_their_own_and_other_tools_names() {
        let text = "---\n\
            title: Rates rise again\n\
            eyebrow: Analysis\n\
            meta_title: Central bank raises rates by half a point\n\
            og_title: Your mortgage is about to cost more\n\
            embargo_until: 2026-12-03T18:00:00+01:00\n\
            word_target: 900\n\
            ---\n\
            Body\n";
        let article = import_text(text, "rates.md").unwrap();
        assert_eq!(article.kicker, "Analysis");
        assert_eq!(
            article.seo_headline,
            "Central bank raises rates by half a point"
        );
        assert_eq!(
            article.social_headline,
            "Your mortgage is about to cost more"
        );
        assert_eq!(article.embargo, Some(1_796_317_200));
        assert_eq!(article.words_planned, Some(900));
        assert!(article.warnings.is_empty(), "{:?}", article.warnings);
        let new = article.to_new_article();
        assert_eq!(
            (new.kicker.as_str(), new.words_planned),
            ("Analysis", Some(900))
        );

        let text = "---\ntitle: A\nembargo: next week\nwords_planned: lots\n---\nBody\n";
        let article = import_text(text, "a.md").unwrap();
        assert_eq!((article.embargo, article.words_planned), (None, None));
        assert_warned(&article, "The date “next week” was not understood");
        assert_warned(
            &article,
            "The planned length “lots” is not a number of words",
        );
    }

    #[test]
    fn markdown_without_front_matter_takes_the_first_heading() {
        let article =
            import_text("\u{feff}# Budget vote\r\n\r\nBody\r\n", "notes.markdown").unwrap();
        assert_eq!(article.headline, "Budget vote");
        assert_eq!(article.body, "Body\n");
        assert_eq!(article.status, None);
    }

    #[test]
    fn a_txt_file_with_front_matter_is_markdown() {
        let article = import_text("---\ntitle: A\n---\nBody\n", "a.txt").unwrap();
        assert_eq!(article.headline, "A");
        assert!(article.featured_photo.is_none());
    }

    #[test]
    fn broken_front_matter_names_the_file_and_line() {
        let err = import_text("---\ntitle: A\ntags: [a, b\n---\n", "x.md").unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Invalid);
        let message = err.to_string();
        assert!(
            message.starts_with("the front matter of “x.md” is not valid YAML: "),
            "{message}"
        );
        assert!(
            message.contains("at line 3") || message.contains("at line 4"),
            "{message}"
        );
        let err = parse_markdown("+++\ntitle = A\n+++\n").unwrap_err();
        assert!(
            err.to_string().contains("not valid TOML") && err.to_string().contains("at line 2"),
            "{err}"
        );
    }

    #[test]
    fn other_file_types_are_refused() {
        let err = import_text("PK\u{3}\u{4}", "story.docx").unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Unsupported);
        assert!(
            err.to_string()
                .contains("“story.docx” is not a Markdown or plain-text file")
        );
    }

    #[test]
    fn the_import_becomes_a_new_article() {
        let article =
            parse_markdown("---\ntitle: A\nstatus: ready\ntags: [x]\n---\nBody\n").unwrap();
        let new = article.to_new_article();
        assert_eq!(new.headline, "A");
        assert_eq!(new.status, Some(Status::Ready));
        assert_eq!(new.tags, ["x"]);
        assert_eq!(new.body, "Body\n");
    }
}

mod files {
    use super::*;

    #[test]
    fn import_file_reads_and_routes_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        std::fs::write(&path, "Headline | World\r\n\r\nA paragraph.\r\n").unwrap();
        let article = import_file(&path).unwrap();
        assert_eq!(
            (article.headline.as_str(), article.section.as_str()),
            ("Headline", "World")
        );
        let missing = import_file(&dir.path().join("nope.md")).unwrap_err();
        assert_eq!(missing.kind(), crate::ErrorKind::NotFound);
    }
}
