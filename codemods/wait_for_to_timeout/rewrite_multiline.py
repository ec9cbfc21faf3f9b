import asyncio

QUERY = "SELECT 1"


async def load(pool, user_id):
    # The timeout covers checkout and query.
    row = await asyncio.wait_for(  # rewrite: argument on its own lines
        pool.fetchrow(
            """
            SELECT name, email
              FROM users
             WHERE id = $1
            """,
            user_id,  # primary key
        ),
        timeout=10,  # seconds
    )
    rows = await asyncio.wait_for(pool.fetch(QUERY,  # rewrite: argument hugging the call
                                             user_id), 3)
    return row, rows


async def hanging(client, url):
    # rewrite: `await \` with the call below; its lines stay right of it
    reply = await \
        asyncio.wait_for(
            client.get(
                url,
            ),
            timeout=5,
        )
    more = await \
        asyncio.wait_for(client.get(
            url), 5)
    return reply, more
