//! Python versions: the `--target-version` a run aims at and the minimum a fix needs.

use std::fmt;
use std::str::FromStr;

/// A CPython `3.minor` version. Only Python 3 exists for asyncmod.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PyVersion {
    pub major: u8,
    pub minor: u8,
}

impl PyVersion {
    /// Runs on any Python 3.
    pub const ANY: PyVersion = PyVersion::new(3, 0);
    pub const PY35: PyVersion = PyVersion::new(3, 5);
    pub const PY37: PyVersion = PyVersion::new(3, 7);
    pub const PY38: PyVersion = PyVersion::new(3, 8);
    pub const PY39: PyVersion = PyVersion::new(3, 9);
    pub const PY310: PyVersion = PyVersion::new(3, 10);
    pub const PY311: PyVersion = PyVersion::new(3, 11);
    pub const PY312: PyVersion = PyVersion::new(3, 12);
    pub const PY314: PyVersion = PyVersion::new(3, 14);

    /// The oldest and newest values `--target-version` accepts.
    pub const OLDEST_TARGET: PyVersion = PyVersion::PY37;
    pub const NEWEST_TARGET: PyVersion = PyVersion::PY314;

    /// The oldest CPython still supported upstream at the end of 2026.
    pub const DEFAULT_TARGET: PyVersion = PyVersion::PY311;

    pub const fn new(major: u8, minor: u8) -> Self {
        PyVersion { major, minor }
    }

    /// `py311` for 3.11, the spelling of `--target-version`.
    pub fn target_name(self) -> String {
        format!("py{}{}", self.major, self.minor)
    }

    /// Every value `--target-version` accepts, oldest first.
    pub fn targets() -> impl Iterator<Item = PyVersion> {
        (Self::OLDEST_TARGET.minor..=Self::NEWEST_TARGET.minor)
            .map(|minor| PyVersion::new(3, minor))
    }

    /// The target a project's Python requirement allows: the oldest version
    /// it admits, clamped to the targets asyncmod knows. `>=3.9`, `~=3.10`,
    /// `>=3.8,<4`, `==3.11.*`, `!=3.9.*,>=3.8`; in Poetry's syntax also
    /// `^3.8`, `~3.8`, `3.8`, `*` and `>=3.8 <4 || >=4.1`. A requirement with
    /// no lower bound (`<4`, `*`) or one below 3.7 (`>=2.7`, `>=3`) admits the
    /// oldest target, py37. A clause that is no version specifier is an error
    /// (the caller warns and, not knowing the minimum, uses the oldest).
    pub fn from_requirement(spec: &str, dialect: Dialect) -> Result<PyVersion, String> {
        let alternatives: Vec<&str> = match dialect {
            Dialect::Pep440 => vec![spec],
            Dialect::Poetry => spec.split("||").collect(),
        };
        // Alternatives (`||`): the oldest of their bounds; no bound in one means none at all.
        let mut lowest: Option<Option<(u32, u32)>> = None;
        for alternative in alternatives {
            let bound = requirement_lower_bound(alternative, dialect)?;
            lowest = Some(match (lowest, bound) {
                (None, bound) => bound,
                (Some(Some(a)), Some(b)) => Some(a.min(b)),
                (Some(_), _) => None,
            });
        }
        let Some(Some((major, minor))) = lowest else {
            return Ok(Self::OLDEST_TARGET);
        };
        if major > 3 {
            return Err(format!("it names Python {major}, which does not exist"));
        }
        if major < 3 {
            return Ok(Self::OLDEST_TARGET);
        }
        let minor = u8::try_from(minor).unwrap_or(u8::MAX);
        Ok(PyVersion::new(3, minor).clamp(Self::OLDEST_TARGET, Self::NEWEST_TARGET))
    }
}

/// How a Python requirement is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// PEP 440 specifiers: `requires-python`, setup.cfg's `python_requires`.
    Pep440,
    /// Poetry's constraints: `[tool.poetry.dependencies] python`.
    Poetry,
}

/// The lower bound (major, minor) of clauses that must all hold: the newest
/// of their bounds, `None` when no clause has one (`<4`, `!=3.9.*`).
fn requirement_lower_bound(spec: &str, dialect: Dialect) -> Result<Option<(u32, u32)>, String> {
    let mut clauses = Vec::new();
    for part in spec.split(',') {
        match dialect {
            Dialect::Pep440 => clauses.push(part.trim().to_string()),
            // Poetry also separates clauses with spaces: `>=3.8 <4`, but `>= 3.8` is one clause.
            Dialect::Poetry => {
                let mut pending = String::new();
                for word in part.split_whitespace() {
                    pending.push_str(word);
                    if !word.chars().all(|c| "<>=!~^".contains(c)) {
                        clauses.push(std::mem::take(&mut pending));
                    }
                }
                if !pending.is_empty() {
                    clauses.push(pending);
                }
            }
        }
    }
    let mut bound: Option<(u32, u32)> = None;
    for clause in clauses.iter().filter(|c| !c.is_empty()) {
        if let Some(found) = clause_lower_bound(clause, dialect)? {
            bound = Some(bound.map_or(found, |old| old.max(found)));
        }
    }
    Ok(bound)
}

/// One clause's lower bound: `>=3.8` gives 3.8, `<4` none. `>3.9` gives 3.9
/// too (it admits 3.9.1).
fn clause_lower_bound(clause: &str, dialect: Dialect) -> Result<Option<(u32, u32)>, String> {
    const PEP440: &[&str] = &["===", "~=", "==", "!=", "<=", ">=", "<", ">"];
    const POETRY: &[&str] = &["^", "~", "="];
    let not_a_specifier = || format!("`{clause}` is not a version specifier");
    if dialect == Dialect::Poetry && clause == "*" {
        return Ok(None);
    }
    let operator = PEP440
        .iter()
        .chain(if dialect == Dialect::Poetry {
            POETRY
        } else {
            &[]
        })
        .find(|op| clause.starts_with(**op))
        .copied();
    let operator = match (operator, dialect) {
        (Some(op), _) => op,
        // Poetry's bare `3.8` means `==3.8`; PEP 440 needs an operator.
        (None, Dialect::Poetry) => "==",
        (None, Dialect::Pep440) => return Err(not_a_specifier()),
    };
    let version = clause
        .strip_prefix(operator)
        .unwrap_or(clause)
        .trim()
        .trim_start_matches('v');
    let (major, minor) = release_prefix(version).ok_or_else(not_a_specifier)?;
    Ok(match operator {
        "<" | "<=" | "!=" => None,
        _ => Some((major, minor)),
    })
}

/// The major and minor numbers a version (`3.8`, `3.10.2`, `3.11.*`,
/// `3.13rc1`, `3`) starts with; a missing minor is 0.
fn release_prefix(version: &str) -> Option<(u32, u32)> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "._-+*".contains(c);
    if version.is_empty() || !version.chars().all(allowed) {
        return None;
    }
    let mut parts = version.split('.');
    let major = parts.next()?.parse::<u32>().ok()?;
    let minor = match parts.next() {
        None | Some("*") => 0,
        Some(part) => {
            let digits = part.split(|c: char| !c.is_ascii_digit()).next()?;
            digits.parse::<u32>().ok()?
        }
    };
    Some((major, minor))
}

impl fmt::Display for PyVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if *self == PyVersion::ANY {
            f.write_str("any")
        } else {
            write!(f, "{}.{}", self.major, self.minor)
        }
    }
}

impl FromStr for PyVersion {
    type Err = String;

    /// Parses `py311` (the `--target-version` spelling) or `3.11`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let parsed = if let Some(digits) = s.strip_prefix("py") {
            digits
                .strip_prefix('3')
                .and_then(|minor| minor.parse::<u8>().ok())
                .map(|minor| PyVersion::new(3, minor))
        } else {
            s.strip_prefix("3.")
                .and_then(|minor| minor.parse::<u8>().ok())
                .map(|minor| PyVersion::new(3, minor))
        };
        match parsed {
            Some(v) if (Self::OLDEST_TARGET..=Self::NEWEST_TARGET).contains(&v) => Ok(v),
            _ => Err(format!(
                "unknown Python version `{s}`: expected one of {}",
                Self::targets()
                    .map(PyVersion::target_name)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PyVersion;

    #[test]
    fn parses_target_names() {
        assert_eq!("py37".parse(), Ok(PyVersion::PY37));
        assert_eq!("py314".parse(), Ok(PyVersion::PY314));
        assert_eq!("3.10".parse(), Ok(PyVersion::PY310));
        assert!("py27".parse::<PyVersion>().is_err());
        assert!("py315".parse::<PyVersion>().is_err());
        assert!("python3".parse::<PyVersion>().is_err());
    }

    #[test]
    fn requirement_lower_bound() {
        use super::Dialect::{Pep440, Poetry};
        let cases = [
            (">=3.9", Pep440, PyVersion::PY39),
            (">=3.8,<4", Pep440, PyVersion::PY38),
            (">=3.8, <4", Pep440, PyVersion::PY38),
            (">= 3.8", Pep440, PyVersion::PY38),
            ("~=3.9", Pep440, PyVersion::PY39),
            ("~=3.10.2", Pep440, PyVersion::PY310),
            ("!=3.9.*,>=3.8", Pep440, PyVersion::PY38),
            ("==3.11.*", Pep440, PyVersion::PY311),
            ("===3.11", Pep440, PyVersion::PY311),
            (">3.9.1", Pep440, PyVersion::PY39),
            (">=3.13rc1", Pep440, PyVersion::new(3, 13)),
            (">=3.99", Pep440, PyVersion::PY314),
            // Below 3.7, or no lower bound at all: the oldest target.
            (">=2.7", Pep440, PyVersion::PY37),
            (">=3", Pep440, PyVersion::PY37),
            (">=3.6", Pep440, PyVersion::PY37),
            (">=2.7, !=3.0.*, !=3.1.*", Pep440, PyVersion::PY37),
            ("<4", Pep440, PyVersion::PY37),
            ("", Pep440, PyVersion::PY37),
            // Clauses must all hold: the newest bound counts.
            (">=3.8,>=3.10", Pep440, PyVersion::PY310),
            ("^3.8", Poetry, PyVersion::PY38),
            ("~3.9", Poetry, PyVersion::PY39),
            ("3.10", Poetry, PyVersion::PY310),
            ("3.10.*", Poetry, PyVersion::PY310),
            (">=3.8 <4.0", Poetry, PyVersion::PY38),
            (">= 3.9, < 4", Poetry, PyVersion::PY39),
            ("^3.10 || ^3.8", Poetry, PyVersion::PY38),
            ("*", Poetry, PyVersion::PY37),
            ("^2.7 || ^3.9", Poetry, PyVersion::PY37),
        ];
        for (spec, dialect, expected) in cases {
            assert_eq!(
                PyVersion::from_requirement(spec, dialect),
                Ok(expected),
                "{spec}"
            );
        }
    }

    #[test]
    fn unreadable_requirements_are_errors() {
        use super::Dialect::{Pep440, Poetry};
        for (spec, dialect) in [
            ("python3", Pep440),
            ("3.8", Pep440),
            ("^3.8", Pep440),
            (">=3.x", Pep440),
            (">=3.8 <4", Pep440),
            (">=3.8 || >=3.9", Pep440),
            (">=", Pep440),
            (">=4", Pep440),
            ("latest", Poetry),
            (">=3.8; python_version", Pep440),
        ] {
            let result = PyVersion::from_requirement(spec, dialect);
            assert!(result.is_err(), "{spec}: {result:?}");
        }
    }
}
