# asyncmod-test: --unsafe-fixes
# The change Fix safety describes: one session for every iteration sends the
# cookies a response set in one iteration with the next iteration's
# requests (here, a login for one user is seen by the next). Not
# runtime-compared: the output differs by design.
import aiohttp


async def profiles(users):
    pages = []
    for user in users:
        async with aiohttp.ClientSession() as session:
            if user != "anonymous":
                await session.post("/login", data={"user": user})
            async with session.get("/me") as response:
                pages.append(await response.text())
    return pages
