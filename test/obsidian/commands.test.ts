// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { Notice } from "../obsidian-stub/obsidian";
import { forkVault } from "./fixtures";
import { corpusFiles, MANIFEST, startPlugin, texts } from "./harness";

const NAV = ["previous-exchange", "next-exchange", "first-exchange", "last-exchange"];

describe("commands", () => {
	it("are registered without hotkeys, plugin id or the word command", async () => {
		const h = await startPlugin({});
		const list = (h.plugin as unknown as { commands: { id: string; name: string; hotkeys?: unknown }[] }).commands;
		expect(list.map((c) => [c.id, c.name])).toEqual([
			["open-thread-panel", "Open thread panel"],
			["previous-exchange", "Go to previous exchange"],
			["next-exchange", "Go to next exchange"],
			["first-exchange", "Go to first exchange"],
			["last-exchange", "Go to last exchange"],
			["copy-conversation-id", "Copy conversation ID"],
			["rebuild-index", "Rebuild index"],
			["show-thread-report", "Show thread report"],
			["create-notes-for-unresolved-links", "Create notes for unresolved links"],
		]);
		for (const c of list) {
			expect(c.hotkeys).toBeUndefined();
			expect(c.id).not.toContain(MANIFEST.id);
			expect(`${c.id} ${c.name}`.toLowerCase()).not.toContain("command");
		}
	});

	it("walk the E10 Claude thread across the merged note", async () => {
		const h = await startPlugin(corpusFiles("chat2obs/E10-065006d/claude", "claude"));
		await h.open("claude/negative prompting.md");
		expect(h.command("previous-exchange").check()).toBe(false);
		expect(h.command("first-exchange").check()).toBe(false);
		const visited = [h.activePath()];
		while (h.command("next-exchange").check()) {
			h.command("next-exchange").run();
			await h.settle();
			visited.push(h.activePath());
		}
		expect(visited).toEqual([
			"claude/negative prompting.md",
			"claude/tell me about classifier-free guidance.md",
			"claude/what are some tricks with it.md",
			"claude/i think negative prompting predates stable diffusion.md",
			"claude/negative prompting tells a diffusion model what to avoid..md",
		]);
		expect(texts(h.app.statusBarEl, ".status-bar-item")).toEqual(["", "Exchange 5/5 · Claude"]);
		expect(h.command("last-exchange").check()).toBe(false);
		h.command("previous-exchange").run();
		await h.settle();
		expect(h.activePath()).toBe("claude/i think negative prompting predates stable diffusion.md");
		h.command("first-exchange").run();
		await h.settle();
		expect(h.activePath()).toBe("claude/negative prompting.md");
		h.command("last-exchange").run();
		await h.settle();
		expect(h.activePath()).toBe("claude/negative prompting tells a diffusion model what to avoid..md");
	});

	it("are not offered on a plain note or with no note", async () => {
		const h = await startPlugin(forkVault());
		for (const id of [...NAV, "copy-conversation-id"]) expect(h.command(id).check()).toBe(false);
		await h.open("plain.md");
		for (const id of [...NAV, "copy-conversation-id"]) expect(h.command(id).check()).toBe(false);
		expect(h.command("open-thread-panel").check()).toBe(true);
	});

	it("copy the conversation id", async () => {
		const h = await startPlugin(corpusFiles("seed", "seed"));
		await h.open([...corpusFiles("seed", "seed").keys()][0]!);
		const writeText = vi.fn(async (_text: string) => {});
		Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
		expect(h.command("copy-conversation-id").check()).toBe(true);
		h.command("copy-conversation-id").run();
		await h.settle();
		expect(writeText).toHaveBeenCalledWith("8fcecd0f-193e-4b76-b760-649e0798cf8e");
		expect(Notice.shown).toEqual(["Copied"]);
	});

	it("walk a fork, and the panel marks it", async () => {
		const h = await startPlugin(forkVault());
		await h.open("fork/start here.md");
		const panel = await h.openPanel();
		expect(texts(panel, ".conversation-threads-entry")).toEqual(["start hereFork", "branch one", "branch two"]);
		expect(panel.querySelector(".conversation-threads-flag [data-icon]")?.getAttribute("data-icon")).toBe("git-fork");
		expect(texts(panel, ".conversation-threads-thread > .conversation-threads-muted")).toEqual(["1 fork"]);
		h.command("next-exchange").run();
		await h.settle();
		expect(h.activePath()).toBe("fork/branch one.md");
		h.command("next-exchange").run();
		await h.settle();
		expect(h.activePath()).toBe("fork/branch two.md");
		expect(h.command("next-exchange").check()).toBe(false);
		expect(texts(panel, ".conversation-threads-thread .conversation-threads-section-title")).toEqual(["Exchange 3 of 3"]);
	});

	it("rebuild the index", async () => {
		const h = await startPlugin(corpusFiles("seed", "seed"));
		const before = h.plugin.indexer.index;
		h.command("rebuild-index").run();
		expect(h.plugin.indexer.indexState.ready).toBe(false);
		await h.settle();
		expect(h.plugin.indexer.index).not.toBe(before);
		expect(h.plugin.indexer.indexState).toEqual({ ready: true, done: 1, total: 1 });
		expect(h.plugin.indexer.index.size).toBe(1);
	});

	it("open the panel in the right sidebar once", async () => {
		const h = await startPlugin({});
		await h.openPanel();
		await h.openPanel();
		expect(h.app.workspace.getLeavesOfType("conversation-threads-panel")).toHaveLength(1);
		expect(h.view().containerEl.closest(".mod-right-split")).not.toBeNull();
	});
});
