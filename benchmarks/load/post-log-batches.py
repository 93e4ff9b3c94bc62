#!/usr/bin/env python3
"""Posts log batches shaped like an edge node's to a regional origin's POST /v1/edge/logs.

  post-log-batches.py PORT NODE_KEY BATCHES [--ids random|time] [--records 500]

Each batch: a new batch id, 500 REPORT lines of the trivial function with rising times and this run's
own sequence numbers, one request id per line in the node's shape (40 bytes, base64url, 56 characters):
"random" is 40 random bytes (the node's ids before they began with the time), "time" is 6 bytes of Unix
milliseconds then 34 random (the node's ids now). The bodies are built before the first is sent, so
that the origin's CPU time over the posting is the origin's work alone.
"""
import argparse
import base64
import datetime
import http.client
import json
import os
import time
import uuid

parser = argparse.ArgumentParser()
parser.add_argument("port", type=int)
parser.add_argument("node_key")
parser.add_argument("batches", type=int)
parser.add_argument("--ids", choices=["random", "time"], default="time")
parser.add_argument("--records", type=int, default=500)
parser.add_argument("--node", default="bench")
args = parser.parse_args()

REPORT = "REPORT RequestId: {}\tDuration: 0.42 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 12 MB"
# A node's lines are about 10,000 a second: 0.1 ms apart.
start = time.time()
sequence = int(start * 1000)


def request_id(at):
    head = int(at * 1000).to_bytes(6, "big") if args.ids == "time" else os.urandom(6)
    return base64.urlsafe_b64encode(head + os.urandom(34)).decode()


bodies = []
for b in range(args.batches):
    records = []
    for i in range(args.records):
        sequence += 1
        at = start + (b * args.records + i) / 10_000
        rid = request_id(at)
        stamp = datetime.datetime.fromtimestamp(at, datetime.timezone.utc).isoformat(timespec="microseconds")
        records.append({
            "time": stamp.replace("+00:00", "Z"), "sequence": sequence, "requestId": rid, "account": "111111111111",
            "function": "trivial", "version": "1", "event": "viewer-request", "level": "REPORT", "message": REPORT.format(rid),
        })
    body = {"batchId": f"{args.node}:{uuid.uuid4().hex}", "nodeId": args.node, "records": records}
    bodies.append(json.dumps(body).encode())

connection = http.client.HTTPConnection("127.0.0.1", args.port)
headers = {"Content-Type": "application/json", "Authorization": f"Bearer {args.node_key}", "X-Edge-Node-Id": args.node}
for body in bodies:
    connection.request("POST", "/v1/edge/logs", body, headers)
    response = connection.getresponse()
    answer = response.read()
    if response.status != 200:
        raise SystemExit(f"POST /v1/edge/logs answered {response.status}: {answer[:300]!r}")
