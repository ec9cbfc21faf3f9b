# asyncmod-test: --unsafe-fixes
from asyncio import gather, sleep

from app.feeds import atom, rss


async def refresh(source):
    await sleep(0)
    entries = await rss.pull(source.rss_url)  # rewrite: uses the imported `gather`
    posts = await atom.pull(source.atom_url)
    return entries + posts


async def already(source):
    return await gather(rss.pull(source.rss_url), atom.pull(source.atom_url))
