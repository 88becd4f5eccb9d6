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

const driver: Driver = {
	errors: [],

	async start(files, manifest) {
		const PluginClass = (w.ConversationThreads as { default?: PluginClass } | undefined)?.default;
		if (typeof PluginClass !== "function") throw new Error("main.js did not export a plugin class");
		document.body.replaceChildren();
		app = new Obsidian.App();
		for (const [path, text] of Object.entries(files)) app.vault.seed(path, text);
		app.workspace.on("file-open", (file: Obsidian.TFile | null) => void showNote(file));
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
