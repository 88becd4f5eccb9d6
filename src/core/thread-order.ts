// The order of one thread: the footer chain read in both directions, over note parts. Pure and iterative.
import type { LinkRef } from "./indexed-note";
import type { Thread, ThreadEntry, ThreadFork } from "./thread-model";
import { compareText } from "./compare";
import { addEdges, ThreadGraph, type OrderNote, type OrderPart, type ThreadMember } from "./thread-graph";

export { targetKey, type OrderNote, type OrderPart, type ThreadMember } from "./thread-graph";

/** The path a footer link resolves to from its note, or null. */
export type FooterResolver<N extends OrderNote = OrderNote> = (link: LinkRef, from: N) => string | null;

function footer(links: readonly LinkRef[]): LinkRef[] {
	return links.filter((l) => l.inner !== true);
}

/** Preceding and following links of every part (outer links only: an inner link is not a footer target). */
export function footerLinks(note: { parts: readonly OrderPart[] }): LinkRef[] {
	const out: LinkRef[] = [];
	for (const part of note.parts) out.push(...footer(part.preceding), ...footer(part.following));
	return out;
}

/** Node numbers in walk-start order: date (null last), then path, then part; a missing target sorts as what it leads to. */
function sortedNodes(g: ThreadGraph): number[] {
	const size = g.size;
	const dates: string[] = new Array<string>(size);
	const paths: string[] = new Array<string>(size);
	const indexes: number[] = new Array<number>(size);
	for (let n = 0; n < size; n++) {
		const file = g.fileOf[n] as number;
		if (file >= 0) {
			dates[n] = g.date[n] ?? "\uffff";
			paths[n] = g.pathOf(file);
			indexes[n] = g.partIndex[n] as number;
		}
	}
	for (let n = g.partCount; n < size; n++) {
		const own = g.date[n] ?? null;
		const edge = g.succ[n]?.[0];
		const next = edge === undefined ? undefined : firstCandidate(g.edgeCandidates(edge));
		if (next !== undefined && (g.fileOf[next] as number) >= 0) {
			const date = dates[next] as string;
			dates[n] = own !== null && own < date ? own : date;
			paths[n] = paths[next] as string;
			indexes[n] = (indexes[next] as number) - 0.5;
		} else {
			dates[n] = own ?? "\uffff";
			paths[n] = "";
			indexes[n] = -1;
		}
	}
	const order: number[] = new Array<number>(size);
	for (let n = 0; n < size; n++) order[n] = n;
	return order.sort(
		(a, b) => compareText(dates[a] as string, dates[b] as string) || compareText(paths[a] as string, paths[b] as string) || (indexes[a] as number) - (indexes[b] as number) || a - b,
	);
}

function firstCandidate(candidates: readonly number[] | number): number | undefined {
	return typeof candidates === "number" ? candidates : candidates[0];
}

/** The first unvisited candidate of an edge, or -1. */
function firstOpen(candidates: readonly number[] | number, visited: readonly number[]): number {
	if (typeof candidates === "number") return visited[candidates] === 0 ? candidates : -1;
	for (const x of candidates) if (visited[x] === 0) return x;
	return -1;
}

export function orderThread<N extends OrderNote>(id: string, members: readonly ThreadMember<N>[], resolve: FooterResolver<N>): Thread {
	const files = [...members].sort((a, b) => compareText(a.note.path, b.note.path));
	const g = new ThreadGraph(files, (link, file) => resolve(link, (files[file] as ThreadMember<N>).note));
	addEdges(g);
	const sorted = sortedNodes(g);

	const entries: ThreadEntry[] = [];
	/** The member file of each note entry, in entry order. */
	const entryFiles: number[] = [];
	// Plain arrays and lazily made sets: a vault's first ordering runs this for every conversation, most
	// of them a few notes long, where making typed arrays, maps and sets costs more than the walk.
	const emitted: boolean[] = new Array<boolean>(files.length).fill(false);
	const missingList: string[] = [];
	const cycles: string[][] = [];
	let cycleFiles = null as Set<number> | null;
	const visited: number[] = new Array<number>(g.size).fill(0);
	const onChain: number[] = new Array<number>(g.size).fill(-1);

	const emit = (n: number): void => {
		const file = g.fileOf[n] as number;
		if (file < 0) {
			const key = g.missingKeys[g.missingOf[n] as number] as string;
			entries.push({ kind: "missing", target: key });
			missingList.push(key);
			return;
		}
		if (emitted[file] === true) return;
		emitted[file] = true;
		entryFiles.push(file);
		entries.push({ kind: "note", path: g.pathOf(file), fork: false, cycle: false, selfLink: g.selfLink[file] ?? false });
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
			for (const edge of g.succ[cur] ?? []) {
				const candidates = g.edgeCandidates(edge);
				const open = firstOpen(candidates, visited);
				if (open >= 0) {
					if (next < 0) next = open;
					continue;
				}
				const target = firstCandidate(candidates) as number;
				const at = onChain[target] ?? -1;
				if (at < 0 || closed?.has(target) === true) continue;
				(closed ??= new Set()).add(target);
				const paths: string[] = [];
				for (let i = at; i < chain.length; i++) {
					const file = g.fileOf[chain[i] as number] as number;
					if (file < 0) continue;
					const path = g.pathOf(file);
					if (!paths.includes(path)) paths.push(path);
				}
				cycles.push(paths);
				if ((g.fileOf[target] as number) >= 0) (cycleFiles ??= new Set()).add(g.fileOf[target] as number);
			}
			cur = next;
		}
		for (const x of chain) onChain[x] = -1;
	};
	for (const n of sorted) if (visited[n] === 0 && g.hasPred[n] !== true) walk(n);
	for (const n of sorted) if (visited[n] === 0) walk(n);

	const forks: ThreadFork[] = [];
	let forkTargets: Map<number, string[]> | null = null;
	for (let n = 0; n < g.partCount; n++) {
		const labels = g.forkLabels(n);
		if (labels === null) continue;
		const file = g.fileOf[n] as number;
		forkTargets ??= new Map();
		const targets = forkTargets.get(file) ?? [];
		for (const label of labels) if (!targets.includes(label)) targets.push(label);
		forkTargets.set(file, targets);
	}
	const sources: string[] = [];
	const selfLinks: string[] = [];
	let at = 0;
	for (const entry of entries) {
		if (entry.kind !== "note") continue;
		const file = entryFiles[at++] as number;
		const targets = forkTargets?.get(file);
		if (targets !== undefined) {
			entry.fork = true;
			forks.push({ path: entry.path, targets });
		}
		entry.cycle = cycleFiles?.has(file) === true;
		if (entry.selfLink) selfLinks.push(entry.path);
		for (const s of files[file]?.note.sources ?? []) if (!sources.includes(s)) sources.push(s);
	}
	return { id, sources, entries, missing: missingList, forks, cycles, selfLinks };
}
