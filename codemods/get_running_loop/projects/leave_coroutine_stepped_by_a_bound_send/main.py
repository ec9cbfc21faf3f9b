# asyncmod-runtime: compare
# Another file steps the coroutine through its bound send: get_running_loop()
# raises where no loop runs. Unsafe fix only.
import app.runner
