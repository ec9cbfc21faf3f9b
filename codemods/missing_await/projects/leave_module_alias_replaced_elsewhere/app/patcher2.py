import importlib
import sys

import app.work  # noqa: F401
from app.fake import asyncio as fake

sys.modules["app.work"].aio_modules = fake
importlib.import_module("app.work").aio_imported = fake
