"""Generates random asyncio programs driven by timers and their expected
output from CPython:

    python3 gen.py [COUNT]

writes timers_NN.agen and timers_NN.out. Every timer deadline is a
distinct multiple of 40 ms, and no task loops on sleep(0) while timers
are pending, so CPython's output does not depend on how fast it runs;
the Go test runs them on the virtual clock.
"""
import random
import subprocess
import sys

SLOT = 0.04


def program(seed):
    r = random.Random(seed)
    nw = r.randint(2, 4)
    slots = list(range(1, 8 * nw + 1))
    r.shuffle(slots)
    lines = [
        "import asyncio",
        "",
        "async def until(t0, slot):",
        "    loop = asyncio.get_running_loop()",
        f"    await asyncio.sleep(t0 + slot * {SLOT} - loop.time())",
        "",
    ]
    for w in range(nw):
        mine = sorted(slots[w * 8:(w + 1) * 8][:r.randint(1, 8)])
        lines += [f"async def w{w}(t0, ev, q, tasks):", "    try:"]
        for i, s in enumerate(mine):
            lines.append(f"        print('w{w} step {i}')")
            op = r.choice(["sleep", "sleep", "sleep", "set", "wait", "put", "get", "child", "cancel", "waitfor"])
            if op == "sleep":
                lines.append(f"        await until(t0, {s})")
            elif op == "set":
                lines.append(f"        ev.set()")
                lines.append(f"        await until(t0, {s})")
            elif op == "wait":
                lines.append(f"        await ev.wait()")
                lines.append(f"        print('w{w} saw event')")
            elif op == "put":
                lines.append(f"        q.put_nowait({s})")
            elif op == "get":
                lines.append(f"        print('w{w} got', await q.get())")
            elif op == "child":
                lines.append(f"        c = asyncio.create_task(until(t0, {s}))")
                lines.append(f"        print('w{w} child', await c)")
            elif op == "cancel":
                j = r.randrange(nw)
                lines.append(f"        print('w{w} cancels w{j}', tasks[{j}].cancel())")
            elif op == "waitfor":
                lines.append("        try:")
                lines.append(f"            await asyncio.wait_for(until(t0, {s + r.choice([0, 100])}), {s * SLOT + SLOT / 2} - (asyncio.get_running_loop().time() - t0))")
                lines.append(f"            print('w{w} in time')")
                lines.append("        except TimeoutError:")
                lines.append(f"            print('w{w} timed out')")
        lines += [
            f"        return 'w{w} done'",
            "    except asyncio.CancelledError:",
            f"        print('w{w} cancelled')",
            "        raise",
            "",
        ]
    end = 8 * nw + 2
    lines += [
        "async def main():",
        "    loop = asyncio.get_running_loop()",
        "    t0 = loop.time()",
        "    ev = asyncio.Event()",
        "    q = asyncio.Queue()",
        "    tasks = []",
        f"    tasks.extend(asyncio.create_task(w(t0, ev, q, tasks)) for w in ({', '.join(f'w{w}' for w in range(nw))},))",
        f"    await until(t0, {end})",
        "    ev.set()",
        "    for i in range(20):",
        "        q.put_nowait(-i)",
        "    res = await asyncio.gather(*tasks, return_exceptions=True)",
        "    print([type(x).__name__ if isinstance(x, BaseException) else x for x in res])",
        "",
        "asyncio.run(main())",
        "",
    ]
    return "\n".join(lines)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    for i in range(count):
        name = f"timers_{i:02d}"
        with open(name + ".agen", "w") as f:
            f.write(program(i))
        out = subprocess.run([sys.executable, name + ".agen"], capture_output=True, text=True, timeout=60)
        if out.returncode != 0 or out.stderr:
            print(name, "fails under CPython:", out.stderr.strip().splitlines()[-1:], file=sys.stderr)
        with open(name + ".out", "w") as f:
            f.write(out.stdout)


main()
