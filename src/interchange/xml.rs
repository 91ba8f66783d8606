//! The XML formats (FCP 7 XML and FCPXML) share one parser: roxmltree, which never reads
//! anything outside the document (no external entities, no DTD fetching: it has no way to),
//! with bounds on its nodes, attributes and depth checked first ([`super::bounds::check_xml`]:
//! roxmltree counts neither attributes nor depth). A document that declares entities is refused before parsing:
//! neither Final Cut nor Premiere writes one, and expanding them is how XML files attack
//! their readers (billion laughs, external files).

use super::{ReadError, Sequence};
use roxmltree::{Document, Node, ParsingOptions};

pub(super) fn read(bytes: &[u8]) -> Result<Sequence, ReadError> {
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        .map_err(|e| ReadError::new(crate::t!("ix-xml-not-utf8", error = e.to_string())))?;
    if text.contains("<!ENTITY") {
        return Err(ReadError::new(crate::t!("ix-xml-entities")));
    }
    super::bounds::check_xml(text.as_bytes())?;
    // The pre-check counted these nodes and more (attributes too): a second guard only.
    let nodes_limit = u32::try_from(super::bounds::MAX_XML_NODES).unwrap_or(u32::MAX);
    let options = ParsingOptions { allow_dtd: true, nodes_limit, entity_resolver: None };
    let doc = Document::parse_with_options(text, options)
        .map_err(|e| ReadError::new(crate::t!("ix-xml-bad", error = e.to_string())))?;
    let root = doc.root_element();
    match root.tag_name().name() {
        "xmeml" => super::fcp7::read(root),
        "fcpxml" => super::fcpxml::read(root),
        other => Err(ReadError::new(crate::t!("ix-xml-not-an-edit", root = other))),
    }
}

/// The first child element named `name`.
pub(super) fn child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| c.is_element() && c.has_tag_name(name))
}

/// Every child element named `name`.
pub(super) fn children<'a, 'i: 'a>(n: Node<'a, 'i>, name: &'a str) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    n.children().filter(move |c| c.is_element() && c.has_tag_name(name))
}

/// The trimmed text of the first child element named `name`.
pub(super) fn child_text<'a>(n: Node<'a, '_>, name: &str) -> Option<&'a str> {
    child(n, name).and_then(|c| c.text()).map(str::trim)
}

/// Where a node is, for messages: its line in the file.
pub(super) fn line_of(n: Node) -> u32 {
    n.document().text_pos_at(n.range().start).row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_are_refused_before_parsing() {
        let laughs = br#"<?xml version="1.0"?><!DOCTYPE xmeml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><xmeml>&b;</xmeml>"#;
        let e = read(laughs).unwrap_err().to_string();
        assert!(e.contains("ENTITY"), "{e}");
        let external =
            br#"<?xml version="1.0"?><!DOCTYPE xmeml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xmeml>&x;</xmeml>"#;
        assert!(read(external).is_err());
        // A plain DOCTYPE, as Final Cut writes it, is fine.
        let e = read(b"<?xml version=\"1.0\"?><!DOCTYPE fcpxml><other/>").unwrap_err().to_string();
        assert!(e.contains("other"), "{e}");
        assert!(read(b"<xmeml><sequence>").is_err());
        assert!(read(b"\xff\xfe<\x00").is_err());
    }
}
