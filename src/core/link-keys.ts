// The name keys under which a note's links may find their files (the index's inverse map: name -> linkers).
import { keyLengthFloor, lookupKeys } from "./link-resolution";
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

/**
 * Distinct keys: a list while short (a note has a few dozen keys, and a Set would be a hash table per
 * note and event), a Set once long, so a note with thousands of links stays linear.
 */
class KeyList {
	list: string[] = [];
	set: Set<string> | null = null;

	addAll(keys: readonly string[]): void {
		for (let i = 0; i < keys.length; i++) {
			const k = keys[i] as string;
			if (this.set !== null) this.set.add(k);
			else if (!this.list.includes(k)) {
				this.list.push(k);
				if (this.list.length > 64) this.set = new Set(this.list);
			}
		}
	}

	get values(): Iterable<string> {
		return this.set ?? this.list;
	}
}

/** The name keys a link may resolve through (see `lookupKeys`). */
function addLinkKeys(into: KeyList, link: LinkRef, memo: KeyMemo): void {
	into.addAll(memo.keys(link.target));
	if (link.heading === null && link.block === null) return;
	for (const form of linkForms(link).slice(1)) into.addAll(lookupKeys(form));
}

/**
 * The distinct name keys a note's links may resolve through. Recomputed from the record on detach
 * rather than stored: records are never mutated, and keeping the keys would cost ~0.7 KB per note.
 */
export function linkKeysOf(record: IndexedNote, memo: KeyMemo): Iterable<string> {
	const keys = new KeyList();
	const targets = record.linkTargets;
	for (let i = 0; i < targets.length; i++) keys.addAll(memo.keys(targets[i] as string));
	for (const link of record.anchoredLinks) addLinkKeys(keys, link, memo);
	return keys.values;
}

/**
 * Whether one of the note's `preceding` / `following` links may resolve through `key`. Footer links are
 * links too, so the notes to ask are among the linkers of `key`: the index keeps no second map for them.
 */
export function footerMayUse(record: IndexedNote, key: string, memo: KeyMemo): boolean {
	if (key.length < record.footerKeyFloor) return false;
	for (const part of record.parts) {
		if (listMayUse(part.preceding, key, memo) || listMayUse(part.following, key, memo)) return true;
	}
	return false;
}

function listMayUse(links: readonly LinkRef[], key: string, memo: KeyMemo): boolean {
	for (let i = 0; i < links.length; i++) {
		const link = links[i] as LinkRef;
		if (key.length >= keyLengthFloor(link.target) && memo.keys(link.target).includes(key)) return true;
		if (link.heading === null && link.block === null) continue;
		for (const form of linkForms(link).slice(1)) if (lookupKeys(form).includes(key)) return true;
	}
	return false;
}

/** A lower bound on the length of the name keys of a note's `preceding` / `following` links. */
export function footerKeyFloor(parts: readonly { preceding: readonly LinkRef[]; following: readonly LinkRef[] }[]): number {
	let floor = NO_FOOTER;
	for (const part of parts) floor = Math.min(floor, listFloor(part.preceding), listFloor(part.following));
	return floor;
}

function listFloor(links: readonly LinkRef[]): number {
	let floor = NO_FOOTER;
	for (const link of links) floor = Math.min(floor, link.heading === null && link.block === null ? keyLengthFloor(link.target) : 0);
	return floor;
}

/** The footer key floor of a note with no `preceding` / `following` link: no key is that long. */
export const NO_FOOTER = 0x3fffffff;
