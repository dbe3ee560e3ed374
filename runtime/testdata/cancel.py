# Twin of TestCancelExec: the context is cancelled while the tasks sleep.
import asyncio

async def worker(name):
    try:
        await asyncio.sleep(10)
    finally:
        print("finally", name)

async def main():
    t = asyncio.create_task(worker("child"))
    try:
        await asyncio.sleep(10)
    finally:
        print("finally main")

async def run():
    m = asyncio.create_task(main())
    await asyncio.sleep(0.1)
    m.cancel()
    for t in asyncio.all_tasks():
        if t is not asyncio.current_task():
            t.cancel()
    try:
        await m
    except asyncio.CancelledError:
        print("cancelled")

asyncio.run(run())
