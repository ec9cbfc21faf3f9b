from unittest import mock

import svc.store

# The class is replaced on its module before `main` imports it.
svc.store.Store = svc.store.SyncStore
mock.patch("svc.store.Store", svc.store.SyncStore).start()
