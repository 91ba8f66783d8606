use super::*;
use std::path::Path;

const TEMPLATE: &str = r#"{
  "FormatVersion": 1,
  "Title": "{{name}} in {{colour}}",
  "MediaMetadata": {"Title": "{{name}}", "Tags": ["shop", "{{tags}}"]},
  "UserData": {"Extend": "{\"sku\":\"{{sku}}\"}"},
  "Tracks": [
    {"Kind": "Video", "Name": "V1", "Clips": [
      {"MediaId": "{{media}}", "In": "{{start}}", "Out": "{{end}}",
       "Effects": [{"Type": "Text", "Content": "Now {{price}}", "FontSize": "{{size}}"}]}
    ]}
  ],
  "TemplateSamples": {"name": "Shoe", "colour": "red", "tags": "a, b", "sku": "S-1",
    "media": "5aed81b74ba84920be578cdfe004af4b", "start": 1, "end": "00:00:04:00", "price": "$5", "size": "40"}
}"#;

fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

#[test]
fn slots_are_found_with_their_places_and_kinds() {
    let t = Template::parse(TEMPLATE.as_bytes()).unwrap();
    let names: Vec<&str> = t.names().into_iter().collect();
    assert_eq!(names, ["colour", "end", "media", "name", "price", "size", "sku", "start", "tags"]);
    let media = t.uses().iter().find(|u| u.name == "media").unwrap();
    assert_eq!((media.kind, media.place.shown.as_str()), (Kind::Media, "track 1, clip 1: MediaId"));
    let price = t.uses().iter().find(|u| u.name == "price").unwrap();
    assert_eq!(price.place.shown, "track 1, clip 1, effect 1: Content");
    assert_eq!(t.uses().iter().find(|u| u.name == "start").unwrap().kind, Kind::Time);
    assert_eq!(t.uses().iter().find(|u| u.name == "tags").unwrap().kind, Kind::Tags);
    assert_eq!(t.uses().iter().find(|u| u.name == "sku").unwrap().place.shown, "UserData.Extend.sku");
}

#[test]
fn filling_is_exact_and_typed() {
    let t = Template::parse(TEMPLATE.as_bytes()).unwrap();
    let p = t.sample_project(Path::new("t.vodcut")).unwrap();
    assert_eq!(p.title, "Shoe in red");
    assert_eq!(p.media_metadata.tags, ["shop", "a", "b"]);
    let clip = &p.tracks[0].clips[0];
    assert_eq!(clip.media_id.as_deref(), Some("5aed81b74ba84920be578cdfe004af4b"));
    assert_eq!(clip.r#in, Some(crate::model::Time::from_secs(1)));
    assert_eq!(clip.out, Some(crate::model::Time::from_secs(4)), "a timecode at 25 fps");
    let v = t.fill(t.samples()).unwrap();
    assert!(v["Tracks"][0]["Clips"][0]["In"].is_number(), "a JSON number, not a string");
    assert_eq!(v["Tracks"][0]["Clips"][0]["Effects"][0]["FontSize"], serde_json::json!(40));
    assert_eq!(v["UserData"]["Extend"], r#"{"sku":"S-1"}"#);
    assert!(v.get(SAMPLES_FIELD).is_none(), "the samples are not part of what is produced");
    // A value with a quote stays inside its JSON string.
    let mut row = t.samples().clone();
    row.insert("sku".into(), "a\"b".into());
    assert_eq!(t.fill(&row).unwrap()["UserData"]["Extend"], r#"{"sku":"a\"b"}"#);
}

#[test]
fn bad_values_are_all_said_with_their_columns() {
    let t = Template::parse(TEMPLATE.as_bytes()).unwrap();
    let mut row = t.samples().clone();
    row.insert("media".into(), " ".into());
    row.insert("start".into(), "soon".into());
    row.insert("size".into(), "big".into());
    row.remove("price");
    let problems = t.fill(&row).unwrap_err();
    let cols: Vec<_> = problems.iter().filter_map(|p| p.column.as_deref()).collect();
    assert_eq!(cols.len(), 4, "{problems:?}");
    for c in ["media", "start", "size", "price"] {
        assert!(cols.contains(&c), "{c}: {problems:?}");
    }
    let start = problems.iter().find(|p| p.column.as_deref() == Some("start")).unwrap();
    assert!(start.message.contains("track 1, clip 1: In") && start.message.contains("soon"), "{}", start.message);
}

#[test]
fn a_bad_template_is_refused_with_the_place() {
    let e = Template::parse(br#"{"FormatVersion":1,"Title":"{{bad name}}"}"#).unwrap_err();
    assert!(e[0].place == "Title" && e[0].message.contains("bad name"), "{e:?}");
    let e =
        Template::parse(br#"{"FormatVersion":1,"Tracks":[{"Kind":"Video","Clips":[{"In":"{{a}}s"}]}]}"#).unwrap_err();
    assert_eq!(e[0].place, "track 1, clip 1: In");
    assert!(Template::parse(b"[1]").is_err());
    let plain = Template::parse(br#"{"FormatVersion":1,"Title":"x"}"#).unwrap();
    assert!(!plain.has_slots());
    // ProjectId of the template is not carried: every row is a new production.
    let t = Template::parse(br#"{"FormatVersion":1,"ProjectId":"p1","Title":"{{t}}"}"#).unwrap();
    let p = t.project(&values(&[("t", "A")]), Path::new("t.vodcut")).unwrap();
    assert_eq!((p.title.as_str(), p.project_id), ("A", None));
}

#[test]
fn a_template_past_the_json_bounds_is_refused_before_it_is_built() {
    let deep = format!("{{\"Title\":{}1{}}}", "[".repeat(1000), "]".repeat(1000));
    let problems = Template::parse(deep.as_bytes()).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.contains("nest more than"), "{}", problems[0].message);
    let many = format!("{{\"Title\":[{}0]}}", "0,".repeat(crate::interchange::bounds::MAX_JSON_VALUES));
    let problems = Template::parse(many.as_bytes()).unwrap_err();
    assert!(problems[0].message.contains("values") && problems[0].message.contains("nothing was read"));
}
