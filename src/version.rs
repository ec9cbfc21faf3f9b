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

    /// The lowest Python version a `requires-python` specifier admits, such as
    /// `>=3.9`, `~=3.10`, `>=3.8, <4` or `==3.11.*`. `None` when it names no lower bound.
    pub fn from_requires_python(spec: &str) -> Option<PyVersion> {
        let mut lowest: Option<PyVersion> = None;
        for clause in spec.split(',') {
            let clause = clause.trim();
            let version = [">=", "~=", "==", "==="]
                .iter()
                .find_map(|op| clause.strip_prefix(op))
                .or_else(|| {
                    clause
                        .strip_prefix('>')
                        .map(|rest| rest.trim_start_matches('='))
                });
            let Some(version) = version else { continue };
            let mut parts = version.trim().split('.');
            let (Some(major), Some(minor)) = (parts.next(), parts.next()) else {
                continue;
            };
            let (Ok(major), Ok(minor)) = (
                major.parse::<u8>(),
                minor.trim_end_matches('*').parse::<u8>(),
            ) else {
                continue;
            };
            if major != 3 {
                continue;
            }
            // `>3.9` admits 3.9.1, so 3.9 stays the floor.
            let found = PyVersion::new(major, minor);
            lowest = Some(lowest.map_or(found, |old| old.min(found)));
        }
        lowest.map(|v| v.clamp(Self::OLDEST_TARGET, Self::NEWEST_TARGET))
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
    fn requires_python_lower_bound() {
        assert_eq!(
            PyVersion::from_requires_python(">=3.9"),
            Some(PyVersion::PY39)
        );
        assert_eq!(
            PyVersion::from_requires_python(">=3.8, <4"),
            Some(PyVersion::PY38)
        );
        assert_eq!(
            PyVersion::from_requires_python("~=3.10"),
            Some(PyVersion::PY310)
        );
        assert_eq!(
            PyVersion::from_requires_python("==3.11.*"),
            Some(PyVersion::PY311)
        );
        assert_eq!(
            PyVersion::from_requires_python(">3.9.1"),
            Some(PyVersion::PY39)
        );
        assert_eq!(
            PyVersion::from_requires_python(">=3.6"),
            Some(PyVersion::PY37)
        );
        assert_eq!(PyVersion::from_requires_python("<4"), None);
        assert_eq!(PyVersion::from_requires_python(""), None);
    }
}
