-- Drives `call-lint server` from Neovim's built-in LSP client, as an editor would, and holds
-- what it shows against what the command line reports for the same files. Run by
-- neovim_check.sh (nvim --headless --clean), which sets:
--   NEOVIM_CHECK_BINARY  the call-lint binary (absolute path)
--   NEOVIM_CHECK_DIR     an empty scratch folder (nvim's working directory), removed afterwards
--   NEOVIM_CHECK_LOG     where the messages go: headless Neovim's own messages go to stderr
-- Written for Neovim 0.7.2 (Debian 12) and later: only APIs that 0.7 has, and the client's
-- methods called with a colon from 0.11 on, where the dot form is deprecated.

local binary = assert(os.getenv('NEOVIM_CHECK_BINARY'), 'NEOVIM_CHECK_BINARY is not set')
local root = assert(os.getenv('NEOVIM_CHECK_DIR'), 'NEOVIM_CHECK_DIR is not set')
local log_path = assert(os.getenv('NEOVIM_CHECK_LOG'), 'NEOVIM_CHECK_LOG is not set')

local WAIT_MS = 10000
local method_calls = vim.fn.has('nvim-0.11') == 1

local function say(text)
  -- Opened and closed each time, so that what was said survives nvim being killed by timeout.
  local file = assert(io.open(log_path, 'a'))
  file:write(text, '\n')
  file:close()
end

-- A failed check unwinds to main() with this marker, which ends nvim with a failing status.
local FAILED = {}
local function fail(text)
  say('neovim-check: FAIL: ' .. text)
  error(FAILED, 0)
end

local function check(condition, text)
  if not condition then fail(text) end
end

local function call(client, name, ...)
  if method_calls then return client[name](client, ...) end
  return client[name](...)
end

local function read(path)
  local file = assert(io.open(path, 'rb'))
  local data = file:read('*a')
  file:close()
  return data
end

local function write(path, data)
  local file = assert(io.open(path, 'wb'))
  file:write(data)
  file:close()
end

local function show(value) return vim.inspect(value, { newline = ' ', indent = '' }) end

-- The command line, stderr apart (system() would mix it into the output). - Returns: stdout, status.
local function run(args)
  local words = {}
  for _, arg in ipairs(args) do table.insert(words, vim.fn.shellescape(arg)) end
  local output = vim.fn.system(table.concat(words, ' ') .. ' 2>/dev/null')
  return output, vim.v.shell_error
end

-- What `call-lint --isolated --format json` reports for a file, sorted as the diagnostics are.
local function cli_findings(path)
  local output, status = run({ binary, '--isolated', '--format', 'json', path })
  -- 1 is "found errors"; anything else means the command line itself failed.
  check(status == 0 or status == 1, ('call-lint --format json %s exited %d'):format(path, status))
  local ok, findings = pcall(vim.json.decode, output)
  check(ok and type(findings) == 'table', 'call-lint --format json printed no JSON array: ' .. output)
  table.sort(findings, function(a, b)
    if a.offset ~= b.offset then return a.offset < b.offset end
    if a.endOffset ~= b.endOffset then return a.endOffset < b.endOffset end
    return a.rule < b.rule
  end)
  return findings
end

-- What `call-lint --isolated --fix` writes into a copy of a file.
local function cli_fixed(path)
  local copy = path .. '.cli-fixed'
  write(copy, read(path))
  local _, status = run({ binary, '--isolated', '--fix', copy })
  check(status == 0 or status == 1, ('call-lint --fix %s exited %d'):format(copy, status))
  return read(copy)
end

-- Byte offsets where each line of a text starts (LF or CRLF line ends), by 0-based line.
local function line_starts(text)
  local starts = { [0] = 0 }
  local line = 0
  for position in text:gmatch('\n()') do
    line = line + 1
    starts[line] = position - 1
  end
  return starts
end

-- The text of a 0-based line, without its line end.
local function line_text(text, starts, line)
  local last = starts[line + 1] and starts[line + 1] - 1 or #text
  return (text:sub(starts[line] + 1, last):gsub('\r?\n$', ''))
end

-- A byte column as the session's encoding counts it, counted here rather than by Neovim so
-- that the server's positions are checked independently of the client's conversion.
local function character(line, byte_column, encoding)
  if encoding == 'utf-8' then return byte_column end
  local units = 0
  for index = 1, byte_column do
    local byte = line:byte(index)
    -- A continuation byte adds nothing; a 4-byte sequence (beyond the BMP) is a surrogate pair.
    if byte < 0x80 or byte >= 0xC0 then units = units + (byte >= 0xF0 and 2 or 1) end
  end
  return units
end

local severities = { error = 1, warning = 2, info = 3 }

-- Per session: what the server published and what the client sent, by URI.
local published, sent = {}, {}

-- Waits until the server has published diagnostics for the version of the document the client
-- sent last (the server echoes `version`), or for any publish after `since` when no version
-- could be seen going out.
local function wait_for_diagnostics(uri, since, what)
  local done = vim.wait(WAIT_MS, function()
    local last = published[uri]
    if not last or last.count <= since then return false end
    return sent[uri] == nil or last.version == sent[uri]
  end, 20)
  check(done, ('no diagnostics for %s within %d ms (sent version %s, last published %s)'):format(
    what, WAIT_MS, tostring(sent[uri]), show(published[uri] and published[uri].version)))
  return published[uri].diagnostics
end

local function publish_count(uri) return published[uri] and published[uri].count or 0 end

-- The buffer as its file would be written: its lines with the file's line ends.
local function buffer_text(buf)
  local ending = vim.bo[buf].fileformat == 'dos' and '\r\n' or '\n'
  local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), ending)
  if vim.bo[buf].eol then text = text .. ending end
  return text
end

-- Holds Neovim's diagnostics for a buffer, and the server's raw ones, against the command
-- line's findings for the same text. - Returns: how many were compared.
local function compare_diagnostics(buf, raw, text, expected, encoding, what)
  local starts = line_starts(text)
  local shown = vim.diagnostic.get(buf)
  table.sort(shown, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    if a.col ~= b.col then return a.col < b.col end
    return tostring(a.code) < tostring(b.code)
  end)
  check(#shown == #expected, ('%s: Neovim shows %d diagnostics, the command line reports %d: %s vs %s'):format(
    what, #shown, #expected, show(shown), show(expected)))
  check(#raw == #expected, ('%s: the server published %d diagnostics, the command line reports %d'):format(
    what, #raw, #expected))
  for index, finding in ipairs(expected) do
    local diagnostic = shown[index]
    local label = ('%s: diagnostic %d (%s)'):format(what, index, finding.rule)
    check(diagnostic.code == finding.rule,
      ('%s: code %s, expected %s'):format(label, show(diagnostic.code), finding.rule))
    check(diagnostic.source == 'call-lint',
      ('%s: source %s, expected "call-lint"'):format(label, show(diagnostic.source)))
    check(diagnostic.message == finding.message, ('%s: message %s, expected %s'):format(
      label, show(diagnostic.message), show(finding.message)))
    check(diagnostic.severity == severities[finding.severity], ('%s: severity %s, expected %s'):format(
      label, show(diagnostic.severity), finding.severity))
    check(diagnostic.lnum + 1 == finding.line and diagnostic.end_lnum + 1 == finding.endLine,
      ('%s: lines %d-%d (1-based), expected %d-%d'):format(
        label, diagnostic.lnum + 1, diagnostic.end_lnum + 1, finding.line, finding.endLine))
    local start = starts[diagnostic.lnum] + diagnostic.col
    local finish = starts[diagnostic.end_lnum] + diagnostic.end_col
    check(start == finding.offset and finish == finding.endOffset,
      ('%s: Neovim places it at bytes %d-%d (line %d col %d to line %d col %d), the command line at %d-%d'):format(
        label, start, finish, diagnostic.lnum, diagnostic.col, diagnostic.end_lnum, diagnostic.end_col,
        finding.offset, finding.endOffset))
  end
  -- The server's own positions, in the session's encoding, whatever Neovim made of them.
  table.sort(raw, function(a, b)
    local x, y = a.range.start, b.range.start
    if x.line ~= y.line then return x.line < y.line end
    if x.character ~= y.character then return x.character < y.character end
    return tostring(a.code) < tostring(b.code)
  end)
  for index, finding in ipairs(expected) do
    local range = raw[index].range
    for _, side in ipairs({ { 'start', finding.offset }, { 'end', finding.endOffset } }) do
      local name, offset = side[1], side[2]
      local line = finding.line - 1
      if name == 'end' then line = finding.endLine - 1 end
      local want = character(line_text(text, starts, line), offset - starts[line], encoding)
      local got = range[name]
      check(got.line == line and got.character == want,
        ('%s: the server sent %s %s %s, expected line %d character %d (%s)'):format(
          what, finding.rule, name, show(got), line, want, encoding))
    end
  end
  return #expected
end

-- The payloads: characters that take different counts in UTF-8 bytes, UTF-16 units and code
-- points before the findings, on the line before (two-lines, crlf) and on the same line
-- (emoji-before, one-line: there before the safe fix too).
local emoji = '😀' -- 4 bytes, 2 UTF-16 units, 1 code point
local cjk = '東京' -- 3 bytes, 1 unit, 1 code point each
local acute = 'e\204\129' -- e and U+0301 COMBINING ACUTE ACCENT: 3 bytes, 2 code points, 1 character seen
local nbsp = '\194\160' -- U+00A0 NO-BREAK SPACE: 2 bytes, 1 unit
local name = emoji .. ' ' .. cjk .. ' ' .. acute .. nbsp .. 'x'
local payloads = {
  {
    file = 'two-lines.json',
    edits = true,
    text = '{"callerIdName": "' .. name .. '",\n "phoneNumber": "+1317555012", "callerId": "+1 (317) 555-0199"}\n',
  },
  {
    file = 'emoji-before.json',
    typed = true,
    text = '{"callerIdName": "' .. emoji .. '", "phoneNumber": "+1317555012"}\n',
  },
  {
    file = 'one-line.json',
    text = '{"callerIdName": "' .. name .. '", "callerId": "+1 (317) 555-0199", "phoneNumber": "+1317555012"}\n',
  },
  {
    file = 'crlf.json',
    edits = true,
    text = '{"callerIdName": "' .. name .. '",\r\n "phoneNumber": "+1317555012", "callerId": "+1 (317) 555-0199"}\r\n',
  },
  -- The typing case: only the short number, whose missing digit is then typed.
  { file = 'typing.json', text = '{"phoneNumber": "+1317555012"}\n', typed = true, clean_after_typing = true },
}

local counts = {
  sessions = 0, diagnostics = 0, quickfixes = 0, fixalls = 0, typed = 0, edits = 0, hovers = 0, exits = 0,
}

local function open(client, path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  local before = publish_count(uri)
  check(vim.lsp.buf_attach_client(buf, client.id), 'could not attach the client to ' .. path)
  return buf, uri, before
end

-- The raw diagnostics on a line, as a client puts them in a code action's context.
local function line_diagnostics(raw, line)
  local found = {}
  for _, diagnostic in ipairs(raw) do
    local range = diagnostic.range
    if range.start.line <= line and line <= range['end'].line then table.insert(found, diagnostic) end
  end
  return found
end

local function request(client, method, params, buf, what)
  local response, why = call(client, 'request_sync', method, params, WAIT_MS, buf)
  check(response, ('%s: no answer to %s (%s)'):format(what, method, tostring(why)))
  check(response.err == nil, ('%s: %s answered an error: %s'):format(what, method, show(response.err)))
  return response.result
end

-- Puts the cursor a byte inside a finding, as a user reaching it would.
local function cursor_on(buf, finding)
  vim.api.nvim_win_set_buf(0, buf)
  local starts = line_starts(buffer_text(buf))
  vim.api.nvim_win_set_cursor(0, { finding.line, finding.offset - starts[finding.line - 1] + 1 })
end

local function run_session(encoding)
  local dir = root .. '/' .. encoding
  vim.fn.mkdir(dir, 'p')
  published, sent = {}, {}
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  capabilities.general = capabilities.general or {}
  -- Offer one encoding only, so that both of the server's position conversions are driven.
  capabilities.general.positionEncodings = { encoding }
  local initialized, exited, announced = false, nil, nil
  local id = vim.lsp.start_client({
    name = 'call-lint',
    cmd = { binary, 'server' },
    cmd_cwd = root,
    root_dir = root,
    capabilities = capabilities,
    -- Each change goes out as it is made, so that once an edit returns, the version it made is
    -- the one to wait for (the default, 150 ms, would hold a change back and merge the next).
    flags = { debounce_text_changes = 0 },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        local last = published[result.uri] or { count = 0 }
        published[result.uri] = {
          count = last.count + 1, version = result.version, diagnostics = result.diagnostics,
        }
        return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
      end,
      ['window/showMessage'] = function(_, result) say('neovim-check: server says: ' .. show(result)) end,
      ['window/logMessage'] = function(_, result) say('neovim-check: server logs: ' .. show(result)) end,
    },
    on_init = function(client, result)
      announced = result.capabilities.positionEncoding
      -- 0.7 knows no positionEncoding (LSP 3.17): take the server's, as later Neovim does.
      if announced then client.offset_encoding = announced end
      initialized = true
    end,
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  check(id, 'vim.lsp.start_client did not start ' .. binary .. ' server')
  check(vim.wait(WAIT_MS, function() return initialized or exited ~= nil end, 20) and initialized,
    ('%s: the server did not answer initialize (exit %s)'):format(encoding, show(exited)))
  local client = vim.lsp.get_client_by_id(id)
  check(announced == encoding and client.offset_encoding == encoding, ('%s: the server announced positionEncoding %s'
    .. ' and the client uses %s, after the client offered only %s'):format(
      encoding, show(announced), show(client.offset_encoding), encoding))

  -- Sees the document versions going out, and whether a change is incremental.
  local notify = client.notify
  local last_change
  client.notify = function(first, ...)
    local method, params = first, ...
    if first == client then method, params = ... end
    if method == 'textDocument/didOpen' then
      sent[params.textDocument.uri] = params.textDocument.version
    elseif method == 'textDocument/didChange' then
      sent[params.textDocument.uri] = params.textDocument.version
      last_change = params
    end
    return notify(first, ...)
  end

  for _, payload in ipairs(payloads) do
    local what = encoding .. ' ' .. payload.file
    local path = dir .. '/' .. payload.file
    write(path, payload.text)
    local expected = cli_findings(path)
    local buf, uri, before = open(client, path)
    local raw = wait_for_diagnostics(uri, before, what)
    counts.diagnostics = counts.diagnostics + compare_diagnostics(buf, raw, payload.text, expected, encoding, what)

    -- Hover on each e164-length finding shows the rule's page, as --explain prints it.
    for _, finding in ipairs(expected) do
      if finding.rule == 'e164-length' then
        local page = run({ binary, '--explain', finding.rule }):gsub('\n+$', '')
        cursor_on(buf, finding)
        local hover = request(client, 'textDocument/hover',
          vim.lsp.util.make_position_params(0, client.offset_encoding), buf, what)
        check(type(hover) == 'table' and type(hover.contents) == 'table', what .. ': hover returned ' .. show(hover))
        check(hover.contents.kind == 'markdown', what .. ': hover is not markdown: ' .. show(hover.contents.kind))
        local value = hover.contents.value
        check(value:find(page, 1, true), ('%s: the hover does not hold the text of --explain %s: %s'):format(
          what, finding.rule, show(value)))
        check(value:find('**' .. finding.rule .. '**: ' .. finding.message, 1, true),
          ('%s: the hover does not start with the finding: %s'):format(what, show(value)))
        counts.hovers = counts.hovers + 1
      end
    end

    local safe = {}
    for _, finding in ipairs(expected) do
      if finding.fix ~= vim.NIL and finding.fix.applicability == 'safe' then table.insert(safe, finding) end
    end
    -- At most one safe fix in a payload, so that the one quick fix is all that --fix does.
    check(#safe <= 1, what .. ': the test payload has more than one safe fix')
    if #safe == 1 then
      local fixed = cli_fixed(path)
      local finding = safe[1]
      local copy = dir .. '/quickfix-' .. payload.file
      write(copy, payload.text)
      local fix_buf, fix_uri, fix_before = open(client, copy)
      local fix_raw = wait_for_diagnostics(fix_uri, fix_before, what .. ' (quick fix copy)')
      cursor_on(fix_buf, finding)
      local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
      params.context = { diagnostics = line_diagnostics(fix_raw, finding.line - 1) }
      local actions = request(client, 'textDocument/codeAction', params, fix_buf, what)
      local preferred = {}
      for _, action in ipairs(actions or {}) do
        if action.isPreferred then table.insert(preferred, action) end
      end
      check(#preferred == 1, ('%s: %d preferred code actions at the %s finding: %s'):format(
        what, #preferred, finding.rule, show(actions)))
      check(preferred[1].title == finding.fix.title, ('%s: the preferred action is %s, the fix is %s'):format(
        what, show(preferred[1].title), show(finding.fix.title)))
      local fix_before_edit = publish_count(fix_uri)
      vim.lsp.util.apply_workspace_edit(preferred[1].edit, client.offset_encoding)
      local text = buffer_text(fix_buf)
      check(text == fixed, ('%s: after the quick fix the buffer is %s; call-lint --fix writes %s'):format(
        what, show(text), show(fixed)))
      -- The edit goes back as a change: what is left is what the command line finds in the fixed text.
      local after = wait_for_diagnostics(fix_uri, fix_before_edit, what .. ' (after the quick fix)')
      local fixed_path = dir .. '/expected-' .. payload.file
      write(fixed_path, fixed)
      counts.diagnostics = counts.diagnostics + compare_diagnostics(
        fix_buf, after, fixed, cli_findings(fixed_path), encoding, what .. ' (after the quick fix)')
      counts.quickfixes = counts.quickfixes + 1

      -- Fix-all on a fresh copy of the original, asked for by kind, as a save hook would.
      copy = dir .. '/fixall-' .. payload.file
      write(copy, payload.text)
      local all_buf, all_uri, all_before = open(client, copy)
      wait_for_diagnostics(all_uri, all_before, what .. ' (fix-all copy)')
      vim.api.nvim_win_set_cursor(0, { 1, 0 })
      params = vim.lsp.util.make_range_params(0, client.offset_encoding)
      params.context = { diagnostics = {}, only = { 'source.fixAll' } }
      actions = request(client, 'textDocument/codeAction', params, all_buf, what)
      check(type(actions) == 'table' and #actions == 1 and actions[1].kind == 'source.fixAll.call-lint',
        ('%s: asked for source.fixAll, got %s'):format(what, show(actions)))
      vim.lsp.util.apply_workspace_edit(actions[1].edit, client.offset_encoding)
      text = buffer_text(all_buf)
      check(text == fixed, ('%s: after fix-all the buffer is %s; call-lint --fix writes %s'):format(
        what, show(text), show(fixed)))
      counts.fixalls = counts.fixalls + 1
    end

    -- Typing the missing digit, as a keystroke: an incremental change, then the finding is gone.
    if payload.typed then
      vim.api.nvim_win_set_buf(0, buf)
      local starts = line_starts(payload.text)
      local line = 0
      while not line_text(payload.text, starts, line):find('012"', 1, true) do line = line + 1 end
      local column = line_text(payload.text, starts, line):find('012"', 1, true) + 2
      local typed_before = publish_count(uri)
      last_change = nil
      vim.api.nvim_buf_set_text(buf, line, column, line, column, { '3' })
      local after = wait_for_diagnostics(uri, typed_before, what .. ' (after typing)')
      if last_change then
        local change = last_change.contentChanges[1]
        check(#last_change.contentChanges == 1 and change.range ~= nil and change.text == '3',
          ('%s: the client sent %s, not one incremental change'):format(what, show(last_change.contentChanges)))
      else
        say('neovim-check: note: ' .. what .. ': the didChange could not be seen going out')
      end
      local typed_path = dir .. '/typed-' .. payload.file
      write(typed_path, buffer_text(buf))
      local typed_expected = cli_findings(typed_path)
      if payload.clean_after_typing then
        check(#typed_expected == 0, what .. ': the command line still finds something in the typed text')
        check(#after == 0, what .. ': after typing the digit the server still reports ' .. show(after))
      end
      counts.diagnostics = counts.diagnostics
        + compare_diagnostics(buf, after, buffer_text(buf), typed_expected, encoding, what .. ' (after typing)')
      counts.typed = counts.typed + 1
    end
  end

  -- Edits across lines, as an editor makes them, keep the server's copy in step with the buffer:
  -- a join over the line end (CRLF in crlf.json), a line split with an emoji typed in, a
  -- normal-mode x on the emoji, a line deleted. The text names a call field throughout: one
  -- that names none is no call body, and the server rightly draws nothing for it.
  for _, payload in ipairs(payloads) do
    if payload.edits then
      local what = encoding .. ' edits in ' .. payload.file
      local path = dir .. '/edits-' .. payload.file
      write(path, payload.text)
      local buf, uri, before = open(client, path)
      wait_for_diagnostics(uri, before, what)
      local function first_line() return vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1] end
      local steps = {
        { 'join the lines', function() vim.api.nvim_buf_set_text(buf, 0, #first_line(), 1, 0, { '' }) end },
        { 'split the line, typing an emoji', function()
          local column = first_line():find('",', 1, true) + 1
          vim.api.nvim_buf_set_text(buf, 0, column, 0, column, { '', ' "note": "' .. emoji .. cjk .. '",' })
        end },
        { 'x on the emoji', function()
          vim.api.nvim_win_set_cursor(0, { 1, first_line():find(emoji, 1, true) - 1 })
          vim.cmd('normal! x')
        end },
        { 'delete the second line', function() vim.api.nvim_buf_set_lines(buf, 1, 2, false, {}) end },
      }
      for index, step in ipairs(steps) do
        local label = ('%s, step %d (%s)'):format(what, index, step[1])
        local since = publish_count(uri)
        vim.api.nvim_win_set_buf(0, buf)
        step[2]()
        local after = wait_for_diagnostics(uri, since, label)
        local text = buffer_text(buf)
        local step_path = ('%s/edits-%d-%s'):format(dir, index, payload.file)
        write(step_path, text)
        counts.diagnostics = counts.diagnostics
          + compare_diagnostics(buf, after, text, cli_findings(step_path), encoding, label)
        counts.edits = counts.edits + 1
      end
    end
  end

  -- Neovim sends shutdown, then exit: the server must end with status 0.
  call(client, 'stop')
  check(vim.wait(WAIT_MS, function() return exited ~= nil end, 20), encoding .. ': the server did not exit after stop')
  check(exited.code == 0 and exited.signal == 0, ('%s: the server exited with code %s, signal %s, expected 0'):format(
    encoding, show(exited.code), show(exited.signal)))
  counts.exits = counts.exits + 1
  counts.sessions = counts.sessions + 1
end

local function main()
  vim.o.hidden = true -- buffers left with applied edits stay open, unsaved
  local version = vim.version()
  say(('neovim-check: Neovim %d.%d.%d, %s'):format(version.major, version.minor, version.patch, binary))
  for _, encoding in ipairs({ 'utf-16', 'utf-8' }) do run_session(encoding) end
  say(('neovim-check: ok (%d sessions: %d diagnostics as the command line reports them, %d quick fixes and %d'
    .. ' fix-alls as --fix writes, %d typed fixes, %d edits across lines, %d hovers with the rule page,'
    .. ' %d exits with code 0)'):format(counts.sessions, counts.diagnostics, counts.quickfixes, counts.fixalls,
      counts.typed, counts.edits, counts.hovers, counts.exits))
end

local ok, err = xpcall(main, function(e)
  if e == FAILED then return e end
  return debug.traceback(tostring(e), 2)
end)
if ok then
  vim.cmd('qall!')
else
  if err ~= FAILED then say('neovim-check: FAIL: error in the check: ' .. tostring(err)) end
  vim.cmd('cquit')
end
