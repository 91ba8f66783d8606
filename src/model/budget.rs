//! How many entries one file may hold, counted while it is read.
//!
//! The file size limit alone does not bound memory: a clip costs about 450 bytes in the model
//! but only 3 (`{},`) in a Timeline, so 256 MB of minimal clips would need some 40 GB (an
//! unknown field `"a":1,` about 100 bytes for 6, a tag `"a",` 56 for 4). While a [`Budget`]
//! is active, every element of a list the model keeps (tracks, clips, effects, markers, bin
//! entries, tags) and every unknown field kept takes one piece of it; the read stops with a
//! clear error at the first one over [`MAX_PIECES`], before memory grows further. VOD's own
//! limits (100 tracks of each kind, 200 materials) keep real productions far below.

use super::json::{Expected, Wrong};
use serde::Deserializer;
use serde::de::{self, DeserializeSeed, SeqAccess, Visitor};
use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;

/// The most pieces a file may hold: 5x the 100 000-clip projects the benchmarks use (each
/// clip, effect, track, unknown field... is one). Sized so opening and validating the largest accepted file stays under 1 GB
/// (measured by `tests/huge_input.rs`).
pub const MAX_PIECES: usize = 500_000;

thread_local! {
    /// Pieces left while a read is counted; `None` when nothing counts (API answers, the
    /// clipboard: they are bounded by their own byte caps).
    static LEFT: Cell<Option<usize>> = const { Cell::new(None) };
}

/// Counts the pieces read on this thread until dropped.
pub struct Budget {
    before: Option<usize>,
}

impl Budget {
    pub fn new(max: usize) -> Budget {
        Budget { before: LEFT.with(|l| l.replace(Some(max))) }
    }
}

impl Drop for Budget {
    fn drop(&mut self) {
        LEFT.with(|l| l.set(self.before));
    }
}

/// Takes one piece; the error names the limit.
pub fn take<E: de::Error>() -> Result<(), E> {
    LEFT.with(|l| match l.get() {
        None => Ok(()),
        Some(0) => Err(Wrong::TooManyPieces { max: MAX_PIECES }.error()),
        Some(n) => {
            l.set(Some(n - 1));
            Ok(())
        }
    })
}

/// A list whose every element is counted against the active [`Budget`].
pub fn counted_list<'de, D: Deserializer<'de>, T: de::Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    struct V<T>(PhantomData<T>);
    impl<'de, T: de::Deserialize<'de>> Visitor<'de> for V<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(&Expected::List.token())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::new();
            while let Some(item) = seq.next_element_seed(Counted(PhantomData))? {
                out.push(item);
            }
            // Growth by doubling may leave up to half the list unused.
            out.shrink_to_fit();
            Ok(out)
        }
    }
    d.deserialize_seq(V(PhantomData))
}

/// One element: counted before it is read, so the read stops at the first one over.
struct Counted<T>(PhantomData<T>);

impl<'de, T: de::Deserialize<'de>> DeserializeSeed<'de> for Counted<T> {
    type Value = T;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        take::<D::Error>()?;
        T::deserialize(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::wire::Clip;

    fn clips(text: &str) -> Result<Vec<Clip>, serde_json::Error> {
        counted_list(&mut serde_json::Deserializer::from_str(text))
    }

    #[test]
    fn counts_only_while_a_budget_is_active() {
        assert_eq!(clips("[{},{},{}]").unwrap().len(), 3);
        let budget = Budget::new(2);
        let e = clips("[{},{},{}]").unwrap_err().to_string();
        assert!(e.contains(&MAX_PIECES.to_string()), "{e}");
        drop(budget);
        assert_eq!(clips("[{},{},{}]").unwrap().len(), 3);
    }

    #[test]
    fn effects_take_from_the_same_budget() {
        // Two clips, the effect and its one field: four pieces.
        let _budget = Budget::new(4);
        let two = r#"[{"Effects":[{"Type":"Volume"}]},{}]"#;
        assert_eq!(clips(two).unwrap().len(), 2);
        assert!(clips("[{}]").is_err(), "the four pieces are spent");
    }
}
