# asyncmod-runtime: compare
# rewrite (plugin.py, safe): importing `plugin` runs its loop, but no module
# that imports it gets, sets or runs an event loop
import plugin

print("done", plugin.READY)
