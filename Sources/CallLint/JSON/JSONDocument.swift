/// One node of the parsed tree. Nodes live in one flat array in document order, linked by
/// index: a deep or huge document costs no recursion and one allocation, not one per value.
/// A node is 32 bytes: offsets are 32-bit (the parser refuses inputs of 2 GiB or more), a
/// container's first child is always the next node, and a key's end is found from its start.
struct JSONNodeStorage {
    var kind: JSONKind
    var hasEscapes: Bool
    var keyHasEscapes: Bool
    var start: Int32
    var end: Int32
    /// Offset of the member's key token (its opening quote), or -1 when not an object member.
    var keyStart: Int32
    var parent: Int32
    var nextSibling: Int32
    var childCount: Int32
    /// Index among the parent's children, so a pointer costs its depth, not its siblings.
    var position: Int32
}

/// A parsed JSON text that remembers where every value and key came from.
public final class JSONDocument {
    public let source: SourceText
    var nodes: [JSONNodeStorage]
    /// The index of this document's root in the array it was taken from (`--array`), if any.
    /// Kept as a number, and written out only in a pointer that is printed: an array has
    /// hundreds of thousands of elements, and most of them have no finding.
    public let elementIndex: Int?
    /// The pointer of this document's root within the array it was taken from ("/17").
    public var pointerPrefix: String { elementIndex.map { "/\($0)" } ?? "" }
    /// Where the values a template or code fills in start (a placeholder written outside
    /// quotes, a JavaScript identifier), read as strings: the checks of content and type pass
    /// over them, as over a quoted placeholder.
    var templateValueStarts: Set<Int> = []

    init(source: SourceText, nodes: [JSONNodeStorage], elementIndex: Int? = nil) {
        self.source = source
        self.nodes = nodes
        self.elementIndex = elementIndex
    }

    public var root: JSONValue { JSONValue(document: self, index: 0) }
    public var nodeCount: Int { nodes.count }

    func value(_ index: Int32) -> JSONValue? {
        index < 0 ? nil : JSONValue(document: self, index: index)
    }
}

/// A cheap handle on one node: the document plus an index.
public struct JSONValue {
    public let document: JSONDocument
    let index: Int32

    var storage: JSONNodeStorage { document.nodes[Int(index)] }

    public var kind: JSONKind { storage.kind }
    /// Byte range of the value's own text.
    public var range: Range<Int> { Int(storage.start)..<Int(storage.end) }
    /// Byte range of the member key token (with quotes), when this value sits in an object.
    public var keyRange: Range<Int>? {
        let node = storage
        return node.keyStart < 0 ? nil : Int(node.keyStart)..<keyEnd(Int(node.keyStart))
    }

    /// The end of the (already validated) key token that starts at `start`.
    func keyEnd(_ start: Int) -> Int {
        let bytes = document.source.bytes
        var index = start + 1
        while bytes[index] != UInt8(ascii: "\"") {
            index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        return index + 1
    }
    /// Byte range of `"key": value` when a member, else of the value.
    public var memberRange: Range<Int> {
        if let key = keyRange { return key.lowerBound..<range.upperBound }
        return range
    }
    public var key: String? {
        let node = storage
        guard node.keyStart >= 0 else { return nil }
        return JSONStringDecoder.decode(
            document.source.bytes, Int(node.keyStart)..<keyEnd(Int(node.keyStart)), hasEscapes: node.keyHasEscapes)
    }
    public var parent: JSONValue? { document.value(storage.parent) }
    public var childCount: Int { Int(storage.childCount) }

    public var isContainer: Bool { kind == .object || kind == .array }

    /// Children in document order: elements of an array, member values of an object.
    public var children: JSONChildren {
        JSONChildren(document: document, first: storage.childCount > 0 ? index + 1 : -1)
    }

    /// The decoded string when this is a string.
    public var stringValue: String? {
        let node = storage
        guard node.kind == .string else { return nil }
        return JSONStringDecoder.decode(document.source.bytes, range, hasEscapes: node.hasEscapes)
    }

    /// A value a template or code fills in (see JSONDocument.templateValueStarts).
    var isTemplateValue: Bool {
        !document.templateValueStarts.isEmpty && document.templateValueStarts.contains(Int(storage.start))
    }

    /// The value's source text exactly as written.
    public var rawText: String { document.source.text(range) }

    /// Member value for a key (the first one, when a key is duplicated).
    public func member(_ name: String) -> JSONValue? {
        guard kind == .object else { return nil }
        return children.first { $0.hasKey(name) }
    }

    /// Whether this value is an object member under `name`: the key's bytes are compared as
    /// written, and decoded only when it has escapes.
    func hasKey(_ name: String) -> Bool {
        let node = storage
        guard node.keyStart >= 0 else { return false }
        let start = Int(node.keyStart)
        if node.keyHasEscapes { return key == name }
        let bytes = document.source.bytes
        var index = start + 1
        for byte in name.utf8 {
            // A quote in the name cannot match a key without escapes, and would read past it.
            guard bytes[index] == byte, byte != UInt8(ascii: "\"") else { return false }
            index += 1
        }
        return bytes[index] == UInt8(ascii: "\"")
    }

    /// RFC 6901 JSON Pointer of this node. Written as bytes straight from the keys' source
    /// text into room on the stack, then made a string once: every finding printed has one,
    /// and most are short enough to need no memory of their own.
    public var pointer: String {
        guard storage.parent >= 0 else { return document.pointerPrefix }
        let nodes = document.nodes
        let source = document.source.bytes
        let prefix = document.pointerPrefix
        // The path's depth, and room enough: a key's token is at most twice its written bytes
        // (decoding shortens an escape; `~` and `/` take two bytes), an index at most 11.
        var depth = 0
        var room = prefix.utf8.count
        var current = index
        while nodes[Int(current)].parent >= 0 {
            let node = nodes[Int(current)]
            depth += 1
            room += 1 + (node.keyStart >= 0 ? 2 * (keyEnd(Int(node.keyStart)) - Int(node.keyStart)) : 11)
            current = node.parent
        }
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: depth) { path in
            // From this node up to the root's child, then written root first.
            current = index
            for level in stride(from: depth - 1, through: 0, by: -1) {
                path[level] = current
                current = nodes[Int(current)].parent
            }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) { text in
                var count = 0
                for byte in prefix.utf8 {
                    text[count] = byte
                    count += 1
                }
                for node in path {
                    text[count] = UInt8(ascii: "/")
                    count += 1
                    let storage = nodes[Int(node)]
                    guard storage.keyStart >= 0 else {
                        for byte in String(storage.position).utf8 {
                            text[count] = byte
                            count += 1
                        }
                        continue
                    }
                    let key = Int(storage.keyStart)..<keyEnd(Int(storage.keyStart))
                    if storage.keyHasEscapes {
                        JSONPointer.writeEscaped(
                            JSONStringDecoder.decode(source, key, hasEscapes: true).utf8, into: text, at: &count)
                    } else {
                        JSONPointer.writeEscaped(
                            source[(key.lowerBound + 1)..<(key.upperBound - 1)], into: text, at: &count)
                    }
                }
                return String(decoding: UnsafeBufferPointer(rebasing: text[..<count]), as: UTF8.self)
            }
        }
    }
}

public struct JSONChildren: Sequence {
    let document: JSONDocument
    let first: Int32

    public struct Iterator: IteratorProtocol {
        let document: JSONDocument
        var upcoming: Int32
        public mutating func next() -> JSONValue? {
            guard upcoming >= 0 else { return nil }
            let value = JSONValue(document: document, index: upcoming)
            upcoming = document.nodes[Int(upcoming)].nextSibling
            return value
        }
    }

    public func makeIterator() -> Iterator { Iterator(document: document, upcoming: first) }
}

extension JSONValue {
    /// Every value inside this one, in document order. Nodes are stored in pre-order, so a
    /// subtree is the run of nodes after this one that start before it ends.
    public var descendants: [JSONValue] {
        var found: [JSONValue] = []
        let end = storage.end
        var index = Int(self.index) + 1
        let nodes = document.nodes
        while index < nodes.count, nodes[index].start < end {
            found.append(JSONValue(document: document, index: Int32(index)))
            index += 1
        }
        return found
    }

    /// This value and every object inside it that has more than `count` members, in document
    /// order. The nodes are read in place and a value is made only for such an object: most
    /// values of a body are strings, and a value for each cost more than the search.
    func objectsInSubtree(withMoreMembersThan count: Int) -> [JSONValue] {
        var found: [JSONValue] = []
        let nodes = document.nodes
        let end = storage.end
        var index = Int(self.index)
        while index < nodes.count, index == Int(self.index) || nodes[index].start < end {
            if nodes[index].kind == .object, nodes[index].childCount > count {
                found.append(JSONValue(document: document, index: Int32(index)))
            }
            index += 1
        }
        return found
    }

    /// The sibling before this one in its container.
    public var previousSibling: JSONValue? {
        guard let parent else { return nil }
        var previous: JSONValue?
        for sibling in parent.children {
            if sibling.index == index { return previous }
            previous = sibling
        }
        return nil
    }

    public var nextSibling: JSONValue? { document.value(storage.nextSibling) }
}
