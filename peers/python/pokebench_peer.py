"""The pokebench peer protocol, shared by the Python peers (see peers/README.md).

A peer reads its input from the environment, fetches GET {URL}/api/v2/pokemon/{id}
for i = 1..N, and prints one JSON line as the last line of stdout. This module
holds everything but the fan-out itself, so each peer file shows only its client.
"""
import json
import os
import resource
import sys
import time

import httpx

PROTOCOL = "pokebench-peer/1"
SPECIES = 1025
MAX_ERROR_MESSAGES = 10


class Config:
    """The peer's input, read from POKEBENCH_* environment variables."""

    def __init__(self, env=os.environ):
        self.url = _required(env, "POKEBENCH_URL").rstrip("/")
        self.n = _int(env, "POKEBENCH_N", None, minimum=0)
        self.timeout_s = _int(env, "POKEBENCH_TIMEOUT_MS", 30000, minimum=1) / 1000
        pool = env.get("POKEBENCH_POOL", "")
        # None: the client's own default; "unlimited": no limit; else a size.
        self.pool = None if pool == "" else pool if pool == "unlimited" else _int(env, "POKEBENCH_POOL", None, minimum=1)
        self.workers = _int(env, "POKEBENCH_WORKERS", 0, minimum=1) or None

    def urls(self):
        """The N request URLs in input order; ids wrap after the last species."""
        return [f"{self.url}/api/v2/pokemon/{(i - 1) % SPECIES + 1}" for i in range(1, self.n + 1)]


def _required(env, name):
    value = env.get(name)
    if not value:
        fail(f"{name} is required (see peers/README.md).")
    return value


def _int(env, name, default, minimum):
    raw = env.get(name)
    if raw is None or raw == "":
        if default is None:
            fail(f"{name} is required (see peers/README.md).")
        return default
    if not raw.isdigit() or int(raw) < minimum:
        fail(f"{name} must be a whole number >= {minimum}, got {raw!r}.")
    return int(raw)


def fail(message):
    """Bad input: say why on stderr and exit 2, printing no report."""
    print(f"pokebench peer: {message}", file=sys.stderr)
    sys.exit(2)


def outcome_of(response):
    """Classifies a complete response: ('ok' | 'http-error' | 'network-error', delay_ms, error)."""
    delay_ms = _number(response.headers.get("x-mock-delay-ms"))
    if not 200 <= response.status_code < 300:
        return ("http-error", delay_ms, f"HTTP {response.status_code}")
    try:
        response.json()  # the blog parsed every body; so does every peer
    except ValueError as error:
        return ("network-error", delay_ms, f"invalid JSON: {type(error).__name__}")
    return ("ok", delay_ms, None)


def _number(header):
    try:
        return float(header) if header is not None else None
    except ValueError:
        return None


def fetch(client, url):
    """One GET with a synchronous httpx.Client, ended as exactly one outcome whatever happens."""
    try:
        return outcome_of(client.get(url))
    except Exception as error:  # every request ends as exactly one outcome
        return outcome_of_error(error)


def outcome_of_error(error):
    """Classifies an exception raised instead of a response."""
    if isinstance(error, httpx.TimeoutException):
        return ("timeout", None, type(error).__name__)
    # The message up to any "(received 3117 bytes...)", so errors group across requests.
    message = str(error).split(" (")[0][:80]
    return ("network-error", None, f"{type(error).__name__}: {message}")


def run_queue_waits():
    """Each thread's run-queue wait so far, ns, by thread id: the time it was
    ready to run and waited for a CPU (Linux's /proc/self/task/*/schedstat).
    None where the kernel does not tell."""
    try:
        waits = {}
        for tid in os.listdir("/proc/self/task"):
            try:
                with open(f"/proc/self/task/{tid}/schedstat") as f:
                    waits[tid] = int(f.read().split()[1])
            except (OSError, IndexError, ValueError):
                pass  # a thread that ended meanwhile
        return waits
    except OSError:
        return None


class Window:
    """Wall and CPU time from just before the first request to the last outcome,
    and the threads' run-queue wait over the same window."""

    def __enter__(self):
        self._usage = resource.getrusage(resource.RUSAGE_SELF)
        self._waits = run_queue_waits()
        self._start = time.perf_counter()
        self.start = self._start
        return self

    def __exit__(self, *exc):
        self.wall_ms = (time.perf_counter() - self._start) * 1000
        usage = resource.getrusage(resource.RUSAGE_SELF)
        waits = run_queue_waits()
        self.cpu_ms = {
            "user": round((usage.ru_utime - self._usage.ru_utime) * 1000, 3),
            "system": round((usage.ru_stime - self._usage.ru_stime) * 1000, 3),
        }
        # Threads started inside the window count from 0; one that ended inside it is not counted.
        self.run_queue_ms = None
        if self._waits is not None and waits is not None:
            self.run_queue_ms = round(sum(max(0, w - self._waits.get(tid, 0)) for tid, w in waits.items()) / 1e6, 3)
        return False


def report(client, model, window, outcomes, sent=None):
    """Prints the protocol line: the last line of stdout. `sent`: each request's
    send time (perf_counter seconds, None where it never left), when measured."""
    counts = {"ok": 0, "http-error": 0, "network-error": 0, "timeout": 0}
    errors = {}
    for kind, _, message in outcomes:
        counts[kind] += 1
        if message is not None:
            key = message if message in errors or len(errors) < MAX_ERROR_MESSAGES else "other"
            errors[key] = errors.get(key, 0) + 1
    line = {
        "protocol": PROTOCOL,
        "client": client,
        "model": model,
        "wallMs": round(window.wall_ms, 3),
        "cpuMs": window.cpu_ms,
        "counts": counts,
        "delaysMs": [delay for _, delay, _ in outcomes],
    }
    if window.run_queue_ms is not None:
        line["runQueueMs"] = window.run_queue_ms
    if sent is not None:
        line["sentMs"] = [None if t is None else round(max(0.0, t - window.start) * 1000, 3) for t in sent]
    if errors:
        line["errors"] = errors
    sys.stdout.flush()
    print(json.dumps(line, separators=(",", ":")), flush=True)
