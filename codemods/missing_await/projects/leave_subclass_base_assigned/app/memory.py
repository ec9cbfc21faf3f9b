# Subclasses whose base is a name bound by an assignment the index cannot
# follow: each may derive from a class of app.models and replaces `put`
# with a plain `def`, so a call through the base may return None.
import importlib

_models = importlib.import_module("app.models")
Base = getattr(_models, "Repo")


def make_base():
    from app.models import Store

    return Store


StoreBase = make_base()

try:
    CacheBase = _models.Cache
except AttributeError:
    CacheBase = object


class Memory(Base):
    def put(self, record):
        print("stored", record)


class Logged(StoreBase):
    def put(self, record):
        print("logged", record)


class Local(CacheBase):
    def put(self, record):
        print("cached", record)
