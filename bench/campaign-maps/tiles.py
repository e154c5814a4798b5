#!/usr/bin/env python3
"""Times the API's vector tiles over HTTP (keep-alive connections on loopback), as the national team.

Cases: the z8 tiles covering Finistère (29) and Alpes-de-Haute-Provence (04), the z14 tiles covering Brest (29019), each
for the layers turnout and bloc.gauche of the 2024 round-1 election. Tiles are computed from the outlines' bounding boxes
with the standard slippy-map formula. For each case: a warm-up pass over its tiles (which also gives their sizes), then
SEQUENTIAL requests one after the other, then CLIENTS concurrent clients each sending REQUESTS_EACH requests, cycling
through the case's tiles. Each phase stops early after TIME_CAP seconds (the number of requests timed is printed).

Usage: tiles.py <base url> <shared data folder> <output .tsv>   (env: SEQUENTIAL, CLIENTS, REQUESTS_EACH, TIME_CAP)
Prints one line per case and writes the figures to the .tsv.
"""
import http.client
import json
import math
import os
import statistics
import sys
import threading
import time
import urllib.parse

SEQUENTIAL = int(os.environ.get("SEQUENTIAL", "200"))
CLIENTS = int(os.environ.get("CLIENTS", "8"))
REQUESTS_EACH = int(os.environ.get("REQUESTS_EACH", "25"))
TIME_CAP = float(os.environ.get("TIME_CAP", "15"))


def tile_of(lon, lat, z):
    n = 1 << z
    x = int((lon + 180.0) / 360.0 * n)
    lat_r = math.radians(lat)
    y = int((1.0 - math.asinh(math.tan(lat_r)) / math.pi) / 2.0 * n)
    return min(max(x, 0), n - 1), min(max(y, 0), n - 1)


def bbox(geometry):
    xs, ys = [], []

    def walk(c):
        if isinstance(c[0], (int, float)):
            xs.append(c[0]); ys.append(c[1])
        else:
            for p in c:
                walk(p)
    walk(geometry["coordinates"])
    return min(xs), min(ys), max(xs), max(ys)


def tiles_covering(box, z):
    west, south, east, north = box
    x0, y0 = tile_of(west, north, z)
    x1, y1 = tile_of(east, south, z)
    return [(z, x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]


def feature(path, code=None):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if doc["type"] == "Feature":
        return doc
    return next(f for f in doc["features"] if f["properties"].get("code") == code)


class Client:
    def __init__(self, base, token):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)

    def request(self, method, path, body=None, headers=None):
        h = dict(self.headers)
        h.update(headers or {})
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=body, headers=h)
                r = self.conn.getresponse()
                return r.status, r.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
                if attempt == 2:
                    raise

    def timed_tile(self, path):
        start = time.perf_counter()
        status, body = self.request("GET", path)
        elapsed = (time.perf_counter() - start) * 1000
        if status not in (200, 204):
            raise SystemExit(f"GET {path}: HTTP {status} {body[:300]!r}")
        return elapsed, len(body)


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, math.ceil(p / 100 * len(s)) - 1))]


def main(base, data, output):
    anon = Client(base, None)
    status, body = anon.request("POST", "/auth/dev/token", json.dumps({"email": "national@demo.coopol.fr"}),
                                {"content-type": "application/json"})
    if status != 200:
        raise SystemExit(f"dev token: HTTP {status} {body[:300]!r}")
    token = json.loads(body)["accessToken"]
    client = Client(base, token)
    status, body = client.request("POST", "/graphql",
                                  json.dumps({"query": "{ elections { edges { node { id name date round } } } }"}),
                                  {"content-type": "application/json"})
    elections = [e["node"] for e in json.loads(body)["data"]["elections"]["edges"]]
    election = next(e for e in elections if e["date"] == "2024-06-30" and e["round"] == 1)
    print(f"election: {election['name']} ({election['id']})")

    b = os.path.join(data, "boundaries")
    areas = [
        ("29 Finistère", 8, bbox(feature(os.path.join(b, "departement-29-finistere.geojson"))["geometry"])),
        ("04 Alpes-de-H.-P.", 8, bbox(feature(os.path.join(b, "departement-04-alpes-de-haute-provence.geojson"))["geometry"])),
        ("Brest 29019", 14, bbox(feature(os.path.join(b, "communes-29-finistere.geojson"), "29019")["geometry"])),
    ]
    for name, z, box in areas:
        t = tiles_covering(box, z)
        print(f"tiles of {name} at z{z}: x {t[0][1]}–{t[-1][1]}, y {t[0][2]}–{t[-1][2]} ({len(t)} tiles)")
    rows = []
    header = "case\tlayer\ttiles\tbytes_per_tile\tseq_n\tseq_p50\tseq_p95\tseq_max\tconc_n\tconc_p50\tconc_p95\tconc_rps"
    print(f"{'case':<22} {'layer':<12} {'tiles':>5} {'KB/tile':>7} | {'1 client: n':>11} {'p50':>7} {'p95':>7} | "
          f"{f'{CLIENTS} clients: n':>11} {'p50':>7} {'p95':>7} {'req/s':>6}")
    for name, z, box in areas:
        tiles = tiles_covering(box, z)
        for layer in ("turnout", "bloc.gauche"):
            paths = [f"/tiles/{layer}/{z}/{x}/{y}.mvt?election={urllib.parse.quote(election['id'])}" for z, x, y in tiles]
            sizes, start = [], time.perf_counter()  # warm-up: each tile once (at most TIME_CAP seconds)
            for p in paths:
                if time.perf_counter() - start > TIME_CAP: break
                sizes.append(client.timed_tile(p)[1])
            seq, start = [], time.perf_counter()
            while len(seq) < SEQUENTIAL and (time.perf_counter() - start < TIME_CAP or len(seq) < 10):
                seq.append(client.timed_tile(paths[len(seq) % len(paths)])[0])

            conc, lock = [], threading.Lock()

            def worker(k):
                c = Client(base, token)
                mine = []
                while len(mine) < REQUESTS_EACH and (time.perf_counter() - start < TIME_CAP or len(mine) < 2):
                    mine.append(c.timed_tile(paths[(k + len(mine)) % len(paths)])[0])
                with lock:
                    conc.extend(mine)
            threads = [threading.Thread(target=worker, args=(k,)) for k in range(CLIENTS)]
            start = time.perf_counter()  # read by the workers
            for t in threads: t.start()
            for t in threads: t.join()
            rps = len(conc) / (time.perf_counter() - start)

            case = f"{name} z{z}"
            kb = statistics.mean(sizes) / 1024
            print(f"{case:<22} {layer:<12} {len(tiles):>5} {kb:>7.1f} | {len(seq):>11} {pct(seq, 50):>7.1f} {pct(seq, 95):>7.1f} | "
                  f"{len(conc):>11} {pct(conc, 50):>7.1f} {pct(conc, 95):>7.1f} {rps:>6.1f}", flush=True)
            rows.append(f"{case}\t{layer}\t{len(tiles)}\t{statistics.mean(sizes):.0f}\t{len(seq)}\t{pct(seq, 50):.1f}\t{pct(seq, 95):.1f}\t"
                        f"{max(seq):.1f}\t{len(conc)}\t{pct(conc, 50):.1f}\t{pct(conc, 95):.1f}\t{rps:.1f}")
    with open(output, "w", encoding="utf-8") as f:
        f.write(header + "\n" + "\n".join(rows) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
