import asyncio

async def waiter(name, fut):
    print(name, "waits")
    v = await fut
    print(name, "got", v)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback 1", f.result()))
    t1 = asyncio.create_task(waiter("w1", fut))
    t2 = asyncio.create_task(waiter("w2", fut))
    fut.add_done_callback(lambda f: print("callback 2", f.result()))
    await asyncio.sleep(0)
    loop.call_soon(print, "soon 1")
    fut.set_result(42)
    loop.call_soon(print, "soon 2")
    print("main set")
    await t1
    await t2
    print("done")

asyncio.run(main())
