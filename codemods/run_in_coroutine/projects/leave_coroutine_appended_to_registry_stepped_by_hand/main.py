# asyncmod-runtime: compare
# The same, registered by appending to another module's list.
import registry
import jobs

registry.step_all()
print("exit ok")
