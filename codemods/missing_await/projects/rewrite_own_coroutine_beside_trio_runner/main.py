import trio

import mod

trio.run(mod.main)
print("exit ok")
