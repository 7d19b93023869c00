"""The differential test of call-lint's phone-number checks against libphonenumber (the PyPI
package phonenumbers, at the version the numbering plan was generated from).

It writes a seeded corpus of phone-number strings of its own making (valid numbers of every
region and type, the forms people paste them in, impossible lengths, unknown country codes,
trunk prefixes, extensions, vanity numbers), lints each as {"phoneNumber": ...} with the
built binary, and holds call-lint to three promises:
  - no valid E.164 number (of at most 15 digits) is rejected;
  - at most 1% of impossible numbers are accepted;
  - every fix offered writes the number libphonenumber reads: with --default-region, the
    region's reading; without one, the only valid reading there is (as a number with its
    country code or as a national number of any region). A fix where the oracle finds no
    number, or more than one, is wrong.
Usage: differential.py CALL_LINT [--seed N] [--size N]
"""
import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

TYPES = [PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE,
         PhoneNumberType.SHARED_COST, PhoneNumberType.VOIP, PhoneNumberType.PERSONAL_NUMBER, PhoneNumberType.PAGER,
         PhoneNumberType.UAN, PhoneNumberType.VOICEMAIL]
REGIONS = sorted(phonenumbers.SUPPORTED_REGIONS)


def e164(number):
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def parse(text, region=None):
    try:
        return phonenumbers.parse(text, region)
    except NumberParseException:
        return None


def varied(rng, number):
    """Valid numbers near an example: the last one to three digits changed."""
    national = str(number.national_number)
    for _ in range(6):
        k = rng.randint(1, min(3, len(national) - 1))
        candidate = national[:-k] + "".join(rng.choice("0123456789") for _ in range(k))
        text = "+" + str(number.country_code) + ("0" * (number.number_of_leading_zeros or 0) if number.italian_leading_zero else "") + candidate
        parsed = parse(text)
        if parsed and phonenumbers.is_valid_number(parsed) and e164(parsed) == text:
            return parsed
    return number


def valid_numbers(rng):
    found = []
    for region in REGIONS:
        for number_type in TYPES:
            example = phonenumbers.example_number_for_type(region, number_type)
            if example is None or not phonenumbers.is_valid_number(example):
                continue
            found.append((region, example))
            for _ in range(3):
                found.append((region, varied(rng, example)))
    for code in phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS:
        example = phonenumbers.example_number_for_non_geo_entity(code)
        if example is not None:
            found.append((None, example))
    return found


def corpus(rng, size):
    """(kind, text, region): kind is valid, impossible or pasted; region is the default region
    to lint with (None: no default region)."""
    numbers = valid_numbers(rng)
    items = []
    for region, number in numbers:
        items.append(("valid", e164(number), None))
    assigned = set(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)
    unassigned = [c for c in range(1, 1000) if not any(str(c).startswith(str(a)) for a in assigned)]
    while len(items) < size:
        region, number = rng.choice(numbers)
        text = e164(number)
        digits = text[1:]
        cc = str(number.country_code)
        national = digits[len(cc):]
        choice = rng.randrange(14)
        if choice == 0:  # a digit dropped
            i = rng.randrange(len(cc), len(digits))
            items.append(("impossible?", "+" + digits[:i] + digits[i + 1:], None))
        elif choice == 1:  # a digit added
            i = rng.randrange(len(cc), len(digits) + 1)
            items.append(("impossible?", "+" + digits[:i] + rng.choice("0123456789") + digits[i:], None))
        elif choice == 2:  # no such country code
            code = rng.choice(unassigned)
            items.append(("impossible?", "+" + str(code) + "".join(rng.choice("0123456789") for _ in range(rng.randint(6, 10))), None))
        elif choice == 3 and region:  # the trunk prefix kept
            prefix = phonenumbers.PhoneMetadata.metadata_for_region(region).national_prefix
            if prefix:
                items.append(("impossible?", "+" + cc + prefix + national, None))
        elif choice == 4:  # too long for E.164
            items.append(("impossible?", text + "".join(rng.choice("0123456789") for _ in range(16 - len(digits) + rng.randrange(3))), None))
        elif choice == 5:  # international format, with separators
            items.append(("pasted", phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL), None))
        elif choice == 6 and region:  # national format, with the region said
            items.append(("pasted", phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL), region))
        elif choice == 7 and region:  # national format, no region said
            items.append(("pasted", phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL), None))
        elif choice == 8:  # dialled from abroad: 00 or 011
            origin = rng.choice(["US", "GB", "DE", "FR", "AU", "SG", "CA"])
            if origin != region:
                items.append(("pasted", phonenumbers.format_out_of_country_calling_number(number, origin), rng.choice([origin, None])))
        elif choice == 9:  # an extension
            mark = rng.choice([" x", " ext. ", " ext ", ";ext=", " #", " extension "])
            items.append(("pasted", text + mark + str(rng.randint(1, 99999)), None))
        elif choice == 10:  # the + left out
            items.append(("pasted", digits, rng.choice([region, None])))
        elif choice == 11:  # a tel: URI, dashes
            items.append(("pasted", phonenumbers.format_number(number, PhoneNumberFormat.RFC3966)[4:], None))
        elif choice == 12 and region:  # (0) after the country code
            prefix = phonenumbers.PhoneMetadata.metadata_for_region(region).national_prefix
            if prefix == "0":
                items.append(("pasted", "+" + cc + " (0)" + national, None))
        elif choice == 13:  # dots, or a vanity spelling of a North American number
            if cc == "1" and rng.random() < 0.5:
                letters = {"2": "ABC", "3": "DEF", "4": "GHI", "5": "JKL", "6": "MNO", "7": "PQRS", "8": "TUV", "9": "WXYZ"}
                tail = "".join(rng.choice(letters[d]) if d in letters else d for d in national[-4:])
                items.append(("pasted", "+1-" + national[:3] + "-" + national[3:6] + "-" + tail, None))
            else:
                items.append(("pasted", "+" + cc + "." + ".".join(national[i:i + 3] for i in range(0, len(national), 3)), None))
    return items


def all_readings(text):
    """Every valid number the text can be without a region: as written and as dialled in
    each region."""
    found = set()
    digits = "".join(c for c in text if c.isdigit())
    for candidate in [parse("+" + digits)] + [parse(text, region) for region in REGIONS]:
        if candidate is not None and phonenumbers.is_valid_number(candidate):
            found.add(e164(candidate))
    return found


def oracle_fix(text, region):
    """The one E.164 number a fix may write, or None when no fix may be offered."""
    if region is not None or text.lstrip().startswith("+"):
        number = parse(text, region)
        if number is None or not phonenumbers.is_valid_number(number):
            return None
        return e164(number)
    readings = all_readings(text)
    return next(iter(readings)) if len(readings) == 1 else None


def classify(text):
    """valid (a right E.164 number), impossible, or neither."""
    number = parse(text)
    digits = text[1:]
    if number is None:
        return "impossible"
    if len(digits) > 15 or not phonenumbers.is_possible_number(number) or e164(number) != text:
        return "impossible"
    if phonenumbers.is_valid_number(number) and e164(number) == text:
        return "valid"
    return "possible"


def lint(binary, items, region):
    with tempfile.NamedTemporaryFile("w", suffix=".ndjson", delete=False) as handle:
        for _, text, _ in items:
            handle.write(json.dumps({"phoneNumber": text}) + "\n")
        path = handle.name
    command = [binary, "--isolated", "--format", "json"] + (["--default-region", region] if region else []) + [path]
    result = subprocess.run(command, capture_output=True, text=True)
    os.unlink(path)
    if result.returncode not in (0, 1):
        sys.exit(f"call-lint failed ({result.returncode}): {result.stderr}")
    by_line = collections.defaultdict(list)
    for diagnostic in json.loads(result.stdout):
        by_line[diagnostic["line"] - 1].append(diagnostic)
    return [by_line[i] for i in range(len(items))]


def lint_all(binary, items, results):
    """Lints (kind, text, region, ...) items, one run per region, into results by index."""
    by_region = collections.defaultdict(list)
    for index, item in enumerate(items):
        by_region[item[2]].append(index)
    for region, indexes in by_region.items():
        rows = [(None, items[i][1], None) for i in indexes]
        for index, diagnostics in zip(indexes, lint(binary, rows, region)):
            results[index] = diagnostics


def arguments(seed):
    """The command line the differentials share: CALL_LINT [--seed N] [--size N]."""
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--seed", type=int, default=seed)
    parser.add_argument("--size", type=int, default=21000)
    return parser.parse_args()


def main():
    args = arguments(seed=20261123)
    rng = random.Random(args.seed)
    items = corpus(rng, args.size)
    results = [None] * len(items)
    lint_all(args.binary, items, results)

    counts = collections.Counter()
    failures = collections.defaultdict(list)
    for (kind, text, region), diagnostics in zip(items, results):
        errors = [d for d in diagnostics if d["severity"] == "error"]
        if kind in ("valid", "impossible?"):
            verdict = classify(text)
            counts[verdict] += 1
            if verdict == "valid" and diagnostics:
                failures["valid number reported"].append((text, diagnostics[0]["rule"], diagnostics[0]["message"]))
            if verdict == "impossible":
                if errors:
                    counts["impossible rejected"] += 1
                else:
                    failures["impossible number accepted"].append((text, [d["rule"] for d in diagnostics]))
        else:
            counts["pasted"] += 1
        for diagnostic in diagnostics:
            fix = diagnostic.get("fix")
            if not fix or not diagnostic["rule"].startswith("e164-"):
                continue
            counts["fixes offered"] += 1
            counts[f"fixes {fix['applicability']}"] += 1
            written = json.loads(fix["edits"][0]["replacement"])
            if written.startswith("tel:"):
                # A number with an extension is written as tel:+E164;ext=N: the number is compared.
                written = written[len("tel:"):].split(";")[0]
            expected = oracle_fix(text, region)
            if written != expected:
                failures["fix differs from libphonenumber"].append((text, region, written, expected))

    total = len(items)
    impossible = counts["impossible"]
    accepted = len(failures["impossible number accepted"])
    print(f"phone differential: {total} strings (seed {args.seed}), phonenumbers {phonenumbers.__version__}")
    print(f"  valid E.164 numbers: {counts['valid']}, rejected: {len(failures['valid number reported'])}")
    print(f"  impossible numbers: {impossible}, accepted: {accepted} ({100 * accepted / max(impossible, 1):.2f}%)")
    print(f"  possible but unassigned: {counts['possible']}")
    print(f"  pasted forms: {counts['pasted']}")
    print(f"  fixes offered: {counts['fixes offered']} ({counts['fixes safe']} safe, {counts['fixes suggestion']} suggestions),"
          f" differing from libphonenumber: {len(failures['fix differs from libphonenumber'])}")
    for name, rows in failures.items():
        for row in rows[:8]:
            print(f"  {name}: {row}")
    ok = (total >= 20000 and not failures["valid number reported"] and accepted <= 0.01 * impossible
          and not failures["fix differs from libphonenumber"])
    print("phone differential: " + ("ok" if ok else "FAILED"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
