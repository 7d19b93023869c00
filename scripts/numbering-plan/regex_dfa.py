"""The subset of regular expressions libphonenumber's metadata uses, compiled to DFAs over digits."""

class Parser:
    def __init__(self, text):
        self.text, self.pos = text, 0
        # NFA: per state, list of (digitset or None for epsilon, target)
        self.edges = []

    def new(self):
        self.edges.append([])
        return len(self.edges) - 1

    def peek(self):
        return self.text[self.pos] if self.pos < len(self.text) else None

    def take(self):
        c = self.text[self.pos]
        self.pos += 1
        return c

    def parse(self):
        start, end = self.alternation()
        if self.pos != len(self.text):
            raise ValueError(f"unexpected {self.peek()!r} at {self.pos} in {self.text!r}")
        return start, end

    def alternation(self):
        branches = [self.sequence()]
        while self.peek() == "|":
            self.take()
            branches.append(self.sequence())
        if len(branches) == 1:
            return branches[0]
        s, e = self.new(), self.new()
        for bs, be in branches:
            self.edges[s].append((None, bs))
            self.edges[be].append((None, e))
        return s, e

    def sequence(self):
        s = self.new()
        cur = s
        while self.peek() not in (None, "|", ")"):
            fs, fe = self.quantified()
            self.edges[cur].append((None, fs))
            cur = fe
        return s, cur

    def quantified(self):
        begin = self.pos
        fs, fe = self.atom()
        atom_text = self.text[begin:self.pos]
        c = self.peek()
        if c == "?":
            self.take()
            lo, hi = 0, 1
        elif c == "{":
            self.take()
            spec = ""
            while self.peek() != "}":
                spec += self.take()
            self.take()
            if "," in spec:
                a, b = spec.split(",")
                lo, hi = int(a), (int(b) if b else None)
            else:
                lo = hi = int(spec)
        elif c in ("*", "+"):
            self.take()
            lo, hi = (0 if c == "*" else 1), None
        else:
            return fs, fe
        # Re-parse the atom for each copy.
        copies = []
        count = hi if hi is not None else lo + 1
        for _ in range(max(count, 1)):
            sub = Parser(atom_text)
            sub.edges = self.edges
            copies.append(sub.atom())
        s = self.new()
        cur = s
        end = self.new()
        for i, (cs, ce) in enumerate(copies[:count]):
            if i >= lo:
                self.edges[cur].append((None, end))
            self.edges[cur].append((None, cs))
            cur = ce
        self.edges[cur].append((None, end))
        if hi is None:  # unbounded: loop the last copy
            ls, le = copies[-1]
            self.edges[le].append((None, ls))
        return s, end

    def atom(self):
        c = self.take()
        if c == "(":
            if self.text.startswith("?:", self.pos):
                self.pos += 2
            s, e = self.alternation()
            assert self.take() == ")"
            return s, e
        if c == "[":
            digits = set()
            negate = self.peek() == "^"
            if negate:
                self.take()
            prev = None
            while self.peek() != "]":
                ch = self.take()
                if ch == "-" and prev is not None and self.peek() != "]":
                    hi = self.take()
                    digits |= {str(d) for d in range(int(prev), int(hi) + 1)}
                    prev = None
                    continue
                if ch == "\\":
                    assert self.take() == "d"
                    digits |= set("0123456789")
                    prev = None
                    continue
                digits.add(ch)
                prev = ch
            self.take()
            if negate:
                digits = set("0123456789") - digits
            return self.edge(frozenset(digits))
        if c == "\\":
            d = self.take()
            assert d == "d", d
            return self.edge(frozenset("0123456789"))
        if c == "$":
            s = self.new()
            return s, s
        if c.isdigit():
            return self.edge(frozenset(c))
        raise ValueError(f"unsupported {c!r} in {self.text!r}")

    def edge(self, digits):
        s, e = self.new(), self.new()
        self.edges[s].append((digits, e))
        return s, e


class NFA:
    def __init__(self, pattern):
        p = Parser(pattern)
        self.start, self.accept = p.parse()
        self.edges = p.edges

    def closure(self, states):
        stack, seen = list(states), set(states)
        while stack:
            s = stack.pop()
            for digits, t in self.edges[s]:
                if digits is None and t not in seen:
                    seen.add(t)
                    stack.append(t)
        return frozenset(seen)

    def initial(self):
        return self.closure([self.start])

    def step(self, states, digit):
        return self.closure([t for s in states for digits, t in self.edges[s] if digits and digit in digits])

    def accepts(self, states):
        return self.accept in states


MAX_DEPTH = 17


def build_dfa(start, step, accepting, dead):
    """Explores a finite, acyclic automaton given as functions; returns a minimal DFA as a list
    of (accept, [target or -1] * 10) with state 0 the start."""
    states = {start: None}
    order = [start]
    trans = {}
    i = 0
    while i < len(order):
        s = order[i]
        i += 1
        row = []
        for d in "0123456789":
            t = step(s, d)
            if t is None or dead(t):
                row.append(None)
                continue
            if t not in states:
                states[t] = None
                order.append(t)
            row.append(t)
        trans[s] = row
    # Minimise: the graph is acyclic (depth is part of every state), so canonicalise from
    # the deepest states up.
    canon = {}
    signatures = {}
    for s in sorted(order, key=lambda s: -s[-1]):
        sig = (accepting(s), tuple(canon[t] if t is not None else -1 for t in trans[s]))
        canon[s] = signatures.setdefault(sig, len(signatures))
    # Drop states from which nothing is accepted.
    live = {}
    for sig, cid in signatures.items():
        pass
    by_id = {cid: sig for sig, cid in signatures.items()}
    alive = {}
    def is_alive(cid):
        if cid in alive:
            return alive[cid]
        acc, row = by_id[cid]
        alive[cid] = acc or any(t >= 0 and is_alive(t) for t in row)
        return alive[cid]
    # Renumber in breadth-first order from the start.
    root = canon[start]
    if not is_alive(root):
        return [(False, [-1] * 10)]
    ids = {root: 0}
    queue = [root]
    out = []
    j = 0
    while j < len(queue):
        cid = queue[j]
        j += 1
        acc, row = by_id[cid]
        new_row = []
        for t in row:
            if t < 0 or not is_alive(t):
                new_row.append(-1)
                continue
            if t not in ids:
                ids[t] = len(ids)
                queue.append(t)
            new_row.append(ids[t])
        out.append((acc, new_row))
    return out


def pattern_dfa(pattern):
    nfa = NFA(pattern)
    return build_dfa(
        (nfa.initial(), 0),
        lambda s, d: (nfa.step(s[0], d), s[1] + 1) if s[1] < MAX_DEPTH else None,
        lambda s: nfa.accepts(s[0]),
        lambda s: not s[0])


def valid_number_dfa(general, types):
    """general: (pattern, lengths); types: [(pattern, lengths)]. Accepts what libphonenumber's
    number-type test accepts: the general pattern and length, and one type's pattern and length."""
    g = NFA(general[0])
    ts = [NFA(p) for p, _ in types]
    start = (g.initial(), tuple(t.initial() for t in ts), 0)
    def step(s, d):
        if s[2] >= MAX_DEPTH:
            return None
        return (g.step(s[0], d), tuple(t.step(x, d) for t, x in zip(ts, s[1])), s[2] + 1)
    def accepting(s):
        depth = s[2]
        if not g.accepts(s[0]) or (general[1] and depth not in general[1]):
            return False
        return any(t.accepts(x) and (not lengths or depth in lengths) for t, x, (_, lengths) in zip(ts, s[1], types))
    return build_dfa(start, step, accepting, lambda s: not s[0] or not any(s[1]))
