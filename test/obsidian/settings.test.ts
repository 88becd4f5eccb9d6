// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { DEFAULT_FORMAT } from "../../src/core/note-record";
import { cleanFolder, DEFAULT_SETTINGS, mergeSettings } from "../../src/obsidian/settings";
import { AbstractInputSuggest, type PluginSettingTab } from "../obsidian-stub/obsidian";
import { corpusFiles, sleep, startPlugin, texts, typeSetting } from "./harness";

const SNAPSHOT = JSON.stringify(DEFAULT_SETTINGS);

describe("mergeSettings", () => {
	it("returns a deep copy of the defaults for nothing saved, and never mutates the defaults", () => {
		for (const loaded of [null, undefined, 42, "x", [], {}]) {
			const merged = mergeSettings(DEFAULT_SETTINGS, loaded);
			expect(merged).toEqual(DEFAULT_SETTINGS);
			expect(merged).not.toBe(DEFAULT_SETTINGS);
			expect(merged.format).not.toBe(DEFAULT_SETTINGS.format);
			merged.format.sourcePrefix = "changed";
			merged.showStatusBar = false;
		}
		expect(JSON.stringify(DEFAULT_SETTINGS)).toBe(SNAPSHOT);
		expect(DEFAULT_FORMAT.sourcePrefix).toBe("source__");
	});

	it("takes valid saved values field by field, deep into format", () => {
		const loaded = {
			format: { sourcePrefix: "origin__", seeAlsoLabel: " related " },
			newNoteFolder: "/Concepts//AI/",
			unresolvedScope: "thread",
			showStatusBar: false,
		};
		const copy = JSON.stringify(loaded);
		const merged = mergeSettings(DEFAULT_SETTINGS, loaded);
		expect(merged).toEqual({
			format: { ...DEFAULT_FORMAT, sourcePrefix: "origin__", seeAlsoLabel: "related" },
			newNoteFolder: "Concepts/AI",
			unresolvedScope: "thread",
			showStatusBar: false,
		});
		expect(JSON.stringify(loaded)).toBe(copy);
		expect(JSON.stringify(DEFAULT_SETTINGS)).toBe(SNAPSHOT);
	});

	it("falls back to the default for unknown or invalid values and drops unknown keys", () => {
		const merged = mergeSettings(DEFAULT_SETTINGS, {
			format: { sourcePrefix: "", messagePrefix: 7, categoryPrefix: null, bogus: "x" },
			newNoteFolder: "../outside",
			unresolvedScope: "vault",
			showStatusBar: "yes",
			extra: true,
		});
		expect(merged).toEqual(mergeSettings(DEFAULT_SETTINGS, null));
		expect(Object.keys(merged).sort()).toEqual(["format", "newNoteFolder", "showStatusBar", "unresolvedScope"]);
		expect(mergeSettings(DEFAULT_SETTINGS, { format: "nope" }).format).toEqual(DEFAULT_FORMAT);
	});

	it("cleans folder paths", () => {
		expect(cleanFolder("a\\b/./c/", "")).toBe("a/b/c");
		expect(cleanFolder("a/../b", "keep")).toBe("keep");
		expect(cleanFolder(3, "keep")).toBe("keep");
	});
});

describe("settings tab", () => {
	it("has headings, applies changes at once and re-indexes when the format changes", async () => {
		const h = await startPlugin(corpusFiles("seed", "seed"));
		await h.open([...corpusFiles("seed", "seed").keys()][0]!);
		const tab = (h.plugin as unknown as { settingTabs: PluginSettingTab[] }).settingTabs[0]!;
		tab.display();
		const el = tab.containerEl;
		expect(texts(el, ".setting-item-heading .setting-item-name")).toEqual(["Note format", "Panel"]);
		const names = texts(el, ".setting-item-name");
		for (const name of names) expect(name.slice(1)).toBe(name.slice(1).toLowerCase());

		const settingByName = (name: string): HTMLElement =>
			[...el.querySelectorAll<HTMLElement>(".setting-item")].find((s) => s.querySelector(".setting-item-name")?.textContent === name)!;

		// Status bar switch.
		expect(texts(h.app.statusBarEl, ".status-bar-item")).toEqual(["", "Exchange 2/3 · Claude"]);
		const toggle = settingByName("Show exchange in status bar").querySelector("input")!;
		toggle.checked = false;
		toggle.dispatchEvent(new Event("change"));
		await h.settle();
		expect(h.plugin.settings.showStatusBar).toBe(false);
		expect(h.app.statusBarEl.querySelectorAll(".status-bar-item")[1]?.hasClass("conversation-threads-hidden")).toBe(true);

		// Format change: a different source prefix re-indexes, and the note loses its source.
		const input = settingByName("Source tag prefix").querySelector("input")!;
		await typeSetting(h, input, "origin__");
		expect(h.plugin.settings.format.sourcePrefix).toBe("origin__");
		expect([...h.plugin.indexer.index.notes()][0]?.sources).toEqual([]);
		expect((h.plugin as unknown as { data: { format: { sourcePrefix: string } } }).data.format.sourcePrefix).toBe("origin__");

		// Emptying a field means the default.
		await typeSetting(h, input, "");
		expect(h.plugin.settings.format.sourcePrefix).toBe("source__");
		expect([...h.plugin.indexer.index.notes()][0]?.sources).toEqual(["claude"]);
		expect(JSON.stringify(DEFAULT_SETTINGS)).toBe(SNAPSHOT);
	});

	it("suggests vault folders for new notes, and saves the one picked", async () => {
		const h = await startPlugin({ "Concepts/entropy.md": "# Entropy\n", "Chats/claude/a.md": "a", "Archive/concepts old/x.md": "x" });
		const tab = (h.plugin as unknown as { settingTabs: PluginSettingTab[] }).settingTabs[0]!;
		tab.display();
		const setting = [...tab.containerEl.querySelectorAll<HTMLElement>(".setting-item")].find(
			(s) => s.querySelector(".setting-item-name")?.textContent === "Folder for new notes",
		)!;
		const input = setting.querySelector("input")!;
		input.value = "conc";
		input.dispatchEvent(new Event("input"));
		await h.settle();
		const list = AbstractInputSuggest.openEl!;
		expect(texts(list, ".suggestion-item")).toEqual(["Archive/concepts old", "Concepts"]);
		list.querySelectorAll<HTMLElement>(".suggestion-item")[1]!.click();
		await h.settle();
		expect(input.value).toBe("Concepts");
		expect(h.plugin.settings.newNoteFolder).toBe("Concepts");
		expect(AbstractInputSuggest.openEl).toBeNull();
	});
});
