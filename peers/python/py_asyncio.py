"""py-asyncio: httpx.AsyncClient and asyncio.gather over all N requests.

By default the client keeps httpx's own limits: at most 100 connections (and
20 kept alive), so at most 100 requests are in flight. POKEBENCH_POOL=K sets
max_connections=K instead. With --unlimited (the py-asyncio-unlimited peer) or
POKEBENCH_POOL=unlimited the pool has no limit and every request is in flight
at once.
"""
import asyncio
import sys
import time

import httpx

from pokebench_peer import Config, Window, outcome_of, outcome_of_error, report

HTTPX_DEFAULT_MAX_CONNECTIONS = 100


SENT = "http11.send_request_headers.complete"


def send_tracer(sent, i):
    """httpcore's trace hook for request i: notes when its headers were written,
    the moment it left. Opening hundreds of connections takes this client
    hundreds of ms, so its last requests leave late; the model needs to know."""

    async def trace(event, info):
        if event == SENT:
            sent[i] = time.perf_counter()

    return trace


async def fetch(client, url, trace):
    try:
        return outcome_of(await client.get(url, extensions={"trace": trace}))
    except Exception as error:  # every request ends as exactly one outcome
        return outcome_of_error(error)


async def run(config, unlimited):
    name = "py-asyncio-unlimited" if unlimited else "py-asyncio"
    options = {}  # no limits argument: httpx's default pool
    if unlimited or config.pool == "unlimited":
        model = {"kind": "concurrent"}
        options = {"limits": httpx.Limits(max_connections=None, max_keepalive_connections=None)}
    elif config.pool is not None:
        model = {"kind": "bounded", "k": config.pool}
        options = {"limits": httpx.Limits(max_connections=config.pool)}
    else:
        model = {"kind": "bounded", "k": HTTPX_DEFAULT_MAX_CONNECTIONS}
    urls = config.urls()
    sent = [None] * len(urls)
    async with httpx.AsyncClient(timeout=config.timeout_s, trust_env=False, **options) as client:
        with Window() as window:
            outcomes = await asyncio.gather(*(fetch(client, url, send_tracer(sent, i)) for i, url in enumerate(urls)))
    report(name, model, window, outcomes, sent)


if __name__ == "__main__":
    asyncio.run(run(Config(), unlimited="--unlimited" in sys.argv[1:]))
