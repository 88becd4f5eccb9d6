// c. The thread index: cold build vs a read+regex floor, incremental updates vs a naive rebuild, heap per note.
import { spawnSync } from "node:child_process";
import { parseNote } from "../../src/core/note-parser";
import { ThreadIndex } from "../../src/core/thread-index";
import { measureHeap } from "./heap-bench";
import { floorPass, int, makeTempDir, median, ms, quantile, ratio, readText, removeDir, table, timeIt, writeVault } from "./measure";
import { log, type Options } from "./options";
import { editNote, generateVault, Rng } from "./vault-generator";

// ---------------------------------------------------------------- c. index: cold, incremental, heap, naive

interface IndexFigures {
	notes: number;
	floor: number;
	/** Read, parse and build (every note set), then the first threads() call. */
	cold: number;
	/** Per round, build / floor and cold / floor (floor and index timed back to back in each round). */
	buildRatios: number[];
	coldRatios: number[];
	/** The first floor pass and the first cold index of the process, before any warm-up (code not yet optimized). */
	firstFloor: number;
	firstCold: number;
	/** Of the cold index: the first threads() call, which orders every thread. */
	firstThreads: number;
	/** Of the cold index: read, parse and build only (the median of cold minus its threads() call). */
	build: number;
	/** Read + parseNote only (no index), same vault. */
	parse: number;
	heapPerNote: number;
	/** The same index once the unresolved links have been counted (what the panel and the report read). */
	heapWithUnresolved: number;
	/** Heap held by the parsed records alone (kept in an array, no index). */
	recordHeapPerNote: number;
	/** Average note size in characters. */
	charsPerNote: number;
	modify: number[];
	rename: number[];
	naive: number[];
	/** The most linked unresolved target: how many notes link to it, and create / delete of a note by that name. */
	hubLinkers: number;
	hubCreate: number[];
	hubDelete: number[];
}

function times(r: number): string {
	return `${r.toFixed(2)}x`;
}

/** The lowest and highest of per-round ratios, as `2.21-2.60x`. */
function spread(ratios: readonly number[]): string {
	return `${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}x`;
}

function kb(bytes: number): string {
	return `${(bytes / 1024).toFixed(2)} KB`;
}

function touchThreads(index: ThreadIndex, path: string): number {
	let n = 0;
	for (const t of index.threadsOf(path)) n += t.entries.length;
	return n;
}

/** Time of the last buildFromDisk's first threads() call. */
let lastThreadsTime = 0;

function buildFromDisk(dir: string, paths: readonly string[]): ThreadIndex {
	const index = new ThreadIndex();
	for (const p of paths) index.set(p, readText(dir, p));
	const t0 = performance.now();
	let n = 0;
	for (const t of index.threads()) n += t.entries.length;
	lastThreadsTime = performance.now() - t0;
	if (n < 0) log("");
	return index;
}

function benchIndexSize(size: number, opts: Options): IndexFigures {
	const notes = generateVault({ notes: size, seed: 23 + size });
	const dir = makeTempDir(`index-${size}`);
	try {
		writeVault(dir, notes);
		const paths = notes.map((n) => n.path);
		const rounds = size >= 50_000 ? 3 : 9;
		const floors: number[] = [];
		const colds: number[] = [];
		const threadTimes: number[] = [];
		const builds: number[] = [];
		const parses: number[] = [];
		const buildRatios: number[] = [];
		const coldRatios: number[] = [];
		// What a fresh process pays (Obsidian starts one per launch): nothing compiled or warmed yet.
		const firstFloor = timeIt(() => floorPass(dir, paths));
		const firstCold = timeIt(() => buildFromDisk(dir, paths));
		for (let r = 0; r < rounds; r++) {
			// The floor and the cold index back to back, each first in turn, and their ratio taken per round:
			// this VM has slow stretches of several seconds, which a ratio of separate medians reads as noise.
			const floorFirst = r % 2 === 0;
			let floor = floorFirst ? timeIt(() => floorPass(dir, paths)) : 0;
			const cold = timeIt(() => buildFromDisk(dir, paths));
			if (!floorFirst) floor = timeIt(() => floorPass(dir, paths));
			const build = cold - lastThreadsTime;
			floors.push(floor);
			colds.push(cold);
			threadTimes.push(lastThreadsTime);
			builds.push(build);
			buildRatios.push(build / floor);
			coldRatios.push(cold / floor);
			parses.push(
				timeIt(() => {
					for (const p of paths) parseNote(p, readText(dir, p));
				}),
			);
		}

		// Heap: each figure from a fresh process (see heap-bench.ts).
		const heap = measureHeap(dir, paths);
		let index: ThreadIndex | null = buildFromDisk(dir, paths);

		// Incremental updates on that index.
		const rng = new Rng(99);
		const texts = new Map<string, string>();
		for (const n of notes) texts.set(n.path, n.text);
		// The known slow case: a note whose name is linked from many notes comes and goes (each time
		// followed by the reads that recount: threads and vault-wide unresolved links).
		const idx0 = index;
		const hub = idx0.unresolvedInVault()[0];
		const hubCreate: number[] = [];
		const hubDelete: number[] = [];
		if (hub !== undefined) {
			const hubPath = `Concepts/${hub.target}.md`;
			for (let i = 0; i < 5; i++) {
				hubCreate.push(
					timeIt(() => {
						idx0.set(hubPath, "a concept note\n");
						idx0.threads();
						idx0.unresolvedInVault();
					}),
				);
				hubDelete.push(
					timeIt(() => {
						idx0.delete(hubPath);
						idx0.threads();
						idx0.unresolvedInVault();
					}),
				);
			}
		}

		const live = [...paths];
		const modify: number[] = [];
		const rename: number[] = [];
		let sink = 0;
		for (let i = 0; i < opts.updates; i++) {
			const at = rng.int(live.length);
			const p = live[at] as string;
			const edited = editNote(texts.get(p) as string, rng);
			texts.set(p, edited);
			const idx = index;
			modify.push(
				timeIt(() => {
					idx.set(p, edited);
					sink += touchThreads(idx, p);
				}),
			);
			const q = live[rng.int(live.length)] as string;
			const renamed = q.replace(/\.md$/, ` r${i}.md`);
			rename.push(
				timeIt(() => {
					idx.rename(q, renamed);
					sink += touchThreads(idx, renamed);
				}),
			);
			live[live.indexOf(q)] = renamed;
			texts.set(renamed, texts.get(q) as string);
			texts.delete(q);
		}
		index = null;

		// Naive baseline: on every change, re-parse every note and build a fresh index.
		const naiveRuns = size >= 50_000 ? 2 : size >= 10_000 ? 4 : 10;
		const naive: number[] = [];
		for (let i = 0; i < naiveRuns; i++) {
			const p = live[rng.int(live.length)] as string;
			texts.set(p, editNote(texts.get(p) as string, rng));
			naive.push(
				timeIt(() => {
					const fresh = new ThreadIndex();
					for (const [path, text] of texts) fresh.set(path, text);
					sink += touchThreads(fresh, p);
				}),
			);
		}
		if (sink < 0) log("");
		let chars = 0;
		for (const n of notes) chars += n.text.length;
		return {
			notes: size,
			floor: median(floors),
			cold: median(colds),
			buildRatios,
			coldRatios,
			firstFloor,
			firstCold,
			firstThreads: median(threadTimes),
			build: median(builds),
			parse: median(parses),
			heapPerNote: heap.index,
			heapWithUnresolved: heap.withUnresolved,
			recordHeapPerNote: heap.records,
			charsPerNote: chars / size,
			modify,
			rename,
			naive,
			hubLinkers: hub?.count ?? 0,
			hubCreate,
			hubDelete,
		};
	} finally {
		removeDir(dir);
	}
}

const CHILD_FLAG = "--index-child=";

/**
 * Each vault size is measured in a fresh Node process (floor and cold index alike, so they stay
 * comparable). In one process the figures depended on what ran before: after the parser sections (huge
 * and hostile notes) the 10k cold index read about 15% slower than on its own.
 */
function indexChild(size: number): IndexFigures {
	const script = process.argv[1] as string;
	const args = process.argv.slice(2).filter((a) => !a.startsWith("--sizes=") && !a.startsWith("--only="));
	const run = spawnSync(process.execPath, ["--expose-gc", script, ...args, `${CHILD_FLAG}${size}`, "--no-respawn"], {
		encoding: "utf8",
		maxBuffer: 64 << 20,
		stdio: ["ignore", "pipe", "inherit"],
	});
	if (run.status !== 0) throw new Error(`index measurement at ${size} notes failed (exit ${String(run.status)})`);
	return JSON.parse(run.stdout) as IndexFigures;
}

/** Runs in the child process (see `indexChild`); returns true when this process is one. */
export function runIndexChild(argv: readonly string[], opts: Options): boolean {
	const arg = argv.find((a) => a.startsWith(CHILD_FLAG));
	if (arg === undefined) return false;
	process.stdout.write(JSON.stringify(benchIndexSize(Number(arg.slice(CHILD_FLAG.length)), opts)));
	return true;
}

export function benchIndex(opts: Options): void {
	log(`## c. Thread index (generated vaults, read from disk; ${opts.updates} modify + ${opts.updates} rename updates)`);
	const figures: IndexFigures[] = [];
	for (const size of opts.sizes) {
		process.stderr.write(`  index: ${int(size)} notes...\n`);
		figures.push(indexChild(size));
	}
	log(
		table([
			["notes", "chars/note", "floor (read+regex)", "read, parse, build", "/floor", "+ first threads()", "/floor", "of which read+parse", "heap/note (index)", "+ unresolved read", "heap/note (records only)"],
			...figures.map((f) => [
				int(f.notes),
				int(f.charsPerNote),
				ms(f.floor),
				ms(f.build),
				times(median(f.buildRatios)),
				`${ms(f.cold)} (+${ms(f.firstThreads)})`,
				times(median(f.coldRatios)),
				`${ms(f.parse)} (${ratio(f.parse, f.floor)})`,
				kb(f.heapPerNote),
				kb(f.heapWithUnresolved),
				kb(f.recordHeapPerNote),
			]),
		]),
	);
	log();
	log(
		table([
			["notes", "modify p50", "modify p99", "rename p50", "rename p99", "naive rebuild p50 (runs)", "naive/modify", "naive/rename"],
			...figures.map((f) => {
				const nm = median(f.naive);
				return [
					int(f.notes),
					ms(median(f.modify)),
					ms(quantile(f.modify, 0.99)),
					ms(median(f.rename)),
					ms(quantile(f.rename, 0.99)),
					`${ms(nm)} (${f.naive.length})`,
					ratio(nm, median(f.modify)),
					ratio(nm, median(f.rename)),
				];
			}),
		]),
	);
	log();
	log(
		table([
			["notes", "hub target linked from", "create hub note p50", "delete hub note p50", "per linking note"],
			...figures.map((f) => [
				int(f.notes),
				`${int(f.hubLinkers)} notes`,
				ms(median(f.hubCreate)),
				ms(median(f.hubDelete)),
				f.hubLinkers > 0 ? `${((median(f.hubCreate) * 1000) / f.hubLinkers).toFixed(1)} µs` : "-",
			]),
		]),
	);
	log("(hub: the most linked unresolved target; each time followed by threads() and unresolvedInVault())");
	log();
	log(
		table([
			["notes", "per-round build/floor", "per-round + threads()/floor", "first run in a fresh process: floor", "read, parse, build + threads()", "/floor"],
			...figures.map((f) => [
				int(f.notes),
				`${spread(f.buildRatios)} (${f.buildRatios.length})`,
				spread(f.coldRatios),
				ms(f.firstFloor),
				ms(f.firstCold),
				ratio(f.firstCold, f.firstFloor),
			]),
		]),
	);
	log("(first run: before any warm-up, as in an app that has just started; the timed rounds above come after it)");
	log();
	log("Targets: cold/floor <= 2.5x at 10k notes; heap < 2 KB per note. Update = change + read that note's threads.");
	log("Read, parse, build: every note read and set in a new index. + first threads(): then every thread ordered.");
	log("Each /floor is the median of per-round ratios: in every round the floor and the index are timed back to back.");
	for (const f of figures) {
		const build = median(f.buildRatios);
		const cold = median(f.coldRatios);
		const verdict = (r: number): string => (f.notes === 10_000 ? ` (target <= 2.5x: ${r <= 2.5 ? "met" : "missed"})` : "");
		const heap = Math.max(f.heapPerNote, f.heapWithUnresolved) / 1024;
		log(`  ${int(f.notes)} notes: read, parse, build ${build.toFixed(2)}x${verdict(build)}; with the first threads() ${cold.toFixed(2)}x${verdict(cold)}; heap ${heap.toFixed(2)} KB a note (${heap < 2 ? "under" : "over"} 2 KB)`);
	}
}
