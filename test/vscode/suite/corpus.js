// Tier 1: the corpus views (issue 18) in the real VS Code — People, Slogans and Reports over the
// seed workspace, a click that lands on the mention, an edit that updates them. Read through the
// extension's zhArticle.corpus.snapshot command: what each tree view shows, as plain data.
'use strict';
const vscode = require('vscode');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

module.exports = function corpusTests({ test, waitFor, openAsZh, seedFile, copyOf, sleep }) {
  const snap = (view, depth = 1, reveal = false) => vscode.commands.executeCommand('zhArticle.corpus.snapshot', view, depth, reveal);
  const find = (nodes, label) => (nodes || []).find(n => n.label === label);

  test('views: People lists the seeds\' people with their roles and dates', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.zhArticle');
    const people = await waitFor(async () => { const p = await snap('people', 2); return find(p, '李伟光') && p; }, 60000, 'the People view never listed 李伟光');
    const li = find(people, '李伟光');
    assert.match(li.description, /区长|区委副书记/, li.description);
    const roles = li.children.filter(c => !c.command).map(c => c.label);
    assert.deepEqual([...roles].sort(), ['区委副书记', '区长']);
    assert.ok(li.children.every(c => c.command || /10-28/.test(c.description)), JSON.stringify(li.children));
    for (const name of ['魏东', '李晓雷', '刘思江', '高金全', '李朝峰']) assert.ok(find(people, name), `${name} missing`);
    return { people: people.length, 李伟光: li.children.map(c => `${c.label} ${c.description}`) };
  });

  test('views: People sorts by name and filters on a role', async () => {
    await vscode.commands.executeCommand('zhArticle.people.sortByName');
    const byName = (await snap('people')).map(n => n.label);
    await vscode.commands.executeCommand('zhArticle.people.sortByMentions');
    const byMentions = await snap('people');
    assert.deepEqual([...byName].sort(), byMentions.map(n => n.label).sort(), 'the same people');
    assert.notDeepEqual(byName, byMentions.map(n => n.label));
    const mentions = byMentions.map(n => parseInt(n.description, 10));
    assert.deepEqual(mentions, [...mentions].sort((a, b) => b - a), 'most mentioned first');
    await vscode.commands.executeCommand('zhArticle.people.filter', '区长');
    try {
      const filtered = (await snap('people')).map(n => n.label);
      assert.ok(filtered.includes('李伟光') && !filtered.includes('魏东'), filtered.join(' '));
    } finally {
      await vscode.commands.executeCommand('zhArticle.people.clearFilter');
    }
    assert.ok(find(await snap('people'), '魏东'), 'the filter cleared');
    return { byName: byName.slice(0, 6) };
  });

  test('views: a click on a report under a person lands on the mention', async () => {
    const li = find(await snap('people', 2), '李伟光');
    const report = li.children.find(c => c.command);
    assert.equal(report.command.command, 'vscode.open');
    await vscode.commands.executeCommand(report.command.command, ...report.command.arguments);
    const ed = await waitFor(() => { const e = vscode.window.activeTextEditor; return e && e.document.getText(e.selection) === '李伟光' && e; }, 15000,
      () => `selection is '${vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.getText(vscode.window.activeTextEditor.selection)}'`);
    return { file: ed.document.fileName, line: ed.selection.start.line + 1 };
  });

  test('views: Slogans with counts and the explanation; Reports by year and month', async () => {
    const slogans = await snap('slogans', 2);
    const two = find(slogans, '两个确立');
    assert.ok(two, slogans.slice(0, 10).map(s => s.label).join(' '));
    assert.match(two.tooltip, /两个确立/);
    assert.ok(two.tooltip.length > 20 && two.children.length >= 1);
    const reports = await snap('reports', 3);
    const y2021 = find(reports, '2021');
    assert.ok(y2021, reports.map(r => r.label).join(' '));
    const first = y2021.children[0].children[0];
    assert.match(first.description, /2021-05-19/);
    await vscode.commands.executeCommand(first.command.command, ...first.command.arguments);
    await waitFor(() => /新乡经开区/.test(vscode.window.activeTextEditor.document.lineAt(vscode.window.activeTextEditor.selection.start.line).text), 10000, 'not at the report');
    return { slogans: slogans.length, years: reports.map(r => `${r.label} ${r.description}`) };
  });

  test('Export Annotations… (format and file given) writes CSV records with the roles as written', async () => {
    const target = path.join(require('node:os').tmpdir(), `zh-export-${process.pid}.csv`);
    const r = await vscode.commands.executeCommand('zhArticle.exportAnnotations', 'csv', target);
    assert.ok(r && r.records > 50, JSON.stringify(r));
    const lines = fs.readFileSync(target, 'utf8').trim().split('\n');
    fs.rmSync(target, { force: true });
    assert.match(lines[0], /^schema_version,record,file,report/);
    assert.ok(lines.some(l => /,mention,.*,李伟光,李伟光,区委副书记\|区长,official,/.test(l)), lines.slice(0, 5).join('\n'));
    return { records: r.records, files: r.files };
  });

  test('views: editing a file, or writing one on disk, updates them', async () => {
    const { doc, editor } = await openAsZh(copyOf('000', 'corpus'));
    await waitFor(async () => find(await snap('people'), '李伟光'), 30000, 'no 李伟光');
    const text = doc.getText();
    const i = text.indexOf('李伟光');
    await editor.edit(e => e.replace(new vscode.Range(doc.positionAt(i), doc.positionAt(i + 3)), '韩知行'));
    const people = await waitFor(async () => { const p = await snap('people', 2); return find(p, '韩知行') && p; }, 20000, 'the People view never showed the edit');
    const han = find(people, '韩知行');
    assert.ok(han.children.some(c => c.label === '区长'), JSON.stringify(han.children));
    // a file written on disk (not opened): the server hears of it through the file watcher it registered
    fs.writeFileSync(path.join(path.dirname(doc.uri.fsPath), 'corpus-new.txt'), '桃溪县召开安全生产会议\n\n本报讯 5月6日，桃溪县召开安全生产会议。副县长柳青禾出席会议并讲话。\n');
    await waitFor(async () => find(await snap('people'), '柳青禾'), 20000, 'a new file on disk never reached the People view');
    // the views for the README: test-results/vscode-corpus-views.png, taken by tier1.mjs while the extension runs
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await openAsZh(seedFile('000'));
    await vscode.commands.executeCommand('workbench.view.extension.zhArticle');
    await snap('people', 2, '李伟光');
    await snap('slogans', 1, '两个确立');
    await snap('reports', 3, '2021');
    await sleep(1500);
    console.log('[zh-test] screenshot vscode-corpus-views.png');
    await sleep(2500);
    return { 韩知行: han.children.map(c => `${c.label} ${c.description}`) };
  });
};
