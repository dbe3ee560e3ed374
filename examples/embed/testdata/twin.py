# The twin of TestProcess in CPython: the same rules.agen, with a host
# module written in Python, printing the batches as main.go does.
import asyncio, sys, types

teams = {"ada": "payments", "grace": "compilers", "linus": "kernel"}

async def lines():
    for line in open(sys.argv[1]).read().splitlines():
        yield line

async def team(user):
    await asyncio.sleep(0.001)
    return teams.get(user, "unknown")

host = types.ModuleType("host")
host.lines, host.team = lines, team
sys.modules["host"] = host

rules = {}
exec(open(sys.argv[2]).read(), rules)

async def main():
    n = 0
    async for batch in rules["pipeline"](2):
        n += 1
        print(f"batch {n}:")
        for r in batch:
            print(f"  {r['time']} {r['level']:<5} {r['user']} ({r['team']}): {r['msg']}")

asyncio.run(main())
