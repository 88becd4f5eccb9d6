// "Show thread report": the vault-wide figures in a tab. Every note, line and target in it is clickable.
import { ItemView, Keymap, TFile, type WorkspaceLeaf } from "obsidian";
import { renderReportMarkdown } from "../core/report-markdown";
import { buildVaultReport, type VaultReport } from "../core/vault-report";
import type { PanelHost } from "./host";
import { copyText } from "./clipboard";

export const REPORT_VIEW_TYPE = "conversation-threads-report";

export interface ReportHost extends PanelHost {
	/** Open the modal that creates notes for unresolved links, for the whole vault. */
	createNotesForUnresolved(scope: "note" | "thread" | "vault"): void;
}

export class ReportView extends ItemView {
	private renderedRevision = -1;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly host: ReportHost,
	) {
		super(leaf);
	}

	getViewType(): string {
		return REPORT_VIEW_TYPE;
	}

	getDisplayText(): string {
		return "Thread report";
	}

	override getIcon(): string {
		return "list-tree";
	}

	override async onOpen(): Promise<void> {
		this.registerEvent(this.host.indexer.on("changed", () => this.refresh()));
		this.registerEvent(this.host.indexer.on("progress", () => this.refresh()));
		this.refresh(true);
		await Promise.resolve();
	}

	/** Re-renders when the index changed since the last render, and only while the view is on screen. */
	refresh(force = false): void {
		const index = this.host.indexer.index;
		if (!force && (!this.containerEl.isShown() || index.revision === this.renderedRevision)) return;
		this.renderedRevision = index.revision;
		const root = this.contentEl;
		root.empty();
		root.addClass("conversation-threads-report");
		const state = this.host.indexer.indexState;
		if (!state.ready) {
			root.createDiv({ cls: "conversation-threads-empty", text: `Indexing ${state.done.toLocaleString()} / ${state.total.toLocaleString()} notes…` });
			return;
		}
		const report = buildVaultReport(index);
		if (report.files === 0) {
			root.createDiv({ cls: "conversation-threads-empty", text: "The vault holds no notes yet." });
			return;
		}
		this.renderReport(root, report);
	}

	private open(path: string, evt: MouseEvent, line = 0): void {
		const file = this.app.vault.getAbstractFileByPath(path);
		if (!(file instanceof TFile)) return;
		const leaf = this.app.workspace.getLeaf(Keymap.isModEvent(evt));
		void leaf.openFile(file, line > 0 ? { eState: { line: line - 1 } } : {});
	}

	private noteLink(parent: HTMLElement, path: string, line = 0): void {
		const link = parent.createEl("a", { cls: "conversation-threads-link", text: line > 0 ? `${path}:${line}` : path, href: "#" });
		link.addEventListener("click", (evt) => {
			evt.preventDefault();
			this.open(path, evt, line);
		});
		link.addEventListener("mouseover", (event) => {
			this.app.workspace.trigger("hover-link", { event, source: REPORT_VIEW_TYPE, hoverParent: this, targetEl: link, linktext: path });
		});
	}

	private section(root: HTMLElement, title: string, count: number, empty: string): HTMLElement | null {
		const details = root.createEl("details", { cls: "conversation-threads-section" });
		details.open = count > 0;
		details.createEl("summary", { text: `${title} (${count.toLocaleString()})` });
		if (count === 0) {
			details.createDiv({ cls: "conversation-threads-muted", text: empty });
			return null;
		}
		return details.createEl("ul", { cls: "conversation-threads-report-list" });
	}

	private renderReport(root: HTMLElement, report: VaultReport): void {
		const header = root.createDiv({ cls: "conversation-threads-report-header" });
		header.createEl("h4", { text: "Thread report" });
		const actions = header.createDiv({ cls: "conversation-threads-actions" });
		actions.createEl("button", { text: "Copy as Markdown" }).addEventListener("click", () => void copyText(renderReportMarkdown(report)));
		actions.createEl("button", { text: "Create notes for unresolved links" }).addEventListener("click", () => this.host.createNotesForUnresolved("vault"));

		const figures = root.createDiv({ cls: "conversation-threads-figures" });
		for (const [label, value] of [
			["Files", report.files],
			["Conversation notes", report.conversationNotes],
			["Threads", report.threads],
			["Broken chains", report.brokenThreads.length],
		] as const) {
			const figure = figures.createDiv({ cls: "conversation-threads-figure" });
			figure.createDiv({ cls: "conversation-threads-figure-value", text: value.toLocaleString() });
			figure.createDiv({ cls: "conversation-threads-muted", text: label });
		}

		const longest = this.section(root, "Longest threads", report.longestThreads.length, "No threads.");
		for (const t of report.longestThreads) {
			const li = longest?.createEl("li");
			if (!li) break;
			const missing = t.missingCount > 0 ? ` (${t.missingCount.toLocaleString()} missing)` : "";
			li.createSpan({ text: `${t.length.toLocaleString()} exchanges${missing} · ` });
			if (t.firstPath) this.noteLink(li, t.firstPath);
			else li.createSpan({ text: t.id });
		}

		const broken = this.section(root, "Broken chains", report.brokenThreads.length, "No missing exchanges, forks, cycles or self-links.");
		for (const t of report.brokenThreads) {
			const li = broken?.createEl("li");
			if (!li) break;
			li.createDiv({ cls: "conversation-threads-muted", text: t.id });
			const items = li.createEl("ul");
			for (const m of t.missing) items.createEl("li", { text: `Missing exchange: ${m}` });
			for (const f of t.forks) {
				const item = items.createEl("li", { text: "Fork at " });
				this.noteLink(item, f.path);
				item.createSpan({ text: `: ${f.targets.join(" / ")}` });
			}
			for (const c of t.cycles) items.createEl("li", { text: `Cycle: ${c.join(" → ")}` });
			for (const s of t.selfLinks) {
				const item = items.createEl("li", { text: "Links to itself: " });
				this.noteLink(item, s);
			}
		}

		const duplicates = this.section(root, "Titles used in several conversations", report.duplicateTitles.length, "No title is shared across conversations.");
		for (const d of report.duplicateTitles) {
			const li = duplicates?.createEl("li", { text: `${d.title} (${d.conversations.length} conversations): ` });
			if (!li) break;
			d.paths.forEach((p, i) => {
				if (i > 0) li.createSpan({ text: ", " });
				this.noteLink(li, p);
			});
		}

		const multi = this.section(root, "Files holding several documents", report.multiDocumentFiles.length, "Every file holds one document.");
		for (const f of report.multiDocumentFiles) {
			const li = multi?.createEl("li");
			if (!li) break;
			this.noteLink(li, f.path);
			li.createSpan({ text: ` · ${f.documents} documents` });
		}

		const total = report.diagnosticsByCode.reduce((n, g) => n + g.items.length, 0);
		const diagnostics = this.section(root, "Diagnostics", total, "No diagnostics.");
		for (const group of report.diagnosticsByCode) {
			const li = diagnostics?.createEl("li");
			if (!li) break;
			const inner = li.createEl("details");
			inner.createEl("summary", { text: `${group.code} (${group.items.length.toLocaleString()})` });
			const list = inner.createEl("ul");
			for (const d of group.items) {
				const item = list.createEl("li");
				this.noteLink(item, d.path, d.line);
				item.createDiv({ cls: "conversation-threads-muted", text: d.message });
			}
		}

		const unresolved = this.section(root, "Most-linked unresolved targets", report.topUnresolved.length, "Every link resolves.");
		for (const u of report.topUnresolved) {
			const li = unresolved?.createEl("li");
			if (!li) break;
			li.createSpan({ cls: "conversation-threads-create-target", text: u.target });
			li.createSpan({ cls: "conversation-threads-count", text: `${u.count}` });
			const first = u.notes[0];
			if (first) {
				li.createSpan({ text: " · first linked from " });
				this.noteLink(li, first);
			}
		}
	}
}
