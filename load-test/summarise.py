#!/usr/bin/env python3
"""Turns the statistics of a Gatling HTML report (index.html) into a short Markdown summary (p50/p95/p99 and throughput per page) and a CSV.

Usage: summarise.py <report>/index.html --cases N --users U --duration S --command "..." [--report DIR] > summary.md
Writes results.csv next to it (give a copy of index.html in the results directory).
"""
import argparse
import csv
import datetime
import os
import platform
import subprocess

import html
import re

# Budgets at 1,000,000 cases (issue 9): p95 in milliseconds.
BUDGETS = {
    "My cases": 50, "Triage queue": 50, "Case view": 50, "Case view (200-entry timeline)": 50, "Add a note": 50,
    "Search": 150, "Dashboard": 300,
}


def machine():
    cpus = os.cpu_count()
    try:
        model = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        model = platform.processor()
    try:
        mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")) // 1024 // 1024
    except (OSError, StopIteration):
        mem = "?"
    try:
        pg = subprocess.run(["psql", "-Atc", "show server_version"], capture_output=True, text=True, timeout=10).stdout.strip()
    except Exception:
        pg = "?"
    return f"{cpus} cores ({model}), {mem} GB RAM, PostgreSQL {pg}, Java {platform.python_version() and java_version()}"


def java_version():
    try:
        # The app's Java (run-benchmark.sh exports APP_JAVA), and its extra options if any.
        out = subprocess.run([os.environ.get("APP_JAVA", "java"), "-version"], capture_output=True, text=True,
                             timeout=10).stderr.splitlines()[0]
        version = out.split('"')[1] if '"' in out else out
        opts = os.environ.get("APP_JAVA_OPTS", "").strip()
        return version + (f" (app options `{opts}`)" if opts else "")
    except Exception:
        return "?"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("stats")
    p.add_argument("--cases", required=True)
    p.add_argument("--users", required=True)
    p.add_argument("--duration", required=True)
    p.add_argument("--command", required=True)
    p.add_argument("--report", default="")
    p.add_argument("--rps", type=int, default=0)
    p.add_argument("--warmup", type=int, default=0)
    a = p.parse_args()
    # Gatling 3.15 writes no stats.json: read the statistics table of the HTML report (index.html).
    with open(a.stats, encoding="utf-8") as f:
        page = f.read()
    rows = []
    total = None
    for m in re.finditer(r'<tr id="([^"]+)"[^>]*>(.*?)</tr>', page, re.S):
        cells = dict(re.findall(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>', m.group(2)))
        if not cells:
            continue
        name = re.search(r'class="ellipsed-name">([^<]*)<', m.group(2))
        num = lambda c: float(cells[c].replace(",", "")) if cells.get(c, "-") not in ("-", "") else 0.0
        row = {"page": html.unescape(name.group(1)) if name else "All requests", "requests": int(num("2")),
               "errors": int(num("4")), "p50": int(num("8")), "p95": int(num("10")), "p99": int(num("11")),
               "max": int(num("12")), "per_second": num("6")}
        if m.group(1) == "ROOT":
            total = row
        else:
            rows.append(row)
    with open(os.path.join(os.path.dirname(a.stats), "results.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)

    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print(f"# Benchmark run {now}: {int(a.cases):,} cases\n")
    print(f"- Command: `{a.command}`")
    print(f"- Machine: {machine()}; app heap -Xmx512m; app, PostgreSQL and Gatling on the same box")
    warm = f", after a {a.warmup} s warm-up of the same mix (not measured)" if a.warmup else ", measured from a cold start"
    if a.rps:
        print(f"- Load: {a.users} concurrent signed-in users, throttled to {a.rps} requests/s for {a.duration} s{warm}")
    else:
        print(f"- Load: {a.users} concurrent signed-in users without think time for {a.duration} s (closed loop){warm}")
    print(f"- Total: {total['requests']:,} requests, {total['errors']:,} errors, {total['per_second']:.1f} requests/s; "
          f"p50 {total['p50']} ms, p95 {total['p95']} ms, p99 {total['p99']} ms")
    if a.report:
        print(f"- Full Gatling report (not committed): `{a.report}`")
    print()
    print("| Page | Requests | Errors | p50 ms | p95 ms | p99 ms | max ms | req/s | Budget p95 (1M) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        budget = BUDGETS.get(r["page"])
        mark = "" if budget is None else (f"≤ {budget} ms " + ("✔" if r["p95"] <= budget else "✘"))
        print(f"| {r['page']} | {r['requests']:,} | {r['errors']:,} | {r['p50']} | {r['p95']} | {r['p99']} | {r['max']} | "
              f"{r['per_second']:.1f} | {mark} |")


if __name__ == "__main__":
    main()
