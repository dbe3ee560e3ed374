import asyncio

async def worker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    print(name, "done")
    return name

async def main():
    t1 = asyncio.create_task(worker("a", 3))
    t2 = asyncio.create_task(worker("b", 2))
    print("main before")
    await asyncio.sleep(0)
    print("main after")
    print(await t1)
    print(await t2)
    print(t1.get_name(), t2.get_name())

asyncio.run(main())
