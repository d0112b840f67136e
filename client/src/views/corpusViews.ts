// The Chinese Article view container: People, Slogans and Reports over the workspace index.
// The server aggregates (zhArticle/corpus); each view asks for the level it shows, when it is
// shown, and asks again when the server says the corpus changed — never while the user types
// (the server's notification is debounced) and never for a view nobody looks at.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  COMMANDS, CORPUS_CHANGED_NOTIFICATION, CORPUS_REQUEST, type CorpusChangedParams, type CorpusDate, type CorpusLocation, type CorpusQuery,
  type CorpusResult, type ExportArgs, type ExportFormat, type ExportResult, type PeopleSort, type ReportRef,
} from '../../../server/src/protocol';
import { t } from '../i18n';

/** the People view shows this many people at most; a filter finds the others */
const MAX_PEOPLE = 2000;
/** a scan of at least this many files shows a notification; smaller ones the status bar */
const NOTIFY_FROM_FILES = 100;

type Ask = <Q extends CorpusQuery>(q: Q) => Promise<CorpusResult<Q> | undefined>;

interface Node {
  id: string;
  label: string;
  description?: string;
  tooltip?: string | vscode.MarkdownString;
  icon?: string;
  /** where a click goes */
  at?: CorpusLocation;
  /** children, asked for when the node is expanded */
  children?: () => Promise<Node[]>;
}

/** 2023-10-28, ~2023-10-28 when inferred, 10-28 when the year is unknown */
const dateText = (d?: CorpusDate) => (d ? `${d.approximate ? '~' : ''}${d.iso.replace(/^--/u, '')}` : t('undated', '无日期'));
const openAt = (at: CorpusLocation): vscode.Command => ({
  title: t('Open', '打开'), command: 'vscode.open',
  arguments: [vscode.Uri.parse(at.uri), { selection: new vscode.Range(at.range.start.line, at.range.start.character, at.range.end.line, at.range.end.character), preview: true }],
});
const reportNode = (prefix: string, r: ReportRef): Node => ({
  id: `${prefix}/${r.uri}#${r.range.start.line}:${r.range.start.character}`,
  label: `${dateText(r.date)} · ${r.report}`,
  description: r.count > 1 ? `${r.file} · ${r.count}×` : r.file,
  tooltip: `${r.report}\n${r.file}:${r.range.start.line + 1}`,
  icon: 'file-text', at: r,
});

/** One tree view: a root level and lazily expanded children, refreshed on demand. */
class CorpusTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** the view was told of a change while hidden: refresh when it shows */
  dirty = false;
  view!: vscode.TreeView<Node>;
  constructor(readonly roots: () => Promise<Node[]>) {}
  refresh(): void { if (this.view?.visible) { this.dirty = false; this.changed.fire(undefined); } else this.dirty = true; }
  getTreeItem(n: Node): vscode.TreeItem {
    const item = new vscode.TreeItem(n.label, n.children ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = n.id;
    item.description = n.description;
    item.tooltip = n.tooltip;
    if (n.icon) item.iconPath = new vscode.ThemeIcon(n.icon);
    if (n.at) item.command = openAt(n.at);
    return item;
  }
  getChildren(n?: Node): Promise<Node[]> { return n ? (n.children?.() ?? Promise.resolve([])) : this.roots(); }
  /** only the roots are ever revealed (snapshot) */
  getParent(): undefined { return undefined; }
}

export function registerCorpusViews(context: vscode.ExtensionContext, client: LanguageClient): void {
  const ask: Ask = async (q) => {
    try { return (await client.sendRequest(CORPUS_REQUEST, q)) as CorpusResult<typeof q>; } catch { return undefined; }
  };
  const state = { sort: context.workspaceState.get<PeopleSort>('zhArticle.people.sort', 'mentions'), peopleFilter: '', sloganFilter: '' };

  const people = new CorpusTree(async () => {
    const r = await ask({ view: 'people', sort: state.sort, filter: state.peopleFilter, limit: MAX_PEOPLE });
    if (!r) return [];
    people.view.message = r.total > r.people.length ? t(`Showing ${r.people.length} of ${r.total} people: filter to find the others.`, `显示 ${r.total} 人中的 ${r.people.length} 人，可用筛选查找其他人。`) : undefined;
    return r.people.map((p) => ({
      id: `person/${p.key}`, label: p.name, icon: p.kind === 'official' ? 'person' : p.kind === 'other' ? 'account' : 'edit',
      description: [t(`${p.mentions}×`, `${p.mentions} 次`), p.latestRole].filter(Boolean).join(' · '),
      tooltip: t(`${p.name}: ${p.mentions} mention(s) in ${p.reports} report(s)`, `${p.name}：${p.reports} 篇报道中出现 ${p.mentions} 次`),
      children: async () => {
        const d = await ask({ view: 'person', key: p.key });
        if (!d) return [];
        const roles: Node[] = d.roles.map((r) => ({
          id: `person/${p.key}/role/${r.role}`, label: r.role, icon: 'briefcase',
          description: `${dateText(r.first)}${r.last && r.last.iso !== r.first?.iso ? ` → ${dateText(r.last)}` : ''} · ${t(`${r.mentions}×`, `${r.mentions} 次`)}`,
          tooltip: t(`${r.role}: first seen ${dateText(r.first)}, last seen ${dateText(r.last)}`, `${r.role}：最早 ${dateText(r.first)}，最晚 ${dateText(r.last)}`),
        }));
        return [...roles, ...d.reports.map((r) => reportNode(`person/${p.key}`, r))];
      },
    }));
  });

  const scopes: Record<string, string> = { national: t('national', '全国'), provincial: t('provincial', '省级'), local: t('local', '地方') };
  const slogans = new CorpusTree(async () => {
    const list = await ask({ view: 'slogans', filter: state.sloganFilter });
    return (list ?? []).map((s) => ({
      id: `slogan/${s.key}`, label: s.text, icon: s.source === 'glossary' ? 'book' : 'quote',
      description: [t(`${s.count}×`, `${s.count} 次`), s.scope ? scopes[s.scope] ?? s.scope : undefined, t(`${s.reports} report(s)`, `${s.reports} 篇报道`)].filter(Boolean).join(' · '),
      tooltip: new vscode.MarkdownString([
        `**${s.text}**${s.scope ? ` · ${scopes[s.scope] ?? s.scope}` : ''}`,
        s.explanation ?? t('Not in the glossary.', '词表未收录。'),
        s.expansion?.length ? `${t('Expansion', '内容')}: ${s.expansion.map((x, i) => `${i + 1}. ${x}`).join('；')}` : '',
        s.origin || s.year ? `${t('Origin', '出处')}: ${s.origin ?? ''}${s.year ? `（${s.year}）` : ''}` : '',
      ].filter(Boolean).join('\n\n')),
      children: async () => {
        const d = await ask({ view: 'slogan', key: s.key });
        return (d?.reports ?? []).map((r) => reportNode(`slogan/${s.key}`, r));
      },
    }));
  });

  const reports = new CorpusTree(async () => {
    const months = (await ask({ view: 'months' })) ?? [];
    const years = new Map<string, { month: string; count: number }[]>();
    for (const m of months) {
      const year = m.month === '' ? '' : m.month.startsWith('--') ? '--' : m.month.slice(0, 4);
      years.set(year, [...(years.get(year) ?? []), m]);
    }
    return [...years].map(([year, ms]) => ({
      id: `year/${year}`, icon: 'calendar',
      label: year === '' ? t('Undated', '无日期') : year === '--' ? t('Year unknown', '年份不详') : year,
      description: t(`${ms.reduce((a, m) => a + m.count, 0)} report(s)`, `${ms.reduce((a, m) => a + m.count, 0)} 篇报道`),
      children: async () => ms.map((m) => ({
        id: `month/${m.month}`, label: monthLabel(m.month), icon: 'calendar', description: t(`${m.count} report(s)`, `${m.count} 篇报道`),
        children: async () => ((await ask({ view: 'reports', month: m.month })) ?? []).map((r) => ({
          id: `report/${r.uri}#${r.range.start.line}`, label: r.report, icon: 'file-text', at: r,
          description: [dateText(r.date), r.bylines.map((b) => `${b.role} ${b.names.join(' ')}`).join(' '), t(`${r.people} people`, `${r.people} 人`), r.file].filter(Boolean).join(' · '),
          tooltip: `${r.report}\n${dateText(r.date)} · ${r.file}:${r.range.start.line + 1}`,
        })),
      })),
    }));
  });

  const trees = { people, slogans, reports };
  for (const [name, tree] of Object.entries(trees)) {
    tree.view = vscode.window.createTreeView(`zhArticle.${name}`, { treeDataProvider: tree, showCollapseAll: true });
    context.subscriptions.push(tree.view, tree.view.onDidChangeVisibility((e) => { if (e.visible && tree.dirty) tree.refresh(); }));
  }
  const showState = () => {
    people.view.description = [state.sort === 'name' ? t('by name', '按姓名') : t('by mentions', '按出现次数'), state.peopleFilter && `“${state.peopleFilter}”`].filter(Boolean).join(' · ');
    slogans.view.description = state.sloganFilter ? `“${state.sloganFilter}”` : undefined;
    void vscode.commands.executeCommand('setContext', 'zhArticle.people.sort', state.sort);
    void vscode.commands.executeCommand('setContext', 'zhArticle.people.filtered', Boolean(state.peopleFilter));
    void vscode.commands.executeCommand('setContext', 'zhArticle.slogans.filtered', Boolean(state.sloganFilter));
  };
  showState();

  const register = (id: string, fn: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  const sortBy = (sort: PeopleSort) => { state.sort = sort; void context.workspaceState.update('zhArticle.people.sort', sort); showState(); people.refresh(); };
  register('zhArticle.people.sortByName', () => sortBy('name'));
  register('zhArticle.people.sortByMentions', () => sortBy('mentions'));
  const setFilter = (key: 'peopleFilter' | 'sloganFilter', tree: CorpusTree, value: string) => { state[key] = value.trim(); showState(); tree.refresh(); };
  /** the filter given (a test, a keybinding), or asked for */
  const filter = async (key: 'peopleFilter' | 'sloganFilter', tree: CorpusTree, prompt: string, given?: unknown) => {
    const v = typeof given === 'string' ? given : await vscode.window.showInputBox({ prompt, value: state[key], placeHolder: t('name, role or part of one', '姓名、职务或其中一部分') });
    if (v !== undefined) setFilter(key, tree, v);
  };
  register('zhArticle.people.filter', (v?: string) => filter('peopleFilter', people, t('Show the people whose name or role holds…', '显示姓名或职务包含…的人'), v));
  register('zhArticle.people.clearFilter', () => setFilter('peopleFilter', people, ''));
  register('zhArticle.slogans.filter', (v?: string) => filter('sloganFilter', slogans, t('Show the slogans holding…', '显示包含…的提法'), v));
  register('zhArticle.slogans.clearFilter', () => setFilter('sloganFilter', slogans, ''));
  register('zhArticle.corpus.refresh', () => { for (const tree of Object.values(trees)) tree.refresh(); });
  register('zhArticle.exportAnnotations', (format?: ExportFormat, target?: string) => exportAnnotations(client, format, target));
  // for the VS Code tests: what a view shows, as plain data, `depth` levels down; `reveal`: the root to show expanded
  register('zhArticle.corpus.snapshot', (name: keyof typeof trees, depth = 1, reveal?: string) => snapshot(trees[name], depth, reveal));

  const progress = indexingProgress();
  context.subscriptions.push(client.onNotification(CORPUS_CHANGED_NOTIFICATION, (p: CorpusChangedParams) => {
    progress(p.indexing);
    for (const tree of Object.values(trees)) tree.refresh();
  }));
}

function monthLabel(month: string): string {
  const m = month.startsWith('--') ? +month.slice(2) : month.length === 7 ? +month.slice(5) : 0;
  if (!m) return t('month unknown', '月份不详');
  return t(new Date(2000, m - 1, 1).toLocaleString('en', { month: 'long' }), `${m}月`);
}

/** A notification (or, for a small workspace, the status bar) while the workspace is indexed. */
function indexingProgress(): (indexing: CorpusChangedParams['indexing']) => void {
  let report: ((done: number, total: number) => void) | null = null;
  let finish: (() => void) | null = null;
  return (indexing) => {
    if (!indexing) { finish?.(); finish = report = null; return; }
    if (!report) {
      let shown = 0;
      const location = indexing.total >= NOTIFY_FROM_FILES ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
      void vscode.window.withProgress({ location, title: t('Indexing Chinese articles', '正在索引中文报道') }, (p) => new Promise<void>((resolve) => {
        finish = resolve;
        report = (done, total) => {
          const pct = (done / Math.max(1, total)) * 100;
          p.report({ increment: pct - shown, message: `${done} / ${total}` });
          shown = pct;
        };
      }));
    }
    report?.(indexing.done, indexing.total);
  };
}

/** Export Annotations…: the format and the file are asked for, unless given (a test, a keybinding). */
async function exportAnnotations(client: LanguageClient, givenFormat?: ExportFormat, givenTarget?: string): Promise<ExportResult | undefined> {
  const formats = [
    { label: 'JSON Lines', description: t('one JSON object per line (pandas, DuckDB, jq)', '每行一个 JSON 对象（pandas、DuckDB、jq）'), format: 'jsonl' as ExportFormat },
    { label: 'CSV', description: t('a table (spreadsheets, R)', '表格（电子表格、R）'), format: 'csv' as ExportFormat },
  ];
  const pick = formats.find((f) => f.format === givenFormat) ?? await vscode.window.showQuickPick(formats, { placeHolder: t('Export the annotations of the workspace as…', '将工作区的标注导出为…') });
  if (!pick) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = givenTarget ? vscode.Uri.file(givenTarget) : await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `annotations.${pick.format}`) : undefined,
    filters: { [pick.label]: [pick.format] }, saveLabel: t('Export', '导出'),
  });
  if (!target) return undefined;
  const args: ExportArgs = [target.fsPath, pick.format];
  try {
    const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Exporting annotations…', '正在导出标注…') },
      () => client.sendRequest('workspace/executeCommand', { command: COMMANDS.exportAnnotations, arguments: args }) as Promise<ExportResult>);
    const open = t('Open', '打开');
    void vscode.window.showInformationMessage(t(`Exported ${r.records} records from ${r.files} files.`, `已从 ${r.files} 个文件导出 ${r.records} 条记录。`), open)
      .then((choice) => (choice === open ? vscode.window.showTextDocument(target) : undefined));
    return r;
  } catch (e) {
    void vscode.window.showErrorMessage(t('Chinese Article: ', '中文报道：') + (e as Error).message);
    return undefined;
  }
}

interface Snapshot { label: string; description?: string; tooltip?: string; command?: { command: string; arguments?: unknown[] }; children?: Snapshot[] }

async function snapshot(tree: CorpusTree, depth: number, reveal?: string): Promise<Snapshot[]> {
  const walk = async (nodes: Node[], left: number): Promise<Snapshot[]> => Promise.all(nodes.map(async (n) => {
    const item = tree.getTreeItem(n);
    const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value;
    const out: Snapshot = { label: n.label, description: n.description, tooltip, command: item.command && { command: item.command.command, arguments: item.command.arguments } };
    if (n.children && left > 1) out.children = await walk(await n.children(), left - 1);
    return out;
  }));
  const roots = await tree.getChildren();
  const shown = reveal && roots.find((n) => n.label === reveal);
  if (shown) await tree.view.reveal(shown, { expand: Math.max(1, depth - 1), focus: false, select: true });
  return walk(roots, depth);
}
