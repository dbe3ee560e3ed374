import asyncio

async def forever(name):
    try:
        while True:
            await asyncio.sleep(1)
    finally:
        print(name, "cleaned up")

async def boom():
    await asyncio.sleep(0)
    raise ValueError("boom")

async def main():
    asyncio.create_task(forever("x"))
    asyncio.create_task(boom())
    await asyncio.sleep(2.5)
    print("main done", len(asyncio.all_tasks()))

asyncio.run(main())
