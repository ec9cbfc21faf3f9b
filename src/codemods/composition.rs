//! The codemods of one wave together, as one `fix` run applies them: each
//! round applies the fixes that do not overlap, the next sees the result.

#[cfg(test)]
mod tests {
    use crate::codemods::{
        BLOCKING_CALL, Codemod, DANGLING_TASK, LEGACY_COROUTINE, LOOP_ARGUMENT, SLEEP_IN_ASYNC,
        SWALLOWED_CANCEL, TASK_CLASSMETHODS, WAIT_COROUTINES,
    };

    const ALL_OF_THEM: &[&Codemod] = &[
        &SLEEP_IN_ASYNC,
        &DANGLING_TASK,
        &SWALLOWED_CANCEL,
        &BLOCKING_CALL,
        &LOOP_ARGUMENT,
        &LEGACY_COROUTINE,
        &TASK_CLASSMETHODS,
        &WAIT_COROUTINES,
    ];

    #[track_caller]
    fn check(before: &str, after: &str) {
        crate::test_support::check_fix_together(ALL_OF_THEM, before, after);
    }

    #[test]
    fn legacy_coroutine_and_loop_argument_on_one_statement() {
        check(
            "import asyncio\n\n\n@asyncio.coroutine\ndef worker(loop):\n    yield from asyncio.sleep(1, loop=loop)\n    yield from asyncio.gather(job(), loop=loop)\n",
            "import asyncio\n\n\nasync def worker(loop):\n    await asyncio.sleep(1)\n    await asyncio.gather(job())\n",
        );
    }

    #[test]
    fn legacy_coroutine_then_wait_and_task_classmethods() {
        check(
            "import asyncio\n\n\n@asyncio.coroutine\ndef sweep():\n    me = asyncio.Task.current_task()\n    yield from asyncio.wait([job(), job()])\n    return me\n\n\nasync def job():\n    pass\n",
            "import asyncio\n\n\nasync def sweep():\n    me = asyncio.current_task()\n    await asyncio.wait([asyncio.create_task(job()), asyncio.create_task(job())])\n    return me\n\n\nasync def job():\n    pass\n",
        );
    }

    #[test]
    fn blocking_call_then_swallowed_cancel() {
        check(
            "import requests\n\n\nasync def fetch(url):\n    try:\n        response = requests.get(url)\n    except:\n        response = None\n    return response\n",
            "import asyncio\nimport requests\n\n\nasync def fetch(url):\n    try:\n        response = await asyncio.to_thread(requests.get, url)\n    except asyncio.CancelledError:\n        raise\n    except:\n        response = None\n    return response\n",
        );
    }

    #[test]
    fn sleep_and_dangling_task_share_the_header() {
        check(
            "import time\nfrom asyncio import create_task\n\n\nasync def tick(job):\n    time.sleep(1)\n    create_task(job())\n",
            "import asyncio\nfrom asyncio import create_task\n\n_background_tasks: \"set[asyncio.Task[object]]\" = set()\n\n\nasync def tick(job):\n    await asyncio.sleep(1)\n    task = create_task(job())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n",
        );
    }
}
