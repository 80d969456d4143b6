-- A real editor against the real server: Neovim's built-in LSP client opens a
-- copy of examples/penguins/penguins.mlp with a misspelt model, and checks
-- diagnostics, completion, hover, the fix clearing the error, formatting and
-- a clean shutdown. Needs `nvim` (0.7 or later):
--
--   npm run test:neovim        (nvim --headless --clean -u test/editors/neovim.lua)
--
-- Uses start_client + buf_attach_client, which work from 0.7 on (vim.lsp.start is 0.8+).
local root = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h:h:h')
local file = root .. '/examples/penguins/neovim-check.mlp'
local failures = 0
local function say(...) io.stdout:write(table.concat({ ... }, ' '), '\n') end
local function check(ok, what) say(ok and 'ok  ' or 'FAIL', what); if not ok then failures = failures + 1 end end

local source = vim.fn.readfile(root .. '/examples/penguins/penguins.mlp')
local typo -- line (0-based) of the misspelt model
for i, line in ipairs(source) do
  if line:match('gaussian_nb%(') then source[i] = line:gsub('gaussian_nb', 'gausian_nb'); typo = i - 1 end
end
assert(typo, 'penguins.mlp has no gaussian_nb candidate to misspell')
vim.fn.writefile(source, file)

vim.g.do_filetype_lua = 1 -- opt-in on 0.7, the default later
vim.filetype.add({ extension = { mlp = 'mlp' } })
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'mlp',
  callback = function(args)
    local id = vim.lsp.start_client({ name = 'mlp', cmd = { 'node', root .. '/bin/mlp.js', 'lsp', '--stdio' }, root_dir = vim.fn.fnamemodify(args.file, ':p:h') })
    vim.lsp.buf_attach_client(args.buf, id)
  end,
})

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local col = source[typo + 1]:find('gausian_nb', 1, true) - 1
  check(vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 20), 'diagnostics published after opening')
  local d = vim.diagnostic.get(0)[1] or {}
  check(d.code == 'MLP2003' and d.lnum == typo and d.col == col and (d.message or ''):find('Did you mean `gaussian_nb`', 1, true) ~= nil,
    string.format('unknown model reported at %d:%d with a hint: %s', (d.lnum or -1) + 1, (d.col or -1) + 1, ((d.message or ''):gsub('\n', ' / '))))

  local doc = vim.lsp.util.make_text_document_params()
  local ridge = 0
  for i, line in ipairs(source) do if line:match('ridge%(') then ridge = i - 1 end end
  local paren = source[ridge + 1]:find('ridge(', 1, true) + 5
  local labels = {}
  for _, r in pairs(vim.lsp.buf_request_sync(0, 'textDocument/completion', { textDocument = doc, position = { line = ridge, character = paren } }, 5000) or {}) do
    for _, item in ipairs(r.result and (r.result.items or r.result) or {}) do labels[item.label] = true end
  end
  check(labels.alpha and labels.fit_intercept, 'completion inside ridge( offers its parameters')

  local hover = ''
  for _, r in pairs(vim.lsp.buf_request_sync(0, 'textDocument/hover', { textDocument = doc, position = { line = ridge, character = paren - 2 } }, 5000) or {}) do
    hover = r.result and r.result.contents and r.result.contents.value or hover
  end
  check(hover:find('**ridge**', 1, true) ~= nil, 'hover on ridge shows its catalog entry')

  vim.api.nvim_buf_set_text(0, typo, col, typo, col + #'gausian_nb', { 'gaussian_nb' })
  check(vim.wait(20000, function() return #vim.diagnostic.get(0, { severity = vim.diagnostic.severity.ERROR }) == 0 end, 20), 'the error clears after fixing the name')

  vim.api.nvim_buf_set_lines(0, typo, typo + 1, false, { '    ' .. vim.trim(source[typo + 1]:gsub('gausian_nb', 'gaussian_nb')) .. '   ' })
  local edits = vim.lsp.buf_request_sync(0, 'textDocument/formatting', { textDocument = doc, options = { tabSize = 2, insertSpaces = true } }, 5000) or {}
  for _, r in pairs(edits) do if r.result then vim.lsp.util.apply_text_edits(r.result, 0, 'utf-16') end end
  check(vim.api.nvim_buf_get_lines(0, typo, typo + 1, false)[1] == source[typo + 1]:gsub('gausian_nb', 'gaussian_nb'), 'formatting restores the indentation')

  for _, c in pairs(vim.lsp.get_active_clients()) do c.stop() end
  check(vim.wait(5000, function() return #vim.lsp.get_active_clients() == 0 end, 20), 'the server shuts down when the client stops')
end

-- after start-up, once filetype detection is on
vim.api.nvim_create_autocmd('VimEnter', { nested = true, callback = function()
  local ok, err = pcall(run)
  if not ok then say('FAIL', tostring(err)); failures = failures + 1 end
  os.remove(file)
  if failures > 0 then vim.cmd('cquit ' .. failures) else vim.cmd('qall!') end
end })
