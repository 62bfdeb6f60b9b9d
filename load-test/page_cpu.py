#!/usr/bin/env python3
"""What one page view costs, page by page: the CPU of the app's request threads, its garbage collector and
PostgreSQL per request, read from /proc around N sequential requests of each page (see docs/benchmark.md).

Run it against an app started on a generated database (load-test/run-benchmark.sh makes one), on the same machine,
after a warm-up (the JIT compiler's threads are not counted, but the request threads run slower until it is done):

    load-test/page_cpu.py --pid <app pid> [--base http://localhost:8091] [--db casework_bench_1000000] [--requests 300]
                          [--only search]

Sequential requests on a quiet machine give steadier per-page figures than the flat-out load test, whose
throughput also moves with what the pages cost together: use this to find which page a change should help and
to check that it did, and the load test for the budgets.
"""
import argparse
import http.cookiejar
import os
import re
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

PASSWORD = "Casework-Demo-2026"
TICKS = os.sysconf("SC_CLK_TCK")


def ticks(stat_path):
    fields = open(stat_path).read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def thread_ticks(pid, prefix):
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            if open(f"/proc/{pid}/task/{tid}/comm").read().startswith(prefix):
                total += ticks(f"/proc/{pid}/task/{tid}/stat")
        except OSError:
            pass  # a thread that ended meanwhile
    return total


def postgres_ticks():
    total = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if open(f"/proc/{pid}/comm").read().strip() == "postgres":
                total += ticks(f"/proc/{pid}/stat")
        except OSError:
            pass
    return total


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def signed_in(base, username):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect)
    page = opener.open(base + "/login").read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"username": username, "password": PASSWORD, "_csrf": token}).encode()
    try:
        opener.open(base + "/login", form)
    except urllib.error.HTTPError as answer:
        if answer.code != 302 or "error" in answer.headers.get("Location", ""):
            raise SystemExit(f"{username} could not sign in")
    return opener


def query(db, sql):
    return subprocess.run(["psql", "-d", db, "-Atc", sql], capture_output=True, text=True, check=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pid", type=int, required=True, help="the app's process id")
    parser.add_argument("--base", default="http://localhost:8091")
    parser.add_argument("--db", default="casework_bench_1000000")
    parser.add_argument("--requests", type=int, default=300, help="sequential requests measured per page")
    parser.add_argument("--only", help="only the pages whose path contains this")
    args = parser.parse_args()
    os.environ.setdefault("PGHOST", "127.0.0.1")
    os.environ.setdefault("PGUSER", "postgres")

    # The caseworker the load test's first caseworker is, with its 200-entry-timeline case and one of its open cases.
    caseworker, long_case, open_case = query(args.db, """
        select u.username || ',' || t.case_id || ',' || coalesce((select min(o.id) from casework_case o
                 where o.allocated_to_id = u.id and o.status <> 'CLOSED' and o.id <> t.case_id), t.case_id)
          from app_user u join casework_case c on c.allocated_to_id = u.id
          join case_tag t on t.case_id = c.id and t.tag = 'bench long timeline'
         where u.username like 'cw%' order by u.username limit 1""").split(",")
    member = query(args.db, """select u.username from app_user u where u.member_id is not null
        and exists (select 1 from draft_response d where d.member_id = u.member_id and d.status = 'AWAITING_APPROVAL')
        order by 1 limit 1""") or "member01"
    pages = [(caseworker, "/cases/mine"), (caseworker, f"/cases/{open_case}"), (caseworker, f"/cases/{long_case}"),
             (caseworker, f"/cases/{open_case}/note"), (caseworker, "/search?q=damp"),
             (caseworker, "/search?q=council+tax"), (caseworker, "/search?q=Begum"), ("coord01", "/cases/triage"),
             ("coord01", "/cases/board"), (member, "/approvals"), ("so01", "/diary"), ("so01", "/briefings/due"),
             ("hoo01", "/reports")]

    print(f"{'page':34s} {'KB':>6s} {'requests':>9s} {'gc':>6s} {'postgres':>9s} {'wall':>6s}   (ms a page view)")
    openers = {}
    for user, path in pages:
        if args.only and args.only not in path:
            continue
        opener = openers.get(user) or openers.setdefault(user, signed_in(args.base, user))
        size = 0
        for _ in range(20):  # this page's own warm-up
            size = len(opener.open(args.base + path).read())
        before = (thread_ticks(args.pid, "http-nio"), thread_ticks(args.pid, "GC Thread"), postgres_ticks(), time.time())
        for _ in range(args.requests):
            opener.open(args.base + path).read()
        after = (thread_ticks(args.pid, "http-nio"), thread_ticks(args.pid, "GC Thread"), postgres_ticks(), time.time())
        per = [(a - b) * 1000.0 / TICKS / args.requests for a, b in zip(after[:3], before[:3])]
        wall = (after[3] - before[3]) * 1000.0 / args.requests
        print(f"{path:34s} {size / 1024:6.1f} {per[0]:9.2f} {per[1]:6.2f} {per[2]:9.2f} {wall:6.2f}")


if __name__ == "__main__":
    main()
