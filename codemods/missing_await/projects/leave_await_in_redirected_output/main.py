# asyncmod-runtime: compare
# A coroutine called without `await` inside `contextlib.redirect_stdout`:
# awaited, it suspends while `sys.stdout` is redirected for the whole
# process, and the heartbeat task's lines land in the captured report. The
# fix is unsafe there, with the reason.
import asyncio, contextlib, io

async def audit(msg):
    await asyncio.sleep(0.01)

async def render_report():
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        print("report line")
        audit("rendered")
    return buf.getvalue()

async def heartbeat():
    for i in range(3):
        print("heartbeat", i)
        await asyncio.sleep(0.004)

async def main():
    report, _ = await asyncio.gather(render_report(), heartbeat())
    print("captured:", report.splitlines())

asyncio.run(main())
