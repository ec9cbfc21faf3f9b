"""Coroutine functions defined elsewhere cannot be seen."""
from app.db import save
import app.cache


async def handle(record, callback):
    save(record)  # leave: imported; it may be a plain function
    app.cache.invalidate(record.id)  # leave: an attribute of a module
    callback(record)  # leave: a parameter
