// The name keys under which a note's links may find their files (the index's inverse map: name -> linkers).
import { lookupKeys } from "./link-resolution";
import type { IndexedNote, LinkRef } from "./indexed-note";

/** The ways a link's text may name a file: its target, then (a title holding `#`) the target with its heading. */
export function linkForms(link: LinkRef): string[] {
	if (link.block !== null) return [link.target, `${link.target}#^${link.block}`];
	if (link.heading !== null) return [link.target, `${link.target}#${link.heading}`];
	return [link.target];
}

/** The name keys a link may resolve through (see `lookupKeys`). */
function addLinkKeys(into: Set<string>, link: LinkRef): void {
	for (const k of lookupKeys(link.target)) into.add(k);
	if (link.heading === null && link.block === null) return;
	for (const form of linkForms(link).slice(1)) for (const k of lookupKeys(form)) into.add(k);
}

export interface LinkKeys {
	all: Set<string>;
	footer: Set<string>;
}

/**
 * The name keys a note's links (all / footer) may resolve through. Recomputed from the record on detach
 * rather than stored: records are never mutated, and keeping the keys would cost ~0.7 KB per note.
 */
export function linkKeysOf(record: IndexedNote): LinkKeys {
	const keys: LinkKeys = { all: new Set(), footer: new Set() };
	for (const target of record.linkTargets) for (const k of lookupKeys(target)) keys.all.add(k);
	for (const link of record.anchoredLinks) addLinkKeys(keys.all, link);
	for (const part of record.parts) {
		for (const link of part.preceding) addLinkKeys(keys.footer, link);
		for (const link of part.following) addLinkKeys(keys.footer, link);
	}
	return keys;
}
