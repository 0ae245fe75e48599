#!/usr/bin/env python3
"""Pseudo-terminal bridge for the e2e render tests (standard library only).

usage: pty.py COLS ROWS -- COMMAND [ARGS...]

Runs COMMAND as session leader on a new pty of COLS×ROWS. Every read from the pty is
printed to stdout as one JSON line {"t": <ms since spawn>, "d": "<base64>"}; when the
program exits: {"exit": <code or -signal>}. Commands arrive on stdin, one JSON per line:
{"w": "<base64>"} writes to the terminal, {"resize": [cols, rows]} sets the size (the
program gets SIGWINCH), {"kill": <signal number>} signals the program.
"""
import base64, fcntl, json, os, select, signal, struct, subprocess, sys, termios, time


def winsize(fd, cols, rows):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def main():
    cols, rows = int(sys.argv[1]), int(sys.argv[2])
    argv = sys.argv[sys.argv.index("--") + 1:]
    master, slave = os.openpty()
    winsize(slave, cols, rows)
    env = dict(os.environ)
    for k in ("CI", "CONTINUOUS_INTEGRATION"):  # Ink writes nothing until exit under CI
        env.pop(k, None)
    env.setdefault("TERM", "xterm-256color")

    def preexec():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, preexec_fn=preexec, close_fds=True)
    os.close(slave)
    out = sys.stdout
    stdin_fd = sys.stdin.fileno()
    buf = b""
    stdin_open = True
    while True:
        fds = [master] + ([stdin_fd] if stdin_open else [])
        r, _, _ = select.select(fds, [], [], 0.5)
        if master in r:
            try:
                data = os.read(master, 65536)
            except OSError:
                data = b""
            if not data:
                break
            t = (time.perf_counter() - t0) * 1000
            out.write(json.dumps({"t": round(t, 3), "d": base64.b64encode(data).decode()}) + "\n")
            out.flush()
        if stdin_open and stdin_fd in r:
            chunk = os.read(stdin_fd, 65536)
            if not chunk:
                stdin_open = False  # the test went away: stop the program, never leave an orphan
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(2)
                except subprocess.TimeoutExpired:
                    proc.kill()
                continue
            buf += chunk
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                if not line.strip():
                    continue
                cmd = json.loads(line)
                if "w" in cmd:
                    os.write(master, base64.b64decode(cmd["w"]))
                if "resize" in cmd:
                    winsize(master, cmd["resize"][0], cmd["resize"][1])
                if "kill" in cmd and proc.poll() is None:
                    proc.send_signal(int(cmd["kill"]))
        if proc.poll() is not None and master not in r:
            # drain what is left, then report
            try:
                while select.select([master], [], [], 0.05)[0]:
                    data = os.read(master, 65536)
                    if not data:
                        break
                    out.write(json.dumps({"t": round((time.perf_counter() - t0) * 1000, 3), "d": base64.b64encode(data).decode()}) + "\n")
            except OSError:
                pass
            break
    code = proc.wait()
    out.write(json.dumps({"exit": code}) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
