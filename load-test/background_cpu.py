#!/usr/bin/env python3
"""What the app's background work costs PostgreSQL while nobody but the head of office is using it: signs in as the
head of office, opens the dashboard once, then re-reads it every 5 s (so its tables stay wanted and are recounted in
the background every ~40 s) and prints PostgreSQL's CPU over the period, read from /proc (see docs/benchmark.md).

Run it on the same machine against an app started alone on a generated database (no load test running):

    load-test/background_cpu.py [--base http://localhost:8091] [--seconds 120]
"""
import argparse
import time

import page_cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://localhost:8091")
    parser.add_argument("--seconds", type=int, default=120)
    args = parser.parse_args()

    opener = page_cpu.signed_in(args.base, "head")
    started = time.time()
    opener.open(args.base + "/reports").read()
    print(f"first dashboard view: {time.time() - started:.2f} s")
    time.sleep(15)  # the first view's own counting is over
    before = page_cpu.postgres_ticks()
    started = time.time()
    while time.time() - started < args.seconds:
        time.sleep(5)
        opener.open(args.base + "/reports").read()
    used = (page_cpu.postgres_ticks() - before) / page_cpu.TICKS
    elapsed = time.time() - started
    print(f"PostgreSQL CPU over {elapsed:.0f} s: {used:.2f} s ({60 * used / elapsed:.2f} s a minute)")


if __name__ == "__main__":
    main()
