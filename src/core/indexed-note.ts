// What the thread index keeps of a parsed note: only what its readers use, in a compact form.
// A NoteRecord carries every link with its position and source text, and its strings are often V8
// "sliced strings" that keep the whole note text alive; an IndexedNote holds link targets as pooled
// strings in flat lists, and strings that are copied (or shared through a StringPool), so the index
// holds no note text: under 1.5 KB a note with its share of the pool, where a NoteRecord takes 5 to 7.
import { footerListFloor, NO_FOOTER } from "./link-keys";
import type { LinkTargets } from "./link-targets";
import { EMPTY, ownString, type StringPool } from "./string-pool";
import type { NoteDocument, NoteRecord, NoteSummary, WikiLink } from "./note-record";
import { splitLinkText } from "./wikilinks";

/** What resolving a link needs: its target, and its heading or block (a title may hold `#`). */
export interface LinkRef {
	target: string;
	heading: string | null;
	block: string | null;
	/** Set (true) only on parser links that stand inside another link; absent in an IndexedNote. */
	inner?: boolean;
}

/** A distinct link form in a note (same target, heading and block) and how often it occurs. */
export interface LinkUse extends LinkRef {
	count: number;
}

/** A note part's footer links (outer links only): read-only, as a lone plain link's list is shared by notes. */
export interface IndexedPart {
	index: number;
	document: number;
	preceding: readonly Readonly<LinkRef>[];
	following: readonly Readonly<LinkRef>[];
	seeAlso: readonly Readonly<LinkRef>[];
}

export interface IndexedNote extends Omit<NoteSummary, "messageIds"> {
	/**
	 * The message ids as one string, separated by NUL (which YAML tags cannot hold), or the list itself
	 * when one does: one string takes half the room of a list of them. Read with `messageIdsOf`.
	 */
	messageIdText: string | readonly string[];
	/**
	 * Empty when the file holds one document, at line 1, whose title, date and conversation ids are the
	 * note's own (nearly every note): read with `documentsOf`.
	 */
	documents: NoteDocument[];
	parts: IndexedPart[];
	/**
	 * A lower bound on the length of the name keys of the `preceding` / `following` links: when a file
	 * comes or goes, the notes linking to its name are asked whether their footer may point there, and
	 * most can answer from this number alone.
	 */
	footerKeyFloor: number;
	/** How many message blocks (USER / ASSISTANT) the note holds. */
	exchangeCount: number;
	/**
	 * Targets of plain links (no heading or block), one per occurrence, in text order: pooled strings in
	 * one flat list (8 bytes a link; a note repeats only one or two, so counts would cost more).
	 */
	linkTargets: string[];
	/** Distinct links with a heading or block (rare), with occurrence counts. */
	anchoredLinks: LinkUse[];
	/**
	 * The exact source text (`[[a [[b]] c]]`) of each nested link's outer link, in text order, all in one
	 * string separated by NUL, or a list of them when one holds a NUL. The target is not kept: it follows
	 * from the source text (see `nestedLinks`). Most notes have one (a title link): one string is one object.
	 */
	nestedText: string | readonly string[];
}


const SEPARATOR = "\u0000";

/** A note's message ids. */
export function messageIdsOf(note: IndexedNote): string[] {
	const ids = note.messageIdText;
	if (typeof ids !== "string") return [...ids];
	return ids === "" ? [] : ids.split(SEPARATOR);
}

/** A note's documents (see `IndexedNote.documents`). */
export function documentsOf(note: IndexedNote): NoteDocument[] {
	if (note.documents.length > 0) return note.documents;
	return [{ index: 0, line: 1, title: note.title, date: note.date, conversationIds: note.conversationIds }];
}

function packMessageIds(ids: readonly string[]): string | readonly string[] {
	if (ids.length === 0) return "";
	for (let i = 0; i < ids.length; i++) if ((ids[i] as string).includes(SEPARATOR)) return ids.map(ownString);
	return ids.length === 1 ? ownString(ids[0] as string) : ids.join(SEPARATOR);
}

/** Whether the record's documents are just the one its summary describes. */
function singlePlainDocument(record: NoteRecord, conversationIds: readonly string[]): boolean {
	if (record.documents.length !== 1) return false;
	const d = record.documents[0] as NoteDocument;
	if (d.index !== 0 || d.line !== 1 || d.title !== record.title || d.date !== record.date || d.conversationIds.length !== conversationIds.length) return false;
	for (let i = 0; i < conversationIds.length; i++) if (d.conversationIds[i] !== conversationIds[i]) return false;
	return true;
}

/** A nested link's target, from its source text: the scanner's reading (inner brackets dropped, then alias, heading and block). */
function nestedTarget(raw: string): string {
	const inside = raw.slice(raw.charCodeAt(0) === 33 /* ! */ ? 3 : 2, -2);
	return splitLinkText(inside.replace(/\[\[|\]\]/g, "")).target;
}

/** A note's nested links as { target, raw } pairs. */
export function nestedLinks(note: IndexedNote): { target: string; raw: string }[] {
	const text = note.nestedText;
	const raws = typeof text !== "string" ? text : text === "" ? [] : text.split(SEPARATOR);
	return raws.map((raw) => ({ target: nestedTarget(raw), raw }));
}

/** Packs the source texts (see `IndexedNote.nestedText`); joining copies them off the note text. */
function packNested(raws: readonly string[]): string | readonly string[] {
	if (raws.length === 0) return "";
	for (let i = 0; i < raws.length; i++) if ((raws[i] as string).includes(SEPARATOR)) return raws.map(ownString);
	return raws.length === 1 ? ownString(raws[0] as string) : raws.join(SEPARATOR);
}

/** `list` cut to `length`: in place when it was sized up front (shortening trims it), else a copy. */
function exactList(list: string[], length: number, sized: boolean): string[] {
	if (!sized) return list.slice();
	list.length = length;
	return list;
}

function ownOrNull(s: string | null): string | null {
	return s === null ? null : ownString(s);
}

/** Where compactNote puts strings: link targets in the index's target table, other shared strings in a pool. */
export interface NotePools {
	pool: StringPool;
	targets: LinkTargets;
}

/** Footer links (outer only): a lone plain link is a list shared by every note with that footer. */
function footerRefs(links: readonly WikiLink[], { pool, targets }: NotePools): readonly Readonly<LinkRef>[] {
	if (links.length === 0) return EMPTY;
	const only = links.length === 1 ? links[0] : undefined;
	if (only !== undefined && !only.inner && only.heading === null && only.block === null) return targets.single(only.target);
	const out: Readonly<LinkRef>[] = [];
	for (const l of links) {
		if (l.inner) continue;
		const plain = l.heading === null && l.block === null;
		out.push(plain ? (targets.single(l.target)[0] as Readonly<LinkRef>) : { target: targets.intern(l.target), heading: pool.internOrNull(l.heading), block: pool.internOrNull(l.block) });
	}
	return out.slice();
}

/**
 * The compact form of a parsed note. Strings are copied or pooled: nothing refers to the note text. The
 * target table collects the note's link targets on the way (see `LinkTargets.beginNote`).
 */
export function compactNote(record: NoteRecord, pools: NotePools): IndexedNote {
	const { pool, targets } = pools;
	targets.beginNote();
	const links = record.links;
	// Sized up front and cut to length at the end, so no list grown by push has to be copied to drop its
	// spare room; a note with thousands of links grows one (a huge `new Array` is not a fast array).
	const sized = links.length <= 1024;
	const linkTargets: string[] = sized ? new Array<string>(links.length) : [];
	let plainCount = 0;
	let anchoredLinks: LinkUse[] = EMPTY;
	let anchoredAt: Map<string, LinkUse> | undefined;
	let nested: string[] = EMPTY;
	for (let i = 0; i < links.length; i++) {
		const l = links[i] as WikiLink;
		const plain = l.heading === null && l.block === null;
		const target = plain ? targets.internLink(l.target) : null;
		if (l.nested && !l.inner) {
			// Not pooled: packNested copies them into one string.
			if (nested === EMPTY) nested = [l.raw];
			else nested.push(l.raw);
		}
		if (target !== null) {
			linkTargets[plainCount++] = target;
			continue;
		}
		anchoredAt ??= new Map();
		const form = l.block !== null ? `${l.target}\u0000^${l.block}` : `${l.target}\u0000#${l.heading ?? ""}`;
		const same = anchoredAt.get(form);
		if (same !== undefined) same.count++;
		else {
			if (anchoredLinks === EMPTY) anchoredLinks = [];
			const use: LinkUse = { target: targets.internLink(l.target), heading: pool.internOrNull(l.heading), block: pool.internOrNull(l.block), count: 1 };
			anchoredAt.set(form, use);
			anchoredLinks.push(use);
		}
	}
	// A note's name is mostly a link target already (the note before it in its conversation links to it):
	// the target's string serves as the name too, one string where a cut from the path would be a second.
	const basename = targets.existing(record.basename) ?? record.basename;
	// A title that is the file name (the generator names files after titles) shares the file name's string.
	const title = record.title === record.basename ? basename : ownOrNull(record.title);
	// normalizeDate builds most dates by concatenation (a tree of string pieces, some of them cut from the
	// note): one flat copy is one small object.
	const date = ownOrNull(record.date);
	const conversationIds = pool.list(record.conversationIds);
	let footerKeyFloor = NO_FOOTER;
	const parts = record.parts.map((p) => {
		const preceding = footerRefs(p.preceding, pools);
		const following = footerRefs(p.following, pools);
		footerKeyFloor = Math.min(footerKeyFloor, footerListFloor(preceding, targets), footerListFloor(following, targets));
		return { index: p.index, document: p.document, preceding, following, seeAlso: footerRefs(p.seeAlso, pools) };
	});
	return {
		path: record.path,
		basename,
		title,
		date,
		autogenerated: record.autogenerated,
		sources: pool.list(record.sources),
		conversationIds,
		messageIdText: packMessageIds(record.messageIds),
		categories: pool.list(record.categories),
		tags: pool.list(record.tags),
		documents: singlePlainDocument(record, conversationIds) ? EMPTY : record.documents.map((d) => ({
			index: d.index,
			line: d.line,
			title: d.title === record.title ? title : ownOrNull(d.title),
			date: d.date === record.date ? date : ownOrNull(d.date),
			conversationIds: pool.list(d.conversationIds),
		})),
		parts,
		footerKeyFloor,
		exchangeCount: record.exchanges.length,
		linkTargets: plainCount === 0 ? EMPTY : exactList(linkTargets, plainCount, sized),
		// slice(): arrays grown by push keep spare capacity; a copy is exactly as long as it needs to be.
		anchoredLinks: anchoredLinks === EMPTY ? EMPTY : anchoredLinks.slice(),
		nestedText: packNested(nested),
		diagnostics: record.diagnostics.length === 0 ? EMPTY : record.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: ownString(d.message), line: d.line })),
	};
}
