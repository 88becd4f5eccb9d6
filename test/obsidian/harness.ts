// Test harness: a stub app holding fixture notes, the real plugin loaded into it, and helpers to let events settle.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { App as ObsidianApp, PluginManifest as ObsidianManifest } from "obsidian";
import ConversationThreadsPlugin from "../../src/main";
import { VIEW_TYPE } from "../../src/obsidian/host";
import { ThreadView } from "../../src/obsidian/thread-view";
import { App, Modal, Notice, TFile, type Command, type WorkspaceLeaf } from "../obsidian-stub/obsidian";

export const CORPUS = path.resolve(__dirname, "../fixtures/corpus");

export const MANIFEST = {
	id: "conversation-threads",
	name: "Conversation Threads",
	version: "0.1.0",
	minAppVersion: "1.5.0",
	author: "test",
	description: "test",
};

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Files under a corpus folder, as vault path -> text (vault path relative to `dir`, prefixed by `into`). */
export function corpusFiles(dir: string, into = ""): Map<string, string> {
	const root = path.join(CORPUS, dir);
	const files = new Map<string, string>();
	const walk = (abs: string): void => {
		for (const name of readdirSync(abs)) {
			const full = path.join(abs, name);
			if (statSync(full).isDirectory()) walk(full);
			else files.set(path.posix.join(into, path.relative(root, full).split(path.sep).join("/")), readFileSync(full, "utf8"));
		}
	};
	walk(root);
	return files;
}

function commands(plugin: ConversationThreadsPlugin): Command[] {
	return (plugin as unknown as { commands: Command[] }).commands;
}

export interface Harness {
	app: App;
	plugin: ConversationThreadsPlugin;
	settle(): Promise<void>;
	open(path: string, mod?: boolean): Promise<void>;
	openPanel(): Promise<HTMLElement>;
	panel(): HTMLElement;
	view(): ThreadView;
	command(id: string): { check: () => boolean; run: () => void };
	activePath(): string | null;
}

/** Types `value` into a settings field, then waits out the plugin's debounced re-index and lets it finish. */
export async function typeSetting(h: Harness, input: HTMLInputElement, value: string): Promise<void> {
	input.value = value;
	input.dispatchEvent(new Event("input"));
	await sleep(1100);
	await h.settle();
}

/** A vault with `files`, the plugin loaded, layout ready, first index done. */
export async function startPlugin(files: Map<string, string> | Record<string, string>, data: unknown = null): Promise<Harness> {
	Notice.shown = [];
	Modal.open = [];
	document.body.replaceChildren();
	const app = new App();
	for (const [p, text] of files instanceof Map ? files : Object.entries(files)) app.vault.seed(p, text);
	const plugin = new ConversationThreadsPlugin(app as unknown as ObsidianApp, MANIFEST as ObsidianManifest);
	(plugin as unknown as { data: unknown }).data = data;
	plugin.load();
	await (plugin as unknown as { onloadResult: Promise<void> }).onloadResult;
	app.workspace.setLayoutReady();
	const settle = async (): Promise<void> => {
		await plugin.indexer.idle();
		await sleep(200);
		await plugin.indexer.idle();
	};
	await settle();
	const h: Harness = {
		app,
		plugin,
		settle,
		async open(p, mod = false) {
			const file = app.vault.getFileByPath(p);
			if (!(file instanceof TFile)) throw new Error(`no file ${p}`);
			await app.workspace.getLeaf(mod).openFile(file);
			await settle();
		},
		async openPanel() {
			const command = commands(plugin).find((c) => c.id === "open-thread-panel");
			command?.callback?.();
			await settle();
			return h.panel();
		},
		panel() {
			return h.view().contentEl;
		},
		view() {
			const leaf: WorkspaceLeaf | undefined = app.workspace.getLeavesOfType(VIEW_TYPE)[0];
			const view = leaf?.view;
			if (!(view instanceof ThreadView)) throw new Error("no thread view");
			return view;
		},
		command(id) {
			const command = commands(plugin).find((c) => c.id === id);
			if (!command) throw new Error(`no command ${id}`);
			return {
				check: () => (command.checkCallback ? command.checkCallback(true) === true : true),
				run: () => {
					if (command.checkCallback) command.checkCallback(false);
					else command.callback?.();
				},
			};
		},
		activePath() {
			return app.workspace.getActiveFile()?.path ?? null;
		},
	};
	return h;
}

/** Text of the elements matching a selector, whitespace collapsed. */
export function texts(root: HTMLElement, selector: string): string[] {
	return [...root.querySelectorAll(selector)].map((el) => (el.textContent ?? "").replace(/\s+/g, " ").trim());
}
