// The vault's notes, their threads and unresolved links, kept up to date one file event at a time.
// Writes only record what changed (inverse maps tell which notes a new or vanished name affects);
// thread orders and unresolved counts are recomputed lazily, when read.
import { footerLinkersOf } from "./link-keys";
import { LinkTargets } from "./link-targets";
import { attachmentKey, fileKeys, LinkResolver, type LinkContext } from "./link-resolution";
import { LinkThreads } from "./link-threads";
import { compactNote, type NotePools, type IndexedNote, type IndexedPart, type LinkRef } from "./indexed-note";
import { StringPool } from "./string-pool";
import { basenameOf, DEFAULT_FORMAT, type FormatOptions, type NoteRecord } from "./note-record";
import { parseNote } from "./note-parser";
import { MultiMap } from "./multi-map";
import { UnresolvedTally } from "./unresolved-tally";
import type { Thread, ThreadIndexReader, UnresolvedCount, VaultUnresolved } from "./thread-model";
import { footerLinks, orderThread, type ThreadMember } from "./thread-order";
import { compareText } from "./compare";

function sameList(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}


/** The parts of a note that belong to a conversation's thread. */
function partsIn(note: IndexedNote, id: string): readonly IndexedPart[] {
	// One plain document (nearly every note): its conversation ids are the note's own, so all parts belong.
	if (note.documents.length === 0) return note.parts;
	return note.parts.filter((p) => {
		const ids = note.documents[p.document]?.conversationIds ?? [];
		return ids.length === 0 || ids.includes(id);
	});
}

export class ThreadIndex implements ThreadIndexReader {
	private rev = 0;
	private readonly records = new Map<string, IndexedNote>();
	/** Shares tag and conversation id strings between notes. */
	private readonly pool = new StringPool();
	/** Link targets, with their name keys and linking notes (footer links included): the inverse map. */
	private readonly targets = new LinkTargets();
	private readonly pools: NotePools = { pool: this.pool, targets: this.targets };
	private readonly resolver = new LinkResolver((path) => this.records.get(path)?.conversationIds ?? []);
	private readonly unresolved = new UnresolvedTally();
	private readonly conversations = new MultiMap();
	private readonly conversationThreads = new Map<string, Thread>();
	private readonly dirtyConversations = new Set<string>();
	private readonly linkThreads: LinkThreads;
	private threadList: Thread[] | null = null;
	/** Nothing read since the index was empty (a first scan): every note is dirty for every reader. */
	private fresh = true;

	constructor(private readonly format: FormatOptions = DEFAULT_FORMAT) {
		this.linkThreads = new LinkThreads({
			note: (path) => this.records.get(path),
			resolveLink: (link, from) => this.resolveLink(link, from),
			footerLinkersOf: (path) => footerLinkersOf(fileKeys(path), this.targets, this.records),
		});
	}

	get revision(): number {
		return this.rev;
	}

	get size(): number {
		return this.records.size;
	}

	note(path: string): IndexedNote | undefined {
		return this.records.get(path);
	}

	notes(): IterableIterator<IndexedNote> {
		return this.records.values();
	}

	// ---- writes ----

	/** Parse and index a created or modified note; returns the full parse (the index keeps a compact form). */
	set(path: string, text: string): NoteRecord {
		const record = parseNote(path, text, this.format);
		this.setRecord(record);
		return record;
	}

	/** Index an already parsed note (created or modified). */
	setRecord(parsed: NoteRecord): void {
		if (this.pool.wantsPrune(this.records.size)) this.pool.prune(this.records.values());
		this.targets.sweep();
		// The old form goes first: compacting the new one records it as a linker of its targets.
		const old = this.records.get(parsed.path);
		if (old !== undefined) this.detach(old, false);
		const record = compactNote(parsed, this.pools);
		this.attach(record, old === undefined, true);
		// Same-named files are told apart by conversation: links to this name may now pick another file.
		if (old !== undefined && !sameList(old.conversationIds, record.conversationIds)) this.touchFile(record.path);
		this.changed();
	}

	delete(path: string): void {
		const old = this.records.get(path);
		if (old !== undefined) {
			this.detach(old, true);
			this.changed();
		} else if (this.resolver.hasAttachment(path)) {
			this.removeAttachment(path);
		}
	}

	/** Re-key a note (or attachment) without re-reading it. */
	rename(oldPath: string, newPath: string): void {
		if (oldPath === newPath) return;
		const old = this.records.get(oldPath);
		if (old === undefined) {
			if (this.resolver.hasAttachment(oldPath)) {
				this.removeAttachment(oldPath);
				this.addAttachment(newPath);
			}
			return;
		}
		const existing = this.records.get(newPath);
		if (existing !== undefined) this.detach(existing, true);
		this.detach(old, true);
		this.attach({ ...old, path: newPath, basename: basenameOf(newPath) }, true, false);
		this.changed();
	}

	addAttachment(path: string): void {
		if (!this.resolver.addAttachment(path)) return;
		this.touchKeys([attachmentKey(path)]);
		this.changed();
	}

	removeAttachment(path: string): void {
		if (!this.resolver.removeAttachment(path)) return;
		this.touchKeys([attachmentKey(path)]);
		this.changed();
	}

	clear(): void {
		this.records.clear();
		this.pool.clear();
		this.targets.clear();
		this.resolver.clear();
		this.unresolved.clear();
		this.conversations.clear();
		this.conversationThreads.clear();
		this.dirtyConversations.clear();
		this.linkThreads.clear();
		this.fresh = true;
		this.changed();
	}

	/** Called by every reader (of threads or unresolved links): they clear what writes marked dirty. */
	private read(): void {
		this.fresh = false;
	}

	private changed(): void {
		this.rev++;
		this.threadList = null;
	}

	/** `compacted`: the record was just made by compactNote, which collected its link targets. */
	private attach(record: IndexedNote, isNewFile: boolean, compacted: boolean): void {
		const path = record.path;
		this.records.set(path, record);
		if (isNewFile) {
			this.resolver.addNote(path, record.basename);
			this.touchFile(path);
		}
		if (compacted) this.targets.linkNote(record);
		else this.targets.link(record);
		// An indexed loop: a one-id list is a shared frozen one, which for-of walks through a real iterator.
		const ids = record.conversationIds;
		for (let i = 0; i < ids.length; i++) {
			this.conversations.add(ids[i] as string, path);
			this.dirtyConversations.add(ids[i] as string);
		}
		this.unresolved.markDirty(path);
		this.linkThreads.noteChanged(path, record.conversationIds.length === 0 && footerLinks(record).length > 0);
	}

	private detach(record: IndexedNote, fileGone: boolean): void {
		const path = record.path;
		this.targets.unlink(record);
		for (const id of record.conversationIds) {
			this.conversations.delete(id, path);
			this.dirtyConversations.add(id);
		}
		this.unresolved.remove(path);
		this.linkThreads.noteChanged(path, false);
		this.records.delete(path);
		if (fileGone) {
			this.resolver.removeNote(path);
			this.touchFile(path);
		}
	}

	/** A note file came, went or changed conversation. */
	private touchFile(path: string): void {
		if (!this.fresh) this.touchKeys(fileKeys(path));
	}

	/** A file with these name keys came, went or changed conversation: links through them may resolve anew. */
	private touchKeys(keys: readonly string[]): void {
		if (this.fresh) return;
		for (const key of keys) for (const m of this.targets.linkersOf(key)) this.unresolved.markDirty(m);
		for (const m of footerLinkersOf(keys, this.targets, this.records)) {
			for (const id of this.records.get(m)?.conversationIds ?? []) this.dirtyConversations.add(id);
			this.linkThreads.linksChanged(m);
		}
	}

	// ---- resolution ----

	private context(path: string): LinkContext {
		return { path, conversationIds: this.records.get(path)?.conversationIds ?? [] };
	}

	resolve(target: string, fromPath: string): string | null {
		return this.resolver.resolve(target, this.context(fromPath));
	}

	/** Where a parsed link leads (see `LinkResolver.resolveLink`). */
	resolveLink(link: LinkRef, from: LinkContext, memo?: Map<string, readonly string[]>): string | null {
		return this.resolver.resolveLink(link, from, memo);
	}

	// ---- threads ----

	private conversationThread(id: string): Thread | undefined {
		if (this.dirtyConversations.has(id)) {
			this.dirtyConversations.delete(id);
			if (!this.conversations.has(id)) this.conversationThreads.delete(id);
			else {
				const members: ThreadMember<IndexedNote>[] = [];
				for (const path of this.conversations.get(id)) {
					const note = this.records.get(path);
					if (note !== undefined) members.push({ note, parts: partsIn(note, id) });
				}
				const memo = new Map<string, readonly string[]>();
				this.conversationThreads.set(id, orderThread(id, members, (l, f) => this.resolveLink(l, f, memo)));
			}
		}
		return this.conversationThreads.get(id);
	}

	threadsOf(path: string): Thread[] {
		this.read();
		const note = this.records.get(path);
		if (note === undefined) return [];
		const out: Thread[] = [];
		for (const id of note.conversationIds) {
			const t = this.conversationThread(id);
			if (t !== undefined) out.push(t);
		}
		const linked = this.linkThreads.threadOf(path);
		if (linked !== undefined) out.push(linked);
		return out;
	}

	thread(id: string): Thread | undefined {
		this.read();
		return id.startsWith("links:") && !this.conversations.has(id) ? this.linkThreads.thread(id) : this.conversationThread(id);
	}

	/** Every thread, sorted by id. */
	threads(): Thread[] {
		this.read();
		if (this.threadList === null) {
			const list: Thread[] = [];
			for (const id of this.conversations.keys()) {
				const t = this.conversationThread(id);
				if (t !== undefined) list.push(t);
			}
			list.push(...this.linkThreads.all());
			this.threadList = list.sort((a, b) => compareText(a.id, b.id));
		}
		return this.threadList;
	}

	// ---- unresolved links ----

	private flushUnresolved(): void {
		this.read();
		const memo = new Map<string, readonly string[]>();
		this.unresolved.flush((path) => this.records.get(path), (link, note) => this.resolveLink(link, note, memo), () => this.records.values());
	}

	unresolvedForNote(path: string): UnresolvedCount[] {
		this.flushUnresolved();
		return this.unresolved.forNote(path);
	}

	unresolvedForThread(id: string): UnresolvedCount[] {
		const thread = this.thread(id);
		if (thread === undefined) return [];
		this.flushUnresolved();
		const paths: string[] = [];
		for (const e of thread.entries) if (e.kind === "note") paths.push(e.path);
		return this.unresolved.forNotes(paths);
	}

	unresolvedInVault(): VaultUnresolved[] {
		this.flushUnresolved();
		return this.unresolved.vault();
	}
}
