# asyncmod-runtime: compare
# A `types.coroutine` trampoline of `registry` steps the registered
# coroutines with no loop running, where `asyncio.run` works.
import registry
import jobs

registry.step_all()
print("exit ok")
