// The name keys a link is looked up by, and which notes' footers may point through a key.
import { keyLengthFloor } from "./link-resolution";
import type { IndexedNote, LinkRef } from "./indexed-note";
import type { LinkTargets } from "./link-targets";

/** The ways a link's text may name a file: its target, then (a title holding `#`) the target with its heading. */
export function linkForms(link: LinkRef): string[] {
	if (link.block !== null) return [link.target, `${link.target}#^${link.block}`];
	if (link.heading !== null) return [link.target, `${link.target}#${link.heading}`];
	return [link.target];
}

/**
 * Whether one of the note's `preceding` / `following` links may resolve through `key`. Footer links are
 * links too, so the notes to ask are among the linkers of `key`: the index keeps no second map for them.
 */
export function footerMayUse(record: IndexedNote, key: string, targets: LinkTargets): boolean {
	if (key.length < record.footerKeyFloor) return false;
	for (const part of record.parts) {
		if (listMayUse(part.preceding, key, targets) || listMayUse(part.following, key, targets)) return true;
	}
	return false;
}

/** Notes with a `preceding` / `following` link that may resolve through one of the name keys. */
export function footerLinkersOf(keys: readonly string[], targets: LinkTargets, notes: ReadonlyMap<string, IndexedNote>): Set<string> {
	const out = new Set<string>();
	for (const key of keys) {
		for (const m of targets.linkersOf(key)) {
			const note = notes.get(m);
			if (note !== undefined && footerMayUse(note, key, targets)) out.add(m);
		}
	}
	return out;
}

function listMayUse(links: readonly LinkRef[], key: string, targets: LinkTargets): boolean {
	for (let i = 0; i < links.length; i++) {
		const link = links[i] as LinkRef;
		if (key.length >= keyLengthFloor(link.target) && targets.hasKey(link.target, key)) return true;
		if (link.heading === null && link.block === null) continue;
		for (const form of linkForms(link).slice(1)) if (targets.hasKey(form, key)) return true;
	}
	return false;
}

/** A lower bound on the length of the name keys of a note's `preceding` / `following` links. */
// Indexed loops: footer lists are often shared frozen ones, which for-of walks through a real iterator.
export function footerKeyFloor(parts: readonly { preceding: readonly LinkRef[]; following: readonly LinkRef[] }[]): number {
	let floor = NO_FOOTER;
	for (let i = 0; i < parts.length; i++) {
		const part = parts[i] as { preceding: readonly LinkRef[]; following: readonly LinkRef[] };
		floor = Math.min(floor, listFloor(part.preceding), listFloor(part.following));
	}
	return floor;
}

function listFloor(links: readonly LinkRef[]): number {
	let floor = NO_FOOTER;
	for (let i = 0; i < links.length; i++) {
		const link = links[i] as LinkRef;
		floor = Math.min(floor, link.heading === null && link.block === null ? keyLengthFloor(link.target) : 0);
	}
	return floor;
}

/** The footer key floor of a note with no `preceding` / `following` link: no key is that long. */
export const NO_FOOTER = 0x3fffffff;
