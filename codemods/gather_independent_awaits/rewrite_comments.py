# asyncmod-test: --unsafe-fixes
import asyncio

from app.services import geo, weather


async def forecast(city):
    # Both services are slow; the order does not matter.
    location = await geo.lookup(city)  # rewrite: moves above the new statement
    # the weather service is keyed by city name, not coordinates
    current = await weather.current(city)  # stays at the end of the line

    return location, current


async def annotated(city):
    location = await geo.lookup(  # rewrite: a comment inside a call stays in it
        city,
    )
    current = await weather.current(city)
    return location, current
