"""Generates random asyncio programs without timers (so that CPython's
output does not depend on timing) and their expected output from CPython.

    python3 gen.py [COUNT]

writes rand_NN.agen and rand_NN.out. The programs mix sleep(0), tasks,
gather, events, a queue, futures, call_soon, cancellation and async
generators: the Go test runs them on the event loop and compares.
"""
import random
import subprocess
import sys


def program(seed):
    r = random.Random(seed)
    nw = r.randint(2, 5)
    nev = r.randint(1, 3)
    lines = [
        "import asyncio",
        "",
        "async def sub(name, n):",
        "    for i in range(n):",
        "        print(name, 'sub', i)",
        "        await asyncio.sleep(0)",
        "    return name",
        "",
        "async def boom(name, n):",
        "    for i in range(n):",
        "        await asyncio.sleep(0)",
        "    print(name, 'raises')",
        "    raise ValueError(name)",
        "",
        "async def agen(name, n):",
        "    try:",
        "        for i in range(n):",
        "            await asyncio.sleep(0)",
        "            yield i",
        "    finally:",
        "        print(name, 'agen finally')",
        "",
    ]
    for w in range(nw):
        lines += [f"async def w{w}(ev, q, fut, tasks, lock, sem):", "    loop = asyncio.get_running_loop()", "    try:"]
        for step in range(r.randint(2, 8)):
            lines.append(f"        print('w{w}', {step})")
            op = r.choice(["sleep", "sleep", "wait", "set", "get", "task", "gather",
                           "cancel", "soon", "fut", "setfut", "agen", "agenbreak", "put",
                           "lock", "sem", "tg", "tgfail", "waitfor", "shield", "timeout0"])
            k = r.randrange(nev)
            if op == "sleep":
                lines.append("        await asyncio.sleep(0)")
            elif op == "wait":
                lines.append(f"        await ev[{k}].wait()")
            elif op == "set":
                lines.append(f"        ev[{k}].set()")
            elif op == "get":
                lines.append(f"        print('w{w} got', await q.get())")
            elif op == "put":
                lines.append(f"        q.put_nowait('w{w}-{step}')")
            elif op == "task":
                lines.append(f"        t = asyncio.create_task(sub('w{w}s{step}', {r.randint(0, 3)}))")
                lines.append(f"        print('w{w} awaited', await t)")
            elif op == "gather":
                lines.append(f"        print('w{w} gathered', await asyncio.gather(sub('w{w}a{step}', {r.randint(0, 3)}), sub('w{w}b{step}', {r.randint(0, 3)})))")
            elif op == "cancel":
                j = r.randrange(nw)
                lines.append(f"        print('w{w} cancels w{j}', tasks[{j}].cancel())")
            elif op == "soon":
                lines.append(f"        loop.call_soon(print, 'soon from w{w} {step}')")
            elif op == "fut":
                lines.append(f"        print('w{w} fut', await fut)")
            elif op == "setfut":
                lines.append("        if not fut.done():")
                lines.append(f"            fut.set_result('w{w}')")
            elif op == "agen":
                lines.append(f"        async for v in agen('w{w}g{step}', {r.randint(0, 3)}):")
                lines.append(f"            print('w{w} item', v)")
            elif op == "lock":
                lines.append("        async with lock:")
                lines.append(f"            print('w{w} locked')")
                lines.append("            await asyncio.sleep(0)")
            elif op == "sem":
                lines.append("        async with sem:")
                lines.append(f"            print('w{w} in sem')")
                lines.append("            await asyncio.sleep(0)")
                lines.append("            await asyncio.sleep(0)")
            elif op == "tg":
                lines.append("        async with asyncio.TaskGroup() as tg:")
                lines.append(f"            tg.create_task(sub('w{w}t{step}', {r.randint(0, 2)}))")
                lines.append(f"            tg.create_task(sub('w{w}u{step}', {r.randint(0, 2)}))")
                lines.append(f"        print('w{w} group done')")
            elif op == "tgfail":
                lines.append("        try:")
                lines.append("            async with asyncio.TaskGroup() as tg:")
                lines.append(f"                tg.create_task(sub('w{w}t{step}', {r.randint(1, 3)}))")
                lines.append(f"                tg.create_task(boom('w{w}x{step}', {r.randint(0, 2)}))")
                lines.append("        except Exception as e:")
                lines.append(f"            print('w{w} group failed', type(e).__name__, [str(x) for x in e.exceptions])")
            elif op == "waitfor":
                lines.append(f"        print('w{w} wait_for', await asyncio.wait_for(sub('w{w}f{step}', {r.randint(0, 2)}), None))")
            elif op == "shield":
                lines.append(f"        print('w{w} shielded', await asyncio.shield(sub('w{w}p{step}', {r.randint(0, 2)})))")
            elif op == "timeout0":
                lines.append("        try:")
                lines.append("            async with asyncio.timeout(0):")
                lines.append(f"                print('w{w} in timeout')")
                lines.append("                await asyncio.sleep(0)")
                lines.append(f"                print('w{w} not reached')")
                lines.append("        except TimeoutError:")
                lines.append(f"            print('w{w} timed out')")
            elif op == "agenbreak":
                lines.append(f"        async for v in agen('w{w}h{step}', 5):")
                lines.append(f"            print('w{w} item', v)")
                lines.append(f"            if v == {r.randint(0, 2)}:")
                lines.append("                break")
        lines += [
            f"        return 'w{w} done'",
            "    except asyncio.CancelledError:",
            f"        print('w{w} cancelled')",
            "        raise",
            "    finally:",
            f"        print('w{w} finally')",
            "",
        ]
    lines += [
        "async def main():",
        f"    ev = [asyncio.Event() for _ in range({nev})]",
        "    q = asyncio.Queue()",
        "    fut = asyncio.get_running_loop().create_future()",
        "    tasks = []",
        "    lock = asyncio.Lock()",
        "    sem = asyncio.Semaphore(2)",
        f"    tasks.extend(asyncio.create_task(w(ev, q, fut, tasks, lock, sem)) for w in ({', '.join(f'w{w}' for w in range(nw))},))",
        f"    for i in range({r.randint(0, 6)}):",
        "        print('main', i)",
        "        await asyncio.sleep(0)",
        "    for e in ev:",
        "        e.set()",
        "    for i in range(50):",
        "        q.put_nowait(i)",
        "    if not fut.done():",
        "        fut.set_result('main')",
        "    res = await asyncio.gather(*tasks, return_exceptions=True)",
        "    print([type(x).__name__ if isinstance(x, BaseException) else x for x in res])",
        "",
        "asyncio.run(main())",
        "",
    ]
    return "\n".join(lines)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    for i in range(count):
        name = f"rand_{i:02d}"
        src = program(i)
        with open(name + ".agen", "w") as f:
            f.write(src)
        out = subprocess.run([sys.executable, name + ".agen"], capture_output=True, text=True, timeout=60)
        if out.returncode != 0 or out.stderr:
            print(name, "fails under CPython:", out.stderr.strip().splitlines()[-1:], file=sys.stderr)
        with open(name + ".out", "w") as f:
            f.write(out.stdout)


main()
