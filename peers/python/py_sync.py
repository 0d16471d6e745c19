"""py-sync: the blog's baseline. One httpx.Client, one request at a time."""
import httpx

from pokebench_peer import Config, Window, fetch, report


def main():
    config = Config()
    urls = config.urls()
    # trust_env=False: a loopback benchmark must never go through a proxy from the environment.
    with httpx.Client(timeout=config.timeout_s, trust_env=False) as client:
        with Window() as window:
            outcomes = [fetch(client, url) for url in urls]
    report("py-sync", {"kind": "sequential"}, window, outcomes)


if __name__ == "__main__":
    main()
