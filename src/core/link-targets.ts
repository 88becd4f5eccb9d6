// The link targets of the indexed notes, each distinct target once: a pooled copy of the string (no note
// text kept alive), the name keys it may resolve through, and the notes linking to it. This is the
// index's inverse map (name key -> notes whose links may resolve through it), kept per target rather than
// per key: thousands of notes link the same few concept targets, and a target found once while a note is
// compacted needs no second look-up for its keys or its linkers.
import { lookupKeys } from "./link-resolution";
import type { IndexedNote, LinkRef } from "./indexed-note";
import { isOwnKey, keyLengthFloor, linkForms } from "./link-keys";
import { addValue, deleteValue, MultiMap, valuesOf, type Values } from "./multi-map";
import { ownString } from "./string-pool";

/** Slots of the hot-target cache (a power of two). */
const HOT = 256;

/** A target's slot in the hot cache: from its length and end characters, no hashing. */
function hotSlot(s: string): number {
	const n = s.length;
	return n === 0 ? 0 : (n * 961 + s.charCodeAt(0) * 31 + s.charCodeAt(n - 1)) & (HOT - 1);
}

interface Target {
	readonly text: string;
	/** Its `lookupKeys`; null when that is the target itself, as for most (lower-cased plain names). */
	readonly keys: readonly string[] | null;
	/** Notes with a link to this target; undefined when none (the entry waits for a sweep). */
	linkers: Values | undefined;
	/** The write (link / unlink of one note) that last touched the target: a repeated link counts once. */
	stamp: number;
	/**
	 * A shared `[{ target, heading: null, block: null }]` (most footers hold one plain link). Read-only by
	 * type rather than frozen: freezing is a runtime call per target.
	 */
	single: readonly Readonly<LinkRef>[] | null;
	/** Its `keyLengthFloor`, -1 until asked for: footers name the same targets note after note. */
	floor: number;
}

export class LinkTargets {
	private readonly map = new Map<string, Target>();
	/** Key -> targets with that key other than the target itself ("The X" -> "x"): few. */
	private readonly byKey = new MultiMap();
	private stamp = 0;
	/** Entries no note links to; swept once they outnumber the linked ones. */
	private unlinked = 0;
	/**
	 * The distinct targets of the note being linked (see `beginNote`): the first `collectedCount`. Reused,
	 * not emptied (emptying a list frees its storage, and every note would grow a new one).
	 */
	private readonly collected: Target[] = [];
	private collectedCount = 0;
	/**
	 * The last target seen per slot (by length and end characters): a note links the same few concept
	 * names as the notes before it, and comparing with one string is cheaper than hashing it (the note's
	 * strings are new, their hashes not computed yet) and probing a table of thousands. Emptied by `sweep`.
	 */
	private hot: (Target | undefined)[] = new Array<Target | undefined>(HOT).fill(undefined);

	get size(): number {
		return this.map.size;
	}

	/** The pooled copy of a link target. */
	intern(s: string): string {
		return this.entry(s, true).text;
	}

	/** The pooled copy of `s` when it is a known target, without adding it. */
	existing(s: string): string | undefined {
		return this.map.get(s)?.text;
	}

	/** A shared `[{ target, heading: null, block: null }]` (read-only by type: see `Target.single`). */
	single(target: string): readonly Readonly<LinkRef>[] {
		const e = this.entry(target, true);
		e.single ??= [{ target: e.text, heading: null, block: null }];
		return e.single;
	}

	/**
	 * `keyLengthFloor(target)`, computed once per target. A target not in the table (it may be asked for
	 * while reading) is not added.
	 */
	floorOf(target: string): number {
		// compactNote asks right after pooling the footer's target: it is mostly in the hot cache. Otherwise a
		// pooled string (footer links hold them) has its hash computed already: the look-up is cheap.
		const hot = this.hot[hotSlot(target)];
		const e = hot !== undefined && hot.text === target ? hot : this.map.get(target);
		if (e === undefined) return keyLengthFloor(target);
		if (e.floor < 0) e.floor = keyLengthFloor(e.text);
		return e.floor;
	}

	/** The name keys a target may resolve through (see `lookupKeys`). */
	keysOf(target: string): readonly string[] {
		const e = this.map.get(target);
		if (e === undefined) return lookupKeys(target);
		return e.keys ?? [e.text];
	}

	/** Whether `key` is one of the target's name keys. */
	hasKey(target: string, key: string): boolean {
		const e = this.map.get(target);
		if (e === undefined) return lookupKeys(target).includes(key);
		return e.keys === null ? e.text === key : e.keys.includes(key);
	}

	/**
	 * Starts a note's targets: until `linkNote`, `internLink` collects each distinct target it pools, so
	 * the note is recorded as their linker without looking them up a second time.
	 */
	beginNote(): void {
		this.stamp++;
		this.collectedCount = 0;
	}

	/** The pooled copy of one of the note's link targets (see `beginNote`). */
	internLink(s: string): string {
		const e = this.entry(s, true);
		this.collect(e);
		return e.text;
	}

	/**
	 * Records the note as a linker of the targets collected since `beginNote` (its links' targets) and of
	 * the whole form of each heading or block link (a title may hold `#`).
	 */
	linkNote(note: IndexedNote): void {
		// Indexed loops: an empty list is the shared frozen one, which for-of walks through a real iterator.
		const anchored = note.anchoredLinks;
		for (let i = 0; i < anchored.length; i++) for (const form of linkForms(anchored[i] as LinkRef).slice(1)) this.collect(this.entry(form, true));
		const path = note.path;
		const collected = this.collected;
		for (let i = 0; i < this.collectedCount; i++) {
			const e = collected[i] as Target;
			if (e.linkers === undefined) this.unlinked--;
			e.linkers = addValue(e.linkers, path);
		}
		this.collectedCount = 0;
	}

	/** Records the note as a linker of each of its targets (an indexed note: its strings are pooled already). */
	link(note: IndexedNote): void {
		this.beginNote();
		const targets = note.linkTargets;
		for (let i = 0; i < targets.length; i++) this.collect(this.entry(targets[i] as string, false));
		for (const link of note.anchoredLinks) this.collect(this.entry(link.target, false));
		this.linkNote(note);
	}

	/** Undoes `link` for the same note. */
	unlink(note: IndexedNote): void {
		const stamp = ++this.stamp;
		const remove = (e: Target | undefined): void => {
			if (e === undefined || e.stamp === stamp || e.linkers === undefined) return;
			e.stamp = stamp;
			e.linkers = deleteValue(e.linkers, note.path);
			if (e.linkers === undefined) this.unlinked++;
		};
		const targets = note.linkTargets;
		for (let i = 0; i < targets.length; i++) remove(this.map.get(targets[i] as string));
		for (const link of note.anchoredLinks) for (const form of linkForms(link)) remove(this.map.get(form));
	}

	/** Notes with a link that may resolve through the name key, each once. */
	linkersOf(key: string): Iterable<string> {
		const direct = this.map.get(key);
		const own = direct !== undefined && (direct.keys === null || direct.keys.includes(key)) ? direct.linkers : undefined;
		if (!this.byKey.has(key)) return valuesOf(own);
		// Several targets share the key: a note linking two of them is one linker.
		const out = new Set(valuesOf(own));
		for (const t of this.byKey.get(key)) for (const m of valuesOf(this.map.get(t)?.linkers)) out.add(m);
		return out;
	}

	/** Drops the targets no note links to, when they have come to outnumber the others. Not during a write. */
	sweep(): void {
		if (this.unlinked <= 4096 || this.unlinked * 2 <= this.map.size) return;
		this.hot.fill(undefined);
		for (const [text, e] of this.map) {
			if (e.linkers !== undefined) continue;
			this.map.delete(text);
			this.unregister(e);
		}
		this.unlinked = 0;
	}

	clear(): void {
		this.map.clear();
		this.byKey.clear();
		this.unlinked = 0;
		this.collected.length = 0;
		this.collectedCount = 0;
		this.hot.fill(undefined);
	}

	/** The entry of a target, made on first use; `copy` when the string may be cut from a note's text. */
	private entry(s: string, copy: boolean): Target {
		const slot = hotSlot(s);
		const hot = this.hot[slot];
		if (hot !== undefined && hot.text === s) return hot;
		let e = this.map.get(s);
		if (e === undefined) {
			const text = copy ? ownString(s) : s;
			const keys = isOwnKey(text) ? null : lookupKeys(text);
			e = { text, keys: keys === null || (keys.length === 1 && keys[0] === text) ? null : keys, linkers: undefined, stamp: 0, single: null, floor: -1 };
			this.map.set(text, e);
			this.unlinked++;
			if (e.keys !== null) for (const k of e.keys) if (k !== text) this.byKey.add(k, text);
		}
		this.hot[slot] = e;
		return e;
	}

	private collect(e: Target): void {
		if (e.stamp === this.stamp) return;
		e.stamp = this.stamp;
		this.collected[this.collectedCount++] = e;
	}

	private unregister(e: Target): void {
		if (e.keys !== null) for (const k of e.keys) if (k !== e.text) this.byKey.delete(k, e.text);
	}
}
