// The graph of one thread: a node per note part and per missing target, and the edges the footer chain
// implies, read in both directions. thread-order.ts walks it.
import type { LinkRef } from "./indexed-note";

/** A note in a thread, with the parts that belong to this thread (an appended document may not). */
export interface ThreadMember<N extends OrderNote = OrderNote> {
	note: N;
	parts: readonly OrderPart[];
}

/** What ordering reads of a note (a NoteRecord and an IndexedNote both have it). */
export interface OrderNote {
	path: string;
	basename: string;
	date: string | null;
	sources: readonly string[];
	documents: readonly { date: string | null }[];
}

/** What ordering reads of a note part. */
export interface OrderPart {
	document: number;
	preceding: readonly LinkRef[];
	following: readonly LinkRef[];
}

/** The lower-cased, trimmed form of a footer target, as written. */
export function targetKey(target: string): string {
	return target.trim().toLowerCase();
}

/**
 * A resolved footer link, as a number: a member file's index (>= 0), OUTSIDE (a file that is not in the
 * thread), or `MISSING - k` for the k-th distinct target that resolves to nothing. Fork keys (a part's
 * distinct successors) use the same numbers. Numbers, not objects: a vault-wide first ordering makes
 * tens of thousands of them.
 */
const OUTSIDE = -1;
const MISSING = -2;
/** Fork key of a part that has none yet. */
const NO_FORK = 0x7fffffff;

/**
 * The graph of one thread: one node per member part (numbered file by file, parts in order), then one per
 * missing target. Kept in parallel arrays; `succ` holds edges, each a node or (negative, `~k`) the k-th
 * candidate list of `multi`: walk to the first unvisited candidate; the first is the edge's own target.
 */
export class ThreadGraph {
	readonly fileOf: number[] = [];
	readonly partIndex: number[] = [];
	readonly date: (string | null)[] = [];
	/** Missing target number of a missing node, -1 for parts. */
	readonly missingOf: number[] = [];
	readonly succ: (number[] | null)[] = [];
	readonly multi: number[][] = [];
	readonly hasPred: boolean[] = [];
	/** Per member file: its first node and how many parts it has. */
	readonly firstNode: number[] = [];
	readonly nodeCount: number[] = [];
	/** Per part node: where its `preceding` / `following` refs sit in the flat ref lists. */
	readonly precStart: number[] = [];
	readonly follStart: number[] = [];
	readonly precRefs: number[] = [];
	readonly follRefs: number[] = [];
	readonly follLinks: LinkRef[] = [];
	/** Per part node: its first fork key and label; later distinct ones go to `forkMore`. */
	readonly forkFirst: number[] = [];
	readonly forkLabel: string[] = [];
	readonly forkMore: (Map<number, string> | null)[] = [];
	readonly missingKeys: string[] = [];
	readonly selfLink: boolean[];
	/** Per missing target: its node, -1 until an edge needs it. */
	private readonly missingNodes: number[] = [];
	/** Made on first need: most threads have no missing target, and small ones look paths up in `files`. */
	private missingKeyNumber: Map<string, number> | null = null;
	private fileByPath: Map<string, number> | null = null;
	partCount = 0;

	constructor(
		readonly files: readonly ThreadMember[],
		/** Where a footer link of member file `file` leads, or null. */
		private readonly resolve: (link: LinkRef, file: number) => string | null,
	) {
		this.selfLink = files.map(() => false);
		files.forEach((member, f) => this.addParts(member, f));
		this.partCount = this.fileOf.length;
		this.precStart.push(this.precRefs.length);
		this.follStart.push(this.follRefs.length);
	}

	get size(): number {
		return this.fileOf.length;
	}

	/** The member file at `path`, or -1. A linear search while the thread is small (no map to build). */
	private fileAt(path: string): number {
		const files = this.files;
		if (files.length <= 8) {
			for (let i = 0; i < files.length; i++) if ((files[i] as ThreadMember).note.path === path) return i;
			return -1;
		}
		if (this.fileByPath === null) {
			const map = new Map<string, number>();
			files.forEach((m, i) => map.set(m.note.path, i));
			this.fileByPath = map;
		}
		return this.fileByPath.get(path) ?? -1;
	}

	pathOf(file: number): string {
		return this.files[file]?.note.path ?? "";
	}

	private newNode(file: number, index: number, date: string | null, missing: number): number {
		this.fileOf.push(file);
		this.partIndex.push(index);
		this.date.push(date);
		this.missingOf.push(missing);
		this.succ.push(null);
		this.hasPred.push(false);
		return this.fileOf.length - 1;
	}

	/** One node per part; a note without parts still takes its place in the thread, as one node. */
	private addParts(member: ThreadMember, f: number): void {
		const count = Math.max(1, member.parts.length);
		this.firstNode.push(this.fileOf.length);
		this.nodeCount.push(count);
		for (let index = 0; index < count; index++) {
			const part = member.parts[index];
			const doc = part === undefined ? undefined : member.note.documents[part.document];
			this.newNode(f, index, doc?.date ?? member.note.date, -1);
			this.precStart.push(this.precRefs.length);
			this.follStart.push(this.follRefs.length);
			this.forkFirst.push(NO_FORK);
			this.forkLabel.push("");
			this.forkMore.push(null);
			if (part === undefined) continue;
			for (const link of part.preceding) if (link.inner !== true) this.precRefs.push(this.toRef(link, f));
			for (const link of part.following) {
				if (link.inner === true) continue;
				this.follRefs.push(this.toRef(link, f));
				this.follLinks.push(link);
			}
		}
	}

	private toRef(link: LinkRef, file: number): number {
		const path = this.resolve(link, file);
		if (path === null) {
			const key = targetKey(link.target);
			this.missingKeyNumber ??= new Map();
			let k = this.missingKeyNumber.get(key);
			if (k === undefined) {
				k = this.missingKeys.length;
				this.missingKeys.push(key);
				this.missingNodes.push(-1);
				this.missingKeyNumber.set(key, k);
			}
			return MISSING - k;
		}
		const at = this.fileAt(path);
		if (at < 0) return OUTSIDE;
		if (at === file) this.selfLink[file] = true;
		return at;
	}

	/** The node of a missing target, made (with the date of the part that first names it) on first use. */
	missingNode(ref: number, date: string | null): number {
		const k = MISSING - ref;
		let at = this.missingNodes[k] as number;
		if (at < 0) {
			at = this.newNode(-1, 0, date, k);
			this.missingNodes[k] = at;
		}
		return at;
	}

	addEdge(from: number, candidates: number | number[]): void {
		const edge = typeof candidates === "number" ? candidates : ~(this.multi.push(candidates) - 1);
		const list = this.succ[from];
		if (list === null || list === undefined) this.succ[from] = [edge];
		else list.push(edge);
	}

	/** The candidates of an edge: a lone candidate as the node itself (no list is made for it), else its list. */
	edgeCandidates(edge: number): readonly number[] | number {
		return edge >= 0 ? edge : (this.multi[~edge] as number[]);
	}

	/** Records a distinct successor of a part (the first label written for it wins). */
	addForkKey(n: number, key: number, label: () => string): void {
		const first = this.forkFirst[n];
		if (first === NO_FORK) {
			this.forkFirst[n] = key;
			this.forkLabel[n] = label();
			return;
		}
		if (first === key) return;
		let more = this.forkMore[n];
		if (more === null || more === undefined) more = this.forkMore[n] = new Map();
		if (!more.has(key)) more.set(key, label());
	}

	/** The distinct successor labels of a part that forks (two or more), else null. */
	forkLabels(n: number): string[] | null {
		const more = this.forkMore[n];
		if (more === null || more === undefined || more.size === 0) return null;
		return [this.forkLabel[n] as string, ...more.values()];
	}

	/** Whether one of the refs from `start` to `end` in `refs` is the member file `file`. */
	static pointsTo(refs: readonly number[], start: number, end: number, file: number): boolean {
		for (let i = start; i < end; i++) if (refs[i] === file) return true;
		return false;
	}

	precPointsTo(n: number, file: number): boolean {
		return ThreadGraph.pointsTo(this.precRefs, this.precStart[n] as number, this.precStart[n + 1] as number, file);
	}

	follPointsTo(n: number, file: number): boolean {
		return ThreadGraph.pointsTo(this.follRefs, this.follStart[n] as number, this.follStart[n + 1] as number, file);
	}
}

/** The parts of `file` a `following` from part n may enter, best first (a lone part: that node, or none). */
function entryCandidates(g: ThreadGraph, n: number, file: number): number | number[] {
	const first = g.firstNode[file] as number;
	const end = first + (g.nodeCount[file] as number);
	if (end - first === 1) return first === n ? [] : first;
	const from = g.fileOf[n] as number;
	const back: number[] = [];
	const rest: number[] = [];
	for (let x = first; x < end; x++) {
		if (x !== n) (g.precPointsTo(x, from) ? back : rest).push(x);
	}
	if (file !== from) return [...back, ...rest];
	const at = g.partIndex[n] as number;
	const after = (x: number): boolean => (g.partIndex[x] as number) > at;
	return [...back.filter(after), ...back.filter((x) => !after(x)), ...rest.filter(after), ...rest.filter((x) => !after(x))];
}

/** The part of `file` that part q's `preceding` names, or -1. */
function predecessorPart(g: ThreadGraph, q: number, file: number): number {
	const toFile = g.fileOf[q] as number;
	const toIndex = g.partIndex[q] as number;
	const own = file === toFile;
	const first = g.firstNode[file] as number;
	const end = first + (g.nodeCount[file] as number);
	let firstForward = -1;
	let lastForwardBefore = -1;
	let justBefore = -1;
	let last = -1;
	for (let x = first; x < end; x++) {
		if (x === q) continue;
		last = x;
		const index = g.partIndex[x] as number;
		if (own && index === toIndex - 1 && justBefore < 0) justBefore = x;
		if (!g.follPointsTo(x, toFile)) continue;
		if (firstForward < 0) firstForward = x;
		if (own && index < toIndex) lastForwardBefore = x;
	}
	if (own) return lastForwardBefore >= 0 ? lastForwardBefore : firstForward >= 0 ? firstForward : justBefore;
	return firstForward >= 0 ? firstForward : last;
}

/** Adds the explicit edges (`following`) and the implied ones (a `preceding` stands for the predecessor's `following`). */
export function addEdges(g: ThreadGraph): void {
	for (let n = 0; n < g.partCount; n++) {
		const follEnd = g.follStart[n + 1] as number;
		for (let i = g.follStart[n] as number; i < follEnd; i++) {
			const ref = g.follRefs[i] as number;
			if (ref === OUTSIDE) continue;
			const link = g.follLinks[i] as LinkRef;
			const label = (): string => targetKey(link.target);
			if (ref <= MISSING) {
				const m = g.missingNode(ref, g.date[n] ?? null);
				g.addEdge(n, m);
				g.hasPred[m] = true;
				g.addForkKey(n, ref, label);
				continue;
			}
			const candidates = entryCandidates(g, n, ref);
			if (typeof candidates !== "number" && candidates.length === 0) continue; // a one-part note following itself
			g.addEdge(n, candidates);
			g.hasPred[typeof candidates === "number" ? candidates : (candidates[0] as number)] = true;
			g.addForkKey(n, ref, label);
		}
	}
	for (let q = 0; q < g.partCount; q++) {
		const precEnd = g.precStart[q + 1] as number;
		for (let i = g.precStart[q] as number; i < precEnd; i++) {
			const ref = g.precRefs[i] as number;
			if (ref === OUTSIDE) continue;
			if (ref <= MISSING) {
				g.addEdge(g.missingNode(ref, g.date[q] ?? null), q);
				g.hasPred[q] = true;
				continue;
			}
			const pred = predecessorPart(g, q, ref);
			if (pred < 0) continue;
			g.hasPred[q] = true;
			g.addEdge(pred, q);
			const file = g.fileOf[q] as number;
			g.addForkKey(pred, file, () => targetKey(g.files[file]?.note.basename ?? ""));
		}
	}
}
