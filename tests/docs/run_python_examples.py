"""Runs every ```python block of the given Markdown files, in the current folder.

Documentation examples are tests: a block that raises fails the run. The blocks expect the
default scenario's trace at out/baoshan_carbon_zero_park.h5 (the CMake test makes it).
"""
import pathlib
import re
import sys

blocks = 0
for markdown in sys.argv[1:]:
    text = pathlib.Path(markdown).read_text(encoding="utf-8")
    for code in re.findall(r"```python\n(.*?)```", text, flags=re.S):
        blocks += 1
        print(f"--- {markdown}: example {blocks}")
        exec(compile(code, f"{markdown} (example {blocks})", "exec"), {"__name__": "__example__"})
if blocks == 0:
    sys.exit("no python examples found")
print(f"{blocks} examples ran")
