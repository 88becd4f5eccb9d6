// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import type { App as ObsidianApp, PluginManifest } from "obsidian";
import ConversationThreadsPlugin from "../../src/main";
import { App, Events, TFolder } from "../obsidian-stub/obsidian";
import { longThread } from "./fixtures";
import { corpusFiles, MANIFEST, sleep, startPlugin, texts } from "./harness";

const CLAUDE = () => corpusFiles("chat2obs/E10-065006d/claude", "claude");

describe("vault events update the index and the panel", () => {
	it("rename and delete", async () => {
		const h = await startPlugin(CLAUDE());
		await h.open("claude/negative prompting.md");
		const panel = await h.openPanel();
		expect(texts(panel, ".conversation-threads-entry.conversation-threads-is-missing")).toEqual([]);

		const vault = h.app.vault;
		await vault.rename(vault.getFileByPath("claude/what are some tricks with it.md")!, "claude/tricks renamed.md");
		await h.settle();
		const index = h.plugin.indexer.index;
		expect(index.note("claude/what are some tricks with it.md")).toBeUndefined();
		expect(index.note("claude/tricks renamed.md")?.title).toBe("what are some tricks with it");
		// The footer links name the old file: the exchange now shows as missing.
		expect(texts(panel, ".conversation-threads-entry.conversation-threads-is-missing")).toContain("what are some tricks with itMissing");

		await vault.delete(vault.getFileByPath("claude/tell me about classifier-free guidance.md")!);
		await h.settle();
		expect(index.note("claude/tell me about classifier-free guidance.md")).toBeUndefined();
		expect(texts(panel, ".conversation-threads-entry.conversation-threads-is-missing")).toContain("tell me about classifier-free guidanceMissing");
	});

	it("modify re-reads the note", async () => {
		const h = await startPlugin(CLAUDE());
		await h.open("claude/negative prompting.md");
		const panel = await h.openPanel();
		const file = h.app.vault.getFileByPath("claude/negative prompting.md")!;
		await h.app.vault.modify(file, (await h.app.vault.read(file)).replace("title: negative prompting", "title: negative prompting, edited"));
		await h.settle();
		expect(texts(panel, ".conversation-threads-title")).toEqual(["negative prompting, edited"]);
	});

	it("a folder rename moves every note", async () => {
		const h = await startPlugin(CLAUDE());
		await h.open("claude/negative prompting.md");
		const panel = await h.openPanel();
		await h.app.vault.rename(h.app.vault.getAbstractFileByPath("claude") as TFolder, "archive/claude");
		await h.settle();
		const paths = [...h.plugin.indexer.index.notes()].map((n) => n.path).sort();
		expect(paths).toEqual([...CLAUDE().keys()].map((p) => p.replace(/^claude\//, "archive/claude/")).sort());
		expect(texts(panel, ".conversation-threads-entry")).toHaveLength(5);
		expect(texts(panel, ".conversation-threads-entry.conversation-threads-is-missing")).toEqual([]);
	});

	it("attachments go to the index as attachments", async () => {
		const h = await startPlugin({ "a.md": "see ![[pic.png]]\n", "old.png": "x" });
		const index = h.plugin.indexer.index;
		const add = vi.spyOn(index, "addAttachment");
		const remove = vi.spyOn(index, "removeAttachment");
		h.app.vault.seed("pic.png", "binary");
		await h.app.vault.rename(h.app.vault.getFileByPath("old.png")!, "new.png");
		await h.app.vault.delete(h.app.vault.getFileByPath("pic.png")!);
		await h.settle();
		expect(add.mock.calls.map((c) => c[0])).toEqual(["pic.png", "new.png"]);
		expect(remove.mock.calls.map((c) => c[0])).toEqual(["old.png", "pic.png"]);
	});

	it("a failed read keeps the last good record and never stops the rest", async () => {
		const app0 = CLAUDE();
		const h = await startPlugin(app0);
		const vault = h.app.vault;
		const path = "claude/negative prompting.md";
		const before = h.plugin.indexer.index.note(path);
		vault.failingReads.add(path);
		const file = vault.getFileByPath(path)!;
		await vault.modify(file, "---\ntitle: broken\n---\n");
		await h.settle();
		expect(h.plugin.indexer.index.note(path)).toEqual(before);
		expect(h.plugin.indexer.failures.get(path)).toMatch(/^Could not read/);
		await h.open(path);
		const panel = await h.openPanel();
		expect(texts(panel, ".conversation-threads-title")).toEqual(["negative prompting"]);
		expect(panel.textContent).toContain("(showing the last good version)");

		// Cold scan with one unreadable file: the others are all indexed.
		h.command("rebuild-index").run();
		await h.settle();
		expect(h.plugin.indexer.index.size).toBe(app0.size - 1);
		expect(h.plugin.indexer.indexState.ready).toBe(true);
	});
});

describe("startup", () => {
	it("indexes once, in chunks, inside onLayoutReady, with progress in the status bar", async () => {
		const app = new App();
		for (const [p, t] of longThread(450)) app.vault.seed(p, t);
		const plugin = new ConversationThreadsPlugin(app as unknown as ObsidianApp, MANIFEST as PluginManifest);
		const reads = vi.spyOn(app.vault, "cachedRead");
		plugin.load();
		await (plugin as unknown as { onloadResult: Promise<void> }).onloadResult;
		app.vault.seed("long/late.md", "# created while loading\n");
		await sleep(50);
		expect(reads).not.toHaveBeenCalled();
		expect(app.vault.handlerCount()).toBe(0);

		const progress: string[] = [];
		const progressEl = app.statusBarEl.querySelectorAll(".status-bar-item")[0] as HTMLElement;
		plugin.indexer.on("progress", () => progress.push(`${progressEl.textContent}|${progressEl.hasClass("conversation-threads-hidden")}`));
		app.workspace.setLayoutReady();
		expect(app.vault.handlerCount()).toBe(4);
		await plugin.indexer.idle();
		expect(progress).toEqual(["Indexing 0 / 451|false", "Indexing 200 / 451|false", "Indexing 400 / 451|false", "Indexing 451 / 451|false", "|true"]);
		expect(reads).toHaveBeenCalledTimes(451);
		expect(plugin.indexer.index.size).toBe(451);
		plugin.unload();
	});
});

describe("unload", () => {
	it("leaves no listeners behind, and later vault events run nothing", async () => {
		const liveBefore = Events.live;
		const h = await startPlugin(CLAUDE());
		await h.open("claude/negative prompting.md");
		await h.openPanel();
		const view = h.view();
		const index = h.plugin.indexer.index;
		expect(h.app.vault.handlerCount()).toBe(5); // four for the indexer, rename for the panel
		const revision = index.revision;
		const statusItems = h.app.statusBarEl.querySelectorAll(".status-bar-item").length;
		expect(statusItems).toBe(2);

		h.plugin.unload();
		await sleep(10);
		expect(h.app.vault.handlerCount()).toBe(0);
		expect(h.app.workspace.handlerCount("file-open")).toBe(0);
		expect(h.app.workspace.handlerCount("active-leaf-change")).toBe(0);
		expect(h.app.statusBarEl.querySelectorAll(".status-bar-item")).toHaveLength(0);
		expect(h.app.ribbonEl.children).toHaveLength(0);
		expect(view.contentEl.children).toHaveLength(0);
		// The leaf stays for the workspace to restore; its view is closed.
		expect(h.app.workspace.hoverLinkSources.size).toBe(0);

		const reads = vi.spyOn(h.app.vault, "cachedRead");
		const file = h.app.vault.getFileByPath("claude/negative prompting.md")!;
		await h.app.vault.modify(file, "changed");
		await h.app.vault.rename(h.app.vault.getFileByPath("claude/what are some tricks with it.md")!, "x.md");
		h.app.vault.seed("new.md", "new");
		await sleep(300);
		expect(reads).not.toHaveBeenCalled();
		expect(index.revision).toBe(revision);
		// Only the test's own workspace objects remain (the stub counts every live handler).
		expect(Events.live).toBe(liveBefore);
	});
});
