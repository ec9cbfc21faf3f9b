import asyncio
import logging.config
async def start():
    logging.config.dictConfig({
        "version": 1,
        "handlers": {"h": {"()": "app.sink.make"}},
        "loggers": {"app": {"handlers": ["h"], "level": "INFO"}},
    })
    logging.getLogger("app").info("hello")
    print("started")
