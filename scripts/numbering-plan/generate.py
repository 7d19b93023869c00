"""Writes Sources/CallLint/PhoneNumbers/NumberingPlanData.swift from libphonenumber's metadata,
as the PyPI package `phonenumbers` carries it (Apache-2.0; see NOTICE).

Each region's number patterns are compiled here, once, into minimal DFAs over the digits, so
the binary needs no regular-expression engine: checking a number is a walk of at most 17
table look-ups. Run through scripts/numbering-plan.sh, which pins the package version.
"""
import re
import sys

import phonenumbers
from phonenumbers import PhoneMetadata, geocoder

from regex_dfa import pattern_dfa, valid_number_dfa

NUMBER_TYPES = ["fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost", "personal_number",
                "voip", "pager", "uan", "voicemail"]

# Regions the package's English names leave blank, and the non-geographic codes.
NAMES = {"AC": "Ascension Island", "TA": "Tristan da Cunha", "XK": "Kosovo"}
NON_GEOGRAPHIC_NAMES = {
    800: "International Freephone", 808: "International Shared Cost Service", 870: "Inmarsat",
    878: "Universal Personal Telecommunications", 881: "Global Mobile Satellite System",
    882: "International Networks", 883: "International Networks", 888: "UN OCHA",
    979: "International Premium Rate Service",
}


def encode_dfa(dfa):
    """`!` or `.` (accepting or not), then the ten digits' targets as runs `target*count`, `-` for
    none; states end with `;`. State 0 is the start."""
    out = []
    for accept, row in dfa:
        runs = []
        for target in row:
            if runs and runs[-1][0] == target:
                runs[-1][1] += 1
            else:
                runs.append([target, 1])
        text = ",".join(("-" if t < 0 else str(t)) + (f"*{n}" if n > 1 else "") for t, n in runs)
        out.append(("!" if accept else ".") + text + ";")
    return "".join(out)


def prefix_dfa(pattern):
    return encode_dfa(pattern_dfa(pattern)) if pattern else ""


def national_prefix_parsing(parsing, transform):
    """How a region's national prefix is read, in one of three forms:
    - "" : a prefix pattern, removed as it is;
    - "local": `(X)$|rest` with the rule `P\\1` (a local number X gains the area code P), and
      `rest` removed as it is;
    - "rules": prefixes and what each becomes, listed out (Argentina's `0 11 15` -> `9 11`,
      Brazil's carrier codes, Gabon's 0): every listed reading is tried, so a number that could
      read two ways gets no fix.
    Returns (kind, prefix DFA, local DFA, local prefix, rules)."""
    if not parsing:
        return "", "", "", "", ""
    if not transform:
        return "", prefix_dfa(parsing), "", "", ""
    alternatives = split_alternatives(parsing)
    local = re.fullmatch(r"\((.*)\)\$", alternatives[0])
    if local and re.fullmatch(r"\d*\\1", transform):
        rest = "|".join(alternatives[1:])
        return "local", prefix_dfa(rest), encode_dfa(pattern_dfa(local.group(1))), transform[:-2], ""
    return "rules", "", "", "", ",".join(f"{p}:{r}" for p, r in prefix_rules(parsing, transform))


def split_alternatives(pattern):
    depth, start, parts = 0, 0, []
    for i, c in enumerate(pattern):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def prefix_rules(parsing, transform):
    """The prefixes a transforming pattern matches, each with what it becomes. A trailing
    `(\\d{a,b})` group (Brazil: the number after a carrier code) is the rest of the number, kept."""
    if transform == "\\1" and re.fullmatch(r"0\(.*\)", parsing):
        # Gabon: `0(X)` keeps X: the 0 goes (before a number of the listed forms).
        return [("0", "")]
    kept_rest = re.search(r"\(\\d\{\d+,\d+\}\)\)\?$", parsing)
    prefix_pattern = parsing[:kept_rest.start()] + ")?" if kept_rest else parsing
    compiled = re.compile(prefix_pattern)
    rules = set()
    for text in accepted_strings(pattern_dfa(prefix_pattern)):
        match = compiled.fullmatch(text)
        if not match:
            continue
        if kept_rest:
            # Brazil: `0` or `90` and a carrier code are dropped; the number follows.
            rules.add((text, ""))
            continue
        groups = [g for g in match.groups() if g is not None]
        if not groups:
            rules.add((text, ""))
            continue
        replaced = re.sub(r"\\(\d)", lambda m: match.group(int(m.group(1))) or "", transform)
        rules.add((text, replaced))
    return sorted(rules)


def accepted_strings(dfa, limit=20000):
    found, stack = [], [(0, "")]
    while stack:
        state, text = stack.pop()
        accept, row = dfa[state]
        if accept:
            found.append(text)
            if len(found) > limit:
                raise ValueError("too many prefixes to list")
        for digit, target in enumerate(row):
            if target >= 0:
                stack.append((target, text + str(digit)))
    return found


def first_digits(dfa):
    """Bit d: some accepted string starts with digit d."""
    return sum(1 << d for d, target in enumerate(dfa[0][1]) if target >= 0) if dfa else 0


def second_digits(dfa):
    """Bit d: some accepted string has d as its second digit."""
    mask = 0
    for target in dfa[0][1] if dfa else []:
        if target >= 0:
            mask |= sum(1 << d for d, t in enumerate(dfa[target][1]) if t >= 0)
    return mask


def accepted_lengths(dfa):
    """Bit n: some accepted string has n digits."""
    mask, frontier = 0, {0}
    for depth in range(18):
        if any(dfa[state][0] for state in frontier):
            mask |= 1 << depth
        frontier = {t for state in frontier for t in dfa[state][1] if t >= 0}
    return mask


def scan_metadata(metadata):
    """What the scan of every country for a number's readings tests before decoding a region:
    (valid first digits, possible lengths, international prefix first and second digits,
    national prefix first digits, local number lengths, kind)."""
    general = metadata.general_desc
    types = [(getattr(metadata, t).national_number_pattern, {n for n in getattr(metadata, t).possible_length if n > 0})
             for t in NUMBER_TYPES if getattr(metadata, t) is not None and getattr(metadata, t).national_number_pattern]
    valid = valid_number_dfa((general.national_number_pattern, set(general.possible_length)), types)
    idd = pattern_dfa(metadata.international_prefix) if metadata.international_prefix else None
    parsing = metadata.national_prefix_for_parsing or ""
    transform = metadata.national_prefix_transform_rule or ""
    kind, prefix, local = 0, None, None
    if parsing and not transform:
        prefix = pattern_dfa(parsing)
    elif parsing:
        alternatives = split_alternatives(parsing)
        match = re.fullmatch(r"\((.*)\)\$", alternatives[0])
        if match and re.fullmatch(r"\d*\\1", transform):
            kind, local = 1, pattern_dfa(match.group(1))
            rest = "|".join(alternatives[1:])
            prefix = pattern_dfa(rest) if rest else None
        else:
            kind = 2
    mask = sum(1 << n for n in set(general.possible_length) if n > 0)
    return (first_digits(valid), mask, first_digits(idd), second_digits(idd), first_digits(prefix),
            accepted_lengths(local) if local else 0, kind)


def region_record(region, metadata, name):
    general = metadata.general_desc
    types = []
    for number_type in NUMBER_TYPES:
        desc = getattr(metadata, number_type)
        if desc is not None and desc.national_number_pattern:
            types.append((desc.national_number_pattern, {n for n in desc.possible_length if n > 0}))
    valid = valid_number_dfa((general.national_number_pattern, set(general.possible_length)), types)
    mask = sum(1 << n for n in set(general.possible_length) if n > 0)
    local_mask = sum(1 << n for n in set(general.possible_length_local_only or ()) if n > 0)
    parsing = metadata.national_prefix_for_parsing or ""
    transform = metadata.national_prefix_transform_rule or ""
    kind, prefix_dfa_text, local_dfa, local_prefix, rules = national_prefix_parsing(parsing, transform)
    fields = [
        region, str(metadata.country_code), name, format(mask, "x") + "," + format(local_mask, "x"), metadata.national_prefix or "",
        kind, prefix_dfa_text,
        prefix_dfa(metadata.international_prefix),
        prefix_dfa(metadata.leading_digits),
        encode_dfa(pattern_dfa(general.national_number_pattern)),
        encode_dfa(valid),
        local_dfa, local_prefix, rules,
    ]
    for field in fields:
        assert "|" not in field and "\\" not in field and '"' not in field, field
    return "|".join(fields)


def all_metadata():
    for code in sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE):
        for region in phonenumbers.COUNTRY_CODE_TO_REGION_CODE[code]:
            if region == "001":
                yield region, code, PhoneMetadata.metadata_for_nongeo_region(code)
            else:
                yield region, code, PhoneMetadata.metadata_for_region(region)


def scan_lines():
    """The scan's table: per place, its metadata with the calling code's lengths and first
    digits merged over the regions sharing it."""
    places = list(all_metadata())
    metas = [scan_metadata(m) for _, _, m in places]
    by_code = {}
    for (region, code, _), meta in zip(places, metas):
        first, lengths = by_code.get(code, (0, 0))
        by_code[code] = (first | meta[0], lengths | meta[1])
    lines = ["    /// Per place: the calling code, whether the region is a country's, valid first digits and",
             "    /// lengths over the calling code's regions, the",
             "    /// international prefix's first and second digits, the national prefix's first digits,",
             "    /// the lengths of local numbers that gain an area code, and how the national prefix is",
             "    /// read (0 removed, 1 local, 2 rules): what the scan of every country tests before it",
             "    /// decodes a region.",
             "    static let scanMetadata: [ScanMetadata] = ["]
    entries = []
    for (region, code, _), meta in zip(places, metas):
        first, lengths = by_code[code]
        entries.append(
            f"ScanMetadata({code}, {str(region != '001').lower()}, 0x{first:x}, 0x{lengths:x}, 0x{meta[2]:x}, 0x{meta[3]:x}, "
            f"0x{meta[4]:x}, 0x{meta[5]:x}, {meta[6]})")
    lines += ["        " + e + "," for e in entries]
    lines.append("    ]")
    return lines


def records():
    rows = []
    for code in sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE):
        for region in phonenumbers.COUNTRY_CODE_TO_REGION_CODE[code]:
            if region == "001":
                metadata = PhoneMetadata.metadata_for_nongeo_region(code)
                name = NON_GEOGRAPHIC_NAMES[code]
            else:
                metadata = PhoneMetadata.metadata_for_region(region)
                name = geocoder._region_display_name(region, "en", None, None) or NAMES[region]
            rows.append(region_record(region, metadata, name))
    return rows


def swift_source():
    version = phonenumbers.__version__
    rows = records()
    lines = [
        "// swift-format-ignore-file",
        "// Generated by scripts/numbering-plan.sh from libphonenumber's metadata as carried by the",
        f"// PyPI package phonenumbers {version} (Copyright (C) The Libphonenumber Authors, Apache",
        "// License 2.0: see NOTICE). Do not edit: CI regenerates this file and fails if it differs.",
        "//",
        "// One region a line: region|calling code|name|possible lengths,lengths possible only locally",
        "// (hexadecimal, bit n: n digits)|national prefix|how it is read (empty, local or rules)|national",
        "// prefix DFA|international prefix DFA|leading digits DFA|general pattern DFA|valid number DFA|",
        "// local number DFA|the area code a local number gains|rules: prefix:replacement, comma-separated.",
        "// A DFA: states ending in `;`, `!` accepting or `.` not, then targets for the digits 0-9 as",
        "// runs `target*count`, `-` for none.",
        "",
        "extension NumberingPlan {",
        f'    static let metadataVersion = "{version}"',
        "",
        "    /// Each region's ISO 3166 code (001 for a non-geographic code), calling code, and where",
        "    /// its line starts and ends in `encodedRegions`: no scan of the data at start-up.",
        "    static let index: [IndexEntry] = [",
    ]
    offset = 0
    entries = []
    for row in rows:
        code, calling = row.split("|")[:2]
        size = len(row.encode())  # the Swift side counts UTF-8 bytes (Curaçao, Åland)
        entries.append(f'IndexEntry("{code}", {calling}, {offset}, {offset + size})')
        offset += size + 1
    line = "       "
    for entry in entries:
        if len(line) + len(entry) + 2 > 120:
            lines.append(line.rstrip())
            line = "       "
        line += " " + entry + ","
    lines.append(line.rstrip())
    lines += ["    ]", ""] + scan_lines() + ["", "    static let encodedRegions: StaticString = \"\"\""]
    lines += string_literal_lines(rows)
    lines.append("}")
    return "\n".join(lines) + "\n"


def string_literal_lines(rows):
    """The records as the lines of a Swift multi-line string, closed. A long record is split
    with a trailing backslash, which Swift reads as no line break, so the file stays readable
    in a diff."""
    lines = []
    width = 120 - 5  # four spaces of indentation and the trailing backslash
    for record in rows:
        chunks = [record[i:i + width] for i in range(0, len(record), width)]
        for chunk in chunks[:-1]:
            lines.append("    " + chunk + "\\")
        lines.append("    " + chunks[-1])
    lines.append('    """')
    return lines


if __name__ == "__main__":
    sys.stdout.write(swift_source())
