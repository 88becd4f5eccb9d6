// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { VIEW_TYPE } from "../../src/obsidian/host";
import { Modal, Notice } from "../obsidian-stub/obsidian";
import { longThread, note } from "./fixtures";
import { corpusFiles, startPlugin, texts } from "./harness";

const SEED = "seed/i have a hunch that maybe this originated from the eleutherlaion open source ml research community.md";
const SEED_TITLE = "i have a hunch that maybe this originated from the eleutherlaion open source ml research community";

function seedVault(): Map<string, string> {
	return corpusFiles("seed", "seed");
}

afterEach(() => {
	vi.restoreAllMocks();
});

describe("panel on the seed note", () => {
	it("shows header, thread, source tags, unresolved links and see also as text", async () => {
		const h = await startPlugin(seedVault());
		await h.open(SEED);
		const panel = await h.openPanel();

		expect(texts(panel, ".conversation-threads-title")).toEqual([SEED_TITLE]);
		expect(texts(panel, ".conversation-threads-date")).toEqual([new Date("2025-06-22T07:55:23.386038Z").toLocaleString()]);
		expect(texts(panel, ".conversation-threads-header .conversation-threads-chip")).toEqual(["Claude", "information-theory"]);

		expect(texts(panel, ".conversation-threads-thread .conversation-threads-section-title")).toEqual(["Exchange 2 of 3"]);
		expect(texts(panel, ".conversation-threads-entry")).toEqual([
			"who first introduced this techniqueMissing",
			SEED_TITLE,
			"i think negative prompting predates stable diffusionMissing",
		]);
		const current = panel.querySelectorAll("[aria-current]");
		expect(current).toHaveLength(1);
		expect(current[0]?.textContent).toBe(SEED_TITLE);
		const [prev, next] = [...panel.querySelectorAll<HTMLButtonElement>(".conversation-threads-nav-button")];
		expect(prev?.disabled).toBe(true);
		expect(next?.disabled).toBe(true);

		expect(texts(panel, ".conversation-threads-copy")).toEqual([
			"8fcecd0f-193e-4b76-b760-649e0798cf8e",
			"aacff00a-231e-41af-b1c4-f29141e79cd1",
			"787e2ed4-0393-485d-9b6c-ac4e86e22fae",
		]);
		expect(texts(panel, "details summary")).toEqual(["Message ids (2)"]);
		expect(panel.querySelector("details")?.open).toBe(false);

		expect(texts(panel, ".conversation-threads-unresolved li")).toEqual([
			"negative prompting14",
			"classifier-free guidance1",
			"diffusion models1",
			"i think negative prompting predates stable diffusion1Repaired from [[i think [[negative prompting]] predates stable diffusion]]",
			"who first introduced this technique1",
		]);
		const sections = texts(panel, ".conversation-threads-section-title");
		expect(sections).toContain("See also");
		expect(texts(panel, ".conversation-threads-section:last-child li")).toEqual(["diffusion models"]);
		expect(texts(h.app.statusBarEl, ".status-bar-item")).toEqual(["", "Exchange 2/3 · Claude"]);
	});

	it("copies the conversation id and message ids", async () => {
		const h = await startPlugin(seedVault());
		await h.open(SEED);
		const panel = await h.openPanel();
		const writeText = vi.fn(async (_text: string) => {});
		Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
		const buttons = [...panel.querySelectorAll<HTMLButtonElement>(".conversation-threads-copy")];
		buttons[0]?.click();
		buttons[2]?.click();
		await h.settle();
		expect(writeText.mock.calls.map((c) => c[0])).toEqual(["8fcecd0f-193e-4b76-b760-649e0798cf8e", "787e2ed4-0393-485d-9b6c-ac4e86e22fae"]);
		expect(Notice.shown).toEqual(["Copied", "Copied"]);
	});

	it("switches unresolved links between the note and the whole thread", async () => {
		const h = await startPlugin(corpusFiles("chat2obs/E10-065006d/claude", "claude"));
		await h.open("claude/tell me about classifier-free guidance.md");
		const panel = await h.openPanel();
		const note = texts(panel, ".conversation-threads-unresolved li");
		const [, whole] = [...panel.querySelectorAll<HTMLButtonElement>(".conversation-threads-toggle-button")];
		whole?.click();
		expect(whole?.getAttribute("aria-pressed")).toBe("false"); // the old element; the panel re-rendered
		const pressed = panel.querySelector('.conversation-threads-toggle-button[aria-pressed="true"]');
		expect(pressed?.textContent).toBe("Whole thread");
		const thread = texts(panel, ".conversation-threads-unresolved li");
		expect(thread.length).toBeGreaterThanOrEqual(note.length);
	});
});

describe("empty states", () => {
	it("says when there is no active note, a plain note, an empty vault, and a building index", async () => {
		const empty = await startPlugin({});
		let panel = await empty.openPanel();
		expect(texts(panel, ".conversation-threads-empty-title")).toEqual(["No notes yet"]);

		const h = await startPlugin({ ...Object.fromEntries(seedVault()), "plain.md": "# Plain\n\nJust text.\n" });
		panel = await h.openPanel();
		expect(texts(panel, ".conversation-threads-empty-title")).toEqual(["No active note"]);
		await h.open("plain.md");
		expect(texts(panel, ".conversation-threads-empty-title")).toEqual(["Not a conversation note"]);
		expect(texts(h.app.statusBarEl, ".status-bar-item")).toEqual(["", ""]);
		await h.open(SEED);
		expect(texts(panel, ".conversation-threads-title")).toEqual([SEED_TITLE]);
		h.app.workspace.closeAllFiles();
		await h.settle();
		expect(texts(panel, ".conversation-threads-empty-title")).toEqual(["No active note"]);

		h.command("rebuild-index").run();
		h.view().refresh(true);
		expect(texts(panel, ".conversation-threads-empty-title")).toEqual(["Index is still building"]);
		await h.settle();
		expect(texts(panel, ".conversation-threads-empty-title")).toEqual(["No active note"]);
	});
});

describe("creating notes from the panel", () => {
	it("creates an unresolved link's note in the configured folder and opens it", async () => {
		const h = await startPlugin(seedVault(), { newNoteFolder: "Concepts/AI" });
		await h.open(SEED);
		const panel = await h.openPanel();
		const button = [...panel.querySelectorAll<HTMLButtonElement>(".conversation-threads-unresolved button")].find(
			(b) => b.textContent?.startsWith("diffusion models"),
		);
		button?.click();
		await h.settle();
		const created = h.app.vault.getFileByPath("Concepts/AI/diffusion models.md");
		expect(created).not.toBeNull();
		expect(h.activePath()).toBe("Concepts/AI/diffusion models.md");
		expect(await h.app.vault.read(created!)).toBe("");
	});

	it("names a raw title's note as the generator would, so the link resolves to it", async () => {
		const h = await startPlugin({ "chat.md": "---\ntags:\n  - autogenerated\n---\nsee [[what is 2 * 3?]] and [[c# basics?]]\n" }, { newNoteFolder: "Concepts" });
		await h.open("chat.md");
		const panel = await h.openPanel();
		const unresolved = () => texts(panel, ".conversation-threads-unresolved button");
		expect(unresolved()).toEqual(["c1", "what is 2 * 3?1"]);
		[...panel.querySelectorAll<HTMLButtonElement>(".conversation-threads-unresolved button")].find((b) => b.textContent?.startsWith("what is"))?.click();
		await h.settle();
		expect(h.activePath()).toBe("Concepts/what is 2  3.md");
		await h.open("chat.md");
		expect(unresolved()).toEqual(["c1"]);
	});

	it("never overwrites: a file that appeared at the new-note path is opened instead", async () => {
		const h = await startPlugin(seedVault(), { newNoteFolder: "new" });
		await h.open(SEED);
		const panel = await h.openPanel();
		const button = [...panel.querySelectorAll<HTMLButtonElement>(".conversation-threads-unresolved button")].find((b) =>
			b.textContent?.startsWith("diffusion models"),
		);
		// The file appears (sync, another device) and the user clicks before the index has read it.
		h.app.vault.seed("new/diffusion models.md", "keep me\n");
		button?.click();
		await h.settle();
		expect(h.activePath()).toBe("new/diffusion models.md");
		expect(await h.app.vault.read(h.app.vault.getFileByPath("new/diffusion models.md")!)).toBe("keep me\n");
		expect(Notice.shown).toEqual([]);
	});

	it("asks before creating a missing exchange; cancel creates nothing", async () => {
		const h = await startPlugin(seedVault(), { newNoteFolder: "Inbox" });
		await h.open(SEED);
		const panel = await h.openPanel();
		const missing = () => panel.querySelector<HTMLButtonElement>(".conversation-threads-entry.conversation-threads-is-missing button");
		missing()?.click();
		expect(Modal.open).toHaveLength(1);
		expect(Modal.open[0]?.contentEl.textContent).toContain('"who first introduced this technique" in Inbox');
		[...Modal.open[0]!.contentEl.querySelectorAll("button")].find((b) => b.textContent === "Cancel")?.click();
		await h.settle();
		expect(h.app.vault.getFileByPath("Inbox/who first introduced this technique.md")).toBeNull();

		missing()?.click();
		[...Modal.open[0]!.contentEl.querySelectorAll("button")].find((b) => b.textContent === "Create")?.click();
		await h.settle();
		const created = h.app.vault.getFileByPath("Inbox/who first introduced this technique.md");
		expect(created).not.toBeNull();
		expect(h.activePath()).toBe("Inbox/who first introduced this technique.md");
		// The new note carries the conversation tag and links its neighbour, so it takes the missing one's place.
		const text = await h.app.vault.read(created!);
		expect(text).toContain("- \"conversation_id__8fcecd0f-193e-4b76-b760-649e0798cf8e\"");
		expect(text).toContain("following: [[i have a hunch that maybe this originated from the eleutherlaion open source ml research community]]");
		expect(texts(h.panel(), ".conversation-threads-entry")[0]).toBe("who first introduced this technique");
		expect(texts(h.panel(), ".conversation-threads-is-missing")).toEqual(["i think negative prompting predates stable diffusionMissing"]);
	});
});

describe("links in the panel", () => {
	it("opens notes in place, in a new tab with Ctrl/Cmd, and triggers hover-link for page preview", async () => {
		const h = await startPlugin(corpusFiles("chat2obs/E10-065006d/claude", "claude"));
		await h.open("claude/negative prompting.md");
		const panel = await h.openPanel();
		expect(h.app.workspace.hoverLinkSources.get(VIEW_TYPE)).toEqual({ display: "Conversation Threads", defaultMod: true });

		const hovers: { source: string; linktext: string; hoverParent: unknown }[] = [];
		h.app.workspace.on("hover-link", (info: { source: string; linktext: string; hoverParent: unknown }) => hovers.push(info));
		const entry = (label: string) =>
			[...panel.querySelectorAll<HTMLButtonElement>(".conversation-threads-entry button")].find((b) => b.textContent === label);
		entry("what are some tricks with it")?.querySelector("span")?.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		expect(hovers).toHaveLength(1);
		expect(hovers[0]?.source).toBe(VIEW_TYPE);
		expect(hovers[0]?.linktext).toBe("claude/what are some tricks with it.md");
		expect(hovers[0]?.hoverParent).toBe(h.view());

		const leavesBefore = h.app.workspace.getLeavesOfType("markdown").length;
		entry("what are some tricks with it")?.click();
		await h.settle();
		expect(h.activePath()).toBe("claude/what are some tricks with it.md");
		expect(h.app.workspace.getLeavesOfType("markdown")).toHaveLength(leavesBefore);

		entry("negative prompting")?.dispatchEvent(new MouseEvent("click", { bubbles: true, ctrlKey: true }));
		await h.settle();
		expect(h.activePath()).toBe("claude/negative prompting.md");
		expect(h.app.workspace.getLeavesOfType("markdown")).toHaveLength(leavesBefore + 1);
	});

	it("opens a search for another tag", async () => {
		const h = await startPlugin({ "t.md": note({ title: "tagged", conversation: "c1", tags: ["topic/physics"] }) });
		await h.open("t.md");
		const panel = await h.openPanel();
		const tag = panel.querySelector<HTMLButtonElement>(".conversation-threads-tag");
		expect(tag?.textContent).toBe("#topic/physics");
		tag?.click();
		expect(h.app.searches).toEqual(["tag:#topic/physics"]);
	});
});

describe("untrusted note text", () => {
	it("renders markup in titles, tags and links as text", async () => {
		const evil = "<img src=x onerror=alert(1)>";
		const script = "<script>alert(1)</script>";
		const text = note({
			title: `${evil} ${script}`,
			conversation: `${evil}`,
			tags: [script, `x${evil}`],
			body: `[[${evil}]] and [[${script}]]`,
			following: [evil],
			seeAlso: [script],
		});
		const h = await startPlugin({ "xss.md": text });
		await h.open("xss.md");
		const panel = await h.openPanel();
		expect(panel.querySelectorAll("img, script, iframe")).toHaveLength(0);
		expect(document.querySelectorAll("img, script")).toHaveLength(0);
		expect(texts(panel, ".conversation-threads-title")).toEqual([`${evil} ${script}`]);
		expect(panel.textContent).toContain(evil);
		expect(panel.textContent).toContain(script);
	});
});

describe("long threads", () => {
	it("shows a window of a 600-exchange thread around the current note, then all on request", async () => {
		const h = await startPlugin(longThread(600));
		await h.open("long/step 0450.md");
		const panel = await h.openPanel();
		expect(texts(panel, ".conversation-threads-thread .conversation-threads-section-title")).toEqual(["Exchange 451 of 600"]);
		const entries = panel.querySelectorAll(".conversation-threads-entry");
		expect(entries).toHaveLength(200);
		expect(panel.querySelector("[aria-current]")?.textContent).toBe("step 0450");
		expect(panel.querySelector("ol")?.getAttribute("start")).toBe("351");
		const showAll = panel.querySelector<HTMLButtonElement>(".conversation-threads-show-all");
		expect(showAll?.textContent).toBe("Show all 600 exchanges");
		showAll?.click();
		expect(panel.querySelectorAll(".conversation-threads-entry")).toHaveLength(600);
		expect(panel.querySelector(".conversation-threads-show-all")).toBeNull();
	});
});

describe("refresh", () => {
	it("does not re-render while hidden, and catches up when shown", async () => {
		const h = await startPlugin(seedVault());
		await h.open(SEED);
		const panel = await h.openPanel();
		const file = h.app.vault.getFileByPath(SEED)!;
		const text = await h.app.vault.read(file);
		h.app.workspace.rightEl.style.display = "none";
		await h.app.vault.modify(file, text.replace("title: i have a hunch", "title: a changed hunch"));
		await h.settle();
		expect(texts(panel, ".conversation-threads-title")).toEqual([SEED_TITLE]);
		h.app.workspace.rightEl.style.display = "";
		h.view().onResize();
		expect(texts(panel, ".conversation-threads-title")[0]).toMatch(/^a changed hunch/);
	});
});
