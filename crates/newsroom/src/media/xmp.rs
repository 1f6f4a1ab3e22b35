//! Reading the few XMP properties Newsroom prefills from, with roxmltree (namespace-aware, no
//! DTDs, so no entity expansion tricks). XMP writes a property either as an attribute of
//! `rdf:Description` or as an element, possibly holding an `rdf:Alt`/`rdf:Seq`/`rdf:Bag` list.

use roxmltree::{Document, Node, ParsingOptions};

use super::text;

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const DC: &str = "http://purl.org/dc/elements/1.1/";
const PHOTOSHOP: &str = "http://ns.adobe.com/photoshop/1.0/";
const IPTC_CORE: &str = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/";
const XML: &str = "http://www.w3.org/XML/1998/namespace";

/// The XMP properties Newsroom prefills from.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct XmpFields {
    /// dc:description, the caption.
    pub description: Option<String>,
    /// photoshop:Credit, the credit line.
    pub credit: Option<String>,
    /// dc:creator, the photographers, joined with ", ".
    pub creator: Option<String>,
    /// Iptc4xmpCore:AltTextAccessibility, the alt text.
    pub alt_text: Option<String>,
}

/// Reads an XMP packet. Malformed XML yields empty fields.
pub(super) fn read(packet: &[u8]) -> XmpFields {
    let Ok(xml) = std::str::from_utf8(packet) else {
        return XmpFields::default();
    };
    // Packets are often padded with NULs or whitespace after the closing processing instruction.
    let xml = xml.trim_end_matches(|c: char| c == '\0' || c.is_whitespace());
    let options = ParsingOptions {
        allow_dtd: false,
        ..ParsingOptions::default()
    };
    let Ok(doc) = Document::parse_with_options(xml, options) else {
        return XmpFields::default();
    };
    XmpFields {
        description: property(&doc, DC, "description"),
        credit: property(&doc, PHOTOSHOP, "Credit"),
        creator: property(&doc, DC, "creator"),
        alt_text: property(&doc, IPTC_CORE, "AltTextAccessibility"),
    }
}

/// The first meaningful value of a property, in attribute or element form.
fn property(doc: &Document, namespace: &str, name: &str) -> Option<String> {
    doc.descendants()
        .filter(|node| node.is_element())
        .find_map(|node| {
            if node.tag_name().namespace() == Some(namespace) && node.tag_name().name() == name {
                element_value(node)
            } else if node.tag_name().namespace() == Some(RDF)
                && node.tag_name().name() == "Description"
            {
                node.attribute((namespace, name)).and_then(text::meaningful)
            } else {
                None
            }
        })
}

/// A property element's value: for a language alternative the "x-default" item (else the first),
/// for a list all items joined with ", ", else the element's own text.
fn element_value(property: Node) -> Option<String> {
    let items: Vec<Node> = property
        .descendants()
        .filter(|n| n.tag_name().namespace() == Some(RDF) && n.tag_name().name() == "li")
        .collect();
    if items.is_empty() {
        return property.text().and_then(text::meaningful);
    }
    let is_alternative = property
        .children()
        .any(|n| n.tag_name().namespace() == Some(RDF) && n.tag_name().name() == "Alt");
    let value_of = |item: &Node| item.text().and_then(text::meaningful);
    if is_alternative {
        let default = items
            .iter()
            .find(|item| item.attribute((XML, "lang")) == Some("x-default"));
        return default
            .and_then(value_of)
            .or_else(|| items.iter().find_map(value_of));
    }
    let values: Vec<String> = items.iter().filter_map(value_of).collect();
    (!values.is_empty()).then(|| values.join(", "))
}

/// An XMP packet with the given properties, for tests elsewhere in `media`.
#[cfg(test)]
pub(super) fn packet_for_tests(
    description: &str,
    credit: &str,
    creators: &[&str],
    alt: &str,
) -> String {
    let creators: String = creators
        .iter()
        .map(|c| format!("<rdf:li>{c}</rdf:li>"))
        .collect();
    // An empty description leaves the property out, translations and all.
    let description = if description.is_empty() {
        String::new()
    } else {
        format!(
            r#"<dc:description><rdf:Alt>
     <rdf:li xml:lang="sv">Svensk bildtext</rdf:li>
     <rdf:li xml:lang="x-default">{description}</rdf:li>
   </rdf:Alt></dc:description>"#
        )
    };
    format!(
        r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="{RDF}">
  <rdf:Description rdf:about="" xmlns:dc="{DC}" xmlns:photoshop="{PHOTOSHOP}"
    xmlns:Iptc4xmpCore="{IPTC_CORE}" photoshop:Credit="{credit}">
   {description}
   <dc:creator><rdf:Seq>{creators}</rdf:Seq></dc:creator>
   <Iptc4xmpCore:AltTextAccessibility><rdf:Alt>
     <rdf:li xml:lang="x-default">{alt}</rdf:li>
   </rdf:Alt></Iptc4xmpCore:AltTextAccessibility>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_and_element_forms_are_read() {
        let packet = packet_for_tests(
            "Crowds &amp; police in Malmö",
            "AFP",
            &["Ana Ruiz", "Tom Lee"],
            "A square full of people",
        );
        let mut padded = packet.into_bytes();
        padded.extend_from_slice(&[b' '; 100]);
        padded.extend_from_slice(&[0; 4]);
        assert_eq!(
            read(&padded),
            XmpFields {
                description: Some("Crowds & police in Malmö".into()),
                credit: Some("AFP".into()),
                creator: Some("Ana Ruiz, Tom Lee".into()),
                alt_text: Some("A square full of people".into()),
            }
        );
    }

    #[test]
    fn element_form_credit_and_first_alternative_without_default() {
        let packet = format!(
            r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="{RDF}">
            <rdf:Description xmlns:ps="{PHOTOSHOP}" xmlns:d="{DC}">
              <ps:Credit>  Reuters </ps:Credit>
              <d:description><rdf:Alt><rdf:li xml:lang="en">First</rdf:li></rdf:Alt></d:description>
            </rdf:Description></rdf:RDF></x:xmpmeta>"#
        );
        let fields = read(packet.as_bytes());
        assert_eq!(fields.credit.as_deref(), Some("Reuters"));
        assert_eq!(fields.description.as_deref(), Some("First"));
        assert_eq!(fields.creator, None);
    }

    #[test]
    fn malformed_or_hostile_xml_reads_as_nothing() {
        assert_eq!(read(b"<x:xmpmeta"), XmpFields::default());
        assert_eq!(read(b"\xff\xfe"), XmpFields::default());
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><a>&lol;</a>"#;
        assert_eq!(read(bomb.as_bytes()), XmpFields::default());
    }
}
