//! A batch's plan: every row filled and validated before anything is sent, each row kept
//! as its values (not the project they make: see [`Item`]).

use super::fingerprint;
use crate::i18n::describe;
use crate::model::Project;
use crate::model::validate::{Severity, has_errors};
use crate::store::manifest::Key;
use crate::template::variants::{Aspect, Fit};
use crate::template::{FillProblem, Template, rows};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The slot a shape's label fills (`{{variant}}`), unless the row has a column of that name.
pub const VARIANT_SLOT: &str = "variant"; // i18n-exempt: a slot name, as rows and templates spell it

/// One production of the batch: a row, in a shape. It keeps the row's values, not the
/// project they make: a batch of 100 000 rows of a 50-clip template would otherwise hold
/// gigabytes. The project is made again ([`Maker::project`]) when it is needed (sending,
/// looking for a lost answer), one row at a time, and checked against the fingerprint taken
/// when the plan made it.
#[derive(Clone, Debug)]
pub struct Item {
    pub row: usize,
    pub variant: Option<String>,
    pub shape: Option<Aspect>,
    /// The row's values (with `variant` set for a shape).
    pub values: BTreeMap<String, String>,
    pub fingerprint: String,
    /// The project's title as said in messages and the manifest.
    pub title: String,
    pub region: String,
}

/// Makes the projects of a batch: its template filled with a row's values, in a shape.
pub struct Maker {
    pub template: Template,
    pub fit: Fit,
    /// The template's file (named in messages).
    pub path: PathBuf,
}

impl Maker {
    /// The template filled with `values`, in `shape`.
    pub fn make(&self, values: &BTreeMap<String, String>, shape: Option<Aspect>) -> Result<Project, Vec<FillProblem>> {
        let project = self.template.project(values, &self.path)?;
        Ok(match shape {
            Some(a) => crate::template::variants::apply(&project, a, self.fit),
            None => project,
        })
    }

    /// `item`'s project made again, the same as when it was planned (its fingerprint): the
    /// filling is a pure function of the template and the row, so anything else is a bug,
    /// said rather than sent.
    pub fn project(&self, item: &Item) -> Result<Project, String> {
        let project = self
            .make(&item.values, item.shape)
            .map_err(|problems| problems.into_iter().map(|p| p.message).collect::<Vec<_>>().join("; "))?;
        if fingerprint(&project) != item.fingerprint {
            return Err(crate::t!("batch-row-changed-while-running"));
        }
        Ok(project)
    }
}

impl Item {
    pub fn key(&self) -> Key {
        (self.row, self.variant.clone())
    }
}

/// `row 3` or `row 3 (9:16)`.
pub fn row_words(row: usize, variant: Option<&str>) -> String {
    match variant {
        Some(v) => crate::t!("batch-row-variant", row = row, variant = v),
        None => crate::t!("batch-row", row = row),
    }
}

/// Every row filled, shaped and validated: the items, and the lines saying what is wrong.
pub struct Plan {
    pub items: Vec<Item>,
    /// Every problem of every row, said with its row.
    pub bad: Vec<String>,
    pub bad_rows: std::collections::BTreeSet<usize>,
    /// (where, what): a warning the same for many rows is said once for them.
    pub warnings: Vec<(String, String)>,
}

pub fn plan(maker: &Maker, rows: &rows::Rows, shapes: &[Option<Aspect>]) -> Plan {
    let mut p = Plan { items: Vec::new(), bad: Vec::new(), bad_rows: Default::default(), warnings: Vec::new() };
    for row in &rows.rows {
        for shape in shapes {
            let label = shape.map(|a| a.label());
            let at = row_words(row.number, label.as_deref());
            let mut values: BTreeMap<String, String> = row.values.clone();
            if let Some(l) = &label {
                values.entry(VARIANT_SLOT.into()).or_insert_with(|| l.clone());
            }
            let project = match maker.make(&values, *shape) {
                Ok(project) => project,
                Err(problems) => {
                    for f in problems {
                        let line = match &f.column {
                            Some(c) => crate::t!(
                                "batch-bad-column",
                                row = at.as_str(),
                                column = c.as_str(),
                                problem = f.message
                            ),
                            None => format!("{at}: {}", f.message),
                        };
                        if !p.bad.contains(&line) {
                            p.bad.push(line);
                        }
                    }
                    p.bad_rows.insert(row.number);
                    continue;
                }
            };
            let problems = crate::model::validate::validate(&project);
            for problem in &problems {
                let said = describe::line(problem, &project);
                if problem.severity == Severity::Error {
                    p.bad.push(format!("{at}: {said}"));
                } else {
                    p.warnings.push((at.clone(), said));
                }
            }
            if has_errors(&problems) {
                p.bad_rows.insert(row.number);
                continue;
            }
            let fingerprint = fingerprint(&project);
            // Two shapes that make the same request (sizes rounded to the same output) are
            // one production: the second would be billed for nothing.
            if p.items.iter().any(|i| i.row == row.number && i.fingerprint == fingerprint) {
                continue;
            }
            // The project itself is dropped here: only the row's values are kept (Item).
            p.items.push(Item {
                row: row.number,
                variant: label,
                shape: *shape,
                values,
                fingerprint,
                title: describe::project_title(&project),
                region: project.region.clone(),
            });
        }
    }
    // A row is sent in every shape or in none.
    let bad_rows = &p.bad_rows;
    p.items.retain(|i| !bad_rows.contains(&i.row));
    p
}
