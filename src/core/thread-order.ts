// The order of one thread: the footer chain read in both directions, over note parts. Pure and iterative.
import type { LinkRef } from "./indexed-note";
import type { Thread, ThreadEntry, ThreadFork } from "./thread-model";
import { compareText } from "./compare";

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

/** The path a footer link resolves to from its note, or null. */
export type FooterResolver<N extends OrderNote = OrderNote> = (link: LinkRef, from: N) => string | null;

/** A resolved footer link: a member file, a target that resolves to nothing, or a file outside the thread. */
type Ref = { kind: "file"; file: number } | { kind: "missing"; key: string } | { kind: "outside" };

interface Node {
	/** Member index, or -1 for a missing target. */
	file: number;
	/** Position among the member's parts. */
	index: number;
	date: string | null;
	/** Missing target key, "" for parts. */
	key: string;
	prec: Ref[];
	foll: { ref: Ref; label: string }[];
	/** Each edge is a candidate list: walk to the first unvisited one; the first is the edge's own target. */
	succ: number[][];
	hasPred: boolean;
	/** Distinct successor files / missing targets, with their labels (made when the first one comes). */
	forkKeys: Map<string, string> | null;
}

/** The lower-cased, trimmed form of a footer target, as written. */
export function targetKey(target: string): string {
	return target.trim().toLowerCase();
}

function footer(links: readonly LinkRef[]): LinkRef[] {
	return links.filter((l) => l.inner !== true);
}

/** Preceding and following links of every part (outer links only: an inner link is not a footer target). */
export function footerLinks(note: { parts: readonly OrderPart[] }): LinkRef[] {
	const out: LinkRef[] = [];
	for (const part of note.parts) out.push(...footer(part.preceding), ...footer(part.following));
	return out;
}

/** Records a distinct successor of a part (the first label written for it wins). */
function addForkKey(node: Node, key: string, label: string): void {
	node.forkKeys ??= new Map();
	if (!node.forkKeys.has(key)) node.forkKeys.set(key, label);
}


export function orderThread<N extends OrderNote>(id: string, members: readonly ThreadMember<N>[], resolve: FooterResolver<N>): Thread {
	const files = [...members].sort((a, b) => compareText(a.note.path, b.note.path));
	const fileByPath = new Map<string, number>();
	files.forEach((m, i) => fileByPath.set(m.note.path, i));
	const nodes: Node[] = [];
	const nodesOf: number[][] = files.map(() => []);
	const missingNode = new Map<string, number>();
	const selfLink = files.map(() => false);

	const newNode = (file: number, index: number, date: string | null, key: string): number => {
		nodes.push({ file, index, date, key, prec: [], foll: [], succ: [], hasPred: false, forkKeys: null });
		return nodes.length - 1;
	};
	const toRef = (link: LinkRef, file: number): Ref => {
		const member = files[file] as ThreadMember<N>;
		const path = resolve(link, member.note);
		if (path === null) return { kind: "missing", key: targetKey(link.target) };
		const at = fileByPath.get(path);
		if (at === undefined) return { kind: "outside" };
		if (at === file) selfLink[file] = true;
		return { kind: "file", file: at };
	};
	const missing = (key: string, date: string | null): number => {
		let at = missingNode.get(key);
		if (at === undefined) {
			at = newNode(-1, 0, date, key);
			missingNode.set(key, at);
		}
		return at;
	};

	files.forEach((member, f) => {
		// A note without parts still takes its place in the thread, as one node.
		const count = Math.max(1, member.parts.length);
		for (let index = 0; index < count; index++) {
			const part = member.parts[index];
			const doc = part === undefined ? undefined : member.note.documents[part.document];
			const n = newNode(f, index, doc?.date ?? member.note.date, "");
			const node = nodes[n] as Node;
			nodesOf[f]?.push(n);
			if (part === undefined) continue;
			for (const link of part.preceding) if (link.inner !== true) node.prec.push(toRef(link, f));
			for (const link of part.following) if (link.inner !== true) node.foll.push({ ref: toRef(link, f), label: targetKey(link.target) });
		}
	});

	const partCount = nodes.length;
	const get = (n: number): Node => nodes[n] as Node;
	const pointsTo = (refs: readonly Ref[], file: number): boolean => refs.some((r) => r.kind === "file" && r.file === file);

	// Explicit edges: `following`.
	for (let n = 0; n < partCount; n++) {
		const node = get(n);
		for (const { ref, label } of node.foll) {
			if (ref.kind === "outside") continue;
			if (ref.kind === "missing") {
				const m = missing(ref.key, node.date);
				node.succ.push([m]);
				get(m).hasPred = true;
				addForkKey(node, `m:${ref.key}`, label);
				continue;
			}
			const candidates = entryCandidates(n, ref.file);
			if (candidates.length === 0) continue; // a one-part note following itself
			node.succ.push(candidates);
			get(candidates[0] as number).hasPred = true;
			addForkKey(node, `f:${ref.file}`, label);
		}
	}
	// Implied edges: a `preceding` stands for the predecessor's `following`.
	for (let q = 0; q < partCount; q++) {
		const node = get(q);
		for (const ref of node.prec) {
			if (ref.kind === "outside") continue;
			if (ref.kind === "missing") {
				get(missing(ref.key, node.date)).succ.push([q]);
				node.hasPred = true;
				continue;
			}
			const pred = predecessorPart(q, ref.file);
			if (pred < 0) continue;
			node.hasPred = true;
			const p = get(pred);
			p.succ.push([q]);
			addForkKey(p, `f:${node.file}`, targetKey(files[node.file]?.note.basename ?? ""));
		}
	}

	/** The parts of `file` a `following` from part n may enter, best first. */
	function entryCandidates(n: number, file: number): number[] {
		const from = get(n);
		const own = file === from.file;
		const others = (nodesOf[file] ?? []).filter((x) => x !== n);
		const back = others.filter((x) => pointsTo(get(x).prec, from.file));
		const rest = others.filter((x) => !back.includes(x));
		if (!own) return [...back, ...rest];
		const after = (x: number): boolean => get(x).index > from.index;
		return [...back.filter(after), ...back.filter((x) => !after(x)), ...rest.filter(after), ...rest.filter((x) => !after(x))];
	}

	/** The part of `file` that part q's `preceding` names, or -1. */
	function predecessorPart(q: number, file: number): number {
		const to = get(q);
		const own = file === to.file;
		const others = (nodesOf[file] ?? []).filter((x) => x !== q);
		const forward = others.filter((x) => get(x).foll.some((f) => f.ref.kind === "file" && f.ref.file === to.file));
		if (own) {
			const before = forward.filter((x) => get(x).index < to.index);
			if (before.length > 0) return before[before.length - 1] as number;
			if (forward.length > 0) return forward[0] as number;
			return others.find((x) => get(x).index === to.index - 1) ?? -1;
		}
		if (forward.length > 0) return forward[0] as number;
		return others[others.length - 1] ?? -1;
	}

	// Sort key of a node: date (null last), then path, then part; a missing target sorts as what it leads to.
	const sortInfo = (n: number): [string, string, number] => {
		const node = get(n);
		if (node.file >= 0) return [node.date ?? "\uffff", files[node.file]?.note.path ?? "", node.index];
		const next = node.succ[0]?.[0];
		if (next !== undefined && get(next).file >= 0) {
			const [date, path, index] = sortInfo(next);
			return [node.date !== null && node.date < date ? node.date : date, path, index - 0.5];
		}
		return [node.date ?? "\uffff", "", -1];
	};
	const infos = nodes.map((_, n) => sortInfo(n));
	const sorted = nodes
		.map((_, n) => n)
		.sort((a, b) => {
			const x = infos[a] as [string, string, number];
			const y = infos[b] as [string, string, number];
			return compareText(x[0], y[0]) || compareText(x[1], y[1]) || x[2] - y[2] || a - b;
		});

	const entries: ThreadEntry[] = [];
	const entryOfFile = new Map<number, number>();
	const missingList: string[] = [];
	const cycles: string[][] = [];
	const cycleFiles = new Set<number>();
	const visited = new Uint8Array(nodes.length);
	const onChain = new Int32Array(nodes.length).fill(-1);

	const emit = (n: number): void => {
		const node = get(n);
		if (node.file < 0) {
			entries.push({ kind: "missing", target: node.key });
			missingList.push(node.key);
			return;
		}
		if (entryOfFile.has(node.file)) return;
		entryOfFile.set(node.file, entries.length);
		const path = files[node.file]?.note.path ?? "";
		entries.push({ kind: "note", path, fork: false, cycle: false, selfLink: selfLink[node.file] ?? false });
	};
	const walk = (start: number): void => {
		const chain: number[] = [];
		let cur = start;
		while (cur >= 0) {
			visited[cur] = 1;
			onChain[cur] = chain.length;
			chain.push(cur);
			emit(cur);
			let next = -1;
			let closed = null as Set<number> | null;
			for (const edge of get(cur).succ) {
				const open = edge.find((x) => visited[x] === 0);
				if (open !== undefined) {
					if (next < 0) next = open;
					continue;
				}
				const target = edge[0] as number;
				const at = onChain[target] ?? -1;
				if (at < 0 || closed?.has(target) === true) continue;
				(closed ??= new Set()).add(target);
				const paths: string[] = [];
				for (const x of chain.slice(at)) {
					const path = files[get(x).file]?.note.path;
					if (path !== undefined && !paths.includes(path)) paths.push(path);
				}
				cycles.push(paths);
				if (get(target).file >= 0) cycleFiles.add(get(target).file);
			}
			cur = next;
		}
		for (const x of chain) onChain[x] = -1;
	};
	for (const n of sorted) if (visited[n] === 0 && !get(n).hasPred) walk(n);
	for (const n of sorted) if (visited[n] === 0) walk(n);

	const forks: ThreadFork[] = [];
	const forkTargets = new Map<number, string[]>();
	for (let n = 0; n < partCount; n++) {
		const node = get(n);
		if (node.forkKeys === null || node.forkKeys.size < 2) continue;
		const targets = forkTargets.get(node.file) ?? [];
		for (const label of node.forkKeys.values()) if (!targets.includes(label)) targets.push(label);
		forkTargets.set(node.file, targets);
	}
	const sources: string[] = [];
	const selfLinks: string[] = [];
	for (const entry of entries) {
		if (entry.kind !== "note") continue;
		const file = fileByPath.get(entry.path) as number;
		const targets = forkTargets.get(file);
		if (targets !== undefined) {
			entry.fork = true;
			forks.push({ path: entry.path, targets });
		}
		entry.cycle = cycleFiles.has(file);
		if (entry.selfLink) selfLinks.push(entry.path);
		for (const s of files[file]?.note.sources ?? []) if (!sources.includes(s)) sources.push(s);
	}
	return { id, sources, entries, missing: missingList, forks, cycles, selfLinks };
}
