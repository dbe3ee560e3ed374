import asyncio

async def child(name, d):
    try:
        await asyncio.sleep(d)
        print(name, "done")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def waiter():
    return await asyncio.gather(child("c", 1), child("d", 0.1), return_exceptions=True)

async def main():
    g = asyncio.gather(child("a", 1), child("b", 2))
    await asyncio.sleep(0.5)
    print("cancel", g.cancel())
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather cancelled", repr(e))
    print(g.cancelled())
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0.5)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("waiter cancelled")

asyncio.run(main())
