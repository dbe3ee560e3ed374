# Twin of TestInteractive: runs each input as CPython's asyncio REPL
# (python3 -m asyncio) does, in one namespace and one running loop.
import ast, asyncio, sys, traceback, types

INPUTS = [
    "x = 5",
    "x",
    "x * 2",
    "_ + 1",
    "None",
    "for i in range(3): i",
    "async def f():\n    await asyncio.sleep(0)\n    return 'awaited'\n",
    "import asyncio",
    "await f()",
    "_",
    "1/0",
]

async def main():
    ns = {"__name__": "__main__"}
    for src in INPUTS:
        code = compile(src + "\n", "<stdin>", "single", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        try:
            r = types.FunctionType(code, ns)()
            if asyncio.iscoroutine(r):
                await r
        except Exception as e:
            print(traceback.format_exception_only(e)[-1], end="")

asyncio.run(main())
