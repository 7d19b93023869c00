enum HelpText {
    static let version = "call-lint 0.1.0"
    static let versionNumber = String(version.dropFirst("call-lint ".count))

    static let usage = """
        call-lint: check request bodies for Genesys Cloud's POST /api/v2/conversations/calls

        Usage: call-lint [options] [--] [PATH ...]
               call-lint server            a language server (LSP) on standard input and output
               call-lint schema request    print the JSON Schema of the request body
               call-lint schema config     print the JSON Schema of .call-lint.json

        PATH is a file, a directory (searched for *.json, *.ndjson and *.jsonl files), or - for
        standard input. With no PATH, call-lint reads standard input. -- ends the options: put it
        before file names that a script or hook passes on (and before a file named server or schema).

        Output:
          --format FORMAT         text (default), json, sarif, github, junit or gitlab
          --output FORMAT=PATH    also write the report in FORMAT to PATH (repeatable); never an
                                  input of the run, unless PATH holds an earlier call-lint report
          --color WHEN            auto (default: on a terminal, unless NO_COLOR is set), always, never
          --quiet, -q             text: only the findings, no excerpts or summary
          --statistics            print how many findings each rule made
          --stdin-filename NAME   name standard input in messages (default <stdin>)

        Rules:
          --list-rules            list the rules with their severity and summary
          --explain RULE          print a rule's documentation
          --select RULES          run only these rules (comma-separated ids)
          --ignore RULES          do not run these rules
          --severity RULE=LEVEL   report RULE as error, warning or info
          --fail-on LEVEL         exit 1 on findings of LEVEL or worse (default error)
          --default-region CODE   the country national numbers belong to (ISO 3166, like GB);
                                  overrides defaultRegion in the configuration

        Configuration:
          --config PATH           read this configuration file; default: $CALL_LINT_CONFIG, else the
                                  first .call-lint.json in the working directory or a folder above
                                  it that you (or root) own
          --isolated              read no configuration file
          --show-config           print which configuration file is used, and exit

        Fixes:
          --fix                   apply safe fixes to the files, in place, atomically; for standard
                                  input, print the fixed text (as pasted where it can, else JSON)
          --diff                  print the safe fixes as a unified diff; change nothing

        Input:
          --input-format KIND     auto (default), json, curl, http, markdown, javascript,
                                  typescript, python, csharp, java or go. auto reads standard
                                  input and files other than *.json as what they turn out to be:
                                  a body, a curl command, an HTTP request, Markdown, or code;
                                  files named with a code extension (.js .ts .py .cs .java .go)
                                  are read as that language, for the body the program sends;
                                  *.json files are read as JSON (a body, a data action, a Postman
                                  collection or a HAR capture)
          --ndjson                read every input as NDJSON: one request body per line
                                  (automatic for *.ndjson and *.jsonl)
          --array                 read every input as a JSON array of request bodies, each
                                  checked on its own
          --jobs N                check N files at a time (default: one per core)

          --help, -h              this help
          --version               the version

        Exit status:
          0  no finding at or above the --fail-on level (default: no errors)
          1  at least one finding at or above the --fail-on level
          2  usage error, invalid configuration, a path that could not be read (every other
             path is still checked and reported), or output that could not be written

        Examples:
          call-lint payloads/
          pbpaste | call-lint
          pbpaste | call-lint --fix > fixed.json
          call-lint --format sarif -- templates/ > call-lint.sarif
          call-lint --explain e164-missing-plus

        """
}
