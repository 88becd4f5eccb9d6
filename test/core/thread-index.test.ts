import { describe, expect, it } from "vitest";
import { ThreadIndex } from "../../src/core/thread-index";
import { formatThread, loadCorpus, makeNote, readCorpus } from "./make-note";

const E10 = "chat2obs/E10-065006d";
const t = (n: number): string => `2024-05-01T10:${String(n).padStart(2, "0")}:00.000Z`;

describe("ThreadIndex on the corpus", () => {
	it("indexes E10 claude: one thread, every footer link resolved, nested links repaired", () => {
		const index = loadCorpus(`${E10}/claude`);
		expect(index.size).toBe(5);
		const id = "c0000000-0000-0000-0000-000000000001";
		expect(index.thread(id)?.sources).toEqual(["claude"]);
		expect(index.threadsOf("negative prompting.md").map((th) => th.id)).toEqual([id]);
		expect(index.resolve("i think [[negative prompting]] predates stable diffusion".replace(/\[\[|\]\]/g, ""), "what are some tricks with it.md")).toBe(
			"i think negative prompting predates stable diffusion.md",
		);
		expect(index.unresolvedInVault()).toEqual([]);
	});
	it("the the: `[[the [[beatles and stuff]]]]` resolves to `beatles and stuff.md`", () => {
		const index = loadCorpus(`${E10}/edge-the_the_conv`);
		expect(index.resolve("the beatles and stuff", "next question here please.md")).toBe("beatles and stuff.md");
		expect(index.unresolvedForNote("next question here please.md")).toEqual([]);
	});
	it("a folder of folders: each conversation is its own thread", () => {
		const index = loadCorpus(E10);
		const ids = index.threads().map((th) => th.id);
		expect(ids).toContain("c9");
		expect(ids).toContain("c4");
		// oai and oai_x2 hold the same conversation: one thread, notes tie-broken by folder.
		expect(formatThread(index.thread("oai-conv-1")!)).toMatchInlineSnapshot(`
			"
			oai/entropy.md
			oai/relate entropy to the arrow of time.md
			oai/entropy (regenerated).md
			oai_x2/entropy.md
			oai_x2/relate entropy to the arrow of time.md
			oai_x2/entropy (regenerated).md
			"
		`);
	});
});

describe("ThreadIndex updates", () => {
	it("renaming a note updates the resolution of every link that points to it", () => {
		const index = loadCorpus(`${E10}/claude`);
		const linkers = ["what are some tricks with it.md", "i think negative prompting predates stable diffusion.md", "tell me about classifier-free guidance.md"];
		const before = index.revision;
		index.rename("negative prompting.md", "archive/np renamed.md");
		expect(index.revision).toBeGreaterThan(before);
		for (const from of linkers) expect(index.resolve("negative prompting", from)).toBeNull();
		expect(index.note("archive/np renamed.md")?.basename).toBe("np renamed");
		expect(index.note("negative prompting.md")).toBeUndefined();
		expect(index.unresolvedInVault()).toEqual([
			{ target: "negative prompting", count: 4, notes: ["i think negative prompting predates stable diffusion.md", "negative prompting tells a diffusion model what to avoid..md", "tell me about classifier-free guidance.md", "what are some tricks with it.md"] },
		]);
		expect(index.unresolvedForNote("what are some tricks with it.md")).toEqual([{ target: "negative prompting", count: 2 }]);
		expect(formatThread(index.threads()[0]!)).toMatchInlineSnapshot(`
			"
			archive/np renamed.md
			tell me about classifier-free guidance.md  [cycle]
			what are some tricks with it.md
			i think negative prompting predates stable diffusion.md  [fork]
			? negative prompting
			negative prompting tells a diffusion model what to avoid..md
			fork: i think negative prompting predates stable diffusion.md -> negative prompting | np renamed
			cycle: tell me about classifier-free guidance.md -> what are some tricks with it.md -> i think negative prompting predates stable diffusion.md
			"
		`);
		index.rename("archive/np renamed.md", "other/Negative Prompting.md");
		for (const from of linkers) expect(index.resolve("negative prompting", from)).toBe("other/Negative Prompting.md");
		expect(index.unresolvedInVault()).toEqual([]);
	});
	it("creating the note a link waits for resolves it; deleting it unresolves it", () => {
		const index = new ThreadIndex();
		index.setRecord(makeNote({ path: "a.md", conv: "x", date: t(1), following: ["b"], body: ["diffusion models", "Diffusion Models", "i think [[b]] stays"] }));
		expect(index.unresolvedForNote("a.md")).toEqual([
			{ target: "b", count: 2 },
			{ target: "diffusion models", count: 2 },
			{ target: "i think b stays", count: 1 },
		]);
		expect(formatThread(index.thread("x")!)).toMatchInlineSnapshot(`
			"
			a.md
			? b
			"
		`);
		index.setRecord(makeNote({ path: "notes/B.md", conv: "x", date: t(2) }));
		expect(index.unresolvedForNote("a.md")).toEqual([
			{ target: "diffusion models", count: 2 },
			{ target: "i think b stays", count: 1 },
		]);
		expect(formatThread(index.thread("x")!)).toMatchInlineSnapshot(`
			"
			a.md
			notes/B.md
			"
		`);
		index.delete("notes/B.md");
		expect(index.unresolvedForThread("x")).toEqual([
			{ target: "b", count: 2 },
			{ target: "diffusion models", count: 2 },
			{ target: "i think b stays", count: 1 },
		]);
		index.delete("a.md");
		expect(index.thread("x")).toBeUndefined();
		expect(index.threads()).toEqual([]);
		expect(index.unresolvedInVault()).toEqual([]);
	});
	it("embeds resolve to registered attachments", () => {
		const index = new ThreadIndex();
		index.setRecord(makeNote({ path: "a.md", body: ["image.png"] }));
		expect(index.unresolvedForNote("a.md")).toEqual([{ target: "image.png", count: 1 }]);
		index.addAttachment("img/image.png");
		expect(index.unresolvedForNote("a.md")).toEqual([]);
		index.rename("img/image.png", "img/other.png");
		expect(index.unresolvedForNote("a.md")).toEqual([{ target: "image.png", count: 1 }]);
	});
	it("ranks vault-wide unresolved links by linking notes", () => {
		const index = new ThreadIndex();
		index.setRecord(makeNote({ path: "a.md", body: ["x", "x", "x", "y"] }));
		index.setRecord(makeNote({ path: "b.md", body: ["y"] }));
		index.setRecord(makeNote({ path: "c.md", body: ["z", "y"] }));
		expect(index.unresolvedInVault()).toEqual([
			{ target: "y", count: 3, notes: ["a.md", "b.md", "c.md"] },
			{ target: "x", count: 1, notes: ["a.md"] },
			{ target: "z", count: 1, notes: ["c.md"] },
		]);
	});
	it("a file that comes or goes recounts only the links through its name, in every note that has them", () => {
		const index = new ThreadIndex();
		index.setRecord(makeNote({ path: "a.md", body: ["Entropy", "entropy", "the entropy", "y", "heat/Entropy"] }));
		index.setRecord(makeNote({ path: "b.md", body: ["y", "entropy"] }));
		expect(index.unresolvedForNote("a.md")).toEqual([
			{ target: "entropy", count: 2 },
			{ target: "heat/entropy", count: 1 },
			{ target: "the entropy", count: 1 },
			{ target: "y", count: 1 },
		]);
		index.set("concepts/entropy.md", "a concept");
		// `heat/Entropy` is a path: concepts/entropy.md does not end with it.
		expect(index.unresolvedForNote("a.md")).toEqual([
			{ target: "heat/entropy", count: 1 },
			{ target: "y", count: 1 },
		]);
		expect(index.unresolvedInVault()).toEqual([
			{ target: "y", count: 2, notes: ["a.md", "b.md"] },
			{ target: "heat/entropy", count: 1, notes: ["a.md"] },
		]);
		index.rename("concepts/entropy.md", "concepts/heat.md");
		expect(index.unresolvedForNote("a.md")).toEqual([
			{ target: "entropy", count: 2 },
			{ target: "heat/entropy", count: 1 },
			{ target: "the entropy", count: 1 },
			{ target: "y", count: 1 },
		]);
		expect(index.unresolvedForNote("b.md")).toEqual([
			{ target: "entropy", count: 1 },
			{ target: "y", count: 1 },
		]);
		index.delete("concepts/heat.md");
		index.set("y.md", "why");
		index.set("heat/entropy.md", "a path");
		expect(index.unresolvedInVault()).toEqual([]);
		index.delete("heat/entropy.md");
		expect(index.unresolvedInVault()).toEqual([
			{ target: "entropy", count: 2, notes: ["a.md", "b.md"] },
			{ target: "heat/entropy", count: 1, notes: ["a.md"] },
			{ target: "the entropy", count: 1, notes: ["a.md"] },
		]);
	});
	it("changing a note's conversation re-decides same-named links", () => {
		const index = new ThreadIndex();
		index.setRecord(makeNote({ path: "a/summary.md", conv: "c1" }));
		index.setRecord(makeNote({ path: "b/summary.md", conv: "c2" }));
		index.setRecord(makeNote({ path: "q/n.md", conv: "c2", preceding: ["summary"] }));
		expect(index.resolve("summary", "q/n.md")).toBe("b/summary.md");
		expect(formatThread(index.thread("c2")!)).toMatchInlineSnapshot(`
			"
			b/summary.md
			q/n.md
			"
		`);
		index.setRecord(makeNote({ path: "b/summary.md", conv: "c3" }));
		expect(index.resolve("summary", "q/n.md")).toBe("a/summary.md");
		expect(formatThread(index.thread("c2")!)).toMatchInlineSnapshot(`
			"
			q/n.md
			"
		`);
	});
});

describe("threads from footer links only (no conversation id)", () => {
	it("connects notes by their resolved footer links and splits when a link goes", () => {
		const index = new ThreadIndex();
		index.setRecord(makeNote({ path: "p/one.md", date: t(1), following: ["two"] }));
		index.setRecord(makeNote({ path: "p/two.md", date: t(2), preceding: ["one"], following: ["three"] }));
		index.setRecord(makeNote({ path: "p/three.md", date: t(3), preceding: ["two"] }));
		index.setRecord(makeNote({ path: "concept.md", body: ["one"] }));
		expect(index.threads().map(formatThread).join("---")).toMatchInlineSnapshot(`
			"
			p/one.md
			p/two.md
			p/three.md
			"
		`);
		expect(index.threadsOf("p/two.md").map((th) => th.id)).toEqual(["links:p/one.md"]);
		expect(index.threadsOf("concept.md")).toEqual([]);
		index.setRecord(makeNote({ path: "p/two.md", date: t(2), preceding: ["one"] }));
		expect(index.threads().map(formatThread).join("---")).toMatchInlineSnapshot(`
			"
			p/one.md
			p/two.md
			p/three.md
			"
		`);
		index.delete("p/one.md");
		expect(index.threads().map(formatThread).join("---")).toMatchInlineSnapshot(`
			"
			? one
			p/two.md
			p/three.md
			"
		`);
	});
});

describe("the corpus read through set()", () => {
	it("reads every corpus note without throwing and keeps size", () => {
		const files = readCorpus("chat2obs");
		const index = new ThreadIndex();
		let notes = 0;
		for (const [path, text] of files) {
			if (!path.endsWith(".md")) continue;
			index.set(path, text);
			notes++;
		}
		expect(index.size).toBe(notes);
		expect(index.threads().length).toBeGreaterThan(5);
		index.clear();
		expect(index.size).toBe(0);
		expect(index.threads()).toEqual([]);
	});
});

describe("vault-wide unresolved links through edits", () => {
	it("keeps each target's notes sorted through a few edits and through many, and never changes a list it handed out", () => {
		const index = new ThreadIndex();
		const fresh = new ThreadIndex();
		const text = (links: string[]): string => `---\ntitle: x\n---\n${links.map((l) => `[[${l}]]`).join(" ")}\n`;
		const set = (path: string, links: string[]): void => {
			index.set(path, text(links));
			fresh.set(path, text(links));
		};
		for (let i = 0; i < 200; i++) set(`chats/n${String(i).padStart(3, "0")}.md`, ["entropy", i % 2 === 0 ? "free energy" : "markov blanket"]);
		const before = index.unresolvedInVault();
		const entropy = before.find((u) => u.target === "entropy");
		const kept = [...(entropy?.notes ?? [])];
		expect(kept).toHaveLength(200);
		// A few edits: notes drop the link, gain it back, new notes come, old ones go.
		set("chats/n005.md", ["free energy"]);
		set("chats/n007.md", ["markov blanket"]);
		set("chats/n005.md", ["entropy", "free energy"]);
		set("a first.md", ["entropy"]);
		set("zz last.md", ["Entropy"]);
		index.delete("chats/n010.md");
		fresh.delete("chats/n010.md");
		const after = index.unresolvedInVault();
		expect(entropy?.notes).toEqual(kept);
		expect(after).toEqual(fresh.unresolvedInVault());
		expect(after.find((u) => u.target === "entropy")?.notes.slice(0, 2)).toEqual(["a first.md", "chats/n000.md"]);
		// Many at once (more than a sorted list keeps): it is sorted anew.
		for (let i = 0; i < 120; i++) set(`chats/n${String(i).padStart(3, "0")}.md`, ["free energy"]);
		expect(index.unresolvedInVault()).toEqual(fresh.unresolvedInVault());
		const entropyNow = index.unresolvedInVault().find((u) => u.target === "entropy");
		// n120 to n199, and the two new notes.
		expect(entropyNow?.count).toBe(80 + 2);
	});
});
