# asyncmod-test: --unsafe-fixes
import asyncio


class Worker:
	@asyncio.coroutine
	def step(self, job):  # rewrite: CRLF and tabs survive
		result = yield from job.run()
		return result
