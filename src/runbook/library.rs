//! Where runbooks come from: the ones built into the binary, then user folders,
//! whose runbooks add to or override the built-in ones by id.

use std::path::{Path, PathBuf};

use super::tree::{Node, Seg};
use super::{Diagnostic, Pos, Runbook, parse};

/// The runbooks compiled into the binary, so it runs with no files beside it.
const BUILTIN: &[(&str, &str)] = &[
    (
        "support-context.yaml",
        include_str!("../../runbooks/support-context.yaml"),
    ),
    (
        "incident-response.yaml",
        include_str!("../../runbooks/incident-response.yaml"),
    ),
    (
        "post-incident-review.yaml",
        include_str!("../../runbooks/post-incident-review.yaml"),
    ),
    (
        "privacy-data-retention.yaml",
        include_str!("../../runbooks/privacy-data-retention.yaml"),
    ),
    (
        "contacting-support.yaml",
        include_str!("../../runbooks/contacting-support.yaml"),
    ),
    (
        "support-sla-escalation.yaml",
        include_str!("../../runbooks/support-sla-escalation.yaml"),
    ),
    (
        "error-reports-support-codes.yaml",
        include_str!("../../runbooks/error-reports-support-codes.yaml"),
    ),
    (
        "migration-reindex-review.yaml",
        include_str!("../../runbooks/migration-reindex-review.yaml"),
    ),
    (
        "changelog-release-review.yaml",
        include_str!("../../runbooks/changelog-release-review.yaml"),
    ),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Built into the binary, from `runbooks/NAME`.
    Builtin(&'static str),
    File(PathBuf),
}

impl Origin {
    /// How diagnostics name the file.
    pub fn label(&self) -> String {
        match self {
            Origin::Builtin(name) => format!("runbooks/{name}"),
            Origin::File(p) => p.display().to_string(),
        }
    }
}

/// A runbook with the text it was read from (sessions keep a copy of it).
#[derive(Debug, Clone)]
pub struct Loaded {
    pub runbook: Runbook,
    pub text: String,
    pub origin: Origin,
}

impl Loaded {
    /// Reads and validates one runbook file.
    pub fn from_file(path: &Path) -> Result<Loaded, Vec<Diagnostic>> {
        let label = path.display().to_string();
        let text = crate::input::read_text(path, crate::input::Kind::Runbook).map_err(|e| {
            vec![Diagnostic::new(
                &label,
                Pos { line: 1, column: 1 },
                format!("cannot read the runbook: {e}"),
            )]
        })?;
        let runbook = parse(&text, &label)?;
        Ok(Loaded {
            runbook,
            text,
            origin: Origin::File(path.to_path_buf()),
        })
    }

    /// Parses a runbook text kept elsewhere (a session's copy).
    pub fn from_text(text: String, label: &Path) -> Result<Loaded, Vec<Diagnostic>> {
        let runbook = parse(&text, &label.display().to_string())?;
        Ok(Loaded {
            runbook,
            text,
            origin: Origin::File(label.to_path_buf()),
        })
    }
}

use crate::input::plain;

/// Every runbook the program knows, one per id.
#[derive(Debug, Clone, Default)]
pub struct Library {
    items: Vec<Loaded>,
}

impl Library {
    /// The built-in runbooks only.
    pub fn builtin() -> Result<Library, Vec<Diagnostic>> {
        let mut lib = Library::default();
        let mut problems = Vec::new();
        for (name, text) in BUILTIN {
            match parse(text, &format!("runbooks/{name}")) {
                Ok(runbook) => lib.insert(Loaded {
                    runbook,
                    text: text.to_string(),
                    origin: Origin::Builtin(name),
                }),
                Err(mut d) => problems.append(&mut d),
            }
        }
        if problems.is_empty() {
            Ok(lib)
        } else {
            Err(problems)
        }
    }

    /// The built-in runbooks, then each folder's `*.yaml`/`*.yml` in turn (a
    /// later one overrides an earlier one with the same id).
    pub fn load(folders: &[PathBuf]) -> Result<Library, Vec<Diagnostic>> {
        let mut lib = Library::builtin()?;
        let mut problems = Vec::new();
        for folder in folders {
            for path in runbook_files(folder).map_err(|d| vec![d])? {
                match Loaded::from_file(&path) {
                    Ok(l) => lib.insert(l),
                    Err(mut d) => problems.append(&mut d),
                }
            }
        }
        problems.extend(lib.unknown_references());
        if problems.is_empty() {
            Ok(lib)
        } else {
            Err(problems)
        }
    }

    /// A built-in runbook by id, for tests that walk one.
    #[cfg(test)]
    pub(crate) fn builtin_runbook(id: &str) -> crate::runbook::Runbook {
        Library::builtin()
            .expect("the built-in runbooks are valid")
            .get(id)
            .expect("a built-in runbook")
            .runbook
            .clone()
    }

    /// Adds a runbook, replacing one with the same id.
    pub fn insert(&mut self, loaded: Loaded) {
        self.items.retain(|l| l.runbook.id != loaded.runbook.id);
        self.items.push(loaded);
        self.items.sort_by(|a, b| a.runbook.id.cmp(&b.runbook.id));
    }

    pub fn all(&self) -> &[Loaded] {
        &self.items
    }

    pub fn get(&self, id: &str) -> Option<&Loaded> {
        self.items.iter().find(|l| l.runbook.id == id)
    }

    /// Related runbooks and suggestions that name no known runbook.
    pub fn unknown_references(&self) -> Vec<Diagnostic> {
        self.items
            .iter()
            .flat_map(|l| self.unknown_references_of(l))
            .collect()
    }

    /// What `l` names that is neither in the library nor `l` itself.
    fn unknown_references_of(&self, l: &Loaded) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let Ok(tree) = Node::parse(&l.text) else {
            return out;
        };
        let file = l.origin.label();
        let known = |id: &str| id == l.runbook.id || self.get(id).is_some();
        for (i, r) in l.runbook.related.iter().enumerate() {
            if !known(&r.runbook) {
                let at = [Seg::from("related"), i.into(), "runbook".into()];
                out.push(Diagnostic::new(&file, tree.pos_of(&at), format!(
                    "related runbook {:?} is not known — use the id of a runbook from `runbook runbooks`, or add its file",
                    r.runbook
                )));
            }
        }
        for (i, r) in l.runbook.routes.iter().enumerate() {
            if let Some(s) = &r.suggest
                && !known(s)
            {
                let at = [Seg::from("routes"), i.into(), "suggest".into()];
                out.push(Diagnostic::new(&file, tree.pos_of(&at), format!(
                    "route {:?} suggests runbook {s:?}, which is not known — use the id of a runbook from `runbook runbooks`",
                    r.id
                )));
            }
        }
        out
    }

    /// A runbook by id, or a runbook file by path (which must then be valid).
    pub fn resolve(&self, id_or_path: &str) -> Result<Loaded, Vec<Diagnostic>> {
        if let Some(l) = self.get(id_or_path) {
            return Ok(l.clone());
        }
        let path = Path::new(id_or_path);
        if path.extension().is_some() || id_or_path.contains(std::path::MAIN_SEPARATOR) {
            // Held to what `validate` holds it to: a walk must not offer a
            // related runbook it cannot open.
            let loaded = Loaded::from_file(path)?;
            let unknown = self.unknown_references_of(&loaded);
            return if unknown.is_empty() {
                Ok(loaded)
            } else {
                Err(unknown)
            };
        }
        let ids: Vec<&str> = self.items.iter().map(|l| l.runbook.id.as_str()).collect();
        Err(vec![Diagnostic::new(
            id_or_path,
            Pos { line: 1, column: 1 },
            format!(
                "no runbook has this id — use one of: {}, or give a file path",
                ids.join(", ")
            ),
        )])
    }
}

/// The runbook files in a folder, sorted by name; a file path is itself.
pub fn runbook_files(path: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let label = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| {
        Diagnostic::new(
            &label,
            Pos { line: 1, column: 1 },
            format!("cannot read: {} — check the path", plain(&e)),
        )
    })?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let entries = std::fs::read_dir(path).map_err(|e| {
        Diagnostic::new(
            &label,
            Pos { line: 1, column: 1 },
            format!(
                "cannot list the folder: {} — check its permissions",
                plain(&e)
            ),
        )
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_runbook_is_valid_and_references_known_runbooks() {
        let lib = match Library::builtin() {
            Ok(l) => l,
            Err(d) => panic!(
                "{}",
                d.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        };
        assert_eq!(lib.all().len(), BUILTIN.len());
        let unknown: Vec<String> = lib
            .unknown_references()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(unknown.is_empty(), "{}", unknown.join("\n"));
    }
}
