//! The rows a batch fills a template with: a CSV file (RFC 4180, a header naming the slots)
//! or a JSON file (an array of objects). Bounded: the file, a field and the number of rows
//! have limits, and every error names the row (and the column) it is in.

use super::scalar_text;
use serde_json::Value;
use std::collections::BTreeMap;

/// The most a rows file may be.
pub const MAX_ROWS_BYTES: u64 = 64 * 1024 * 1024;
/// The most rows a batch takes (one production each).
pub const MAX_ROWS: usize = 100_000;
/// The most one value may be.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;
/// The most columns a row may have (a template has far fewer slots): a line of commas is
/// refused at once, not read into millions of empty values.
pub const MAX_COLUMNS: usize = 1000;

/// One row: its number (the first row of values is 1; the header is not counted) and its
/// values by column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub number: usize,
    pub values: BTreeMap<String, String>,
}

/// The rows of a file, and its columns in the file's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rows {
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
}

/// Reads rows from `bytes`, CSV unless `json` (or the text starts with `[`).
pub fn parse(bytes: &[u8], json: bool) -> Result<Rows, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
        crate::t!("rows-not-utf8", line = line)
    })?;
    if json || text.trim_start().starts_with('[') { parse_json(text) } else { parse_csv(text) }
}

fn parse_json(text: &str) -> Result<Rows, String> {
    // How many values and how deep, before serde_json builds them all.
    crate::interchange::bounds::check_json(text.as_bytes()).map_err(|e| e.to_string())?;
    let v: Value =
        serde_json::from_str(text).map_err(|e| crate::t!("rows-json-bad", line = e.line(), column = e.column()))?;
    let Value::Array(list) = v else { return Err(crate::t!("rows-json-not-list")) };
    if list.len() > MAX_ROWS {
        return Err(crate::t!("rows-too-many", max = MAX_ROWS));
    }
    let mut columns: Vec<String> = Vec::new();
    let mut known: std::collections::HashSet<String> = Default::default();
    let mut rows = Vec::with_capacity(list.len());
    for (i, item) in list.into_iter().enumerate() {
        let number = i + 1;
        let Value::Object(m) = item else { return Err(crate::t!("rows-json-not-object", row = number)) };
        let mut values = BTreeMap::new();
        for (k, v) in m {
            let Some(text) = scalar_text(&v) else {
                return Err(crate::t!("rows-json-not-text", row = number, column = k));
            };
            if text.len() > MAX_FIELD_BYTES {
                return Err(crate::t!("rows-field-too-long", row = number, column = k, max = MAX_FIELD_BYTES));
            }
            if known.insert(k.clone()) {
                if columns.len() == MAX_COLUMNS {
                    return Err(crate::t!("rows-too-many-columns", row = number, line = 0, max = MAX_COLUMNS));
                }
                columns.push(k.clone());
            }
            values.insert(k, text);
        }
        rows.push(Row { number, values });
    }
    Ok(Rows { columns, rows })
}

/// RFC 4180: fields separated by commas, records by CRLF or LF; a field in double quotes
/// may hold commas, line breaks and `""` for a quote. The first record is the header.
fn parse_csv(text: &str) -> Result<Rows, String> {
    let records = csv_records(text)?;
    let mut records = records.into_iter().filter(|(_, r)| !(r.len() == 1 && r[0].trim().is_empty()));
    let Some((_, header)) = records.next() else { return Err(crate::t!("rows-csv-empty")) };
    let columns: Vec<String> = header.iter().map(|h| h.trim().to_owned()).collect();
    let mut seen = std::collections::HashSet::new();
    for (i, c) in columns.iter().enumerate() {
        if c.is_empty() {
            return Err(crate::t!("rows-csv-empty-column", column = i + 1));
        }
        if !seen.insert(c.as_str()) {
            return Err(crate::t!("rows-csv-twice", column = c.as_str()));
        }
    }
    let mut rows = Vec::new();
    for (number, (line, record)) in records.enumerate() {
        let number = number + 1;
        if number > MAX_ROWS {
            return Err(crate::t!("rows-too-many", max = MAX_ROWS));
        }
        if record.len() != columns.len() {
            return Err(crate::t!(
                "rows-csv-width",
                row = number,
                line = line,
                found = record.len(),
                columns = columns.len()
            ));
        }
        rows.push(Row { number, values: columns.iter().cloned().zip(record).collect() });
    }
    Ok(Rows { columns, rows })
}

/// CSV records with the line each starts on.
fn csv_records(text: &str) -> Result<Vec<(usize, Vec<String>)>, String> {
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let (mut line, mut start) = (1, 1);
    // Inside quotes; just after a closing quote (only a comma or a line end may follow).
    let (mut quoted, mut closed) = (false, false);
    let mut chars = text.chars().peekable();
    let row_of = |records: &Vec<(usize, Vec<String>)>| records.len();
    while let Some(c) = chars.next() {
        if field.len() > MAX_FIELD_BYTES {
            return Err(crate::t!(
                "rows-csv-field-too-long",
                row = row_of(&records),
                line = start,
                max = MAX_FIELD_BYTES
            ));
        }
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => (quoted, closed) = (false, true),
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            ',' => {
                record.push(std::mem::take(&mut field));
                closed = false;
                if record.len() >= MAX_COLUMNS {
                    let row = row_of(&records);
                    return Err(crate::t!("rows-too-many-columns", row = row, line = start, max = MAX_COLUMNS));
                }
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                record.push(std::mem::take(&mut field));
                records.push((start, std::mem::take(&mut record)));
                closed = false;
                line += 1;
                start = line;
                if records.len() > MAX_ROWS + 1 {
                    return Err(crate::t!("rows-too-many", max = MAX_ROWS));
                }
            }
            _ if closed => return Err(crate::t!("rows-csv-after-quote", row = row_of(&records), line = line)),
            '"' if field.is_empty() => quoted = true,
            '"' => return Err(crate::t!("rows-csv-stray-quote", row = row_of(&records), line = line)),
            c => field.push(c),
        }
    }
    if quoted {
        return Err(crate::t!("rows-csv-open-quote", row = row_of(&records), line = start));
    }
    if !field.is_empty() || !record.is_empty() || closed {
        record.push(field);
        records.push((start, record));
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A rows file past the JSON bound is named as what it is, not as an .otio (the bound is
    /// shared with the interchange reader).
    #[test]
    fn a_huge_json_rows_file_is_refused_in_words_that_fit_it() {
        let many = format!("[{}{{}}]", "{},".repeat(crate::interchange::bounds::MAX_JSON_VALUES));
        let e = parse(many.as_bytes(), true).unwrap_err();
        assert!(e.contains("the most vodcut reads in one JSON file"), "{e}");
    }

    #[test]
    fn csv_follows_rfc_4180() {
        let text = "\u{feff}media,title,note\r\nm1,\"Shoes, red\",\"say \"\"hi\"\"\"\r\nm2,\"two\nlines\",\r\n\r\n";
        let rows = parse(text.as_bytes(), false).unwrap();
        assert_eq!(rows.columns, ["media", "title", "note"]);
        assert_eq!(rows.rows.len(), 2);
        assert_eq!(rows.rows[0].values["title"], "Shoes, red");
        assert_eq!(rows.rows[0].values["note"], "say \"hi\"");
        assert_eq!(rows.rows[1].values["title"], "two\nlines");
        assert_eq!(rows.rows[1].values["note"], "");
        assert_eq!(rows.rows[1].number, 2);
    }

    #[test]
    fn bad_csv_names_the_row() {
        let e = parse(b"a,b\n1,2\n3\n", false).unwrap_err();
        assert!(e.contains("row 2") && e.contains("line 3"), "{e}");
        let e = parse(b"a,b\n1,\"2\n", false).unwrap_err();
        assert!(e.contains("row 1"), "{e}");
        let e = parse(b"a,b\n1,\"2\"x\n", false).unwrap_err();
        assert!(e.contains("row 1"), "{e}");
        let e = parse(b"a,a\n1,2\n", false).unwrap_err();
        assert!(e.contains("\"a\""), "{e}");
        let e = parse(b"a,b\n1,\xff\n", false).unwrap_err();
        assert!(e.contains("line 2"), "{e}");
        let long = format!("a\n{}\n", "x".repeat(MAX_FIELD_BYTES + 10));
        assert!(parse(long.as_bytes(), false).unwrap_err().contains("row 1"));
    }

    #[test]
    fn json_rows_are_objects_of_text_or_numbers() {
        let rows = parse(br#"[{"media":"m1","start":2.5},{"media":"m2","start":"3"}]"#, false).unwrap();
        assert_eq!(rows.rows[0].values["start"], "2.5");
        assert_eq!(rows.rows[1].values["media"], "m2");
        let e = parse(br#"[{"media":"m1"},{"media":["x"]}]"#, true).unwrap_err();
        assert!(e.contains("row 2") && e.contains("media"), "{e}");
        assert!(parse(br#"{"media":"m1"}"#, true).is_err());
    }

    #[test]
    fn a_line_of_commas_fails_fast_naming_the_row() {
        let mut csv = String::from("title,media\nA,b\n");
        csv.push_str(&",".repeat(64 * 1024 * 1024));
        let e = parse(csv.as_bytes(), false).unwrap_err();
        assert_eq!(e, "row 2 (line 3): more than 1000 columns");
        let header = (0..1500).map(|i| format!("c{i}")).collect::<Vec<_>>().join(",");
        assert_eq!(parse(header.as_bytes(), false).unwrap_err(), "the header (line 1): more than 1000 columns");
        let wide: serde_json::Map<String, Value> = (0..1001).map(|i| (format!("c{i}"), Value::from(i))).collect();
        let json = serde_json::to_string(&vec![Value::Object(wide)]).unwrap();
        assert_eq!(parse(json.as_bytes(), true).unwrap_err(), "row 1: more than 1000 columns");
        // Values past the JSON bounds are refused before they are built.
        let deep = format!("[{}{}]", "[".repeat(10_000), "]".repeat(10_000));
        assert!(parse(deep.as_bytes(), true).unwrap_err().contains("nest more than"));
    }
}
