#!/usr/bin/env python3
"""Pseudo-terminal harness for the plexconsole benchmark (standard library only).

`Pty` runs a command on a pseudo-terminal of a fixed size and records every chunk the
program writes with a `time.perf_counter()` timestamp taken when the read returns. A
small VT emulator (`Screen`) replays those bytes so waits can be on what is *on screen*
(not merely somewhere in the byte stream). `bench/run.mjs` calls the scenarios at the
bottom (`python3 bench/ptyharness.py SCENARIO JSON-ARGS`), each printing one JSON object.

Timing conventions (all in milliseconds):
- t0 is taken immediately before the child is spawned (fork+exec).
- A "frame" is one synchronized-output block: Ink wraps every write in `ESC[?2026h`
  ... `ESC[?2026l`; the frame is written when the read carrying `ESC[?2026l` returns.
- "Quiet" means no byte for `quiet_ms` after the last one.
"""
from __future__ import annotations

import codecs
import contextlib
import fcntl
import json
import os
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time

BSU = b"\x1b[?2026h"
ESU = b"\x1b[?2026l"
DOWN = b"\x1b[B"
UP = b"\x1b[A"
PGDN = b"\x1b[6~"
PGUP = b"\x1b[5~"
ESC = b"\x1b"


def now_ms() -> float:
    return time.perf_counter() * 1000.0


def child_env(extra: dict | None = None) -> dict:
    env = dict(os.environ)
    # Ink prints nothing until exit when it thinks it runs in CI (is-in-ci).
    for k in ("CI", "CONTINUOUS_INTEGRATION"):
        env.pop(k, None)
    env["TERM"] = env.get("BENCH_TERM", "xterm-256color")
    env.pop("NO_COLOR", None)
    env.pop("FORCE_COLOR", None)
    if extra:
        for k, v in extra.items():
            if v is None:
                env.pop(k, None)
            else:
                env[k] = str(v)
    return env


# --------------------------------------------------------------------------- screen


class Screen:
    """A minimal VT100/xterm screen: enough of CSI/ESC to follow Ink's output.

    Handles printable text (one cell per code point), CR/LF/BS, CUU/CUD/CUF/CUB/CNL/CPL/CHA/
    CUP/VPA, EL, ED (incl. 2J/3J), IL/DL, SU/SD, DECSTBM, ESC 7/8, IND/RI/NEL, and ignores SGR,
    private modes and OSC/DCS strings. Lines are plain text (no attributes)."""

    def __init__(self, cols: int, rows: int):
        self.cols, self.rows = cols, rows
        self.grid = [[" "] * cols for _ in range(rows)]
        self.x = self.y = 0
        self.top, self.bottom = 0, rows - 1
        self.saved = (0, 0)
        self.pending = ""
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.wrap_next = False
        self.alt = False

    def resize(self, cols: int, rows: int):
        g = [[" "] * cols for _ in range(rows)]
        for r in range(min(rows, self.rows)):
            for c in range(min(cols, self.cols)):
                g[r][c] = self.grid[r][c]
        self.grid, self.cols, self.rows = g, cols, rows
        self.top, self.bottom = 0, rows - 1
        self.x, self.y = min(self.x, cols - 1), min(self.y, rows - 1)

    def text(self) -> str:
        return "\n".join("".join(r).rstrip() for r in self.grid)

    def lines(self) -> list[str]:
        return ["".join(r).rstrip() for r in self.grid]

    def _scroll_up(self, n: int, top: int | None = None):
        top = self.top if top is None else top
        for _ in range(n):
            del self.grid[top]
            self.grid.insert(self.bottom, [" "] * self.cols)

    def _scroll_down(self, n: int, top: int | None = None):
        top = self.top if top is None else top
        for _ in range(n):
            del self.grid[self.bottom]
            self.grid.insert(top, [" "] * self.cols)

    def _lf(self):
        if self.y == self.bottom:
            self._scroll_up(1)
        elif self.y < self.rows - 1:
            self.y += 1

    def feed(self, data: bytes):
        s = self.pending + self.decoder.decode(data)
        self.pending = ""
        i, n = 0, len(s)
        while i < n:
            ch = s[i]
            if ch == "\x1b":
                if i + 1 >= n:
                    self.pending = s[i:]
                    return
                nxt = s[i + 1]
                if nxt == "[":
                    m = re.compile(r"\x1b\[([?>=!]?)([0-9;:]*)([ -/]*)([@-~])").match(s, i)
                    if not m:
                        if len(s) - i < 32:
                            self.pending = s[i:]
                            return
                        i += 2
                        continue
                    self._csi(m.group(1), m.group(2), m.group(4))
                    i = m.end()
                    continue
                if nxt in "]PX^_":
                    # string: ends with BEL or ST
                    end_bel = s.find("\x07", i + 2)
                    end_st = s.find("\x1b\\", i + 2)
                    ends = [e for e in (end_bel, end_st) if e != -1]
                    if not ends:
                        self.pending = s[i:]
                        return
                    e = min(ends)
                    i = e + (1 if e == end_bel else 2)
                    continue
                if nxt == "7":
                    self.saved = (self.x, self.y)
                elif nxt == "8":
                    self.x, self.y = self.saved
                elif nxt == "D":
                    self._lf()
                elif nxt == "E":
                    self.x = 0
                    self._lf()
                elif nxt == "M":
                    if self.y == self.top:
                        self._scroll_down(1)
                    elif self.y > 0:
                        self.y -= 1
                elif nxt == "c":
                    self.__init__(self.cols, self.rows)
                elif nxt in "()*+" and i + 2 < n:
                    i += 3
                    continue
                i += 2
                continue
            if ch == "\r":
                self.x = 0
                self.wrap_next = False
            elif ch == "\n":
                self._lf()
                self.wrap_next = False
            elif ch == "\b":
                self.x = max(0, self.x - 1)
                self.wrap_next = False
            elif ch == "\t":
                self.x = min(self.cols - 1, (self.x // 8 + 1) * 8)
            elif ord(ch) < 0x20 or ch == "\x7f":
                pass
            else:
                if self.wrap_next:
                    self.x = 0
                    self._lf()
                    self.wrap_next = False
                self.grid[self.y][self.x] = ch
                if self.x == self.cols - 1:
                    self.wrap_next = True
                else:
                    self.x += 1
            i += 1

    def _csi(self, priv: str, params: str, final: str):
        ps = [int(p) if p.isdigit() else 0 for p in params.replace(":", ";").split(";")] if params else []
        p1 = ps[0] if ps else 0
        d1 = p1 or 1
        self.wrap_next = False
        if priv == "?":
            if final in "hl" and 1049 in ps:
                if final == "h":
                    self.alt = True
                    self.grid = [[" "] * self.cols for _ in range(self.rows)]
                else:
                    self.alt = False
            return
        if priv:
            return
        if final == "A":
            self.y = max(self.top if self.y >= self.top else 0, self.y - d1)
        elif final == "B":
            self.y = min(self.bottom if self.y <= self.bottom else self.rows - 1, self.y + d1)
        elif final == "C":
            self.x = min(self.cols - 1, self.x + d1)
        elif final == "D":
            self.x = max(0, self.x - d1)
        elif final == "E":
            self.y = min(self.rows - 1, self.y + d1)
            self.x = 0
        elif final == "F":
            self.y = max(0, self.y - d1)
            self.x = 0
        elif final == "G" or final == "`":
            self.x = min(self.cols - 1, d1 - 1)
        elif final == "d":
            self.y = min(self.rows - 1, d1 - 1)
        elif final in "Hf":
            r = (ps[0] if len(ps) > 0 and ps[0] else 1) - 1
            c = (ps[1] if len(ps) > 1 and ps[1] else 1) - 1
            self.y, self.x = min(self.rows - 1, r), min(self.cols - 1, c)
        elif final == "K":
            row = self.grid[self.y]
            if p1 == 0:
                rng = range(self.x, self.cols)
            elif p1 == 1:
                rng = range(0, self.x + 1)
            else:
                rng = range(0, self.cols)
            for c in rng:
                row[c] = " "
        elif final == "J":
            if p1 == 0:
                self._csi("", "0", "K")
                for r in range(self.y + 1, self.rows):
                    self.grid[r] = [" "] * self.cols
            elif p1 == 1:
                for r in range(0, self.y):
                    self.grid[r] = [" "] * self.cols
                self._csi("", "1", "K")
            else:
                self.grid = [[" "] * self.cols for _ in range(self.rows)]
        elif final == "L":
            if self.top <= self.y <= self.bottom:
                self._scroll_down(min(d1, self.bottom - self.y + 1), self.y)
        elif final == "M":
            if self.top <= self.y <= self.bottom:
                self._scroll_up(min(d1, self.bottom - self.y + 1), self.y)
        elif final == "S":
            self._scroll_up(d1)
        elif final == "T":
            self._scroll_down(d1)
        elif final == "r":
            t = (ps[0] if len(ps) > 0 and ps[0] else 1) - 1
            b = (ps[1] if len(ps) > 1 and ps[1] else self.rows) - 1
            if 0 <= t < b < self.rows:
                self.top, self.bottom = t, b
                self.x, self.y = 0, 0
        elif final == "P":
            row = self.grid[self.y]
            del row[self.x:self.x + d1]
            row.extend([" "] * (self.cols - len(row)))
        elif final == "@":
            row = self.grid[self.y]
            for _ in range(d1):
                row.insert(self.x, " ")
            del row[self.cols:]
        elif final == "X":
            for c in range(self.x, min(self.cols, self.x + d1)):
                self.grid[self.y][c] = " "
        # m (SGR), n (DSR), t, q, etc.: no effect on the text


# --------------------------------------------------------------------------- pty


def set_winsize(fd: int, cols: int, rows: int):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


_LIVE: list = []


def _kill_leftovers():
    # Never leave a console behind (it may not exit on the hang-up of a closed pty).
    for p in _LIVE:
        if p.proc.poll() is None:
            p.proc.kill()


import atexit  # noqa: E402

atexit.register(_kill_leftovers)


class Pty:
    def __init__(self, argv: list[str], cols: int = 120, rows: int = 40, env: dict | None = None, cwd: str | None = None):
        self.cols, self.rows = cols, rows
        master, slave = os.openpty()
        set_winsize(slave, cols, rows)
        self.master = master
        self.chunks: list[tuple[float, bytes]] = []
        self.cond = threading.Condition()
        self.closed = False
        self.screen = Screen(cols, rows)
        self.screen_upto = 0  # index in chunks already fed to screen

        def preexec():
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.t0 = now_ms()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd,
                                     preexec_fn=preexec, close_fds=True)
        os.close(slave)
        _LIVE.append(self)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    @property
    def pid(self) -> int:
        return self.proc.pid

    def _read(self):
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                data = b""
            t = now_ms()
            with self.cond:
                if not data:
                    self.closed = True
                    self.cond.notify_all()
                    return
                self.chunks.append((t, data))
                self.cond.notify_all()

    # -- output access
    def count(self) -> int:
        with self.cond:
            return len(self.chunks)

    def since(self, idx: int) -> list[tuple[float, bytes]]:
        with self.cond:
            return list(self.chunks[idx:])

    def bytes_since(self, idx: int) -> bytes:
        return b"".join(d for _, d in self.since(idx))

    def sync_screen(self) -> Screen:
        with self.cond:
            new = self.chunks[self.screen_upto:]
            self.screen_upto = len(self.chunks)
        for _, d in new:
            self.screen.feed(d)
        return self.screen

    def wait_screen(self, pred, timeout_ms: float = 30000) -> float | None:
        """Waits until pred(screen text) holds; returns the timestamp of the chunk that made it true."""
        end = now_ms() + timeout_ms
        while True:
            with self.cond:
                start = self.screen_upto
                new = self.chunks[start:]
                closed = self.closed
            for k, (t, d) in enumerate(new):
                self.screen.feed(d)
                self.screen_upto = start + k + 1  # chunks after a match are fed on the next call
                if pred(self.screen.text()):
                    return t
            if not new and pred(self.screen.text()):
                return now_ms()
            if closed:
                return None
            left = end - now_ms()
            if left <= 0:
                return None
            with self.cond:
                if len(self.chunks) == self.screen_upto and not self.closed:
                    self.cond.wait(min(left, 200) / 1000.0)

    def wait_quiet(self, quiet_ms: float = 150, timeout_ms: float = 30000, since: float | None = None) -> float:
        """Waits until no byte arrived for quiet_ms; returns the time of the last byte (or `since`)."""
        end = now_ms() + timeout_ms
        while True:
            with self.cond:
                last = self.chunks[-1][0] if self.chunks else self.t0
                if since is not None:
                    last = max(last, since)
                t = now_ms()
                if t - last >= quiet_ms or self.closed or t > end:
                    return last
                self.cond.wait((quiet_ms - (t - last)) / 1000.0 + 0.002)

    def wait_bytes(self, idx: int, pattern: bytes, timeout_ms: float = 5000) -> float | None:
        """Timestamp of the first chunk from idx on after which the joined bytes contain pattern."""
        end = now_ms() + timeout_ms
        seen = b""
        i = idx
        while True:
            with self.cond:
                new = self.chunks[i:]
                i = len(self.chunks)
                closed = self.closed
            for t, d in new:
                seen += d
                if pattern in seen[-(len(d) + len(pattern)):]:
                    return t
            if closed or now_ms() > end:
                return None
            with self.cond:
                if len(self.chunks) == i and not self.closed:
                    self.cond.wait(0.05)

    # -- input
    def write(self, data: bytes) -> float:
        t = now_ms()
        os.write(self.master, data)
        return t

    def resize(self, cols: int, rows: int) -> float:
        self.sync_screen()
        self.cols, self.rows = cols, rows
        set_winsize(self.master, cols, rows)  # the kernel sends SIGWINCH to the foreground group
        self.screen.resize(cols, rows)
        return now_ms()

    # -- process
    def rss_kb(self) -> dict:
        return rss_tree_kb(self.proc.pid)

    def close(self, quit_keys: bytes | None = b"q", timeout_s: float = 5.0) -> int | None:
        if self.proc.poll() is None and quit_keys:
            try:
                self.write(quit_keys)
            except OSError:
                pass
            try:
                self.proc.wait(timeout_s)
            except subprocess.TimeoutExpired:
                pass
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(3)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        try:
            os.close(self.master)
        except OSError:
            pass
        return self.proc.returncode


def proc_status(pid: int) -> dict:
    out = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                k, _, v = line.partition(":")
                out[k] = v.strip()
    except OSError:
        pass
    return out


def children(pid: int) -> list[int]:
    kids = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                kids += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return kids


def rss_tree_kb(pid: int) -> dict:
    def kb(s: str | None) -> int:
        return int(s.split()[0]) if s else 0
    st = proc_status(pid)
    main, hwm = kb(st.get("VmRSS")), kb(st.get("VmHWM"))
    tree, stack, procs = 0, [pid], 0
    while stack:
        p = stack.pop()
        tree += kb(proc_status(p).get("VmRSS"))
        procs += 1
        stack += children(p)
    return {"rss_kb": main, "hwm_kb": hwm, "tree_rss_kb": tree, "procs": procs}


# --------------------------------------------------------------------------- output analysis

CSI_RE = re.compile(rb"\x1b\[[?>=!]?[0-9;:]*[ -/]*[@-~]|\x1b[\]P^_X].*?(?:\x07|\x1b\\)|\x1b[^\[\]P^_X]", re.S)


def strip_ansi(b: bytes) -> str:
    return CSI_RE.sub(b"", b).decode("utf-8", "replace")


def analyse_write(b: bytes) -> dict:
    """What an update did: full clears, erased lines, rewritten lines, cursor-skips, scroll ops."""
    return {
        "bytes": len(b),
        "clear_screen": b.count(b"\x1b[2J"),  # ED 2 (Ink's clearTerminal)
        "erase_lines": b.count(b"\x1b[2K"),  # EL 2 (Ink's eraseLines, one per line)
        "line_writes": b.count(b"\x1b[K"),  # EL 0 after a rewritten line (incremental writer)
        "skips": len(re.findall(rb"\x1b\[1?E", b)),  # CNL: unchanged line skipped
        "scroll_ops": len(re.findall(rb"\x1b\[\d*[LMST]|\x1b\[\d*;\d*r", b)),
        "frames": b.count(ESU),
    }


def pctl(xs: list[float], p: float) -> float | None:
    if not xs:
        return None
    s = sorted(xs)
    k = (len(s) - 1) * p
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


# --------------------------------------------------------------------------- console helpers

ROW_RE = re.compile(r"^[> ] [0-9a-f]{8}", re.M)  # a roster row: marker + token id
LOADING_RE = re.compile(r"loading [0-9,]+", re.I)


def header_visible(text: str) -> bool:
    return "plexconsole · " in text.split("\n", 1)[0]


def count_rows(text: str) -> int:
    return len(ROW_RE.findall(text))


def binary_argv(a: dict) -> list[str]:
    """How to start the binary: `node [flags] bundle`, or the single executable itself (`direct`)."""
    return [a["binary"]] if a.get("direct") else [a.get("node", "node"), *a.get("node_flags", []), a["binary"]]


def console_argv(a: dict) -> list[str]:
    if a.get("args") is not None:  # another program on the console's path (a bench floor)
        return [*binary_argv(a), *a["args"]]
    argv = [*binary_argv(a), "--server", a["server"], "--token-file", a["token_file"]]
    if a.get("project"):
        argv += ["--project", a["project"]]
    return argv


def loaded(text: str, row_re=ROW_RE) -> bool:
    """All pages loaded: rows on screen and no 'loading n/…' progress any more."""
    return bool(row_re.search(text)) and not LOADING_RE.search(text)


def settle(p: Pty, a: dict, timeout_ms: float = 60000) -> dict:
    t_header = p.wait_screen(header_visible, timeout_ms)
    t_row = p.wait_screen(lambda s: bool(ROW_RE.search(s)), timeout_ms)
    t_loaded = p.wait_screen(loaded, timeout_ms)
    t_quiet = p.wait_quiet(a.get("quiet_ms", 300), timeout_ms)
    return {"header": t_header, "row": t_row, "loaded": t_loaded, "quiet": t_quiet}


def press(p: Pty, key: bytes, quiet_ms: float = 150, timeout_ms: float = 3000) -> dict:
    """Sends key, returns bytes until quiet_ms of silence and the timings of the frame."""
    idx = p.count()
    t_w = p.write(key)
    t_esu = p.wait_bytes(idx, ESU, timeout_ms)
    last = p.wait_quiet(quiet_ms, timeout_ms, since=t_w)
    got = p.since(idx)
    data = b"".join(d for _, d in got)
    return {
        "t_write": t_w,
        "first_ms": (got[0][0] - t_w) if got else None,
        "frame_ms": (t_esu - t_w) if t_esu is not None else None,
        "last_ms": (last - t_w) if got else None,
        "data": data,
        **analyse_write(data),
    }


@contextlib.contextmanager
def console(a: dict):
    """The console under test on a fresh pty, quit (then killed if need be) on the way out."""
    p = Pty(console_argv(a), a["cols"], a["rows"], env=child_env(a.get("env")))
    try:
        yield p
    finally:
        p.close()


def not_loaded(p: Pty) -> dict:
    return {"error": "did not load", "screen": p.sync_screen().text()}


# --------------------------------------------------------------------------- scenarios


def sc_node0(a: dict) -> dict:
    """Spawn → exit of `node -e 0` on the same kind of pty."""
    p = Pty([a.get("node", "node"), "-e", "0"], a["cols"], a["rows"], env=child_env())
    p.proc.wait()
    t_exit = now_ms()
    p.close(None)
    return {"exit_ms": t_exit - p.t0}


def sc_exit(a: dict) -> dict:
    """Spawn → exit of the binary with `args` (a headless path: --version, --help, a verb) on the same kind of pty."""
    p = Pty([*binary_argv(a), *a.get("args", [])], a["cols"], a["rows"], env=child_env(a.get("env")))
    code = p.proc.wait()
    t_exit = now_ms()
    p.wait_quiet(20, 2000)
    out = strip_ansi(p.bytes_since(0))
    p.close(None)
    return {"exit_ms": t_exit - p.t0, "code": code, "output_tail": out[-300:] if code else None}


def sc_startup(a: dict) -> dict:
    """Spawn → first frame showing the header; plus first data row (Projects list) and RSS then."""
    with console(a) as p:
        t_h = p.wait_screen(header_visible, 20000)
        t_frame = p.wait_bytes(0, ESU, 20000)
        t_row = p.wait_screen(lambda s: bool(re.search(a.get("row_pattern", "demo|edge-prod|scale-"), s.split("\n", 1)[1] if "\n" in s else "")), 20000)
        p.wait_quiet(200, 10000)
        rss = p.rss_kb()
        return {
            "header_ms": None if t_h is None else t_h - p.t0,
            "first_frame_ms": None if t_frame is None else t_frame - p.t0,
            "first_data_ms": None if t_row is None else t_row - p.t0,
            "first_frame_bytes": len(p.bytes_since(0)),
            **rss,
            "screen": p.screen.text() if a.get("want_screen") else None,
        }


def sc_keys(a: dict) -> dict:
    """Bytes per ↓ inside the window, per ↓ that scrolls, and a full redraw after a resize."""
    with console(a) as p:
        quiet = a.get("quiet_ms", 150)
        st = settle(p, a)
        if st["loaded"] is None:
            return not_loaded(p)
        text = p.sync_screen().text()
        window = count_rows(text)
        moves = a.get("presses", 20)
        # presses 1..window-1 move inside the window, the next ones scroll (selection starts on row 0)
        pos = 0
        samples = []
        total = window - 1 + a.get("scroll_presses", 20)
        for i in range(total):
            r = press(p, DOWN, quiet)
            pos += 1
            kind = "inside" if pos <= window - 1 else "scroll"
            if not a.get("keep_data"):
                r.pop("data")
            r["kind"] = kind
            samples.append(r)
        inside = [s for s in samples if s["kind"] == "inside"][-moves:]
        scroll = [s for s in samples if s["kind"] == "scroll"]
        screen_after_presses = p.sync_screen().text()
        # full redraw: narrow by one column (Ink erases and rewrites everything when the width shrinks)
        idx = p.count()
        t_r = p.resize(a["cols"] - 1, a["rows"])
        p.wait_quiet(max(quiet, 300), 5000, since=t_r)
        shrink = p.bytes_since(idx)
        idx = p.count()
        t_r = p.resize(a["cols"], a["rows"])
        p.wait_quiet(max(quiet, 300), 5000, since=t_r)
        grow = p.bytes_since(idx)
        final_screen = p.sync_screen().text()
        # The complete frame Ink writes after the shrink (it erased everything first): the
        # largest synchronized-output block, BSU…ESU inclusive, without the erase before it.
        blocks = [BSU + blk.split(ESU)[0] + ESU for blk in shrink.split(BSU)[1:] if ESU in blk]
        return {
            "window_rows": window,
            "inside": inside,
            "scroll": scroll,
            "full_frame": max((len(b) for b in blocks), default=None),
            "full_shrink": analyse_write(shrink),
            "full_grow": analyse_write(grow),
            "settle_bytes": sum(len(d) for _, d in p.chunks[:0]) or None,
            "screen": final_screen if a.get("want_screen") else None,
            "screen_after_presses": screen_after_presses if a.get("want_screen") else None,
        }


TIME_CELL_RE = re.compile(r"\b(in \d+[smhd]|\d+[smhd] ago|just now|live|expired)\b|[\d,]+")


def shown_tick(before: str, after: str) -> bool:
    """True when a row differs only in clock-driven cells: relative times, live→expired, counts."""
    return TIME_CELL_RE.sub("~", before).split() == TIME_CELL_RE.sub("~", after).split()


def sc_idle(a: dict) -> dict:
    """Bytes written over `seconds` once everything is loaded and the screen is quiet."""
    with console(a) as p:
        if a.get("project"):
            st = settle(p, a)
            if st["loaded"] is None:
                return not_loaded(p)
        else:  # the Projects screen
            if p.wait_screen(lambda s: header_visible(s) and a.get("ready_text", "scale-100k") in s, 30000) is None:
                return {"error": "Projects did not show", "screen": p.sync_screen().text()}
        p.wait_quiet(1000, 10000)
        before = p.sync_screen().lines()
        idx = p.count()
        t_start = time.time()
        time.sleep(a.get("seconds", 10))
        t_end = time.time()
        got = p.since(idx)
        after = p.sync_screen().lines()
        changed = [{"row": i, "before": b, "after": c, "clock": shown_tick(b, c)} for i, (b, c) in enumerate(zip(before, after)) if b != c]
        # A shown clock tick: a wall-clock minute boundary fell inside the window (relative times),
        # or a token expired (STATE and the counts line); either way only clock-driven cells changed.
        minute_crossed = int(t_start // 60) != int(t_end // 60)
        return {
            "screen_name": "tokens" if a.get("project") else "projects",
            "seconds": t_end - t_start,
            "bytes": sum(len(d) for _, d in got),
            "writes": len(got),
            "frames": sum(d.count(ESU) for _, d in got),
            "minute_boundary_crossed": minute_crossed,
            "only_clock_cells_changed": all(c["clock"] for c in changed),
            "changed_rows": changed[:8],
            "changed_row_count": len(changed),
        }


def sc_scale(a: dict) -> dict:
    """Open a big Project's roster: first row, all loaded, RSS, keypress→frame latency."""
    with console(a) as p:
        quiet = a.get("press_quiet_ms", 40)
        t_h = p.wait_screen(header_visible, 20000)
        t_row = p.wait_screen(lambda s: bool(ROW_RE.search(s)), 30000)
        # progress must be visible while pages load
        progress_seen = bool(LOADING_RE.search(p.sync_screen().text()))
        during = []
        # ↓ while loading: the screen must stay usable
        n_during = a.get("presses_during_load", 10)
        for _ in range(n_during):
            if loaded(p.sync_screen().text()):
                break
            r = press(p, DOWN, quiet, 5000)
            r.pop("data")
            during.append(r)
            progress_seen = progress_seen or bool(LOADING_RE.search(p.sync_screen().text()))
        t_loaded = p.wait_screen(loaded, a.get("load_timeout_ms", 120000))
        if t_loaded is None:
            return {"error": f"not loaded (exit code {p.proc.poll()})", "screen": p.sync_screen().text()}
        p.wait_quiet(300, 10000)
        rss = p.rss_kb()
        text = p.sync_screen().text()
        lat = []
        for i in range(a.get("presses", 200)):
            r = press(p, UP if (i // 50) % 2 else DOWN, quiet, 3000)
            r.pop("data")
            lat.append(r)
        rss_after = p.rss_kb()
        frame = [r["frame_ms"] for r in lat if r["frame_ms"] is not None]
        last = [r["last_ms"] for r in lat if r["last_ms"] is not None]
        first = [r["first_ms"] for r in lat if r["first_ms"] is not None]
        dframe = [r["frame_ms"] for r in during if r["frame_ms"] is not None]
        return {
            "header_ms": None if t_h is None else t_h - p.t0,
            "first_row_ms": None if t_row is None else t_row - p.t0,
            "first_row_after_open_ms": None if (t_row is None or t_h is None) else t_row - t_h,
            "loaded_ms": None if t_loaded is None else t_loaded - p.t0,
            "loaded_after_open_ms": None if (t_loaded is None or t_h is None) else t_loaded - t_h,
            "progress_seen": progress_seen,
            **rss,
            "rss_after_presses_kb": rss_after["rss_kb"],
            "presses": len(lat),
            "missing_frames": len(lat) - len(frame),
            "frame_p50_ms": pctl(frame, 0.5),
            "frame_p95_ms": pctl(frame, 0.95),
            "frame_max_ms": max(frame) if frame else None,
            "first_byte_p95_ms": pctl(first, 0.95),
            "last_byte_p95_ms": pctl(last, 0.95),
            "during_load_presses": len(during),
            "during_load_frame_p50_ms": pctl(dframe, 0.5),
            "during_load_frame_max_ms": max(dframe) if dframe else None,
            # Each press while loading: [ms since spawn, key → frame ms], to line the slow ones up with a profile.
            "during_load_timeline": [[round(r["t_write"] - p.t0, 1), None if r["frame_ms"] is None else round(r["frame_ms"], 1)] for r in during],
            "status_line": next((l for l in text.split("\n") if LOADING_RE.search(l) or re.search(r"\b(tokens?|live \d)", l)), None),
            "screen": text if a.get("want_screen") else None,
        }


class Link:
    """An SSH link as the operator's terminal sees it: `kbit` kbit/s down, `latency_ms` round
    trip (half each way). Output read from the pty at time t leaves the far end when the link
    is free, takes bytes×8/kbit ms to serialise, and arrives latency/2 later; a key reaches the
    pty latency/2 after the operator pressed it. The model is applied to every read as it
    happens (timestamps from the harness's reader thread), which is what a throttle on the
    pty read delivers, without making the console wait on a real socket buffer."""

    def __init__(self, kbit: float, latency_ms: float):
        self.bytes_per_ms = kbit * 1000 / 8 / 1000
        self.half = latency_ms / 2
        self.free = 0.0

    def deliver(self, t_read: float, n: int) -> float:
        depart = max(t_read, self.free)
        self.free = depart + n / self.bytes_per_ms
        return self.free + self.half

    def idle_at(self) -> float:
        return self.free + self.half


def sc_sshlink(a: dict) -> dict:
    """Key → screen settled over a throttled link: ↓ inside the window, ↓ that scrolls,
    Enter on a token (the detail screen), a resize (120 → 119 columns)."""
    link = Link(a.get("kbit", 64), a.get("latency_ms", 150))
    with console(a) as p:
        st = settle(p, a)
        if st["loaded"] is None:
            return not_loaded(p)
        # Everything written so far crosses the link before the first measured key.
        for t, d in p.since(0):
            link.deliver(t, len(d))
        window = count_rows(p.sync_screen().text())

        def act(kind: str, do) -> dict:
            # Wait until the link is idle (the screen the operator sees is current).
            while now_ms() < link.idle_at() + 20:
                time.sleep(max(0.0, (link.idle_at() + 20 - now_ms()) / 1000))
            idx = p.count()
            t_press = now_ms()  # the operator presses the key …
            time.sleep(link.half / 1000)  # … it reaches the pty half a round trip later
            do()
            p.wait_quiet(a.get("quiet_ms", 250), 10000, since=now_ms())
            got = p.since(idx)
            arrive = [link.deliver(t, len(d)) for t, d in got]
            data = b"".join(d for _, d in got)
            return {"kind": kind, "settled_ms": (arrive[-1] - t_press) if arrive else None, "bytes": len(data),
                    "local_ms": (got[-1][0] - t_press - link.half) if got else None}

        samples = []
        n = a.get("presses", 5)
        for _ in range(n):
            samples.append(act("down_inside", lambda: p.write(DOWN)))
        # move to the window's last row (not measured, but its output still crosses the link)
        idx = p.count()
        for _ in range(max(0, window - 1 - n)):
            p.write(DOWN)
            p.wait_quiet(60, 3000)
        for t, d in p.since(idx):
            link.deliver(t, len(d))
        for _ in range(n):
            samples.append(act("down_scroll", lambda: p.write(DOWN)))
        for _ in range(a.get("enters", 3)):
            samples.append(act("enter_token", lambda: p.write(b"\r")))
            samples.append(act("back", lambda: p.write(ESC)))
        for i in range(a.get("resizes", 2)):
            cols = a["cols"] - 1 if i % 2 == 0 else a["cols"]
            samples.append(act("resize", lambda c=cols: p.resize(c, a["rows"])))
        return {"window_rows": window, "samples": samples, "kbit": a.get("kbit", 64), "latency_ms": a.get("latency_ms", 150)}


SCENARIOS = {"node0": sc_node0, "exit": sc_exit, "startup": sc_startup, "keys": sc_keys, "idle": sc_idle, "scale": sc_scale, "sshlink": sc_sshlink}

if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in SCENARIOS:
        print(f"usage: ptyharness.py {{{'|'.join(SCENARIOS)}}} JSON-ARGS", file=sys.stderr)
        sys.exit(2)
    args = json.loads(sys.argv[2])
    args.setdefault("cols", 120)
    args.setdefault("rows", 40)
    print(json.dumps(SCENARIOS[sys.argv[1]](args)))
