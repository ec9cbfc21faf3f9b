//! Import management: reuse the module's own binding for a name, add one
//! `import module` in the right place when there is none, and remove an
//! import a fix made unused (after the last round, as LibCST does, so an
//! import goes only if nothing at all uses it any more).

use anyhow::bail;
use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};
use rustc_hash::FxHashSet;

use super::context::Context;
use super::edit::{Edit, ImportRemoval};
use super::layout::{full_line_end, is_alone_on_lines, line_start, line_text, previous_line};
use super::statements::{Comments, delete_statements};
use crate::semantic::imports::Lookup;
use crate::semantic::scope::{MODULE_SCOPE, ScopeKind};
use crate::semantic::{BindingKind, SemanticModel};
use crate::source::line_ending;

/// See [`super::FixBuilder::ensure_module`]. A binding of the module is
/// reused only when it exists on every path to `site` (not one under `if
/// TYPE_CHECKING:`, `if __name__ == "__main__":`, in one branch of a `try`,
/// or in another function); otherwise one `import module` is added at the
/// top, which is right as long as every binding of the name at module level
/// imports that same module.
pub fn ensure_module(
    ctx: &Context,
    module: &str,
    site: TextSize,
) -> anyhow::Result<(String, Option<Edit>)> {
    let semantic = ctx.semantic;
    refuse_shadowed(semantic, module)?;
    if semantic.available_import(module, site) == Some(module) {
        return Ok((module.to_string(), None));
    }
    // `import asyncio as aio`: any name bound to the module that exists here.
    for binding in semantic.imports_of(module) {
        let from = matches!(binding.kind, BindingKind::Import { from: true, .. });
        if (!from || !module.contains('.'))
            && semantic.available_import(binding.name, site) == Some(module)
        {
            return Ok((binding.name.to_string(), None));
        }
    }
    if module.contains('.') || !can_import_at_top(semantic, module, site) {
        bail!("`{module}` is bound to something else here, so the fix cannot refer to the module");
    }
    // A new module-level name is exported to every module that reads this
    // one's names: a star import of it (without `__all__`) rebinds the
    // importer's own `asyncio`, `from pkg import asyncio` in a package's
    // `__init__` stops finding the submodule. The question an import's
    // removal asks (may another module of the project read the name?)
    // decides: when it may, the import goes under a private name a star
    // import skips and no other module spells.
    let others_may_read = |name: &str| {
        semantic
            .project()
            .is_some_and(|project| project.others_may_read(name))
    };
    if others_may_read(module) {
        let private = format!("_{module}");
        let unused = semantic.bindings_named(&private).next().is_none()
            && semantic.references_named(&private).next().is_none()
            && !semantic.may_read_own_name_dynamically(&private)
            && !semantic
                .project()
                .is_some_and(|project| project.others_may_read_new_private(&private));
        if !unused {
            bail!(
                "another module of the project may read the name `{module}` from this one (a star import, `from … import {module}`), which a new `import {module}` would rebind, and `{private}` is taken too"
            );
        }
        let edit = import_insertion_as(ctx, module, Some(&private));
        return Ok((private, Some(edit)));
    }
    Ok((module.to_string(), Some(import_insertion(ctx, module))))
}

/// Refuses to refer to `module` when an import of it may find a module of
/// the project instead (`asyncio.py` at the project's root): the fix would
/// call the project's code.
fn refuse_shadowed(semantic: &SemanticModel, module: &str) -> anyhow::Result<()> {
    if semantic.project_shadows(module) {
        let top = module.split('.').next().unwrap_or(module);
        bail!(
            "the project has a module `{top}` of its own, which `import {top}` may find instead of the library"
        );
    }
    Ok(())
}

/// Whether an `import module` added to the module's import block is what
/// `module` refers to at `site`: the name resolves at module level (or
/// nowhere), and every module-level binding of it imports that module.
fn can_import_at_top(semantic: &SemanticModel, module: &str, site: TextSize) -> bool {
    let scope = semantic.scope_at(site);
    match semantic.lookup(module, scope) {
        Lookup::Builtin => semantic.bindings_in(MODULE_SCOPE, module).is_none(),
        Lookup::Bound {
            scope: owner,
            bindings,
        } => {
            owner == MODULE_SCOPE
                && bindings.iter().all(|&id| {
                    matches!(
                        &semantic.binding(id).kind,
                        BindingKind::Import { qualified, from: false } if &**qualified == module
                    )
                })
        }
        Lookup::Unknown => false,
    }
}

/// See [`super::FixBuilder::ensure_import`].
pub fn ensure_import(
    ctx: &Context,
    module: &str,
    member: &str,
    site: TextSize,
) -> anyhow::Result<(String, Option<Edit>)> {
    // Refused before any binding is reused: `from asyncio import sleep`
    // names the project's own module too when that shadows the library.
    refuse_shadowed(ctx.semantic, module)?;
    let semantic = ctx.semantic;
    let wanted = format!("{module}.{member}");
    // The module itself, under any name, is the clearest spelling.
    if let Ok((name, None)) = ensure_module(ctx, module, site) {
        return Ok((format!("{name}.{member}"), None));
    }
    // `from asyncio import sleep [as nap]`.
    for binding in semantic.imports_of(&wanted) {
        if semantic.available_import(binding.name, site) == Some(wanted.as_str()) {
            return Ok((binding.name.to_string(), None));
        }
    }
    let (name, edit) = ensure_module(ctx, module, site)?;
    Ok((format!("{name}.{member}"), edit))
}

/// What to remove if `reference` (a name, or an attribute chain on one) ends
/// up unused: the import its leading name is bound by, when it is one.
pub fn removal_for(ctx: &Context, reference: &Expr, site: TextSize) -> Option<ImportRemoval> {
    let mut head = reference;
    while let Expr::Attribute(attribute) = head {
        head = &attribute.value;
    }
    let Expr::Name(name) = head else { return None };
    let scope = ctx.semantic.scope_at(site);
    let qualified = ctx.semantic.import_of(name.id.as_str(), scope)?;
    Some(ImportRemoval {
        name: name.id.to_string(),
        qualified: qualified.to_string(),
    })
}

/// The edit that adds `import module`: after the module docstring, the
/// `__future__` imports and in the leading import block, where isort would
/// put it (among the first group's plain imports, alphabetically).
pub fn import_insertion(ctx: &Context, module: &str) -> Edit {
    import_insertion_as(ctx, module, None)
}

/// As [`import_insertion`], with `import module as alias` when `alias` is
/// given (placed by the module's name, as isort places it).
fn import_insertion_as(ctx: &Context, module: &str, alias: Option<&str>) -> Edit {
    let source = ctx.source;
    let eol = line_ending(source);
    let statement = match alias {
        Some(alias) => format!("import {module} as {alias}"),
        None => format!("import {module}"),
    };
    let body = &ctx.module.body;

    let mut header_end = 0;
    if body.first().is_some_and(is_docstring) {
        header_end = 1;
    }
    while body.get(header_end).is_some_and(is_future_import) {
        header_end += 1;
    }
    let block: Vec<&Stmt> = body[header_end..]
        .iter()
        .take_while(|s| matches!(s, Stmt::Import(_) | Stmt::ImportFrom(_)))
        .collect();

    if let Some(first) = block.first() {
        // The first group: imports with no blank line between them.
        let mut group = vec![*first];
        for stmt in &block[1..] {
            let previous_end = group.last().map_or(first.end(), |s| s.end());
            let between = &source[TextRange::new(previous_end, stmt.start())];
            if has_blank_line_between(between) {
                break;
            }
            group.push(*stmt);
        }
        let plain: Vec<&Stmt> = group
            .iter()
            .copied()
            .filter(|s| matches!(s, Stmt::Import(_)))
            .collect();
        let key = module.to_ascii_lowercase();
        if let Some(next) = plain
            .iter()
            .find(|s| first_import_name(s).to_ascii_lowercase() > key)
        {
            return Edit::insertion(
                line_start(source, next.start()),
                format!("{statement}{eol}"),
            );
        }
        let anchor = plain.last().copied();
        return match anchor {
            Some(last) => insert_after(source, last, &statement, eol),
            None => Edit::insertion(
                line_start(source, first.start()),
                format!("{statement}{eol}"),
            ),
        };
    }

    // No import block: before the first statement after the header (and
    // before the comments attached to it), separated as black would.
    let Some(next) = body.get(header_end) else {
        return match body.last() {
            Some(last) => {
                let Edit { range, content } = insert_after(source, last, &statement, eol);
                Edit::replacement(range, format!("{eol}{content}"))
            }
            None => Edit::insertion(TextSize::new(0), format!("{statement}{eol}")),
        };
    };
    let mut at = attached_comments_start(source, line_start(source, next.start()));
    let file_start = TextSize::new(if source.starts_with('\u{feff}') { 3 } else { 0 });
    if header_end == 0 && at <= file_start {
        // Comments at the very top (shebang, coding cookie, licence) stay first.
        at = line_start(source, next.start());
    }
    let mut content = String::new();
    if header_end > 0 || at > file_start {
        let previous_line_blank =
            previous_line(source, at).is_some_and(|line| line.trim().is_empty());
        if !previous_line_blank && header_end > 0 {
            content.push_str(eol);
        }
    }
    content.push_str(&statement);
    content.push_str(eol);
    let wanted_blank = if is_definition(next) { 2 } else { 1 };
    let existing_blank = count_blank_lines_from(source, at);
    for _ in existing_blank..wanted_blank {
        content.push_str(eol);
    }
    Edit::insertion(at, content)
}

/// Whether the line at `offset` carries a `# noqa` comment, with or without
/// codes. (Import lines hold no strings, so a `#` there starts a comment.)
fn has_noqa(source: &str, offset: TextSize) -> bool {
    crate::noqa::parse_directive(line_text(source, offset)).is_some()
}

/// Whether the text between two statements holds a blank line. Its first
/// piece ends the previous statement's line, its last starts the next one's.
fn has_blank_line_between(between: &str) -> bool {
    let pieces: Vec<&str> = between.split('\n').collect();
    pieces.len() > 2
        && pieces[1..pieces.len() - 1]
            .iter()
            .any(|line| line.trim().is_empty())
}

fn insert_after(source: &str, stmt: &Stmt, statement: &str, eol: &str) -> Edit {
    let end = full_line_end(source, stmt.end());
    let ends_with_newline = source[..end.to_usize()].ends_with(['\n', '\r']);
    if ends_with_newline {
        Edit::insertion(end, format!("{statement}{eol}"))
    } else {
        Edit::insertion(end, format!("{eol}{statement}"))
    }
}

/// The start of the own-line comments directly above the line at `at`.
fn attached_comments_start(source: &str, at: TextSize) -> TextSize {
    let mut start = at;
    while let Some(line) = previous_line(source, start) {
        if !line.trim_start().starts_with('#') {
            break;
        }
        start = line_start(source, start - TextSize::new(1));
    }
    start
}

fn count_blank_lines_from(source: &str, at: TextSize) -> usize {
    source[at.to_usize()..]
        .split_inclusive('\n')
        .take_while(|line| line.trim().is_empty() && line.ends_with('\n'))
        .count()
}

fn first_import_name(stmt: &Stmt) -> &str {
    match stmt {
        Stmt::Import(import) => import.names.first().map_or("", |a| a.name.as_str()),
        _ => "",
    }
}

fn is_docstring(stmt: &Stmt) -> bool {
    matches!(stmt, Stmt::Expr(expr) if expr.value.is_string_literal_expr())
}

fn is_future_import(stmt: &Stmt) -> bool {
    matches!(stmt, Stmt::ImportFrom(from) if from.module.as_ref().is_some_and(|m| m.as_str() == "__future__"))
}

fn is_definition(stmt: &Stmt) -> bool {
    matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_))
}

/// Edits that remove each requested import that nothing uses any more. An
/// import is kept when any name in the module still reads or deletes it,
/// when `__all__` lists it, when a string the program may evaluate names it
/// (a string annotation such as `-> "time.struct_time"`, see
/// [`SemanticModel::names_in_strings`]), when a `global` or `nonlocal`
/// statement names it (another function manages the name), when a `# noqa`
/// comment sits on its line (someone marked it as deliberate, whatever the
/// codes), when the module may read its names by a route no reference
/// shows (`globals()[name]`, `eval`, `sys.modules[__name__]`, the module
/// importing itself: [`SemanticModel::may_read_own_name_dynamically`]; for
/// an import in a function, that function reading its own frame), or when
/// removing it would need more than deleting whole lines or one alias. In a project (a model built with one), an import at module
/// or class level also stays when another module of the project may read
/// it from this one (`from mod import time`, `mod.time`; see
/// [`crate::semantic::project::ProjectModule::others_may_read`]): the
/// whole-project question is asked only here, once nothing in the module
/// itself keeps the import.
pub fn remove_unused_imports(
    source: &str,
    semantic: &SemanticModel,
    removals: &[ImportRemoval],
) -> Vec<Edit> {
    let exported = semantic.exported_names();
    let mut seen = FxHashSet::default();
    let candidates: Vec<&ImportRemoval> = removals
        .iter()
        .filter(|removal| seen.insert(*removal))
        .filter(|removal| {
            let name = removal.name.as_str();
            !exported.contains(name)
                && semantic.references_named(name).next().is_none()
                && !semantic.is_declared_global_or_nonlocal(name)
        })
        .collect();
    // Importing a module imports its own imports too: `import asyncio`
    // loads `concurrent.futures`, which `import concurrent` then reaches
    // as `concurrent.futures`. Where the module reaches a submodule it
    // does not import itself, removing any import may unload it.
    if semantic.reaches_unimported_submodule() {
        return Vec::new();
    }
    let names: Vec<&str> = candidates.iter().map(|r| r.name.as_str()).collect();
    let in_strings = semantic.names_in_strings(&names);
    let mut by_stmt: Vec<(&Stmt, Vec<TextRange>)> = Vec::new();
    for removal in candidates {
        if in_strings.contains(removal.name.as_str()) {
            continue;
        }
        for (_, binding) in semantic.bindings_named(&removal.name) {
            if binding.kind.import_path() != Some(removal.qualified.as_str()) {
                continue;
            }
            // In a class body the import is an attribute of the class
            // (`Errors.TimeoutError`), read by code no reference shows.
            if semantic.scope(binding.scope).kind == ScopeKind::Class {
                continue;
            }
            let visible_outside = matches!(
                semantic.scope(binding.scope).kind,
                ScopeKind::Module | ScopeKind::Class
            );
            // Code that reads names by a route no reference shows
            // (`globals()[name]`, `eval`, the module importing itself;
            // `locals()` in the function that imported it).
            let read_dynamically = if visible_outside {
                semantic.may_read_own_name_dynamically(&removal.name)
            } else {
                semantic.reads_own_frame(semantic.frame_of(binding.scope))
            };
            if read_dynamically {
                continue;
            }
            if visible_outside
                && semantic
                    .project()
                    .is_some_and(|project| project.others_may_read(&removal.name))
            {
                continue;
            }
            let Some(stmt) = binding.stmt else { continue };
            // A name a star import binds (`from asyncio import *`) goes
            // only with the whole star import, which binds others too.
            if let Stmt::ImportFrom(import) = stmt
                && import.names.iter().any(|alias| alias.name.as_str() == "*")
            {
                continue;
            }
            if has_noqa(source, stmt.start()) || has_noqa(source, binding.range.start()) {
                continue;
            }
            match by_stmt.iter_mut().find(|(s, _)| std::ptr::eq(*s, stmt)) {
                Some((_, aliases)) => aliases.push(binding.range),
                None => by_stmt.push((stmt, vec![binding.range])),
            }
        }
    }

    let mut edits = Vec::new();
    // Whole statements go together, block by block, so a run of them leaves
    // the blank lines around it as one deletion would.
    let mut whole: Vec<&Stmt> = Vec::new();
    for (stmt, removed) in by_stmt {
        let aliases: Vec<TextRange> = match stmt {
            Stmt::Import(import) => import.names.iter().map(Ranged::range).collect(),
            Stmt::ImportFrom(import) => import.names.iter().map(Ranged::range).collect(),
            _ => continue,
        };
        if aliases.iter().all(|a| removed.contains(a)) {
            whole.push(stmt);
            continue;
        }
        // Take the comma with it: up to the next alias; the removed aliases
        // after the last kept one go together, from that one's end.
        let last_kept = aliases.iter().rposition(|a| !removed.contains(a));
        for (i, alias) in aliases.iter().enumerate() {
            if !removed.contains(alias) {
                continue;
            }
            let range = match last_kept {
                Some(kept) if i > kept => {
                    if i != kept + 1 {
                        continue;
                    }
                    let (Some(previous), Some(end)) = (aliases.get(kept), aliases.last()) else {
                        continue;
                    };
                    TextRange::new(previous.end(), end.end())
                }
                _ => match aliases.get(i + 1) {
                    Some(next) => TextRange::new(alias.start(), next.start()),
                    None => continue,
                },
            };
            // Leave an unused alias rather than lose a comment with it.
            if source[range].contains('#') {
                continue;
            }
            edits.push(Edit::deletion(range));
        }
    }
    whole.sort_by_key(|s| s.start());
    let mut by_suite: Vec<Vec<&Stmt>> = Vec::new();
    for stmt in whole {
        let suite = semantic.stmt_location(stmt.start()).map(|l| l.suite);
        match by_suite.last_mut() {
            Some(group)
                if group
                    .first()
                    .and_then(|s| semantic.stmt_location(s.start()))
                    .map(|l| l.suite)
                    == suite =>
            {
                group.push(stmt);
            }
            _ => by_suite.push(vec![stmt]),
        }
    }
    for mut group in by_suite {
        // An import that shares its line with other code stays.
        group.retain(|stmt| is_alone_on_lines(source, stmt.range()));
        edits.extend(
            delete_statements(source, semantic, &group, Comments::KeepTrailingNote)
                .unwrap_or_default(),
        );
    }
    edits.sort_by_key(|e| e.range.start());
    edits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn remove(source: &str, names: &[&str]) -> String {
        let parsed = crate::engine::parse(source).expect("parses");
        let semantic = SemanticModel::build(parsed.syntax());
        let removals: Vec<ImportRemoval> = names
            .iter()
            .map(|name| ImportRemoval {
                name: name.to_string(),
                qualified: format!("m.{name}"),
            })
            .collect();
        let edits = remove_unused_imports(source, &semantic, &removals);
        crate::fix::apply::splice(source, &edits)
    }

    /// `import time` after a fix stopped using it.
    fn remove_time(source: &str) -> String {
        let parsed = crate::engine::parse(source).expect("parses");
        let semantic = SemanticModel::build(parsed.syntax());
        let removal = ImportRemoval {
            name: "time".to_string(),
            qualified: "time".to_string(),
        };
        let edits = remove_unused_imports(source, &semantic, &[removal]);
        crate::fix::apply::splice(source, &edits)
    }

    #[test]
    fn unused_import_goes() {
        assert_eq!(remove_time("import time\nx = 1\n"), "x = 1\n");
        assert_eq!(
            remove_time("import time  # the clock\nx = 1\n"),
            "# the clock\nx = 1\n"
        );
    }

    #[test]
    fn string_annotations_keep_it() {
        for source in [
            "import time\ndef f() -> \"time.struct_time\": ...\n",
            "import time\ndef f(t: 'time.struct_time'): ...\n",
            "import time\nclass C:\n    t: \"Optional[time.struct_time]\"\n",
            "import time\nt: Optional['time.struct_time'] = None\n",
            "import time\nx = cast('time.struct_time', y)\n",
            "import time\nT = TypeVar('T', bound='time.struct_time')\n",
        ] {
            assert_eq!(remove_time(source), source);
        }
        // A word in a string is no reference.
        assert_eq!(
            remove_time("import time\nprint('time flies')\n"),
            "print('time flies')\n"
        );
    }

    #[test]
    fn noqa_on_its_line_keeps_it() {
        for source in [
            "import time  # noqa: F401\n",
            "import time  # noqa\n",
            "import time  # NOQA:F401,E402\n",
            "import os, time  # noqa: F401\n",
            "from time import (  # noqa\n    sleep,\n)\n",
        ] {
            assert_eq!(remove_time(source), source, "{source}");
        }
        // Only the marked alias stays.
        let source = "from time import (\n    sleep,\n    monotonic,  # noqa: F401\n)\n";
        let parsed = crate::engine::parse(source).expect("parses");
        let semantic = SemanticModel::build(parsed.syntax());
        let removals = ["monotonic", "sleep"].map(|name| ImportRemoval {
            name: name.to_string(),
            qualified: format!("time.{name}"),
        });
        let edits = remove_unused_imports(source, &semantic, &removals);
        assert_eq!(
            crate::fix::apply::splice(source, &edits),
            "from time import (\n    monotonic,  # noqa: F401\n)\n"
        );
    }

    #[test]
    fn del_global_and_all_keep_it() {
        for source in [
            "import time\ndel time\n",
            "import time\ndef f():\n    global time\n    time = None\n",
            "import time\n__all__ = ['time']\n",
            "import time\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    x: time.struct_time\n",
        ] {
            assert_eq!(remove_time(source), source, "{source}");
        }
    }

    #[test]
    fn names_read_dynamically_keep_it() {
        for source in [
            "import time\nHOOK = 'time'\ndef f():\n    return globals()[HOOK]\n",
            "import time\ndef f():\n    return eval('time')\n",
            "import time, sys\ndef f():\n    return sys.modules[__name__].time\n",
            "import time\ndef f():\n    return f.__globals__['time']\n",
            "import time\ndef __getattr__(name):\n    raise AttributeError(name)\n",
            "def f():\n    import time\n    return locals()['time']\n",
        ] {
            assert_eq!(remove_time(source), source, "{source}");
        }
        // Another function's frame is not the one holding the import.
        assert_eq!(
            remove_time("def f():\n    import time\n    return 1\ndef g():\n    return locals()\n"),
            "def f():\n    return 1\ndef g():\n    return locals()\n"
        );
    }

    #[test]
    fn removes_runs_of_aliases_with_their_commas() {
        assert_eq!(
            remove("from m import a, b, c\n", &["b", "c"]),
            "from m import a\n"
        );
        assert_eq!(
            remove("from m import a, b, c, d\n", &["b", "c"]),
            "from m import a, d\n"
        );
        assert_eq!(
            remove("from m import a, b, c\n", &["a", "c"]),
            "from m import b\n"
        );
        assert_eq!(remove("from m import a, b\n", &["a", "b"]), "");
    }

    #[test]
    fn another_module_of_the_project_reading_it_keeps_it() {
        use crate::index::ProjectIndex;
        use crate::index::layout::Layout;
        use crate::semantic::project::ProjectModule;

        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("pyproject.toml"), "").expect("write");
        std::fs::write(dir.path().join("main.py"), "from mod import job, time\n").expect("write");
        std::fs::write(dir.path().join("mod.py"), "import time\n").expect("write");
        let project = ProjectModule {
            facts: std::sync::Arc::new(ProjectIndex::new(Layout::at(dir.path().to_path_buf()))),
            name: Some("mod".to_string()),
            package: false,
            dir: Some(dir.path().to_path_buf()),
            file: Some(dir.path().join("mod.py")),
        };
        let removed = |source: &str, project: Option<&ProjectModule>| {
            let parsed = crate::engine::parse(source).expect("parses");
            let semantic = SemanticModel::build_in(parsed.syntax(), project);
            let removal = ImportRemoval {
                name: "time".to_string(),
                qualified: "time".to_string(),
            };
            let edits = remove_unused_imports(source, &semantic, &[removal]);
            crate::fix::apply::splice(source, &edits)
        };
        let source = "import time\nx = 1\n";
        assert_eq!(removed(source, Some(&project)), source);
        // Without a project, as before.
        assert_eq!(removed(source, None), "x = 1\n");
        // An import inside a function is no attribute of the module.
        assert_eq!(
            removed("def f():\n    import time\n    return 1\n", Some(&project)),
            "def f():\n    return 1\n"
        );
    }
}
