import asyncio

async def sleeper(name, d):
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.sleep(d)
    print(name, "woke", round(loop.time() - t0, 1))

async def twice(name, d):
    await asyncio.sleep(d)
    print(name, "half")
    await asyncio.sleep(d)
    print(name, "full")

async def main():
    ts = [asyncio.create_task(sleeper(n, d)) for n, d in
          [("c", 0.3), ("a", 0.1), ("b", 0.2), ("a2", 0.1), ("z", 0)]]
    ts.append(asyncio.create_task(twice("t", 0.2)))
    ts.append(asyncio.create_task(sleeper("u", 0.4)))
    for t in ts:
        await t
    print("end")

asyncio.run(main())
