// The name keys a link is looked up by (what can be known of them without building them: see
// `lookupKeys` in link-resolution.ts), and which notes' footers may point through a key.
import type { IndexedNote, LinkRef } from "./indexed-note";
import type { LinkTargets } from "./link-targets";
import { isTrimSpace } from "./white-space";

/** The ways a link's text may name a file: its target, then (a title holding `#`) the target with its heading. */
export function linkForms(link: LinkRef): string[] {
	if (link.block !== null) return [link.target, `${link.target}#^${link.block}`];
	if (link.heading !== null) return [link.target, `${link.target}#${link.heading}`];
	return [link.target];
}

/**
 * A lower bound on the length of every name key of `target` (see `lookupKeys`), found without building
 * them; 0 for targets it cannot bound cheaply (non-ASCII, paths, aliases, headings, `.md` names).
 */
export function keyLengthFloor(target: string): number {
	let kept = 0;
	let spaces = 0;
	let end = 0;
	for (let i = 0; i < target.length; i++) {
		const c = target.charCodeAt(i);
		// Non-ASCII (lower-casing may change the length), or a path, alias or heading (other key forms).
		if (c > 127 || makesForm(c)) return 0;
		if (isTrimSpace(c)) spaces++;
		else end = i + 1;
		if (!sanitizeDeletes(c)) kept++;
	}
	// A file name with `.md` (a plain target all the same to NOT_PLAIN, but read with other key forms).
	if (end >= 3 && target.charCodeAt(end - 3) === 46 && (target.charCodeAt(end - 2) | 32) === 109 && (target.charCodeAt(end - 1) | 32) === 100) return 0;
	// The name key drops only the outer white space; sanitizing drops the deleted characters, a leading
	// "the ", everything past 200 characters, and the outer white space.
	return Math.max(0, Math.min(target.length - spaces, Math.min(200, kept - 4) - spaces));
}

/** < > : " \ ? * [ ] (and / below): deleted from a title by sanitizing. */
function sanitizeDeletes(c: number): boolean {
	return c === 60 || c === 62 || c === 58 || c === 34 || c === 92 || c === 63 || c === 42 || c === 91 || c === 93;
}

/** / | #: a path, an alias or a heading, read with other key forms. */
function makesForm(c: number): boolean {
	return c === 47 || c === 124 || c === 35;
}

/**
 * Whether a target is its own one name key, found without building any string: lower-case ASCII, none
 * of the characters sanitizing deletes or that make a path, alias or heading, no outer white space, no
 * leading "the ", no `.md`, at most 200 characters. Most targets are (concept names, generated titles).
 */
export function isOwnKey(target: string): boolean {
	const n = target.length;
	// 200: sanitizing keeps that many characters of a title.
	if (n === 0 || n > 200) return false;
	for (let i = 0; i < n; i++) {
		const c = target.charCodeAt(i);
		if (c > 127 || (c >= 65 && c <= 90) || makesForm(c) || sanitizeDeletes(c)) return false;
	}
	if (isTrimSpace(target.charCodeAt(0)) || isTrimSpace(target.charCodeAt(n - 1))) return false;
	return !target.startsWith("the ") && !target.endsWith(".md");
}

/**
 * Whether one of the note's `preceding` / `following` links may resolve through `key`. Footer links are
 * links too, so the notes to ask are among the linkers of `key`: the index keeps no second map for them.
 */
function footerMayUse(record: IndexedNote, key: string, targets: LinkTargets): boolean {
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
		if (key.length >= targets.floorOf(link.target) && targets.hasKey(link.target, key)) return true;
		if (link.heading === null && link.block === null) continue;
		for (const form of linkForms(link).slice(1)) if (targets.hasKey(form, key)) return true;
	}
	return false;
}

/**
 * A lower bound on the length of the name keys of a footer list's links (`NO_FOOTER` when empty), the
 * targets' floors taken from the table: footer targets repeat from note to note, so each is computed once.
 */
export function footerListFloor(links: readonly LinkRef[], targets: LinkTargets): number {
	let floor = NO_FOOTER;
	// An indexed loop: footer lists are often the shared frozen empty one, which for-of walks through a real iterator.
	for (let i = 0; i < links.length; i++) {
		const link = links[i] as LinkRef;
		floor = Math.min(floor, link.heading === null && link.block === null ? targets.floorOf(link.target) : 0);
	}
	return floor;
}

/** The footer key floor of a note with no `preceding` / `following` link: no key is that long. */
export const NO_FOOTER = 0x3fffffff;
