// Threads of notes with no conversation id, made from their footer links: connected components,
// recomputed only around the notes that changed.
import type { IndexedNote, LinkRef } from "./indexed-note";
import type { Thread } from "./thread-model";
import { footerLinks as footer, orderThread } from "./thread-order";

/** What the component finder reads from the index. */
export interface LinkThreadHost {
	note(path: string): IndexedNote | undefined;
	resolveLink(link: LinkRef, from: IndexedNote): string | null;
	/** Notes with a footer link that may resolve to this path (a superset). */
	footerLinkersOf(path: string): Iterable<string>;
}


export class LinkThreads {
	/** Notes with no conversation id and at least one footer link. */
	private readonly nodes = new Set<string>();
	private readonly idOf = new Map<string, string>();
	private readonly byId = new Map<string, { members: string[]; thread: Thread }>();
	private readonly dirty = new Set<string>();

	constructor(private readonly host: LinkThreadHost) {}

	/** A note was added, modified or removed; `isNode` says whether it now takes part. */
	noteChanged(path: string, isNode: boolean): void {
		// Nothing read yet and no note taking part (a first scan of conversation notes): nothing to look up.
		if (!isNode && this.nodes.size === 0 && this.idOf.size === 0) return;
		if (isNode) this.nodes.add(path);
		else if (!this.nodes.delete(path) && !this.idOf.has(path)) return;
		this.dirty.add(path);
	}

	/** A note's footer links may resolve differently now. */
	linksChanged(path: string): void {
		if (this.nodes.has(path)) this.dirty.add(path);
	}

	clear(): void {
		this.nodes.clear();
		this.idOf.clear();
		this.byId.clear();
		this.dirty.clear();
	}

	threadOf(path: string): Thread | undefined {
		this.refresh();
		const id = this.idOf.get(path);
		return id === undefined ? undefined : this.byId.get(id)?.thread;
	}

	thread(id: string): Thread | undefined {
		this.refresh();
		return this.byId.get(id)?.thread;
	}

	all(): Thread[] {
		this.refresh();
		return [...this.byId.values()].map((t) => t.thread);
	}

	private neighbours(path: string): string[] {
		const out: string[] = [];
		const note = this.host.note(path);
		if (note === undefined) return out;
		for (const link of footer(note)) {
			const to = this.host.resolveLink(link, note);
			if (to !== null && to !== path && this.nodes.has(to)) out.push(to);
		}
		for (const from of this.host.footerLinkersOf(path)) {
			if (from === path || !this.nodes.has(from)) continue;
			const other = this.host.note(from);
			if (other !== undefined && footer(other).some((l) => this.host.resolveLink(l, other) === path)) out.push(from);
		}
		return out;
	}

	private refresh(): void {
		if (this.dirty.size === 0) return;
		const seeds: string[] = [];
		const dissolve = (id: string | undefined): void => {
			const old = id === undefined ? undefined : this.byId.get(id);
			if (id === undefined || old === undefined) return;
			this.byId.delete(id);
			for (const m of old.members) {
				this.idOf.delete(m);
				seeds.push(m);
			}
		};
		for (const path of this.dirty) {
			dissolve(this.idOf.get(path));
			seeds.push(path);
		}
		this.dirty.clear();
		const assigned = new Set<string>();
		for (let i = 0; i < seeds.length; i++) {
			const seed = seeds[i] as string;
			if (!this.nodes.has(seed) || assigned.has(seed)) continue;
			const members = [seed];
			assigned.add(seed);
			for (let q = 0; q < members.length; q++) {
				for (const next of this.neighbours(members[q] as string)) {
					if (assigned.has(next)) continue;
					dissolve(this.idOf.get(next));
					assigned.add(next);
					members.push(next);
				}
			}
			const notes = members.map((p) => this.host.note(p)).filter((n): n is IndexedNote => n !== undefined);
			const thread = orderThread("", notes.map((note) => ({ note, parts: note.parts })), (l, f) => this.host.resolveLink(l, f));
			const first = thread.entries.find((e) => e.kind === "note");
			thread.id = `links:${first?.kind === "note" ? first.path : seed}`;
			this.byId.set(thread.id, { members, thread });
			for (const m of members) this.idOf.set(m, thread.id);
		}
	}
}
