// Drives yaml-language-server over stdio: opens a draft, prints the
// diagnostics it publishes and the keys it completes at the last line.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const file = resolve(process.argv[2]);
const text = readFileSync(file, 'utf8');
const uri = pathToFileURL(file).href;
const server = spawn('node', [new URL('node_modules/yaml-language-server/bin/yaml-language-server', import.meta.url).pathname, '--stdio']);
let buffer = Buffer.alloc(0), id = 0;
const pending = new Map();
const send = (msg) => { const body = JSON.stringify({ jsonrpc: '2.0', ...msg });
  server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`); };
const request = (method, params) => new Promise((ok) => { id += 1; pending.set(id, ok); send({ id, method, params }); });
let diagnosticsShown = false;
server.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n'); if (end < 0) return;
    const length = Number(/Content-Length: (\d+)/.exec(buffer.slice(0, end).toString())[1]);
    if (buffer.length < end + 4 + length) return;
    const msg = JSON.parse(buffer.slice(end + 4, end + 4 + length).toString());
    buffer = buffer.slice(end + 4 + length);
    if (msg.id && pending.has(msg.id) && !msg.method) { pending.get(msg.id)(msg.result); pending.delete(msg.id); }
    else if (msg.method === 'workspace/configuration') send({ id: msg.id, result: msg.params.items.map(() => ({ validate: true, completion: true, hover: true })) });
    else if (msg.id && msg.method) send({ id: msg.id, result: null });
    else if (msg.method === 'textDocument/publishDiagnostics' && msg.params.diagnostics.length && !diagnosticsShown) {
      diagnosticsShown = true;
      console.log('diagnostics:');
      for (const d of msg.params.diagnostics) console.log(`  ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message.replace(/\n/g, ' / ')}`);
    }
  }
});
await request('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
send({ method: 'initialized', params: {} });
send({ method: 'workspace/didChangeConfiguration', params: { settings: { yaml: { validate: true, completion: true, hover: true } } } });
send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text } } });
await new Promise((ok) => setTimeout(ok, 3000));
const lines = text.split('\n'); const last = lines.length - 2;
const completion = await request('textDocument/completion', { textDocument: { uri }, position: { line: last, character: lines[last].length } });
console.log(`completion at ${last + 1}:${lines[last].length + 1}:`);
for (const item of (completion.items ?? completion)) console.log(`  ${item.label}`);
const hover = await request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } });
console.log('hover on 稿别:', JSON.stringify(hover?.contents?.value ?? hover?.contents));
server.kill();
process.exit(0);
