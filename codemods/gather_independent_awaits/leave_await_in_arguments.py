# asyncmod-test: --unsafe-fixes
import asyncio

from app.api import current_user, fetch_settings, fetch_theme


async def settings_page():
    theme = await fetch_theme()
    settings = await fetch_settings(await current_user())  # leave: an await inside the arguments
    return theme, settings


async def nested_in_a_comprehension(ids):
    theme = await fetch_theme()
    settings = await fetch_settings([await current_user(i) for i in ids])  # leave
    return theme, settings
