//! `fix --interactive`: each fix shown as a small diff and asked about, as
//! `git add -p` does: `y` apply, `n` skip, `a` apply this and the rest, `q`
//! stop (keeping what was accepted).

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};

use ruff_source_file::LineIndex;
use ruff_text_size::Ranged;
use rustc_hash::FxHashSet;

use crate::engine::{Chooser, RuleSettings, SourceError, fix_with};
use crate::fix::Finding;
use crate::fix::apply::splice;
use crate::output::Style;
use crate::output::diff::colorize;
use crate::semantic::project::ProjectModule;

/// What the user answered about one fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
    All,
    Quit,
}

/// Asks about one fix. The terminal implementation reads lines; tests script it.
pub trait Prompter {
    fn ask(&mut self, header: &str, diff: &str) -> io::Result<Answer>;
}

/// Where the review stands after a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Keep asking.
    Ask,
    /// `a`: apply every remaining fix without asking.
    AcceptAll,
    /// `q`: stop; apply nothing more.
    Quit,
}

/// The result of reviewing one source.
#[derive(Debug)]
pub struct Reviewed {
    pub fixed: Option<String>,
    pub applied: BTreeMap<&'static str, usize>,
    pub mode: Mode,
    /// Things the user should know that are not errors.
    pub warnings: Vec<String>,
}

/// Each fix still on offer is asked about until none is left, the user
/// quits, or accepts the rest. An accepted fix is applied at once and the
/// source analysed again, so every diff shown is against the current text:
/// the engine's fix rounds, with a person choosing.
pub fn review_source(
    source: &str,
    display: &str,
    rules: &RuleSettings,
    prompter: &mut dyn Prompter,
    mode: Mode,
    style: &Style,
    project: Option<&ProjectModule>,
) -> Result<Reviewed, SourceError> {
    let mut reviewer = Reviewer::new(display, prompter, mode, style);
    let (outcome, _) = fix_with(source, None, rules, project, &mut reviewer)?;
    Ok(Reviewed {
        fixed: outcome.fixed,
        applied: outcome.applied,
        mode: reviewer.mode,
        warnings: outcome.warnings,
    })
}

/// Chooses the fixes of a round by asking: the first fix not declined yet
/// is shown; `y` applies it, `n` goes on to the next, `a` applies it and
/// every one after it (and all of every later round), `q` applies nothing.
/// One reviews one file (a module, or a notebook's cells).
pub struct Reviewer<'a> {
    display: &'a str,
    prompter: &'a mut dyn Prompter,
    mode: Mode,
    style: &'a Style,
    /// The fixes declined, as [`key`] identifies them across re-analyses.
    declined: FxHashSet<(&'static str, String, String)>,
}

impl<'a> Reviewer<'a> {
    /// A review of the file shown as `display`, starting in `mode`.
    pub fn new(
        display: &'a str,
        prompter: &'a mut dyn Prompter,
        mode: Mode,
        style: &'a Style,
    ) -> Self {
        Reviewer {
            display,
            prompter,
            mode,
            style,
            declined: FxHashSet::default(),
        }
    }

    /// Where the review stands: asking, accepting the rest, or stopped.
    pub fn mode(&self) -> Mode {
        self.mode
    }
}

impl Chooser for Reviewer<'_> {
    /// Every round applies one fix a person accepted: this only bounds a
    /// codemod gone wrong.
    fn max_rounds(&self) -> usize {
        10_000
    }

    fn choose<'f>(
        &mut self,
        text: &str,
        offered: Vec<&'f Finding>,
    ) -> Result<Vec<&'f Finding>, SourceError> {
        let mut offered: Vec<&Finding> = offered
            .into_iter()
            .filter(|f| !self.declined.contains(&key(f, text)))
            .collect();
        let mut index = None;
        let mut i = 0;
        while let Some(&finding) = offered.get(i) {
            let Some(fix) = finding.fix.as_ref() else {
                i += 1;
                continue;
            };
            if self.mode != Mode::Ask {
                break;
            }
            let index = index.get_or_insert_with(|| LineIndex::from_source_text(text));
            let after = splice(text, &fix.edits);
            let diff =
                crate::output::diff::unified_diff_with_context(self.display, text, &after, 2);
            let position = crate::source::Position::at(index, text, finding.range.start());
            let header = format!(
                "{}:{}:{}: {} {} — {}",
                crate::output::printable(self.display),
                position.line,
                position.column,
                self.style.bold_red(finding.code),
                finding.name,
                self.style.bold(&fix.title)
            );
            let answer = self
                .prompter
                .ask(&header, &colorize(&diff, self.style))
                .map_err(|e| SourceError {
                    position,
                    message: format!("cannot read the answer: {e}"),
                })?;
            match answer {
                Answer::No => {
                    self.declined.insert(key(finding, text));
                    i += 1;
                }
                Answer::Quit => self.mode = Mode::Quit,
                Answer::Yes => return Ok(vec![finding]),
                Answer::All => self.mode = Mode::AcceptAll,
            }
        }
        match self.mode {
            Mode::AcceptAll => Ok(offered.split_off(i.min(offered.len()))),
            Mode::Ask | Mode::Quit => Ok(Vec::new()),
        }
    }
}

/// What identifies a declined fix across re-analyses (offsets shift; the
/// code, the finding's text and its line do not).
fn key(finding: &Finding, text: &str) -> (&'static str, String, String) {
    let range = finding.range();
    (
        finding.code,
        text.get(range.start().to_usize()..range.end().to_usize())
            .unwrap_or_default()
            .to_string(),
        crate::fix::layout::line_text(text, range.start()).to_string(),
    )
}

/// Asks on a terminal: the diff and the question on `output`, the answer
/// read a line at a time from `input`. End of input counts as `q`.
pub struct TerminalPrompter<R: BufRead, W: Write> {
    pub input: R,
    pub output: W,
}

impl<R: BufRead, W: Write> Prompter for TerminalPrompter<R, W> {
    fn ask(&mut self, header: &str, diff: &str) -> io::Result<Answer> {
        writeln!(self.output, "\n{header}")?;
        write!(self.output, "{diff}")?;
        loop {
            write!(self.output, "Apply this fix [y,n,a,q,?]? ")?;
            self.output.flush()?;
            let mut line = String::new();
            if self.input.read_line(&mut line)? == 0 {
                writeln!(self.output)?;
                return Ok(Answer::Quit);
            }
            match line.trim() {
                "y" | "Y" | "yes" => return Ok(Answer::Yes),
                "n" | "N" | "no" => return Ok(Answer::No),
                "a" | "A" | "all" => return Ok(Answer::All),
                "q" | "Q" | "quit" => return Ok(Answer::Quit),
                _ => writeln!(
                    self.output,
                    "y - apply this fix\nn - skip this fix\na - apply this fix and every remaining one\nq - stop here; keep the fixes already applied"
                )?,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codemods::SLEEP_IN_ASYNC;

    struct Scripted(Vec<Answer>, Vec<String>);

    impl Prompter for Scripted {
        fn ask(&mut self, header: &str, diff: &str) -> io::Result<Answer> {
            self.1.push(format!("{header}\n{diff}"));
            Ok(if self.0.is_empty() {
                Answer::Quit
            } else {
                self.0.remove(0)
            })
        }
    }

    const SOURCE: &str =
        "import time\n\nasync def f():\n    time.sleep(1)\n    time.sleep(2)\n    time.sleep(3)\n";

    fn review(answers: Vec<Answer>) -> (Reviewed, Vec<String>) {
        let rules = RuleSettings::for_codemods(&[&SLEEP_IN_ASYNC]);
        let mut prompter = Scripted(answers, Vec::new());
        let style = Style { enabled: false };
        let reviewed = review_source(
            SOURCE,
            "m.py",
            &rules,
            &mut prompter,
            Mode::Ask,
            &style,
            None,
        )
        .expect("reviews");
        (reviewed, prompter.1)
    }

    #[test]
    fn yes_no_then_quit_keeps_what_was_accepted() {
        let (reviewed, asked) = review(vec![Answer::Yes, Answer::No, Answer::Quit]);
        assert_eq!(asked.len(), 3);
        assert!(
            asked[0].starts_with("m.py:4:5: AM001 sleep-in-async"),
            "{}",
            asked[0]
        );
        assert!(asked[1].contains("-    time.sleep(2)"), "{}", asked[1]);
        assert_eq!(
            reviewed.fixed.as_deref(),
            Some(
                "import asyncio\nimport time\n\nasync def f():\n    await asyncio.sleep(1)\n    time.sleep(2)\n    time.sleep(3)\n"
            )
        );
        assert_eq!(reviewed.mode, Mode::Quit);
    }

    #[test]
    fn all_applies_the_rest_and_removes_the_unused_import() {
        let (reviewed, asked) = review(vec![Answer::No, Answer::All]);
        assert_eq!(asked.len(), 2);
        assert_eq!(
            reviewed.fixed.as_deref(),
            Some(
                "import asyncio\nimport time\n\nasync def f():\n    time.sleep(1)\n    await asyncio.sleep(2)\n    await asyncio.sleep(3)\n"
            )
        );
        assert_eq!(reviewed.applied.get("AM001"), Some(&2));
        assert_eq!(reviewed.mode, Mode::AcceptAll);
    }

    #[test]
    fn every_no_leaves_the_source_alone() {
        let (reviewed, asked) = review(vec![Answer::No, Answer::No, Answer::No]);
        assert_eq!(asked.len(), 3);
        assert!(reviewed.fixed.is_none());
        assert_eq!(reviewed.mode, Mode::Ask);
    }

    /// Puts `await` before the first `go()`, in whatever function it is.
    fn awaits_go(ctx: &crate::fix::Context, out: &mut crate::fix::Findings) {
        use ruff_text_size::{TextRange, TextSize};
        let Some(at) = ctx.source.find("go()") else {
            return;
        };
        let at = TextSize::try_from(at).unwrap_or_default();
        out.report(&AWAITS_GO, TextRange::new(at, at), "go")
            .fix_with(crate::fix::Applicability::Safe, |fix| {
                fix.insert(at, "await ");
                Ok(())
            });
    }

    static AWAITS_GO: crate::codemods::Codemod = crate::codemods::Codemod {
        code: "AM994",
        name: "awaits-go",
        run: awaits_go,
        ..crate::codemods::Codemod::DEFAULTS
    };

    #[test]
    fn an_accepted_fix_that_does_not_compile_leaves_the_file_alone() {
        let rules = RuleSettings::for_codemods(&[&AWAITS_GO]);
        let style = Style { enabled: false };
        let mut prompter = Scripted(vec![Answer::Yes], Vec::new());
        let source = "def f():\n    go()\n";
        let error = review_source(
            source,
            "m.py",
            &rules,
            &mut prompter,
            Mode::Ask,
            &style,
            None,
        )
        .expect_err("refused");
        assert!(
            error
                .message
                .starts_with("internal error: fixes of AM994 produced code that does not compile"),
            "{}",
            error.message
        );
        // In a coroutine the same fix is fine.
        let mut prompter = Scripted(vec![Answer::Yes], Vec::new());
        let source = "async def f():\n    go()\n";
        let reviewed = review_source(
            source,
            "m.py",
            &rules,
            &mut prompter,
            Mode::Ask,
            &style,
            None,
        )
        .expect("reviews");
        assert_eq!(
            reviewed.fixed.as_deref(),
            Some("async def f():\n    await go()\n")
        );
    }

    #[test]
    fn terminal_prompter_reads_answers_and_explains_unknown_ones() {
        let mut output = Vec::new();
        let mut prompter = TerminalPrompter {
            input: io::Cursor::new("x\n\ny\n"),
            output: &mut output,
        };
        assert_eq!(prompter.ask("h", "d\n").expect("answer"), Answer::Yes);
        let text = String::from_utf8(output).expect("utf-8");
        assert!(
            text.contains("a - apply this fix and every remaining one"),
            "{text}"
        );
        let mut prompter = TerminalPrompter {
            input: io::Cursor::new(""),
            output: Vec::new(),
        };
        assert_eq!(prompter.ask("h", "d\n").expect("answer"), Answer::Quit);
    }
}
