-- perf-eval in Neovim (0.7+): filetype + language server over stdio.
-- Used by docs/editors.md and run by test/lsp/neovim.test.ts.
vim.cmd([[autocmd BufRead,BufNewFile *.perf setfiletype perf]])

function PerfEvalStart()
  local client_id = vim.lsp.start_client({
    name = "perf-eval",
    cmd = { "node", vim.env.PERF_EVAL_SERVER or "node_modules/perf-eval/dist/server.js", "--stdio" },
    root_dir = vim.fn.getcwd(),
    init_options = { locale = "zh-cn" },
  })
  if client_id then vim.lsp.buf_attach_client(0, client_id) end
end

vim.cmd([[autocmd FileType perf lua PerfEvalStart()]])
