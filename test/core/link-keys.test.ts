import { describe, expect, it } from "vitest";
import { compactNote } from "../../src/core/indexed-note";
import { StringPool } from "../../src/core/string-pool";
import { KeyMemo, linkKeysOf } from "../../src/core/link-keys";
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

function keysOf(text: string): string[] {
	const keys = [...linkKeysOf(compactNote(parseNote("n.md", text), new StringPool()), new KeyMemo())];
	expect(new Set(keys).size).toBe(keys.length);
	return keys.sort();
}

describe("linkKeysOf", () => {
	it("gives each key once, for plain, repeated, raw-title and heading links", () => {
		const text = "[[Entropy]] [[entropy]] [[What is it?]] [[The the thing]] [[a#b]] [[folder/Note.md]] [[c#^blk]]";
		expect(keysOf(text)).toEqual(expectedKeys(text));
	});

	it("stays complete and distinct for a note with hundreds of links (past the short-list size)", () => {
		const text = Array.from({ length: 300 }, (_, i) => `[[Topic ${i % 150}?]]`).join(" ");
		const keys = keysOf(text);
		expect(keys).toEqual(expectedKeys(text));
		expect(keys.length).toBeGreaterThan(64);
	});
});
