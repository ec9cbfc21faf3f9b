# asyncmod-test: --unsafe-fixes
# -*- coding: utf-8 -*-
import asyncio

from jobs import nightly


def cron():
	loop = asyncio.new_event_loop()  # a private loop (the comment stays)
	loop.run_until_complete(nightly())  # rewrite: CRLF and tabs kept
	loop.close()  # release sockets
