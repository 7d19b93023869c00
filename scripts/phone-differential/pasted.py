"""The second corpus of the phone differential: the forms people paste. It holds call-lint's
rewrites of pasted phone numbers to libphonenumber (the PyPI package phonenumbers, at the
version the numbering plan was generated from).

It writes a seeded corpus of strings made from every region's example numbers of every type
(and small variations that stay valid): international formats with separators, labels before
(`Phone: `, `Tel. `, `M: `, `Call `), notes after (`(office)`, ` - mobile`), every extension
spelling libphonenumber parses (its _EXTN_PATTERNS_FOR_PARSING: ` x12`, ` ext. 12`, `;ext=12`,
` anexo 12`, ` доб. 12`, `,12`, `,,12`, `;12`, ` 12#`, ...), tel: URIs (with ;ext= and a global
;phone-context=), national formats with the right default region, with none and with a wrong
one, a + before an international prefix (`+0033 ...`) and `+CC (0)...`. It lints each as
{"phoneNumber": ...} with the built binary and asks libphonenumber what the one right answer
is. A reading is (E.164, extension), of a valid number; the readings of a string are:
  - what phonenumbers.parse(text, region) reads, the text without its label or note (parse
    skips a label itself, but reads a note's letters as digits);
  - with no region and no +, every reading in every region, as differential.py's all_readings;
  - after a +, also the digits after each international prefix they start with (parse refuses
    +0033 ...), the prefixes as people dial them (00, 011, 0011, 810, ...; not the patterns of
    carrier codes some regions' prefixes match).
One reading is the one answer; none, or more than one, is no single answer. Three bars:
  (a) no rewrite differs from the one answer, and none is offered where there is none (a
      written `tel:+E164;ext=N` is held to parse's number and its .extension; a tel: URI
      without an extension may be rewritten to tel:+E164 as well as +E164);
  (b) every string (none is E.164) draws a finding;
  (c) the right rewrite is offered for at least 95% of the strings with exactly one answer.
Usage: pasted.py CALL_LINT [--seed N] [--size N]
"""
import collections
import functools
import json
import multiprocessing
import random
import re
import sys
import threading

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumberFormat

from differential import REGIONS, arguments, e164, lint_all, parse, valid_numbers

LABELS = ["Phone: ", "Tel. ", "M: ", "Call ", "Tel: ", "phone ", "Mobile: ", "Ph: ", "T: "]
NOTES = [" (office)", " (M)", " - mobile", " (home)", " (mobile)", " (W)", " - office", " (cell)"]
# libphonenumber's extension grammar (_create_extn_pattern): the labels, and the most digits it
# reads after each kind of label.
EXPLICIT_LABELS = ["ext", "Ext", "EXT", "ext.", "Ext.", "extn", "xtn", "xt", "extension", "Extension", "extensión",
                   "extensio\u0301n", "\uff45\uff58\uff54", "\uff58\uff54\uff4e", "доб", "доб.", "Доб.", "anexo",
                   "Anexo"]
AMBIGUOUS_LABELS = ["x", "X", "\uff58", "#", "\uff03", "~", "\uff5e", "int", "Int", "\uff49\uff4e\uff54"]
BEFORE_LABEL = [" ", " ", " ", "", ", ", "\u00a0", "\t"]
AFTER_LABEL = ["", " ", " ", ": ", ". ", ".", ":", "-", " - ", "\uff0e"]
ORIGINS = ["US", "GB", "DE", "FR", "AU", "JP", "SG", "RU", "BR", "CN", "KR"]
# The international prefixes as people dial them: each region's, when it is one string of
# digits, else the one it prefers (00 for China's 00 or 1xxxx00, 0011 for Australia's).
IDD_PREFIXES = sorted({m.international_prefix if m.international_prefix.isdigit() else m.preferred_international_prefix
                       for m in map(PhoneMetadata.metadata_for_region, REGIONS)} - {None})
COUNTRY_CODES = {region: phonenumbers.country_code_for_region(region) for region in REGIONS}


def extension(rng):
    """An extension, spelt a way libphonenumber parses: the text after the number."""
    kind = rng.randrange(7)
    if kind == 0:
        mark, most = ";ext=", 20
    elif kind in (1, 2):
        label = rng.choice(EXPLICIT_LABELS)
        after = rng.choice(["", " ", "-", " - "] if label.endswith(".") else AFTER_LABEL)
        mark, most = rng.choice(BEFORE_LABEL) + label + after, 20
    elif kind == 3:
        mark, most = rng.choice(BEFORE_LABEL) + rng.choice(AMBIGUOUS_LABELS) + rng.choice(AFTER_LABEL), 9
    elif kind == 4:  # American, a hash after: 555-0123 - 503#
        return rng.choice([" ", "-", " - ", "  "]) + rng_digits(rng, 6) + "#"
    elif kind == 5:  # dialled after the call connects: ,,12 or ;12
        mark, most = rng.choice([",,", ";", " ;", ",,,"]) + rng.choice(["", " "]), 15
    else:  # commas alone
        mark, most = rng.choice([",", ", ", " ,"]), 9
    return mark + rng_digits(rng, most) + ("#" if kind and rng.random() < 0.1 else "")


def rng_digits(rng, most):
    count = rng.randint(1, most) if rng.random() < 0.15 else rng.randint(1, min(most, 5))
    return "".join(rng.choice("0123456789") for _ in range(count))


def international(rng, number):
    """The number in international format, its groups parted some way."""
    text = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    cc, national = str(number.country_code), e164(number)[1 + len(str(number.country_code)):]
    choice = rng.randrange(6)
    if choice == 1:
        text = text.replace(" ", "-")
    elif choice == 2:
        text = text.replace(" ", ".")
    elif choice == 3:
        text = "+" + cc + " " + " ".join(national[i:i + 3] for i in range(0, len(national), 3))
    elif choice == 4:
        text = "+" + cc + "-" + national
    elif choice == 5 and cc == "1" and len(national) == 10:
        text = "+1 (" + national[:3] + ") " + national[3:6] + "-" + national[6:]
    return text


def national(rng, number):
    text = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    choice = rng.randrange(5)
    if choice == 1 and " " in text:
        text = text.replace(" ", "-")
    elif choice == 2 and " " in text:
        text = text.replace(" ", ".")
    return text


def tel_uri(rng, number, ext):
    """A tel: URI: global (tel:+44-20-7946-0958), or the local part with a global context
    (tel:7946-0958;phone-context=+44-20). The extension, if any, before the context."""
    cc, national = str(number.country_code), e164(number)[1 + len(str(number.country_code)):]
    ext_part = ";ext=" + ext if ext else ""
    if rng.random() < 0.5:
        return "tel:" + phonenumbers.format_number(number, PhoneNumberFormat.RFC3966)[4:] + ext_part, "tel"
    split = rng.randint(0, min(4, len(national) - 2))
    local = national[split:]
    if rng.random() < 0.5 and len(local) > 4:
        local = local[:-4] + rng.choice("-.") + local[-4:]
    context = "+" + cc + ("-" + national[:split] if split else "")
    return "tel:" + local + ext_part + ";phone-context=" + context, "tel-context"


def pasted(rng, region, number):
    """One pasted string of the number: (kind, text, default region, core, plain). core is the
    text without its label or note; plain, the number as written without its extension."""
    geographic = region is not None
    cc = str(number.country_code)
    wrong = rng.choice(other_regions(number.country_code))
    base = rng.choices(["international", "e164", "national", "idd", "trunk", "tel"], [22, 10, 40, 8, 8, 12])[0]
    say = None
    if base == "national" and not geographic:
        base = "international"
    if base == "international":
        plain, say = international(rng, number), rng.choices([None, region, wrong], [70, 15, 15])[0]
    elif base == "e164":
        plain = e164(number)
    elif base == "national":
        plain = national(rng, number)
        say = rng.choices([region, None, wrong], [50, 22, 28])[0]
        base = "national, " + ("right region" if say == region else "no region" if say is None else "wrong region")
    elif base == "idd":
        origin = rng.choice([o for o in ORIGINS if COUNTRY_CODES[o] != number.country_code])
        dialled = phonenumbers.format_out_of_country_calling_number(number, origin)
        if not dialled[:1].isdigit():
            return None
        plain, say = "+" + rng.choice([dialled, dialled.replace(" ", "", 1)]), rng.choice([None, None, origin])
    elif base == "trunk":
        metadata = PhoneMetadata.metadata_for_region(region) if geographic else None
        if metadata is None or metadata.national_prefix != "0":
            return None
        rest = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)[1 + len(cc):].lstrip()
        plain = "+" + cc + rng.choice([" (0)", "(0)", " (0) "]) + rest
    else:
        ext = rng_digits(rng, 8) if rng.random() < 0.35 else ""
        text, base = tel_uri(rng, number, ext)
        if text in ("tel:" + e164(number), "tel:" + e164(number) + ";ext=" + ext):
            return None
        return base + (", extension" if ext else ""), text, None, text, text.split(";ext=")[0]
    kind, core = [base], plain
    if rng.random() < 0.3 or base == "e164":
        decoration = rng.randrange(3)
    else:
        decoration = None
    if decoration == 0:
        core = plain + extension(rng)
        kind.append("extension")
    text = core
    if decoration == 1 or (decoration == 0 and rng.random() < 0.3):
        text = rng.choice(LABELS) + text
        kind.append("label")
    if decoration == 2:
        text = text + rng.choice(NOTES)
        kind.append("note")
    if base == "e164" and text == plain:
        return None
    return ", ".join(kind), text, say, core, plain


@functools.lru_cache(maxsize=None)
def other_regions(country_code):
    return [r for r in REGIONS if COUNTRY_CODES[r] != country_code]


def corpus(rng, size):
    numbers = valid_numbers(rng)
    items = []
    # Every region's national format, said, unsaid and wrongly said.
    for region in REGIONS:
        example = phonenumbers.example_number(region)
        if example is None or not phonenumbers.is_valid_number(example):
            continue
        text = phonenumbers.format_number(example, PhoneNumberFormat.NATIONAL)
        wrong = rng.choice(other_regions(example.country_code))
        for say, kind in ((region, "right region"), (None, "no region"), (wrong, "wrong region")):
            items.append(("national, " + kind, text, say, text, text))
    while len(items) < size:
        region, number = rng.choice(numbers)
        if region is not None:
            region = phonenumbers.region_code_for_number(number) or region
        item = pasted(rng, region, number)
        if item is not None:
            items.append(item)
    return items


@functools.lru_cache(maxsize=None)
def valid(country_code, national_number, italian_leading_zero, number_of_leading_zeros):
    return phonenumbers.is_valid_number(phonenumbers.PhoneNumber(
        country_code=country_code, national_number=national_number, italian_leading_zero=italian_leading_zero,
        number_of_leading_zeros=number_of_leading_zeros))


def reading(number):
    """A valid number's (E.164, extension), or None."""
    if number is None or not valid(number.country_code, number.national_number, number.italian_leading_zero,
                                   number.number_of_leading_zeros):
        return None
    return e164(number), number.extension or ""


def readings_anywhere(texts):
    """With no region and no +: every valid reading, as the digits with a + before them and as
    dialled in each region (differential.py's all_readings; the extension is not digits of the
    number)."""
    core, plain = texts
    digits = "".join(c for c in plain if c.isdigit())
    found = {reading(parse("+" + digits))} | {reading(parse(core, region)) for region in REGIONS}
    return frozenset(found - {None})


def idd_readings(core):
    """A + before an international prefix (+0033, +011 44): libphonenumber refuses the +; the
    readings are the digits after each international prefix they start with, as a number with
    its country code (so +001 473... is Grenada's after 00 and Norway's after Guyana's 001).
    The digits must be the number's E.164 as they stand: after Samoa's prefix 0, parse reads
    +0 1 1 361... as +1 361..., a 1 dropped as the national prefix."""
    text = core.lstrip()[1:]
    digits = "".join(c for c in text if c.isdigit())
    found = set()
    for prefix in IDD_PREFIXES:
        if digits.startswith(prefix):
            # The extension, if any, stays where it is: only the prefix's digits go.
            rest, taken = text, 0
            while taken < len(prefix):
                taken += rest[0].isdigit()
                rest = rest[1:]
            number = reading(parse("+" + rest))
            if number and digits[len(prefix):].startswith(number[0][1:]):
                found.add(number)
    return found - {None}


def anywhere(item):
    _, _, region, core, _ = item
    return region is None and not core.lstrip().startswith(("+", "\uff0b", "tel:"))


def answers(item):
    """Every valid reading of the text, without its label or note (libphonenumber reads a
    label as nothing, but a note's letters as digits: 0664-123087 (cell) as +436641230872355):
    one is the answer, none or more is no single answer."""
    _, _, region, core, plain = item
    if anywhere(item):
        return readings_anywhere((core, plain))
    found = {reading(parse(core, region))} - {None}
    if core.lstrip().startswith("+"):
        found |= idd_readings(core)
    return frozenset(found)


def written_answer(replacement):
    """What a fix writes, as (E.164, extension); None if it is neither +E164 nor tel:+E164[;ext=N]."""
    text = json.loads(replacement)
    match = re.fullmatch(r"(tel:)?(\+[1-9]\d{1,14})(?:;ext=(\d{1,20}))?", text)
    if match is None or (match.group(3) and not match.group(1)):
        return None
    return match.group(2), match.group(3) or ""


def main():
    args = arguments(seed=20261204)
    phonenumbers.enable_pattern_cache()  # the oracle reads in every region: 47 ms a string without, 14 ms with
    rng = random.Random(args.seed)
    items = corpus(rng, args.size)

    # The binary runs (once a region) while the oracle, which reads some strings in every region,
    # runs in worker processes, forked before the thread starts.
    with multiprocessing.Pool() as pool:
        results = [None] * len(items)
        linting = threading.Thread(target=lint_all, args=(args.binary, items, results))
        linting.start()
        oracle = pool.map(answers, items, chunksize=64)
        linting.join()
    if any(r is None for r in results):
        sys.exit("call-lint gave no results")

    counts = collections.Counter()
    by_kind = collections.defaultdict(collections.Counter)
    failures = collections.defaultdict(list)
    for item, diagnostics, found in zip(items, results, oracle):
        kind, text, region = item[:3]
        answer = next(iter(found)) if len(found) == 1 else None
        counts["strings"] += 1
        by_kind[kind]["strings"] += 1
        if not diagnostics:
            failures["(b) no finding"].append((kind, text, region, sorted(found)))
        if answer:
            counts["one answer"] += 1
            by_kind[kind]["one answer"] += 1
        elif found:
            counts["several readings"] += 1
        else:
            counts["no reading"] += 1
            if not any(d["severity"] == "error" for d in diagnostics):
                counts["no reading, no error"] += 1
        right = False
        for diagnostic in diagnostics:
            fix = diagnostic.get("fix")
            if not fix or not diagnostic["rule"].startswith("e164-"):
                continue
            counts["fixes offered"] += 1
            counts[f"fixes {fix['applicability']}"] += 1
            replacement = fix["edits"][0]["replacement"]
            written = written_answer(replacement)
            if written and not written[1] and json.loads(replacement).startswith("tel:"):
                counts["tel: without an extension"] += 1
            if answer is not None and written == answer:
                right = True
                continue
            row = (kind, text, region, diagnostic["rule"], json.loads(replacement), sorted(found) or "no reading")
            name = "(a) rewrite where there is no single answer" if answer is None else "(a) rewrite differs"
            failures[name].append(row)
            by_kind[kind]["wrong"] += 1
        if answer and right:
            counts["right rewrite"] += 1
            by_kind[kind]["right rewrite"] += 1
        elif answer:
            drawn = [(d["rule"], d["severity"]) for d in diagnostics]
            failures["(c) no right rewrite"].append((kind, text, region, drawn, answer))

    wrong = len(failures["(a) rewrite differs"]) + len(failures["(a) rewrite where there is no single answer"])
    silent = len(failures["(b) no finding"])
    rate = counts["right rewrite"] / max(counts["one answer"], 1)
    print(f"phone pasted forms: {counts['strings']} strings (seed {args.seed}),"
          f" phonenumbers {phonenumbers.__version__}")
    print(f"  one right answer: {counts['one answer']}, several readings: {counts['several readings']},"
          f" no valid reading: {counts['no reading']} (of which without an error: {counts['no reading, no error']})")
    print(f"  fixes offered: {counts['fixes offered']} ({counts['fixes safe']} safe, {counts['fixes suggestion']}"
          f" suggestions; {counts['tel: without an extension']} write tel:+E164)")
    print(f"  (a) rewrites differing from libphonenumber's one answer, or where there is none: {wrong}")
    print(f"  (b) strings with no finding: {silent}")
    print(f"  (c) right rewrite offered: {counts['right rewrite']} of {counts['one answer']} ({100 * rate:.2f}%)")
    print(f"  {'form':<42} {'strings':>7} {'one answer':>10} {'right fix':>9} {'wrong fix':>9}")
    for kind in sorted(by_kind):
        row = by_kind[kind]
        print(f"  {kind:<42} {row['strings']:>7} {row['one answer']:>10} {row['right rewrite']:>9} {row['wrong']:>9}")
    for name in sorted(failures):
        rows = failures[name]
        print(f"  {name}: {len(rows)}")
        for row in rows[:8]:
            print(f"    {row}")
    ok = counts["strings"] >= 20000 and wrong == 0 and silent == 0 and rate >= 0.95
    print("phone pasted forms: " + ("ok" if ok else "FAILED"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
