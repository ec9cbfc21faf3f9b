import sys

from app import sync_store

# The package puts a synchronous store where `app.store` is imported from.
sys.modules["app.store"] = sync_store
