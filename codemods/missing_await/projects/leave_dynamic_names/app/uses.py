from lib import rebound, lazy, starred, decorated, broken, patched
from lib.base import Base
from lib.cycle_a import go


async def handler(job: Base):
    rebound.fetch()  # leave: rebound to a cached function
    rebound.replaced()  # leave: replaced by a plain def
    lazy.anything()  # leave: the module's __getattr__ answers
    starred.load()  # leave: a star import may rebind it
    decorated.background()  # leave: a decorator the index cannot see through
    broken.fine()  # leave: the module does not parse
    go()  # leave: a cycle of re-exports
    job.run()  # leave: a subclass overrides it with a plain def
    patched.ping()  # leave: this module replaces it


patched.ping = lambda: None
