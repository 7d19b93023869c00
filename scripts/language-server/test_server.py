"""call-lint server driven by a real LSP client (pytest-lsp, lsprotocol), as editors drive it.

Every expectation is the command line's own output: the diagnostics must be what
`call-lint --format json` reports, with its byte offsets converted to the encoding the session
negotiated; a quick fix applied must be the fix's edits; fix-all applied must be what `--fix`
writes. Run by scripts/check-language-server.sh with CALL_LINT naming the binary.
"""

import json
import os
import pathlib
import subprocess

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

BINARY = os.environ["CALL_LINT"]
# Clients as their capabilities are recorded by pytest-lsp: Neovim offers UTF-8, VS Code does not.
CLIENTS = ["neovim", "visual-studio-code"]

# Texts with characters before the findings that count differently in bytes, UTF-16 units and
# code points: an emoji (4 bytes, 2 units), CJK (3 bytes, 1 unit), a combining mark, a
# no-break space; CRLF line ends; and each kind of input the command line reads.
DOCUMENTS = {
    "emoji.json": '{"callerIdName": "😀 東京 e\u0301\u00a0", "phoneNumber": "+1 317 555 0123", "callerId": "13175550100"}\n',
    "lines.json": '{\r\n  "callerIdName": "日本語 😀😀",\r\n  "phoneNumber": "+44 (0)20 7946 0958",\r\n'
    '  "to": "+13175550123"\r\n}\r\n',
    "bodies.ndjson": '{"phoneNumber": "+1317555012"}\n{"callerIdName": "Zoë 🎧", "phoneNumber": "tel:+1-317-555-0123"}\n',
    "curl.sh": "# 😀 from the docs\ncurl -X POST https://api.mypurecloud.com/api/v2/conversations/calls \\\n"
    "  -H 'Content-Type: application/json' -d '{\"phoneNumber\": \"+1 (317) 555-0123\", \"callType\": \"x\"}'\n",
    "call.js": "// 東京 office 😀\nconst body = { phoneNumber: '+1 317 555 0123', callerId: '+1317555012' };\n"
    "await conversationsApi.postConversationsCalls(body);\n",
}


def cli_findings(path):
    result = subprocess.run(
        [BINARY, "--isolated", "--format", "json", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def position(data, offset, encoding):
    """A byte offset of `data` as an LSP position: lines end at LF, CRLF or CR."""
    line, start, index = 0, 0, 0
    while index < offset:
        byte = data[index]
        if byte == 0x0A or (byte == 0x0D and (index + 1 >= len(data) or data[index + 1] != 0x0A)):
            line, start = line + 1, index + 1
        index += 1
    prefix = data[start:offset].rstrip(b"\r\n") if offset <= len(data) else data[start:]
    if encoding == "utf-8":
        character = len(prefix)
    else:
        character = len(prefix.decode("utf-8", "replace").encode("utf-16-le")) // 2
    return types.Position(line=line, character=character)


def offset(data, pos, encoding):
    """An LSP position of `data` as a byte offset."""
    starts, index = [0], 0
    while index < len(data):
        if data[index] == 0x0D and index + 1 < len(data) and data[index + 1] == 0x0A:
            index += 1
        if data[index] in (0x0A, 0x0D):
            starts.append(index + 1)
        index += 1
    if pos.line >= len(starts):
        return len(data)
    start = starts[pos.line]
    end = starts[pos.line + 1] if pos.line + 1 < len(starts) else len(data)
    line = data[start:end].rstrip(b"\r\n")
    if encoding == "utf-8":
        return start + min(pos.character, len(line))
    units = 0
    for index, char in enumerate(line.decode("utf-8")):
        if units >= pos.character:
            return start + len(line.decode("utf-8")[:index].encode("utf-8"))
        units += 2 if ord(char) > 0xFFFF else 1
    return start + len(line)


def apply_edits(data, edits, encoding):
    placed = [(offset(data, e.range.start, encoding), offset(data, e.range.end, encoding), e.new_text) for e in edits]
    for start, end, text in sorted(placed, reverse=True):
        data = data[:start] + text.encode("utf-8") + data[end:]
    return data


def negotiated(client):
    return "utf-8" if "utf-8" in (client.capabilities.general.position_encodings or []) else "utf-16"


@pytest_lsp.fixture(params=CLIENTS, config=ClientServerConfig(server_command=[BINARY, "server"]))
async def client(request, lsp_client: LanguageClient, tmp_path_factory):
    root = tmp_path_factory.mktemp("workspace")
    lsp_client.registrations = []

    # VS Code's capabilities let a server register for file events: the server asks to watch
    # .call-lint.json files, and an editor says yes.
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        lsp_client.registrations.extend(params.registrations)

    params = types.InitializeParams(
        capabilities=client_capabilities(request.param), root_uri=root.as_uri(), process_id=os.getpid()
    )
    result = await lsp_client.initialize_session(params)
    lsp_client.root = root
    lsp_client.encoding = result.capabilities.position_encoding
    yield
    await lsp_client.shutdown_session()


async def open_document(client, name, text):
    path = client.root / name
    path.write_bytes(text.encode("utf-8"))
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="json", version=1, text=text)
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return path, uri


@pytest.mark.asyncio
async def test_encoding_is_negotiated(client):
    assert client.encoding == negotiated(client)
    if client.capabilities.workspace.did_change_watched_files.dynamic_registration:
        await open_document(client, "x.json", "{}")
        assert [r.method for r in client.registrations] == ["workspace/didChangeWatchedFiles"]


@pytest.mark.asyncio
@pytest.mark.parametrize("name", sorted(DOCUMENTS))
async def test_diagnostics_equal_the_command_line(client, name):
    path, uri = await open_document(client, name, DOCUMENTS[name])
    data = path.read_bytes()
    expected = sorted(
        (
            f["rule"],
            f["message"],
            position(data, f["offset"], client.encoding),
            position(data, f["endOffset"], client.encoding),
        )
        for f in cli_findings(path)
        if f["rule"] != "embedded-body" or len(cli_findings(path)) > 1
    )
    got = sorted((d.code, d.message, d.range.start, d.range.end) for d in client.diagnostics[uri])
    assert got == expected, name
    assert expected, f"{name} has findings to compare"
    assert all(d.source == "call-lint" for d in client.diagnostics[uri])


@pytest.mark.asyncio
@pytest.mark.parametrize("name", sorted(DOCUMENTS))
async def test_code_actions_apply_the_fixes_and_fix_all_equals_fix(client, name, tmp_path):
    path, uri = await open_document(client, name, DOCUMENTS[name])
    data = path.read_bytes()
    findings = cli_findings(path)
    for finding in findings:
        if not finding["fix"]:
            continue
        start = position(data, finding["offset"], client.encoding)
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=types.Range(start=start, end=start),
                context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.QuickFix]),
            )
        )
        titled = [a for a in actions if a.title == finding["fix"]["title"]]
        assert titled, (name, finding["fix"]["title"], [a.title for a in actions])
        action = titled[0]
        assert action.is_preferred == (finding["fix"]["applicability"] == "safe")
        expected = data
        for edit in sorted(finding["fix"]["edits"], key=lambda e: e["offset"], reverse=True):
            expected = expected[: edit["offset"]] + edit["replacement"].encode() + expected[edit["endOffset"] :]
        assert apply_edits(data, action.edit.changes[uri], client.encoding) == expected
    copy = tmp_path / name
    copy.write_bytes(data)
    subprocess.run([BINARY, "--isolated", "--fix", str(copy)], capture_output=True, check=False)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll]),
        )
    )
    fixed = copy.read_bytes()
    if fixed == data:
        assert not actions, name
    else:
        assert [a.kind for a in actions] == ["source.fixAll.call-lint"]
        assert apply_edits(data, actions[0].edit.changes[uri], client.encoding) == fixed


@pytest.mark.asyncio
async def test_typing_the_fix_clears_the_diagnostic(client):
    text = '{"callerIdName": "😀", "phoneNumber": "+1317555012"}'
    path, uri = await open_document(client, "typing.json", text)
    assert [d.code for d in client.diagnostics[uri]] == ["e164-length"]
    at = position(text.encode(), text.encode().index(b'"}'), client.encoding)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(range=types.Range(start=at, end=at), text="3")
            ],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert not client.diagnostics[uri]


@pytest.mark.asyncio
async def test_hover_returns_the_rule_page(client):
    text = '{"callerIdName": "東京😀", "phoneNumber": "+1317555012"}'
    path, uri = await open_document(client, "hover.json", text)
    finding = client.diagnostics[uri][0]
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=finding.range.start)
    )
    page = subprocess.run([BINARY, "--explain", finding.code], capture_output=True, text=True).stdout
    assert page.strip() in hover.contents.value
    key = position(text.encode(), text.encode().index(b"phoneNumber"), client.encoding)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=key)
    )
    assert "The phone number to dial." in hover.contents.value


@pytest.mark.asyncio
async def test_a_file_with_no_call_body_draws_nothing(client):
    _, uri = await open_document(client, "package.json", '{"name": "app", "version": "1.0.0", "private": true}')
    assert not client.diagnostics[uri]
    _, uri = await open_document(client, "tool.py", "import os\n\nprint(os.getcwd())\n")
    assert not client.diagnostics[uri]


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def test_bad_frames_do_not_end_the_session_and_shutdown_then_exit_is_0():
    stream = b"".join(
        [
            frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
            b"Content-Length: 5\r\n\r\n{bad}",
            b"X-Nothing: 1\r\n\r\n",
            frame({"jsonrpc": "2.0", "id": 2, "method": "no/such/method"}),
            frame({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}),
            frame({"jsonrpc": "2.0", "method": "exit"}),
        ]
    )
    result = subprocess.run([BINARY, "server"], input=stream, capture_output=True, timeout=30)
    assert result.returncode == 0
    replies = result.stdout
    assert b'"id":2,"error":{"code":-32601' in replies
    assert b'"id":3,"result":null' in replies
    cut = stream[: stream.index(frame({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}))]
    unended = subprocess.run([BINARY, "server"], input=cut, capture_output=True, timeout=30)
    assert unended.returncode == 1, "no shutdown: the client went away"
