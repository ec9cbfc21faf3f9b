# asyncmod-runtime: compare
import asyncio

_pending = set()

def _cancel_all():
    for f in _pending:
        f.cancel()

class Summary:
    def __init__(self, count):
        self.count = count

    def finish(self):
        _cancel_all()
        return self.count

async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda _: None)
    _pending.add(fut)
    return Summary(3)

if __name__ == "__main__":
    s = asyncio.get_event_loop().run_until_complete(main())
    try:
        print("finished", s.finish())
    except RuntimeError as e:
        print("RuntimeError", e)
