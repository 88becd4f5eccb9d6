import { describe, expect, it } from "vitest";
import { ThreadIndex } from "../../src/core/thread-index";
import type { Thread } from "../../src/core/thread-model";
import { buildPanelModel, landingPosition, sourceLabel, statusText, threadPosition } from "../../src/obsidian/thread-view-model";
import { note } from "./fixtures";

const READY = { ready: true, done: 0, total: 0 };

describe("thread view model", () => {
	it("labels sources", () => {
		expect(["claude", "oai", "gemini"].map(sourceLabel)).toEqual(["Claude", "ChatGPT", "gemini"]);
	});

	it("gives the empty states", () => {
		const index = new ThreadIndex();
		expect(buildPanelModel(index, null, READY).kind).toBe("empty-vault");
		expect(buildPanelModel(index, null, { ready: false, done: 3, total: 9 })).toEqual({ kind: "building", done: 3, total: 9 });
		index.set("plain.md", "# plain\n");
		expect(buildPanelModel(index, null, READY).kind).toBe("no-note");
		expect(buildPanelModel(index, "plain.md", READY)).toEqual({ kind: "not-conversation", path: "plain.md" });
		expect(buildPanelModel(index, "image.png", READY)).toEqual({ kind: "not-conversation", path: "image.png" });
		expect(statusText(index, "plain.md")).toBeNull();
	});

	it("uses a remembered position when a note stands twice in a thread", () => {
		const thread: Thread = {
			id: "c",
			sources: ["claude"],
			entries: [
				{ kind: "note", path: "a.md", fork: false, cycle: false, selfLink: false },
				{ kind: "note", path: "b.md", fork: false, cycle: false, selfLink: false },
				{ kind: "missing", target: "gone" },
				{ kind: "note", path: "a.md", fork: false, cycle: true, selfLink: false },
				{ kind: "note", path: "c.md", fork: false, cycle: false, selfLink: false },
			],
			missing: ["gone"],
			forks: [],
			cycles: [["a.md", "b.md"]],
			selfLinks: [],
		};
		const index = new ThreadIndex();
		index.set("a.md", note({ title: "a", conversation: "c" }));
		const reader = Object.create(index) as ThreadIndex;
		reader.threadsOf = () => [thread];
		const first = threadPosition(reader, "a.md")!;
		expect([first.position, first.prev, first.next, first.first, first.last]).toEqual([0, null, "b.md", null, "c.md"]);
		// Moving on from b (position 1) lands on the second a, whose next is c.
		const landing = landingPosition(thread, 1, "a.md", "next");
		expect(landing).toBe(3);
		const second = threadPosition(reader, "a.md", { threadId: "c", path: "a.md", position: landing })!;
		expect([second.position, second.prev, second.next, second.first, second.last]).toEqual([3, "b.md", "c.md", "b.md", "c.md"]);
		expect(statusText(reader, "a.md", { threadId: "c", path: "a.md", position: 3 })).toBe("Exchange 4/5 · Claude");
		// A stale hint (other path or index) is ignored.
		expect(threadPosition(reader, "a.md", { threadId: "c", path: "a.md", position: 1 })?.position).toBe(0);

		const model = buildPanelModel(reader, "a.md", READY, { threadId: "c", path: "a.md", position: 3 });
		if (model.kind !== "note") throw new Error(model.kind);
		const entries = model.threads[0]!.entries.map((e) => (e.kind === "note" ? `${e.label}${e.current ? "*" : ""}${e.sameNote ? "=" : ""}${e.cycle ? "@" : ""}` : `?${e.target}`));
		expect(entries).toEqual(["a=", "b", "?gone", "a*@", "c"]);
	});
});
