// @vitest-environment happy-dom
// The built main.js, as Obsidian mobile would load it: a CommonJS module whose `require` knows only
// "obsidian" (anything else throws, as Node builtins are missing on mobile) and with no global Buffer.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { beforeAll, describe, expect, test } from "vitest";
import * as obsidian from "../obsidian-stub/obsidian";
import { installDomHelpers } from "../obsidian-stub/dom";

const root = join(__dirname, "..", "..");
const SEED = "Chats/i have a hunch that maybe this originated from the eleutherlaion open source ml research community.md";
let bundle = "";

interface LoadedPlugin {
	load(): void;
	onloadResult?: Promise<void>;
	indexer: { idle(): Promise<void>; index: { note(path: string): Record<string, unknown> | undefined; size: number } };
}

function loadBundle(): { Plugin: new (app: unknown, manifest: unknown) => LoadedPlugin; required: string[]; context: vm.Context } {
	const required: string[] = [];
	const module = { exports: {} as Record<string, unknown> };
	const sandboxRequire = (id: string): unknown => {
		required.push(id);
		if (id === "obsidian") return obsidian;
		throw new Error(`require("${id}") is not available on mobile`);
	};
	const context = vm.createContext({
		module,
		exports: module.exports,
		require: sandboxRequire,
		console,
		window,
		document,
		navigator,
		setTimeout,
		clearTimeout,
		setInterval,
		clearInterval,
		queueMicrotask,
	});
	vm.runInContext(bundle, context, { filename: "main.js" });
	const Plugin = (module.exports.default ?? module.exports) as new (app: unknown, manifest: unknown) => LoadedPlugin;
	return { Plugin, required, context };
}

beforeAll(() => {
	execFileSync(process.execPath, [join(root, "esbuild.config.mjs"), "production"], { cwd: root, stdio: "pipe" });
	bundle = readFileSync(join(root, "main.js"), "utf8");
	installDomHelpers();
}, 120_000);

describe("main.js", () => {
	test("holds no regex lookbehind (older iOS WebViews reject it at load)", () => {
		expect(bundle).not.toMatch(/\(\?<[=!]/);
	});

	test("holds no eval, no Function constructor and no Node builtin", () => {
		expect(bundle).not.toMatch(/\beval\(/);
		expect(bundle).not.toMatch(/new Function\(/);
		expect(bundle).not.toMatch(/require\("(node:)?(fs|path|os|buffer|child_process|crypto|util|stream|events|url)"\)/);
	});

	test("loads with only `obsidian` to require and no Buffer, and parses the seed note through the bundle", async () => {
		const { Plugin, required, context } = loadBundle();
		expect(vm.runInContext("typeof Buffer", context)).toBe("undefined");
		expect(vm.runInContext("typeof process", context)).toBe("undefined");
		const app = new obsidian.App();
		const seedText = readFileSync(join(root, "test/fixtures/corpus/seed", SEED.slice("Chats/".length)), "utf8");
		app.vault.seed(SEED, seedText);
		app.vault.seed("Chats/evil.md", readFileSync(join(root, "test/fixtures/hand/javascript frontmatter.md"), "utf8"));
		const plugin = new Plugin(app, { id: "conversation-threads", name: "Conversation Threads", version: "0.1.0" });
		plugin.load();
		await plugin.onloadResult;
		app.workspace.setLayoutReady();
		await plugin.indexer.idle();

		expect(new Set(required)).toEqual(new Set(["obsidian"]));
		expect(plugin.indexer.index.size).toBe(2);
		const note = plugin.indexer.index.note(SEED);
		expect(note).toMatchObject({
			title: "i have a hunch that maybe this originated from the eleutherlaion open source ml research community",
			date: "2025-06-22T07:55:23.386Z",
			sources: ["claude"],
			conversationIds: ["8fcecd0f-193e-4b76-b760-649e0798cf8e"],
			categories: ["information-theory"],
		});
		// `---js` front matter became a diagnostic and never ran, inside or outside the sandbox.
		expect(plugin.indexer.index.note("Chats/evil.md")?.diagnostics).toMatchObject([{ code: "frontmatter-language" }]);
		expect(vm.runInContext("typeof __conversationThreadsPwned", context)).toBe("undefined");
		expect((globalThis as Record<string, unknown>).__conversationThreadsPwned).toBeUndefined();
	});
});
