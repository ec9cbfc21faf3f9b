use std::cell::OnceCell;

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{ExceptHandler, ExprContext};

use crate::codemods::prelude::*;
use crate::fix::Edit;
use crate::fix::statements::{Comments, delete_statements};
use crate::fix::syntax::contains_comment;
use crate::semantic::imports::Lookup;
use crate::semantic::patches::StandIn;
use crate::semantic::scope::MODULE_SCOPE;
use crate::semantic::{Binding, BindingKind, ScopeId, SemanticModel};

declare_codemod! {
    /// ## What it does
    /// Replaces `asyncio.TimeoutError` (and `asyncio.exceptions.TimeoutError`,
    /// `concurrent.futures.TimeoutError`) with the builtin `TimeoutError`.
    /// Every reference is rewritten: `except` clauses, `raise`, `isinstance`,
    /// base classes. In an `except` tuple that then names `TimeoutError`
    /// twice, the duplicate goes (`except (asyncio.TimeoutError,
    /// TimeoutError):` becomes `except TimeoutError:`). A `from asyncio import
    /// TimeoutError` whose uses already read `TimeoutError` is removed.
    ///
    /// ## Why
    /// Since Python 3.11 these names are aliases of the builtin
    /// `TimeoutError`, kept for old code. The builtin says the same thing
    /// in one word, and `asyncio.timeout()` raises it.
    ///
    /// ## Before
    /// ```python
    /// import asyncio
    ///
    /// async def fetch(source):
    ///     try:
    ///         return await asyncio.wait_for(source.read(), 5)
    ///     except asyncio.TimeoutError:
    ///         return None
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    ///
    /// async def fetch(source):
    ///     try:
    ///         return await asyncio.wait_for(source.read(), 5)
    ///     except TimeoutError:
    ///         return None
    /// ```
    ///
    /// ## Fix safety
    /// Safe from Python 3.11, where the names are the very same class as
    /// the builtin: `except`, `isinstance`, identity (`type(e) is
    /// asyncio.TimeoutError`), base classes, `match` class patterns
    /// (`case asyncio.TimeoutError():`) and dictionary keys all see one
    /// class. The builtin is written only where `TimeoutError` means the
    /// builtin (no binding of that name in the scope or around it, no star
    /// import, and the module binds no global behind its statements' backs:
    /// `globals()[name] = …`, `globals().update(…)`, `exec`,
    /// `setattr(sys.modules[__name__], name, …)`). An import left unused is removed,
    /// unless a string annotation (`-> "asyncio.Future"`), `__all__` or a `#
    /// noqa` comment on its line still needs it.
    ///
    /// Removing a `from asyncio import TimeoutError` whose uses already read
    /// `TimeoutError` is a fix of its own, and **unsafe**: that is all it
    /// does, and another module that imports `TimeoutError` from this one
    /// would then fail at import. An import listed in `__all__` or written as
    /// a re-export (`import TimeoutError as TimeoutError`) stays.
    ///
    /// Another file of the project that writes an attribute named
    /// `TimeoutError` (by that name; a write by a name or target the code computes, `setattr(asyncio, name, f)`, `mock.patch(target)`, in a file that spells the module's name in a string, counts for every member, and so does `sys.modules["asyncio"] = shim`): a
    /// mock's patch (`mock.patch(…)`, `patch.object(…)`,
    /// `monkeypatch.setattr(…)`, as a test does around the code it tests)
    /// makes the fix unsafe, as its failure shows in that test; any other
    /// write (`asyncio.TimeoutError = ServiceTimeout`) leaves it without a fix, as the fixed code would
    /// silently no longer reach the stand-in. The note names the file. The
    /// same holds for every name of the class: another file that replaces
    /// or patches `builtins.TimeoutError` (`builtins.TimeoutError =
    /// AppTimeout`, `patch.object(builtins, "TimeoutError", …)`,
    /// `__builtins__["TimeoutError"] = …`, `for m in (builtins,):
    /// m.TimeoutError = …`) makes a bare `TimeoutError` read that stand-in,
    /// while asyncio still raises the class it was given at import:
    /// `except TimeoutError` would stop catching it; one that replaces
    /// `asyncio.exceptions.TimeoutError` (which `wait_for` raises, read when
    /// it raises) or `concurrent.futures.TimeoutError` makes the class the
    /// code names another than the builtin. A namespace of one of those
    /// modules kept in a variable, or a write by a name the code computes
    /// on one (`setattr(builtins, NAME, X)`), counts as a write of every
    /// name. This is the question `AM003` asks too. And another file that
    /// binds this module's own global `TimeoutError` (`app.svc.TimeoutError
    /// = X`, `mock.patch("app.svc.TimeoutError", X, create=True)`,
    /// `vars(app.svc)["TimeoutError"] = X`) makes the bare name the fix
    /// writes read that global.
    /// The same holds for the module's own name the reference goes through
    /// (`asyncio`, `aexc` of `import asyncio.exceptions as aexc`, `ATimeout`
    /// of `from asyncio import TimeoutError as ATimeout`) written as an
    /// attribute of this module by another file (`mock.patch(
    /// "app.svc.ATimeout", Legacy)`, `patch.object(svc, "asyncio", fake)`),
    /// or through its namespace (`mock.patch.dict(svc.fetch.__globals__, …)`,
    /// read as a write of any attribute of the modules that file imports),
    /// or through a parameter of a function the module is handed to
    /// (`def force(m, v): m.ATimeout = v` and `force(svc, Legacy)`, also a
    /// lambda's or a test helper's `monkeypatch.setattr(mod, …)`).
    ///
    /// ## Left alone
    /// Everything on a target older than Python 3.11 (there the classes
    /// differ: `except asyncio.TimeoutError` would stop catching);
    /// a scope where `TimeoutError` is bound to something else (a local
    /// class, a parameter, a name of an enclosing function, a later local
    /// assignment, a `global` rebinding); assignments to the alias; a
    /// reference with a comment inside it; `socket.timeout` (an alias too,
    /// but not asyncio's: ruff's UP041 covers it). Reported without a fix: a
    /// value pattern of a `match` (`case asyncio.TimeoutError:`, a mapping
    /// pattern's key), where a bare `TimeoutError` would be a capture that
    /// matches anything (and `builtins.TimeoutError` is no idiom); a module
    /// that binds names dynamically (above); a
    /// module that replaces or patches one of the names (`asyncio.TimeoutError
    /// = LegacyTimeout`, `builtins.TimeoutError = …`,
    /// `mock.patch("asyncio.TimeoutError", …)`, `vars(asyncio)[…] = …`,
    /// `asyncio.__dict__` written, `mock.patch.multiple(asyncio, …)`, the
    /// module object handed on or stored, a patch target the code builds or
    /// computes), where they are not one class
    /// any more. An `except` tuple with a comment inside keeps its layout and
    /// may name `TimeoutError` twice, which is harmless. `# noqa: UP041`
    /// suppresses it too.
    ///
    /// ## Python
    /// The aliases are the builtin only from Python 3.11: with an older
    /// `--target-version` nothing is rewritten.
    pub static TIMEOUT_ERROR_ALIAS = Codemod {
        code: "AM103",
        name: "timeout-error-alias",
        min_python: PyVersion::PY311,
        safety: Applicability::Safe,
        run: timeout_error_alias,
        needles: &["TimeoutError"],
        noqa_aliases: &["UP041"],
    };
}

/// The qualified names that are the builtin `TimeoutError` from 3.11 on.
const ALIASES: &[&str] = &[
    "asyncio.TimeoutError",
    "asyncio.exceptions.TimeoutError",
    "concurrent.futures.TimeoutError",
    "concurrent.futures._base.TimeoutError",
];

const BUILTIN: &str = "TimeoutError";

fn timeout_error_alias(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    // Local names imported from an alias path (`from asyncio import
    // TimeoutError as AsyncTimeout`), other than `TimeoutError` itself.
    let imported: Vec<&str> = semantic
        .bindings
        .iter()
        .filter(|b| {
            b.name != BUILTIN
                && b.kind
                    .import_path()
                    .is_some_and(|path| ALIASES.contains(&path))
        })
        .map(|b| b.name)
        .collect();
    // Without such imports every candidate spells `TimeoutError`, so only
    // the statements and expressions around those words need visiting. (A
    // name with non-ASCII letters may spell it otherwise and still mean it,
    // after NFKC normalisation: then visit everything. Non-ASCII text in
    // strings and comments changes nothing.)
    let ascii_names = ctx.source.is_ascii()
        || ctx
            .tokens
            .iter()
            .all(|token| token.kind() != TokenKind::Name || ctx.source[token.range()].is_ascii());
    let occurrences = (imported.is_empty() && ascii_names).then(|| {
        memchr::memmem::find_iter(ctx.source.as_bytes(), BUILTIN)
            .map(|at| TextSize::try_from(at).unwrap_or(TextSize::new(u32::MAX)))
            .collect()
    });
    let mut collector = Collector {
        imported,
        occurrences,
        candidates: Vec::new(),
        handler_tuples: Vec::new(),
    };
    collector.visit_body(&ctx.module.body);

    // `except (asyncio.TimeoutError, TimeoutError):` and the like: one fix
    // for the whole tuple, shared by each alias in it.
    let tuple_fixes: Vec<TupleFix> = collector
        .handler_tuples
        .iter()
        .filter_map(|tuple| plan_tuple(ctx, tuple))
        .collect();

    let patched = OnceCell::new();
    for &expr in &collector.candidates {
        let scope = semantic.scope_at(expr.start());
        let Some(qualified) = alias_of(semantic, expr, scope) else {
            continue;
        };
        let finding = out.report(
            &TIMEOUT_ERROR_ALIAS,
            expr.range(),
            format!("`{qualified}` is an alias of the builtin `TimeoutError`"),
        );
        if *patched.get_or_init(|| patches_timeout_error(semantic)) {
            finding.note(PATCHED);
            continue;
        }
        if semantic.is_value_pattern(expr) {
            // `case TimeoutError:` would capture whatever is matched; a
            // value pattern needs a dotted name, and `builtins.TimeoutError`
            // is no idiom worth writing.
            finding.note(VALUE_PATTERN);
            continue;
        }
        if !builtin_is_usable(semantic, scope) {
            finding.note(
                if matches!(semantic.lookup(BUILTIN, scope), Lookup::Builtin) {
                    DYNAMIC
                } else {
                    "`TimeoutError` is bound to something else here"
                },
            );
            continue;
        }
        if contains_comment(ctx.tokens, expr.range()) {
            finding.note("a comment sits inside the reference");
            continue;
        }
        // Another file of the project that replaces the alias
        // (`asyncio.TimeoutError = ServiceTimeout`) or patches it: the
        // builtin is then another class than the one the code names.
        let (applicability, finding) = match semantic
            .timeout_error_stand_in(TIMEOUT_EFFECT)
            .or_else(|| {
                // Another file that binds this module's own global
                // `TimeoutError` (`app.svc.TimeoutError = X`,
                // `mock.patch("app.svc.TimeoutError", X, create=True)`):
                // the bare name the fix writes reads that.
                semantic.own_name_stand_in(
                    &[BUILTIN],
                    "the rewritten code names `TimeoutError`, which then reads the module's global",
                )
            }) {
            Some(StandIn::Replaced(note)) => {
                finding.note(note);
                continue;
            }
            Some(StandIn::Mocked(note)) => (Applicability::Unsafe, finding.note(note)),
            None => {
                // The module's own name the reference goes through
                // (`asyncio`, `aexc` of `import asyncio.exceptions as aexc`,
                // `ATimeout` of `from asyncio import TimeoutError as
                // ATimeout`) may be patched or replaced from another file as
                // an attribute of this module (`mock.patch("app.svc.ATimeout",
                // Legacy)`, `patch.object(svc, "asyncio", fake)`), as the
                // other codemods ask.
                let mut head = expr;
                while let Expr::Attribute(attribute) = head {
                    head = &attribute.value;
                }
                let own = match head {
                    Expr::Name(name) => {
                        // `ATimeout` itself, or `asyncio.TimeoutError`
                        // read through the module's `asyncio`.
                        let effect = if std::ptr::eq(head, expr) {
                            format!(
                                "the rewritten code names the builtin `TimeoutError` instead of the module's `{}`",
                                name.id
                            )
                        } else {
                            format!(
                                "the rewritten code names the builtin `TimeoutError` instead of `{}` through the module's `{}`",
                                &ctx.source[expr.range()],
                                name.id
                            )
                        };
                        semantic.own_name_stand_in(&[name.id.as_str()], &effect)
                    }
                    _ => None,
                };
                match own {
                    Some(StandIn::Replaced(note)) => {
                        finding.note(note);
                        continue;
                    }
                    Some(StandIn::Mocked(note)) => (Applicability::Unsafe, finding.note(note)),
                    None => (Applicability::Safe, finding),
                }
            }
        };
        let tuple = tuple_fixes
            .iter()
            .find(|plan| plan.aliases.iter().any(|a| a.range() == expr.range()));
        finding.fix_with(applicability, |fix| {
            fix.title("Replace with the builtin `TimeoutError`");
            match tuple {
                Some(plan) => {
                    for edit in &plan.edits {
                        fix.edit(edit.clone());
                    }
                    for alias in &plan.aliases {
                        fix.remove_import_if_unused(alias);
                    }
                }
                None => {
                    fix.replace(expr.range(), BUILTIN);
                    fix.remove_import_if_unused(expr);
                }
            }
            Ok(())
        });
    }

    redundant_imports(ctx, out, &patched);
}

const VALUE_PATTERN: &str = "in a `match` pattern a bare `TimeoutError` would capture anything instead of \
     comparing, so the dotted name stays";

const DYNAMIC: &str = "the module binds names behind its statements' backs (`globals()[…] = …`, \
     `setattr(sys.modules[__name__], …)`), so `TimeoutError` may not be the builtin";

const PATCHED: &str = "the module replaces or patches a `TimeoutError` (`asyncio.TimeoutError = …`, `mock.patch`), \
     so the names may not be the builtin class";

const TIMEOUT_EFFECT: &str = "the builtin `TimeoutError` the fix writes may then be another class than the one the code names";

/// Whether the module may replace one of the aliases or the builtin
/// itself at run time: then they are not one class.
fn patches_timeout_error(semantic: &SemanticModel) -> bool {
    semantic.timeout_error_patched_here()
}

/// References that may be aliases, and the tuples of `except` clauses.
struct Collector<'a> {
    imported: Vec<&'a str>,
    /// Where the source spells `TimeoutError`, in order, when only code
    /// around those places can hold a candidate (`None`: visit everything).
    occurrences: Option<Vec<TextSize>>,
    candidates: Vec<&'a Expr>,
    handler_tuples: Vec<&'a ast::ExprTuple>,
}

impl Collector<'_> {
    /// Whether a node with this range may hold a candidate.
    fn may_hold(&self, range: TextRange) -> bool {
        let Some(occurrences) = &self.occurrences else {
            return true;
        };
        let first = occurrences.partition_point(|&at| at < range.start());
        occurrences.get(first).is_some_and(|&at| at < range.end())
    }
}

impl<'a> Visitor<'a> for Collector<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.may_hold(stmt.range()) {
            visitor::walk_stmt(self, stmt);
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if !self.may_hold(expr.range()) {
            return;
        }
        match expr {
            Expr::Attribute(attribute)
                if attribute.attr.as_str() == BUILTIN && attribute.ctx == ExprContext::Load =>
            {
                self.candidates.push(expr);
            }
            // `TimeoutError` itself is either the builtin or a same-name
            // import that `redundant_imports` deals with.
            Expr::Name(name)
                if name.ctx == ExprContext::Load && self.imported.contains(&name.id.as_str()) =>
            {
                self.candidates.push(expr);
            }
            _ => visitor::walk_expr(self, expr),
        }
    }

    fn visit_except_handler(&mut self, handler: &'a ExceptHandler) {
        let ExceptHandler::ExceptHandler(inner) = handler;
        if !self.may_hold(inner.range) {
            return;
        }
        // A tuple can need a fix only if one of its elements is an alias.
        if let Some(Expr::Tuple(tuple)) = inner.type_.as_deref()
            && self.may_hold(tuple.range)
        {
            self.handler_tuples.push(tuple);
        }
        visitor::walk_except_handler(self, handler);
    }
}

/// The alias `expr` refers to at `scope`, if it is one.
fn alias_of(semantic: &SemanticModel, expr: &Expr, scope: ScopeId) -> Option<&'static str> {
    let qualified = semantic.qualified_name(expr, scope)?;
    ALIASES.iter().copied().find(|alias| qualified.is(alias))
}

/// Whether `TimeoutError` written at `scope` is the builtin class (or, what
/// is the same from 3.11 on, one of its aliases imported under that name).
fn builtin_is_usable(semantic: &SemanticModel, scope: ScopeId) -> bool {
    match semantic.lookup(BUILTIN, scope) {
        Lookup::Builtin => semantic.is_builtin(BUILTIN, scope),
        Lookup::Bound { .. } => semantic
            .import_of(BUILTIN, scope)
            .is_some_and(|path| ALIASES.contains(&path)),
        Lookup::Unknown => false,
    }
}

/// The rewrite of an `except` tuple that would name `TimeoutError` more than
/// once: the first keeps its place (as `TimeoutError`), the others go.
struct TupleFix {
    edits: Vec<Edit>,
    /// The aliases among the tuple's elements, whose imports may become unused.
    aliases: Vec<Expr>,
}

fn plan_tuple(ctx: &Context, tuple: &ast::ExprTuple) -> Option<TupleFix> {
    let semantic = ctx.semantic;
    let scope = semantic.scope_at(tuple.start());
    if !builtin_is_usable(semantic, scope) || contains_comment(ctx.tokens, tuple.range) {
        return None;
    }
    let elements = &tuple.elts;
    let mut aliases = Vec::new();
    let mut timeout_like = Vec::new();
    for (i, element) in elements.iter().enumerate() {
        if alias_of(semantic, element, scope).is_some() {
            aliases.push(element.clone());
            timeout_like.push(i);
        } else if matches!(element, Expr::Name(name) if name.id.as_str() == BUILTIN) {
            timeout_like.push(i);
        }
    }
    let [kept, ..] = timeout_like.as_slice() else {
        return None;
    };
    if timeout_like.len() < 2 || aliases.is_empty() {
        return None;
    }
    let kept = *kept;
    let keep: Vec<bool> = (0..elements.len())
        .map(|i| i == kept || !timeout_like.contains(&i))
        .collect();

    let mut edits = Vec::new();
    if keep.iter().filter(|k| **k).count() == 1 {
        // `except (asyncio.TimeoutError, TimeoutError):` → `except TimeoutError:`.
        // Without its parentheses the name must not run into a keyword
        // written against them (`except(…)`, `(…)as e`).
        let source = ctx.source;
        let touches = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        let before = source
            .get(..usize::from(tuple.start()))
            .and_then(|s| s.chars().next_back());
        let after = source
            .get(usize::from(tuple.end())..)
            .and_then(|s| s.chars().next());
        let mut name = String::new();
        if touches(before) {
            name.push(' ');
        }
        name.push_str(BUILTIN);
        if touches(after) {
            name.push(' ');
        }
        edits.push(Edit::replacement(tuple.range, name));
        return Some(TupleFix { edits, aliases });
    }
    if let Some(element) = elements.get(kept)
        && !matches!(element, Expr::Name(name) if name.id.as_str() == BUILTIN)
    {
        edits.push(Edit::replacement(element.range(), BUILTIN));
    }
    // Runs of consecutive elements to delete, as (first, last) indices.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, &kept) in keep.iter().enumerate() {
        if kept {
            continue;
        }
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == i => *last = i,
            _ => runs.push((i, i)),
        }
    }
    for (first, last) in runs {
        let range = match elements.get(last + 1) {
            // Up to the next kept element, commas and spaces with it.
            Some(next) => TextRange::new(elements.get(first)?.start(), next.start()),
            // At the end: from the previous kept element (there is one: the
            // first timeout-like element is kept and comes before).
            None => TextRange::new(
                elements.get(first.checked_sub(1)?)?.end(),
                elements.get(last)?.end(),
            ),
        };
        edits.push(Edit::deletion(range));
    }
    Some(TupleFix { edits, aliases })
}

/// `from asyncio import TimeoutError`: the name already reads as the
/// builtin, so the import only keeps the alias alive. Removed when every
/// binding of the name in its scope is such an import and, without it, the
/// name would be the builtin.
fn redundant_imports(ctx: &Context, out: &mut Findings, patched: &OnceCell<bool>) {
    let semantic = ctx.semantic;
    let exported = semantic.exported_names();
    for (_, binding) in semantic.bindings_named(BUILTIN) {
        let BindingKind::Import {
            qualified,
            from: true,
        } = &binding.kind
        else {
            continue;
        };
        if !ALIASES.contains(&&**qualified)
            || semantic.import_of(BUILTIN, binding.scope) != Some(&**qualified)
            || semantic.references_named(BUILTIN).next().is_none()
        {
            continue;
        }
        let Some(Stmt::ImportFrom(import)) = binding.stmt else {
            continue;
        };
        let Some(alias) = import.names.iter().find(|a| a.range == binding.range) else {
            continue;
        };
        let finding = out.report(
            &TIMEOUT_ERROR_ALIAS,
            binding.range,
            format!(
                "`TimeoutError` imported from `{}` is the builtin `TimeoutError`",
                qualified
                    .rsplit_once('.')
                    .map_or(&**qualified, |(module, _)| module)
            ),
        );
        if alias.asname.is_some() || exported.contains(&BUILTIN) {
            finding.note("the import looks like a re-export, which other modules may use");
            continue;
        }
        if *patched.get_or_init(|| patches_timeout_error(semantic)) {
            finding.note(PATCHED);
            continue;
        }
        if let Some(StandIn::Replaced(note) | StandIn::Mocked(note)) =
            semantic.timeout_error_stand_in(TIMEOUT_EFFECT)
        {
            finding.note(note);
            continue;
        }
        if !builtin_after_removal(semantic, binding) {
            finding.note("without the import, `TimeoutError` would not be the builtin here");
            continue;
        }
        // The removal is all this fix does, and another module may import
        // `TimeoutError` from this one: it would then fail at import, at once.
        finding.fix_with(Applicability::Unsafe, |fix| {
            fix.title("Remove the import: `TimeoutError` is the builtin");
            let edits = alias_deletion(ctx, import, alias.range);
            if edits.is_empty() {
                anyhow::bail!("the import shares its line with other code");
            }
            for edit in edits {
                fix.edit(edit);
            }
            Ok(())
        });
    }
}

/// Whether, with the import gone, `TimeoutError` in the binding's scope
/// would be the builtin.
fn builtin_after_removal(semantic: &SemanticModel, binding: &Binding) -> bool {
    let scope = semantic.scope(binding.scope);
    if binding.scope == MODULE_SCOPE {
        return !scope.star_import && !semantic.may_bind_dynamically(BUILTIN);
    }
    let Some(parent) = scope.parent else {
        return false;
    };
    if !scope.nonlocals.is_empty() || !scope.globals.is_empty() || scope.star_import {
        return false;
    }
    semantic.is_builtin(BUILTIN, parent)
}

/// Edits that remove one alias from a `from … import` (the whole statement
/// when it is the only one); empty when the statement shares its line.
fn alias_deletion(ctx: &Context, import: &ast::StmtImportFrom, alias: TextRange) -> Vec<Edit> {
    let names: Vec<TextRange> = import.names.iter().map(Ranged::range).collect();
    let Some(index) = names.iter().position(|r| *r == alias) else {
        return Vec::new();
    };
    if names.len() == 1 {
        let Some(stmt) = ctx
            .semantic
            .suites
            .iter()
            .flat_map(|suite| suite.body)
            .find(|s| s.range() == import.range)
        else {
            return Vec::new();
        };
        return delete_statements(
            ctx.source,
            ctx.semantic,
            &[stmt],
            Comments::KeepTrailingNote,
        )
        .unwrap_or_default();
    }
    let range = match names.get(index + 1) {
        Some(next) => TextRange::new(alias.start(), next.start()),
        None => match index.checked_sub(1).and_then(|p| names.get(p)) {
            Some(previous) => TextRange::new(previous.end(), alias.end()),
            None => return Vec::new(),
        },
    };
    vec![Edit::deletion(range)]
}

#[cfg(test)]
mod tests {
    use super::TIMEOUT_ERROR_ALIAS;
    use crate::test_support::{
        check_finding, check_fix, check_no_fix, check_safe_fix, check_unsafe_fix, findings,
    };

    #[test]
    fn removing_a_same_name_import_is_unsafe() {
        // Another module may import `TimeoutError` from this one.
        check_unsafe_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import os\nfrom asyncio import TimeoutError\n\ntry:\n    pass\nexcept TimeoutError:\n    pass\n",
            "import os\n\ntry:\n    pass\nexcept TimeoutError:\n    pass\n",
        );
    }

    #[test]
    fn rewrites_are_safe() {
        check_safe_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import asyncio\n\ndef f(e):\n    return isinstance(e, asyncio.TimeoutError)\n",
            "def f(e):\n    return isinstance(e, TimeoutError)\n",
        );
    }

    #[test]
    fn patched_names_are_not_one_class() {
        for patch in [
            "asyncio.TimeoutError = Legacy",
            "builtins.TimeoutError = Legacy",
            "setattr(asyncio, 'TimeoutError', Legacy)",
            "mock.patch('asyncio.TimeoutError', Legacy).start()",
            "mock.patch.object(asyncio, 'TimeoutError', Legacy).start()",
        ] {
            check_finding(
                &TIMEOUT_ERROR_ALIAS,
                &format!(
                    "import asyncio\nimport builtins\nfrom unittest import mock\n\nclass Legacy(Exception):\n    pass\n\n{patch}\n\ndef f(e):\n    return isinstance(e, asyncio.TimeoutError)\n"
                ),
                "`asyncio.TimeoutError` is an alias of the builtin `TimeoutError`",
            );
        }
    }

    #[test]
    fn names_bound_around_the_scope_are_not_the_builtin() {
        for source in [
            "import asyncio\ndef outer():\n    TimeoutError = KeyError\n    def inner(e):\n        return isinstance(e, asyncio.TimeoutError)\n    return inner\n",
            "import asyncio\ndef f(e):\n    ok = isinstance(e, asyncio.TimeoutError)\n    TimeoutError = None\n    return ok\n",
            "import asyncio\ndef setup():\n    global TimeoutError\n    TimeoutError = KeyError\ndef f(e):\n    return isinstance(e, asyncio.TimeoutError)\n",
            "import asyncio\nclass C:\n    TimeoutError = KeyError\n    kinds = (asyncio.TimeoutError,)\n",
        ] {
            check_no_fix(&TIMEOUT_ERROR_ALIAS, source);
        }
        // A comprehension in a class body does not see the class's names.
        check_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import asyncio\nclass C:\n    TimeoutError = KeyError\n    inner = [asyncio.TimeoutError for _ in range(1)]\n",
            "class C:\n    TimeoutError = KeyError\n    inner = [TimeoutError for _ in range(1)]\n",
        );
    }

    #[test]
    fn value_patterns_stay_dotted() {
        // A bare name in a `match` pattern captures instead of comparing.
        for pattern in [
            "asyncio.TimeoutError",
            "(asyncio.TimeoutError, msg)",
            "{asyncio.TimeoutError: reason}",
            "{'k': asyncio.TimeoutError}",
            "asyncio.TimeoutError | asyncio.CancelledError",
            "[*_, asyncio.TimeoutError]",
        ] {
            let source = format!(
                "import asyncio\n\ndef f(x):\n    match x:\n        case {pattern}:\n            return 1\n    return 0\n"
            );
            check_finding(
                &TIMEOUT_ERROR_ALIAS,
                &source,
                "`asyncio.TimeoutError` is an alias of the builtin `TimeoutError`",
            );
            check_no_fix(&TIMEOUT_ERROR_ALIAS, &source);
        }
        // A class pattern takes a bare name.
        check_safe_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import asyncio\n\ndef f(x):\n    match x:\n        case asyncio.TimeoutError() | KeyError():\n            return 1\n    return 0\n",
            "def f(x):\n    match x:\n        case TimeoutError() | KeyError():\n            return 1\n    return 0\n",
        );
        // A call of the alias in a guard is an ordinary expression.
        check_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import asyncio\n\ndef f(x):\n    match x:\n        case y if y is asyncio.TimeoutError:\n            return 1\n    return 0\n",
            "def f(x):\n    match x:\n        case y if y is TimeoutError:\n            return 1\n    return 0\n",
        );
    }

    #[test]
    fn names_bound_dynamically_may_hide_the_builtin() {
        for binder in [
            "globals()[name] = value",
            "globals()['TimeoutError'] = value",
            "globals().update(names)",
            "setattr(sys.modules[__name__], name, value)",
            "sys.modules[__name__].TimeoutError = value",
        ] {
            check_no_fix(
                &TIMEOUT_ERROR_ALIAS,
                &format!(
                    "import asyncio\nimport sys\n\ndef install(name, value, names):\n    {binder}\n\ndef f(e):\n    return isinstance(e, asyncio.TimeoutError)\n"
                ),
            );
        }
        // A literal key that names something else binds only that.
        check_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import asyncio\n\nglobals()['VERSION'] = 1\n\ndef f(e):\n    return isinstance(e, asyncio.TimeoutError)\n",
            "globals()['VERSION'] = 1\n\ndef f(e):\n    return isinstance(e, TimeoutError)\n",
        );
        // Without the import the name would fall to whatever the module binds.
        check_no_fix(
            &TIMEOUT_ERROR_ALIAS,
            "from asyncio import TimeoutError\n\nglobals().update(names)\n\ndef f(e):\n    return isinstance(e, TimeoutError)\n",
        );
    }

    #[test]
    fn except_clause() {
        check_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import asyncio\n\nasync def f(c):\n    try:\n        await asyncio.wait_for(c, 1)\n    except asyncio.TimeoutError:\n        pass\n",
            "import asyncio\n\nasync def f(c):\n    try:\n        await asyncio.wait_for(c, 1)\n    except TimeoutError:\n        pass\n",
        );
    }

    #[test]
    fn deep_inside_other_code_and_after_decoys() {
        // Candidates sit deep in expressions, among statements that spell
        // `TimeoutError` only in strings and comments.
        check_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import asyncio\n\nMSG = 'TimeoutError'  # TimeoutError\n\ndef f(e):\n    return [x for x in (e,) if isinstance(x, (asyncio.TimeoutError, KeyError))] or {'k': lambda: asyncio.TimeoutError}\n",
            "MSG = 'TimeoutError'  # TimeoutError\n\ndef f(e):\n    return [x for x in (e,) if isinstance(x, (TimeoutError, KeyError))] or {'k': lambda: TimeoutError}\n",
        );
    }

    #[test]
    fn attribute_spelled_with_compatibility_characters() {
        // Python reads identifiers after NFKC normalisation: the attribute
        // is `TimeoutError` though the source spells it otherwise.
        let source = "import asyncio\n\ntry:\n    pass\nexcept asyncio.\u{ff34}imeoutError:  # TimeoutError\n    pass\n";
        assert_eq!(findings(&TIMEOUT_ERROR_ALIAS, source).len(), 1);
    }

    #[test]
    fn non_ascii_text_elsewhere_changes_nothing() {
        // Non-ASCII in strings and comments only: the names are all ASCII.
        let source = "import asyncio\n\nMSG = 'délai dépassé'  # ⏱\n\ntry:\n    pass\nexcept asyncio.TimeoutError:\n    pass\n";
        assert_eq!(findings(&TIMEOUT_ERROR_ALIAS, source).len(), 1);
        // A name spelled with compatibility characters next to such text
        // (the word spelled plainly elsewhere lets the codemod run at all).
        let source = "import asyncio\n\nMSG = 'délai'  # TimeoutError\n\ntry:\n    pass\nexcept asyncio.\u{ff34}imeoutError:\n    pass\n";
        assert_eq!(findings(&TIMEOUT_ERROR_ALIAS, source).len(), 1);
    }

    #[test]
    fn raise_isinstance_and_unused_import_goes() {
        check_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import asyncio as aio\n\ndef f(e):\n    if isinstance(e, aio.TimeoutError):\n        raise aio.exceptions.TimeoutError('late')\n",
            "def f(e):\n    if isinstance(e, TimeoutError):\n        raise TimeoutError('late')\n",
        );
    }

    #[test]
    fn from_import_under_another_name() {
        check_fix(
            &TIMEOUT_ERROR_ALIAS,
            "from asyncio import TimeoutError as AsyncTimeout, sleep\n\nasync def f():\n    try:\n        await sleep(1)\n    except AsyncTimeout:\n        pass\n",
            "from asyncio import sleep\n\nasync def f():\n    try:\n        await sleep(1)\n    except TimeoutError:\n        pass\n",
        );
    }

    #[test]
    fn same_name_import_is_removed() {
        check_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import os\nfrom asyncio import TimeoutError\n\ntry:\n    pass\nexcept TimeoutError:\n    pass\n",
            "import os\n\ntry:\n    pass\nexcept TimeoutError:\n    pass\n",
        );
    }

    #[test]
    fn same_name_import_among_others() {
        check_fix(
            &TIMEOUT_ERROR_ALIAS,
            "from asyncio import (\n    Queue,\n    TimeoutError,\n)\n\nx = (Queue, TimeoutError)\n",
            "from asyncio import (\n    Queue,\n)\n\nx = (Queue, TimeoutError)\n",
        );
    }

    #[test]
    fn duplicate_in_except_tuple_collapses() {
        check_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import asyncio\n\ntry:\n    pass\nexcept (asyncio.TimeoutError, TimeoutError):\n    pass\n",
            "try:\n    pass\nexcept TimeoutError:\n    pass\n",
        );
    }

    #[test]
    fn collapsed_tuple_keeps_the_keywords_apart() {
        check_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import asyncio\n\ntry:\n    pass\nexcept(asyncio.TimeoutError, TimeoutError):\n    pass\n",
            "try:\n    pass\nexcept TimeoutError:\n    pass\n",
        );
        check_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import asyncio\n\ntry:\n    pass\nexcept (asyncio.TimeoutError,TimeoutError)as e:\n    print(e)\n",
            "try:\n    pass\nexcept TimeoutError as e:\n    print(e)\n",
        );
    }

    #[test]
    fn duplicate_in_longer_except_tuple_goes() {
        check_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import asyncio\nimport concurrent.futures\n\ntry:\n    pass\nexcept (OSError, asyncio.TimeoutError, ValueError, concurrent.futures.TimeoutError):\n    pass\n",
            "try:\n    pass\nexcept (OSError, TimeoutError, ValueError):\n    pass\n",
        );
    }

    #[test]
    fn runs_of_duplicates_go_in_the_middle_and_at_the_end() {
        check_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import asyncio\n\ntry:\n    pass\nexcept (OSError, asyncio.TimeoutError, TimeoutError, asyncio.exceptions.TimeoutError, ValueError):\n    pass\nexcept (asyncio.TimeoutError, OSError, TimeoutError, asyncio.TimeoutError):\n    pass\n",
            "try:\n    pass\nexcept (OSError, TimeoutError, ValueError):\n    pass\nexcept (TimeoutError, OSError):\n    pass\n",
        );
    }

    #[test]
    fn alias_tuple_without_duplicate_is_replaced_in_place() {
        check_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import asyncio\n\ntry:\n    pass\nexcept (\n    asyncio.TimeoutError,\n    OSError,\n):\n    pass\n",
            "try:\n    pass\nexcept (\n    TimeoutError,\n    OSError,\n):\n    pass\n",
        );
    }

    #[test]
    fn shadowed_builtin_keeps_the_finding_without_fix() {
        check_finding(
            &TIMEOUT_ERROR_ALIAS,
            "import asyncio\n\nclass TimeoutError(Exception):\n    pass\n\ntry:\n    pass\nexcept asyncio.TimeoutError:\n    pass\n",
            "`asyncio.TimeoutError` is an alias of the builtin `TimeoutError`",
        );
    }

    #[test]
    fn parameter_named_timeout_error_blocks_the_fix_there() {
        check_no_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import asyncio\n\ndef f(TimeoutError):\n    return asyncio.TimeoutError\n",
        );
    }

    #[test]
    fn asyncio_rebound_is_not_the_module() {
        let source = "import asyncio\n\ndef f(asyncio):\n    return asyncio.TimeoutError\n";
        check_no_fix(&TIMEOUT_ERROR_ALIAS, source);
        assert!(findings(&TIMEOUT_ERROR_ALIAS, source).is_empty());
    }

    #[test]
    fn assignment_to_the_alias_is_left_alone() {
        check_no_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import asyncio\n\nasyncio.TimeoutError = RuntimeError\n",
        );
    }

    #[test]
    fn reexported_import_stays() {
        check_no_fix(
            &TIMEOUT_ERROR_ALIAS,
            "from asyncio import TimeoutError\n\n__all__ = ['TimeoutError']\n\ndef f(e):\n    return isinstance(e, TimeoutError)\n",
        );
        check_no_fix(
            &TIMEOUT_ERROR_ALIAS,
            "from asyncio import TimeoutError as TimeoutError\n\ndef f(e):\n    return isinstance(e, TimeoutError)\n",
        );
    }

    #[test]
    fn conditional_import_stays() {
        check_no_fix(
            &TIMEOUT_ERROR_ALIAS,
            "try:\n    from asyncio import TimeoutError\nexcept ImportError:\n    TimeoutError = OSError\n\ndef f(e):\n    return isinstance(e, TimeoutError)\n",
        );
    }

    #[test]
    fn comment_in_tuple_keeps_layout_and_duplicate() {
        check_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import asyncio\n\ntry:\n    pass\nexcept (\n    asyncio.TimeoutError,  # old spelling\n    TimeoutError,\n):\n    pass\n",
            "try:\n    pass\nexcept (\n    TimeoutError,  # old spelling\n    TimeoutError,\n):\n    pass\n",
        );
    }

    #[test]
    fn comment_inside_the_reference_is_reported_not_fixed() {
        check_finding(
            &TIMEOUT_ERROR_ALIAS,
            "import asyncio\n\nx = (asyncio  # old\n     .TimeoutError)\n",
            "`asyncio.TimeoutError` is an alias of the builtin `TimeoutError`",
        );
    }

    #[test]
    fn star_import_may_bind_timeout_error() {
        check_no_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import asyncio\nfrom compat import *\n\ntry:\n    pass\nexcept asyncio.TimeoutError:\n    pass\n",
        );
    }

    #[test]
    fn socket_timeout_is_left_alone() {
        check_no_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import socket\n\ntry:\n    pass\nexcept socket.timeout:\n    pass\n",
        );
    }

    #[test]
    fn noqa_with_ruff_code_suppresses() {
        check_no_fix(
            &TIMEOUT_ERROR_ALIAS,
            "import asyncio\n\ntry:\n    pass\nexcept asyncio.TimeoutError:  # noqa: UP041\n    pass\n",
        );
    }
}
