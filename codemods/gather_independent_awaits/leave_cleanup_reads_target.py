# asyncmod-test: --unsafe-fixes
import asyncio

from app.jobs import publish, run_report, start_heartbeat


async def report(job):
    heartbeat = None
    try:
        # leave: when `run_report` fails, `gather` binds no `heartbeat`, and
        # the heartbeat task it started would never be cancelled
        heartbeat = await start_heartbeat(job)
        result = await run_report(job)
    finally:
        if heartbeat is not None:
            heartbeat.cancel()
    return result


async def report_or_log(job, log):
    receipt = None
    try:
        # leave: the handler reads `receipt`
        receipt = await publish(job)
        result = await run_report(job)
    except Exception:
        log.exception("report failed after %s", receipt)
        raise
    return result
