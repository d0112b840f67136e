// A worker thread of `zh-article export`: reads, analyses and formats the files it is sent,
// answering each with its records as text (see export.js).
'use strict';

const path = require('path');
const { pathToFileURL } = require('url');
const { parentPort, workerData } = require('worker_threads');
const { readText } = require('./zh-article.js');

const out = path.join(__dirname, '..', 'server', 'out');
const { analyzeDocument } = require(path.join(out, 'analysis', 'index.js'));
const { summarize } = require(path.join(out, 'features', 'summary.js'));
const { annotationRecords, formatRecords } = require(path.join(out, 'features', 'annotations.js'));
const { format, maxSize, lang } = workerData;
const encoder = new TextEncoder();

parentPort.on('message', ({ index, file }) => {
  const r = readText(file, lang, maxSize);
  if (r.problem) { parentPort.postMessage({ index, file, problem: r.message }); return; }
  try {
    const summary = summarize(pathToFileURL(path.resolve(file)).href, file, analyzeDocument(r.text));
    const records = annotationRecords(summary);
    // UTF-8 bytes in a buffer of their own, moved to the main thread rather than copied
    const data = encoder.encode(formatRecords(records, format));
    parentPort.postMessage({ index, file, records: records.length, bytes: Buffer.byteLength(r.text), data }, [data.buffer]);
  } catch (e) {
    parentPort.postMessage({ index, file, problem: `internal error: ${(e && e.stack) || e}` });
  }
});
