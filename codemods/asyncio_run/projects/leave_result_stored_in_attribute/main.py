# asyncmod-runtime: compare
# leave (unsafe): the run's result is stored in an attribute and cancelled through it
import asyncio
from types import SimpleNamespace
app = SimpleNamespace(state=None)
async def main():
    f = asyncio.get_running_loop().create_future()
    f.add_done_callback(lambda _: None)
    return f
if __name__ == "__main__":
    app.state = asyncio.get_event_loop().run_until_complete(main())
    try:
        app.state.cancel()
        print("cancelled")
    except RuntimeError as e:
        print("after:", e)
