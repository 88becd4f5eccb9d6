// Runs inside Chromium, bundled by the test (esbuild, iife): the Obsidian stand-in the vitest adapter tests use,
// `window.require` for the built main.js, and a small driver the test calls through page.evaluate.
// Mirrors test/obsidian/harness.ts, but against the built bundle instead of the TypeScript sources.
import * as Obsidian from "../../obsidian-stub/obsidian";
import { drawIcon } from "./icons";

export interface Manifest {
	id: string;
	name: string;
	version: string;
}

interface LoadedPlugin extends Obsidian.Plugin {
	indexer: { idle(): Promise<void> };
}

type PluginClass = new (app: Obsidian.App, manifest: Manifest) => LoadedPlugin;

/** What the test can call in the page (window.ctDriver). */
export interface Driver {
	start(files: Record<string, string>, manifest: Manifest): Promise<void>;
	settle(): Promise<void>;
	open(path: string): Promise<void>;
	openPanel(): Promise<void>;
	activePath(): string | null;
	setTheme(theme: "light" | "dark"): void;
	/** Runs a plugin command by id (callback or checkCallback), then lets the index settle and decorates the window. */
	runCommand(id: string): Promise<void>;
	/** Gives the open modals Obsidian's frame (backdrop, close button); returns how many are open. */
	renderModals(): number;
	/** The open state the active leaf was last given by openFile (`eState.line` scrolls to a line). */
	openState(): unknown;
	/** Whether the vault holds a file or folder at `path`. */
	exists(path: string): boolean;
	/** Notices shown since start(). */
	notices(): string[];
	errors: string[];
}

// main.js gets the stand-in, with setIcon drawing a glyph into the svg the stand-in creates.
const obsidianModule: Record<string, unknown> = {
	...Obsidian,
	setIcon(parent: HTMLElement, iconId: string): void {
		Obsidian.setIcon(parent, iconId);
		drawIcon(parent, iconId);
	},
};

const w = window as unknown as Record<string, unknown>;
w.require = (id: string): unknown => {
	if (id === "obsidian") return obsidianModule;
	throw new Error(`no ${id}`);
};

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

let app: Obsidian.App | null = null;
let plugin: LoadedPlugin | null = null;

function need<T>(value: T | null, what: string): T {
	if (value === null) throw new Error(`${what} not started`);
	return value;
}

/** The fake editor: the open note's title and raw Markdown, as text. */
async function showNote(file: Obsidian.TFile | null): Promise<void> {
	const a = need(app, "app");
	const view = a.workspace.activeLeaf?.view;
	if (!file || !(view instanceof Obsidian.FileView)) return;
	const text = await a.vault.read(file);
	view.containerEl.querySelector(".view-header")?.setText(file.basename);
	const content = view.contentEl;
	content.empty();
	content.addClass("markdown-source-view");
	content.createDiv({ cls: "inline-title", text: file.basename });
	content.createEl("pre", { cls: "fake-editor", text });
}

/** Sidebar leaves get a tab header with the view's icon and name, and ribbon actions their icon, as in Obsidian. */
function decorateSidebar(): void {
	const a = need(app, "app");
	for (const action of a.ribbonEl.querySelectorAll<HTMLElement>(".side-dock-ribbon-action")) {
		const icon = action.getAttribute("data-icon");
		if (icon === null || action.childElementCount > 0) continue;
		Obsidian.setIcon(action, icon);
		drawIcon(action, icon);
	}
	for (const leaf of a.workspace.rightEl.querySelectorAll<HTMLElement>(".workspace-leaf")) {
		const header = leaf.querySelector<HTMLElement>(".view-header");
		if (!header || header.childElementCount > 0) continue;
		const icon = header.createSpan({ cls: "view-header-icon" });
		Obsidian.setIcon(icon, "messages-square");
		drawIcon(icon, "messages-square");
		header.createSpan({ cls: "view-header-title", text: "Conversation thread" });
	}
}

/**
 * Main-area leaves behave like tabs: only the one last made active shows (Obsidian hides the other tabs of a tab
 * group). Each gets a header with its view's icon and name.
 */
function showActiveTab(leaf: Obsidian.WorkspaceLeaf | null): void {
	const a = need(app, "app");
	if (!leaf || leaf.containerEl.parentElement !== a.workspace.rootEl) return;
	for (const el of a.workspace.rootEl.querySelectorAll<HTMLElement>(":scope > .workspace-leaf")) {
		el.style.display = el === leaf.containerEl ? "" : "none";
	}
}

const VIEW_ICONS: Record<string, string> = { "conversation-threads-report": "list-tree" };

function decorateTabs(): void {
	const a = need(app, "app");
	for (const leaf of a.workspace.rootEl.querySelectorAll<HTMLElement>(":scope > .workspace-leaf")) {
		const view = leaf.querySelector<HTMLElement>(":scope > .view-container");
		const header = view?.querySelector<HTMLElement>(":scope > .view-header");
		const type = [...a.workspace.viewCreators.keys()].find((t) => a.workspace.getLeavesOfType(t).some((l) => l.containerEl === leaf));
		if (!header || !type || header.childElementCount > 0) continue;
		const found = a.workspace.getLeavesOfType(type).find((l) => l.containerEl === leaf);
		const icon = header.createSpan({ cls: "view-header-icon" });
		const iconId = VIEW_ICONS[type] ?? found?.view?.getIcon() ?? "file";
		Obsidian.setIcon(icon, iconId);
		drawIcon(icon, iconId);
		header.createSpan({ cls: "view-header-title", text: found?.view?.getDisplayText() ?? type });
	}
}

function renderModals(): number {
	for (const modal of Obsidian.Modal.open) {
		const container = modal.containerEl;
		if (!container.querySelector(":scope > .modal-bg")) {
			const bg = document.createElement("div");
			bg.className = "modal-bg";
			container.prepend(bg);
		}
		if (!modal.modalEl.querySelector(":scope > .modal-close-button")) {
			const close = document.createElement("div");
			close.className = "modal-close-button";
			close.setAttribute("aria-label", "Close");
			modal.modalEl.prepend(close);
			Obsidian.setIcon(close, "x");
			drawIcon(close, "x");
			close.addEventListener("click", () => modal.close());
		}
	}
	return Obsidian.Modal.open.length;
}

const driver: Driver = {
	errors: [],

	async start(files, manifest) {
		const PluginClass = (w.ConversationThreads as { default?: PluginClass } | undefined)?.default;
		if (typeof PluginClass !== "function") throw new Error("main.js did not export a plugin class");
		document.body.replaceChildren();
		app = new Obsidian.App();
		for (const [path, text] of Object.entries(files)) app.vault.seed(path, text);
		app.workspace.on("file-open", (file: Obsidian.TFile | null) => void showNote(file));
		app.workspace.on("active-leaf-change", (leaf: Obsidian.WorkspaceLeaf | null) => showActiveTab(leaf));
		Obsidian.Modal.open = [];
		Obsidian.Notice.shown = [];
		plugin = new PluginClass(app, manifest);
		plugin.load();
		await plugin.onloadResult;
		app.workspace.setLayoutReady();
		await driver.settle();
	},

	async settle() {
		const p = need(plugin, "plugin");
		await p.indexer.idle();
		await sleep(100);
		await p.indexer.idle();
	},

	async open(path) {
		const a = need(app, "app");
		const file = a.vault.getFileByPath(path);
		if (!file) throw new Error(`no file ${path}`);
		await a.workspace.getLeaf(false).openFile(file);
		await driver.settle();
	},

	async openPanel() {
		const command = need(plugin, "plugin").commands.find((c) => c.id === "open-thread-panel");
		if (!command?.callback) throw new Error("no open-thread-panel command");
		await command.callback();
		await driver.settle();
		decorateSidebar();
	},

	async runCommand(id) {
		const command = need(plugin, "plugin").commands.find((c) => c.id === id);
		if (!command) throw new Error(`no command ${id}`);
		if (command.callback) await command.callback();
		else if (command.checkCallback) {
			if (command.checkCallback(true) === false) throw new Error(`command ${id} is not available here`);
			command.checkCallback(false);
		} else throw new Error(`command ${id} has no callback`);
		await driver.settle();
		decorateSidebar();
		decorateTabs();
		renderModals();
	},

	renderModals,

	openState() {
		return need(app, "app").workspace.activeLeaf?.lastOpenState ?? null;
	},

	exists(path) {
		return need(app, "app").vault.getAbstractFileByPath(path) !== null;
	},

	notices() {
		return [...Obsidian.Notice.shown];
	},

	activePath() {
		return need(app, "app").workspace.getActiveFile()?.path ?? null;
	},

	setTheme(theme) {
		document.body.classList.toggle("theme-light", theme === "light");
		document.body.classList.toggle("theme-dark", theme === "dark");
	},
};

window.addEventListener("error", (event) => driver.errors.push(String(event.message)));
window.addEventListener("unhandledrejection", (event) => driver.errors.push(String(event.reason)));
w.ctDriver = driver;
