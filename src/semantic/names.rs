//! Every read and write of a name, resolved to the scope that owns it: the
//! facts behind "the loop name has no other use" and "these statements are
//! independent".

use ruff_text_size::{Ranged, TextRange};

use super::imports::Lookup;
use super::{BindingKind, ScopeId, SemanticModel};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UseKind {
    Read,
    /// An assignment, import, definition, parameter or other binding.
    Write,
    Delete,
    /// `global name` / `nonlocal name` naming it.
    Declaration,
}

/// One use of a variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Use {
    pub kind: UseKind,
    pub range: TextRange,
    /// The scope the use sits in (the variable's own scope, or a nested one).
    pub scope: ScopeId,
}

impl<'a> SemanticModel<'a> {
    /// Every read, write and deletion of the variable `name` owned by
    /// `owner`, including reads from nested functions, lambdas and
    /// comprehensions that see it, and writes through `global`/`nonlocal`.
    /// In source order.
    pub fn uses_of(&self, name: &str, owner: ScopeId) -> Vec<Use> {
        let mut uses = Vec::new();
        for reference in self.references_named(name) {
            if self.resolves_to(name, reference.scope, owner) {
                uses.push(Use {
                    kind: if reference.is_del {
                        UseKind::Delete
                    } else {
                        UseKind::Read
                    },
                    range: reference.range,
                    scope: reference.scope,
                });
            }
        }
        for (_, binding) in self.bindings_named(name) {
            // A binding is recorded in the scope it writes to (after `global`
            // or `nonlocal` redirection), so its owner is its scope.
            if binding.scope == owner && !matches!(binding.kind, BindingKind::Deletion) {
                uses.push(Use {
                    kind: UseKind::Write,
                    range: binding.range,
                    scope: binding.scope,
                });
            }
        }
        for (id, scope) in self.scopes.iter().enumerate() {
            let id = id as ScopeId;
            if id != owner
                && (scope.globals.contains(name) || scope.nonlocals.contains(name))
                && self.resolves_to(name, id, owner)
            {
                uses.push(Use {
                    kind: UseKind::Declaration,
                    range: scope.range,
                    scope: id,
                });
            }
        }
        uses.sort_by_key(|u| (u.range.start(), u.range.end()));
        uses
    }

    /// The scope that owns the variable `name` as code in `scope` sees it
    /// (after `global` and `nonlocal`): what [`Self::uses_of`] takes. `None`
    /// for a builtin, an unbound name or one a star import may bind.
    pub fn owner_scope(&self, name: &str, scope: ScopeId) -> Option<ScopeId> {
        match self.lookup(name, scope) {
            Lookup::Bound { scope, .. } => Some(scope),
            Lookup::Builtin | Lookup::Unknown => None,
        }
    }

    /// Whether `name` looked up from `from` is the variable owned by `owner`.
    pub fn resolves_to(&self, name: &str, from: ScopeId, owner: ScopeId) -> bool {
        matches!(self.lookup(name, from), Lookup::Bound { scope, .. } if scope == owner)
    }

    /// The uses of `name` (owned by `owner`) that fall outside `ranges`.
    pub fn uses_outside(&self, name: &str, owner: ScopeId, ranges: &[TextRange]) -> Vec<Use> {
        self.uses_of(name, owner)
            .into_iter()
            .filter(|u| !ranges.iter().any(|r| r.contains_range(u.range)))
            .collect()
    }
}

/// The range of anything ranged, for building `uses_outside` lists.
pub fn range_of<T: Ranged>(node: &T) -> TextRange {
    node.range()
}

#[cfg(test)]
mod tests {
    use ruff_text_size::{TextRange, TextSize};

    use super::UseKind;
    use crate::semantic::scope::MODULE_SCOPE;
    use crate::test_support::with_context;

    fn kinds_and_lines(
        source: &str,
        name: &str,
        from: ruff_text_size::TextSize,
    ) -> Vec<(UseKind, usize)> {
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            let scope = semantic.scope_at(from);
            let owner = semantic.owner_scope(name, scope).expect("bound");
            semantic
                .uses_of(name, owner)
                .into_iter()
                .map(|u| (u.kind, ctx.line_index.line_index(u.range.start()).get()))
                .collect()
        })
    }

    #[test]
    fn uses_of_a_local_include_nested_reads_and_declarations() {
        let source = "def f():\n    loop = make()\n    def g():\n        return loop\n    def h():\n        nonlocal loop\n        loop = None\n    loop.run()\n";
        let at = TextSize::new(source.find("loop = make").unwrap() as u32);
        assert_eq!(
            kinds_and_lines(source, "loop", at),
            [
                (UseKind::Write, 2),
                (UseKind::Read, 4),
                (UseKind::Declaration, 6),
                (UseKind::Write, 7),
                (UseKind::Read, 8),
            ]
        );
    }

    #[test]
    fn uses_of_a_module_name_include_global_declarations() {
        let source = "loop = make()\ndef f():\n    global loop\n    loop.close()\nloop.run()\n";
        assert_eq!(
            kinds_and_lines(source, "loop", TextSize::new(0)),
            [
                (UseKind::Write, 1),
                (UseKind::Declaration, 3),
                (UseKind::Read, 4),
                (UseKind::Read, 5),
            ]
        );
    }

    #[test]
    fn a_parameter_of_the_same_name_is_another_variable() {
        let source = "loop = make()\ndef f(loop):\n    loop.close()\nloop.run()\n";
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            assert_eq!(
                semantic.owner_scope("loop", MODULE_SCOPE),
                Some(MODULE_SCOPE)
            );
            let outside = semantic.uses_outside(
                "loop",
                MODULE_SCOPE,
                &[TextRange::new(TextSize::new(0), TextSize::new(4))],
            );
            assert_eq!(outside.len(), 1, "{outside:?}");
            assert_eq!(semantic.owner_scope("print", MODULE_SCOPE), None);
        });
    }
}
