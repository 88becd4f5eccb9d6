import { describe, expect, it } from "vitest";
import { compactNote, type IndexedNote } from "../../src/core/indexed-note";
import { StringPool } from "../../src/core/string-pool";
import { LinkTargets } from "../../src/core/link-targets";
import { lookupKeys } from "../../src/core/link-resolution";
import { parseNote } from "../../src/core/note-parser";

/** Every key of every link, distinct, the slow way. */
function expectedKeys(text: string): string[] {
	const record = parseNote("n.md", text);
	const keys = new Set<string>();
	for (const l of record.links) {
		for (const k of lookupKeys(l.target)) keys.add(k);
		if (l.heading !== null) for (const k of lookupKeys(`${l.target}#${l.heading}`)) keys.add(k);
		if (l.block !== null) for (const k of lookupKeys(`${l.target}#^${l.block}`)) keys.add(k);
	}
	return [...keys].sort();
}

function indexNote(targets: LinkTargets, path: string, text: string): IndexedNote {
	const note = compactNote(parseNote(path, text), { pool: new StringPool(), targets });
	targets.linkNote(note);
	return note;
}

/** The keys under which `path` is a linker, among `keys`; each linker must come once. */
function keysLinking(targets: LinkTargets, path: string, keys: readonly string[]): string[] {
	return keys.filter((k) => {
		const linkers = [...targets.linkersOf(k)];
		expect(new Set(linkers).size).toBe(linkers.length);
		return linkers.includes(path);
	});
}

const TEXT = "[[Entropy]] [[entropy]] [[What is it?]] [[The the thing]] [[a#b]] [[folder/Note.md]] [[c#^blk]] [[the entropy]]";

describe("LinkTargets", () => {
	it("finds a note under every key of its links, plain, repeated, raw-title and heading ones, once each", () => {
		const targets = new LinkTargets();
		indexNote(targets, "n.md", TEXT);
		const keys = expectedKeys(TEXT);
		expect(keysLinking(targets, "n.md", keys)).toEqual(keys);
		expect(keysLinking(targets, "n.md", ["the thing", "note.md#h", "nothing"])).toEqual(["the thing"]);
	});

	it("links from the record (a rename) as from a compaction, and unlinks completely", () => {
		const targets = new LinkTargets();
		const note = indexNote(targets, "n.md", TEXT);
		indexNote(targets, "m.md", "[[entropy]]");
		const keys = expectedKeys(TEXT);
		targets.unlink(note);
		expect(keysLinking(targets, "n.md", keys)).toEqual([]);
		expect([...targets.linkersOf("entropy")]).toEqual(["m.md"]);
		targets.link(note);
		expect(keysLinking(targets, "n.md", keys)).toEqual(keys);
	});

	it("stays complete for a note with hundreds of links, and for a target thousands of notes link", () => {
		const targets = new LinkTargets();
		const text = Array.from({ length: 300 }, (_, i) => `[[Topic ${i % 150}?]]`).join(" ");
		indexNote(targets, "n.md", text);
		const keys = expectedKeys(text);
		expect(keysLinking(targets, "n.md", keys)).toEqual(keys);
		const notes = Array.from({ length: 2000 }, (_, i) => indexNote(targets, `h${i}.md`, "[[hub]] [[The hub]]"));
		for (const n of notes.slice(0, 1500)) targets.unlink(n);
		expect([...targets.linkersOf("hub")].sort()).toEqual(notes.slice(1500).map((n) => n.path).sort());
	});

	it("shares target strings between notes, and sweeps the ones no note links to any more", () => {
		const targets = new LinkTargets();
		const a = indexNote(targets, "a.md", "[[shared target]] [[only in a]]");
		const b = indexNote(targets, "b.md", "[[shared target]]");
		expect(a.linkTargets[0]).toBe(b.linkTargets[0]);
		const many = Array.from({ length: 5000 }, (_, i) => indexNote(targets, `m${i}.md`, `[[The unique ${i}]]`));
		expect(targets.size).toBe(5002);
		for (const n of many) targets.unlink(n);
		targets.unlink(a);
		targets.sweep();
		expect(targets.size).toBe(1);
		expect(targets.intern("shared target")).toBe(b.linkTargets[0]);
		expect([...targets.linkersOf("unique 7")]).toEqual([]);
		// A swept target linked again is a new entry, found under its keys (no stale one is handed out).
		indexNote(targets, "again.md", "[[The unique 4999]]");
		expect([...targets.linkersOf("unique 4999")]).toEqual(["again.md"]);
	});
});
