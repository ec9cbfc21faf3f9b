# asyncmod-test: --unsafe-fixes
"""Comments that tools read as applying to their own line (`# type: ignore`,
`# noqa`) end the gathered statement, which holds the call they followed; a
line of their own would mean nothing (or, at a module's top, ignore the whole
file)."""
import asyncio


async def profile(api, db):
    user = await api.fetch_user()  # type: ignore[attr-defined]
    orders = await db.fetch_orders()
    return user, orders


async def dashboard(api, db):
    # leave: the comments do not fit on the gathered line, which would be
    # split, the calls then on a line of their own
    stats = await api.stats()  # noqa: E501
    alerts = await db.alerts()  # pyright: ignore[reportGeneralTypeIssues]
    return stats, alerts


async def inbox(api, db, cache):
    # rewrite: a `# type: ignore` first, where type checkers read it
    new = await api.new()  # noqa: F841
    starred = await db.starred()  # type: ignore
    drafts = await cache.drafts()
    return new, starred, drafts


async def report(api, db):
    # rewrite: a plain comment still moves above
    totals = await api.totals()  # the slow one
    rows = await db.rows()
    return totals, rows


async def both_ignored(api, db):
    # leave: two ignores cannot share one line's comment
    first = await api.first()  # type: ignore[attr-defined]
    second = await db.second()  # type: ignore[misc]
    return first, second
