extension CodeFixtureExpectations {
    /// Fixtures/code/python, csharp, java and go.
    static let typed: [String: [Finding]] = [
        "code/python/dict-call-misspelt.py": [Finding("unknown-key", line: 12, column: 9)],
        "code/csharp/anonymous-object-to-from.cs": [
            Finding("unknown-key", line: 17, column: 17), Finding("unknown-key", line: 18, column: 17),
        ],
        "code/java/good-jsonobject-put.java": [],
        "code/python/bad-number.py": [Finding("e164-country-code", line: 14, column: 28)],
        "code/python/good-data-json-dumps.py": [],
        "code/python/good-requests-json.py": [],
        "code/python/good-sdk-dict-body.py": [],
        "code/python/good-sdk-model.py": [],
        "code/python/invented-key-sdk.py": [Finding("unknown-key", line: 12, column: 10)],
        "code/python/malformed-id-sdk.py": [Finding("id-format", line: 14, column: 34)],
        "code/python/misspelt-key-dict.py": [Finding("unknown-key", line: 12, column: 9)],
        "code/python/good-no-call-body.py": [],
        "code/python/participants-wrong-shape.py": [
            Finding("participants-shape", line: 12, column: 26),
            Finding("participants-shape", line: 12, column: 42),
        ],
        "code/python/two-targets.py": [Finding("multiple-targets", line: 15, column: 9)],
        "code/csharp/bad-id-constructor.cs": [Finding("id-format", line: 25, column: 34)],
        "code/csharp/good-async-participants.cs": [],
        "code/csharp/good-object-initializer.cs": [],
        "code/csharp/invented-key.cs": [Finding("unknown-key", line: 21, column: 17)],
        "code/csharp/two-targets.cs": [Finding("multiple-targets", line: 14, column: 14)],
        "code/java/bad-number-setters.java": [Finding("e164-length", line: 17, column: 29)],
        "code/java/good-fluent-builder.java": [],
        "code/java/good-setters-request-builder.java": [],
        "code/java/misspelt-key-map.java": [Finding("unknown-key", line: 18, column: 17)],
        "code/java/two-targets.java": [Finding("multiple-targets", line: 18, column: 18)],
        "code/go/good-helpers-participants.go": [],
        "code/go/good-struct-literal.go": [],
        "code/go/invented-key-map.go": [Finding("unknown-key", line: 16, column: 3)],
        "code/go/malformed-id.go": [Finding("id-format", line: 20, column: 15)],
        "code/go/two-targets.go": [Finding("multiple-targets", line: 16, column: 6)],
    ]
}
