// Vault events -> thread index. A Component: added with addChild, so its events die with the plugin.
import { Component, debounce, Events, TFile, TFolder, type App, type EventRef, type TAbstractFile } from "obsidian";
import { isMarkdownPath, type FormatOptions, type NoteRecord } from "../core/note-record";
import type { ThreadIndexReader } from "../core/thread-model";
import type { IndexState } from "./thread-view-model";

/** What the indexer needs from the core index (src/core/thread-index.ts implements it). */
export interface ThreadIndexWriter extends ThreadIndexReader {
	set(path: string, text: string): NoteRecord;
	delete(path: string): void;
	rename(oldPath: string, newPath: string): void;
	clear(): void;
	addAttachment(path: string): void;
	removeAttachment(path: string): void;
}

export const CHUNK_SIZE = 200;
export const REFRESH_DELAY_MS = 150;

function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export class VaultIndexer extends Component {
	index: ThreadIndexWriter;
	/** Files whose last read or parse failed, with the reason; their last good record is kept. */
	readonly failures = new Map<string, string>();
	private state: IndexState = { ready: false, done: 0, total: 0 };
	private readonly events = new Events();
	private readonly attachments = new Set<string>();
	/** Per path, the number of the latest read; an older read's result is dropped. */
	private readonly readSeq = new Map<string, number>();
	private readonly inflight = new Set<Promise<unknown>>();
	private scanGeneration = 0;
	private layoutReady = false;
	private alive = false;
	private readonly notifyChanged = debounce(() => this.events.trigger("changed"), REFRESH_DELAY_MS, false);

	constructor(
		private readonly app: App,
		private format: FormatOptions,
		private readonly createIndex: (format: FormatOptions) => ThreadIndexWriter,
	) {
		super();
		this.index = createIndex(format);
	}

	get indexState(): IndexState {
		return { ...this.state };
	}

	/** "changed": debounced, after the index changed. "progress": during a scan, with done/total. */
	on(name: "changed" | "progress", callback: () => void): EventRef {
		return this.events.on(name, callback);
	}

	override onload(): void {
		this.alive = true;
		this.register(() => {
			this.alive = false;
			this.scanGeneration++;
			this.notifyChanged.cancel();
		});
		// Vault `create` fires for every file while the vault loads: subscribe and scan once the layout is ready.
		this.app.workspace.onLayoutReady(() => {
			if (!this.alive) return;
			this.layoutReady = true;
			this.registerVaultEvents();
			this.track(this.scan());
		});
	}

	/** Start over with (possibly new) format options: a new index, a full scan. */
	rebuild(format: FormatOptions = this.format): void {
		this.format = format;
		this.index = this.createIndex(format);
		this.readSeq.clear();
		this.failures.clear();
		this.attachments.clear();
		this.state = { ready: false, done: 0, total: 0 };
		this.events.trigger("progress");
		this.notifyChanged();
		if (this.layoutReady && this.alive) this.track(this.scan());
	}

	/** Resolves when no scan or read is running (tests, and commands that want a settled index). */
	async idle(): Promise<void> {
		while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
	}

	private track(promise: Promise<unknown>): void {
		this.inflight.add(promise);
		void promise.finally(() => this.inflight.delete(promise));
	}

	private registerVaultEvents(): void {
		const vault = this.app.vault;
		this.registerEvent(vault.on("create", (file) => this.onCreateOrModify(file)));
		this.registerEvent(vault.on("modify", (file) => this.onCreateOrModify(file)));
		this.registerEvent(vault.on("delete", (file) => this.onDelete(file)));
		this.registerEvent(vault.on("rename", (file, oldPath) => this.onRename(file, oldPath)));
	}

	private async scan(): Promise<void> {
		const generation = ++this.scanGeneration;
		const index = this.index;
		const vault = this.app.vault;
		for (const file of vault.getFiles()) {
			if (file.extension.toLowerCase() !== "md") this.addAttachment(file.path);
		}
		const files = vault.getMarkdownFiles();
		this.state = { ready: false, done: 0, total: files.length };
		this.events.trigger("progress");
		for (let start = 0; start < files.length; start += CHUNK_SIZE) {
			const chunk = files.slice(start, start + CHUNK_SIZE);
			await Promise.all(chunk.map((file) => this.read(file)));
			if (generation !== this.scanGeneration || index !== this.index) return;
			this.state = { ready: false, done: start + chunk.length, total: files.length };
			this.events.trigger("progress");
			this.notifyChanged();
			// Yield a macrotask so the UI stays responsive in a large vault.
			await new Promise<void>((resolve) => window.setTimeout(resolve, 0));
			if (generation !== this.scanGeneration || index !== this.index) return;
		}
		this.state = { ready: true, done: files.length, total: files.length };
		this.events.trigger("progress");
		this.notifyChanged();
	}

	/** Read one note into the index. A failed read or parse keeps the last good record. */
	private async read(file: TFile): Promise<void> {
		const path = file.path;
		const seq = this.bumpRead(path);
		const index = this.index;
		let text: string;
		try {
			text = await this.app.vault.cachedRead(file);
		} catch (error) {
			if (this.readSeq.get(path) === seq) this.failures.set(path, `Could not read: ${errorMessage(error)}`);
			return;
		}
		if (!this.alive || this.readSeq.get(path) !== seq || index !== this.index) return;
		try {
			index.set(path, text);
			this.failures.delete(path);
		} catch (error) {
			this.failures.set(path, `Could not parse: ${errorMessage(error)}`);
		}
	}

	/** Starts a new read generation for a path: any read still running for it will be dropped. */
	private bumpRead(path: string): number {
		const seq = (this.readSeq.get(path) ?? 0) + 1;
		this.readSeq.set(path, seq);
		return seq;
	}

	private readAndNotify(file: TFile): void {
		this.track(this.read(file).then(() => this.notifyChanged()));
	}

	private addAttachment(path: string): void {
		this.attachments.add(path);
		this.index.addAttachment(path);
	}

	private removeAttachment(path: string): void {
		this.attachments.delete(path);
		this.index.removeAttachment(path);
	}

	private forget(path: string): void {
		this.bumpRead(path);
		this.failures.delete(path);
		if (this.index.note(path)) this.index.delete(path);
	}

	private onCreateOrModify(file: TAbstractFile): void {
		if (!(file instanceof TFile)) return;
		if (file.extension.toLowerCase() === "md") this.readAndNotify(file);
		else if (!this.attachments.has(file.path)) {
			this.addAttachment(file.path);
			this.notifyChanged();
		}
	}

	private onDelete(file: TAbstractFile): void {
		if (file instanceof TFolder) {
			// Children may or may not get their own events; deleting twice is harmless.
			const prefix = `${file.path}/`;
			for (const note of [...this.index.notes()]) if (note.path.startsWith(prefix)) this.forget(note.path);
			for (const path of [...this.attachments]) if (path.startsWith(prefix)) this.removeAttachment(path);
		} else if (isMarkdownPath(file.path)) {
			this.forget(file.path);
		} else {
			this.removeAttachment(file.path);
		}
		this.notifyChanged();
	}

	private onRename(file: TAbstractFile, oldPath: string): void {
		if (file instanceof TFolder) {
			// Walk the children so the index is right even if no per-file events follow; per-file events are idempotent.
			const walk = (folder: TFolder): void => {
				for (const child of folder.children) {
					if (child instanceof TFolder) walk(child);
					else if (child instanceof TFile) this.renameFile(child, oldPath + child.path.slice(file.path.length));
				}
			};
			walk(file);
		} else if (file instanceof TFile) {
			this.renameFile(file, oldPath);
		}
		this.notifyChanged();
	}

	private renameFile(file: TFile, oldPath: string): void {
		if (oldPath === file.path) return;
		const nowMarkdown = file.extension.toLowerCase() === "md";
		if (isMarkdownPath(oldPath)) {
			this.bumpRead(oldPath);
			this.failures.delete(oldPath);
			if (nowMarkdown && this.index.note(oldPath)) {
				this.bumpRead(file.path);
				this.index.rename(oldPath, file.path);
				return;
			}
			if (this.index.note(oldPath)) this.index.delete(oldPath);
		} else if (this.attachments.has(oldPath)) {
			this.removeAttachment(oldPath);
		}
		if (nowMarkdown) {
			if (!this.index.note(file.path)) this.readAndNotify(file);
		} else if (!this.attachments.has(file.path)) {
			this.addAttachment(file.path);
		}
	}
}
