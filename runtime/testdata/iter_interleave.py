# Twin of TestIterInterleaving: without Start, the body of a Go range over
# an async generator runs where the body of an async for runs, between
# the steps of the other tasks.
import asyncio

async def ticker():
    for i in range(4):
        print("bg", i)
        await asyncio.sleep(0)

async def agen():
    t = asyncio.create_task(ticker())
    try:
        for i in range(3):
            await asyncio.sleep(0)
            yield i
        yield "no wait"
        await t
    finally:
        print("agen finally")

async def main():
    async for v in agen():
        print("go got", v)
    print("after range")

asyncio.run(main())
