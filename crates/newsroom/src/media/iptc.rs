//! Reading IPTC-IIM, the captions and credits news agencies embed, from Photoshop image resources
//! (JPEG APP13). Both layouts are walked with bounds checks: damaged data ends the walk quietly.

use super::text;

/// The Photoshop resource that holds IPTC-IIM.
const IPTC_RESOURCE: u16 = 0x0404;

/// The IPTC datasets Newsroom prefills from (record 2, the "application record").
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct IptcFields {
    /// 2:120 Caption-Abstract.
    pub caption: Option<String>,
    /// 2:110 Credit (the agency or provider, e.g. "Reuters").
    pub credit: Option<String>,
    /// 2:80 By-line (the photographer); repeatable, joined with ", ".
    pub byline: Option<String>,
    /// 2:116 Copyright Notice.
    pub copyright: Option<String>,
}

/// Reads the IPTC datasets out of Photoshop image resources ("8BIM" blocks).
pub(super) fn read(resources: &[u8]) -> IptcFields {
    match photoshop_resource(resources, IPTC_RESOURCE) {
        Some(iim) => read_iim(iim),
        None => IptcFields::default(),
    }
}

/// The data of the first resource with `id`. Each resource is "8BIM", id (u16), a Pascal-string
/// name padded to an even length, data size (u32) and the data, padded to an even length.
fn photoshop_resource(mut rest: &[u8], id: u16) -> Option<&[u8]> {
    while rest.len() >= 4 && rest.starts_with(b"8BIM") {
        let resource_id = u16::from_be_bytes(rest.get(4..6)?.try_into().ok()?);
        let name_len = usize::from(*rest.get(6)?);
        let name_field = (1 + name_len).next_multiple_of(2);
        let size_at = 6 + name_field;
        let size = u32::from_be_bytes(rest.get(size_at..size_at + 4)?.try_into().ok()?);
        let data_at = size_at + 4;
        let data_end = data_at.checked_add(usize::try_from(size).ok()?)?;
        let data = rest.get(data_at..data_end)?;
        if resource_id == id {
            return Some(data);
        }
        rest = rest.get(data_end.next_multiple_of(2).min(rest.len())..)?;
    }
    None
}

/// Reads IIM datasets: tag marker 0x1C, record, dataset, size (u16) and the value.
/// Extended sizes (high bit set) only occur for binary data and end the walk.
fn read_iim(mut rest: &[u8]) -> IptcFields {
    let mut caption = None;
    let mut credit = None;
    let mut bylines: Vec<String> = Vec::new();
    let mut copyright = None;
    while let [0x1C, record, dataset, hi, lo, tail @ ..] = rest {
        let size = usize::from(u16::from_be_bytes([*hi, *lo]));
        if size & 0x8000 != 0 || size > tail.len() {
            break;
        }
        let (value, next) = tail.split_at(size);
        rest = next;
        if *record != 2 {
            continue;
        }
        let value = text::meaningful(&text::decode(value));
        match dataset {
            120 => caption = caption.or(value),
            110 => credit = credit.or(value),
            80 => bylines.extend(value),
            116 => copyright = copyright.or(value),
            _ => {}
        }
    }
    IptcFields {
        caption,
        credit,
        byline: (!bylines.is_empty()).then(|| bylines.join(", ")),
        copyright,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::tests::fixtures::iptc_resources;

    #[test]
    fn caption_credit_byline_and_copyright_are_read() {
        let resources = iptc_resources(&[
            (120, "Protesters gather in Malmö."),
            (110, "Reuters"),
            (80, "Ana Ruiz"),
            (80, "Tom Lee"),
            (116, "© 2025 Reuters"),
            (25, "keyword"),
        ]);
        assert_eq!(
            read(&resources),
            IptcFields {
                caption: Some("Protesters gather in Malmö.".into()),
                credit: Some("Reuters".into()),
                byline: Some("Ana Ruiz, Tom Lee".into()),
                copyright: Some("© 2025 Reuters".into()),
            }
        );
    }

    #[test]
    fn damaged_resources_read_as_nothing_or_what_came_before() {
        let resources = iptc_resources(&[(120, "A caption"), (110, "AP")]);
        for cut in 0..resources.len() {
            // Never panics, whatever the cut.
            let _ = read(&resources[..cut]);
        }
        assert_eq!(
            read(&resources[..resources.len() - 3]),
            IptcFields::default()
        );
        assert_eq!(
            read(b"8BIM\x04\x04\0\0\xff\xff\xff\xff"),
            IptcFields::default()
        );
        assert_eq!(read(b"not photoshop"), IptcFields::default());
    }
}
