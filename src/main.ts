// Wiring only: settings, the index, the panel, commands, status bar.
import { Plugin, TFile, type WorkspaceLeaf, debounce } from "obsidian";
import { ThreadIndex } from "./core/thread-index";
import { registerCommands } from "./obsidian/commands";
import { confirm, openOrCreateNote } from "./obsidian/create-note";
import { VIEW_TYPE } from "./obsidian/host";
import { openCreateNotesModal, registerReport } from "./obsidian/report-commands";
import type { ReportHost } from "./obsidian/report-view";
import { DEFAULT_SETTINGS, mergeSettings, sameFormat, type ConversationThreadsSettings } from "./obsidian/settings";
import { ConversationThreadsSettingTab } from "./obsidian/settings-tab";
import { StatusBar } from "./obsidian/status-bar";
import { ThreadView } from "./obsidian/thread-view";
import type { PositionHint } from "./obsidian/thread-view-model";
import { VaultIndexer } from "./obsidian/vault-indexer";

export default class ConversationThreadsPlugin extends Plugin implements ReportHost {
	override settings: ConversationThreadsSettings = mergeSettings(DEFAULT_SETTINGS, null);
	indexer!: VaultIndexer;
	hint: PositionHint | null = null;
	private statusBar!: StatusBar;
	private readonly reindex = debounce(() => this.indexer.rebuild(this.settings.format), 1000, true);

	override async onload(): Promise<void> {
		this.settings = mergeSettings(DEFAULT_SETTINGS, await this.loadData());
		this.indexer = this.addChild(new VaultIndexer(this.app, this.settings.format, (format) => new ThreadIndex(format)));
		this.register(() => this.reindex.cancel());
		this.registerView(VIEW_TYPE, (leaf) => new ThreadView(leaf, this));
		this.registerHoverLinkSource(VIEW_TYPE, { display: "Conversation Threads", defaultMod: true });
		this.addRibbonIcon("messages-square", "Open thread panel", () => void this.activateView());
		this.statusBar = this.addChild(new StatusBar(this, this.addStatusBarItem(), this.addStatusBarItem()));
		registerCommands(this, this);
		registerReport(this, this);
		this.addSettingTab(new ConversationThreadsSettingTab(this.app, this, this));
	}

	async activateView(): Promise<void> {
		const workspace = this.app.workspace;
		let leaf: WorkspaceLeaf | null = workspace.getLeavesOfType(VIEW_TYPE)[0] ?? null;
		if (!leaf) {
			leaf = workspace.getRightLeaf(false);
			if (!leaf) return;
			await leaf.setViewState({ type: VIEW_TYPE, active: true });
		}
		await workspace.revealLeaf(leaf);
	}

	createNotesForUnresolved(scope: "note" | "thread" | "vault"): void {
		openCreateNotesModal(this, scope === "vault" ? "vault" : "thread");
	}

	async openPath(path: string, newLeaf: boolean | "tab" | "split" | "window", hint: PositionHint | null = null): Promise<void> {
		this.hint = hint;
		const file = this.app.vault.getAbstractFileByPath(path);
		if (file instanceof TFile) await this.app.workspace.getLeaf(newLeaf).openFile(file);
		this.refreshViews();
	}

	async openOrCreate(target: string, sourcePath: string, ask: boolean, newLeaf: boolean | "tab" | "split" | "window", content = ""): Promise<void> {
		const resolved = this.indexer.index.resolve(target, sourcePath);
		if (resolved === null && ask) {
			const where = this.settings.newNoteFolder === "" ? "the vault root" : this.settings.newNoteFolder;
			if (!(await confirm(this.app, `Create a note for "${target}" in ${where}?`, "Create"))) return;
		}
		await openOrCreateNote(this.app, target, resolved, this.settings.newNoteFolder, newLeaf, content);
	}

	async updateSettings(change: (settings: ConversationThreadsSettings) => void): Promise<void> {
		const before = this.settings.format;
		// mergeSettings builds a fresh object (format included): `change` cannot touch the live settings.
		const next = mergeSettings(DEFAULT_SETTINGS, this.settings);
		change(next);
		this.settings = mergeSettings(DEFAULT_SETTINGS, next);
		await this.saveData(this.settings);
		if (!sameFormat(before, this.settings.format)) this.reindex();
		this.refreshViews();
	}

	/** Views are looked up, never held. */
	private refreshViews(): void {
		for (const leaf of this.app.workspace.getLeavesOfType(VIEW_TYPE)) {
			if (leaf.view instanceof ThreadView) leaf.view.refresh();
		}
		this.statusBar.refresh();
	}
}
