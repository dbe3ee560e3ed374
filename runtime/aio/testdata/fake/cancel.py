import asyncio

async def victim():
    try:
        print("victim sleeping")
        await asyncio.sleep(10)
        print("not reached")
    finally:
        print("victim finally")

async def main():
    t = asyncio.create_task(victim())
    await asyncio.sleep(0)
    print("cancel:", t.cancel("stop it"))
    print("cancelling:", t.cancelling())
    print("cancel again:", t.cancel())
    try:
        await t
    except asyncio.CancelledError as e:
        print("caught", repr(e))
    print(t.cancelled(), t.done())
    t2 = asyncio.create_task(victim())
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError as e:
        print("caught2", repr(e))

asyncio.run(main())
