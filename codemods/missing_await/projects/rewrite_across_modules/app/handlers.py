from service import store
from service import save_record
from service.store import Repo, repo
from service.store import save as persist
import service.store as backend
import service.store

from . import helpers
from .helpers import notify


async def handle(record, given: Repo):
    store.save(record)  # rewrite: a module's async def, through the module
    persist(record)  # rewrite: imported under another name
    save_record(record)  # rewrite: re-exported by the package
    backend.save(record)  # rewrite: `import a.b as c`
    service.store.save(record)  # rewrite: `import a.b`, then `a.b.f`
    helpers.notify("ops")  # rewrite: a relative import of a module
    notify("team")  # rewrite: a relative import of a function
    repo.put(1)  # rewrite: a module-level instance of a project class
    local = Repo()
    local.put(2)  # rewrite: an instance made here
    given.put(3)  # unsafe: only an annotation says the class
    store.describe(record)  # leave: a plain def
    given.size()  # leave: a plain method
