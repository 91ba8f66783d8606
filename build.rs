// The message catalog is compiled in (fluent-templates' static_loader! includes each .ftl
// file it finds); a file added to or removed from locales/ must rebuild the crate too.
fn main() {
    println!("cargo:rerun-if-changed=locales");
}
