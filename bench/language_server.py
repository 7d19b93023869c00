"""The language server's speed, as an editor sees it: the time from a change sent to its
diagnostics received. Prints (1) 200 successive edits of a 20 KB body, each waited for, in all
(target: under 1 s), and (2) for a 10 KB body, the latency of each of 200 edits: median, 95th
percentile and worst (target: within 5 ms). Standard library only.
Usage: python3 bench/language_server.py CALL_LINT [--edits N]
"""

import argparse
import json
import statistics
import subprocess
import time


def body(size):
    """A conference body of about `size` bytes: participants with numbers, names and ids."""
    participants = []
    index = 0
    while len(json.dumps({"participants": participants}, indent=2)) < size:
        participants.append(
            {"address": f"+1317555{index % 10000:04d}", "name": f"Participant {index} 😀", "queueId": None}
        )
        participants[-1]["queueId"] = "4a1b3c5d-0000-4000-8000-%012d" % index
        index += 1
    # Findings to keep: a number written with spaces (a fix each time) and a national one.
    participants[1]["address"] = "+1 317 555 0001"
    participants[2]["address"] = "3175550002"
    return json.dumps({"callerIdName": "東京 office", "participants": participants}, indent=2)


class Session:
    def __init__(self, binary):
        self.process = subprocess.Popen([binary, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 1

    def send(self, message):
        data = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.process.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id and "method" not in message:
                return message

    def diagnostics(self, version):
        while True:
            message = self.receive()
            params = message.get("params", {})
            if message.get("method") == "textDocument/publishDiagnostics" and params.get("version") == version:
                return params["diagnostics"]

    def close(self):
        self.request("shutdown", None)
        self.send({"jsonrpc": "2.0", "method": "exit"})
        return self.process.wait(timeout=10)


def edits(binary, size, count):
    """Opens a body of `size` bytes and types `count` characters into it one at a time, each
    change waited for until its diagnostics come; returns the latencies in seconds."""
    session = Session(binary)
    session.request("initialize", {"capabilities": {"general": {"positionEncodings": ["utf-16"]}}})
    session.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    uri = "file:///bench/body.json"
    text = body(size)
    session.send(
        {
            "jsonrpc": "2.0",
            "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}},
        }
    )
    opened = session.diagnostics(1)
    # Types into callerIdName's value (line 1), as a person editing the body would.
    line, character = 1, len('  "callerIdName": "')
    latencies = []
    for step in range(count):
        change = {
            "range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character}},
            "text": "x",
        }
        started = time.perf_counter()
        session.send(
            {
                "jsonrpc": "2.0",
                "method": "textDocument/didChange",
                "params": {"textDocument": {"uri": uri, "version": step + 2}, "contentChanges": [change]},
            }
        )
        session.diagnostics(step + 2)
        latencies.append(time.perf_counter() - started)
        character += 1
    status = session.close()
    return len(text.encode()), len(opened), latencies, status


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--edits", type=int, default=200)
    args = parser.parse_args()
    size, found, latencies, status = edits(args.binary, 20_000, args.edits)
    print(
        f"language server: {args.edits} successive edits of a {size:,}-byte body ({found} findings): "
        f"{sum(latencies) * 1000:.0f} ms in all (target < 1000 ms); exit status {status}"
    )
    size, found, latencies, status = edits(args.binary, 10_000, args.edits)
    ordered = sorted(latencies)
    print(
        f"language server: {size:,}-byte body, diagnostics after a change: median "
        f"{statistics.median(latencies) * 1000:.2f} ms, p95 {ordered[int(0.95 * len(ordered)) - 1] * 1000:.2f} ms, "
        f"worst {ordered[-1] * 1000:.2f} ms (target: within 5 ms)"
    )


if __name__ == "__main__":
    main()
