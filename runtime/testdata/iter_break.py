# Twin of TestIterAsyncBreak: Go pulls items with a range loop and breaks at 20.
import asyncio

async def agen(n):
    try:
        for i in range(n):
            await asyncio.sleep(1)
            yield i * 10
    finally:
        print("agen finally")

async def main():
    g = agen(5)
    async for v in g:
        print("go got", v)
        if v == 20:
            break
    await g.aclose()
    print("after range")

asyncio.run(main())
