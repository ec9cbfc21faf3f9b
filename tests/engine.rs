//! The fix engine through its library API: rounds, overlaps, the re-parse
//! safety net, import placement and removal, and byte preservation. Test
//! codemods declared here misbehave on purpose.

use asyncmod::codemods::{ALL, Codemod, SLEEP_IN_ASYNC};
use asyncmod::engine::{FixStatus, MAX_ROUNDS, Mode, process_source};
use asyncmod::fix::Context;
use asyncmod::fix::{Applicability, Findings};
use asyncmod::settings::RuleSettings;
use asyncmod::version::PyVersion;
use ruff_text_size::{TextRange, TextSize};

fn fix(codemods: &[&'static Codemod], source: &str) -> Option<String> {
    let rules = RuleSettings::for_codemods(codemods);
    process_source(source, &rules, Mode::Fix)
        .expect("processes")
        .fixed
}

fn am001(source: &str) -> String {
    fix(&[&SLEEP_IN_ASYNC], source).unwrap_or_else(|| source.to_string())
}

/// Replaces the first `pass` with `pass(`: output that does not parse.
fn breaks_syntax(ctx: &Context, out: &mut Findings) {
    if let Some(at) = ctx.source.find("pass") {
        let start = TextSize::new(at as u32);
        out.report(
            &BREAKS_SYNTAX,
            TextRange::new(start, start + TextSize::new(4)),
            "bad",
        )
        .fix_with(Applicability::Safe, |fix| {
            fix.replace(TextRange::new(start, start + TextSize::new(4)), "pass(");
            Ok(())
        });
    }
}

static BREAKS_SYNTAX: Codemod = Codemod {
    code: "AM990",
    name: "breaks-syntax",
    run: breaks_syntax,
    ..Codemod::DEFAULTS
};

/// An unsafe fix replacing the first `pass` with `pass(`.
fn breaks_syntax_unsafe(ctx: &Context, out: &mut Findings) {
    if let Some(at) = ctx.source.find("pass") {
        let range = TextRange::new(TextSize::new(at as u32), TextSize::new(at as u32 + 4));
        out.report(&BREAKS_SYNTAX_UNSAFE, range, "bad")
            .fix_with(Applicability::Unsafe, |fix| {
                fix.replace(range, "pass(");
                Ok(())
            });
    }
}

static BREAKS_SYNTAX_UNSAFE: Codemod = Codemod {
    code: "AM995",
    name: "breaks-syntax-unsafe",
    run: breaks_syntax_unsafe,
    ..Codemod::DEFAULTS
};

/// Always appends one more `x` to the first name `x…`: never settles.
fn never_settles(ctx: &Context, out: &mut Findings) {
    if let Some(at) = ctx.source.find('x') {
        let at = TextSize::new(at as u32);
        out.report(
            &NEVER_SETTLES,
            TextRange::new(at, at + TextSize::new(1)),
            "grow",
        )
        .fix_with(Applicability::Safe, |fix| {
            fix.insert(at, "x");
            Ok(())
        });
    }
}

static NEVER_SETTLES: Codemod = Codemod {
    code: "AM991",
    name: "never-settles",
    run: never_settles,
    ..Codemod::DEFAULTS
};

/// Two overlapping fixes per `abc`: the engine takes one per round.
fn overlapping(ctx: &Context, out: &mut Findings) {
    let Some(at) = ctx.source.find("abc") else {
        return;
    };
    let at = TextSize::new(at as u32);
    let whole = TextRange::new(at, at + TextSize::new(3));
    out.report(&OVERLAPPING, whole, "one")
        .fix_with(Applicability::Safe, |fix| {
            fix.replace(whole, "ab_c");
            Ok(())
        });
    out.report(&OVERLAPPING, whole, "two")
        .fix_with(Applicability::Safe, |fix| {
            fix.replace(
                TextRange::new(at + TextSize::new(1), at + TextSize::new(3)),
                "BC",
            );
            Ok(())
        });
}

static OVERLAPPING: Codemod = Codemod {
    code: "AM992",
    name: "overlapping",
    run: overlapping,
    ..Codemod::DEFAULTS
};

/// An unsafe fix that needs Python 3.12.
fn picky(ctx: &Context, out: &mut Findings) {
    if let Some(at) = ctx.source.find("old") {
        let range = TextRange::new(TextSize::new(at as u32), TextSize::new(at as u32 + 3));
        out.report(&PICKY, range, "old")
            .fix_with(Applicability::Unsafe, |fix| {
                fix.replace(range, "new");
                fix.requires(PyVersion::new(3, 12));
                Ok(())
            });
    }
}

static PICKY: Codemod = Codemod {
    code: "AM993",
    name: "picky",
    run: picky,
    ..Codemod::DEFAULTS
};

/// Replaces the name `HOLE` with the text the first line gives after
/// `# HOLE: ` (`\n` there is a newline): output that parses, whatever
/// CPython's compiler thinks of it.
fn fills_hole(ctx: &Context, out: &mut Findings) {
    let Some(text) = ctx
        .source
        .lines()
        .next()
        .and_then(|line| line.strip_prefix("# HOLE: "))
    else {
        return;
    };
    let body = ctx.source.find('\n').unwrap_or(ctx.source.len());
    let Some(at) = ctx.source[body..].find("HOLE").map(|at| at + body) else {
        return;
    };
    let range = TextRange::new(TextSize::new(at as u32), TextSize::new(at as u32 + 4));
    let text = text.replace("\\n", "\n");
    out.report(&FILLS_HOLE, range, "hole")
        .fix_with(Applicability::Safe, |fix| {
            fix.replace(range, text);
            Ok(())
        });
}

static FILLS_HOLE: Codemod = Codemod {
    code: "AM994",
    name: "fills-hole",
    run: fills_hole,
    ..Codemod::DEFAULTS
};

fn fill(source: &str) -> Result<Option<String>, String> {
    let rules = RuleSettings::for_codemods(&[&FILLS_HOLE]);
    process_source(source, &rules, Mode::Fix)
        .map(|outcome| outcome.fixed)
        .map_err(|error| error.message)
}

#[test]
fn output_that_does_not_compile_is_an_internal_error_and_nothing_changes() {
    let refused = [
        // The annotation is never evaluated, but CPython still refuses it.
        "# HOLE: await c()\nfrom __future__ import annotations\nasync def f():\n    x: HOLE = 1\n",
        "# HOLE: await c()\nfrom __future__ import annotations\nx: HOLE = 1\n",
        // 3.11 accepts this one; 3.14, which a py311 target also runs on, does not.
        "# HOLE: await c()\nasync def f():\n    x: HOLE = 1\n",
        "# HOLE: await c()\ndef f():\n    HOLE\n",
        "# HOLE: await c()\nasync def f():\n    g = lambda: HOLE\n",
        "# HOLE: await c()\nasync def f():\n    class A:\n        x = HOLE\n",
        "# HOLE: await x\ndef f():\n    return [HOLE for x in y]\n",
        "# HOLE: yield from x\nasync def f():\n    HOLE\n",
        "# HOLE: return x\nasync def f():\n    yield 1\n    HOLE\n",
        "# HOLE: async with x:\\n        pass\ndef f():\n    HOLE\n",
        "# HOLE: async for a in x:\\n        pass\ndef f():\n    HOLE\n",
        "# HOLE: async with x:\\n    pass\nHOLE\n",
        // The input already awaits in one plain function: a second is new.
        "# HOLE: await c()\ndef g():\n    await y\ndef f():\n    HOLE\n",
    ];
    for source in refused {
        let error = fill(source).expect_err(source);
        assert!(
            error.starts_with("internal error: fixes of AM994 produced code that does not compile"),
            "{error}"
        );
        assert!(error.ends_with("file left unchanged"), "{error}");
    }
}

#[test]
fn output_as_valid_as_the_input_is_written() {
    let accepted = [
        "# HOLE: await c()\nasync def f():\n    HOLE\n",
        "# HOLE: await c()\nfrom __future__ import annotations\nasync def f():\n    x: int = HOLE\n",
        "# HOLE: await x\nasync def f():\n    return [HOLE for x in y]\n",
        "# HOLE: await x\ndef f():\n    return (HOLE for x in y)\n",
        "# HOLE: async with x:\\n        pass\nasync def f():\n    HOLE\n",
        // The input already fails to compile elsewhere; this fix adds nothing.
        "# HOLE: await c()\ndef g():\n    await y\nasync def f():\n    HOLE\n",
    ];
    for source in accepted {
        let fixed = fill(source).unwrap_or_else(|e| panic!("{e}\n{source}"));
        let filled = fixed.is_some_and(|text| !text.lines().skip(1).any(|l| l.contains("HOLE")));
        assert!(filled, "{source}");
    }
}

#[test]
fn output_that_does_not_parse_is_an_internal_error_and_nothing_changes() {
    let rules = RuleSettings::for_codemods(&[&BREAKS_SYNTAX]);
    let error = process_source("def f():\n    pass\n", &rules, Mode::Fix).expect_err("must fail");
    assert!(
        error.message.starts_with("internal error: fixes of AM990"),
        "{}",
        error.message
    );
    assert!(error.message.contains("file left unchanged"));
    // `check` writes nothing, so it still reports; the fix `fix` refuses is
    // not called fixable.
    let checked = process_source("def f():\n    pass\n", &rules, Mode::Check).expect("check works");
    assert_eq!(checked.reports.len(), 1);
    assert!(!checked.reports[0].fix.applies());
    assert!(checked.fixed.is_none());
}

/// `check` marks fixable only what `fix` would write: where the fix rounds
/// would stop at an internal error, every fix of the file is reported as
/// refused, saying why, and a warning names the codemod.
#[test]
fn check_calls_fixable_only_what_fix_would_write() {
    let rules = RuleSettings::for_codemods(&[&FILLS_HOLE, &SLEEP_IN_ASYNC]);
    let refused =
        "# HOLE: await c()\nimport time\nasync def g():\n    time.sleep(1)\ndef f():\n    HOLE\n";
    assert!(process_source(refused, &rules, Mode::Fix).is_err());
    let checked = process_source(refused, &rules, Mode::Check).expect("check works");
    assert_eq!(checked.reports.len(), 2);
    for report in &checked.reports {
        match &report.fix {
            FixStatus::None(Some(note)) => assert!(
                note.starts_with("`fix` would write none of this file's fixes: fixes of AM001, AM994 produced code that does not compile"),
                "{note}"
            ),
            other => panic!("{other:?}"),
        }
        assert!(report.edits.is_empty());
    }
    assert_eq!(checked.warnings.len(), 1, "{:?}", checked.warnings);
    assert!(
        checked.warnings[0].ends_with("; `fix` would leave this file unchanged"),
        "{:?}",
        checked.warnings
    );

    // Output as valid as the input: `check` and `fix` agree it is fixable.
    let accepted = "# HOLE: await c()\nimport time\nasync def f():\n    time.sleep(1)\n    HOLE\n";
    assert!(
        process_source(accepted, &rules, Mode::Fix)
            .expect("fixes")
            .fixed
            .is_some()
    );
    let checked = process_source(accepted, &rules, Mode::Check).expect("check works");
    assert_eq!(checked.reports.len(), 2);
    assert!(checked.reports.iter().all(|r| r.fix.applies()));
    assert!(checked.warnings.is_empty());
}

/// Without `--unsafe-fixes`, `check` promises an unsafe fix only when `fix
/// --unsafe-fixes` would write it; the safe fixes `fix` writes stay fixable.
#[test]
fn check_promises_unsafe_fixes_only_when_fix_would_write_them() {
    let mut rules = RuleSettings::for_codemods(&[&BREAKS_SYNTAX_UNSAFE, &SLEEP_IN_ASYNC]);
    rules.unsafe_fixes = false;
    let source = "import time\nasync def f():\n    time.sleep(1)\n    pass\n";
    let fixed = process_source(source, &rules, Mode::Fix).expect("the safe fix applies");
    assert!(fixed.fixed.is_some());
    let checked = process_source(source, &rules, Mode::Check).expect("check works");
    let status = |code: &str| {
        checked
            .reports
            .iter()
            .find(|r| r.codemod.code == code)
            .map(|r| r.fix.clone())
    };
    assert_eq!(
        status("AM001"),
        Some(FixStatus::Applies(Applicability::Safe))
    );
    match status("AM995") {
        Some(FixStatus::None(Some(note))) => assert!(
            note.starts_with("`fix --unsafe-fixes` would write none of this file's fixes"),
            "{note}"
        ),
        other => panic!("{other:?}"),
    }
    // With `--unsafe-fixes`, neither is fixable: `fix` would write nothing.
    rules.unsafe_fixes = true;
    assert!(process_source(source, &rules, Mode::Fix).is_err());
    let checked = process_source(source, &rules, Mode::Check).expect("check works");
    assert!(checked.reports.iter().all(|r| !r.fix.applies()));
}

#[test]
fn rounds_are_bounded_and_warn() {
    let rules = RuleSettings::for_codemods(&[&NEVER_SETTLES]);
    let outcome = process_source("x = 1\n", &rules, Mode::Fix).expect("processes");
    assert_eq!(
        outcome.fixed.as_deref(),
        Some(format!("{} = 1\n", "x".repeat(MAX_ROUNDS + 1)).as_str())
    );
    assert_eq!(outcome.applied.get("AM991"), Some(&MAX_ROUNDS));
    assert!(
        outcome
            .warnings
            .iter()
            .any(|w| w.contains("did not settle")),
        "{:?}",
        outcome.warnings
    );
}

#[test]
fn overlapping_fixes_apply_in_successive_rounds() {
    let rules = RuleSettings::for_codemods(&[&OVERLAPPING]);
    let outcome = process_source("v = abc\n", &rules, Mode::Fix).expect("processes");
    // Round 1 takes the first fix; round 2 finds no `abc` any more.
    assert_eq!(outcome.fixed.as_deref(), Some("v = ab_c\n"));
    assert_eq!(outcome.applied.get("AM992"), Some(&1));
}

#[test]
fn safety_and_version_gate_the_fix() {
    let mut rules = RuleSettings::for_codemods(&[&PICKY]);
    rules.unsafe_fixes = false;
    let outcome = process_source("old = 1\n", &rules, Mode::Fix).expect("processes");
    assert!(outcome.fixed.is_none());
    assert_eq!(
        outcome.reports[0].fix,
        FixStatus::NeedsVersion(PyVersion::new(3, 12))
    );

    rules.options.target_version = PyVersion::new(3, 12);
    let outcome = process_source("old = 1\n", &rules, Mode::Fix).expect("processes");
    assert!(outcome.fixed.is_none());
    assert_eq!(outcome.reports[0].fix, FixStatus::NeedsUnsafe);

    rules.unsafe_fixes = true;
    let outcome = process_source("old = 1\n", &rules, Mode::Fix).expect("processes");
    assert_eq!(outcome.fixed.as_deref(), Some("new = 1\n"));
    assert_eq!(
        outcome.reports[0].fix,
        FixStatus::Applies(Applicability::Unsafe)
    );
}

#[test]
fn a_codemod_above_the_target_does_not_run() {
    static NEEDS_314: Codemod = Codemod {
        code: "AM994",
        name: "needs-314",
        min_python: PyVersion::PY314,
        run: picky,
        ..Codemod::DEFAULTS
    };
    let rules = RuleSettings::for_codemods(&[&NEEDS_314]);
    let outcome = process_source("old = 1\n", &rules, Mode::Check).expect("processes");
    assert!(outcome.reports.is_empty());
}

#[test]
fn every_byte_outside_the_edits_survives() {
    let source = "\u{feff}# -*- coding: utf-8 -*-\r\n'''Doc.'''\r\nimport time\r\n\r\n\r\nasync def f():\r\n\tx = 'caf\u{e9}'  # \u{2603}\r\n\ttime.sleep(1)\r\n\treturn x\r\n";
    assert_eq!(
        am001(source),
        "\u{feff}# -*- coding: utf-8 -*-\r\n'''Doc.'''\r\nimport asyncio\r\n\r\n\r\nasync def f():\r\n\tx = 'caf\u{e9}'  # \u{2603}\r\n\tawait asyncio.sleep(1)\r\n\treturn x\r\n"
    );
}

#[test]
fn one_import_serves_many_fixes_and_a_second_run_changes_nothing() {
    let source = "import time\n\n\nasync def a():\n    time.sleep(1)\n\n\nasync def b():\n    time.sleep(2)\n    time.sleep(3)\n";
    let fixed = am001(source);
    assert_eq!(
        fixed,
        "import asyncio\n\n\nasync def a():\n    await asyncio.sleep(1)\n\n\nasync def b():\n    await asyncio.sleep(2)\n    await asyncio.sleep(3)\n"
    );
    assert_eq!(fix(&[&SLEEP_IN_ASYNC], &fixed), None);
}

#[test]
fn import_goes_after_docstring_future_and_in_the_block() {
    let cases = [
        // No imports: after the docstring, blank lines as black would.
        (
            "\"\"\"Doc.\"\"\"\nfrom time import sleep\nasync def f():\n    sleep(1)\n",
            "\"\"\"Doc.\"\"\"\nimport asyncio\nasync def f():\n    await asyncio.sleep(1)\n",
        ),
        // Alphabetical among the first group's plain imports.
        (
            "import os\nimport sys\nfrom time import sleep\n\nasync def f():\n    sleep(os.cpu_count() or sys.maxsize)\n",
            "import asyncio\nimport os\nimport sys\n\nasync def f():\n    await asyncio.sleep(os.cpu_count() or sys.maxsize)\n",
        ),
        (
            "from __future__ import annotations\n\nimport abc\nimport time\n\nasync def f():\n    time.sleep(abc.x)\n",
            "from __future__ import annotations\n\nimport abc\nimport asyncio\n\nasync def f():\n    await asyncio.sleep(abc.x)\n",
        ),
        // A shebang stays first; code directly after it gets separated.
        (
            "#!/usr/bin/env python\nfrom time import sleep as s\nasync def f():\n    s(1)\n",
            "#!/usr/bin/env python\nimport asyncio\nasync def f():\n    await asyncio.sleep(1)\n",
        ),
    ];
    for (before, after) in cases {
        assert_eq!(am001(before), after, "from:\n{before}");
    }
}

#[test]
fn import_is_added_before_code_when_the_module_has_none_left() {
    // `time` is imported inside the coroutine: the module gets its own asyncio import.
    let source = "async def f():\n    import time\n    time.sleep(1)\n    return 1\n";
    assert_eq!(
        am001(source),
        "import asyncio\n\n\nasync def f():\n    await asyncio.sleep(1)\n    return 1\n"
    );
}

#[test]
fn import_in_a_try_block_becomes_pass_when_removed() {
    let source = "try:\n    from time import sleep\nexcept ImportError:\n    sleep = None\nimport asyncio\n\nasync def f():\n    sleep(1)\n";
    // `sleep` is bound twice (import and assignment): not resolvable, so untouched.
    assert_eq!(am001(source), source);
    let source = "import asyncio\nif True:\n    import time\n\nasync def f():\n    time.sleep(1)\n";
    assert_eq!(
        am001(source),
        "import asyncio\nif True:\n    pass\n\nasync def f():\n    await asyncio.sleep(1)\n"
    );
}

#[test]
fn import_listed_in_dunder_all_is_kept() {
    let source = "import asyncio\nfrom time import sleep\n__all__ = ['sleep']\n\nasync def f():\n    sleep(1)\n";
    assert_eq!(
        am001(source),
        "import asyncio\nfrom time import sleep\n__all__ = ['sleep']\n\nasync def f():\n    await asyncio.sleep(1)\n"
    );
}

#[test]
fn noqa_forms_suppress() {
    for comment in [
        "# noqa",
        "# noqa: AM001",
        "# NOQA:AM001",
        "# noqa: E501, ASYNC251",
        "# type: ignore  # noqa: AM001",
    ] {
        let source = format!("import time\nasync def f():\n    time.sleep(1)  {comment}\n");
        assert_eq!(am001(&source), source, "{comment}");
    }
    let source = "import time\nasync def f():\n    time.sleep(1)  # noqa: E501\n";
    assert_ne!(am001(source), source);
}

#[test]
fn check_positions_are_one_based_characters() {
    let rules = RuleSettings::for_codemods(ALL);
    let source = "import time\nasync def f():\n    s = '\u{e9}\u{e9}'; time.sleep(1)\n";
    let outcome = process_source(source, &rules, Mode::Check).expect("processes");
    let report = &outcome.reports[0];
    assert_eq!((report.start.line, report.start.column), (3, 15));
}

#[test]
fn syntax_errors_are_reported_with_position() {
    let rules = RuleSettings::for_codemods(ALL);
    let error =
        process_source("def f(:\n    pass\n", &rules, Mode::Check).expect_err("syntax error");
    assert_eq!((error.position.line, error.position.column), (1, 7));
    assert!(error.message.starts_with("syntax error: "));
}

#[test]
fn deeply_nested_input_ends_in_a_result_or_an_error() {
    let depth = 500;
    let source = format!("x = {}1{}\n", "(".repeat(depth), ")".repeat(depth));
    let rules = RuleSettings::for_codemods(ALL);
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(move || process_source(&source, &rules, Mode::Fix).map(|o| o.fixed.is_none()))
        .expect("spawn");
    let result = handle.join().expect("no panic or overflow");
    assert!(matches!(result, Ok(true) | Err(_)));
}

#[test]
fn removing_a_run_of_imports_at_the_top_leaves_no_blank_lines() {
    let source = "import time\nfrom time import sleep\n\nimport trio\n\n\nasync def f():\n    time.sleep(1)\n    sleep(2)\n";
    assert_eq!(
        am001(source),
        "import trio\n\n\nasync def f():\n    await trio.sleep(1)\n    await trio.sleep(2)\n"
    );
}

#[test]
fn a_statement_after_a_bom_is_alone_on_its_line() {
    let source = "\u{feff}import time\n\n\nasync def f():\n    time.sleep(1)\n";
    assert_eq!(
        am001(source),
        "\u{feff}import asyncio\n\n\nasync def f():\n    await asyncio.sleep(1)\n"
    );
}
