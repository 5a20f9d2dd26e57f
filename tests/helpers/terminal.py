"""Run the real ``backex routine`` in a pseudo-terminal the way a person's shell would."""

import io
import os
import shlex
import sys

import pexpect


def spawn_routine(args: list[str], scale: str, width: int, timeout: float) -> pexpect.spawn:
    """``backex routine ARGS`` under sh, which then prints the exit code and ``stty -a``.

    The shell traps Ctrl-C (so it survives to report) without ignoring it, so the
    routine still gets the default SIGINT behaviour. Everything read is kept in
    ``child.logfile_read``.
    """
    command = shlex.join([sys.executable, "-m", "backex", "routine", *args])
    env = {**os.environ, "BACKEX_CLOCK_SCALE": scale, "TERM": "xterm-256color"}
    child = pexpect.spawn(
        "/bin/sh",
        ["-c", f'trap : INT; {command}; echo "RC=$?"; stty -a'],
        dimensions=(24, width),
        env=env,
        encoding="utf-8",
        timeout=timeout,
    )
    child.logfile_read = io.StringIO()
    return child


START = "Press space to start"


def press_start(child: pexpect.spawn) -> None:
    """Wait for the start screen (today's plan) and press space: the clock starts."""
    child.expect_exact(START)
    child.send(" ")
