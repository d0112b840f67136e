// Commands that lead somewhere: Go to Report (a report of the workspace), List Slogans (a
// slogan, then its occurrences in a peek), and the code lenses' "peek at these locations".
// Go to Report and List Slogans take an optional filter, typed into their list as a user would.
import * as vscode from 'vscode';
import {
  COMMANDS, type ProtocolLocation, type ProtocolPosition, type ReportEntry, type ReportsResult, type SloganEntry,
  type SloganOccurrencesArgs, type SloganOccurrencesResult, type SlogansResult,
} from '../../../server/src/protocol';
import { t } from '../i18n';
import { languageClient, runOnServer } from '../server';

/** A quick pick with its filter preset; resolves with the accepted item, or undefined. */
function pick<T extends vscode.QuickPickItem>(items: T[], placeholder: string, filter?: string): Promise<T | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<T>();
    qp.items = items;
    qp.placeholder = placeholder;
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    if (filter) qp.value = filter;
    qp.onDidAccept(() => { resolve(qp.selectedItems[0]); qp.hide(); });
    qp.onDidHide(() => { resolve(undefined); qp.dispose(); });
    qp.show();
  });
}

export async function goToReport(filter?: string): Promise<ReportEntry | undefined> {
  const reports = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: t('Indexing reports…', '正在索引报道…') },
    () => runOnServer<ReportsResult>(COMMANDS.reports, []));
  if (!reports?.length) { void vscode.window.showInformationMessage(t('No reports found in the workspace.', '工作区中没有找到报道。')); return undefined; }
  const chosen = await pick(reports.map((r) => ({
    label: r.name, description: [r.date, r.bylines.map((b) => `${b.role} ${b.names.join(' ')}`).join(' ')].filter(Boolean).join(' · '), detail: r.file, r,
  })), t('Go to report', '转到报道'), filter);
  if (!chosen) return undefined;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(chosen.r.uri));
  const pos = doc.positionAt(chosen.r.start);
  const editor = await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
  return chosen.r;
}

export async function listSlogans(filter?: string): Promise<{ slogan: SloganEntry; occurrences: number } | undefined> {
  const list = await runOnServer<SlogansResult>(COMMANDS.slogans, []);
  if (!list?.length) { void vscode.window.showInformationMessage(t('No slogans found in the workspace.', '工作区中没有找到提法。')); return undefined; }
  const chosen = await pick(list.map((s) => ({ label: s.slogan, description: t(`${s.count}× in ${s.files} file(s)`, `${s.count} 次 · ${s.files} 个文件`), s })),
    t('Slogans by frequency: pick one to see where it stands', '提法（按出现次数）：选一条查看出处'), filter);
  if (!chosen) return undefined;
  const args: SloganOccurrencesArgs = [chosen.s.slogan];
  const found = await runOnServer<SloganOccurrencesResult>(COMMANDS.sloganOccurrences, args);
  if (!found?.length) return undefined;
  await showLocations(found[0].uri, found[0].range.start, found);
  return { slogan: chosen.s, occurrences: found.length };
}

/** Open the first location and peek at all of them from there (one location: just go there). */
export async function showLocations(uri: string, position: ProtocolPosition, locations: ProtocolLocation[]): Promise<void> {
  const client = languageClient();
  if (!client) return;
  const c = client.protocol2CodeConverter;
  const at = c.asPosition(position);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(at, at) });
  if (locations.length === 1 && locations[0].uri === uri) {
    const r = c.asRange(locations[0].range);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Selection(r.start, r.end) });
    return;
  }
  const locs = locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), c.asRange(l.range)));
  await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), at, locs);
}
