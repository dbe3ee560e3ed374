import asyncio

async def work(name, d, fail=False):
    print("start", name)
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name)
    print("end", name)
    return name * 2

async def main():
    r = await asyncio.gather(work("a", 0.2), work("b", 0.1), work("c", 0))
    print(r)
    r = await asyncio.gather(work("d", 0.1, True), work("e", 0.2), return_exceptions=True)
    print(r)
    try:
        await asyncio.gather(work("f", 0.1, True), work("g", 0.3))
    except ValueError as e:
        print("gather raised", repr(e))
    await asyncio.sleep(0.5)
    print(await asyncio.gather())

asyncio.run(main())
