#!/usr/bin/env python3
"""Writes the benchmark corpus, the same for the same seed.

  (a) small/       10,000 payload files, 70% valid and 30% broken in the forum's ways
  (b) big.json     one JSON array of such payloads, about 50 MB
  (c) big.ndjson   the same payloads, one per line
  (d) half.ndjson  120,000 payloads, one per line, half of them broken in the forum's ways
  (e) findings.ndjson  120,000 payloads, every one broken in the forum's ways (about two findings each)
  (f) replay.ndjson    120,000 payloads as a CI replay sees them: 90% valid, 10% broken

Usage: generate_corpus.py OUTDIR [--seed N] [--files N] [--megabytes N]
"""
import argparse
import json
import os
import random
import uuid


# Number ranges that are assigned (libphonenumber's data): a prefix, then random digits.
# Payloads in a real repository hold real numbers; random digits would mostly not exist.
RANGES = [("+1317", "23456789", 6), ("+1212", "23456789", 6), ("+44207", "0123456789", 6), ("+447", "9", 8),
          ("+6129", "0123456789", 6), ("+656", "0123456789", 6), ("+4930", "0123456789", 7), ("+331", "0123456789", 7)]


def phone(rng):
    prefix, first, rest = rng.choice(RANGES)
    return prefix + rng.choice(first) + "".join(rng.choice("0123456789") for _ in range(rest))


def identifier(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def valid(rng):
    kind = rng.randrange(5)
    if kind == 0:
        body = {"phoneNumber": phone(rng), "callerId": phone(rng), "callerIdName": "Support"}
    elif kind == 1:
        body = {"callQueueId": identifier(rng), "priority": rng.randint(0, 10),
                "routingSkillsIds": [identifier(rng)], "attributes": {"account": str(rng.randint(1, 99999))}}
    elif kind == 2:
        body = {"callUserId": identifier(rng), "uuiData": "04A1B2C3"}
    elif kind == 3:
        body = {"callerId": phone(rng), "participants": [
            {"address": phone(rng), "name": "Customer"},
            {"address": "sip:agent%d@example.com" % rng.randint(1, 999)},
            {"address": "tel:" + phone(rng)}]}
    else:
        body = {"conversationIds": [identifier(rng), identifier(rng)]}
    return body


def broken(rng):
    number = phone(rng)
    mistakes = [
        lambda: {"to": {"phoneNumber": {"phoneNumber": number}}, "from": {"phoneNumber": phone(rng)}, "wrapUpCode": "none"},
        lambda: {"phoneNumber": number[1:]},
        lambda: {"participants": [{"addressType": "TEL", "address": number[1:]}]},
        lambda: {"participants": [{"addressType": "tel", "address": "sip:agent@example.com"}]},
        lambda: {"participants": [{"to": {"phoneNumber": number}, "from": {"phoneNumber": phone(rng)}}]},
        lambda: {"to": {"phoneNumber": number}, "from": {"phoneNumber": phone(rng)}, "callType": "outbound",
                 "providerId": "12345-abcde-67890"},
        lambda: {"phoneNumber": number[:2] + " (" + number[2:5] + ") " + number[5:8] + "-" + number[8:]},
        lambda: {"phoneNumber": number + "\u200b"},
        lambda: {"participants": [{"address": "sip:agent%40example.com"}]},
        lambda: {"callUserId": "john.doe@example.com"},
        lambda: {"phoneNumber": {"phoneNumber": number}},
        lambda: {"callQueueId": identifier(rng), "priority": "5"},
    ]
    return rng.choice(mistakes)()


def payloads(rng, count):
    for _ in range(count):
        yield broken(rng) if rng.random() < 0.30 else valid(rng)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--megabytes", type=int, default=50)
    parser.add_argument("--half-broken", type=int, default=120_000)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    small = os.path.join(args.out, "small")
    os.makedirs(small, exist_ok=True)
    for index, body in enumerate(payloads(rng, args.files)):
        with open(os.path.join(small, "payload-%05d.json" % index), "w", encoding="utf-8") as handle:
            json.dump(body, handle, indent=2, ensure_ascii=False)
            handle.write("\n")

    target = args.megabytes * 1_000_000
    written = 0
    with open(os.path.join(args.out, "big.json"), "w", encoding="utf-8") as big, \
            open(os.path.join(args.out, "big.ndjson"), "w", encoding="utf-8") as lines:
        big.write("[\n")
        first = True
        while written < target:
            body = broken(rng) if rng.random() < 0.30 else valid(rng)
            pretty = json.dumps(body, indent=2, ensure_ascii=False)
            big.write(("" if first else ",\n") + pretty)
            lines.write(json.dumps(body, ensure_ascii=False) + "\n")
            written += len(pretty.encode()) + 2
            first = False
        big.write("\n]\n")

    with open(os.path.join(args.out, "half.ndjson"), "w", encoding="utf-8") as lines:
        for _ in range(args.half_broken):
            body = broken(rng) if rng.random() < 0.50 else valid(rng)
            lines.write(json.dumps(body, ensure_ascii=False) + "\n")

    # Each from its own generator, so adding them left the corpora above as they were.
    for name, share, offset in (("findings.ndjson", 1.0, 1), ("replay.ndjson", 0.10, 2)):
        own = random.Random(args.seed + offset)
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as lines:
            for _ in range(args.half_broken):
                body = broken(own) if own.random() < share else valid(own)
                lines.write(json.dumps(body, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
