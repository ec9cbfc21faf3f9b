# Found by an adversarial program: another module of the project changes the
# headers between iterations (a token refresh); a session made once before the
# loop would send the first token every time.
import aiohttp

HEADERS = {"Authorization": "token-0"}


async def fetch_all(urls):
    pages = []
    for url in urls:
        async with aiohttp.ClientSession(headers=HEADERS) as session:
            async with session.get(url) as r:
                pages.append(await r.text())
    return pages
