# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
import asyncio


async def f(text):
    await asyncio.sleep(0)
    return text


async def g(n):
    await asyncio.sleep(0)
    return n


async def main():
    # A multi-line f-string moved into gather(...) keeps its value: the
    # lines after its first are its text, never re-indented.
    name = "world"
    a = await f(f"""Hello {name},
bye""")
    b = await g(str(f"""{name!r}
  and {len(name)}
"""))
    print(repr(a), repr(b))


asyncio.run(main())
