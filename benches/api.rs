//! Signing and building a ProduceEditingProjectVideo request. Run: `cargo bench --bench api`.

use vodcut::api::sign;
use vodcut::model::export::request_fields;
use vodcut::model::generate::generated_project;

fn main() {
    divan::main();
}

/// The common parameters of one call plus `n` small API parameters.
fn params(n: usize) -> Vec<(String, String)> {
    let mut p: Vec<(String, String)> = [
        ("Action", "GetVideoInfo"),
        ("Version", "2017-03-21"),
        ("Format", "JSON"),
        ("AccessKeyId", "LTAI5tBenchKey0001"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureVersion", "1.0"),
        ("SignatureNonce", "0123456789abcdef0123456789abcdef"),
        ("Timestamp", "2026-11-24T08:15:30Z"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    p.extend((0..n).map(|i| (format!("P{i}"), format!("value {i} 视频"))));
    p
}

#[divan::bench]
fn sign_small_request(b: divan::Bencher) {
    let p = params(1);
    b.bench(|| sign::sign("POST", "secret", divan::black_box(&p)));
}

/// Everything a 10 000-clip production costs before the network: export the request fields
/// from the project, then sign them (percent-encoding the whole Timeline twice).
#[divan::bench(sample_count = 20)]
fn build_and_sign_produce_10k_clips(b: divan::Bencher) {
    let project = generated_project(10_000, 20);
    let mut common = params(0);
    common[0].1 = "ProduceEditingProjectVideo".into();
    b.bench(|| {
        let fields = request_fields(divan::black_box(&project));
        let mut all = common.clone();
        all.extend(fields.0.into_iter().map(|(k, v)| (k.to_string(), v)));
        let signature = sign::sign("POST", "secret", &all);
        (sign::encode_pairs(&all).len(), signature)
    });
}
