//! What a method call gives back, from what its receiver surely is: a
//! local variable every binding of which makes it an instance of one
//! well-known class (see `known.rs`): `q = asyncio.Queue()`, `reader,
//! writer = await asyncio.open_connection(…)`, a parameter annotated
//! `writer: asyncio.StreamWriter`, `q: asyncio.Queue = …`. The coroutine
//! oracle asks here for `receiver.method(…)` calls it cannot resolve
//! otherwise; the project index may answer for the project's own classes
//! through the same question.
//!
//! An annotation is taken at its word, as the type checkers that enforce
//! it do, but said to be one ([`ClassEvidence::Annotated`]): a caller may
//! pass anything. It is not taken where the module shows it wrong: a value of another
//! class (`q: asyncio.Queue = queue.Queue()`), a call of something the
//! module defines (a subclass, a factory), a default other than `None`.
//! Not sure: a global or a class attribute (any code may rebind it), a
//! variable also bound some other way (`with`, `for`, a second
//! assignment, `del`), `*args`, a string annotation, `Optional[…]`, and a
//! method name that some class or object of the module defines or
//! replaces (`writer.drain = …`, `class FakeWriter: def drain(self)`).

use ruff_python_ast::{AnyParameterRef, Expr, ExprCall, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::imports::Lookup;
use super::known::{self, KnownClass, Returns};
use super::project::Resolved;
use super::{BindingKind, ScopeId, ScopeKind, SemanticModel};

/// What says which class a receiver is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassEvidence {
    /// The function makes the object: `asyncio.Queue()`, `await
    /// asyncio.open_connection(…)`.
    Made,
    /// An annotation says so (`q: asyncio.Queue`), which a caller may not
    /// honour: an object of another class fails loudly on what relies on it.
    Annotated,
}

/// Whether a binding that gives a known class makes the object itself (a
/// call of the class, an awaited call the table knows) rather than taking
/// an annotation's word for it.
fn made_here(stmt: Option<&Stmt>, kind: &BindingKind) -> bool {
    match (kind, stmt) {
        (BindingKind::Assignment, Some(Stmt::Assign(_))) => true,
        (BindingKind::Assignment, Some(Stmt::AnnAssign(assign))) => matches!(
            assign.value.as_deref(),
            Some(Expr::Call(_) | Expr::Await(_))
        ),
        _ => false,
    }
}

impl<'a> SemanticModel<'a> {
    /// What calling `receiver.method(…)` (the call `call`, running in
    /// `scope`) gives back, when the receiver is surely an instance of a
    /// well-known class whose method the table lists, and no class or
    /// object of the module may define or replace that method.
    pub fn method_call_returns(&self, call: &ExprCall, scope: ScopeId) -> Option<Returns> {
        self.method_call_known(call, scope)
            .map(|(returns, _)| returns)
    }

    /// [`Self::method_call_returns`], with what says the receiver's class.
    pub fn method_call_known(
        &self,
        call: &ExprCall,
        scope: ScopeId,
    ) -> Option<(Returns, ClassEvidence)> {
        let Expr::Attribute(attribute) = call.func.as_ref() else {
            return None;
        };
        let method = attribute.attr.as_str();
        let (class, evidence) = self.known_class_evidence(&attribute.value, scope)?;
        let returns = known::method(class.name, method)?;
        let qualified_method = format!("{}.{method}", class.name);
        let replaced = self.may_define_attribute(method)
            || self.may_replace(&qualified_method)
            || self.project_may_replace(&qualified_method);
        (!replaced).then_some((returns, evidence))
    }

    /// The well-known class `expr`, evaluated in `scope`, is surely an
    /// instance of: a plain name of a function's own variables, every
    /// binding of which says the same class (see the module doc).
    pub fn known_class_of(&self, expr: &Expr, scope: ScopeId) -> Option<&'static KnownClass> {
        self.known_class_evidence(expr, scope)
            .map(|(class, _)| class)
    }

    /// [`Self::known_class_of`], with what says so.
    pub fn known_class_evidence(
        &self,
        expr: &Expr,
        scope: ScopeId,
    ) -> Option<(&'static KnownClass, ClassEvidence)> {
        let Expr::Name(name) = expr else {
            return None;
        };
        let name = name.id.as_str();
        let Lookup::Bound {
            scope: owner,
            bindings,
        } = self.lookup(name, scope)
        else {
            return None;
        };
        if !matches!(self.scope(owner).kind, ScopeKind::Function { .. }) {
            return None;
        }
        let mut found: Option<&'static KnownClass> = None;
        let mut evidence = ClassEvidence::Made;
        for &id in bindings {
            let binding = self.binding(id);
            if matches!(binding.kind, BindingKind::Annotation) {
                // `x: T` alone binds nothing; the other bindings decide.
                continue;
            }
            let class =
                self.class_bound(owner, binding.kind.clone(), binding.stmt, binding.range)?;
            if found.is_some_and(|known| !std::ptr::eq(known, class)) {
                return None;
            }
            if !made_here(binding.stmt, &binding.kind) {
                evidence = ClassEvidence::Annotated;
            }
            found = Some(class);
        }
        found.map(|class| (class, evidence))
    }

    /// The class one binding of a function's variable gives it, if sure.
    fn class_bound(
        &self,
        owner: ScopeId,
        kind: BindingKind<'a>,
        stmt: Option<&'a Stmt>,
        range: TextRange,
    ) -> Option<&'static KnownClass> {
        match kind {
            BindingKind::Parameter => self.parameter_class(owner, range),
            BindingKind::Assignment => match stmt? {
                Stmt::Assign(assign) => {
                    let [target] = assign.targets.as_slice() else {
                        return None;
                    };
                    self.assigned_class(target, &assign.value, owner, range)
                }
                Stmt::AnnAssign(assign) => {
                    let value = assign.value.as_deref()?;
                    if assign.target.range() != range {
                        return None;
                    }
                    let annotated = self.annotated_class(&assign.annotation, owner)?;
                    // The value must not show the annotation wrong: a
                    // constructor call of the same class, or a value made
                    // elsewhere that the annotation describes.
                    match value {
                        Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) => Some(annotated),
                        _ => self
                            .assigned_class(&assign.target, value, owner, range)
                            .filter(|class| std::ptr::eq(*class, annotated)),
                    }
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// The class `target = value` gives the name at `range`: a call of a
    /// well-known class (`asyncio.Queue()`), or one of the names unpacked
    /// from an awaited call whose result the table knows (`reader, writer
    /// = await asyncio.open_connection(…)`).
    fn assigned_class(
        &self,
        target: &Expr,
        value: &Expr,
        owner: ScopeId,
        range: TextRange,
    ) -> Option<&'static KnownClass> {
        match (target, value) {
            (Expr::Name(name), Expr::Call(call)) if name.range == range => {
                self.library_member(&call.func, owner, known::class)
            }
            (Expr::Name(name), Expr::Await(awaited)) if name.range == range => {
                let Expr::Call(call) = awaited.value.as_ref() else {
                    return None;
                };
                let qualified = self.library_member(&call.func, owner, |qualified| {
                    known::awaited_instances(qualified).map(|_| qualified.to_string())
                })?;
                let [class] = known::awaited_instances(&qualified)? else {
                    return None;
                };
                // `connection_class=` (or `**kwargs`) may choose a subclass.
                let choosing = known::class_choosing_keywords(qualified.as_str());
                if !choosing.is_empty()
                    && call.arguments.keywords.iter().any(|keyword| {
                        keyword
                            .arg
                            .as_ref()
                            .is_none_or(|arg| choosing.contains(&arg.as_str()))
                    })
                {
                    return None;
                }
                known::class(class)
            }
            (Expr::Tuple(_) | Expr::List(_), Expr::Await(awaited)) => {
                let elements = match target {
                    Expr::Tuple(tuple) => &tuple.elts,
                    Expr::List(list) => &list.elts,
                    _ => return None,
                };
                let Expr::Call(call) = awaited.value.as_ref() else {
                    return None;
                };
                let classes = self.library_member(&call.func, owner, known::awaited_instances)?;
                if classes.len() != elements.len() || classes.len() < 2 {
                    return None;
                }
                let index = elements
                    .iter()
                    .position(|element| matches!(element, Expr::Name(n) if n.range == range))?;
                known::class(classes.get(index)?)
            }
            _ => None,
        }
    }

    /// The class a parameter's annotation names, when the parameter is a
    /// plain one (not `*args`, `**kwargs`) whose default, if any, is `None`.
    fn parameter_class(&self, owner: ScopeId, range: TextRange) -> Option<&'static KnownClass> {
        let def = self.scope(owner).function()?;
        let parameter = def
            .parameters
            .iter()
            .find(|p| AnyParameterRef::as_parameter(*p).name.range() == range)?;
        let AnyParameterRef::NonVariadic(with_default) = parameter else {
            return None;
        };
        if with_default
            .default
            .as_deref()
            .is_some_and(|default| !default.is_none_literal_expr())
        {
            return None;
        }
        let annotation = with_default.parameter.annotation.as_deref()?;
        // Annotations run where the `def` does.
        let outer = self.scope(owner).parent?;
        self.annotated_class(annotation, outer)
    }

    /// The well-known class an annotation names: `asyncio.Queue`,
    /// `Queue[int]` with `from asyncio import Queue`.
    fn annotated_class(&self, annotation: &Expr, scope: ScopeId) -> Option<&'static KnownClass> {
        let named = match annotation {
            Expr::Subscript(subscript) => subscript.value.as_ref(),
            other => other,
        };
        self.library_member(named, scope, known::class)
    }

    /// What the table says (`known`) of the library member `expr` names in
    /// `scope` (a class, a function of a library), unless the module or
    /// the project may make the name something else at run time (see
    /// [`Self::may_be_replaced`], [`Self::project_may_replace`]):
    /// `aredis.Redis = R` makes an instance of `aredis.Redis()` no
    /// `redis.asyncio.Redis`. The table is asked first: most names are in
    /// no table, and whether one may be replaced costs more to tell.
    ///
    /// With a project, a library's name (not the standard library's) must
    /// also leave it the way the project index sees it
    /// ([`Self::resolve_imported`] says external) and no file of the
    /// project may add directories to `sys.path` (see
    /// [`Self::library_path_changed`]): a package of that name in the
    /// project's environment (a sync `asyncpg` in `.venv`), a vendored copy
    /// found first, or a `sys.modules` entry the project replaces may make
    /// it some other object, and the table does not answer for it.
    fn library_member<T>(
        &self,
        expr: &Expr,
        scope: ScopeId,
        known: impl FnOnce(&str) -> Option<T>,
    ) -> Option<T> {
        let qualified = self.qualified_name(expr, scope)?;
        let found = known(qualified.as_str())?;
        let replaced = self.may_be_replaced(expr, qualified.as_str(), scope)
            || self.project_may_replace(qualified.as_str());
        if replaced {
            return None;
        }
        let top = qualified.as_str().split('.').next().unwrap_or_default();
        if self.project().is_some()
            && !super::project::standard_module(top)
            && (!matches!(self.resolve_imported(expr, scope), Resolved::External(_))
                || self.library_path_changed(qualified.as_str()))
        {
            return None;
        }
        Some(found)
    }
}

#[cfg(test)]
mod tests {
    use ruff_python_ast::{Expr, Stmt};

    use crate::semantic::known::Returns;
    use crate::test_support::with_context;

    /// What the method call that is the last statement of the last
    /// function of `source` gives back.
    fn returns(source: &str) -> Option<Returns> {
        with_context(source, |ctx| {
            let def = ctx
                .module
                .body
                .iter()
                .rev()
                .find_map(|stmt| match stmt {
                    Stmt::FunctionDef(def) => Some(def),
                    _ => None,
                })
                .expect("a function");
            let Some(Stmt::Expr(stmt)) = def.body.last() else {
                panic!("ends with an expression statement")
            };
            let Expr::Call(call) = stmt.value.as_ref() else {
                panic!("a call")
            };
            let scope = ctx.semantic.scope_at(call.range_start);
            ctx.semantic.method_call_returns(call, scope)
        })
    }

    #[test]
    fn receivers_the_module_shows() {
        for source in [
            "import asyncio\nasync def f(host):\n    reader, writer = await asyncio.open_connection(host, 80)\n    writer.drain()\n",
            "import asyncio\nasync def f(host):\n    (r, w) = await asyncio.streams.open_connection(host, 80)\n    w.drain()\n",
            "import asyncio\nasync def f(w: asyncio.StreamWriter):\n    w.drain()\n",
            "from asyncio import StreamWriter\nasync def f(w: StreamWriter = None):\n    w.drain()\n",
            "import asyncio\nasync def f():\n    q = asyncio.Queue()\n    q.put(1)\n",
            "import asyncio\nasync def f(q: asyncio.Queue[int]):\n    q.join()\n",
            "from asyncio import Queue\nasync def f(src):\n    q: Queue = src.queue\n    q.get()\n",
            "import asyncio as aio\nasync def f():\n    lock = aio.Lock()\n    lock.acquire()\n",
            "import asyncio\nasync def f(e: asyncio.Event):\n    e.wait()\n",
            "import asyncio\nasync def f():\n    p = await asyncio.create_subprocess_exec('ls')\n    p.wait()\n",
            "import asyncio\nasync def f():\n    q = asyncio.Queue()\n    if q:\n        q = asyncio.Queue(3)\n    q.put(1)\n",
        ] {
            assert_eq!(returns(source), Some(Returns::Coroutine), "{source}");
        }
        assert_eq!(
            returns("import asyncio\nasync def f(q: asyncio.Queue):\n    q.put_nowait(1)\n"),
            Some(Returns::Value)
        );
    }

    #[test]
    fn receivers_that_may_be_something_else() {
        for source in [
            // Not asyncio's queue.
            "import queue\nasync def f():\n    q = queue.Queue()\n    q.put(1)\n",
            "import multiprocessing\nasync def f(q: multiprocessing.Queue):\n    q.put(1)\n",
            // Annotated, but shown wrong.
            "import asyncio, queue\nasync def f():\n    q: asyncio.Queue = queue.Queue()\n    q.put(1)\n",
            "import asyncio\nasync def f():\n    q: asyncio.Queue = make()\n    q.put(1)\n",
            "import asyncio\nasync def f(w: asyncio.StreamWriter = FakeWriter()):\n    w.drain()\n",
            // Rebound some other way.
            "import asyncio\nasync def f(host, other):\n    r, w = await asyncio.open_connection(host, 80)\n    w = other\n    w.drain()\n",
            "import asyncio\nasync def f(q: asyncio.Queue, items):\n    for q in items:\n        pass\n    q.put(1)\n",
            "import asyncio\nasync def f(q: asyncio.Queue):\n    del q\n    q.put(1)\n",
            "import asyncio\nasync def f(q: asyncio.Queue):\n    def g():\n        nonlocal q\n        q = 1\n    q.put(1)\n",
            // Two classes.
            "import asyncio\nasync def f(q: asyncio.Queue):\n    q = asyncio.Lock()\n    q.acquire()\n",
            // A global, an attribute, `*args`, `Optional`, a string.
            "import asyncio\nq = asyncio.Queue()\nasync def f():\n    q.put(1)\n",
            "import asyncio\nasync def f(self):\n    self.q.put(1)\n",
            "import asyncio\nasync def f(*q: asyncio.Queue):\n    q.put(1)\n",
            "import asyncio\nfrom typing import Optional\nasync def f(q: Optional[asyncio.Queue]):\n    q.put(1)\n",
            "import asyncio\nasync def f(q: 'asyncio.Queue'):\n    q.put(1)\n",
            // The method replaced, or another class of the module with it.
            "import asyncio\nasync def f(w: asyncio.StreamWriter):\n    w.drain = lambda: None\n    w.drain()\n",
            "import asyncio\nclass Fake:\n    def drain(self): pass\nasync def f(w: asyncio.StreamWriter):\n    w.drain()\n",
            // `asyncio` is not the module here.
            "import asyncio\nasync def f(asyncio):\n    q = asyncio.Queue()\n    q.put(1)\n",
            // The class (or its method) replaced, in the module's namespace
            // or in the library's.
            "import asyncio, queue\nasyncio.Queue = queue.Queue\nasync def f():\n    q = asyncio.Queue()\n    q.put(1)\n",
            "import asyncio, queue\nsetattr(asyncio, 'Queue', queue.Queue)\nasync def f():\n    q = asyncio.Queue()\n    q.put(1)\n",
            "import asyncio, queue, sys\nsys.modules['asyncio'].Queue = queue.Queue\nasync def f():\n    q = asyncio.Queue()\n    q.put(1)\n",
            "import queue\nfrom asyncio import Queue\nglobals()['Queue'] = queue.Queue\nasync def f():\n    q = Queue()\n    q.put(1)\n",
            "import queue\nfrom asyncio import Queue\nfrom compat import *\nasync def f():\n    q = Queue()\n    q.put(1)\n",
            "import asyncio\nasyncio.Queue.put = sync_put\nasync def f():\n    q = asyncio.Queue()\n    q.put(1)\n",
            "import asyncio\nasyncio.open_connection = fake\nasync def f():\n    r, w = await asyncio.open_connection('h', 1)\n    w.drain()\n",
            "import asyncio, queue\nasyncio.Queue = queue.Queue\nasync def f(q: asyncio.Queue):\n    q.put(1)\n",
            // Unknown method.
            "import asyncio\nasync def f(q: asyncio.Queue):\n    q.frobnicate()\n",
        ] {
            assert_eq!(returns(source), None, "{source}");
        }
    }
}
