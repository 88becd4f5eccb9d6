// @vitest-environment happy-dom
// The settings tab on both paths: Obsidian 1.13+ renders its declared definitions (and indexes them for search);
// older Obsidian calls display(). Both must show the same settings and save through updateSettings by the same rules.
import type { App as ObsidianApp, Plugin as ObsidianPlugin } from "obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readSetting, settingSections } from "../../src/obsidian/setting-definitions";
import { DEFAULT_SETTINGS, mergeSettings, type ConversationThreadsSettings } from "../../src/obsidian/settings";
import { ConversationThreadsSettingTab } from "../../src/obsidian/settings-tab";
import {
	AbstractInputSuggest,
	App,
	openSettingTab,
	Plugin,
	searchSettings,
	setApiVersion,
	type PluginSettingTab,
	type SettingDefinitionControl,
	type SettingDefinitionItem,
} from "../obsidian-stub/obsidian";
import { corpusFiles, MANIFEST, sleep, startPlugin, texts, typeSetting } from "./harness";

const SNAPSHOT = JSON.stringify(DEFAULT_SETTINGS);

afterEach(() => setApiVersion("1.13.1"));

/** A host like the plugin's: each change is applied to a fresh copy, then merged over the defaults. */
function recordingHost(data: unknown = null) {
	const host = {
		settings: mergeSettings(DEFAULT_SETTINGS, data),
		calls: 0,
		async updateSettings(change: (settings: ConversationThreadsSettings) => void): Promise<void> {
			host.calls++;
			const next = mergeSettings(DEFAULT_SETTINGS, host.settings);
			change(next);
			host.settings = mergeSettings(DEFAULT_SETTINGS, next);
		},
	};
	return host;
}

function tabFor(host: ReturnType<typeof recordingHost>): ConversationThreadsSettingTab {
	const app = new App();
	const plugin = new Plugin(app, MANIFEST);
	return new ConversationThreadsSettingTab(app as unknown as ObsidianApp, plugin as unknown as ObsidianPlugin, host);
}

function controls(items: readonly SettingDefinitionItem[]): SettingDefinitionControl[] {
	return items.flatMap((item) =>
		"type" in item ? controls(item.items ?? []) : item.control !== undefined ? [item as SettingDefinitionControl] : [],
	);
}

/** The declared list as text: headings, then each setting's control, key, placeholder, default and description. */
function printDefinitions(items: readonly SettingDefinitionItem[]): string {
	const lines: string[] = [];
	for (const item of items) {
		if (!("type" in item) || item.type === "page") throw new Error("expected groups");
		lines.push(`# ${item.heading ?? ""}`);
		for (const def of controls(item.items ?? [])) {
			const c = def.control;
			const extra = [
				"placeholder" in c && c.placeholder !== undefined ? `placeholder ${JSON.stringify(c.placeholder)}` : "",
				c.type === "dropdown" ? `options ${JSON.stringify(c.options)}` : "",
				`default ${JSON.stringify(c.defaultValue)}`,
			].filter((s) => s !== "");
			lines.push(`${def.name} [${c.type} ${c.key}; ${extra.join("; ")}]: ${String(def.desc)}`);
		}
	}
	return lines.join("\n");
}

/** What a settings tab shows, row by row: headings, names, descriptions, and each control with its state. */
function printTab(el: HTMLElement): string {
	return [...el.querySelectorAll<HTMLElement>(".setting-item")]
		.map((row) => {
			const name = row.querySelector(".setting-item-name")?.textContent ?? "";
			if (row.hasClass("setting-item-heading")) return `# ${name}`;
			const desc = row.querySelector(".setting-item-description")?.textContent ?? "";
			const control = [...row.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select")].map((input) => {
				if (input instanceof HTMLSelectElement) {
					const options = [...input.options].map((o) => `${o.value}=${o.text}`).join(", ");
					return `select(${options}) = ${input.value}`;
				}
				if (input.type === "checkbox") return `toggle ${input.checked ? "on" : "off"}`;
				return `text(placeholder ${JSON.stringify(input.placeholder)}) = ${JSON.stringify(input.value)}`;
			});
			return `${name}: ${control.join(" ")} -- ${desc}`;
		})
		.join("\n");
}

function rowInput(el: HTMLElement, name: string): HTMLInputElement | HTMLSelectElement {
	const row = [...el.querySelectorAll<HTMLElement>(".setting-item")].find((s) => s.querySelector(".setting-item-name")?.textContent === name);
	const input = row?.querySelector<HTMLInputElement | HTMLSelectElement>("input, select");
	if (!input) throw new Error(`no control for ${name}`);
	return input;
}

function tabOf(h: { plugin: unknown }): PluginSettingTab {
	return (h.plugin as { settingTabs: PluginSettingTab[] }).settingTabs[0]!;
}

const SAVED = { format: { sourcePrefix: "origin__" }, newNoteFolder: "Concepts", unresolvedScope: "thread", showStatusBar: false };

describe("setting definitions", () => {
	it("declare every setting, under the tab's headings, with its name, description, placeholder and default", () => {
		const tab = tabFor(recordingHost());
		const items = tab.getSettingDefinitions() as unknown as SettingDefinitionItem[];
		expect(printDefinitions(items)).toMatchInlineSnapshot(`
			"# Note format
			Source tag prefix [text format.sourcePrefix; placeholder "source__"; default "source__"]: Tag prefix naming the exporter, as in source__claude.
			Conversation tag prefix [text format.conversationPrefix; placeholder "conversation_id__"; default "conversation_id__"]: Tag prefix holding the conversation id.
			Message tag prefix [text format.messagePrefix; placeholder "msg_"; default "msg_"]: Tag prefix holding a message id.
			Category tag prefix [text format.categoryPrefix; placeholder "colorclass/"; default "colorclass/"]: Tag prefix of categories added by enrichment.
			Generated note tag [text format.autogeneratedTag; placeholder "autogenerated"; default "autogenerated"]: The tag the exporter puts on every note it writes.
			Preceding label [text format.precedingLabel; placeholder "preceding"; default "preceding"]: Footer label before the link to the previous exchange.
			Following label [text format.followingLabel; placeholder "following"; default "following"]: Footer label before the link to the next exchange.
			See also label [text format.seeAlsoLabel; placeholder "see also"; default "see also"]: Label of related-note lines.
			# Panel
			Folder for new notes [folder newNoteFolder; placeholder "Vault root"; default ""]: Where notes created from missing exchanges and unresolved links go. Empty means the vault root.
			Unresolved links shown first [dropdown unresolvedScope; options {"note":"This note","thread":"Whole thread"}; default "note"]: Whether the panel lists the unresolved links of the note or of its whole thread.
			Show exchange in status bar [toggle showStatusBar; default true]: Show the note's place in its thread and its source in the status bar."
		`);

		// Every setting the plugin has is declared exactly once, and its default is the plugin's default.
		const keys = controls(items).map((d) => d.control.key);
		const expected = Object.keys(DEFAULT_SETTINGS).flatMap((k) =>
			k === "format" ? Object.keys(DEFAULT_SETTINGS.format).map((f) => `format.${f}`) : [k],
		);
		expect([...keys].sort()).toEqual([...expected].sort());
		for (const def of controls(items)) {
			const [top, field] = def.control.key.split(".") as [keyof ConversationThreadsSettings, string | undefined];
			const wanted = field === undefined ? DEFAULT_SETTINGS[top] : (DEFAULT_SETTINGS.format as unknown as Record<string, string>)[field];
			expect(def.control.defaultValue, def.control.key).toEqual(wanted);
		}
		expect(JSON.stringify(DEFAULT_SETTINGS)).toBe(SNAPSHOT);
	});

	it("read the plugin's settings and write every change through updateSettings, by the tab's rules", async () => {
		const host = recordingHost(SAVED);
		const tab = tabFor(host);
		expect(tab.getControlValue("format.sourcePrefix")).toBe("origin__");
		expect(tab.getControlValue("format.seeAlsoLabel")).toBe("see also");
		expect(tab.getControlValue("newNoteFolder")).toBe("Concepts");
		expect(tab.getControlValue("unresolvedScope")).toBe("thread");
		expect(tab.getControlValue("showStatusBar")).toBe(false);
		expect(tab.getControlValue("format")).toBeUndefined();
		expect(tab.getControlValue("format.bogus")).toBeUndefined();

		const cases: [string, unknown, (s: ConversationThreadsSettings) => unknown, unknown][] = [
			["format.sourcePrefix", "  from__ ", (s) => s.format.sourcePrefix, "from__"],
			["format.sourcePrefix", "", (s) => s.format.sourcePrefix, "source__"], // empty means the default
			["format.seeAlsoLabel", " related ", (s) => s.format.seeAlsoLabel, "related"],
			["format.seeAlsoLabel", "   ", (s) => s.format.seeAlsoLabel, "see also"],
			["format.precedingLabel", "prev", (s) => s.format.precedingLabel, "prev"],
			["newNoteFolder", " /Chats//claude/ ", (s) => s.newNoteFolder, "Chats/claude"],
			["newNoteFolder", "a\\b/./c/", (s) => s.newNoteFolder, "a/b/c"],
			["newNoteFolder", "../outside", (s) => s.newNoteFolder, ""], // never above the vault: the root
			["unresolvedScope", "note", (s) => s.unresolvedScope, "note"],
			["unresolvedScope", "thread", (s) => s.unresolvedScope, "thread"],
			["unresolvedScope", "vault", (s) => s.unresolvedScope, "note"],
			["showStatusBar", true, (s) => s.showStatusBar, true],
			["showStatusBar", false, (s) => s.showStatusBar, false],
		];
		for (const [key, value, read, wanted] of cases) {
			const before = host.calls;
			await tab.setControlValue(key, value);
			expect(host.calls, key).toBe(before + 1);
			expect(read(host.settings), `${key} = ${JSON.stringify(value)}`).toEqual(wanted);
			expect(readSetting(host.settings, key)).toEqual(wanted);
		}
		// Only the changed field moves.
		expect(host.settings.format).toEqual({ ...DEFAULT_SETTINGS.format, precedingLabel: "prev", seeAlsoLabel: "see also" });

		// Keys the tab doesn't have, and values of the wrong type, save nothing.
		const calls = host.calls;
		const settings = JSON.stringify(host.settings);
		for (const [key, value] of [
			["format", "x"],
			["format.bogus", "x"],
			["bogus", "x"],
			["format.sourcePrefix", 3],
			["newNoteFolder", null],
			["unresolvedScope", undefined],
			["showStatusBar", "false"],
		] as [string, unknown][]) {
			await tab.setControlValue(key, value);
		}
		expect(host.calls).toBe(calls);
		expect(JSON.stringify(host.settings)).toBe(settings);
		expect(JSON.stringify(DEFAULT_SETTINGS)).toBe(SNAPSHOT);
	});

	it("give back what the user typed while it still means the saved value, and the saved value once redrawn", async () => {
		const host = recordingHost();
		const tab = tabFor(host);
		tab.display();
		await tab.setControlValue("format.seeAlsoLabel", "see ");
		expect(host.settings.format.seeAlsoLabel).toBe("see");
		expect(tab.getControlValue("format.seeAlsoLabel")).toBe("see "); // the space survives a re-read mid-edit
		await tab.setControlValue("format.sourcePrefix", "");
		expect(host.settings.format.sourcePrefix).toBe("source__");
		expect(tab.getControlValue("format.sourcePrefix")).toBe(""); // an emptied field stays empty
		await tab.setControlValue("newNoteFolder", "Concepts/");
		expect(tab.getControlValue("newNoteFolder")).toBe("Concepts/");
		expect(host.settings.newNoteFolder).toBe("Concepts");

		// Changed elsewhere: the saved value wins over what was typed.
		await host.updateSettings((s) => (s.newNoteFolder = "Archive"));
		expect(tab.getControlValue("newNoteFolder")).toBe("Archive");

		// Drawn again (closing and reopening the tab): the saved values.
		tab.hide();
		expect(tab.getControlValue("format.seeAlsoLabel")).toBe("see");
		expect(tab.getControlValue("format.sourcePrefix")).toBe("source__");
		await tab.setControlValue("format.sourcePrefix", "");
		tab.display();
		expect(tab.getControlValue("format.sourcePrefix")).toBe("source__");
		expect((rowInput(tab.containerEl, "Source tag prefix") as HTMLInputElement).value).toBe("source__");
	});

	it("are what display() draws: one list, so the two paths cannot drift apart", () => {
		const tab = tabFor(recordingHost());
		const declared = settingSections().flatMap((s) => [`# ${s.heading}`, ...s.items.map((i) => `${i.name} -- ${i.desc}`)]);
		tab.display();
		const drawn = printTab(tab.containerEl)
			.split("\n")
			.map((row) => (row.startsWith("# ") ? row : row.replace(/:.* -- /, " -- ")));
		expect(drawn).toEqual(declared);
	});
});

describe("settings tab on Obsidian 1.13+ (declarative)", () => {
	it("puts every setting in the settings search as soon as the plugin loads", async () => {
		const h = await startPlugin({ "a.md": "a" });
		const tabs = (h.plugin as unknown as { settingTabs: PluginSettingTab[] }).settingTabs;
		expect(searchSettings(tabs, "folder")).toEqual(["Folder for new notes"]);
		expect(searchSettings(tabs, "PREFIX")).toEqual([
			"Source tag prefix",
			"Conversation tag prefix",
			"Message tag prefix",
			"Category tag prefix",
		]);
		expect(searchSettings(tabs, "status bar")).toEqual(["Show exchange in status bar"]);
		expect(searchSettings(tabs, "footer label")).toEqual(["Preceding label", "Following label"]);
	});

	it("is rendered from the definitions, shows the saved values, and applies each change at once", async () => {
		const h = await startPlugin(corpusFiles("seed", "seed"));
		await h.open([...corpusFiles("seed", "seed").keys()][0]!);
		const tab = tabOf(h);
		const display = vi.spyOn(tab, "display");
		openSettingTab(tab);
		expect(display).not.toHaveBeenCalled();
		const el = tab.containerEl;
		expect(el.querySelectorAll(".setting-group")).toHaveLength(2);
		expect(texts(el, ".setting-item-heading .setting-item-name")).toEqual(["Note format", "Panel"]);

		// Status bar switch.
		expect(texts(h.app.statusBarEl, ".status-bar-item")).toEqual(["", "Exchange 2/3 · Claude"]);
		const toggle = rowInput(el, "Show exchange in status bar") as HTMLInputElement;
		expect(toggle.checked).toBe(true);
		toggle.checked = false;
		toggle.dispatchEvent(new Event("change"));
		await h.settle();
		expect(h.plugin.settings.showStatusBar).toBe(false);
		expect(h.app.statusBarEl.querySelectorAll(".status-bar-item")[1]?.hasClass("conversation-threads-hidden")).toBe(true);

		// Dropdown.
		const scope = rowInput(el, "Unresolved links shown first") as HTMLSelectElement;
		expect(scope.value).toBe("note");
		scope.value = "thread";
		scope.dispatchEvent(new Event("change"));
		await h.settle();
		expect(h.plugin.settings.unresolvedScope).toBe("thread");

		// A format field: trimmed, applied (re-index), saved; emptied means the default again.
		const input = rowInput(el, "Source tag prefix") as HTMLInputElement;
		expect(input.value).toBe("source__");
		expect(input.placeholder).toBe("source__");
		await typeSetting(h, input, " origin__ ");
		expect(h.plugin.settings.format.sourcePrefix).toBe("origin__");
		expect([...h.plugin.indexer.index.notes()][0]?.sources).toEqual([]);
		expect((h.plugin as unknown as { data: { format: { sourcePrefix: string } } }).data.format.sourcePrefix).toBe("origin__");
		await typeSetting(h, input, "");
		expect(h.plugin.settings.format.sourcePrefix).toBe("source__");
		expect([...h.plugin.indexer.index.notes()][0]?.sources).toEqual(["claude"]);
		expect(JSON.stringify(DEFAULT_SETTINGS)).toBe(SNAPSHOT);
	});

	it("uses Obsidian's folder control for new notes: folders suggested, the pick saved, typed paths cleaned", async () => {
		const h = await startPlugin({ "Concepts/entropy.md": "# Entropy\n", "Chats/claude/a.md": "a", "Archive/concepts old/x.md": "x" });
		const tab = tabOf(h);
		const folder = (tab.getSettingDefinitions() as unknown as SettingDefinitionItem[])
			.flatMap((item) => controls([item]))
			.find((d) => d.control.key === "newNoteFolder")!;
		expect(folder.control).toMatchObject({ type: "folder", placeholder: "Vault root" });

		openSettingTab(tab);
		const input = rowInput(tab.containerEl, "Folder for new notes") as HTMLInputElement;
		expect(input.placeholder).toBe("Vault root");
		input.value = "conc";
		input.dispatchEvent(new Event("input"));
		await h.settle();
		const list = AbstractInputSuggest.openEl!;
		expect(texts(list, ".suggestion-item")).toEqual(["Archive/concepts old", "Concepts"]);
		list.querySelectorAll<HTMLElement>(".suggestion-item")[1]!.click();
		await h.settle();
		expect(input.value).toBe("Concepts");
		expect(h.plugin.settings.newNoteFolder).toBe("Concepts");

		input.value = " /Chats//claude/ ";
		input.dispatchEvent(new Event("input"));
		await h.settle();
		expect(h.plugin.settings.newNoteFolder).toBe("Chats/claude");
		AbstractInputSuggest.openEl?.remove();
	});
});

describe("settings tab on Obsidian before 1.13 (display() fallback)", () => {
	it("draws the same settings, with the same values, as Obsidian 1.13 renders from the definitions", async () => {
		setApiVersion("1.13.0");
		const declarative = await startPlugin({ "a.md": "a" }, SAVED);
		const declarativeTab = tabOf(declarative);
		openSettingTab(declarativeTab);
		const rendered = printTab(declarativeTab.containerEl);

		setApiVersion("1.12.7");
		const older = await startPlugin({ "a.md": "a" }, SAVED);
		const tab = tabOf(older);
		expect(tab.settingItems).toEqual([]); // nothing indexed: there is no settings search to feed
		expect(searchSettings([tab], "folder")).toEqual([]);
		const display = vi.spyOn(tab, "display");
		openSettingTab(tab);
		expect(display).toHaveBeenCalledOnce();
		expect(printTab(tab.containerEl)).toBe(rendered);
		expect(printTab(tab.containerEl)).toMatchInlineSnapshot(`
			"# Note format
			Source tag prefix: text(placeholder "source__") = "origin__" -- Tag prefix naming the exporter, as in source__claude.
			Conversation tag prefix: text(placeholder "conversation_id__") = "conversation_id__" -- Tag prefix holding the conversation id.
			Message tag prefix: text(placeholder "msg_") = "msg_" -- Tag prefix holding a message id.
			Category tag prefix: text(placeholder "colorclass/") = "colorclass/" -- Tag prefix of categories added by enrichment.
			Generated note tag: text(placeholder "autogenerated") = "autogenerated" -- The tag the exporter puts on every note it writes.
			Preceding label: text(placeholder "preceding") = "preceding" -- Footer label before the link to the previous exchange.
			Following label: text(placeholder "following") = "following" -- Footer label before the link to the next exchange.
			See also label: text(placeholder "see also") = "see also" -- Label of related-note lines.
			# Panel
			Folder for new notes: text(placeholder "Vault root") = "Concepts" -- Where notes created from missing exchanges and unresolved links go. Empty means the vault root.
			Unresolved links shown first: select(note=This note, thread=Whole thread) = thread -- Whether the panel lists the unresolved links of the note or of its whole thread.
			Show exchange in status bar: toggle off -- Show the note's place in its thread and its source in the status bar."
		`);
	});

	it("draws the settings as before, and saves changes by the same rules", async () => {
		setApiVersion("1.12.7");
		const h = await startPlugin({ "Concepts/entropy.md": "# Entropy\n" });
		const tab = tabOf(h);
		openSettingTab(tab);
		expect(printTab(tab.containerEl)).toMatchInlineSnapshot(`
			"# Note format
			Source tag prefix: text(placeholder "source__") = "source__" -- Tag prefix naming the exporter, as in source__claude.
			Conversation tag prefix: text(placeholder "conversation_id__") = "conversation_id__" -- Tag prefix holding the conversation id.
			Message tag prefix: text(placeholder "msg_") = "msg_" -- Tag prefix holding a message id.
			Category tag prefix: text(placeholder "colorclass/") = "colorclass/" -- Tag prefix of categories added by enrichment.
			Generated note tag: text(placeholder "autogenerated") = "autogenerated" -- The tag the exporter puts on every note it writes.
			Preceding label: text(placeholder "preceding") = "preceding" -- Footer label before the link to the previous exchange.
			Following label: text(placeholder "following") = "following" -- Footer label before the link to the next exchange.
			See also label: text(placeholder "see also") = "see also" -- Label of related-note lines.
			# Panel
			Folder for new notes: text(placeholder "Vault root") = "" -- Where notes created from missing exchanges and unresolved links go. Empty means the vault root.
			Unresolved links shown first: select(note=This note, thread=Whole thread) = note -- Whether the panel lists the unresolved links of the note or of its whole thread.
			Show exchange in status bar: toggle on -- Show the note's place in its thread and its source in the status bar."
		`);

		const label = rowInput(tab.containerEl, "See also label") as HTMLInputElement;
		label.value = "  related ";
		label.dispatchEvent(new Event("input"));
		await h.settle();
		expect(h.plugin.settings.format.seeAlsoLabel).toBe("related");
		label.value = " ";
		label.dispatchEvent(new Event("input"));
		await h.settle();
		expect(h.plugin.settings.format.seeAlsoLabel).toBe("see also");

		const folder = rowInput(tab.containerEl, "Folder for new notes") as HTMLInputElement;
		folder.value = "Concepts/../..";
		folder.dispatchEvent(new Event("input"));
		await h.settle();
		expect(h.plugin.settings.newNoteFolder).toBe("");
		folder.value = "\\Concepts\\";
		folder.dispatchEvent(new Event("input"));
		await h.settle();
		expect(h.plugin.settings.newNoteFolder).toBe("Concepts");
		AbstractInputSuggest.openEl?.remove();

		const scope = rowInput(tab.containerEl, "Unresolved links shown first") as HTMLSelectElement;
		scope.value = "thread";
		scope.dispatchEvent(new Event("change"));
		await h.settle();
		expect(h.plugin.settings.unresolvedScope).toBe("thread");
		expect((h.plugin as unknown as { data: { unresolvedScope: string } }).data.unresolvedScope).toBe("thread");
	});
});
