/// What each code fixture (Fixtures/code/LANGUAGE/) must draw: the findings, other than the
/// `embedded-body` notes, at the line and column where the mistake is written in the code. A
/// fixture listed with no findings holds bodies that are valid as the program sends them.
/// The tables are kept one file per language (CodeFixtureExpectations+LANGUAGE.swift).
struct CodeFixtureExpectations {
    struct Finding: Hashable, CustomStringConvertible {
        let rule: String
        let line: Int
        let column: Int

        init(_ rule: String, line: Int, column: Int) {
            self.rule = rule
            self.line = line
            self.column = column
        }

        var description: String { "\(line):\(column) \(rule)" }
    }
}
