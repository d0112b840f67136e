// A small LSP client over stdio with Content-Length framing, for the benchmark.
// No dependencies: it must not add work of its own to what it measures.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const HEADER_END = Buffer.from('\r\n\r\n');

export class LspClient {
  /**
   * @param {string} serverPath path of server.js
   * @param {{ args?: string[], env?: Record<string,string>, stderr?: (s: string) => void }} [opts]
   */
  constructor(serverPath, opts = {}) {
    this.spawnedAt = performance.now();
    this.proc = spawn(process.execPath, [serverPath, '--stdio', ...(opts.args ?? [])], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...(opts.env ?? {}) },
    });
    this.pid = this.proc.pid;
    this.nextId = 1;
    /** @type {Map<number, {resolve: Function, reject: Function, method: string, sentAt: number}>} */
    this.pending = new Map();
    /** @type {Map<string, Set<Function>>} */
    this.listeners = new Map();
    this.chunks = [];
    this.buffered = 0;
    this.expected = -1; // body length of the message being read, -1 while reading headers
    this.stderrTail = '';
    this.exited = false;
    this.exitInfo = null;
    this.proc.stdout.on('data', (chunk) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk) => {
      const s = chunk.toString('utf8');
      this.stderrTail = (this.stderrTail + s).slice(-4000);
      opts.stderr?.(s);
    });
    this.proc.on('exit', (code, signal) => {
      this.exited = true;
      this.exitInfo = { code, signal };
      const err = new Error(`server exited (code ${code}, signal ${signal})\n${this.stderrTail}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      this.emit('$exit', this.exitInfo);
    });
    this.proc.on('error', (err) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
    this.proc.stdin.on('error', () => { /* server gone; the exit handler reports it */ });
    // Answers to server→client requests.
    this.requestHandlers = {
      'workspace/configuration': (params) => (params?.items ?? []).map(() => null),
      'client/registerCapability': () => null,
      'client/unregisterCapability': () => null,
      'window/workDoneProgress/create': () => null,
      'window/showMessageRequest': () => null,
      'workspace/workspaceFolders': () => null,
      'workspace/semanticTokens/refresh': () => null,
      'workspace/diagnostic/refresh': () => null,
      'workspace/inlayHint/refresh': () => null,
      'workspace/codeLens/refresh': () => null,
    };
  }

  onData(chunk) {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.expected < 0) {
        const buf = this.take();
        const end = buf.indexOf(HEADER_END);
        if (end < 0) return;
        const header = buf.subarray(0, end).toString('ascii');
        const m = /Content-Length:\s*(\d+)/i.exec(header);
        if (!m) throw new Error(`bad LSP header: ${header}`);
        this.expected = Number(m[1]);
        this.setRest(buf.subarray(end + HEADER_END.length));
      }
      if (this.buffered < this.expected) return;
      const buf = this.take();
      const body = buf.subarray(0, this.expected);
      this.setRest(buf.subarray(this.expected));
      this.expected = -1;
      const at = performance.now();
      this.dispatch(JSON.parse(body.toString('utf8')), at);
    }
  }

  take() {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return this.chunks[0];
  }

  setRest(rest) {
    this.chunks = rest.length ? [rest] : [];
    this.buffered = rest.length;
  }

  dispatch(msg, at) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) {
        const err = new Error(`${p.method}: ${msg.error.message} (${msg.error.code})`);
        err.code = msg.error.code;
        p.reject(err);
      } else p.resolve({ result: msg.result, at, ms: at - p.sentAt });
      return;
    }
    if (msg.id !== undefined) {
      // server → client request
      const h = this.requestHandlers[msg.method];
      this.send({ jsonrpc: '2.0', id: msg.id, result: h ? h(msg.params) : null });
      this.emit(msg.method, msg.params, at);
      return;
    }
    this.emit(msg.method, msg.params, at);
  }

  emit(method, params, at = performance.now()) {
    const set = this.listeners.get(method);
    if (!set) return;
    for (const fn of [...set]) fn(params, at);
  }

  /** Subscribe to a notification; returns an unsubscribe function. */
  on(method, fn) {
    let set = this.listeners.get(method);
    if (!set) this.listeners.set(method, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  /**
   * Resolve with {params, at} on the first `method` notification for which `pred` holds.
   * Rejects after timeoutMs or when the server exits.
   */
  waitFor(method, pred = () => true, timeoutMs = 30000) {
    return new Promise((resolve, reject) => {
      const done = (fn, v) => { clearTimeout(timer); off(); offExit(); fn(v); };
      const timer = setTimeout(() => done(reject, new Error(`timeout (${timeoutMs} ms) waiting for ${method}`)), timeoutMs);
      const off = this.on(method, (params, at) => { if (pred(params)) done(resolve, { params, at }); });
      const offExit = this.on('$exit', (info) => done(reject, new Error(`server exited while waiting for ${method}: ${JSON.stringify(info)}\n${this.stderrTail}`)));
    });
  }

  send(msg) {
    if (this.exited) throw new Error(`server has exited\n${this.stderrTail}`);
    const body = JSON.stringify(msg);
    this.proc.stdin.write(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
  }

  /** @returns {Promise<{result: any, at: number, ms: number}>} ms: from just before sending to parse of the answer */
  request(method, params, timeoutMs = 60000) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.pending.delete(id)) reject(new Error(`timeout (${timeoutMs} ms) on ${method}`));
      }, timeoutMs);
      const sentAt = performance.now();
      this.pending.set(id, {
        method,
        sentAt,
        resolve: (v) => { clearTimeout(timer); resolve(v); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      try {
        this.send({ jsonrpc: '2.0', id, method, params });
      } catch (e) {
        this.pending.delete(id);
        clearTimeout(timer);
        reject(e);
      }
    });
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
    return performance.now();
  }

  async initialize({ rootUri = null, locale = 'zh-cn', initializationOptions } = {}) {
    const res = await this.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'zh-article-bench', version: '0.1.0' },
      locale,
      rootUri,
      workspaceFolders: null,
      initializationOptions,
      capabilities: {
        general: { positionEncodings: ['utf-16'] },
        window: { workDoneProgress: true },
        workspace: { configuration: true, workspaceFolders: false },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: false, willSave: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
          hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
          documentSymbol: { dynamicRegistration: false, hierarchicalDocumentSymbolSupport: true },
          codeAction: { dynamicRegistration: false, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
          semanticTokens: {
            dynamicRegistration: false,
            requests: { full: true, range: true },
            tokenTypes: ['namespace', 'type', 'class', 'enum', 'interface', 'struct', 'typeParameter', 'parameter', 'variable', 'property', 'enumMember', 'event', 'function', 'method', 'macro', 'keyword', 'modifier', 'comment', 'string', 'number', 'regexp', 'operator', 'decorator'],
            tokenModifiers: ['declaration', 'definition', 'readonly', 'static', 'deprecated', 'abstract', 'async', 'modification', 'documentation', 'defaultLibrary'],
            formats: ['relative'],
            overlappingTokenSupport: false,
            multilineTokenSupport: false,
          },
        },
      },
    }, 30000);
    this.capabilities = res.result?.capabilities ?? {};
    this.notify('initialized', {});
    return res;
  }

  /** 1 = full, 2 = incremental, 0 = none */
  get syncKind() {
    const s = this.capabilities?.textDocumentSync;
    if (typeof s === 'number') return s;
    return s?.change ?? 0;
  }

  rssKiB() {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const rss = /VmRSS:\s*(\d+)\s*kB/.exec(status);
      const hwm = /VmHWM:\s*(\d+)\s*kB/.exec(status);
      return { rss: rss ? Number(rss[1]) : null, hwm: hwm ? Number(hwm[1]) : null };
    } catch {
      return { rss: null, hwm: null };
    }
  }

  async close(timeoutMs = 3000) {
    if (this.exited) return;
    const exited = new Promise((r) => this.proc.once('exit', r));
    try {
      await this.request('shutdown', null, timeoutMs);
      this.notify('exit', null);
    } catch { /* fall through to kill */ }
    const t = setTimeout(() => { if (!this.exited) this.proc.kill('SIGKILL'); }, timeoutMs);
    await exited;
    clearTimeout(t);
  }

  kill() {
    if (!this.exited) this.proc.kill('SIGKILL');
  }
}

/** Line starts of a text, for offset → LSP position (UTF-16 code units, like JS strings). */
export class LineIndex {
  constructor(text) {
    this.starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  position(offset) {
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
}

export function fileUri(path) {
  return 'file://' + path.split('/').map(encodeURIComponent).join('/');
}
