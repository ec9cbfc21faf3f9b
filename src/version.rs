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
    /// it admits, clamped to the targets asyncmod knows. Every clause
    /// counts, in PEP 440's syntax (`>=3.9`, `~=3.10`, `>=3.8,<4`,
    /// `==3.11.*`, `!=3.9.*,>=3.8`, `>=3.10,!=3.10.*` is 3.11) and in
    /// Poetry's (`^3.8`, `~3.8`, `3.8`, `*`, `>=3.8 <4 || >=4.1`). The
    /// answer errs low: a minor version is taken as admitted unless every
    /// release of it fails a clause (`!=3.10` leaves 3.10.1), since a
    /// minimum found too high would let fixes that need a newer Python
    /// land on the older one. A requirement with no lower bound (`<4`,
    /// `*`) or one below 3.7 (`>=2.7`, `>=3`) admits the oldest target,
    /// py37. A clause that is no version specifier, one that admits only
    /// Python 4 and later, or clauses no version satisfies are an error
    /// (the caller warns and, not knowing the minimum, uses the oldest).
    pub fn from_requirement(spec: &str, dialect: Dialect) -> Result<PyVersion, String> {
        let alternatives: Vec<&str> = match dialect {
            Dialect::Pep440 => vec![spec],
            Dialect::Poetry => spec.split("||").collect(),
        };
        // Alternatives (`||`): the oldest any of them admits.
        let mut lowest: Option<(u32, u32)> = None;
        for alternative in alternatives {
            if let Some(found) = requirement_lowest(alternative, dialect)? {
                lowest = Some(lowest.map_or(found, |old| old.min(found)));
            }
        }
        let Some((major, minor)) = lowest else {
            return Err("no version of Python satisfies all of its clauses".to_string());
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

/// The oldest (major, minor) that clauses which must all hold admit (see
/// [`Clause::admits`]); `None` when they admit none.
fn requirement_lowest(spec: &str, dialect: Dialect) -> Result<Option<(u32, u32)>, String> {
    let mut texts = Vec::new();
    for part in spec.split(',') {
        match dialect {
            Dialect::Pep440 => texts.push(part.trim().to_string()),
            // Poetry also separates clauses with spaces: `>=3.8 <4`, but `>= 3.8` is one clause.
            Dialect::Poetry => {
                let mut pending = String::new();
                for word in part.split_whitespace() {
                    pending.push_str(word);
                    if !word.chars().all(|c| "<>=!~^".contains(c)) {
                        texts.push(std::mem::take(&mut pending));
                    }
                }
                if !pending.is_empty() {
                    texts.push(pending);
                }
            }
        }
    }
    let mut clauses = Vec::new();
    for text in texts.iter().filter(|c| !c.is_empty()) {
        if let Some(clause) = Clause::parse(text, dialect)? {
            clauses.push(clause);
        }
    }
    // What a clause admits changes only at these minor versions, so the
    // oldest admitted one is among them.
    let mut candidates = vec![(0, 0)];
    for clause in &clauses {
        let (major, minor) = clause.version.major_minor();
        candidates.extend([
            (major, 0),
            (major, minor),
            (major, minor.saturating_add(1)),
            (major.saturating_add(1), 0),
        ]);
    }
    candidates.sort_unstable();
    Ok(candidates
        .into_iter()
        .find(|&(major, minor)| clauses.iter().all(|c| c.admits(major, minor))))
}

/// A version as a specifier writes it: `3.10`, `3.11.*`, `3.13rc1`, `3`.
#[derive(Debug)]
struct SpecVersion {
    /// The release numbers (`[3, 10, 2]`).
    release: Vec<u32>,
    /// It ends in `.*`.
    wildcard: bool,
    /// It carries a pre-, post-, dev-release or local part (`rc1`, `+abc`).
    suffix: bool,
}

impl SpecVersion {
    fn parse(version: &str) -> Option<SpecVersion> {
        let allowed = |c: char| c.is_ascii_alphanumeric() || "._-+*!".contains(c);
        if version.is_empty() || !version.chars().all(allowed) {
            return None;
        }
        // An epoch (`1!3.8`) puts the version after every epoch-less one.
        if version.contains('!') {
            return None;
        }
        let (body, wildcard) = match version.strip_suffix(".*") {
            Some(body) => (body, true),
            None => (version, false),
        };
        let digits_end = body
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(body.len());
        let (release_text, rest) = body.split_at(digits_end);
        // `3.10.post1` keeps its dot before the suffix.
        let release_text = release_text.strip_suffix('.').unwrap_or(release_text);
        let release: Vec<u32> = release_text
            .split('.')
            .map(str::parse)
            .collect::<Result<_, _>>()
            .ok()?;
        if rest.contains('*') || (wildcard && !rest.is_empty()) || !is_release_suffix(rest) {
            return None;
        }
        Some(SpecVersion {
            release,
            wildcard,
            suffix: !rest.is_empty() || digits_end < body.len(),
        })
    }

    /// Its major and minor numbers; a missing minor is 0.
    fn major_minor(&self) -> (u32, u32) {
        (
            self.release.first().copied().unwrap_or(0),
            self.release.get(1).copied().unwrap_or(0),
        )
    }

    /// Whether it is exactly `major.minor` (or `major.minor.0…`): no
    /// release of that minor version is older.
    fn is_minor_start(&self) -> bool {
        !self.wildcard && !self.suffix && self.release.iter().skip(2).all(|&n| n == 0)
    }
}

/// Whether `rest`, what follows a version's release numbers, is empty or a
/// pre-, post-, dev-release or local part (`rc1`, `.post2`, `-1`, `+ubuntu`).
fn is_release_suffix(rest: &str) -> bool {
    const WORDS: &[&str] = &[
        "alpha", "beta", "preview", "pre", "rc", "a", "b", "c", "post", "rev", "r", "dev",
    ];
    if rest.is_empty() || rest.starts_with('+') {
        return true;
    }
    let tail = rest.trim_start_matches(['.', '_', '-']);
    if tail.starts_with(|c: char| c.is_ascii_digit()) {
        // `3.10-1`: an implicit post-release.
        return rest.starts_with('-');
    }
    let lower = tail.to_ascii_lowercase();
    WORDS.iter().any(|word| lower.starts_with(word))
}

/// One clause of a requirement: its operator and version.
#[derive(Debug)]
struct Clause {
    operator: &'static str,
    version: SpecVersion,
}

impl Clause {
    /// `None` for a clause that admits everything (Poetry's `*`).
    fn parse(clause: &str, dialect: Dialect) -> Result<Option<Clause>, String> {
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
        let text = clause
            .strip_prefix(operator)
            .unwrap_or(clause)
            .trim()
            .trim_start_matches('v');
        let version = SpecVersion::parse(text).ok_or_else(not_a_specifier)?;
        // Poetry's `=` is `==`.
        let operator = if operator == "=" { "==" } else { operator };
        Ok(Some(Clause { operator, version }))
    }

    /// Whether some release of Python `major.minor` may satisfy the clause
    /// (`!=3.10` leaves 3.10.1, `<3.10.5` leaves 3.10.0, `<3.10` leaves no
    /// 3.10: not even its pre-releases, which PEP 440 excludes). When
    /// unsure, it admits.
    fn admits(&self, major: u32, minor: u32) -> bool {
        let at = (major, minor);
        let version = &self.version;
        let own = version.major_minor();
        // `==3.*`, `!=3.10.*`: the releases whose numbers start so.
        let prefix_matches = |prefix: &[u32]| match prefix {
            [] => true,
            [m] => *m == major,
            [m, n, ..] => (*m, *n) == at,
        };
        match self.operator {
            ">=" | ">" => at >= own,
            "<=" => at <= own,
            "<" => at < own || (at == own && !version.is_minor_start()),
            "==" | "===" if version.wildcard => prefix_matches(&version.release),
            "==" | "===" => at == own,
            "!=" if version.wildcard && version.release.len() <= 2 => {
                !prefix_matches(&version.release)
            }
            "!=" => true,
            "~=" => {
                let prefix = &version.release[..version.release.len().saturating_sub(1)];
                at >= own && (prefix.is_empty() || prefix_matches(prefix))
            }
            // Poetry's `^3.8`: at least 3.8, below 4.
            "^" => at >= own && (own.0 == 0 || major == own.0),
            // Poetry's `~3.9`: at least 3.9, below 3.10; `~3`: below 4.
            "~" => {
                at >= own
                    && if version.release.len() >= 2 {
                        at == own
                    } else {
                        major == own.0
                    }
            }
            _ => true,
        }
    }
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
            // Every clause counts: a minor version all of whose releases
            // a clause excludes is no minimum.
            (">=3.10,!=3.10.*", Pep440, PyVersion::PY311),
            ("!=3.10.*,>=3.10", Pep440, PyVersion::PY311),
            (">=3.10,!=3.10.*,!=3.11.*", Pep440, PyVersion::PY312),
            (">=3.10,!=3.11.*", Pep440, PyVersion::PY310),
            // `!=` without `.*` excludes one release: 3.10.1 remains.
            (">=3.10,!=3.10", Pep440, PyVersion::PY310),
            (">=3.10,!=3.10.0", Pep440, PyVersion::PY310),
            // `!=3.10.2.*` excludes part of 3.10 only.
            (">=3.10,!=3.10.2.*", Pep440, PyVersion::PY310),
            // `!=3.*` leaves no Python 3 at all, and Python 4 does not exist.
            (">=2.7,!=3.*", Pep440, PyVersion::PY37),
            // `>` admits the later releases of the same minor version.
            (">3.10", Pep440, PyVersion::PY310),
            (">3.10,!=3.10.*", Pep440, PyVersion::PY311),
            // `~=3.10` is `>=3.10,==3.*`; `~=3.10.2` is `>=3.10.2,==3.10.*`.
            ("~=3.10,!=3.10.*", Pep440, PyVersion::PY311),
            ("~=3.10.2,>=3.9", Pep440, PyVersion::PY310),
            ("~=3.10.2,!=3.10.1,>=3.8", Pep440, PyVersion::PY310),
            // `==3.*` admits every Python 3, `==3.12.*` only 3.12.
            ("==3.*", Pep440, PyVersion::PY37),
            ("==3.*,>=3.9", Pep440, PyVersion::PY39),
            ("==3.12.*,>=3.8", Pep440, PyVersion::PY312),
            ("==3.12.1,>=3.8", Pep440, PyVersion::new(3, 12)),
            // `<` and `<=` bound from above; the lower bound still counts.
            (">=3.8,<3.12", Pep440, PyVersion::PY38),
            ("<3.12,>=3.9", Pep440, PyVersion::PY39),
            (">=3.8,<=3.8", Pep440, PyVersion::PY38),
            // `<3.10.5` admits 3.10.0; `<3.10` no release of 3.10.
            (">=3.10,<3.10.5", Pep440, PyVersion::PY310),
            (">3.9,<3.11", Pep440, PyVersion::PY39),
            // Pre-releases and other suffixes.
            (">=3.10.0rc1,!=3.10.*", Pep440, PyVersion::PY311),
            (">=3.10.post1", Pep440, PyVersion::PY310),
            (">=3.10-1", Pep440, PyVersion::PY310),
            ("==3.11+local", Pep440, PyVersion::PY311),
            // Poetry's caret and tilde bound from above too.
            ("^3.10,!=3.10.*", Poetry, PyVersion::PY311),
            ("~3.9 || ^3.11", Poetry, PyVersion::PY39),
            (">=3.10,!=3.10.* || >=3.12", Poetry, PyVersion::PY311),
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
            // No version satisfies every clause.
            (">=3.12,<3.11", Pep440),
            ("==3.10.*,!=3.10.*", Pep440),
            (">=3.10,<3.10", Pep440),
            ("~3.10 !=3.10.*", Poetry),
            ("~=3.10.2,!=3.10.*", Pep440),
            // Only Python 4 and later.
            (">=3.10,!=3.*", Pep440),
            (">=3.x,!=3.10.*", Pep440),
            (">=1!3.8", Pep440),
        ] {
            let result = PyVersion::from_requirement(spec, dialect);
            assert!(result.is_err(), "{spec}: {result:?}");
        }
    }
}
