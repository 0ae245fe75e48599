#!/usr/bin/env python3
"""Build step (scripts/build.mjs): runs the built console once on a pseudo-terminal so the
V8 code cache of the console and sandbox pieces holds what a first frame and a few keys
compile, not only the pieces' top level. Standard library only; skipped without python3.

    python3 scripts/code-cache-console.py NODE ENTRY
"""
import os
import pty
import select
import sys
import time


def main() -> int:
    node, entry = sys.argv[1], sys.argv[2]
    env = dict(os.environ, TERM="xterm-256color", PLEXCONSOLE_WRITE_CODE_CACHE="1", COLUMNS="120", LINES="40")
    for k in ("CI", "CONTINUOUS_INTEGRATION", "NO_COLOR"):
        env.pop(k, None)
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(node, [node, entry, "--demo"], env)
    seen = b""

    def read_until(pred, timeout):
        nonlocal seen
        end = time.time() + timeout
        while time.time() < end:
            r, _, _ = select.select([fd], [], [], 0.1)
            if r:
                try:
                    seen += os.read(fd, 65536)
                except OSError:
                    return False
            if pred(seen):
                return True
        return False

    ok = read_until(lambda s: b"edge-prod" in s, 60)
    # Open a Project's tokens, move, open a token, go back: the paths an operator takes first.
    for key in (b"\r", b"\x1b[B", b"\x1b[B", b"\r", b"\x1b", b"\x1b", b"q"):
        os.write(fd, key)
        read_until(lambda s: False, 0.4)
    read_until(lambda s: False, 1)
    _, status = os.waitpid(pid, 0)
    return 0 if ok and os.waitstatus_to_exitcode(status) == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
