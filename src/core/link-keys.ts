// The name keys under which a note's links may find their files (the index's inverse map: name -> linkers).
import { keysLongerThan, lookupKeys } from "./link-resolution";
import type { IndexedNote, LinkRef } from "./indexed-note";

/** The ways a link's text may name a file: its target, then (a title holding `#`) the target with its heading. */
export function linkForms(link: LinkRef): string[] {
	if (link.block !== null) return [link.target, `${link.target}#^${link.block}`];
	if (link.heading !== null) return [link.target, `${link.target}#${link.heading}`];
	return [link.target];
}

/**
 * `lookupKeys` remembered for a run of writes (the index clears it when it is read): a first scan asks
 * for the same concept targets thousands of times. Bounded, so it never holds more than a batch's worth.
 */
export class KeyMemo {
	private readonly map = new Map<string, readonly string[]>();

	keys(target: string): readonly string[] {
		let keys = this.map.get(target);
		if (keys === undefined) {
			if (this.map.size >= 10_000) this.map.clear();
			keys = lookupKeys(target);
			this.map.set(target, keys);
		}
		return keys;
	}

	clear(): void {
		if (this.map.size > 0) this.map.clear();
	}
}

/** The name keys a link may resolve through (see `lookupKeys`). */
function addLinkKeys(into: Set<string>, link: LinkRef, memo: KeyMemo): void {
	for (const k of memo.keys(link.target)) into.add(k);
	if (link.heading === null && link.block === null) return;
	for (const form of linkForms(link).slice(1)) for (const k of lookupKeys(form)) into.add(k);
}

/**
 * The name keys a note's links may resolve through. Recomputed from the record on detach rather than
 * stored: records are never mutated, and keeping the keys would cost ~0.7 KB per note.
 */
export function linkKeysOf(record: IndexedNote, memo: KeyMemo): Set<string> {
	const keys = new Set<string>();
	for (const target of record.linkTargets) for (const k of memo.keys(target)) keys.add(k);
	for (const link of record.anchoredLinks) addLinkKeys(keys, link, memo);
	return keys;
}

/**
 * Whether one of the note's `preceding` / `following` links may resolve through `key`. Footer links are
 * links too, so the notes to ask are among the linkers of `key`: the index keeps no second map for them.
 */
export function footerMayUse(record: IndexedNote, key: string, memo: KeyMemo): boolean {
	for (const part of record.parts) {
		if (listMayUse(part.preceding, key, memo) || listMayUse(part.following, key, memo)) return true;
	}
	return false;
}

function listMayUse(links: readonly LinkRef[], key: string, memo: KeyMemo): boolean {
	for (let i = 0; i < links.length; i++) {
		const link = links[i] as LinkRef;
		if (!keysLongerThan(link.target, key.length) && memo.keys(link.target).includes(key)) return true;
		if (link.heading === null && link.block === null) continue;
		for (const form of linkForms(link).slice(1)) if (lookupKeys(form).includes(key)) return true;
	}
	return false;
}
