# asyncmod-test: --unsafe-fixes --line-length 60
# asyncmod-runtime: compare
import asyncio


async def render(template, **values):
    await asyncio.sleep(0.01)
    return template.format(**values).strip()


async def count(words):
    await asyncio.sleep(0.02)
    return len(words.split())


async def main():
    # rewrite: too long for 60 columns, and the first call spans lines
    header = await render(
        """
Dear {name},
    your order {number} has shipped.
""",
        name="Ada",
        number=42,
    )  # moves above the new statement
    words = await count("one two three four five six seven")
    print(header)
    print(words)


asyncio.run(main())
