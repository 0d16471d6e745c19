"""py-threadpool: ThreadPoolExecutor with its default worker count, one shared httpx.Client.

The default is min(32, os.cpu_count() + 4): 6 threads on a 2-core machine, so N
requests take about ceil(N / 6) round trips. POKEBENCH_WORKERS overrides it.
"""
from concurrent.futures import ThreadPoolExecutor

import httpx

from pokebench_peer import Config, Window, fetch, report


def main():
    config = Config()
    urls = config.urls()
    with ThreadPoolExecutor(max_workers=config.workers) as executor:
        workers = executor._max_workers  # what the default resolved to
        # The connection pool is as large as the thread pool, so the threads are the only limit.
        limits = httpx.Limits(max_connections=workers, max_keepalive_connections=workers)
        with httpx.Client(timeout=config.timeout_s, limits=limits, trust_env=False) as client:
            with Window() as window:
                outcomes = list(executor.map(lambda url: fetch(client, url), urls))
    report("py-threadpool", {"kind": "bounded", "k": workers}, window, outcomes)


if __name__ == "__main__":
    main()
