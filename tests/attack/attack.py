#!/usr/bin/env python3
"""attack.py -- the attacks of tests/attack/run on a `warta serve` on
loopback, each while a probe (another process) asks GET /api/stats
every 50 ms on a new connection and times the answers.

    attack.py ATTACK --port N --pid PID [--seconds S]

prints one line: what the attackers sent and got, the probe's requests
per second, p50, p99 and slowest answer, how many probes failed, and the
server's peak and final RSS.  The probe connects from 127.0.0.1, the
attackers from 127.0.0.2 and up (all of 127/8 is loopback on Linux), as
a different client would.  Only loopback is ever contacted; every attack
stops after S seconds (default 20) and holds at most 1,100 connections.
"""
import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

HOST = "127.0.0.1"
HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "..", "examples")


# ---- HTTP on a bare socket --------------------------------------------------

def request(port, method, path, body=b"", src="127.0.0.1", timeout=30):
    """One request on a new connection; (status, bytes read) or (None, 0)."""
    head = "%s %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" % (method, path)
    if body:
        head += "Content-Type: application/json\r\nContent-Length: %d\r\n" % len(body)
    try:
        with socket.create_connection((HOST, port), timeout=timeout,
                                      source_address=(src, 0)) as s:
            s.sendall(head.encode() + b"\r\n" + body)
            got = b""
            while True:
                d = s.recv(1 << 16)
                if not d:
                    break
                got += d
        return int(got[9:12]), len(got)
    except (OSError, ValueError):
        return None, 0


# ---- the probe (its own process, so attackers cannot slow its clock) -------

def probe(port, seconds, out):
    times, fails = [], 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        t0 = time.monotonic()
        status, _ = request(port, "GET", "/api/stats", timeout=10)
        if status == 200:
            times.append(time.monotonic() - t0)
        else:
            fails += 1
        time.sleep(max(0.0, 0.05 - (time.monotonic() - t0)))
    json.dump({"times": times, "fails": fails, "seconds": seconds}, open(out, "w"))


def start_probe(port, seconds):
    out = "/tmp/warta-attack-probe.%d.json" % os.getpid()
    p = subprocess.Popen([sys.executable, __file__, "probe", "--port", str(port),
                          "--seconds", str(seconds), "--out", out])
    return p, out


def probe_figures(p, out):
    p.wait()
    r = json.load(open(out))
    os.unlink(out)
    t = sorted(r["times"])
    if not t:
        return "probe: no answer (%d failed)" % r["fails"]
    p99 = t[min(len(t) - 1, int(len(t) * 0.99))]
    return ("probe %5.1f req/s  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  failed %d"
            % (len(t) / r["seconds"], statistics.median(t) * 1e3, p99 * 1e3,
               t[-1] * 1e3, r["fails"]))


# ---- the server's memory ----------------------------------------------------

def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class RssWatch(threading.Thread):
    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, rss_mb(pid), threading.Event()

    def run(self):
        while not self.stop.wait(0.2):
            self.peak = max(self.peak, rss_mb(self.pid))


# ---- attackers --------------------------------------------------------------

class Tally:
    """Statuses seen by attacker threads."""
    def __init__(self):
        self.lock, self.codes, self.n = threading.Lock(), {}, 0

    def add(self, status):
        with self.lock:
            self.n += 1
            key = str(status) if status else "none"
            self.codes[key] = self.codes.get(key, 0) + 1

    def __str__(self):
        return " ".join("%s:%d" % kv for kv in sorted(self.codes.items()))


def loop_clients(n, seconds, fn):
    """n threads calling fn(i) until the time is up; the tally."""
    tally, end = Tally(), time.monotonic() + seconds
    def run(i):
        while time.monotonic() < end:
            tally.add(fn(i))
    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return tally


def article_text(size):
    """The examples' English articles over and over, size bytes."""
    texts = []
    for name in sorted(os.listdir(EXAMPLES)):
        if name.startswith("en") and name.endswith(".jsonl"):
            for line in open(os.path.join(EXAMPLES, name), encoding="utf-8"):
                texts.append(json.loads(line)["text"])
    text, k = "", 0
    while len(text.encode()) < size:
        text += texts[k % len(texts)] + "\n\n"
        k += 1
    return text.encode()[:size].decode("utf-8", "ignore")


def attack_code(port, seconds, size):
    body = json.dumps({"text": article_text(size), "date": "2024-03-12"}).encode()
    tally = loop_clients(4, seconds, lambda i: request(
        port, "POST", "/api/code", body, src="127.0.0.%d" % (2 + i))[0])
    return "4 clients posting %d KB: %d requests, %s" % (size >> 10, tally.n, tally)


def near_query(limit=8 << 10):
    """NEAR(a* a* ... a*, 100000) as long as the query-string limit allows."""
    terms = (limit - len("text=NEAR(, 100000)") - 16) // 3
    return "/api/events?text=" + urllib.parse.quote(
        "NEAR(" + " ".join(["a*"] * terms) + ", 100000)")


def attack_fts(port, seconds, clients):
    path = near_query()
    tally = loop_clients(clients, seconds, lambda i: request(
        port, "GET", path, src="127.0.0.%d" % (2 + i))[0])
    return "%d client(s), NEAR over %d prefixes: %d requests, %s" % (
        clients, path.count("a%2A"), tally.n, tally)


def attack_slowloris(port, seconds, addresses):
    """1,100 connections trickling a header byte every 5 s, spread over
    `addresses` source addresses; a closed one is opened again."""
    n = 1100
    srcs = ["127.0.%d.%d" % (1 + k // 200, 2 + k % 200) for k in range(addresses)]
    socks = [None] * n
    opened = closed = refused = 0
    def connect(i):
        nonlocal opened, refused
        try:
            s = socket.create_connection((HOST, port), timeout=2,
                                         source_address=(srcs[i % len(srcs)], 0))
            s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: x\r\n")
            s.setblocking(False)
            socks[i] = s
            opened += 1
        except OSError:
            socks[i] = None
            refused += 1
    end = time.monotonic() + seconds
    for i in range(n):
        connect(i)
    next_byte = time.monotonic() + 5
    while time.monotonic() < end:
        time.sleep(0.5)
        trickle = time.monotonic() >= next_byte
        if trickle:
            next_byte += 5
        reconnects = 100                # a bounded rate: no flood
        for i, s in enumerate(socks):
            try:
                if s is None:
                    raise ConnectionError
                try:
                    if s.recv(1) == b"":
                        raise ConnectionError
                except BlockingIOError:
                    pass
                if trickle:
                    s.send(b"X")
            except OSError:
                if s is not None:
                    s.close()
                    socks[i] = None
                    closed += 1
                if reconnects and time.monotonic() < end:
                    reconnects -= 1
                    connect(i)
    for s in socks:
        if s:
            s.close()
    return ("1,100 trickling from %d address(es): %d opened, %d closed by the "
            "server, %d refused" % (addresses, opened, closed, refused))


def attack_unread(port, seconds, pid):
    """16 clients ask for 100,000 events and read nothing for the time."""
    req = b"GET /api/events?top=100000 HTTP/1.1\r\nHost: x\r\n\r\n"
    socks = []
    for i in range(16):
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        s.bind(("127.0.0.3", 0))
        s.connect((HOST, port))
        s.sendall(req)
        socks.append(s)
    time.sleep(seconds)
    statuses = Tally()
    for s in socks:
        s.settimeout(1)
        try:
            statuses.add(int(s.recv(12)[9:12]))
        except (OSError, ValueError):
            statuses.add(None)
    during = rss_mb(pid)
    for s in socks:
        s.close()
    time.sleep(2)
    return "16 clients reading nothing: %s; RSS while held %.0f MB" % (
        statuses, during)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("attack", choices=["probe", "none", "code-1mb", "code-limit",
                                       "fts", "fts-2", "slowloris-one",
                                       "slowloris-spread", "unread"])
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--pid", type=int)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--out")
    a = ap.parse_args()
    if a.attack == "probe":
        return probe(a.port, a.seconds, a.out)
    watch = RssWatch(a.pid)
    watch.start()
    p, out = start_probe(a.port, a.seconds)
    s = a.seconds
    what = {
        "none": lambda: (time.sleep(s), "nothing")[1],
        "code-1mb": lambda: attack_code(a.port, s, 1000000),
        "code-limit": lambda: attack_code(a.port, s, 250 << 10),
        "fts": lambda: attack_fts(a.port, s, 1),
        "fts-2": lambda: attack_fts(a.port, s, 2),
        "slowloris-one": lambda: attack_slowloris(a.port, s, 1),
        "slowloris-spread": lambda: attack_slowloris(a.port, s, 50),
        "unread": lambda: attack_unread(a.port, s, a.pid),
    }[a.attack]()
    figures = probe_figures(p, out)
    watch.stop.set()
    watch.join()
    print("%-17s %s\n%17s %s; RSS peak %.0f MB, after %.0f MB" % (
        a.attack, what, "", figures, watch.peak, rss_mb(a.pid)))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
