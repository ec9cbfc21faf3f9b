# asyncmod-runtime: compare
# leave: `CleanImport("app.tool")` forgets the module, and the import inside
# the `with` runs it again
from test.support import import_helper
import app.tool
with import_helper.CleanImport("app.tool"):
    import app.tool
