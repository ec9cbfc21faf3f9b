# `Repo` is bound on two paths: the index cannot follow this base, so
# `Memory` may be a subclass of `app.models.Repo` that replaces `put`
# with a plain `def`.
try:
    from app.models import Repo
except ImportError:  # leave
    Repo = object


class Memory(Repo):
    def put(self, record):
        print("stored", record)
