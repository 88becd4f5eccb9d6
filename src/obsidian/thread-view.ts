// The side panel: follows the active note and the index, renders when visible, and handles clicks and hovers.
import { ItemView, Keymap, Notice, TFolder, type TFile, type WorkspaceLeaf } from "obsidian";
import { missingExchangeText } from "../core/missing-exchange";
import { copyText } from "./clipboard";
import { VIEW_TYPE, type PanelHost } from "./host";
import type { UnresolvedScope } from "./settings";
import { buildPanelModel } from "./thread-view-model";
import { PanelRenderer, type PanelAction } from "./thread-view-render";

interface GlobalSearch {
	openGlobalSearch(query: string): void;
}

/** The core Search plugin is not public API: look it up defensively. */
function globalSearch(app: unknown): GlobalSearch | null {
	const internal = (app as { internalPlugins?: { getPluginById?: (id: string) => { instance?: unknown } | null } }).internalPlugins;
	const instance = internal?.getPluginById?.("global-search")?.instance as Partial<GlobalSearch> | undefined;
	return instance && typeof instance.openGlobalSearch === "function" ? (instance as GlobalSearch) : null;
}

export class ThreadView extends ItemView {
	private readonly actions = new WeakMap<Element, PanelAction>();
	private activePath: string | null = null;
	private renderedKey: string | null = null;
	private renderedIndex: unknown = null;
	private unresolvedScope: UnresolvedScope;
	private readonly expanded = new Set<string>();

	constructor(leaf: WorkspaceLeaf, private readonly host: PanelHost) {
		super(leaf);
		this.unresolvedScope = host.settings.unresolvedScope;
	}

	getViewType(): string {
		return VIEW_TYPE;
	}

	getDisplayText(): string {
		return "Conversation thread";
	}

	override getIcon(): string {
		return "messages-square";
	}

	override async onOpen(): Promise<void> {
		this.contentEl.addClass("conversation-threads-panel");
		this.activePath = this.app.workspace.getActiveFile()?.path ?? null;
		const workspace = this.app.workspace;
		this.registerEvent(workspace.on("file-open", (file: TFile | null) => this.follow(file)));
		this.registerEvent(workspace.on("active-leaf-change", () => this.follow(this.app.workspace.getActiveFile())));
		this.registerEvent(workspace.on("layout-change", () => this.refresh()));
		// A renamed active note (or its folder) fires no file-open: follow the path.
		this.registerEvent(
			this.app.vault.on("rename", (file, oldPath) => {
				const active = this.activePath;
				if (active === null) return;
				if (active === oldPath) this.activePath = file.path;
				else if (file instanceof TFolder && active.startsWith(`${oldPath}/`)) this.activePath = file.path + active.slice(oldPath.length);
			}),
		);
		this.registerEvent(this.host.indexer.on("changed", () => this.refresh()));
		this.registerEvent(this.host.indexer.on("progress", () => this.refresh()));
		this.registerDomEvent(this.contentEl, "click", (evt) => this.onClick(evt));
		this.registerDomEvent(this.contentEl, "mouseover", (evt) => this.onHover(evt));
		this.refresh(true);
	}

	override async onClose(): Promise<void> {
		this.contentEl.empty();
	}

	override onResize(): void {
		this.refresh();
	}

	/** The panel follows the active note; the panel itself taking focus keeps the last one. */
	private follow(file: TFile | null): void {
		if (file) this.activePath = file.path;
		else if (this.app.workspace.getActiveViewOfType(ThreadView) !== this) this.activePath = null;
		this.refresh();
	}

	/** Re-render when visible and something it shows changed (index revision, note, hint, scope). */
	refresh(force = false): void {
		if (!force && !this.containerEl.isShown()) return;
		const indexer = this.host.indexer;
		const state = indexer.indexState;
		const hint = this.host.hint;
		const key = [
			this.activePath ?? "",
			indexer.index.revision,
			state.ready ? "ready" : `${state.done}/${state.total}`,
			hint ? `${hint.threadId}|${hint.path}|${hint.position}` : "",
			this.unresolvedScope,
			[...this.expanded].join("|"),
		].join("\n");
		if (!force && key === this.renderedKey && this.renderedIndex === indexer.index) return;
		this.renderedKey = key;
		this.renderedIndex = indexer.index;
		const model = buildPanelModel(indexer.index, this.activePath, state, hint);
		const failure = this.activePath === null ? undefined : indexer.failures.get(this.activePath);
		if (failure !== undefined && model.kind === "note") model.diagnostics.unshift(`${failure} (showing the last good version)`);
		new PanelRenderer(this.actions, this.unresolvedScope, this.expanded).render(this.contentEl, model, failure);
	}

	private actionAt(target: EventTarget | null): { el: HTMLElement; action: PanelAction } | null {
		let el = target instanceof HTMLElement ? target : null;
		while (el && el !== this.contentEl) {
			const action = this.actions.get(el);
			if (action) return { el, action };
			el = el.parentElement;
		}
		return null;
	}

	private onClick(evt: MouseEvent): void {
		const found = this.actionAt(evt.target);
		if (!found) return;
		evt.preventDefault();
		const { action } = found;
		const newLeaf = Keymap.isModEvent(evt);
		const source = this.activePath ?? "";
		switch (action.kind) {
			case "open": {
				if (action.path === "") return;
				const hint = action.threadId !== undefined && action.position !== undefined
					? { threadId: action.threadId, path: action.path, position: action.position }
					: null;
				void this.host.openPath(action.path, newLeaf, hint);
				return;
			}
			case "create": {
				const thread = action.threadId === undefined ? undefined : this.host.indexer.index.thread(action.threadId);
				const content = thread && action.position !== undefined ? missingExchangeText(thread, action.position, this.host.settings.format) : "";
				void this.host.openOrCreate(action.target, source, action.ask, newLeaf, content);
				return;
			}
			case "copy":
				void copyText(action.text);
				return;
			case "tag": {
				const search = globalSearch(this.app);
				if (search) search.openGlobalSearch(`tag:#${action.tag}`);
				else new Notice("Search is not available.");
				return;
			}
			case "scope":
				this.unresolvedScope = action.scope;
				this.refresh(true);
				return;
			case "show-all":
				this.expanded.add(action.threadId);
				this.refresh(true);
				return;
		}
	}

	private onHover(evt: MouseEvent): void {
		const found = this.actionAt(evt.target);
		if (!found || found.action.kind !== "open" || found.action.path === "") return;
		this.app.workspace.trigger("hover-link", {
			event: evt,
			source: VIEW_TYPE,
			hoverParent: this,
			targetEl: found.el,
			linktext: found.action.path,
		});
	}
}
